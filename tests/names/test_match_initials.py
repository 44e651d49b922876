"""Initials against full given names and patronymics (issue 15, item 8): ``V. V. Putin`` is
``Wladimir Wladimirowitsch Putin``, compared on the Cyrillic letter each initial stands for."""

from __future__ import annotations

import json

import pytest

from translit.names.matching import match, parse_name

FULL_PUTIN = ("Wladimir Wladimirowitsch Putin", "Vladimir Vladimirovich Putin",
              "Владимир Владимирович Путин")


@pytest.mark.parametrize(("a", "b"), [
    # the two pairs of the issue
    ("V. V. Putin", "Wladimir Wladimirowitsch Putin"),
    ("F. M. Dostoevsky", "Fjodor Michailowitsch Dostojewski"),
    # Cyrillic on both sides, and mixed scripts
    ("В. В. Путин", "Владимир Владимирович Путин"),
    ("В. В. Путин", "Wladimir Wladimirowitsch Putin"),
    ("V. V. Putin", "Владимир Владимирович Путин"),
    ("Ф. М. Достоевский", "Fyodor Mikhailovich Dostoevsky"),
    ("F. M. Dostojewski", "Фёдор Михайлович Достоевский"),
    # surname first, with and without a comma
    ("Putin, V. V.", "Wladimir Wladimirowitsch Putin"),
    ("Putin, V. V.", "Владимир Владимирович Путин"),
    ("Путин В. В.", "Vladimir Vladimirovich Putin"),
    ("Putin V. V.", "Wladimir Wladimirowitsch Putin"),
    # initials without points, or without a space between them
    ("V V Putin", "Wladimir Wladimirowitsch Putin"),
    ("V.V. Putin", "Vladimir Vladimirovich Putin"),
    ("В В Путин", "Vladimir Vladimirovich Putin"),
    # German W = English V = В, and the digraph initials
    ("W. W. Putin", "Vladimir Vladimirovich Putin"),
    ("Yu. A. Gagarin", "Juri Alexejewitsch Gagarin"),
    ("Ju. A. Gagarin", "Юрий Алексеевич Гагарин"),
    ("Zh. I. Alferov", "Schores Iwanowitsch Alfjorow"),
    ("Ye. M. Primakov", "Jewgeni Maximowitsch Primakow"),
    ("Je. M. Primakow", "Yevgeny Maksimovich Primakov"),
    ("I. V. Stalin", "Иосиф Виссарионович Сталин"),
])
def test_initials_match_given_name_and_patronymic(a: str, b: str) -> None:
    for x, y in ((a, b), (b, a)):
        result = match(x, y)
        assert (result.same, result.verdict) == (True, "compatible"), result.why
        assert result.parts == {"surname": "same", "given": "initial",
                                "patronymic": "initial"}, result.why
        assert result.score >= 0.5


@pytest.mark.parametrize(("a", "b"), [
    ("Ch. Aitmatov", "Tschingis Aitmatow"),      # English Ch = German Tsch = Ч
    ("Tsch. Aitmatow", "Chingiz Aitmatov"),
    ("Ч. Айтматов", "Tschingis Aitmatow"),
    ("Kh. Ivanov", "Chasbulat Iwanow"),          # English Kh = German Ch = Х
    ("Sch. Iwanow", "Shamil Ivanov"),            # German Sch = English Sh = Ш
    ("Sh. Ivanov", "Schamil Iwanow"),
    ("Ts. Ivanov", "Zwetan Iwanow"),             # English Ts = German Z = Ц
    ("Z. Iwanow", "Tsvetan Ivanov"),
    ("Ya. Ivanov", "Jakow Iwanow"),              # English Ya = German Ja = Я
    ("Ja. Iwanow", "Яков Иванов"),
    ("J. Gagarin", "Yuri Gagarin"),              # a lone J. or Y. is Е, Ё, Ю, Я or Й
    ("Y. Gagarin", "Juri Gagarin"),
    ("E. Primakov", "Евгений Примаков"),
    ("D. Rogozin", "Dmitry Rogozin"),
    ("Rogozin D.", "Дмитрий Рогозин"),
])
def test_one_initial_against_a_given_name(a: str, b: str) -> None:
    for x, y in ((a, b), (b, a)):
        result = match(x, y)
        assert (result.same, result.verdict) == (True, "compatible"), result.why
        assert result.parts["given"] == "initial", result.why


@pytest.mark.parametrize("full", FULL_PUTIN)
def test_a_patronymic_on_one_side_only_is_no_mismatch(full: str) -> None:
    for short in ("V. Putin", "В. Путин", "Putin, W."):
        result = match(short, full)
        assert result.verdict == "compatible", result.why
        assert result.parts == {"surname": "same", "given": "initial",
                                "patronymic": "absent"}
    assert match("V. V. Putin", "Vladimir Putin").verdict == "compatible"
    result = match("Vladimir V. Putin", full)
    assert result.parts == {"surname": "same", "given": "same", "patronymic": "initial"}
    assert result.same


@pytest.mark.parametrize(("a", "b", "part"), [
    ("S. Iwanow", "A. Iwanow", "given"),
    ("D. Muratow", "R. Muratow", "given"),
    ("A. Rogozin", "Dmitry Rogozin", "given"),
    ("V. A. Putin", "Wladimir Wladimirowitsch Putin", "patronymic"),   # initials in order
    ("A. V. Putin", "Wladimir Wladimirowitsch Putin", "given"),
    ("A. V. Putin", "Vladimir Putin", "given"),
    ("V. V. Putin", "Vladimir Sergeyevich Putin", "patronymic"),
    ("В. С. Путин", "Владимир Владимирович Путин", "patronymic"),
    ("F. M. Dostoevsky", "Fjodor Wassiljewitsch Dostojewski", "patronymic"),
    ("V. Ivanov", "Fyodor Ivanov", "given"),
    ("Ya. Ivanov", "A. Ivanov", "given"),         # Я is not А although the key folds them
    ("A. Ivanov", "Yakov Ivanov", "given"),
    ("U. Ivanov", "Yuri Ivanov", "given"),        # У is not Ю
    ("T. Ivanov", "Tsvetan Ivanov", "given"),     # Т is not Ц
    ("S. Ivanov", "Shamil Ivanov", "given"),      # С is not Ш
    ("K. Ivanov", "Khasbulat Ivanov", "given"),   # К is not Х
    ("Ch. Ivanov", "Tsvetan Ivanov", "given"),
])
def test_mismatching_initials_stay_different(a: str, b: str, part: str) -> None:
    for x, y in ((a, b), (b, a)):
        result = match(x, y)
        assert (result.same, result.verdict) == (False, "different"), result.why
        assert result.parts[part] == "different", result.why
        assert result.score < 0.5


@pytest.mark.parametrize(("a", "b"), [
    ("V. Komarov", "V. Kamarov"),
    ("W. Komarow", "W. Kotow"),
    ("V. V. Putin", "Wladimir Wladimirowitsch Pushkin"),
])
def test_initials_do_not_rescue_a_different_surname(a: str, b: str) -> None:
    result = match(a, b)
    assert not result.same and result.parts["surname"] == "different", result.why


def test_initials_of_different_forms_of_one_surname_are_related() -> None:
    assert match("S. Ivanov", "S. Ivanova").verdict == "related"
    assert match("D. Muratov", "D. Muratova").verdict == "related"


def test_per_part_detail_for_initials() -> None:
    result = match("V. V. Putin", "Wladimir Wladimirowitsch Putin")
    data = result.as_dict()
    assert set(data) == {"same", "score", "verdict", "why", "parts", "initials"}
    assert data["parts"] == {"surname": "same", "given": "initial", "patronymic": "initial"}
    assert data["initials"] == {
        "given": {"a": "V", "b": "Wladimir", "letters_a": "в", "letters_b": "в",
                  "verdict": "initial"},
        "patronymic": {"a": "V", "b": "Wladimirowitsch", "letters_a": "в", "letters_b": "в",
                       "verdict": "initial"}}
    json.dumps(data)
    assert "given V ~ Wladimir: initial (key v / vladimir, letter в / в)" in result.why
    different = match("S. Iwanow", "A. Iwanow").as_dict()["initials"]
    assert different == {"given": {"a": "S", "b": "A", "letters_a": "з/с", "letters_b": "а",
                                   "verdict": "different"}}


def test_no_initials_no_detail() -> None:
    data = match("Anton Shkaplerov", "Anton Schkaplerow").as_dict()
    assert set(data) == {"same", "score", "verdict", "why", "parts"}
    assert match("Anton Shkaplerov", "Anton Schkaplerow").initials == {}
    # an initial facing no given name is not compared
    assert "initials" not in match("V. Putin", "Putin").as_dict()


def test_parse_name_marks_initials_of_each_part() -> None:
    for name in ("V. V. Putin", "Putin, V. V.", "Путин В. В.", "V V Putin"):
        parsed = parse_name(name)
        assert (parsed.initial, parsed.patronymic_initial, parsed.surname) == (True, True,
                                                                                "putin"), name
    parsed = parse_name("Tsch. Aitmatow")
    assert parsed.initial and parsed.given_text == "Tsch" and parsed.surname == "aitmatov"
    assert not parse_name("Vladimir Vladimirovich Putin").patronymic_initial
