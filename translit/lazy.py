"""A value built on first use, once, and safely between threads: how translit loads its tables.

>>> squares = Lazy(lambda: [n * n for n in range(3)])
>>> squares.get()
[0, 1, 4]
>>> squares.get() is squares.get()
True
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Lazy(Generic[T]):
    """Holds what ``build`` returns, built by the first :meth:`get`; :meth:`reset` forgets it."""

    def __init__(self, build: Callable[[], T]) -> None:
        self._build = build
        self._value: T | None = None
        self._lock = threading.Lock()

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
