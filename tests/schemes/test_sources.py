"""Ukrainian and Belarusian Cyrillic (issue 17): the language of a name by its letters, letter
groups and given names, and the table of that language for the target."""

from __future__ import annotations

from pathlib import Path

import pytest

from translit import get_scheme, transliterate
from translit.cli.main import main
from translit.errors import TableError
from translit.schemes.loader import read_table
from translit.schemes.sources import reader_for, scheme_for, text_language, word_language


@pytest.mark.parametrize(("word", "language"), [
    ("Київ", "uk"), ("Єрмак", "uk"), ("Ґалаґан", "uk"),  # ї є ґ: Ukrainian only
    ("Ціханоўская", "be"), ("Віцебск", "uk"),  # ў: Belarusian; і alone: Ukrainian first
    ("Лукашэнка", "be"), ("Аляксандр", "be"),  # э after ш, a Belarusian given name
    ("Зеленський", "uk"), ("Донецьк", "uk"), ("Володимир", "uk"),  # -ськ, -цьк, a given name
    ("Объект", "ru"),  # ъ: Russian only
    ("Кличко", None), ("Шевченко", None), ("Гагарин", None), ("Донецк", None),  # undecided
])
def test_the_language_of_a_word(word: str, language: str | None) -> None:
    assert word_language(word) == language


def test_a_name_is_read_in_the_language_its_words_decide() -> None:
    assert text_language("Віталій Кличко") == "uk"
    assert text_language("Святлана Ціханоўская") == "be"  # і and ў
    assert text_language("Мария Пыльцына") == "ru"  # и (not Belarusian) and ы (not Ukrainian)
    assert text_language("Кличко") is None


@pytest.mark.parametrize(("text", "to", "expected"), [
    ("Володимир Зеленський", "en", "Volodymyr Zelenskyi"),
    ("Володимир Зеленський", "de", "Wolodymyr Selenskyj"),
    ("Віталій Кличко", "de", "Witalij Klytschko"),  # Кличко goes with Віталій
    ("Київ, Харків, Запоріжжя", "en", "Kyiv, Kharkiv, Zaporizhzhia"),
    ("Святлана Ціханоўская", "en", "Sviatlana Tsikhanouskaya"),
    ("Святлана Ціханоўская", "de", "Swjatlana Zichanouskaja"),
    ("Юрий Гагарин", "de", "Juri Gagarin"),  # Russian stays with the Russian table
    ("Мар'їне", "en", "Marine"),  # the apostrophe: no word start after it, not written
])
def test_transliterate_picks_the_table_of_the_language(text: str, to: str,
                                                        expected: str) -> None:
    assert transliterate(text, to) == expected


def test_the_caller_names_the_language_or_the_table() -> None:
    assert transliterate("Кличко", "de") == "Klitschko"  # undecided: Russian
    assert transliterate("Кличко", "de", source="uk") == "Klytschko"
    assert transliterate("Юрий Гагарин", "uk-de") == "Juryj Haharyn"  # a table named directly
    assert reader_for("Москва", "de") == "de" and reader_for("Київ", "de") == "uk-de"
    assert scheme_for("en", "uk") == "uk-national" and scheme_for("de", "be") == "be-de"
    assert scheme_for("iso9", "uk") == "iso9"  # no Ukrainian table for that target
    assert scheme_for("bgn", "uk") == "uk-bgn"  # the same convention for that language
    # the Belarusian national system (Belarusian Latin, with diacritics) is named directly
    assert scheme_for("en", "be") == "be-en"
    assert transliterate("Святлана Ціханоўская, Магілёў", "be-national") == \
        "Sviatlana Cichanoŭskaja, Mahilioŭ"


def test_the_russian_tables_keep_their_ids_and_behaviour() -> None:
    assert get_scheme("en").spec.source == "ru" and get_scheme("uk-national").spec.source == "uk"
    assert get_scheme("de").transliterate("Київ") == "Kiyiw"  # the Russian table alone


def test_a_mixed_line_is_read_word_by_word(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "--to", "de", "Київ und Москва"]) == 0
    assert capsys.readouterr().out == "Kyjiw und Moskwa\n"
    assert main(["convert", "--to", "en", "--format", "jsonl", "Київ"]) == 0
    assert '"scheme": "uk-national"' in capsys.readouterr().out
    assert main(["convert", "--to", "de", "--lang", "uk", "Кличко"]) == 0
    assert capsys.readouterr().out == "Klytschko\n"


def test_a_table_names_a_known_source_language(tmp_path: Path) -> None:
    table = tmp_path / "xx.toml"
    table.write_text('[scheme]\nsource = "sr"\n[letters]\n"а" = "a"\n', encoding="utf-8")
    with pytest.raises(TableError, match=r"scheme\.source.*unknown source language .sr."):
        read_table(table)
    child = tmp_path / "child.toml"
    child.write_text('[scheme]\nextends = "uk-national"\nsource = "ru"\n', encoding="utf-8")
    with pytest.raises(TableError, match="same source language"):
        read_table(child, search=[Path(get_scheme("uk-national").spec.path).parent])
