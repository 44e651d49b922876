"""Values built on first use, once, safely between threads, and forgotten when the tables change.

Every cache of data derived from tables is one of these: a :class:`Lazy` value, a
:class:`BoundedCache`, or a plain dict or list passed through :func:`tracked`. Each registers
itself, and :func:`clear_all` (which the table layer calls whenever the user folders change)
empties them all, so no module keeps a ``reset`` of its own.

>>> squares = Lazy(lambda: [n * n for n in range(3)])
>>> squares.get()
[0, 1, 4]
>>> squares.get() is squares.get()
True
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

T = TypeVar("T")
_clearers: list[Callable[[], None]] = []


class _Clearable(Protocol):
    def clear(self) -> None: ...


C = TypeVar("C", bound=_Clearable)


def tracked(cache: C) -> C:
    """``cache`` (a dict, list or set), registered to be emptied by :func:`clear_all`.

    >>> seen = tracked({"a": 1})
    >>> clear_all(); seen
    {}
    """
    _clearers.append(cache.clear)
    return cache


def clear_all() -> None:
    """Forget every registered cache (the tables they were built from have changed)."""
    for clear in list(_clearers):
        clear()


class Lazy(Generic[T]):
    """Holds what ``build`` returns, built by the first :meth:`get`; :meth:`reset` forgets it."""

    def __init__(self, build: Callable[[], T]) -> None:
        self._build = build
        self._value: T | None = None
        self._lock = threading.Lock()
        _clearers.append(self.reset)

    def get(self) -> T:
        """The value, built now if this is the first call since the start or a reset."""
        value = self._value
        if value is None:
            with self._lock:
                value = self._value
                if value is None:
                    value = self._value = self._build()
        return value

    def peek(self) -> T | None:
        """The value if it has been built, else None (nothing is built)."""
        return self._value

    def reset(self) -> None:
        """Forget the value; the next :meth:`get` builds it again."""
        with self._lock:
            self._value = None


K = TypeVar("K")
V = TypeVar("V")


class BoundedCache(dict[K, V]):
    """A dict of computed values that starts afresh when it holds ``limit`` entries.

    Reads are the dict's own (``get``, no lock: a dict lookup is atomic, and compiled callers
    reach it without a Python call); a write that fills it clears it first.

    >>> cache: BoundedCache[str, int] = BoundedCache(2)
    >>> [cache.get_or_build(w, len) for w in ("a", "bb", "ccc", "bb")]
    [1, 2, 3, 2]
    >>> len(cache)
    2
    """

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self._lock = threading.Lock()
        _clearers.append(self.clear)

    def put(self, key: K, value: V) -> None:
        """Remember ``value`` for ``key``."""
        with self._lock:
            if len(self) >= self.limit:
                self.clear()
            self[key] = value

    def get_or_build(self, key: K, build: Callable[[K], V]) -> V:
        """The cached value for ``key``, built (and kept) when missing."""
        found = self.get(key)
        if found is None:
            found = build(key)
            self.put(key, found)
        return found
