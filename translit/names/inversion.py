"""Inverse entries of a scheme, derived from its own table: Latin pieces → Cyrillic.

Every ``[letters]`` entry, ``[[context]]`` rule, ``[endings]`` entry and ``[words]`` exception of
a compiled scheme becomes one :class:`InverseEntry` (its conditions kept, as Cyrillic context), so
no scheme needs a second, hand-written reverse table. Apostrophe-like marks are interchangeable
(a ``ʹ`` in a table also reads ``'``, ``’`` and ``ʼ``), and so are composed and decomposed
diacritics.

>>> inv = inverse_of("de")
>>> sorted({e.cyrillic for e in inv.entries["sch"]})
['ж', 'ш']
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass

from translit import caching, table_layer
from translit.errors import TableError
from translit.schemes.engine import Rule
from translit.schemes.registry import get_scheme
from translit.schemes.scheme import Scheme

APOSTROPHES = "'’ʼʹ′`´ʻ"
"""Marks that texts use interchangeably for the soft and hard signs."""


@dataclass(frozen=True)
class InverseEntry:
    """One way a Latin piece can come from Cyrillic: ``latin`` ← ``cyrillic`` by ``rule``."""

    latin: str
    cyrillic: str
    kind: str  # "letters", "context", "endings" or "words"
    rule: Rule | None

    @property
    def at_end(self) -> bool:
        """Whether the entry applies only at the end of a word."""
        return self.kind == "endings"


@dataclass(frozen=True)
class Inverse:
    """All inverse entries of one scheme, indexed by their Latin piece."""

    scheme: str
    entries: dict[str, tuple[InverseEntry, ...]]
    silent: tuple[InverseEntry, ...]
    words: dict[str, str]
    longest: int
    alphabet: frozenset[str]

    def matches(self, latin: str, start: int) -> list[InverseEntry]:
        """The entries whose Latin piece stands at ``start`` in ``latin`` (longest first)."""
        found: list[InverseEntry] = []
        for length in range(min(self.longest, len(latin) - start), 0, -1):
            found.extend(self.entries.get(latin[start:start + length], ()))
        return found


def fold_latin(text: str) -> str:
    """Lowercase, NFC, and one apostrophe for all the marks texts use for ь and ъ."""
    text = unicodedata.normalize("NFC", text).lower()
    if text.isascii() and "'" not in text and "`" not in text:
        return text
    return "".join("'" if c in APOSTROPHES else c for c in text)


def _rules_of(scheme: Scheme) -> list[Rule]:
    seen: set[int] = set()
    rules: list[Rule] = []
    for group in scheme.engine.by_first.values():
        for rule in group:
            if id(rule) not in seen:
                seen.add(id(rule))
                rules.append(rule)
    return rules


def _kind(rule: Rule) -> str:
    if rule.label.startswith("letters."):
        return "letters"
    if rule.label.startswith("endings."):
        return "endings"
    return "context"


def build_inverse(scheme: Scheme) -> Inverse:
    """Derive the inverse entries of ``scheme`` from its compiled rules."""
    table: dict[str, list[InverseEntry]] = {}
    silent: list[InverseEntry] = []
    for rule in _rules_of(scheme):
        latin = fold_latin(rule.target)
        entry = InverseEntry(latin, rule.source, _kind(rule), rule)
        if not latin:
            silent.append(entry)
            continue
        bucket = table.setdefault(latin, [])
        if all((e.cyrillic, e.rule) != (entry.cyrillic, entry.rule) for e in bucket):
            bucket.append(entry)
    words = {fold_latin(latin): cyrillic for cyrillic, latin in scheme.spec.words.items()}
    entries = {k: tuple(v) for k, v in table.items()}
    alphabet = frozenset(c for key in entries for c in key)
    return Inverse(scheme.id, entries, tuple(silent), words,
                   max((len(k) for k in entries), default=1), alphabet)


_cache: dict[str, Inverse] = caching.tracked({})
_lock = threading.Lock()


def inverse_of(scheme: str | Scheme) -> Inverse:
    """The (cached) inverse of a scheme, by id or object."""
    found = get_scheme(scheme)
    key = found.spec.path
    cached = _cache.get(key)
    if cached is not None and cached.scheme == found.id:
        return cached
    built = build_inverse(found)
    with _lock:
        _cache[key] = built
    return built


def fallback_entries() -> dict[str, tuple[InverseEntry, ...]]:
    """Readings of Latin letters no scheme writes (``tables/names/latin.toml``), read once."""
    found = _fallback.get("entries")
    if found is None:
        from translit.names.data import read_toml

        path = table_layer.winner("names/latin.toml")
        data = read_toml(path) if path.is_file() else {}
        table: dict[str, tuple[InverseEntry, ...]] = {}
        for latin, values in data.get("letters", {}).items():
            readings = [values] if isinstance(values, str) else values
            if not isinstance(readings, list) or not all(isinstance(v, str) for v in readings):
                raise TableError("a reading is a string or a list of strings", path=str(path),
                                 key=f"letters.{latin}")
            key = fold_latin(latin)
            table[key] = tuple(InverseEntry(key, v, "fallback", None) for v in readings)
        found = table
        with _lock:
            _fallback["entries"] = found
    return found


_fallback: dict[str, dict[str, tuple[InverseEntry, ...]]] = caching.tracked({})


def clear_cache() -> None:
    """Forget derived inverses (after tables change)."""
    with _lock:
        _cache.clear()
        _fallback.clear()
