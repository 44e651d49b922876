"""Zone phrases, abbreviations, offsets and places, converted through the tz database."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from translit.errors import TableError
from translit.temporal.zones import (
    Zone,
    add_zone_table,
    dst_flag,
    find_place,
    load_zone_table,
    parse_offset,
    resolve_zone,
    to_utc,
)


def _utc(phrase: str, local: str, *, lang: str | None = None, region: str | None = None) -> str:
    zone = resolve_zone(phrase, lang=lang, region=region)
    assert zone is not None and not zone.ambiguous, phrase
    return to_utc(datetime.fromisoformat(local), zone).strftime("%Y-%m-%dT%H:%MZ")


def _samples() -> list[tuple[str, str, str, str]]:
    cases = []
    for key, expected in load_zone_table().samples.items():
        phrase, lang, local = key.split("|")
        cases.append((phrase, lang, local, expected))
    return cases


@pytest.mark.parametrize(("phrase", "lang", "local", "expected"), _samples())
def test_table_samples(phrase: str, lang: str, local: str, expected: str) -> None:
    assert _utc(phrase, local, lang=lang) == expected


@pytest.mark.parametrize(("local", "expected"), [
    ("1961-04-12T09:07", "1961-04-12T06:07Z"),   # Gagarin's launch: Moscow was UTC+3
    ("2012-01-15T12:00", "2012-01-15T08:00Z"),   # permanent "summer" time 2011-2014: UTC+4
    ("2013-07-01T12:00", "2013-07-01T08:00Z"),
    ("2014-12-01T12:00", "2014-12-01T09:00Z"),   # back to UTC+3 on 2014-10-26
    ("2021-10-05T11:55", "2021-10-05T08:55Z"),
])
def test_moscow_history(local: str, expected: str) -> None:
    assert _utc("Moscow time", local) == expected
    assert _utc("по московскому времени", local, lang="ru") == expected
    assert _utc("MSK", local) == expected


@pytest.mark.parametrize(("phrase", "local", "expected"), [
    ("Eastern time", "2021-10-05T04:55", "2021-10-05T08:55Z"),
    ("Eastern time", "2021-01-05T04:55", "2021-01-05T09:55Z"),
    ("Pacific time", "2021-10-05T01:55", "2021-10-05T08:55Z"),
    ("Central European Summer Time", "2021-10-05T10:55", "2021-10-05T08:55Z"),
    ("Central European Time", "2021-01-05T10:55", "2021-01-05T09:55Z"),
    ("Kyiv time", "2021-10-05T11:55", "2021-10-05T08:55Z"),
    ("Berlin time", "2021-10-05T10:55", "2021-10-05T08:55Z"),
    ("CET", "2021-10-05T09:55", "2021-10-05T08:55Z"),
    ("CEST", "2021-01-05T10:55", "2021-01-05T08:55Z"),   # an abbreviation names its offset
    ("EDT", "2021-10-05T04:55", "2021-10-05T08:55Z"),
    ("UTC+3", "2021-10-05T11:55", "2021-10-05T08:55Z"),
    ("UTC+05:30", "2021-10-05T14:25", "2021-10-05T08:55Z"),
    ("GMT", "2021-10-05T08:55", "2021-10-05T08:55Z"),
])
def test_phrases_and_abbreviations(phrase: str, local: str, expected: str) -> None:
    assert _utc(phrase, local) == expected


def test_german_phrases() -> None:
    assert resolve_zone("Schweizer Zeit", lang="de") == Zone("Europe/Zurich", "Schweizer Zeit")
    assert resolve_zone("Moskauer Zeit", lang="de").name == "Europe/Moscow"  # type: ignore[union-attr]
    assert resolve_zone("MESZ").name == "+02:00"  # type: ignore[union-attr]


def test_ambiguous_abbreviations() -> None:
    assert resolve_zone("CST", region="CN").name == "+08:00"  # type: ignore[union-attr]
    assert resolve_zone("CST", lang="en").name == "-06:00"  # type: ignore[union-attr]
    assert resolve_zone("IST", region="IN").name == "+05:30"  # type: ignore[union-attr]
    assert resolve_zone("BST", lang="en").name == "+01:00"  # type: ignore[union-attr]
    unknown = resolve_zone("IST", lang="en")
    assert unknown is not None and unknown.ambiguous
    assert set(unknown.candidates) == {"+05:30", "+01:00", "+02:00"}


def test_abbreviations_need_capitals_and_unknown_text_is_none() -> None:
    assert resolve_zone("cest") is None
    assert resolve_zone("ISS") is None
    assert resolve_zone("Mars time") is None


@pytest.mark.parametrize(("text", "minutes"), [
    ("UTC+3", 180), ("GMT-5", -300), ("+05:30", 330), ("UTC", 0), ("-0400", -240),
    ("UTC−3", -180),
])
def test_parse_offset(text: str, minutes: int) -> None:
    offset = parse_offset(text)
    assert offset is not None and offset.total_seconds() == minutes * 60


@pytest.mark.parametrize("text", ["UTC+15", "+ab", "3", ""])
def test_parse_offset_rejects(text: str) -> None:
    assert parse_offset(text) is None


def test_dst_gap_and_fold() -> None:
    zurich = Zone("Europe/Zurich")
    assert dst_flag(datetime(2021, 3, 28, 2, 30), zurich) == "gap"
    assert dst_flag(datetime(2021, 10, 31, 2, 30), zurich) == "fold"
    assert dst_flag(datetime(2021, 10, 5, 10, 55), zurich) is None
    assert dst_flag(datetime(2021, 3, 28, 2, 30), Zone("+01:00")) is None


@pytest.mark.parametrize(("place", "zone"), [
    ("Moscow", "Europe/Moscow"), ("Baikonur", "Asia/Qyzylorda"), ("Kazakhstan", "Asia/Almaty"),
    ("Switzerland", "Europe/Zurich"), ("Zürich", "Europe/Zurich"), ("Geneva", "Europe/Zurich"),
    ("Berlin", "Europe/Berlin"), ("Washington", "America/New_York"),
    ("New York", "America/New_York"), ("Москве", "Europe/Moscow"),
])
def test_places(place: str, zone: str) -> None:
    found = find_place(place)
    assert found is not None and found.zone == zone


def test_user_table_overrides_and_extends(tmp_path: Path) -> None:
    table = tmp_path / "zones.toml"
    table.write_text('[phrases.en]\n"houston time" = "America/Chicago"\n'
                     '[abbreviations]\nIST = "+05:30"\n', encoding="utf-8")
    add_zone_table(table)
    assert resolve_zone("Houston time").name == "America/Chicago"  # type: ignore[union-attr]
    assert resolve_zone("IST").name == "+05:30"  # type: ignore[union-attr]
    assert resolve_zone("Swiss time").name == "Europe/Zurich"  # type: ignore[union-attr]


def test_bad_user_table_names_file_line_and_key(tmp_path: Path) -> None:
    table = tmp_path / "zones.toml"
    table.write_text('[phrases.en]\n"mars time" = "Mars/Olympus"\n', encoding="utf-8")
    with pytest.raises(TableError) as caught:
        add_zone_table(table)
    assert caught.value.line == 2
    assert caught.value.key == "phrases.en.mars time"
    assert str(table) in str(caught.value)
