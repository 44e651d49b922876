"""Finding and resolving dates, times and durations: the behaviours the issue asks for."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from work_counter import grows_linearly

from translit.errors import TranslitError
from translit.temporal import collect_temporal, find_dates, parse_ref_date, rewrite_text
from translit.temporal.dateline import find_dateline
from translit.temporal.language import detect_language

REF = "2021-10-04"  # a Monday


def values(text: str, lang: str = "en", ref: str | None = REF, **options: Any) -> list[Any]:
    return [s["value"] for s in find_dates(text, ref=ref, lang=lang, **options)]


def one(text: str, lang: str = "en", ref: str | None = REF, **options: Any) -> dict[str, Any]:
    spans = find_dates(text, ref=ref, lang=lang, **options)
    assert len(spans) == 1, spans
    return spans[0]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("On Oct. 5", "en", "2021-10-05"),
    ("October 5, 2021", "en", "2021-10-05"),
    ("5 October 2021", "en", "2021-10-05"),
    ("July 01, 2021", "en", "2021-07-01"),
    ("Sept. 28", "en", "2021-09-28"),
    ("on the 3rd of May", "en", "2021-05-03"),
    ("January 1st, 2020", "en", "2020-01-01"),
    ("2021-10-04", "en", "2021-10-04"),
    ("04.10.2021", "de", "2021-10-04"),
    ("04.10.2021", "en", "2021-10-04"),
    ("5. Oktober 2021", "de", "2021-10-05"),
    ("am 5. Okt.", "de", "2021-10-05"),
    ("5 октября 2021 года", "ru", "2021-10-05"),
    ("5 окт. 2021 г.", "ru", "2021-10-05"),
    ("in May 2020", "en", "2020-05"),
    ("im März 2020", "de", "2020-03"),
    ("Tuesday 5th October", "en", "2021-10-05"),
    ("Dienstag, den 5. Oktober", "de", "2021-10-05"),
])
def test_absolute_dates(text: str, lang: str, expected: str) -> None:
    assert one(text, lang)["value"] == expected


def test_month_and_day_without_year_takes_the_nearest_year() -> None:
    assert values("On Jan. 3", ref="2021-12-20") == ["2022-01-03"]
    assert values("On Dec. 28", ref="2022-01-05") == ["2021-12-28"]


def test_slash_dates_follow_the_locale() -> None:
    us = one("on 10/4/2021")
    assert (us["value"], us.get("ambiguous")) == ("2021-10-04", True)
    gb = one("on 10/4/2021", region="GB")
    assert (gb["value"], gb.get("ambiguous")) == ("2021-04-10", None)
    assert one("on 25/4/2021")["value"] == "2021-04-25"
    assert one("am 10/4/2021", "de")["value"] == "2021-04-10"
    assert "ambiguous" not in one("am 10/4/2021", "de")


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("She will send the footage on Tuesday.", "en", "2021-10-05"),
    ("She sent the footage on Tuesday.", "en", "2021-09-28"),
    ("The crew said on Friday", "en", "2021-10-01"),
    ("Am Dienstag wird die Crew starten.", "de", "2021-10-05"),
    ("Am Dienstag hat die Crew trainiert.", "de", "2021-09-28"),
    ("Во вторник экипаж стартует.", "ru", "2021-10-05"),
    ("Во вторник экипаж стартовал.", "ru", "2021-09-28"),
])
def test_weekdays_follow_the_tense(text: str, lang: str, expected: str) -> None:
    assert one(text, lang)["value"] == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("It was filmed in June.", "en", "2021-06"),
    ("It will be shown in June.", "en", "2022-06"),
    ("September last year", "en", "2020-09"),
    ("last September", "en", "2021-09"),
    ("next June", "en", "2022-06"),
    ("im September letzten Jahres", "de", "2020-09"),
    ("в сентябре прошлого года", "ru", "2020-09"),
    ("in the coming year", "en", "2022"),
    ("im kommenden Jahr", "de", "2022"),
    ("в следующем году", "ru", "2022"),
    ("two weeks ago", "en", "2021-09-20"),
    ("vor zwei Tagen", "de", "2021-10-02"),
    ("два дня назад", "ru", "2021-10-02"),
    ("three months ago", "en", "2021-07"),
    ("in two weeks", "en", "2021-10-18"),
    ("через две недели", "ru", "2021-10-18"),
])
def test_relative_dates(text: str, lang: str, expected: str) -> None:
    assert one(text, lang)["value"] == expected


@pytest.mark.parametrize(("text", "lang", "value", "mod"), [
    ("early 2020", "en", "2020", "START"),
    ("mid-2020", "en", "2020", "MID"),
    ("late May", "en", "2021-05", "END"),
    ("Anfang 2020", "de", "2020", "START"),
    ("Ende Mai", "de", "2021-05", "END"),
    ("в конце мая", "ru", "2021-05", "END"),
    ("в начале 2020 года", "ru", "2020", "START"),
])
def test_vague_parts(text: str, lang: str, value: str, mod: str) -> None:
    span = one(text, lang)
    assert (span["value"], span["mod"]) == (value, mod)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("10:55 a.m. Swiss time on Tuesday", "en", "2021-10-05T08:55Z"),
    ("am 5. Oktober um 10:55 Uhr MESZ", "de", "2021-10-05T08:55Z"),
    ("am 5. Oktober um 10.55 Uhr MESZ", "de", "2021-10-05T08:55Z"),
    ("5 октября в 11:55 по московскому времени", "ru", "2021-10-05T08:55Z"),
    ("Oct. 5 at 4:55 a.m. EDT", "en", "2021-10-05T08:55Z"),
    ("Oct. 5 at 0855 GMT", "en", "2021-10-05T08:55Z"),
    ("on Oct. 5 at 11:55 UTC+3", "en", "2021-10-05T08:55Z"),
    ("Oct. 5 at 3:55 a.m. GMT-5", "en", "2021-10-05T08:55Z"),
])
def test_times_join_date_and_zone(text: str, lang: str, expected: str) -> None:
    span = one(text, lang)
    assert (span["kind"], span["value"]) == ("time", expected)


def test_time_keys() -> None:
    span = one("10:55 a.m. Swiss time on Tuesday")
    assert span["local"] == "2021-10-05T10:55"
    assert span["zone"] == "Europe/Zurich"
    assert span["text"] == "10:55 a.m. Swiss time on Tuesday"


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("at noon", "en", "T12:00"), ("at midnight", "en", "T00:00"), ("at 4pm", "en", "T16:00"),
    ("um 14 Uhr", "de", "T14:00"), ("um 8 Uhr abends", "de", "T20:00"),
    ("в 10 часов утра", "ru", "T10:00"), ("at 14:30", "en", "T14:30"),
    ("at 10:55 UTC", "en", "T10:55Z"),
])
def test_times_without_date(text: str, lang: str, expected: str) -> None:
    """Without a reference date a time stays without a day; with one it is on that day."""
    [span] = find_dates(text, lang=lang)
    assert span["value"] == expected and "day_from" not in span
    span = one(text, lang)
    assert span["value"] == f"{REF}{expected}" and span["day_from"] == "reference"


def test_time_takes_the_day_of_its_sentence() -> None:
    spans = find_dates("On Tuesday the crew flew. Docking was at 12:55 Moscow time. On Oct. 7, "
                       "a hatch opened; the crew slept at 23:00 UTC.", ref="2021-10-04", lang="en")
    assert [(s["value"], s.get("day_from")) for s in spans] == [
        ("2021-09-28", None), ("2021-10-04T09:55Z", "reference"), ("2021-10-07", None),
        ("2021-10-07T23:00Z", "sentence")]


def test_two_zones_in_one_phrase_are_both_read() -> None:
    agree = one("The launch came at 10:54 p.m. EDT (0254 GMT).")
    assert agree["value"] == "2021-10-05T02:54Z" and "disagrees" not in agree
    differ = one("The launch came at 10:54 p.m. EDT (0354 GMT).")
    assert differ["value"] == "2021-10-05T02:54Z" and differ["disagrees"] == "2021-10-04T03:54Z"


def test_historical_moscow_offsets() -> None:
    assert values("at 9:07 a.m. Moscow time on April 12, 1961") == ["1961-04-12T06:07Z"]
    assert values("at noon Moscow time on July 1, 2012") == ["2012-07-01T08:00Z"]
    assert values("в 12:00 по московскому времени 1 июля 2021 года", "ru") == [
        "2021-07-01T09:00Z"]


def test_dst_gap_and_fold_are_flagged() -> None:
    assert one("at 2:30 a.m. Swiss time on March 28, 2021")["dst"] == "gap"
    assert one("at 2:30 a.m. Swiss time on Oct. 31, 2021")["dst"] == "fold"
    assert "dst" not in one("at 10:55 a.m. Swiss time on Oct. 5, 2021")


def test_ambiguous_abbreviation_is_reported() -> None:
    span = one("on Oct. 5 at 10:30 IST")
    assert span["ambiguous"] is True and span["value"] == "2021-10-05T10:30"
    assert set(span["candidates"]) == {"+05:30", "+01:00", "+02:00"}
    assert one("on Oct. 5 at 10:30 IST", region="IN")["value"] == "2021-10-05T05:00Z"
    assert one("on Oct. 5 at 10:30 a.m. CST")["value"] == "2021-10-05T16:30Z"


def test_local_time_uses_a_place_in_the_sentence_or_the_dateline() -> None:
    text = "Liftoff was at 1:55 p.m. local time in Baikonur on Oct. 5, 2021."
    assert values(text) == ["2021-10-05T08:55Z"]
    dated = "MOSCOW, July 01, 2021 — The crew trains daily at 9:00 local time on Oct. 5."
    assert values(dated, ref=None) == ["2021-07-01", "P1D", "2021-10-05T06:00Z"]
    assert one("at 9:00 local time on Oct. 5")["unresolved"]


def test_restated_time_in_parentheses_is_one_span() -> None:
    span = one("at 4:55 a.m. EDT (0855 GMT) on Tuesday, Oct. 5")
    assert span["value"] == "2021-10-05T08:55Z"
    assert span["text"] == "4:55 a.m. EDT (0855 GMT) on Tuesday, Oct. 5"


@pytest.mark.parametrize(("text", "lang", "value", "mod"), [
    ("almost two weeks", "en", "P2W", "APPROX"),
    ("fast zwei Wochen", "de", "P2W", "APPROX"),
    ("почти две недели", "ru", "P2W", "APPROX"),
    ("12 days", "en", "P12D", None),
    ("a 12-day mission", "en", "P12D", None),
    ("more than three hours", "en", "PT3H", "MORE_THAN"),
    ("zwei Wochen", "de", "P2W", None),
])
def test_durations(text: str, lang: str, value: str, mod: str | None) -> None:
    span = one(text, lang)
    assert (span["kind"], span["value"], span.get("mod")) == ("duration", value, mod)


def test_a_year_earlier_without_a_date_before_counts_from_the_reference_date() -> None:
    span = one("Profit rose from $5 million a year earlier.")
    assert (span["value"], span["anchor"]) == ("2020", REF)
    assert one("Sales fell a month earlier.")["value"] == "2021-09"


@pytest.mark.parametrize(("text", "lang"), [
    ("the next day", "en"),
    ("am nächsten Tag", "de"),
    ("накануне", "ru"),
])
def test_event_anchored_expressions_without_a_date_before_are_unresolved(text: str,
                                                                         lang: str) -> None:
    span = one(text, lang)
    assert span["value"] is None and "anchored" in span["unresolved"]


@pytest.mark.parametrize(("text", "lang", "duration"), [
    ("four months after the Hollywood project", "en", "four months"),
    ("vier Monate nach dem Hollywood-Projekt", "de", "vier Monate"),
    ("через четыре месяца после голливудского проекта", "ru", "через четыре месяца"),
])
def test_a_span_before_an_event_is_a_duration(text: str, lang: str, duration: str) -> None:
    """TimeML: the duration is the TIMEX3, "after" its signal, the event no time."""
    span = one(text, lang)
    assert (span["kind"], span["text"], span["value"]) == ("duration", duration, "P4M")


def test_later_and_earlier_take_the_date_named_last() -> None:
    spans = find_dates("The crew landed on Oct. 17. Two days later, it flew home. A week "
                       "earlier it had trained.", ref=REF, lang="en")
    assert [(s["value"], s.get("anchor")) for s in spans] == [
        ("2021-10-17", None), ("2021-10-19", "2021-10-17"), ("2021-10-10", "2021-10-17")]


def test_offset_from_a_date_in_the_text() -> None:
    assert values("two days after Oct. 5") == ["2021-10-07"]


@pytest.mark.parametrize(("text", "lang"), [
    ("The 36-year-old actress", "en"), ("He is 36 years old", "en"), ("aged 36", "en"),
    ("3,000 candidates", "en"), ("$20 million", "en"), ("a 3-2 win", "en"),
    ("won 2:1", "en"), ("Soyuz MS-19 docked with the ISS", "en"), ("Apollo 11", "en"),
    ("It may rain", "en"), ("It was a week of talks", "en"),
    ("Die 36-jährige Schauspielerin", "de"),
    ("Er ist 36 Jahre alt", "de"), ("20 Millionen Euro", "de"), ("Ей 36 лет", "ru"),
    ("36-летняя актриса", "ru"), ("более 3000 заявок", "ru"), ("Союз МС-19", "ru"),
    ("1.5 million", "en"), ("room 1201", "en"), ("It was a Wednesday", "en"),
])
def test_negatives(text: str, lang: str) -> None:
    assert find_dates(text, ref=REF, lang=lang) == []


def test_without_reference_relative_expressions_are_unresolved() -> None:
    spans = find_dates("yesterday, on Oct. 5, on 5 October 2021, almost two weeks", lang="en")
    assert [s["value"] for s in spans] == [None, None, "2021-10-05", "P2W"]
    assert spans[0]["unresolved"] == spans[1]["unresolved"]


@pytest.mark.parametrize(("text", "lang", "ref", "place"), [
    ("MOSCOW, July 01, 2021 — Roscosmos said", "en", "2021-07-01", "Europe/Moscow"),
    ("date 2021-10-04\nThe crew", "en", "2021-10-04", None),
    ("Zürich, 4. Oktober 2021\nDie Crew", "de", "2021-10-04", "Europe/Zurich"),
    ("МОСКВА, 1 июля 2021 г. — Роскосмос", "ru", "2021-07-01", "Europe/Moscow"),
    ("Space film race\nMOSCOW, July 01, 2021 (Reuters) -", "en", "2021-07-01",
     "Europe/Moscow"),
])
def test_datelines(text: str, lang: str, ref: str, place: str | None) -> None:
    line = find_dateline(text, lang)
    assert line is not None and line.date.isoformat() == ref
    assert (line.place.zone if line.place else None) == place


def test_no_dateline_in_ordinary_sentences() -> None:
    assert find_dateline("The crew launched on 5 October 2021 from Baikonur.", "en") is None


def test_dateline_is_the_reference_and_option_wins() -> None:
    text = "MOSCOW, July 01, 2021 — The crew will fly on Oct. 5, a week from yesterday."
    found = collect_temporal(text, lang="en")
    assert (found.ref, found.ref_source) == (parse_ref_date("2021-07-01"), "dateline")
    assert [s["value"] for s in found.spans][-1] == "2021-06-30"
    forced = collect_temporal(text, lang="en", ref="2021-10-04")
    assert forced.ref_source == "option" and forced.spans[-1]["value"] == "2021-10-03"


@pytest.mark.parametrize(("text", "lang"), [
    ("The crew will fly to the station on Tuesday.", "en"),
    ("Die Crew fliegt am Dienstag zur Station und wird dort drehen.", "de"),
    ("Экипаж полетит на станцию во вторник.", "ru"),
])
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_auto_language() -> None:
    found = collect_temporal("am 5. Oktober um 10.55 Uhr MESZ", ref=REF)
    assert found.lang == "de" and found.spans[0]["value"] == "2021-10-05T08:55Z"


def test_bad_options() -> None:
    with pytest.raises(TranslitError):
        find_dates("x", lang="fr")
    with pytest.raises(TranslitError):
        find_dates("x", ref="04.10.2021")


def test_rewrite_text() -> None:
    text = "On Oct. 5 at 10:55 a.m. Swiss time, after almost two weeks, the next day"
    assert rewrite_text(text, find_dates(text, ref=REF, lang="en")) == (
        "On 2021-10-05T08:55Z, after P2W, the next day")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*"0123456789 .,:-/aAmpMOЯн\n", "Oct.", "May", " 5", " 2021",
                                  " am", "Uhr", "года", "ago", "UTC+3", "Tuesday", "early",
                                  "in", "a.m.", "Swiss time", "октября", "vor"]), max_size=40),
       st.sampled_from(["en", "de", "ru"]))
def test_never_raises_and_offsets_point_into_the_text(pieces: list[str], lang: str) -> None:
    text = "".join(pieces)
    for span in find_dates(text, ref=REF, lang=lang):
        assert text[span["start"]:span["end"]] == span["text"]
        assert span["kind"] in ("date", "time", "duration", "set")


@pytest.mark.parametrize("unit", [
    "1 " * 20000, "1." * 20000, "Oct. " * 8000, "May 5 " * 6000, "12:30 " * 6000,
    "Aaaa " * 8000, "5. Oktober " * 4000, "in " * 15000,
])
def test_linear_work_on_adversarial_input(unit: str) -> None:
    linear, small, large = grows_linearly(lambda text: find_dates(text, ref=REF, lang="en"),
                                          unit)
    assert linear, (small, large)


def test_restated_time_gives_the_zone_when_local_time_is_unknown() -> None:
    span = one("The Soyuz lifted off at 1:55 p.m. local time (0855 GMT) on Oct. 5.")
    assert span["value"] == "2021-10-05T08:55Z"


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Novitsky has been in orbit since April, and the crew will fly soon.", "en", "2021-04"),
    ("Nowizki ist seit April im All und wird bald landen.", "de", "2021-04"),
    ("Morgen startet die Sojus.", "de", "2021-10-05"),
    ("Через месяц фильм покажут.", "ru", "2021-11"),
    ("В воскресенье капсула должна приземлиться.", "ru", "2021-10-10"),
])
def test_context_words(text: str, lang: str, expected: str) -> None:
    assert one(text, lang)["value"] == expected


def test_frequencies_are_sets() -> None:
    spans = find_dates("They meet twice a week, once a day and every Tuesday; it earns $33 "
                       "million a year.", ref=REF, lang="en")
    assert [(s["kind"], s["value"], s.get("freq"), s.get("quant")) for s in spans] == [
        ("set", "P1W", "2X", None), ("set", "P1D", "1X", None),
        ("set", "XXXX-WXX-2", None, "EVERY"), ("set", "P1Y", None, None)]


def test_morning_is_not_tomorrow() -> None:
    assert values("Heute Morgen startet die Sojus.", "de") == ["2021-10-04TMO"]
    assert values("Am Morgen startet die Sojus.", "de") == []


def test_expr_init_takes_every_field_in_order() -> None:
    """Expr's __init__ is written out (for the compiled build): it must take every dataclass
    field, in order, so that dataclasses.replace and positional calls keep working."""
    from dataclasses import fields, replace

    from translit.temporal.expr import Expr

    other = Expr("date", 1, 2)
    values: dict[str, object] = {
        "kind": "time", "start": 3, "end": 9, "year": 2021, "month": 10, "day": 5,
        "weekday": 1, "days": -1, "shift": 2, "shift_unit": "W", "year_shift": -1,
        "offset": (-2, "W"), "nearest": True, "hour": 10, "minute": 55, "second": 7,
        "zone": "MSK", "duration": "P2W", "mod": "approx", "ambiguous": True,
        "unresolved": "why", "base": other, "until": other, "alternative": other,
        "tags": {"k": "v"}, "fixed": "PRESENT_REF", "period": "Q3", "part": "AF",
        "quant": "EVERY", "freq": "2X"}
    assert list(values) == [f.name for f in fields(Expr)]
    for built in (Expr(**values), Expr(*values.values())):  # type: ignore[arg-type]
        assert {name: getattr(built, name) for name in values} == values
    expr = Expr("date", 0, 6, month=10, day=5)
    assert replace(expr, year=2021) == Expr("date", 0, 6, 2021, 10, 5)
    assert Expr("date", 0, 1).tags == {} and Expr("date", 0, 1).tags is not expr.tags


def test_a_year_earlier_is_of_the_period_reported_not_of_one_ahead() -> None:
    text = ("Profit fell in the fourth quarter, and the company expects a weaker first half. "
            "A year earlier, profit had risen. The strike lasted from 5-7 pm.")
    assert [s["value"] for s in find_dates(text, ref="2023-03-03", lang="en")] == [
        "2022-Q4", "2023-H1", "2021-Q4", "2023-03-03T17:00/2023-03-03T19:00"]
    assert rewrite_text(text, find_dates(text, ref="2023-03-03", lang="en")).endswith(
        "2023-03-03T17:00/2023-03-03T19:00.")  # "pm." at a sentence end leaves the point
