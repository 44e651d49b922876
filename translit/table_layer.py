"""The table layer: where every table comes from, how it is read, and the state caches key on.

Tables come from the built-in folder and from user folders. Where two define the same table
(a scheme id, a lexicon entry, a zone phrase), the first of these wins:

1. files and folders given to :func:`add` (``translit.add_tables``, ``--tables``), latest first;
2. the folders of the ``TRANSLIT_TABLES`` variable (``dir1:dir2``), in the order given;
3. the built-in tables (``tables/`` of the source tree, ``translit/tables`` when installed).

A user folder has the layout of the built-in one, each part optional: ``schemes/*.toml`` (or
scheme files at its top), ``names/lexicon/*.toml`` (or ``lexicon/*.toml``), ``names/*.tsv``,
``dates/<lang>.toml``, ``languages/<code>.toml`` and ``zones.toml``. How each kind merges with
the built-in one is in ``tables/README.md``. A folder is listed when added and each file read
when a table of its kind is first needed. Only regular files of at most
:data:`MAX_TABLE_BYTES` are read: a FIFO, a device (or a link to one) or a larger file where a
table should be is a :class:`~translit.errors.TableError` naming it, found without reading it.
A folder named in ``TRANSLIT_TABLES`` must exist (:func:`state`), and ``add_tables`` refuses
a missing one.

Every cache of data derived from tables is a :mod:`translit.caching` object, and changing the
folders (or the variable) clears them all, so a user folder means the same thing to every part
of translit. :func:`state` is the key of what the tables are now.

>>> [p.name for p in files("zones.toml")]
['zones.toml']
>>> {"de", "en", "uk-national"} <= {p.stem for p in folder_files("schemes")}
True
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path
from typing import Any, NamedTuple

from translit import caching
from translit.errors import TableError

ENV_VARIABLE = "TRANSLIT_TABLES"
FOLDER = "folder"
"""The kind of an added folder; an added file has the kind of table it is (``schemes``,
``names/lexicon``, ``zones``)."""
ZONES = "zones"
"""The kind of an added ``zones.toml``."""
MAX_TABLE_BYTES = 16 * 1024 * 1024
"""The largest table file read (16 MiB; the biggest built-in one is far below 1 MiB)."""


class _Entry(NamedTuple):
    kind: str
    path: Path  # as given, for messages
    real: str  # what it is, however named

    def same(self, kind: str, real: str) -> bool:
        return self.kind == kind and self.real == real


_lock = threading.RLock()
_added: list[_Entry] = []  # oldest first
_seen: dict[str, str | int] = {"env": "", "generation": 0}
_ALIASES = {"schemes": ("schemes", "."), "names/lexicon": ("names/lexicon", "lexicon")}
"""Where a user folder may keep a kind of table besides the built-in place."""


def builtin_dir() -> Path:
    """The folder of the built-in tables, inside the installed package or the source tree."""
    packaged = Path(__file__).resolve().parent / "tables"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "tables"


def _env_folders() -> list[Path]:
    return [Path(p) for p in os.environ.get(ENV_VARIABLE, "").split(os.pathsep) if p]


def _check_env_folders() -> None:
    for folder in _env_folders():
        if not folder.is_dir():
            problem = "not a folder" if os.path.lexists(folder) else "no such folder"
            raise TableError(f"{problem} (named in {ENV_VARIABLE})", path=str(folder))


def state() -> tuple[int, str]:
    """What the tables depend on now; when ``TRANSLIT_TABLES`` has changed since the last
    call, every table cache is cleared first. A folder the variable names that does not
    exist is a :class:`TableError` (on every call until the variable is mended)."""
    env = os.environ.get(ENV_VARIABLE, "")
    if env != _seen["env"]:
        with _lock:
            if env != _seen["env"]:
                _check_env_folders()
                _seen["env"] = env
                _changed()
    return int(_seen["generation"]), env


def known_state() -> tuple[int, str]:
    """:func:`state` as its last call found it, without reading ``TRANSLIT_TABLES`` again: for
    the table look-ups inside a call that began with :func:`state` (the variable is read once
    per call, not once per look-up).

    >>> known_state() == state()
    True
    """
    return int(_seen["generation"]), str(_seen["env"])


def _changed() -> None:
    _seen["generation"] = int(_seen["generation"]) + 1
    caching.clear_all()


def user_folders() -> list[Path]:
    """The user folders, the one that wins first: added ones (latest first), then the
    variable's."""
    state()
    added = [entry.path for entry in reversed(_added) if entry.kind == FOLDER]
    return [*added, *_env_folders()]


def added_files(kind: str) -> list[Path]:
    """Files (or folders) added as tables of ``kind`` alone, the one that wins first."""
    return [entry.path for entry in reversed(_added) if entry.kind == kind]


def add(path: str | Path, kind: str = FOLDER) -> Path:
    """Add a user folder (or a file of one ``kind``); every table cache starts afresh.

    Adding what is already added moves it to the front; adding what is already at the front
    (however named) changes nothing and keeps every cache.
    """
    path = Path(path)
    real = os.path.realpath(path)
    with _lock:
        if _added and _added[-1].same(kind, real):
            return _added[-1].path
        _added[:] = [entry for entry in _added if not entry.same(kind, real)]
        _added.append(_Entry(kind, path, real))
        _changed()
    return path


def remove(path: str | Path, kind: str = FOLDER) -> None:
    """Take back what :func:`add` added (nothing happens if it is not there)."""
    real = os.path.realpath(path)
    with _lock:
        kept = [entry for entry in _added if not entry.same(kind, real)]
        if len(kept) != len(_added):
            _added[:] = kept
            _changed()


def reset() -> None:
    """Forget every added folder and file and every cache built from tables."""
    with _lock:
        _added.clear()
        _changed()


def is_table(path: Path) -> bool:
    """Whether a table file is at ``path``: anything there but a folder (a FIFO or a device
    counts, so that reading it fails loudly instead of being passed over)."""
    return os.path.lexists(path) and not path.is_dir()


def _places(folder: Path, relative: str) -> list[Path]:
    return [folder / place for place in _ALIASES.get(relative, (relative,))]


def files(relative: str) -> list[Path]:
    """Every table file (:func:`is_table`) at ``relative`` (``zones.toml``,
    ``dates/en.toml``): the built-in one first, the one that wins last."""
    found = [builtin_dir() / relative]
    found.extend(folder / relative for folder in reversed(user_folders()))
    return [path for path in found if is_table(path)]


def winner(relative: str) -> Path:
    """The file at ``relative`` that wins: the first user folder's that has one, else the
    built-in one (which may not exist).

    >>> winner("names/key.toml").relative_to(builtin_dir()).as_posix()
    'names/key.toml'
    """
    found = files(relative)
    return found[-1] if found else builtin_dir() / relative


def folder_files(relative: str, pattern: str = "*.toml") -> list[Path]:
    """The files of the folder ``relative`` in every table folder, built-in ones first, the
    ones that win last; a user folder's first place that exists is taken (``schemes/`` before
    its top)."""
    found = sorted((builtin_dir() / relative).glob(pattern))
    for folder in reversed(user_folders()):
        for place in _places(folder, relative):
            if place.is_dir():
                found.extend(sorted(place.glob(pattern)))
                break
    return [path for path in found if is_table(path)]


def _kind_of(mode: int) -> str:
    kinds = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
             (stat.S_ISSOCK, "a socket"))
    return next((name for test, name in kinds if test(mode)), "a special file")


def _check_file(info: os.stat_result, path: Path) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise TableError(f"not a regular file ({_kind_of(info.st_mode)})", path=str(path))
    if info.st_size > MAX_TABLE_BYTES:
        raise TableError(f"larger than {MAX_TABLE_BYTES >> 20} MiB, the limit of a table file",
                         path=str(path))


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a table file: a regular file of at most :data:`MAX_TABLE_BYTES`, else a
    :class:`TableError` naming it (a FIFO is not opened for long, a device is never read)."""
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        _check_file(os.stat(path), path)
        descriptor = os.open(path, flags)
        with open(descriptor, "rb") as stream:
            _check_file(os.fstat(descriptor), path)  # what was opened, if it changed meanwhile
            raw = stream.read(MAX_TABLE_BYTES + 1)
    except OSError as exc:
        raise TableError(f"cannot read table: {exc.strerror or exc}", path=str(path)) from None
    if len(raw) > MAX_TABLE_BYTES:  # it grew while being read
        raise TableError(f"larger than {MAX_TABLE_BYTES >> 20} MiB, the limit of a table file",
                         path=str(path))
    return raw


def read_text(path: str | Path) -> str:
    """The UTF-8 text of a table file (:func:`read_bytes`); errors name the file (and byte)."""
    raw = read_bytes(path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TableError(f"not UTF-8 at byte {exc.start}", path=str(path)) from None


def read_toml(path: str | Path) -> tuple[dict[str, Any], str]:
    """The data and the text of a TOML table; a syntax error names the file and line."""
    import tomllib

    text = read_text(path)
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        message, line = str(exc), None
        if "(at line " in message:
            head, _, tail = message.rpartition("(at line ")
            message = head.strip()
            digits = tail.split(",", 1)[0].strip(") ")
            line = int(digits) if digits.isdigit() else None
        raise TableError(f"invalid TOML: {message}", path=str(path), line=line) from None


def read_tsv(path: str | Path, columns: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """The rows of a TSV table with a header line (``#`` lines are comments); a row with an
    empty cell in one of ``columns`` (the ones it must have) is skipped, other empty or missing
    cells are empty strings; a header without one of ``columns`` names the file and line.

    >>> read_tsv(builtin_dir() / "names" / "places.tsv", ("cyrillic",))[0]["cyrillic"]
    'Россия'
    """
    import csv

    lines = [(number, line) for number, line in enumerate(read_text(path).splitlines(), 1)
             if line.strip() and not line.startswith("#")]
    if not lines:
        return []
    header_line, header = lines[0]
    missing = [c for c in columns if c not in header.split("\t")]
    if missing:
        raise TableError(f"header lacks column(s) {', '.join(missing)}", path=str(path),
                         line=header_line)
    reader = csv.DictReader([line for _, line in lines], delimiter="\t")
    rows = [{key: value or "" for key, value in row.items() if key is not None}
            for row in reader]
    return [row for row in rows if all(row.get(c) for c in columns)]


def _header(line: str) -> tuple[str, bool] | None:
    """The name of a ``[section]`` or ``[[section]]`` line and whether it is an array's."""
    array = line.startswith("[[")
    end = line.find("]]" if array else "]")
    if end < 0:
        return None
    return line[2 if array else 1:end].strip(), array


class LineIndex:
    """Where each section, array element and key of a TOML text is, found in one pass: the
    line of every finding about a table (lint, ``check``, errors) is then a look-up.

    >>> lines = LineIndex("[a]\\nx = 1\\n[[b]]\\ny = 2\\n[[b]]\\ny = 3\\n")
    >>> lines.line("a", "x"), lines.line("b", index=1), lines.line("b", "y", 1)
    (2, 5, 6)
    """

    def __init__(self, text: str) -> None:
        self._lines: dict[tuple[str, int | None, str | None], int] = {}
        place = self._lines.setdefault
        elements: dict[str, int] = {}
        section: str | None = None
        element: int | None = None
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if line.startswith("["):
                header = _header(line)
                if header is None:
                    continue
                section, array = header
                element = None
                if array:
                    element = elements[section] = elements.get(section, -1) + 1
                    place((section, element, None), number)
                place((section, None, None), number)
            elif section is not None and "=" in line:
                key = line.split("=", 1)[0].strip().strip("\"'")
                place((section, None, key), number)
                if element is not None:
                    place((section, element, key), number)

    def line(self, section: str, key: str | None = None, index: int | None = None) -> int | None:
        """The 1-based line of ``section`` (its ``index``-th ``[[section]]``) or of its ``key``
        (the first one written, in any element unless ``index`` is given)."""
        return self._lines.get((section, index, key))


def line_of(text: str, section: str, key: str | None = None,
            index: int | None = None) -> int | None:
    """The 1-based line where ``section`` (its ``index``-th ``[[section]]``) or its ``key`` is;
    for many look-ups in one text, build one :class:`LineIndex`.

    >>> line_of("[a]\\nx = 1\\n[b]\\nx = 2\\n", "b", "x")
    4
    """
    return LineIndex(text).line(section, key, index)
