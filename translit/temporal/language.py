"""Guess the language of a news text: Cyrillic means Russian, else German or English by their
most frequent words (listed in each ``tables/dates`` table).

>>> detect_language("Die Crew startet am 5. Oktober um 10.55 Uhr.")
'de'
>>> detect_language("Экипаж стартовал 5 октября.")
'ru'
"""

from __future__ import annotations

import threading
from typing import Any

from translit import caching, table_layer
from translit.temporal.words import get_lexicon

SAMPLE = 4000
_lock = threading.Lock()
_pattern: list[Any] = caching.tracked([])


def _words() -> Any:
    if not _pattern:
        import regex

        with _lock:
            if not _pattern:
                _pattern.append(regex.compile(r"\p{L}+(?:'\p{L}+)?"))
    return _pattern[0]


def detect_language(text: str, *, default: str = "en") -> str:
    """``ru``, ``de`` or ``en`` for ``text`` (its first few thousand characters)."""
    table_layer.state()
    sample = text[:SAMPLE]
    cyrillic = sum(1 for c in sample if "\u0400" <= c <= "\u04ff")
    latin = sum(1 for c in sample if c.isascii() and c.isalpha())
    if cyrillic > latin:
        return "ru"
    words = [w.lower() for w in _words().findall(sample)]
    scores = {lang: sum(1 for w in words if w in get_lexicon(lang).detect) for lang in ("en", "de")}
    if not any(scores.values()):
        return default
    return max(scores, key=lambda lang: (scores[lang], lang == default))
