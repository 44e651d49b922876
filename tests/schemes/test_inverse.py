"""The exact inverse of one-to-one schemes."""

from __future__ import annotations

import pytest

from translit import TranslitError, get_scheme
from translit.schemes.inverse import invert


def test_iso9_round_trip_of_the_story_names() -> None:
    iso9 = get_scheme("iso9")
    text = "Юлия Пересильд, ПЁТР ДУБРОВ и Звёздный городок; объём, щи, Эрнст."
    assert invert(iso9, iso9.transliterate(text)) == text


def test_a_scheme_with_context_has_no_exact_inverse() -> None:
    with pytest.raises(TranslitError, match="not one-to-one"):
        invert(get_scheme("de"), "Peressild")


def test_capital_with_a_mark_that_has_no_precomposed_form() -> None:
    iso9 = get_scheme("iso9")
    for text in ("СКОПЈЕ", "Скопје", "скопје"):
        assert invert(iso9, iso9.transliterate(text)) == text
