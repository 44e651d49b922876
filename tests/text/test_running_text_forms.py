"""Names in running text keep one spelling, take their endings the target's way, stop at list
boundaries and keep the forms the lexicon gives (issue 15, items 4-7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from translit.articles.document import normalize
from translit.text.endings import genitive, latin_form
from translit.text.spans import NameSpan

ROOT = Path(__file__).resolve().parents[2]


def _out(text: str, lang: str, to: str) -> str:
    document = normalize(text, names_to=to, lang=lang)
    assert document.restore() == text
    return document.normalized


def _names(text: str, lang: str, to: str) -> list[NameSpan]:
    return [s for s in normalize(text, names_to=to, lang=lang).spans if s["kind"] == "name"]


# ---- A: one spelling per person within a text (item 5) -----------------------------------

@pytest.mark.parametrize(("text", "lang", "to", "expected"), [
    ("Ian Nepomniachtchi beat Carlsen; Nepomniachtchi smiled.", "en", "en",
     "Ian Nepomniachtchi beat Carlsen; Nepomniachtchi smiled."),
    ("Ian Nepomniachtchi beat Carlsen; Nepomniachtchi smiled.", "en", "de",
     "Jan Nepomnjaschtschi beat Carlsen; Nepomnjaschtschi smiled."),
    ("Ian Nepomniachtchi beat Carlsen; Nepomniachtchi smiled.", "en", "cyrillic",
     "Ян Непомнящий beat Carlsen; Непомнящий smiled."),
    ("Jan Nepomnjaschtschi schlug Carlsen; Nepomnjaschtschi lächelte.", "de", "en",
     "Ian Nepomniachtchi schlug Carlsen; Nepomniachtchi lächelte."),
    ("Jan Nepomnjaschtschi schlug Carlsen; Nepomnjaschtschi lächelte.", "de", "de",
     "Jan Nepomnjaschtschi schlug Carlsen; Nepomnjaschtschi lächelte."),
    ("Jan Nepomnjaschtschi schlug Carlsen; Nepomnjaschtschis Dame fiel.", "de", "en",
     "Ian Nepomniachtchi schlug Carlsen; Nepomniachtchi's Dame fiel."),
    ("Pyotr Ilyich Tchaikovsky wrote it; Pyotr Tchaikovsky and Tchaikovsky.", "en", "de",
     "Pjotr Iljitsch Tschaikowski wrote it; Pjotr Tschaikowski and Tschaikowski."),
])
def test_a_surname_alone_takes_the_full_names_spelling(text: str, lang: str, to: str,
                                                       expected: str) -> None:
    assert _out(text, lang, to) == expected


@pytest.mark.parametrize(("text", "lang", "to", "expected"), [
    ("Nepomniachtchi smiled.", "en", "en", "Nepomniachtchi smiled."),
    ("Nepomnjaschtschi lächelte.", "de", "de", "Nepomnjaschtschi lächelte."),
    ("Nepomnjaschtschi lächelte.", "de", "en", "Nepomniachtchi lächelte."),
    ("Nepomniachtchi smiled.", "en", "de", "Nepomnjaschtschi smiled."),
])
def test_a_listed_surname_is_never_replaced_by_a_rule_spelling(text: str, lang: str, to: str,
                                                               expected: str) -> None:
    assert _out(text, lang, to) == expected


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_chess_sample_spells_nepomniachtchi_one_way(lang: str) -> None:
    text = (ROOT / "samples" / f"chess-final.{lang}.txt").read_text(encoding="utf-8")
    for to, written in (("en", "Nepomniachtchi"), ("de", "Nepomnjaschtschi")):
        values = {s["value"].split()[-1] for s in _names(text, lang, to)
                  if "непомнящий" in s["cyrillic"].lower()}
        assert values == {written}, to


# ---- B: endings in Latin text (item 6) ------------------------------------------------------

@pytest.mark.parametrize(("to", "expected"), [
    ("en", "Navalny's Tod und Moscow's Antwort"),
    ("de", "Nawalnys Tod und Moskaus Antwort"),
    ("cyrillic", "Навального Tod und Москвы Antwort"),
])
def test_a_german_genitive_is_written_the_targets_way(to: str, expected: str) -> None:
    assert _out("Nawalnys Tod und Moskaus Antwort", "de", to) == expected


@pytest.mark.parametrize(("to", "expected"), [
    ("en", "Navalny's death, Moscow's answer, Lavrov's words, Peresild's film"),
    ("de", "Nawalnys death, Moskaus answer, Lawrows words, Peressilds film"),
    ("cyrillic", "Навального death, Москвы answer, Лаврова words, Пересильд film"),
])
def test_an_english_possessive_is_written_the_targets_way(to: str, expected: str) -> None:
    text = "Navalny's death, Moscow's answer, Lavrov's words, Peresild's film"
    assert _out(text, "en", to) == expected


def test_a_span_is_the_base_name_and_says_its_suffix() -> None:
    spans = _names("Nawalnys Tod und Moskaus Antwort", "de", "en")
    assert [(s["text"], s["value"], s["key"], s.get("suffix"), s.get("inflected"))
            for s in spans] == [("Nawalny", "Navalny", "navalni", "s", "Navalny's"),
                                ("Moskau", "Moscow", "moskva", "s", "Moscow's")]
    spans = _names("Lavrov's words", "en", "cyrillic")
    assert [(s["text"], s["value"], s["cyrillic"], s.get("suffix"), s.get("inflected"))
            for s in spans] == [("Lavrov", "Лавров", "Лавров", "'s", "Лаврова")]
    assert [s.get("suffix") for s in _names("Lavrov said", "en", "de")] == [None]


@pytest.mark.parametrize(("text", "lang", "to", "expected"), [
    ("Yulia Peresild flew. Peresild's film.", "en", "cyrillic",
     "Юлия Пересильд flew. Пересильд film."),
    ("Boris Pasternak's novel; Pasternak's fame.", "en", "cyrillic",
     "Бориса Пастернака novel; Пастернака fame."),
    ("Juri Gagarins Flug und Tschaikowskis Musik", "de", "cyrillic",
     "Юрия Гагарина Flug und Чайковского Musik"),
    ("Juri Gagarins Flug und Tschaikowskis Musik", "de", "en",
     "Yuri Gagarin's Flug und Tchaikovsky's Musik"),
    ("Yuri Gagarin's flight", "en", "de", "Juri Gagarins flight"),
    ("the Mariinsky Theatre's stage", "en", "de", "the Mariinski-Theaters stage"),
    ("the Mariinsky Theatre's stage", "en", "cyrillic", "the Мариинского театра stage"),
])
def test_endings_of_full_names_and_institutions(text: str, lang: str, to: str,
                                                expected: str) -> None:
    assert _out(text, lang, to) == expected


@pytest.mark.parametrize(("value", "ending", "to", "expected"), [
    ("Navalny", "s", "en", "Navalny's"),
    ("Navalny", "’s", "en", "Navalny’s"),
    ("Boris", "'", "en", "Boris'"),
    ("NAVALNY", "s", "en", "NAVALNY'S"),
    ("Lawrow", "'s", "de", "Lawrows"),
    ("Boris", "'s", "de", "Boris'"),
    ("Boris", "’s", "de", "Boris’"),
    ("Marx", "'s", "de", "Marx'"),
    ("Ringelnatz", "s", "de", "Ringelnatz'"),
    ("Navalny", "'s", "fr", "Navalny's"),  # no table for the target: as the text writes it
])
def test_latin_endings(value: str, ending: str, to: str, expected: str) -> None:
    assert latin_form(value, ending, to) == expected


@pytest.mark.parametrize(("words", "roles", "gender", "person", "expected"), [
    (["Навальный"], ["surname"], "m", True, ["Навального"]),
    (["Горький"], ["surname"], None, True, ["Горького"]),
    (["Непомнящий"], ["surname"], None, True, ["Непомнящего"]),
    (["Толстой"], ["surname"], None, True, ["Толстого"]),
    (["Лавров"], ["surname"], None, True, ["Лаврова"]),
    (["Путин"], ["surname"], None, True, ["Путина"]),
    (["Навальная"], ["surname"], "f", True, ["Навальной"]),
    (["Терешкова"], ["surname"], "f", True, ["Терешковой"]),
    (["Валентина", "Терешкова"], ["given", "surname"], "f", True, ["Валентины", "Терешковой"]),
    (["Юрий", "Гагарин"], ["given", "surname"], "m", True, ["Юрия", "Гагарина"]),
    (["Пётр", "Ильич", "Чайковский"], ["given", "given", "surname"], "m", True,
     ["Петра", "Ильича", "Чайковского"]),
    (["Алексей"], ["given"], "m", True, ["Алексея"]),
    (["Игорь"], ["given"], "m", True, ["Игоря"]),
    (["Юлия", "Пересильд"], ["given", "surname"], "f", True, ["Юлии", "Пересильд"]),
    (["Шипенко"], ["surname"], None, True, ["Шипенко"]),
    (["Черных"], ["surname"], None, True, ["Черных"]),
    (["Шойгу"], ["surname"], None, True, ["Шойгу"]),
    (["Москва"], ["other"], None, False, ["Москвы"]),
    (["Глинка"], ["surname"], None, True, ["Глинки"]),
    (["Россия"], ["other"], None, False, ["России"]),
    (["Казань"], ["other"], None, False, ["Казани"]),
    (["Ярославль"], ["other"], None, False, ["Ярославля"]),
    (["Сочи"], ["other"], None, False, ["Сочи"]),
    (["Газпром"], ["other"], None, False, ["Газпрома"]),
    (["ТАСС"], ["other"], None, False, ["ТАСС"]),
    (["Санкт-Петербург"], ["other"], None, False, ["Санкт-Петербурга"]),
    (["Красная", "площадь"], ["other", "other"], None, False, ["Красной", "площади"]),
    (["Звёздный", "городок"], ["other", "other"], None, False, ["Звёздного", "городка"]),
])
def test_the_russian_genitive(words: list[str], roles: list[str], gender: str | None,
                              person: bool, expected: list[str]) -> None:
    assert genitive(words, roles, gender, person) == expected


def test_no_genitive_where_no_rule_applies() -> None:
    # A surname in a consonant of unknown gender (a woman's does not change, a man's does).
    assert genitive(["Пересильд"], ["surname"], None, True) is None
    assert _out("Peresild's film", "en", "cyrillic") == "Пересильд film"


# ---- C: boundaries (item 7) ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Oleg Novitsky\nRoskosmos", "en", ["Oleg Novitsky", "Roskosmos"]),
    ("Crew: Oleg Novitsky / Pyotr Dubrov · Anton Shkaplerov | Yulia Peresild; Klim Shipenko",
     "en", ["Oleg Novitsky", "Pyotr Dubrov", "Anton Shkaplerov", "Yulia Peresild",
            "Klim Shipenko"]),
    ("- Oleg Nowizki\n• Pjotr Dubrow\n* Anton Schkaplerow", "de",
     ["Oleg Nowizki", "Pjotr Dubrow", "Anton Schkaplerow"]),
    ("The crew that flew to the station this week was led by Oleg Novitsky\n- Pyotr Dubrov",
     "en", ["Oleg Novitsky", "Pyotr Dubrov"]),
])
@pytest.mark.parametrize("to", ["en", "de", "cyrillic"])
def test_a_name_stops_at_a_line_a_separator_or_a_bullet(text: str, lang: str, to: str,
                                                        expected: list[str]) -> None:
    assert [s["text"] for s in _names(text, lang, to)] == expected


@pytest.mark.parametrize(("text", "lang", "to", "expected"), [
    ("Baikonur, Swjosdny gorodok", "de", "en", "Baikonur, Star City"),
    ("Baikonur, Swjosdny gorodok", "de", "de", "Baikonur, Swjosdny gorodok"),
    ("Baikonur, Swjosdny gorodok", "de", "cyrillic", "Байконур, Звёздный городок"),
    ("Baikonur, Zvyozdny gorodok", "en", "en", "Baikonur, Zvyozdny gorodok"),
    ("Baikonur, Zvyozdny gorodok", "en", "de", "Baikonur, Swjosdny Gorodok"),
    ("Baikonur, Zvyozdny gorodok", "en", "cyrillic", "Байконур, Звёздный городок"),
])
def test_a_lowercase_second_word_of_a_known_place(text: str, lang: str, to: str,
                                                  expected: str) -> None:
    assert _out(text, lang, to) == expected
    assert _names(text, lang, to)[-1]["cyrillic"] == "Звёздный городок"


# ---- D: conventional forms (item 4) --------------------------------------------------------

@pytest.mark.parametrize(("text", "lang", "to", "expected"), [
    ("Er flog nach St. Petersburg.", "de", "de", "Er flog nach Sankt Petersburg."),
    ("He flew to St. Petersburg and Saint Petersburg.", "en", "de",
     "He flew to Sankt Petersburg and Sankt Petersburg."),
    ("He flew to St. Petersburg, St Petersburg and Saint Petersburg.", "en", "en",
     "He flew to St. Petersburg, St Petersburg and Saint Petersburg."),
    ("Er flog nach St. Petersburg.", "de", "en", "Er flog nach St. Petersburg."),
    ("Er flog nach Sankt Petersburg.", "de", "en", "Er flog nach Saint Petersburg."),
    ("Pyotr Ilyich Tchaikovsky wrote it.", "en", "de", "Pjotr Iljitsch Tschaikowski wrote it."),
    ("Pyotr Ilyich Tchaikovsky wrote it.", "en", "en", "Pyotr Ilyich Tchaikovsky wrote it."),
    ("Pyotr Ilyich Tchaikovsky wrote it.", "en", "cyrillic", "Пётр Ильич Чайковский wrote it."),
    ("Pjotr Iljitsch Tschaikowski schrieb.", "de", "en", "Pyotr Ilyich Tchaikovsky schrieb."),
    ("Pjotr Tschaikowski schrieb.", "de", "en", "Pyotr Tchaikovsky schrieb."),
])
def test_listed_forms_of_the_target_and_patronymics(text: str, lang: str, to: str,
                                                    expected: str) -> None:
    assert _out(text, lang, to) == expected


@pytest.mark.parametrize(("to", "expected"), [
    ("en", "The Mariinsky Theatre and the Mariinsky, the Bolshoi and the Bolshoi Theatre."),
    ("de", "The Mariinski-Theater and the Mariinski, the Bolschoi and the Bolschoi-Theater."),
    ("cyrillic", "The Мариинский театр and the Мариинский, the Большой and the Большой театр."),
])
def test_short_and_long_forms_follow_the_mention_english(to: str, expected: str) -> None:
    text = "The Mariinsky Theatre and the Mariinsky, the Bolshoi and the Bolshoi Theatre."
    assert _out(text, "en", to) == expected


@pytest.mark.parametrize(("to", "expected"), [
    ("en", "Das Bolshoi-Ballett, das Bolshoi Theatre und das Mariinsky."),
    ("de", "Das Bolschoi-Ballett, das Bolschoi-Theater und das Mariinski."),
    ("cyrillic", "Das Большой-Ballett, das Большой театр und das Мариинский."),
])
def test_short_and_long_forms_follow_the_mention_german(to: str, expected: str) -> None:
    text = "Das Bolschoi-Ballett, das Bolschoi-Theater und das Mariinski."
    assert _out(text, "de", to) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Elena Rybakina of Kazakhstan beat Mirra Andreeva.", "en",
     "Elena Rybakina of Kazakhstan beat Мирра Андреева."),
    ("Jelena Rybakina aus Kasachstan schlug Mirra Andrejewa.", "de",
     "Jelena Rybakina aus Kasachstan schlug Мирра Андреева."),
    ("Aryna Sabalenka from Belarus won.", "en", "Aryna Sabalenka from Belarus won."),
])
def test_a_country_after_of_or_aus_marks_the_name_foreign(text: str, lang: str,
                                                          expected: str) -> None:
    assert _out(text, lang, "cyrillic") == expected


def test_a_linking_word_without_a_listed_place_changes_nothing() -> None:
    assert _out("Sergei Lavrov of Russia and Oleg Novitsky from Moscow.", "en", "cyrillic") \
        == "Сергей Лавров of Россия and Олег Новицкий from Москва."


def test_a_surname_alone_follows_its_foreign_full_name() -> None:
    """A full name a cue marks foreign leaves its surname alone foreign later in the text."""
    assert _out("Elena Rybakina of Kazakhstan won. Rybakina, born in Moscow, smiled.", "en",
                "cyrillic") == "Elena Rybakina of Kazakhstan won. Rybakina, born in Москва, smiled."
