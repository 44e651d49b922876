"""Bare years, slash dates decided by the dateline's region, and date ranges."""

from __future__ import annotations

from typing import Any

import pytest
from work_counter import grows_linearly

from translit.temporal import collect_temporal, find_dates, rewrite_text

REF = "2021-07-01"


def values(text: str, lang: str = "en", ref: str | None = REF, **options: Any) -> list[Any]:
    return [s["value"] for s in find_dates(text, ref=ref, lang=lang, **options)]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Der Film soll 2022 in die Kinos kommen.", "de", ["2022"]),
    ("Die nächste Mission soll 2023 starten.", "de", ["2023"]),
    ("Roscosmos said 2021 was a record year.", "en", ["2021"]),
    ("The boss called 2020, the year of the pandemic, a lost year.", "en", ["2020"]),
    ("Officials expect 2022 will bring a second flight.", "en", ["2022"]),
    ("Фильм выйдет в 2022 году.", "ru", ["2022"]),
    ("She won gold at the 2022 Olympics.", "en", ["2022"]),
    ("Sanctions followed the 2014 annexation of Crimea.", "en", ["2014"]),
])
def test_bare_years(text: str, lang: str, expected: list[str]) -> None:
    assert values(text, lang) == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("About 2000 people watched the launch.", "en"),
    ("It had 2000 people aboard.", "en"),
    ("The 2000 Olympians marched in.", "en"),
    ("A crowd of 2000 people cheered.", "en"),
    ("Tickets cost $2000 each.", "en"),
    ("Windows 2000 crashed again.", "en"),
    ("The 2021-22 season starts soon.", "en"),
    ("The rocket carried 1980 kg of cargo.", "en"),
    ("Soyuz MS-19 docked with the ISS.", "en"),
    ("Mehr als 2000 Menschen verfolgten den Start.", "de"),
    ("Es kamen 2000 Menschen.", "de"),
    ("2000 Menschen kamen nach Baikonur.", "de"),
    ("Das Ticket kostete 2000 Euro.", "de"),
    ("Старт посмотрели около 2000 человек.", "ru"),
    ("Пришли 2000 человек.", "ru"),
    ("It costs 2022.50 dollars.", "en"),
])
def test_numbers_that_are_not_years(text: str, lang: str) -> None:
    assert values(text, lang) == []


def test_only_years_from_1900_to_2100_stand_alone() -> None:
    assert values("Die Zahl soll 2150 in die Höhe gehen.", "de") == []
    assert values("Die Zahl soll 1899 in die Höhe gehen.", "de") == []
    assert values("Die Zahl soll 1900 in die Höhe gehen.", "de") == ["1900"]


@pytest.mark.parametrize(("dateline", "expected", "ambiguous"), [
    ("WASHINGTON, Oct. 4, 2021 —", "2021-10-04", False),
    ("NEW YORK, Oct. 4, 2021 —", "2021-10-04", False),
    ("LONDON, Oct. 4, 2021 —", "2021-04-10", False),
    ("ZURICH, Oct. 4, 2021 —", "2021-04-10", False),
    ("MOSCOW, Oct. 4, 2021 —", "2021-04-10", False),
    ("Oct. 4, 2021 —", "2021-10-04", True),  # no place: nothing decides
])
def test_slash_dates_follow_the_datelines_region(dateline: str, expected: str,
                                                 ambiguous: bool) -> None:
    spans = find_dates(f"{dateline} The deal was signed on 10/4/2021.", lang="en")
    slash = spans[-1]
    assert (slash["text"], slash["value"]) == ("10/4/2021", expected)
    assert bool(slash.get("ambiguous")) is ambiguous


def test_the_region_option_wins_over_the_dateline() -> None:
    text = "LONDON, Oct. 4, 2021 — signed on 10/4/2021."
    assert values(text, ref=None, region="US") == ["2021-10-04", "2021-10-04"]


def test_a_slash_dateline_is_read_in_its_own_places_order() -> None:
    found = collect_temporal("LONDON, 5/10/2021 — The crew trained yesterday.", lang="en")
    assert found.ref is not None and found.ref.isoformat() == "2021-10-05"
    assert [s["value"] for s in found.spans] == ["2021-10-05", "2021-10-04"]


def test_german_and_russian_slash_dates_are_day_first_in_any_region() -> None:
    assert values("am 10/4/2021", "de", region="US") == ["2021-04-10"]
    assert values("WASHINGTON, 4. Oktober 2021 — am 10/4/2021", "de", ref=None) \
        == ["2021-10-04", "2021-04-10"]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The crew stays Oct. 5-17.", "en", "2021-10-05/2021-10-17"),
    ("The crew stays Oct. 5–17, 2022.", "en", "2022-10-05/2022-10-17"),
    ("The mission runs from Oct. 5 to Oct. 17.", "en", "2021-10-05/2021-10-17"),
    ("The mission runs from Oct. 5 to 17.", "en", "2021-10-05/2021-10-17"),
    ("It lasted from Sept. 1 through Sept. 28.", "en", "2021-09-01/2021-09-28"),
    ("Quarantine: Sept. 28 – Oct. 5.", "en", "2021-09-28/2021-10-05"),
    ("between Oct. 5 and Oct. 17", "en", "2021-10-05/2021-10-17"),
    ("from Oct. 5 to Oct. 17, 2022", "en", "2022-10-05/2022-10-17"),
    ("Die Crew bleibt vom 5.–17. Oktober.", "de", "2021-10-05/2021-10-17"),
    ("Die Dreharbeiten dauern vom 5. bis 17. Oktober 2021.", "de", "2021-10-05/2021-10-17"),
    ("vom 28. September bis 5. Oktober", "de", "2021-09-28/2021-10-05"),
    ("Экипаж пробудет на станции 5–17 октября.", "ru", "2021-10-05/2021-10-17"),
    ("Съёмки пройдут с 5 по 17 октября 2021 года.", "ru", "2021-10-05/2021-10-17"),
    ("с 28 сентября по 5 октября", "ru", "2021-09-28/2021-10-05"),
    ("Gedreht wurde 5. bis 17. Oktober.", "de", "2021-10-05/2021-10-17"),  # no "vom"
    ("Zwischen dem 5. und 17. Oktober", "de", "2021-10-05/2021-10-17"),
    ("The crew stays 5 through 17 October.", "en", "2021-10-05/2021-10-17"),
    ("Съёмки шли 5 по 17 октября.", "ru", "2021-10-05/2021-10-17"),
])
def test_ranges_give_one_span_with_an_interval(text: str, lang: str, expected: str) -> None:
    spans = find_dates(text, ref=REF, lang=lang)
    assert [s["value"] for s in spans] == [expected]
    assert spans[0]["kind"] == "date"
    assert text[spans[0]["start"]:spans[0]["end"]] == spans[0]["text"]


def test_a_range_across_the_new_year() -> None:
    assert values("from Dec. 28 to Jan. 3", ref="2021-12-20") == ["2021-12-28/2022-01-03"]
    assert values("Dec. 28 - Jan. 3", ref="2021-07-01") == ["2021-12-28/2022-01-03"]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The launch was postponed from Oct. 5 to Oct. 17.", "en", ["2021-10-05", "2021-10-17"]),
    ("Oct. 5 to Oct. 17", "en", ["2021-10-05", "2021-10-17"]),  # no "from": two dates
    ("On Oct. 5 and 17 other days", "en", ["2021-10-05"]),
    ("Oct. 17-5", "en", ["2021-10-17"]),  # ends before it starts: not a range
    ("Der Start wurde vom 5. Oktober auf den 17. Oktober verschoben.", "de",
     ["2021-10-05", "2021-10-17"]),
    ("Старт перенесли с 5 по 17 октября.", "ru", ["2021-10-17"]),
    ("Gedreht wird am 5. und 17. Oktober.", "de", ["2021-10-05", "2021-10-17"]),  # two days
    ("Spacewalks are planned on 5 and 17 October.", "en", ["2021-10-05", "2021-10-17"]),
    ("The troupe dances on Aug. 23 and 24.", "en", ["2021-08-23", "2021-08-24"]),
    ("The launch moved from 5 to 17 October.", "en", ["2021-10-17"]),
])
def test_what_is_not_a_range(text: str, lang: str, expected: list[str]) -> None:
    assert values(text, lang) == expected


def test_a_range_is_rewritten_as_its_interval() -> None:
    text = "The crew stays Oct. 5-17."
    assert rewrite_text(text, find_dates(text, ref=REF, lang="en")) \
        == "The crew stays 2021-10-05/2021-10-17."


def test_a_range_without_reference_is_unresolved() -> None:
    span = find_dates("The crew stays Oct. 5-17.", lang="en")[0]
    assert span["value"] is None and span["unresolved"]


@pytest.mark.parametrize("unit", [
    "2000 " * 20000, "2000 Menschen " * 8000, "from Oct. 5 to Oct. 17 " * 4000,
    "5.–17. Oktober " * 6000, "5-17 " * 20000, "Oct. 5-17-" * 8000, "1/2/2021 " * 10000,
])
def test_linear_work_on_adversarial_input(unit: str) -> None:
    for lang in ("en", "de", "ru"):
        linear, small, large = grows_linearly(
            lambda text, lang=lang: find_dates(text, ref=REF, lang=lang), unit)
        assert linear, (lang, small, large)
