"""User tables that are malformed, duplicated, cyclic or contradictory get one precise error.

Scheme tables are covered in test_loader.py and test_lint.py; this file adds the lexicon and
zone tables users can add, three-table ``extends`` cycles, and that a refused table does not
stay registered.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from translit import TableError, add_tables, get_scheme
from translit.names.lexicon import add_lexicon, lexicon
from translit.temporal.zones import add_zone_table, load_zone_table
from translit.text.conversion import convert

ENTRY = '[[entry]]\nkind = "person"\ncyrillic = "Юлия Пересильд"\nde = "Julija Peressild"\n'


@pytest.mark.parametrize(("body", "message"), [
    ('[[entry]]\nkind = "person"\ncyrillic = "Марс\n', r":3: invalid TOML: "),
    (ENTRY + "\n" + ENTRY, r":6: entry\[1\]\.cyrillic: 'Юлия Пересильд' is already entry\[0\] "
                           r"\(duplicated or contradictory entry\)$"),
    (ENTRY + '\n[[entry]]\ncyrillic = "юлия пересильд"\nde = "Julia Peresild"\n',
     r":6: entry\[1\]\.cyrillic: .*is already entry\[0\]"),
    (ENTRY + '\n[[entry]]\nkind = "planet"\ncyrillic = "Марс"\n',
     r":6: entry\[1\]\.kind: kind must be one of person, place, organization, other$"),
    ('[[entry]]\ncyrillic = "  "\n', r":1: entry\[0\]: an entry needs a 'cyrillic' string$"),
    ('[[entry]]\ncyrillic = "Марс"\nde = ["Mars", 3]\n',
     r":1: entry\[0\]\.de: a spelling is a string or a list of strings$"),
    ('[entry]\ncyrillic = "Марс"\n', r"entry: \[\[entry\]\] must be an array of tables$"),
    ('[[entries]]\ncyrillic = "Марс"\n', r"entries: unknown section \[entries\]"),
    (b'[[entry]]\ncyrillic = "\xd0"\n', r"not UTF-8 at byte 22$"),
])
def test_bad_lexicon_files(body: str | bytes, message: str, tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    if isinstance(body, bytes):
        path.write_bytes(body)
    else:
        path.write_text(body, encoding="utf-8")
    before = len(lexicon().entries)
    with pytest.raises(TableError, match=message) as caught:
        add_lexicon(path)
    assert str(caught.value).startswith(str(path))
    assert len(lexicon().entries) == before  # refused, and not kept for later
    assert convert("Julija Peressild", to="en") == "Yulia Peresild"


def test_a_later_lexicon_file_may_replace_an_entry(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[[entry]]\nkind = "place"\ncyrillic = "Москва"\nde = "Moskwa"\n',
                    encoding="utf-8")
    add_lexicon(path)
    assert convert("Москва", to="de") == "Moskwa"


@pytest.mark.parametrize(("body", "message"), [
    ('[ambiguous]\n"CST" = "America/Chicago"\n',
     r":2: ambiguous\.CST: must be a table of offset"),
    ('[ambiguous.CST]\n"-06:00" = { regions = "US" }\n',
     r":2: ambiguous\.CST\.-06:00: regions must be a list of strings$"),
    ('[places]\n"Houston" = { zone = "America/Chicago", region = 1 }\n',
     r":2: places\.Houston: region must be a string"),
    ('[places]\n"Houston" = { region = "US" }\n', r":2: places\.Houston: needs zone"),
    ('[abbreviations]\n"HST" = "Hawaii/Nowhere"\n',
     r":2: abbreviations\.HST: unknown zone 'Hawaii/Nowhere'$"),
    ('[phrases.en]\n"Houston time" = "America/Chicago"\n',
     r"phrases\.en\.Houston time: phrases are lowercase$"),
    ('[phrases.en]\n"houston time" = "America/Chicago"\n"houston time" = "UTC"\n',
     r"invalid TOML"),
    ('[samples]\n"3 p.m. Houston time" = 15\n', r"samples\.3 p\.m\. Houston time: a sample"),
    ('[moon]\nx = "UTC"\n', r":1: moon: unknown or malformed section"),
])
def test_bad_zone_tables(body: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "zones.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(TableError, match=message) as caught:
        add_zone_table(path)
    assert str(caught.value).startswith(str(path))
    assert load_zone_table().abbreviations  # the built-in table still works


def test_extends_cycle_of_three_tables(tmp_path: Path) -> None:
    for name, parent in (("a", "b"), ("b", "c"), ("c", "a")):
        (tmp_path / f"{name}.toml").write_text(
            f'[scheme]\nextends = "{parent}"\n[words]\n"{name}" = "x"\n', encoding="utf-8")
    with pytest.raises(TableError, match=r"'extends' forms a cycle: a\.toml -> b\.toml -> "
                                         r"c\.toml -> a\.toml"):
        add_tables(tmp_path / "a.toml")


def test_a_refused_table_is_not_kept_registered(tmp_path: Path) -> None:
    bad = tmp_path / "de.toml"
    bad.write_text('[scheme]\noverride = true\nextends = "en"\n[letters]\n"ж" = 1\n',
                   encoding="utf-8")
    with pytest.raises(TableError, match=r"de\.toml:5: letters\.ж: value must be a string"):
        add_tables(bad)
    assert get_scheme("de").transliterate("Юлия") == "Julija"  # the built-in one again


def test_a_broken_table_of_a_folder_stops_only_what_uses_it(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "mine.toml").write_text('[scheme]\nextends = "nope"\n', encoding="utf-8")
    schemes = add_tables(folder)  # a folder is listed, not read
    assert get_scheme("en").transliterate("Юлия") == "Yulia"
    with pytest.raises(TableError, match=r"mine\.toml:2: scheme\.extends: extends unknown "
                                         r"table 'nope'"):
        get_scheme("mine")
    with pytest.raises(TableError, match="extends unknown table 'nope'"):
        schemes[0]
