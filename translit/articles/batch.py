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
import re
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from translit import caching
from translit.articles.document import KINDS, Document, normalize
from translit.articles.textio import invalid_utf8, open_binary
from translit.errors import InputError, TranslitError
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
            if not found:
                raise InputError(f"no text files ({', '.join(PATTERNS)}) in this folder",
                                 source=path)
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


_sentence_end = caching.Lazy(lambda: re.compile(
    rb"[^\d\s.][.!?][\"')\xbb]*( +)(?=[A-Z]|\xd0[\x81\x90-\xaf]|\xc3[\x80-\x9e])"))


def _last_sentence_end(data: bytes) -> int:
    """Where the last sentence of ``data`` ends (after its spaces), or -1: a ``.``, ``!`` or
    ``?`` after a letter (not "5. Oktober"), closing quotes, spaces, then a capital letter.

    >>> _last_sentence_end(b"am 5. Oktober zur ISS. Klim auch")
    23
    """
    end = -1
    for match in _sentence_end.get().finditer(data):
        end = match.end()
    return end


HARD_CUT = 16
"""Past this many times ``chunk_bytes`` without a space, a piece ends inside the "word"."""


def _cut(data: bytes, chunk_bytes: int) -> int:
    """Where to end a piece: after a blank line; past twice the size, after a line end, else
    after a sentence end, else after a space or tab (never inside a word); past
    :data:`HARD_CUT` times the size with none of them, at the last whole UTF-8 character; -1
    to read on.

    >>> data = b"Julija Peressild flog. Anton Schkaplerow auch"
    >>> data[:_cut(data, 20)]
    b'Julija Peressild flog. '
    """
    paragraph = data.rfind(b"\n\n")
    if paragraph >= 0:
        return paragraph + 2
    if len(data) < 2 * chunk_bytes:
        return -1
    line = data.rfind(b"\n")
    if line >= 0:
        return line + 1
    sentence = _last_sentence_end(data)
    if sentence >= 0:
        return sentence
    space = max(data.rfind(b" "), data.rfind(b"\t"))
    if space >= 0:
        return space + 1
    if len(data) < HARD_CUT * chunk_bytes:
        return -1
    cut = len(data)
    while cut > 0 and data[cut - 1] & 0xC0 == 0x80:
        cut -= 1
    return cut - 1 if cut > 0 and data[cut - 1] >= 0xC0 else cut


def _is_pipe(path: str) -> bool:
    """A FIFO or character device, which a first read would empty (``/dev/fd/63``)."""
    import os
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


def check_files(paths: Sequence[str], *, block: int = 1 << 20) -> list[InputError]:
    """The error of every file in ``paths`` that is not valid UTF-8 or cannot be read (stdin and
    other pipes, such as ``<(cmd)``, are not read ahead: they can be read once), found before
    anything is normalized or written: a run over a folder with bad files stops before it
    writes and names them all.

    >>> check_files([])
    []
    """
    import codecs

    found: list[InputError] = []
    for path in paths:
        if path == "-" or _is_pipe(path):
            continue
        decoder = codecs.getincrementaldecoder("utf-8")("strict")
        offset = 0
        try:
            with open_binary(path) as stream:
                while data := stream.read(block):
                    try:
                        decoder.decode(data)
                    except UnicodeDecodeError as exc:
                        raise invalid_utf8(data[exc.start], source=path,
                                           offset=offset + exc.start) from None
                    offset += len(data)
                pending = decoder.getstate()[0]  # a character cut at the end of the file
                if pending:
                    raise invalid_utf8(pending[0], source=path, offset=offset - len(pending))
        except InputError as exc:
            found.append(exc)
        except OSError as exc:
            found.append(InputError(f"cannot read: {exc.strerror or exc}", source=path))
    return found


def decode_piece(data: bytes, name: str, offset: int, errors: str, *, first: bool) -> str:
    """Decode one piece of a file (a BOM skipped on the ``first``); errors name the byte."""
    skip = 3 if first and data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[skip:].decode("utf-8", errors=errors)
    except UnicodeDecodeError as exc:
        raise invalid_utf8(data[skip + exc.start], source=name,
                           offset=offset + skip + exc.start) from None


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


def _normalize_piece(args: tuple[str, str, str | date | None, Fields]) -> Found:
    """In a worker: one piece (its text, its source name, the reference date), as plain
    values; an error comes back as a plain :class:`TranslitError` with the same message."""
    text, source, ref, fields = args
    options = Options(*fields)
    try:
        _register(options.tables)
        d = normalize(text, names_to=options.names_to, ref=ref, lang=options.lang,
                      kinds=options.kinds, region=options.region, lexicon=options.lexicon,
                      source=source)
    except TranslitError as exc:
        raise TranslitError(str(exc)) from None  # its own fields may not survive the trip
    return (d.text, d.normalized, d.spans, d.lang, d.ref, d.source)


def _worker_start(parent: int) -> None:
    """In a new worker: Ctrl-C and SIGTERM are the parent's to handle (a plain SIGTERM ends
    the worker), and the worker ends when its parent is gone, even after ``kill -9``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


_registered: set[str] = caching.tracked(set())


def _register(tables: Sequence[str]) -> None:
    from translit.schemes.registry import add_tables

    for table in tables:
        if table not in _registered:
            add_tables(table)
            _registered.add(table)


def normalize_paths(paths: Sequence[str], options: Options, *, jobs: int = 1
                    ) -> Iterator[Document]:
    """Every document of ``paths`` in input order; ``jobs`` > 1 spreads the pieces over
    processes (at most two pieces per process in flight, so memory stays bounded whatever
    the size of the files)."""
    files = expand(paths)
    if jobs <= 1:
        for path in files:
            yield from normalize_file(path, options)
        return
    yield from _in_parallel(files, options, min(jobs, os.cpu_count() or 1))


def _in_parallel(files: list[str], options: Options, workers: int) -> Iterator[Document]:
    """:func:`normalize_paths` over ``workers`` processes: this process reads and cuts the
    files, the workers normalize the pieces; a piece waits for the one before it only while
    the file has no reference date yet (the pieces share the first one found)."""
    fields = _fields(options)
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_start,
                               initargs=(os.getpid(),))
    pending: deque[Future[Found]] = deque()
    finished = False
    try:
        for path in files:
            source = "<stdin>" if path == "-" else path
            ref: str | date | None = options.ref
            previous: Future[Found] | None = None
            for index, (offset, text) in enumerate(_pieces(path, options)):
                if ref is None and previous is not None:
                    ref = previous.result()[4]
                name = f"{source}@{offset}" if index or offset else source
                previous = pool.submit(_normalize_piece, (text, name, ref, fields))
                pending.append(previous)
                while len(pending) > 2 * workers:
                    yield Document(*pending.popleft().result())
        while pending:
            yield Document(*pending.popleft().result())
        finished = True
    finally:
        pool.shutdown(wait=finished, cancel_futures=True)


def total_bytes(paths: Sequence[str]) -> int:
    """The size of the input files (stdin counts as 0), for progress reports."""
    return sum(Path(p).stat().st_size for p in paths if p != "-")
