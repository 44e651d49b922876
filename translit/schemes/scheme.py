"""Scheme objects: a compiled table that transliterates whole texts.

>>> from translit.schemes.registry import get_scheme
>>> get_scheme("de").transliterate("Антон Шкаплеров и ЮЛИЯ ПЕРЕСИЛЬД")
'Anton Schkaplerow i JULIJA PERESSILD'
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from translit import caching
from translit.schemes.engine import Engine, Piece
from translit.schemes.loader import TableSpec

CHUNK_CACHE_LIMIT = 64_000
CHUNK_CACHE_LENGTH = 64
WORD_PATTERN = r"\p{Cyrillic}[\p{Cyrillic}\p{Mn}]*(?:['’ʼ]\p{Cyrillic}[\p{Cyrillic}\p{Mn}]*)*"
"""A Cyrillic word, with the apostrophes inside it (Ukrainian and Belarusian Мар'їне, сям'я):
a scheme that reads them writes them (or drops them), and the letter after one is no word start."""


@dataclass(frozen=True)
class TraceStep:
    """Which rule turned which letters (at ``start`` in the NFC text) into which output."""

    start: int
    source: str
    output: str
    rule: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "source": self.source, "output": self.output,
                "rule": self.rule}


def _word_regex() -> Any:
    import regex

    return regex.compile(f"({WORD_PATTERN})")


_PATTERN: list[Any] = caching.tracked([])


def word_regex() -> Any:
    """The compiled pattern of a Cyrillic word (compiled on first use, not at import)."""
    if not _PATTERN:
        _PATTERN.append(_word_regex())
    return _PATTERN[0]


def has_cyrillic(text: str) -> bool:
    """Whether ``text`` holds any Cyrillic letter."""
    return not text.isascii() and word_regex().search(text) is not None


class Scheme:
    """A transliteration scheme built from one table (and the tables it extends)."""

    def __init__(self, spec: TableSpec) -> None:
        self.spec = spec
        self.id = spec.id
        self.title = spec.title
        self.meta = spec.meta
        self._chunks: dict[str, str] = {}
        self._lock = threading.Lock()
        # Built on first use. Plain attributes, not functools.cached_property, which cannot
        # cache in a class that mypyc compiles (it has no instance __dict__).
        self._engine: Engine | None = None
        self._reversible: bool | None = None

    def __repr__(self) -> str:
        return f"Scheme({self.id!r})"

    @property
    def engine(self) -> Engine:
        """The compiled rules of the table (built on first use)."""
        engine = self._engine
        if engine is None:
            engine = self._engine = Engine(self.spec)
        return engine

    @property
    def reversible(self) -> bool:
        """One letter to one distinct output and no context: exactly invertible (like iso9)."""
        if self._reversible is None:
            spec = self.spec
            outputs = list(spec.letters.values())
            self._reversible = (not spec.rules and not spec.endings and not spec.words
                                and all(len(k) == 1 for k in spec.letters)
                                and len(set(outputs)) == len(outputs) and all(outputs))
        return self._reversible

    def transliterate(self, text: str) -> str:
        """Transliterate the Cyrillic words of ``text``; everything else passes through.

        Text is cut at spaces and each chunk's result is cached (bounded), since names and
        words repeat; a chunk whose case depends on its neighbours (a one-letter capital,
        as in ``Ю. ГАГАРИН``) sends the whole text through the word-by-word path.
        """
        if text.isascii():
            return text
        cached = self._chunks.get
        whole = cached(text)
        if whole is not None:
            return whole
        out = []
        for chunk in text.split(" "):
            result = cached(chunk)
            if result is None:
                result = self._chunk(chunk)
                if result is None:
                    return self._words(text)
            out.append(result)
        whole = " ".join(out)
        self._remember(text, whole)
        return whole

    def _remember(self, text: str, result: str) -> None:
        """Cache a short text's result; the cache is cleared when it reaches its limit."""
        if len(text) <= CHUNK_CACHE_LENGTH:
            if len(self._chunks) >= CHUNK_CACHE_LIMIT:
                with self._lock:
                    self._chunks.clear()
            self._chunks[text] = result

    def clear_caches(self) -> None:
        """Forget every cached result (for benchmarks and to bound memory by hand)."""
        with self._lock:
            self._chunks.clear()
        self.engine.clear_cache()

    def _chunk(self, chunk: str) -> str | None:
        parts = split_words(chunk)
        for index in range(1, len(parts), 2):
            word = parts[index]
            if len(word) == 1 and word.isupper():
                return None
            parts[index] = self.engine.word(word)
        result = "".join(parts)
        self._remember(chunk, result)
        return result

    def _words(self, text: str) -> str:
        parts = split_words(text)
        engine = self.engine
        for index in range(1, len(parts), 2):
            word = parts[index]
            if len(word) == 1 and word.isupper():
                parts[index] = engine.word(word, upper=_neighbour_is_upper(parts, index))
            else:
                parts[index] = engine.word(word)
        return "".join(parts)

    def trace(self, text: str) -> list[TraceStep]:
        """Every step of :meth:`transliterate`: the rule behind each piece of output.

        ``start`` is the offset in ``text`` of the word plus the offset in its NFC form.
        """
        parts = split_words(text)
        steps: list[TraceStep] = []
        position = 0
        for index, part in enumerate(parts):
            if index % 2:
                upper = _neighbour_is_upper(parts, index) if len(part) == 1 else None
                pieces: list[Piece] = self.engine.cased_pieces(part, upper=upper)
                steps.extend(TraceStep(position + p.start, p.source, p.output, p.rule)
                             for p in pieces)
            position += len(part)
        return steps


def split_words(text: str) -> list[str]:
    """``text`` as [other, word, other, word, …, other]: Cyrillic words at odd indexes."""
    parts: list[str] = word_regex().split(text)
    return parts



def _neighbour_is_upper(parts: list[str], index: int) -> bool:
    """For a one-letter word (an initial): is the nearest longer word ALL CAPS?"""
    for step in (2, -2):
        probe = index + step
        while 0 < probe < len(parts):
            word = parts[probe]
            if len(word) > 1:
                return word.isupper()
            probe += step
    return False
