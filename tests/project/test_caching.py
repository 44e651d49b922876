"""What is built once stays built, in the pure-Python and the compiled build alike.

A mypyc-compiled class has no instance ``__dict__``, so ``functools.cached_property`` there
computes again on every access, without an error: only speed shows it. These tests run a
second time against the compiled wheel (tests/project/test_wheel.py).
"""

from __future__ import annotations

from translit.schemes.registry import get_scheme


def test_a_scheme_builds_its_engine_once() -> None:
    scheme = get_scheme("de")
    assert scheme.engine is scheme.engine
    assert scheme.transliterate("Шкаплеров") == "Schkaplerow"
    assert get_scheme("de").engine is scheme.engine


def test_a_scheme_decides_reversibility_once() -> None:
    assert get_scheme("iso9").reversible is True
    assert get_scheme("de").reversible is False
    scheme = get_scheme("iso9")
    assert scheme._reversible is True  # remembered, not computed again
