"""Ukrainian names in Cyrillic running text (issue 17): put into their dictionary form by the
Ukrainian dictionary (pymorphy3-dicts-uk) when their letters make them Ukrainian, and written in
the target's form; Russian text never loads that dictionary."""

from __future__ import annotations

import subprocess
import sys

import pytest

from translit.articles.document import normalize


def _names(text: str, to: str) -> list[tuple[str, str, str]]:
    spans = normalize(text, lang="ru", names_to=to).spans
    return [(s["text"], s["value"], s["cyrillic"]) for s in spans if s["kind"] == "name"]


@pytest.mark.parametrize(("text", "to", "expected"), [
    ("Зустріч Володимира Зеленського з Віталієм Кличком.", "en",
     [("Володимира Зеленського", "Volodymyr Zelensky", "Володимир Зеленський"),
      ("Віталієм Кличком", "Vitali Klitschko", "Віталій Кличко")]),
    ("Зустріч Володимира Зеленського з Віталієм Кличком.", "de",
     [("Володимира Зеленського", "Wolodymyr Selenskyj", "Володимир Зеленський"),
      ("Віталієм Кличком", "Vitali Klitschko", "Віталій Кличко")]),
    # a common word at a sentence start is no name; a place in the locative is
    ("Переговори пройшли в Харкові. Зустріч тривала годину.", "en",
     [("Харкові", "Kharkiv", "Харків")]),
    ("Президент Зеленський прибув до Одеси.", "de",
     [("Зеленський", "Selenskyj", "Зеленський"), ("Одеси", "Odessa", "Одеса")]),
    ("Юлією Тимошенко у Львові", "en",
     [("Юлією Тимошенко", "Yulia Tymoshenko", "Юлія Тимошенко"), ("Львові", "Lviv", "Львів")]),
])
def test_ukrainian_names_in_their_dictionary_form(text: str, to: str,
                                                  expected: list[tuple[str, str, str]]) -> None:
    assert _names(text, to) == expected


def test_russian_text_is_read_as_before() -> None:
    assert _names("Лавров встретился с Сергеем Шойгу в Москве.", "en") == [
        ("Лавров", "Lavrov", "Лавров"), ("Сергеем Шойгу", "Sergei Shoigu", "Сергей Шойгу"),
        ("Москве", "Moscow", "Москва")]


def test_russian_text_does_not_load_the_ukrainian_dictionary() -> None:
    # pymorphy3 imports every installed dictionary package to find it; the Ukrainian
    # analyzer (its data) is built only for a Ukrainian word.
    code = ("from translit.articles.document import normalize; "
            "from translit.text import morphology; "
            "normalize('Лавров встретился с Сергеем Шойгу в Москве.', lang='ru'); "
            "print(morphology._analyzer.cache_info().currsize); "
            "normalize('Зустріч у Харкові.', lang='ru'); "
            "print(morphology._analyzer.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.split() == ["1", "2"]


def test_a_ukrainian_text_reads_its_undecided_names_as_ukrainian() -> None:
    # Денис Шмигаль and Харкова have no Ukrainian letter; the text around them does.
    text = "Зустріч відбулася у Києві. Прем'єр Денис Шмигаль перебував у Харкова."
    assert _names(text, "en")[-2:] == [("Денис Шмигаль", "Denys Shmyhal", "Денис Шмигаль"),
                                       ("Харкова", "Kharkiv", "Харків")]
    # the same words in a Russian text stay Russian
    assert _names("Встреча прошла в Москве. Денис Шмигаль был там.", "en")[-1] == (
        "Денис Шмигаль", "Denis Shmigal", "Денис Шмигаль")


def test_a_reading_the_tables_list_wins() -> None:
    # The Ukrainian dictionary reads Києві as Кий (a given name, a cue) or Київ: the listed one.
    assert _names("Зустріч відбулася у Києві.", "de") == [("Києві", "Kiew", "Київ")]
