"""Russian names in English and German text (issue 15): where a name ends, which words are
another person's, names the tables list with lowercase or declined words, double surnames,
given names no scheme writes, a listed person's surname alone, and Latin initials."""

from __future__ import annotations

import pytest

from translit.articles.document import normalize
from translit.names.declension import declined_forms, with_declined
from translit.text.finder import find_names
from translit.text.rendering import latin_initial


def _found(text: str, lang: str = "en") -> list[tuple[str, str]]:
    return [(m.text, m.cyrillic) for m in find_names(text, lang=lang)]


def _values(text: str, lang: str, to: str) -> list[tuple[str, str]]:
    spans = normalize(text, lang=lang, names_to=to).spans
    return [(s["text"], s["value"]) for s in spans if s["kind"] == "name"]


@pytest.mark.parametrize("headline", [
    "Lavrov Meets Baerbock",  # another person in the same headline run
    "Lavrov And Baerbock Meet Briefly In Paris",  # a Title Case line of 40 characters or more
])
def test_a_headline_keeps_its_names_and_ends_at_its_line(headline: str) -> None:
    found = _found(f"{headline}\nLavrov told reporters that nothing had changed.")
    assert found == [("Lavrov", "лавров"), ("Lavrov", "лавров")]


def test_another_persons_words_are_those_next_to_the_breaker() -> None:
    # Wladimir after Wladimir Klitschko is his; a place of another country is nobody's name.
    assert _found("Wladimir Klitschko won in Moscow. Wladimir smiled.") == [("Moscow", "москва")]
    assert _found("obwohl sie in Venedig Andrei Kontschalowski trafen.", "de") == [
        ("Andrei Kontschalowski", "андрей кончаловский")]


def test_a_double_surname_is_read_part_by_part() -> None:
    text = "Sergey Kud-Sverchkov flew in 2020. Kud-Sverchkov was born in Baikonur."
    assert _found(text)[:2] == [("Sergey Kud-Sverchkov", "сергей куд-сверчков"),
                                ("Kud-Sverchkov", "куд-сверчков")]
    assert _found("Der Komponist Rimski-Korsakow lebte hier.", "de") == [
        ("Rimski-Korsakow", "римский-корсаков")]
    assert _found("The Bolshoi-Ballett toured.") != [("Bolshoi-Ballett", "")]  # no common word


@pytest.mark.parametrize(("text", "cyrillic"), [
    ("The film starred Yury Borisov.", "юрий борисов"),  # -y for -ий, as the press writes it
    ("She lost to Evgenia Medvedeva.", "евгения медведева"),  # E- for Е-
    ("Herman Gref spoke.", "герман греф"),  # H for Г
])
def test_given_names_that_no_scheme_writes(text: str, cyrillic: str) -> None:
    assert [c for _, c in _found(text)] == [cyrillic]


def test_a_russian_given_name_takes_an_unlisted_surname_after_it() -> None:
    assert _found("Zenit coach Sergei Semak complained.")[-1] == ("Sergei Semak", "сергей семак")
    assert _found("Zenit-Trainer Sergej Semak beschwerte sich.", "de")[-1][0] == "Sergej Semak"
    assert _found("Diana Ross sang.") == []  # Diana is no only-Russian name, Ross a common word


def test_a_listed_persons_surname_alone() -> None:
    assert _found("Dostoevsky wrote it; F. M. Dostoevsky signed it.") == [
        ("Dostoevsky", "достоевский"), ("F. M. Dostoevsky", "достоевский")]


@pytest.mark.parametrize(("text", "lang", "name", "english"), [
    ("A statue of Peter the Great stands there.", "en", "Peter the Great", "Peter the Great"),
    ("Ships crossed the Sea of Okhotsk.", "en", "Sea of Okhotsk", "Sea of Okhotsk"),
    ("Nach der Stadt ist das Ochotskische Meer benannt.", "de", "Ochotskische Meer",
     "Sea of Okhotsk"),
    ("Ein Denkmal für Peter den Großen steht dort.", "de", "Peter den Großen", "Peter the Great"),
    ("Sie moderiert Sendungen im Ersten Kanal.", "de", "Ersten Kanal", "Channel One"),
    ("Ein Sprecher der Russischen Akademie der Wissenschaften sagte das.", "de",
     "Russischen Akademie der Wissenschaften", "Russian Academy of Sciences"),
])
def test_listed_names_with_lowercase_or_declined_words(text: str, lang: str, name: str,
                                                      english: str) -> None:
    assert (name, english) in _values(text, lang, "en")


def test_a_generic_word_the_press_writes_lowercase() -> None:
    text = "They walked along the Moskva river."
    assert _values(text, "en", "en") == [("Moskva river", "Moskva river")]  # as written
    assert _values(text, "en", "de") == [("Moskva river", "Moskwa")]


def test_german_output_keeps_the_declined_form_of_the_text() -> None:
    text = "Ein Denkmal für Peter den Großen steht am Roten Platz, am Ochotskischen Meer."
    assert [v for _, v in _values(text, "de", "de")] == [
        "Peter den Großen", "Roten Platz", "Ochotskischen Meer"]


def test_declined_forms() -> None:
    assert "Ochotskischen Meer" in declined_forms("Ochotskisches Meer", "de")
    assert "Peter dem Großen" in declined_forms("Peter der Große", "de", person=True)
    assert declined_forms("Alexander Puschkin", "de", person=True) == []  # no adjective
    assert declined_forms("Red Square", "en") == []  # English declines nothing
    assert with_declined(["Roter Platz"], "bgn") == ["Roter Platz"]  # a scheme, no language


@pytest.mark.parametrize(("initial", "style", "to", "written"), [
    ("W.", "de", "en", "V."),
    ("W.", "en", "en", "V."),  # a German initial in a name read as English (Putin fits both)
    ("V.", "en", "de", "W."),
    ("Ju.", None, "en", "Yu."),
    ("Zh.", "en", "de", "Sch."),
    ("V.", "en", "cyrillic", "В."),
    ("S.", "de", "en", None),  # С or З
    ("J.", "de", "en", None),  # Й, Ю, Я, Е: no one letter
])
def test_latin_initials_in_the_target(initial: str, style: str | None, to: str,
                                      written: str | None) -> None:
    assert latin_initial(initial, style, to) == written


def test_initials_in_running_text() -> None:
    assert _values("Der Brief von W. W. Putin kam.", "de", "en") == [("W. W. Putin", "V. V. Putin")]
    assert _values("A letter by V. V. Putin came.", "en", "de") == [("V. V. Putin", "W. W. Putin")]


def test_the_black_sea_is_no_russian_place_in_latin_text() -> None:
    assert _values("a palace on the Black Sea coast near Gelendzhik", "en", "de") == [
        ("Gelendzhik", "Gelendschik")]
