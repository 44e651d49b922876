"""tables/names/places_gazetteer.tsv: the places from public gazetteers (bench/build_places.py)."""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import pytest

NAMES = Path(__file__).resolve().parents[2] / "tables" / "names"
COLUMNS = ["cyrillic", "en", "de", "kind", "source"]
CYRILLIC = re.compile(r"[А-ЯЁ][а-яёА-ЯЁ]*(?:[- ][а-яёА-ЯЁ]+)*")
SOURCE = re.compile(r"(cldr:[A-Za-z_]+/[A-Za-z_-]+|geonames:\d+|hand:en\.wikipedia:\S+)")


def read(name: str) -> list[dict[str, str]]:
    lines = [line for line in (NAMES / name).read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return read("places_gazetteer.tsv")


def is_latin(spelling: str) -> bool:
    return bool(spelling.strip()) and all(
        ch in " -." or (ch.isalpha() and "LATIN" in unicodedata.name(ch, "")) for ch in spelling)


def test_header_and_columns(rows):
    text = (NAMES / "places_gazetteer.tsv").read_text(encoding="utf-8")
    assert text.startswith("#")
    assert "CC BY 4.0" in text and "GeoNames" in text and "CLDR" in text
    header = next(line for line in text.splitlines() if not line.startswith("#"))
    assert header.split("\t") == COLUMNS
    assert all(list(row) == COLUMNS and None not in row.values() for row in rows)


def test_every_row_is_cyrillic_and_latin(rows):
    for row in rows:
        assert CYRILLIC.fullmatch(row["cyrillic"]), row
        assert all(is_latin(s) for s in row["en"].split("|")), row
        assert not row["de"] or all(is_latin(s) for s in row["de"].split("|")), row
        assert "'" not in row["en"] and "’" not in row["en"], row
        assert row["kind"] in {"city", "town", "settlement"}, row


def test_every_row_has_a_source(rows):
    for row in rows:
        assert SOURCE.fullmatch(row["source"]), row


def test_no_duplicates_and_no_overlap_with_places(rows):
    names = [row["cyrillic"].lower() for row in rows]
    assert len(names) == len(set(names))
    known = {row["cyrillic"].strip().lower() for row in read("places.tsv")}
    assert not known & set(names)


def test_size_and_known_places(rows):
    assert len(rows) >= 1000
    by_name = {row["cyrillic"]: row for row in rows}
    assert "Khatanga" in by_name["Хатанга"]["en"].split("|")
    assert "Okhotsk" in by_name["Охотск"]["en"].split("|")
    assert by_name["Охотск"]["de"] == "Ochotsk"
    assert by_name["Хандыга"]["de"] == "Chandyga"


def test_the_name_finder_knows_the_places():
    from translit.names.places import known_name

    assert known_name("khatanga") == ("хатанга", "place")
    assert known_name("ochotsk") == ("охотск", "place")
