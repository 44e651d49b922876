"""The engine: case, NFC, mixed text, precedence, context, trace, fallback."""

from __future__ import annotations

import unicodedata

import pytest

from translit import get_scheme, transliterate


@pytest.mark.parametrize(("source", "expected"), [
    ("юлия пересильд", "julija peressild"),
    ("Юлия Пересильд", "Julija Peressild"),
    ("ЮЛИЯ ПЕРЕСИЛЬД", "JULIJA PERESSILD"),
    ("ЩУКИН", "SCHTSCHUKIN"),
    ("Щукин", "Schtschukin"),
    ("МакДональд", "MakDonald"),
    ("Ю. ГАГАРИН", "JU. GAGARIN"),
    ("Ю. Гагарин", "Ju. Gagarin"),
    ("Ю.А. Гагарин", "Ju.A. Gagarin"),
])
def test_case_is_kept_per_word(source: str, expected: str) -> None:
    assert transliterate(source, "de") == expected


def test_decomposed_yo_is_normalized_first() -> None:
    decomposed = unicodedata.normalize("NFD", "Пётр Хрущёв")
    assert decomposed != "Пётр Хрущёв"
    assert transliterate(decomposed, "de") == "Pjotr Chruschtschow"


def test_mixed_text_only_cyrillic_changes() -> None:
    text = "Actress Юлия Пересильд met Tom Cruise (Том Круз?) on 5 Oct, 10:55."
    assert transliterate(text, "de") == (
        "Actress Julija Peressild met Tom Cruise (Tom Krus?) on 5 Oct, 10:55.")


def test_non_cyrillic_passes_through_untouched() -> None:
    text = "Tom Cruise, Elon Musk — 3,000 ☃ 東京 naïve\u0301"
    assert transliterate(text, "de") is text or transliterate(text, "de") == text


def test_unknown_cyrillic_letters_are_folded() -> None:
    # The Russian table alone folds the letters it lacks; transliterate() reads Ukrainian
    # with the Ukrainian table of the same target (tests/schemes/test_sources.py).
    assert get_scheme("de").transliterate("Київ") == "Kiyiw"
    assert transliterate("Київ", "de") == "Kyjiw"


def test_stress_marks_stay_with_their_letter() -> None:
    assert transliterate("Пу\u0301тин", "de") == "Pu\u0301tin"


@pytest.mark.parametrize(("source", "expected"), [
    ("Ельцин", "Jelzin"),          # е at word start
    ("Достоевский", "Dostojewski"),  # е after a vowel; -ий ending
    ("Васильев", "Wassiljew"),      # с between vowels; е after ь
    ("Горбачёв", "Gorbatschow"),    # ё after ч
    ("Пётр", "Pjotr"),              # ё after a consonant
    ("Майя", "Maja"),               # the sequence йя
    ("Ильич", "Iljitsch"),          # ь before и
    ("Навальный", "Nawalny"),       # -ый ending
    ("Нижний-Новгород", "Nischni-Nowgorod"),  # a hyphen starts a new word
])
def test_context_rules(source: str, expected: str) -> None:
    assert transliterate(source, "de") == expected


def test_word_exception_beats_rules_and_keeps_case() -> None:
    assert transliterate("Александр АЛЕКСАНДР александр", "de") == (
        "Alexander ALEXANDER alexander")


def test_trace_covers_the_output_exactly() -> None:
    scheme = get_scheme("de")
    text = "Юлия Пересильд, Хрущёв"
    steps = scheme.trace(text)
    assert "".join(s.output for s in steps) == "JulijaPeressildChruschtschow"
    rules = {s.source: s.rule for s in steps}
    assert rules["с"].startswith("context[")
    assert any(s.rule == "endings.ий" for s in scheme.trace("Дмитрий"))
    assert all(text[s.start:s.start + len(s.source)] == s.source for s in steps)


def test_cache_does_not_mix_cases() -> None:
    scheme = get_scheme("de")
    assert scheme.transliterate("ЮЛИЯ") == "JULIJA"
    assert scheme.transliterate("Юлия") == "Julija"
    assert scheme.transliterate("Ю") == "Ju"
    assert scheme.transliterate("Ю ЮЛИЯ") == "JU JULIJA"
