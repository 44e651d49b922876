"""Reading text safely: exact decode errors, one-line errors for what cannot be read, stdin as
``-`` (writing: :mod:`translit.articles.output`).

>>> import io
>>> list(iter_lines(io.BytesIO(b"a\\nb\\n"), source="<stdin>"))
['a', 'b']
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from translit.errors import InputError

ERROR_POLICIES = ("strict", "replace")


def invalid_utf8(byte: int, *, source: str, offset: int) -> InputError:
    """The one error for bad UTF-8: the byte, where it stands, and the way around it.

    >>> str(invalid_utf8(0xFF, source="a.txt", offset=4))
    'a.txt: byte 4: invalid UTF-8 (byte 0xff); use --errors replace'
    """
    return InputError(f"invalid UTF-8 (byte 0x{byte:02x}); use --errors replace", source=source,
                      offset=offset)


def _decode(data: bytes, *, source: str, base: int, errors: str) -> str:
    try:
        return data.decode("utf-8", errors=errors)
    except UnicodeDecodeError as exc:
        raise invalid_utf8(data[exc.start], source=source, offset=base + exc.start) from None


def iter_lines(stream: BinaryIO, *, source: str, errors: str = "strict") -> Iterator[str]:
    """Decode ``stream`` line by line (without line ends), naming the byte offset of bad UTF-8."""
    offset = 0
    for raw in stream:
        line = _decode(raw, source=source, base=offset, errors=errors)
        offset += len(raw)
        yield line.rstrip("\r\n") if line.endswith("\n") else line


def open_binary(path: str) -> BinaryIO:
    """Open ``path`` for reading bytes (``-`` is stdin), with a one-line error when it can't."""
    if path == "-":
        return sys.stdin.buffer
    target = Path(path)
    if target.is_dir():
        raise InputError("is a directory", source=path)
    try:
        return target.open("rb")
    except FileNotFoundError:
        reason = "broken symbolic link" if target.is_symlink() else "no such file"
        raise InputError(reason, source=path) from None
    except PermissionError:
        raise InputError("permission denied", source=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=path) from None


def read_text(path: str, *, errors: str = "strict") -> str:
    """The whole text of ``path`` (``-`` is stdin), decoded as UTF-8 (a BOM is dropped)."""
    stream = open_binary(path)
    try:
        data = stream.read()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=path) from None
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    skip = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    name = "<stdin>" if path == "-" else path
    return _decode(data[skip:], source=name, base=skip, errors=errors)
