"""Names in Russian-language text come out in their dictionary form (issue 16, first part):
value and key from the nominative with the person's gender and ё kept; Cyrillic output keeps
the inflected form the sentence needs."""

from __future__ import annotations

import pytest

from translit.articles.document import normalize
from translit.text.morphology import dictionary_form

FORMS = [
    ("Сергеем Лавровым", "Сергей Лавров"),
    ("Марии Захаровой", "Мария Захарова"),
    ("Юлии Навальной", "Юлия Навальная"),
    ("Юрия Гагарина", "Юрий Гагарин"),
    ("Москве", "Москва"),
    ("Кремлём", "Кремль"),
    ("Ростове-на-Дону", "Ростов-на-Дону"),
    ("Нижнем Новгороде", "Нижний Новгород"),
    ("Звёздном городке", "Звёздный городок"),
    ("Владимира Владимировича Путина", "Владимир Владимирович Путин"),
    ("В. В. Путину", "В. В. Путин"),
    ("Льва Толстого", "Лев Толстой"),
    ("Петра Чайковского", "Пётр Чайковский"),
    ("Сергея Королева", "Сергей Королёв"),
    ("Антоном Шкаплеровым", "Антон Шкаплеров"),
    ("Климом Шипенко", "Клим Шипенко"),
    ("Юлией Пересильд", "Юлия Пересильд"),
    ("Шойгу", "Шойгу"),
    ("Шкаплеров", "Шкаплеров"),
    ("Пересильд", "Пересильд"),
    ("Песков", "Песков"),
    ("Дмитрием Песковым", "Дмитрий Песков"),
    ("Сочи", "Сочи"),
    ("Кара-Мурзы", "Кара-Мурза"),
    ("Окуджавы", "Окуджава"),
    ("Яном Непомнящим", "Ян Непомнящий"),
    ("Эммануэлем Макроном", "Эммануэль Макрон"),
    ("Горбачев", "Горбачёв"),
    ("МОСКВЕ", "МОСКВА"),
]


@pytest.mark.parametrize(("written", "expected"), FORMS)
def test_dictionary_form(written: str, expected: str) -> None:
    assert dictionary_form(written) == expected


TEXT = "Вчера в Москве министр встретился с Сергеем Лавровым и Марией Захаровой."


def _names(names_to: str) -> list[tuple[str, object, object, object]]:
    document = normalize(TEXT, names_to=names_to, lang="ru")
    return [(s["text"], s.get("value"), s.get("cyrillic"), s.get("entity"))
            for s in document.spans if s["kind"] == "name"]


def test_russian_sentence_values_are_dictionary_forms() -> None:
    assert _names("en") == [("Москве", "Moscow", "Москва", "place"),
                            ("Сергеем Лавровым", "Sergei Lavrov", "Сергей Лавров", "person"),
                            ("Марией Захаровой", "Maria Zakharova", "Мария Захарова", "person")]
    assert [v for _, v, _, _ in _names("de")] == ["Moskau", "Sergei Lawrow", "Marija Sacharowa"]


def test_cyrillic_output_keeps_the_inflected_form() -> None:
    document = normalize(TEXT, names_to="cyrillic", lang="ru")
    assert document.text == TEXT
    assert [s.get("cyrillic") for s in document.spans if s["kind"] == "name"] == \
        ["Москва", "Сергей Лавров", "Мария Захарова"]


def test_inflected_mentions_share_the_nominative_key() -> None:
    text = "Сергей Лавров прибыл. С Сергеем Лавровым говорил Песков; Лаврова ждали."
    keys = [s["key"] for s in normalize(text, lang="ru").spans if s["kind"] == "name"]
    assert keys[0] == keys[1] == keys[3].join(["sergei ", ""])
    assert keys[2] == "peskov"


def _spans(text: str) -> list[tuple[str, object, object]]:
    return [(s["text"], s.get("value"), s.get("entity"))
            for s in normalize(text, lang="ru").spans if s["kind"] == "name"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Вдова Навального Юлия Навальная выступила.",
     [("Навального", "Navalny", "person"), ("Юлия Навальная", "Yulia Navalnaya", "person")]),
    ("Мэр Москвы Сергей Собянин открыл парк.",
     [("Москвы", "Moscow", "place"), ("Сергей Собянин", "Sergei Sobyanin", "person")]),
    ("Вчера в Москве Сергей Лавров заявил.",
     [("Москве", "Moscow", "place"), ("Сергей Лавров", "Sergei Lavrov", "person")]),
])
def test_names_in_different_cases_are_separate_spans(
        text: str, expected: list[tuple[str, object, object]]) -> None:
    assert _spans(text) == expected


@pytest.mark.parametrize("word", ["Переговоры", "Делегация", "Журналисты", "Бывший", "Глава",
                                  "Вдова", "Официальный", "Главный"])
def test_a_capitalized_common_word_at_a_sentence_start_is_no_name(word: str) -> None:
    assert _spans(f"{word} прибыли в Кремль.") == [("Кремль", "Kremlin", "organization")]


def test_a_line_break_ends_a_cyrillic_name() -> None:
    assert [t for t, _, _ in _spans("Рядом с Раисой\nМихаил Горбачев")] == \
        ["Раисой", "Михаил Горбачев"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Подготовка началась в Звёздном городке.", "Подготовка началась в Star City."),
    ("Митинг на Красной площади.", "Митинг на Red Square."),
])
def test_inflected_known_places_with_lowercase_words(text: str, expected: str) -> None:
    assert normalize(text, lang="ru").normalized == expected
    assert normalize(text, names_to="cyrillic", lang="ru").normalized == text


@pytest.mark.parametrize(("text", "expected"), [
    ("Официальный представитель Кремля Дмитрий Песков сообщил.",
     "Официальный представитель Kremlin Dmitry Peskov сообщил."),
    ("Вчера Губернатор Свердловской области прибыл.", "Вчера Губернатор Sverdlovsk Oblast прибыл."),
    ("Делегация Газпрома прибыла в Санкт-Петербург.",
     "Делегация Gazprom прибыла в Saint Petersburg."),
])
def test_roles_and_organizations_around_names(text: str, expected: str) -> None:
    assert normalize(text, lang="ru").normalized == expected
