"""The one exception family of translit.

Every error is a :class:`TranslitError` (a ``ValueError``) that carries where it happened,
so the CLI can print it as one line.

>>> str(TableError("bad key", path="de.toml", line=3, key="letters.x"))
'de.toml:3: letters.x: bad key'
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable


class TranslitError(ValueError):
    """Base class of every error translit raises on purpose."""


class SchemeNotFoundError(TranslitError):
    """An unknown scheme id; the message names the known ones."""

    def __init__(self, scheme: str, known: Iterable[str]) -> None:
        self.scheme = scheme
        self.known = sorted(known)
        super().__init__(f"unknown scheme {scheme!r}; known schemes: {', '.join(self.known)}")


class TableError(TranslitError):
    """A table that cannot be read or is not valid, with its file, line and key."""

    def __init__(
        self, message: str, *, path: str, line: int | None = None, key: str | None = None
    ) -> None:
        self.path = path
        self.line = line
        self.key = key
        self.reason = message
        where = path if line is None else f"{path}:{line}"
        super().__init__(f"{where}: {key}: {message}" if key else f"{where}: {message}")


class InputError(TranslitError):
    """Input that cannot be decoded or read, with the file and byte offset."""

    def __init__(self, message: str, *, source: str, offset: int | None = None) -> None:
        self.source = source
        self.offset = offset
        where = source if offset is None else f"{source}: byte {offset}"
        super().__init__(f"{where}: {message}")
