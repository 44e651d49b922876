"""Properties that hold for every text: schemes, names and the public API.

Text comes from strategies that mix arbitrary code points with what news text and hostile
input hold: names in several spellings, dates and times, control characters, right-to-left
marks, combining marks and lone surrogates (which ``st.text()`` never produces). The run
replays fixed examples (see conftest.py); ``HYPOTHESIS_PROFILE=explore`` searches new ones.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from translit import TranslitError, get_scheme, transliterate
from translit.articles.document import KINDS, LANGS, Document, normalize
from translit.names.data import name_data
from translit.names.keys import name_key
from translit.names.matching import match
from translit.names.reverse import to_cyrillic
from translit.schemes.inverse import invert
from translit.schemes.registry import scheme_files
from translit.schemes.scheme import has_cyrillic
from translit.temporal import collect_temporal, find_dates
from translit.text.conversion import convert
from translit.text.finder import find_mentions

REF = date(2021, 10, 4)
SCHEMES = sorted(scheme_files())
RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
NAME_WORDS = sorted({*name_data().surnames, *name_data().given})
short_text = st.text(max_size=30)


# --- transliteration: every scheme, any text --------------------------------------------

russian_words = st.text(alphabet=RUSSIAN, min_size=2, max_size=12)
russian_text = st.lists(russian_words, min_size=1, max_size=6).map(" ".join)


@pytest.mark.parametrize("scheme", SCHEMES)
@settings(max_examples=150, deadline=None)
@given(text=st.text())
def test_never_raises_on_any_text(scheme: str, text: str) -> None:
    result = get_scheme(scheme).transliterate(text)
    assert isinstance(result, str)


@pytest.mark.parametrize("scheme", SCHEMES)
@settings(max_examples=150, deadline=None)
@given(text=st.text())
def test_latin_output_holds_no_cyrillic(scheme: str, text: str) -> None:
    assert not has_cyrillic(get_scheme(scheme).transliterate(text))


@pytest.mark.parametrize("scheme", SCHEMES)
@settings(max_examples=150, deadline=None)
@given(text=russian_text)
def test_upper_words_give_upper_output(scheme: str, text: str) -> None:
    result = get_scheme(scheme).transliterate(text.upper())
    assert result == result.upper()


@pytest.mark.parametrize("scheme", SCHEMES)
@settings(max_examples=100, deadline=None)
@given(text=russian_text)
def test_title_case_in_gives_a_capital_first(scheme: str, text: str) -> None:
    result = get_scheme(scheme).transliterate(text.title())
    cased = [c for c in result if c.lower() != c.upper()]
    assert not cased or cased[0].isupper()


@pytest.mark.parametrize("scheme", SCHEMES)
@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="ascii")))
def test_ascii_text_is_unchanged(scheme: str, text: str) -> None:
    assert get_scheme(scheme).transliterate(text) == text


def _russian_word(word: str) -> str:
    # No Russian word starts with ъ or ь, whose capitals have no case in ISO 9 (ʺ ʹ); words
    # with two letters or more besides the signs show their case around a sign.
    word = word if word[0] not in "ъь" else "а" + word
    return word if sum(c not in "ъь" for c in word) >= 2 else "б" + word


long_words = st.text(alphabet=RUSSIAN, min_size=3, max_size=12)
cased_words = st.tuples(long_words, st.sampled_from([str.lower, str.title, str.upper])).map(
    lambda pair: pair[1](_russian_word(pair[0])))
separators = st.sampled_from([" ", "-", ", ", ". ", "\n", " 12 ", "; "])


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.tuples(cased_words, separators), max_size=8).map(
    lambda pairs: "".join(w + s for w, s in pairs)))
def test_iso9_round_trips_exactly(text: str) -> None:
    iso9 = get_scheme("iso9")
    assert invert(iso9, iso9.transliterate(text)) == text


@pytest.mark.parametrize("scheme", SCHEMES)
@settings(max_examples=200, deadline=None)
@given(word=st.tuples(long_words, st.sampled_from([str.lower, str.title, str.upper])).map(
    lambda pair: pair[1](pair[0])))
def test_fast_path_equals_the_traced_rules(scheme: str, word: str) -> None:
    engine = get_scheme(scheme).engine
    slow = "".join(piece.output for piece in engine.cased_pieces(word))
    assert engine.word(word) == slow


# --- names: reverse, conversion, keys, matching ------------------------------------------

UNAMBIGUOUS = ["en", "bgn", "alalc", "iso9", "scientific"]


@settings(max_examples=60, deadline=None)
@given(text=short_text)
def test_reverse_never_raises(text: str) -> None:
    found = to_cyrillic(text, n=3)
    assert 1 <= len(found) <= 3
    assert all(0.0 <= c.score <= 1.0 for c in found)


@settings(max_examples=60, deadline=None)
@given(text=short_text, target=st.sampled_from(["de", "en", "cyrillic"]))
def test_convert_never_raises(text: str, target: str) -> None:
    assert isinstance(convert(text, to=target), str)


@settings(max_examples=150, deadline=None)
@given(a=short_text, b=short_text)
def test_key_and_match_never_raise(a: str, b: str) -> None:
    assert isinstance(name_key(a), str)
    result = match(a, b)
    assert 0.0 <= result.score <= 1.0
    assert result.same == match(b, a).same


@pytest.mark.parametrize("odd", ["", " ", "-", "'", "ʹʹ", "A.B.", "a-b-c-d-e", "x" * 40,
                                 "Rogozin,", ", Dmitry", "D.", "Ёё", "\u0301"])
def test_odd_inputs(odd: str) -> None:
    assert to_cyrillic(odd)
    assert isinstance(convert(odd, to="de"), str)
    assert isinstance(match(odd, "Dmitry Rogozin").same, bool)


@settings(max_examples=300, deadline=None)
@given(given_name=st.sampled_from(sorted(name_data().given)),
       surname=st.sampled_from(NAME_WORDS), scheme=st.sampled_from(UNAMBIGUOUS))
def test_key_is_the_same_for_every_forward_spelling(given_name: str, surname: str,
                                                   scheme: str) -> None:
    cyrillic = f"{given_name.title()} {surname.title()}"
    latin = get_scheme(scheme).transliterate(cyrillic)
    assert name_key(latin, lexicon=False) == name_key(cyrillic), latin
    assert match(latin, cyrillic, lexicon=False).same


# --- the public API on hostile text ------------------------------------------------------

SPECIAL = [
    "\x00", "\x07", "\x1b", "\t", "\r", "\r\n", "\x0b", "\x0c", "\x85", "\u2028", "\u2029",
    "\u200b", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\ufeff",
    "\u0301", "\u0308", "\u0306", "\u0300\u0301", "е\u0308", "и\u0306", "\ud800", "\udfff",
    "\udc80", "\ud83d", "\U0001f600", "\ufffd", "\uffff", "\U0010ffff", "İ", "ß", "ﬁ", "ǅ",
    "\u05e9\u05dc\u05d5\u05dd", "\u0627\u0644\u0633\u0644\u0627\u0645", "ʹ", "ʺ", "’", "'",
    "-", "–", "—", ".", ",", ":", "/", "(", ")", "„", "“", "«", "»", " ", "\u00a0", "\n",
    "\n\n",
]
WORDS = [
    "Julija Peressild", "Yulia Peresild", "Юлия Пересильд", "ЮЛИЯ ПЕРЕСИЛЬД", "Klim",
    "Schipenko", "Anton Shkaplerov", "Pjotr Dubrow", "Nowizki", "Gagarin", "Y. Gagarin",
    "Tom Cruise", "Putins", "Roskosmos-Chef", "O'Brien", "Moskau", "St. Petersburg",
    "Oct. 5", "October", "5. Oktober 2021", "10:55 a.m.", "Swiss time", "MESZ", "UTC+3",
    "2021-10-05", "2021-10-05T08:55Z", "5.10.2021", "1/2/2021", "Tuesday", "am Dienstag",
    "almost two weeks", "in June", "5-17", "vom 5.–17. Oktober", "5 октября", "вторник",
    "gestern", "yesterday", "12", "2021", "a.m.", "Mr.", "MOSCOW (Reuters) -",
]
pieces = st.one_of(
    st.text(max_size=6),
    st.sampled_from(SPECIAL),
    st.sampled_from(WORDS),
    st.text(alphabet=RUSSIAN + RUSSIAN.upper(), min_size=1, max_size=10),
)
hostile_text = st.lists(pieces, max_size=14).map(" ".join) | st.lists(pieces, max_size=8).map(
    "".join)
"""Text with names, dates, control and bidi characters, combining marks and lone surrogates."""
clean_text = hostile_text.map(lambda t: t.encode("utf-8", "replace").decode("utf-8"))
"""The same without lone surrogates: text that a file could hold."""

SETTINGS = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _check_spans(text: str, document: Document) -> None:
    end = 0
    for span in document.spans:
        assert text[span["start"]:span["end"]] == span["text"], span
        assert span["start"] >= end, f"overlapping spans in {document.spans!r}"
        assert span["start"] < span["end"] or span["text"] == "", span
        end = span["end"]
    assert document.restore() == text


@SETTINGS
@given(text=hostile_text, lang=st.sampled_from(["auto", "en", "de", "ru"]),
       names_to=st.sampled_from(["en", "de", "iso9", "cyrillic"]))
def test_normalize_on_any_text(text: str, lang: str, names_to: str) -> None:
    document = normalize(text, ref=REF, lang=lang, names_to=names_to)
    assert document.text == text
    _check_spans(text, document)
    for span in document.spans:
        assert span["kind"] in ("name", "date", "time", "duration")
        value = span["value"] if span.get("value") is not None else span["text"]
        assert document.normalized[span["out_start"]:span["out_end"]] == value


def _blanked(text: str, blanks: list[tuple[int, int]]) -> str:
    """The copy of ``text`` that the name finder read before it took blanks."""
    out = list(text)
    for start, end in blanks:
        out[start:end] = ["\n" if c == "\n" else " " for c in text[start:end]]
    return "".join(out)


@SETTINGS
@given(text=hostile_text, lang=st.sampled_from(["en", "de", "ru"]))
def test_names_between_blanks_are_those_of_the_blanked_text(text: str, lang: str) -> None:
    blanks = [(s["start"], s["end"]) for s in collect_temporal(text, ref=REF, lang=lang).spans
              if s["value"] is not None]
    def found(mentions: list[Any]) -> list[tuple[int, int, str]]:
        return [(base + t.first, base + t.last, t.cyrillic) for base, t in mentions]
    assert found(find_mentions(text, lang=lang, blanks=blanks)) == found(
        find_mentions(_blanked(text, blanks), lang=lang))


@SETTINGS
@given(text=clean_text, lang=st.sampled_from(["auto", "en", "de"]))
def test_normalize_is_idempotent(text: str, lang: str) -> None:
    # The language is the one the first pass found: rewriting Cyrillic names in Latin letters
    # changes what ``auto`` would detect, not what the text is written in.
    document = normalize(text, ref=REF, lang=lang)
    once = document.normalized
    assert normalize(once, ref=REF, lang=document.lang).normalized == once


@SETTINGS
@given(text=hostile_text)
def test_normalize_without_ref_keeps_unresolved_spans_as_text(text: str) -> None:
    document = normalize(text)
    _check_spans(text, document)


@SETTINGS
@given(text=hostile_text, lang=st.sampled_from(["auto", "en", "de", "ru"]),
       region=st.sampled_from([None, "US", "GB", "DE", "IN"]))
def test_find_dates_on_any_text(text: str, lang: str, region: str | None) -> None:
    end = 0
    for span in find_dates(text, ref=REF, lang=lang, region=region):
        assert text[span["start"]:span["end"]] == span["text"]
        assert span["start"] >= end
        end = span["end"]


@SETTINGS
@given(text=hostile_text, scheme=st.sampled_from(SCHEMES))
def test_transliterate_on_any_text(text: str, scheme: str) -> None:
    result = transliterate(text, scheme)
    assert isinstance(result, str)
    assert not any("\u0400" <= c <= "\u04ff" for c in result)


@settings(max_examples=60, deadline=None)
@given(text=hostile_text, to=st.sampled_from(["en", "de", "iso9", "cyrillic"]),
       source=st.sampled_from(["auto", "de", "en", "cyrillic"]))
def test_convert_on_any_text(text: str, to: str, source: str) -> None:
    assert isinstance(convert(text, to=to, source=source), str)


@settings(max_examples=60, deadline=None)
@given(text=hostile_text, n=st.integers(1, 4))
def test_to_cyrillic_on_any_text(text: str, n: int) -> None:
    found = to_cyrillic(text, n=n)
    assert 1 <= len(found) <= n


@SETTINGS
@given(a=hostile_text, b=hostile_text)
def test_match_and_key_on_any_text(a: str, b: str) -> None:
    assert isinstance(name_key(a), str)
    result = match(a, b)
    assert 0.0 <= result.score <= 1.0
    assert match(a, a).score >= result.score or result.same == match(a, a).same


upper_words = st.lists(st.text(alphabet=RUSSIAN.upper().replace("Ъ", "").replace("Ь", ""),
                               min_size=2, max_size=10), min_size=1, max_size=4)
upper_mixed = st.tuples(upper_words, st.lists(st.sampled_from(
    [" ", ", ", "-", " 12 ", ". ", "\n", " (", ") ", " Ё "]), min_size=4, max_size=4)).map(
    lambda pair: "".join(w + s for w, s in zip(*pair, strict=False)))


@settings(max_examples=60, deadline=None)
@given(text=upper_mixed, scheme=st.sampled_from(SCHEMES))
def test_upper_text_gives_upper_output_through_the_api(text: str, scheme: str) -> None:
    result = transliterate(text, scheme)
    assert result == result.upper(), (text, result)
    converted = convert(text, to=scheme)
    assert converted == converted.upper(), (text, converted)


@settings(max_examples=40, deadline=None)
@given(words=upper_words, to=st.sampled_from(["en", "de"]))
def test_upper_latin_names_stay_upper(words: list[str], to: str) -> None:
    latin = transliterate(" ".join(words), "en")
    result = convert(latin, to=to)
    assert result == result.upper(), (latin, result)


@settings(max_examples=40, deadline=None)
@given(words=upper_words)
def test_upper_names_in_text_stay_upper(words: list[str]) -> None:
    text = "ИНТЕРВЬЮ: " + " ".join(words) + "."
    document = normalize(text, ref=REF, lang="ru", names_to="de")
    for span in document.spans:
        if span["kind"] == "name":
            assert span["value"] == span["value"].upper(), span


bad_option = st.text(min_size=1, max_size=8).filter(lambda s: s not in SCHEMES)


@settings(max_examples=60, deadline=None)
@given(option=bad_option)
def test_bad_options_raise_translit_errors(option: str) -> None:
    """Every bad option is refused with a TranslitError (never another exception); an option
    that happens to be valid (a language, a kind, a date) is simply used."""
    def ref_ok() -> bool:
        try:
            date.fromisoformat(option.strip()[:10])
        except ValueError:
            return False
        return True

    calls: list[tuple[Any, bool]] = [
        (lambda: transliterate("Юлия", option), False),
        (lambda: convert("Julija", to=option), option == "cyrillic"),
        (lambda: normalize("Julija Peressild", lang=option), option in LANGS),
        (lambda: normalize("Julija Peressild", kinds=[option]), option in KINDS),
        (lambda: normalize("Oct. 5", ref=option), ref_ok()),
        (lambda: find_dates("Oct. 5", ref=option), ref_ok()),
        (lambda: normalize("Julija Peressild", names_to=option), option == "cyrillic"),
    ]
    for call, valid in calls:
        if valid:
            call()
        else:
            with pytest.raises(TranslitError):
                call()


def test_bad_options_name_what_is_wrong() -> None:
    with pytest.raises(TranslitError, match="unknown scheme 'klingon'"):
        transliterate("Юлия", "klingon")
    with pytest.raises(TranslitError, match="unknown language 'xx'"):
        normalize("text", lang="xx")
    with pytest.raises(TranslitError, match="reference date must be YYYY-MM-DD"):
        normalize("text", ref="yesterday")
    with pytest.raises(TranslitError, match="n must be at least 1"):
        to_cyrillic("Julija", n=0)


LONG_UNITS = ["Julija Peressild flog am 5. Oktober 2021 um 10:55 Uhr MESZ. ",
              "Юлия Пересильд 5 октября ", "Oct. 5-17 ", "1.", "Ivan-", "a\u0301\u200f\ud800 "]


@pytest.mark.parametrize("unit", LONG_UNITS)
def test_one_line_of_a_megabyte(unit: str) -> None:
    text = (unit * ((1 << 20) // len(unit) + 1))[: 1 << 20]
    assert "\n" not in text
    document = normalize(text, ref=REF)
    _check_spans(text, document)
    assert isinstance(transliterate(text, "de"), str)
    assert all(text[s["start"]:s["end"]] == s["text"] for s in find_dates(text, ref=REF))
