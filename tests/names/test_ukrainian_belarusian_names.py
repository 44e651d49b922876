"""Ukrainian and Belarusian names (issue 17): the press forms of the lexicon, the Russian form
as another form of the same name, and one key and one match across languages and scripts."""

from __future__ import annotations

import pytest

from translit.names.keys import name_key
from translit.names.matching import match
from translit.text.conversion import convert


@pytest.mark.parametrize(("cyrillic", "en", "de"), [
    ("Київ", "Kyiv", "Kiew"),
    ("Киев", "Kyiv", "Kiew"),  # the Russian form of the same city
    ("Харків", "Kharkiv", "Charkiw"),
    ("Запоріжжя", "Zaporizhzhia", "Saporischschja"),
    ("Володимир Зеленський", "Volodymyr Zelensky", "Wolodymyr Selenskyj"),
    ("Аляксандр Лукашэнка", "Alexander Lukashenko", "Alexander Lukaschenko"),
    ("Лукашенко", "Lukashenko", "Lukaschenko"),
    ("Святлана Ціханоўская", "Sviatlana Tsikhanouskaya", "Swjatlana Zichanouskaja"),
    ("Могилёв", "Mogilev", "Mahiljou"),
    ("Чернігів", "Chernihiv", "Tschernihiw"),  # by the table, and listed
    ("Вінниця", "Vinnytsia", "Winnyzja"),  # by the table alone
])
def test_the_press_forms(cyrillic: str, en: str, de: str) -> None:
    assert convert(cyrillic, to="en") == en
    assert convert(cyrillic, to="de") == de


@pytest.mark.parametrize("names", [
    ["Київ", "Киев", "Kyiv", "Kiew", "Kiev"],
    ["Зеленський", "Зеленский", "Zelensky", "Zelenskyy", "Zelenskiy", "Selenskyj"],
    ["Лукашэнка", "Лукашенко", "Lukashenko", "Lukaschenko", "Lukashenka"],
    ["Святлана Ціханоўская", "Светлана Тихановская", "Sviatlana Tsikhanouskaya",
     "Svetlana Tikhanovskaya", "Swjatlana Zichanouskaja"],
])
def test_one_key_across_languages_and_scripts(names: list[str]) -> None:
    assert len({name_key(name) for name in names}) == 1, [name_key(n) for n in names]


@pytest.mark.parametrize(("a", "b"), [
    ("Kyiv", "Київ"), ("Kiew", "Kyiv"), ("Lukashenko", "Лукашэнка"),
    ("Svetlana Tikhanovskaya", "Sviatlana Tsikhanouskaya"),
    ("Светлана Тихановская", "Swjatlana Zichanouskaja"), ("Selenskyj", "Зеленский"),
])
def test_match_treats_them_as_one(a: str, b: str) -> None:
    assert match(a, b).verdict in ("same", "compatible")


@pytest.mark.parametrize(("latin", "to", "out"), [
    ("Kyiv", "de", "Kiew"), ("Kiew", "en", "Kyiv"), ("Kyiv", "cyrillic", "Київ"),
    ("Wolodymyr Selenskyj", "en", "Volodymyr Zelensky"),
    ("Volodymyr Zelensky", "cyrillic", "Володимир Зеленський"),
    ("Lukashenko", "cyrillic", "Лукашэнка"),  # its own alphabet, not the Russian Лукашенко
    ("Tom Cruise", "cyrillic", "Tom Cruise"),  # another nation's name passes through
])
def test_convert_writes_a_listed_name_in_the_targets_form_or_its_own_alphabet(
        latin: str, to: str, out: str) -> None:
    assert convert(latin, to=to, source="auto") == out


def test_different_names_stay_apart() -> None:
    assert match("Kyiv", "Kharkiv").verdict == "different"
    assert name_key("Лукашэнка") != name_key("Лукашевич")


def test_align_groups_the_forms_of_one_ukrainian_name() -> None:
    from translit.articles.align import align
    from translit.articles.document import normalize

    documents = [
        normalize("President Volodymyr Zelensky met Olaf Scholz.", lang="en", source="en"),
        normalize("Präsident Wolodymyr Selenskyj traf Olaf Scholz. Selenskyj sprach.",
                  lang="de", source="de"),
        normalize("Песков прокомментировал визит Зеленского.", lang="ru", source="ru"),
    ]
    groups = [sorted(m.text for m in g.mentions) for g in align(documents)]
    assert ["Selenskyj", "Volodymyr Zelensky", "Wolodymyr Selenskyj", "Зеленского"] in groups
