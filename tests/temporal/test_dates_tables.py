"""Every sample in tables/dates/*.toml is a test; broken tables name file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from translit.errors import TableError
from translit.temporal import find_dates
from translit.temporal.words import LANGUAGES, get_lexicon, parse_meaning, read_lexicon


def _cases() -> list[tuple[str, str, str, str]]:
    cases = []
    for lang in LANGUAGES:
        lex = get_lexicon(lang)
        assert lex.sample_ref, f"{lex.path} needs [samples] ref"
        cases.extend((lang, lex.sample_ref, phrase, value) for phrase, value in lex.samples.items())
    return cases


@pytest.mark.parametrize(("lang", "ref", "phrase", "expected"), _cases())
def test_sample(lang: str, ref: str, phrase: str, expected: str) -> None:
    spans = find_dates(phrase, ref=ref, lang=lang)
    assert len(spans) == 1, spans
    assert str(spans[0]["value"]).replace("None", "null") == expected


def test_every_table_has_samples() -> None:
    for lang in LANGUAGES:
        assert len(get_lexicon(lang).samples) >= 20


@pytest.mark.parametrize(("lang", "word", "month"), [
    ("en", "september", 9), ("en", "sept", 9), ("en", "oct", 10),
    ("de", "märz", 3), ("de", "okt", 10), ("de", "dezember", 12),
    ("ru", "октября", 10), ("ru", "октябре", 10), ("ru", "мае", 5), ("ru", "март", 3),
])
def test_month_names_come_from_cldr(lang: str, word: str, month: int) -> None:
    meanings = [m for m in get_lexicon(lang).words[word] if m.kind == "month"]
    assert [m.value for m in meanings] == [month]


def test_weekday_names_come_from_cldr() -> None:
    assert [m.value for m in get_lexicon("ru").words["среду"]] == [2]
    assert [m.value for m in get_lexicon("de").words["dienstag"]] == [1]
    assert [m.value for m in get_lexicon("en").words["sunday"]] == [6]


@pytest.mark.parametrize("spec", ["unit X", "day", "shift two", "clock noon", "bogus 1",
                                  "ago 3"])
def test_bad_meanings(spec: str) -> None:
    with pytest.raises(ValueError):
        parse_meaning(spec)


def test_bad_table_names_file_line_and_key(tmp_path: Path) -> None:
    table = tmp_path / "en.toml"
    table.write_text('[language]\nlocale = "en"\n\n[words]\n"fortnite" = "unit FN"\n',
                     encoding="utf-8")
    with pytest.raises(TableError) as caught:
        read_lexicon(table)
    assert (caught.value.line, caught.value.key) == (5, "words.fortnite")


def test_unknown_section_is_an_error(tmp_path: Path) -> None:
    table = tmp_path / "en.toml"
    table.write_text('[language]\nlocale = "en"\n[wordz]\n', encoding="utf-8")
    with pytest.raises(TableError, match="unknown section"):
        read_lexicon(table)
