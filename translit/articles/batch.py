"""Normalize many documents: files, folders and stdin; big files in pieces; several processes.

A file is one document. A file larger than ``chunk_bytes`` is read and normalized piece by
piece, each piece ending at a blank line (a paragraph boundary), so memory stays bounded
whatever the size; the pieces share the reference date the first one found.

>>> from pathlib import Path
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Julija Peressild flog am 5. Oktober 2021.", encoding="utf-8")
>>> [d.normalized for d in normalize_paths([str(folder)], Options(lang="de"))]
['Yulia Peresild flog am 2021-10-05.']
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from translit import caching
from translit.articles.document import KINDS, Document, normalize
from translit.articles.textio import open_binary
from translit.errors import InputError
from translit.text.spans import Span

CHUNK_BYTES = 128 << 10
PATTERNS = ("*.txt",)


@dataclass(frozen=True)
class Options:
    """How to normalize: the options of :func:`translit.articles.document.normalize`, plus input."""

    names_to: str = "en"
    ref: str | None = None
    lang: str = "auto"
    kinds: tuple[str, ...] = KINDS
    region: str | None = None
    lexicon: bool = True
    errors: str = "strict"
    chunk_bytes: int = CHUNK_BYTES
    tables: tuple[str, ...] = field(default_factory=tuple)


def expand(paths: Sequence[str]) -> list[str]:
    """Files to read: folders become their text files (recursively, sorted); ``-`` is stdin."""
    out: list[str] = []
    for path in paths:
        if path == "-":
            out.append(path)
            continue
        target = Path(path)
        if target.is_dir():
            try:
                found = sorted({str(p) for pattern in PATTERNS for p in target.rglob(pattern)
                                if p.is_file()})
            except PermissionError:
                raise InputError("permission denied", source=path) from None
            out.extend(found)
        elif target.exists():
            out.append(path)
        elif target.is_symlink():
            raise InputError("broken symbolic link", source=path)
        else:
            raise InputError("no such file or directory", source=path)
    return out


def _pieces(path: str, options: Options) -> Iterator[tuple[int, str]]:
    """(byte offset, text) pieces of ``path``, split at blank lines after ``chunk_bytes``."""
    stream = open_binary(path)
    name = "<stdin>" if path == "-" else path
    offset = 0
    pending = b""
    try:
        while True:
            block = stream.read(options.chunk_bytes)
            data = pending + block
            if not block:
                if data or offset == 0:
                    yield offset, decode_piece(data, name, offset, options.errors,
                                               first=offset == 0)
                return
            if len(data) < options.chunk_bytes:
                pending = data
                continue
            cut = _cut(data, options.chunk_bytes)
            if cut < 0:
                pending = data
                continue
            piece, pending = data[:cut], data[cut:]
            yield offset, decode_piece(piece, name, offset, options.errors, first=offset == 0)
            offset += len(piece)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=name) from None
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _cut(data: bytes, chunk_bytes: int) -> int:
    """Where to end a piece: after a blank line; past twice the size, after any line end or
    at the last whole UTF-8 character; -1 to read on."""
    paragraph = data.rfind(b"\n\n")
    if paragraph >= 0:
        return paragraph + 2
    if len(data) < 2 * chunk_bytes:
        return -1
    line = data.rfind(b"\n")
    if line >= 0:
        return line + 1
    cut = len(data)
    while cut > 0 and data[cut - 1] & 0xC0 == 0x80:
        cut -= 1
    return cut - 1 if cut > 0 and data[cut - 1] >= 0xC0 else cut


def decode_piece(data: bytes, name: str, offset: int, errors: str, *, first: bool) -> str:
    """Decode one piece of a file (a BOM skipped on the ``first``); errors name the byte."""
    skip = 3 if first and data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[skip:].decode("utf-8", errors=errors)
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid UTF-8 (byte 0x{data[skip + exc.start]:02x}); use --errors "
                         "replace", source=name, offset=offset + skip + exc.start) from None


def normalize_file(path: str, options: Options) -> Iterator[Document]:
    """The documents of one file: one, or one per piece of a file over ``chunk_bytes``."""
    ref: str | date | None = options.ref
    source = "<stdin>" if path == "-" else path
    for index, (offset, text) in enumerate(_pieces(path, options)):
        document = normalize(text, names_to=options.names_to, ref=ref, lang=options.lang,
                             kinds=options.kinds, region=options.region,
                             lexicon=options.lexicon, source=source)
        if index or offset:
            document.source = f"{source}@{offset}"
        if ref is None and document.ref is not None:
            ref = document.ref
        yield document


Fields = tuple[str, str | None, str, tuple[str, ...], str | None, bool, str, int, tuple[str, ...]]
Found = tuple[str, str, list[Span], str, date | None, str]


def _fields(options: Options) -> Fields:
    """``options`` as plain values: what goes to a worker process (a compiled class does not
    pickle)."""
    return (options.names_to, options.ref, options.lang, options.kinds, options.region,
            options.lexicon, options.errors, options.chunk_bytes, options.tables)


def _file_documents(args: tuple[str, Fields]) -> list[Found]:
    """In a worker: the documents of one file, as plain values."""
    path, fields = args
    options = Options(*fields)
    _register(options.tables)
    return [(d.text, d.normalized, d.spans, d.lang, d.ref, d.source)
            for d in normalize_file(path, options)]


_registered: set[str] = caching.tracked(set())


def _register(tables: Sequence[str]) -> None:
    from translit.schemes.registry import add_tables

    for table in tables:
        if table not in _registered:
            add_tables(table)
            _registered.add(table)


def normalize_paths(paths: Sequence[str], options: Options, *, jobs: int = 1
                    ) -> Iterator[Document]:
    """Every document of ``paths`` in input order; ``jobs`` > 1 spreads files over processes."""
    files = expand(paths)
    if jobs <= 1 or len(files) < 2 or "-" in files:
        for path in files:
            yield from normalize_file(path, options)
        return
    workers = min(jobs, len(files), os.cpu_count() or 1)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for documents in pool.map(_file_documents, [(p, _fields(options)) for p in files]):
            for found in documents:
                yield Document(*found)


def total_bytes(paths: Sequence[str]) -> int:
    """The size of the input files (stdin counts as 0), for progress reports."""
    return sum(Path(p).stat().st_size for p in paths if p != "-")
