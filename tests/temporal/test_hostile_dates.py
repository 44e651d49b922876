"""Dates under hostile use (issue 13): the ends of the calendar, huge zone phrases, ISO 8601
values in the input, normalize of its own output, and ``region`` checked against CLDR."""

from __future__ import annotations

import io
import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest
from dates_eval_cases import read_cases

import translit
from translit.cli.main import main
from translit.errors import TranslitError
from translit.temporal import check_region, collect_temporal, find_dates, lexer, rewrite_text
from translit.temporal.resolve import OUTSIDE, apply_offset

LATE, EARLY, REF = "9999-12-31", "0001-01-01", "2021-10-04"
MARKERS = {"en": "date", "de": "Datum", "ru": "дата"}  # "date 9999-12-31" is a dateline

LEAVING = [  # (language, text, the end of the calendar it leaves from)
    *(("en", text, LATE) for text in (
        "tomorrow", "the day after tomorrow", "next week", "next month", "next year",
        "next Tuesday", "next January", "September next year", "in 3 months", "in two weeks",
        "in five years", "in 999 days", "in 999 years", "Jan. 1", "on Sunday",
        "two days after Dec. 31", "Dec. 28 - Jan. 3", "from Dec. 28 to Jan. 3",
        "early next year", "at 11 p.m. EST on Dec. 31", "Dec. 31 at 23:30 UTC-12")),
    *(("en", text, EARLY) for text in (
        "yesterday", "the day before yesterday", "last week", "last month", "last year",
        "last Tuesday", "he came on Sunday", "last December", "September last year",
        "3 months ago", "two weeks ago", "a week ago", "five years ago", "999 days ago",
        "999 years ago", "Dec. 31", "two days before Jan. 1", "late last year",
        "Jan. 1 at 00:30 UTC+14", "from Oct. 5 to Oct. 5")),
    *(("de", text, LATE) for text in (
        "morgen", "übermorgen", "nächste Woche", "nächsten Monat", "nächstes Jahr",
        "im kommenden Jahr", "nächsten Dienstag", "in drei Monaten", "in zwei Wochen",
        "in 999 Tagen", "morgen um 23 Uhr MEZ")),
    *(("de", text, EARLY) for text in (
        "gestern", "vorgestern", "letzte Woche", "letzten Monat", "letztes Jahr",
        "letzten Dienstag", "vor drei Monaten", "vor zwei Wochen", "vor 999 Tagen",
        "vor 999 Jahren", "am 31. Dezember", "vom 5. Oktober bis 5. Oktober")),
    *(("ru", text, LATE) for text in (
        "завтра", "послезавтра", "на следующей неделе", "в следующем месяце",
        "в следующем году", "в следующий вторник", "через три месяца", "через две недели",
        "через месяц", "через год", "через 999 лет", "с 28 декабря по 3 января")),
    *(("ru", text, EARLY) for text in (
        "вчера", "позавчера", "на прошлой неделе", "в прошлом месяце", "в прошлом году",
        "в прошлый вторник", "три месяца назад", "две недели назад", "неделю назад",
        "год назад", "999 дней назад", "31 декабря")),
]


def _values(text: str, ref: str | None, lang: str) -> list[tuple[str | None, str | None]]:
    return [(s["value"], s.get("unresolved")) for s in find_dates(text, ref=ref, lang=lang)]


@pytest.mark.parametrize(("lang", "text", "ref"), LEAVING, ids=lambda v: str(v))
def test_a_date_that_leaves_the_calendar_is_unresolved(lang: str, text: str, ref: str) -> None:
    found = _values(text, REF, lang)
    assert len(found) == 1 and found[0][0] is not None  # an ordinary date on an ordinary day
    assert _values(text, ref, lang) == [(None, OUTSIDE)]
    dateline = f"{MARKERS[lang]} {ref}\n{text}"  # the reference from the dateline: the same
    assert _values(dateline, None, lang) == [(ref, None), (None, OUTSIDE)]
    assert rewrite_text(text, find_dates(text, ref=ref, lang=lang)) == text


YEAR = re.compile(r"^(?:\d{4}(?:-W\d{2}|-\d{2}(?:-\d{2})?)?(?:T[\d:]+Z?)?|T[\d:]+Z?)"
                  r"(?:/\d{4}-\d{2}-\d{2})?$")


@pytest.mark.parametrize("ref", [LATE, EARLY, "9999-12-25", "0001-01-06"])
@pytest.mark.parametrize("lang", ["en", "de", "ru"])
def test_every_expression_at_the_ends_resolves_inside_or_not_at_all(ref: str,
                                                                    lang: str) -> None:
    for _, text, _ in (case for case in LEAVING if case[0] == lang):
        for span in find_dates(text, ref=ref, lang=lang):
            value = span["value"]
            assert value is None or (YEAR.match(value) and "0000" not in value), (text, value)


def test_the_reproducers_through_the_cli(capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    for word, ref in (("tomorrow", LATE), ("yesterday", EARLY)):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(f"{word}\n".encode()),
                                                           encoding="utf-8"))
        assert main(["normalize", "--ref-date", ref]) == 0
        out, err = capsys.readouterr()
        record = json.loads(out)
        assert (err, record["text"]) == ("", f"{word}\n")
        assert [(s["value"], s["unresolved"]) for s in record["spans"]] == [(None, OUTSIDE)]


@pytest.mark.parametrize("unit", ["D", "W", "M", "Y"])
def test_offsets_past_either_end(unit: str) -> None:
    assert apply_offset(date(9999, 12, 31), (1, unit)) == (None, None, OUTSIDE)
    assert apply_offset(date(1, 1, 1), (-1, unit)) == (None, None, OUTSIDE)
    assert apply_offset(date(9999, 12, 31), (-1, unit))[0] is not None
    assert apply_offset(date(1, 1, 1), (1, unit))[0] is not None


# A huge zone phrase in a user zones.toml

def _zones(folder: Path, body: str) -> None:
    (folder / "zones.toml").write_text(body, encoding="utf-8")
    translit.add_tables(folder)


@pytest.mark.parametrize("length", [3_000, 100_000])
@pytest.mark.parametrize("spaced", [False, True])
def test_a_long_zone_phrase_works(tmp_path: Path, length: int, spaced: bool) -> None:
    phrase = ("zone " * (length // 5)).strip() if spaced else "a" * length
    _zones(tmp_path, f'[phrases.en]\n"{phrase}" = "Europe/Zurich"\n')
    span = find_dates(f"On Oct. 5 at 10:55 a.m. {phrase} the crew flew.", ref=REF,
                      lang="en")[0]
    assert (span["value"], span.get("zone")) == ("2021-10-05T08:55Z", "Europe/Zurich")


@pytest.mark.parametrize("length", [3_000, 100_000])
def test_a_long_place_name_works(tmp_path: Path, length: int) -> None:
    place = "a" * length  # "local time" looks for a place within the sentence's window
    _zones(tmp_path, f'[places]\n"{place}" = {{ zone = "Asia/Tokyo", region = "JP" }}\n'
                     '"shortville" = { zone = "Asia/Tokyo", region = "JP" }\n')
    span = find_dates("In Shortville, the launch is at 10:00 a.m. local time on Oct. 5.",
                      ref=REF, lang="en")[0]
    assert (span["value"], span.get("zone")) == ("2021-10-05T01:00Z", "Asia/Tokyo")
    far = find_dates(f"In {place.title()}, it is at 10:00 a.m. local time on Oct. 5.", ref=REF,
                     lang="en")
    assert [s["value"] for s in far] == ["2021-10-05T10:00"]


def _depth(pattern: str) -> int:
    """How deep the groups of ``pattern`` (letters, no escapes) nest."""
    depth = deepest = 0
    for char in pattern:
        depth += (char == "(") - (char == ")")
        deepest = max(deepest, depth)
    return deepest


def test_many_nested_phrases_do_not_nest_the_pattern(tmp_path: Path) -> None:
    words = ["a" * n for n in range(1, 401)]  # each a prefix of the next
    assert _depth(lexer.word_pattern(words)) <= lexer.MAX_NESTING + 1
    _zones(tmp_path, "[phrases.en]\n" + "".join(f'"{w}" = "Asia/Tokyo"\n' for w in words))
    span = find_dates(f"On Oct. 5 at 10:00 a.m. {'a' * 250} it began.", ref=REF, lang="en")[0]
    assert (span["value"], span.get("zone")) == ("2021-10-05T01:00Z", "Asia/Tokyo")


def test_the_flat_words_below_the_nesting_bound_match_as_the_trie(
        monkeypatch: pytest.MonkeyPatch) -> None:
    words = sorted({"oct", "oct.", "october", "a b", "ab", "abc", "abd", "b", "b.", "ba b",
                    "a", "a.b", "aab", "okt", "okt."})
    texts = ["oct. october a  b abc abd ab a.b aab x b. ba  b okt. okt", "ab. a b. abca", "a"]
    trie = re.compile(rf"(?<!\w)(?:{lexer.word_pattern(words)})(?!\w)")
    for bound in (0, 1, 2):
        monkeypatch.setattr(lexer, "MAX_NESTING", bound)
        flat = lexer.word_pattern(words)
        assert _depth(flat.replace(r"\.", "")) <= bound + 1
        flat_re = re.compile(rf"(?<!\w)(?:{flat})(?!\w)")
        for text in texts:
            assert [m.span() for m in flat_re.finditer(text)] == \
                [m.span() for m in trie.finditer(text)], (bound, text)


# ISO 8601 values in the input

@pytest.mark.parametrize(("text", "values"), [
    ("2021-10-05/2021-10-17", ["2021-10-05/2021-10-17"]),
    ("2021-10-05/2021-10-17 - 2021-10-20/2021-10-25",
     ["2021-10-05/2021-10-17", "2021-10-20/2021-10-25"]),
    ("2021-10-05/2021-10-17 to 2021-10-20", ["2021-10-05/2021-10-17", "2021-10-20"]),
    ("2021-10-05/2021-10-05", ["2021-10-05/2021-10-05"]),  # an interval stays one
    ("2021-10-05/2021-10-17/2021-10-20", ["2021-10-05", "2021-10-17", "2021-10-20"]),
    ("2021-10-17/2021-10-05", [None]),
])
def test_iso_dates_and_intervals_are_read_as_written(text: str,
                                                     values: list[str | None]) -> None:
    spans = find_dates(text, ref=REF, lang="en")
    assert [s["value"] for s in spans] == values
    assert rewrite_text(text, spans) == text


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "5 октября - 5 октября"), ("ru", "с 5 октября по 5 октября"), ("ru", "5-5 октября"),
    ("en", "Oct. 5 - Oct. 5"), ("en", "from Oct. 5 to Oct. 5"), ("en", "Oct. 5-5"),
    ("de", "vom 5. Oktober bis 5. Oktober"), ("de", "5.–5. Oktober"),
    ("en", "2021-10-05 - 2021-10-05"),
])
def test_a_range_to_the_same_day_is_that_day(lang: str, text: str) -> None:
    spans = find_dates(text, ref=REF, lang=lang)
    assert [(s["value"], s["end"]) for s in spans] == [("2021-10-05", len(text))]


@pytest.mark.parametrize("text", [
    "2021-10-05", "2021-10-05/2021-10-17", "2021-12-28/2022-01-03", "2021-10-05T08:55Z",
    "2021-10-05T08:55:30Z", "2021-10-05T10:55", "2021-10-05/2021-10-05",
    "2021-10-05/2021-10-17 - 2021-10-20/2021-10-25",
    "From 2021-10-05/2021-10-17 the crew flies; on 2021-10-20T08:55Z it lands.",
])
def test_normalize_keeps_its_own_output(text: str, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(f"{text}\n".encode()),
                                                       encoding="utf-8"))
    assert main(["normalize", "--ref-date", REF, "--lang", "en"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["text"] == f"{text}\n"
    spans = [s for s in record["spans"] if s["kind"] != "name"]
    assert [s["text"] for s in spans] == [w.rstrip(";.") for w in text.split() if w[0].isdigit()]
    assert all(s["value"] == s["text"] for s in spans)


def test_normalizing_twice_changes_nothing_on_the_evaluation_set() -> None:
    changed = []
    for case in read_cases():
        once = rewrite_text(case.text, find_dates(case.text, ref=case.ref, lang=case.lang))
        twice = rewrite_text(once, find_dates(once, ref=case.ref, lang=case.lang))
        if twice != once:
            changed.append((case.text, once, twice))
    assert not changed
    ranges = "Oct. 5-17, Oct. 5 - Oct. 5; Dec. 28 - Jan. 3 and 2021-10-05/2021-10-17"
    once = rewrite_text(ranges, find_dates(ranges, ref=REF, lang="en"))
    assert once == ("2021-10-05/2021-10-17, 2021-10-05; 2021-12-28/2022-01-03 and "
                    "2021-10-05/2021-10-17")
    assert rewrite_text(once, find_dates(once, ref=REF, lang="en")) == once


# region

@pytest.mark.parametrize("region", ["XX", "usa", "ZZ", "001", "EU", "", "U S", "ÜS"])
def test_an_unknown_region_is_an_error_in_the_api(region: str) -> None:
    for call in (find_dates, collect_temporal):
        with pytest.raises(TranslitError, match=r"^unknown region .*region takes") as info:
            call("on 10/4/2021", ref=REF, lang="en", region=region)
        assert "\n" not in str(info.value)


def test_a_region_hint_and_any_case() -> None:
    with pytest.raises(TranslitError, match="did you mean 'US'"):
        check_region("usa")
    with pytest.raises(TranslitError, match="did you mean 'GB'"):
        check_region("UK")
    assert (check_region("gb"), check_region("XK"), check_region(None)) == ("GB", "XK", None)
    lower = find_dates("on 10/4/2021", ref=REF, lang="en", region="gb")
    assert [s["value"] for s in lower] == ["2021-04-10"]
    assert [s["value"] for s in find_dates("on 10/4/2021", lang="en", region="us")] == [
        "2021-10-04"]


@pytest.mark.parametrize("region", ["XX", "usa", ""])
def test_an_unknown_region_is_one_line_naming_the_option(
        region: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"on 10/4/2021\n"),
                                                       encoding="utf-8"))
    assert main(["normalize", "--region", region]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("translit: --region: unknown region") and err.count("\n") == 1


def test_a_known_region_through_the_cli(capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"on 10/4/2021\n"),
                                                       encoding="utf-8"))
    assert main(["normalize", "--region", "gb", "--format", "text", "--lang", "en"]) == 0
    assert capsys.readouterr().out == "on 2021-04-10\n"
