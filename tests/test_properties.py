"""Properties that hold for every text and every scheme."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translit import get_scheme
from translit.schemes.inverse import invert
from translit.schemes.registry import scheme_files
from translit.schemes.scheme import has_cyrillic

SCHEMES = sorted(scheme_files())
RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
russian_words = st.text(alphabet=RUSSIAN, min_size=2, max_size=12)
russian_text = st.lists(russian_words, min_size=1, max_size=6).map(" ".join)


@pytest.mark.parametrize("scheme", SCHEMES)
@settings(max_examples=150, deadline=None)
@given(text=st.text())
def test_never_raises_on_any_text(scheme: str, text: str) -> None:
    result = get_scheme(scheme).transliterate(text)
    assert isinstance(result, str)


@pytest.mark.parametrize("scheme", SCHEMES)
@settings(max_examples=150, deadline=None)
@given(text=st.text())
def test_latin_output_holds_no_cyrillic(scheme: str, text: str) -> None:
    assert not has_cyrillic(get_scheme(scheme).transliterate(text))


@pytest.mark.parametrize("scheme", SCHEMES)
@settings(max_examples=150, deadline=None)
@given(text=russian_text)
def test_upper_in_gives_upper_out(scheme: str, text: str) -> None:
    result = get_scheme(scheme).transliterate(text.upper())
    assert result == result.upper()


@pytest.mark.parametrize("scheme", SCHEMES)
@settings(max_examples=100, deadline=None)
@given(text=russian_text)
def test_title_case_in_gives_a_capital_first(scheme: str, text: str) -> None:
    result = get_scheme(scheme).transliterate(text.title())
    cased = [c for c in result if c.lower() != c.upper()]
    assert not cased or cased[0].isupper()


@pytest.mark.parametrize("scheme", SCHEMES)
@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="ascii")))
def test_ascii_text_is_unchanged(scheme: str, text: str) -> None:
    assert get_scheme(scheme).transliterate(text) == text


def _russian_word(word: str) -> str:
    # No Russian word starts with ъ or ь, whose capitals have no case in ISO 9 (ʺ ʹ); words
    # with two letters or more besides the signs show their case around a sign.
    word = word if word[0] not in "ъь" else "а" + word
    return word if sum(c not in "ъь" for c in word) >= 2 else "б" + word


long_words = st.text(alphabet=RUSSIAN, min_size=3, max_size=12)
cased_words = st.tuples(long_words, st.sampled_from([str.lower, str.title, str.upper])).map(
    lambda pair: pair[1](_russian_word(pair[0])))
separators = st.sampled_from([" ", "-", ", ", ". ", "\n", " 12 ", "; "])


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.tuples(cased_words, separators), max_size=8).map(
    lambda pairs: "".join(w + s for w, s in pairs)))
def test_iso9_round_trips_exactly(text: str) -> None:
    iso9 = get_scheme("iso9")
    assert invert(iso9, iso9.transliterate(text)) == text


@pytest.mark.parametrize("scheme", SCHEMES)
@settings(max_examples=200, deadline=None)
@given(word=st.tuples(long_words, st.sampled_from([str.lower, str.title, str.upper])).map(
    lambda pair: pair[1](pair[0])))
def test_fast_path_equals_the_traced_rules(scheme: str, word: str) -> None:
    engine = get_scheme(scheme).engine
    slow = "".join(piece.output for piece in engine.cased_pieces(word))
    assert engine.word(word) == slow
