"""The table layer: where every table comes from, how it is read, and the state caches key on.

Tables come from the built-in folder and from user folders. Where two define the same table
(a scheme id, a lexicon entry, a zone phrase), the first of these wins:

1. files and folders given to :func:`add` (``translit.add_tables``, ``--tables``), latest first;
2. the folders of the ``TRANSLIT_TABLES`` variable (``dir1:dir2``), in the order given;
3. the built-in tables (``tables/`` of the source tree, ``translit/tables`` when installed).

A user folder has the layout of the built-in one, each part optional: ``schemes/*.toml`` (or
scheme files at its top), ``names/lexicon/*.toml`` (or ``lexicon/*.toml``), ``names/*.tsv``,
``dates/<lang>.toml``, ``languages/<code>.toml`` and ``zones.toml``. Only regular files are
read. How each kind merges with the built-in one is in ``tables/README.md``.

Every cache of data derived from tables is a :mod:`translit.caching` object, and changing the
folders (or the variable) clears them all, so a user folder means the same thing to every part
of translit. :func:`state` is the key of what the tables are now.

>>> [p.name for p in files("zones.toml")]
['zones.toml']
>>> sorted(p.stem for p in folder_files("schemes"))[:3]
['alalc', 'bgn', 'de']
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from translit import caching
from translit.errors import TableError

ENV_VARIABLE = "TRANSLIT_TABLES"
FOLDER = "folder"
"""The kind of an added folder; an added file has the kind of table it is (``schemes``,
``names/lexicon``, ``zones``)."""
ZONES = "zones"
"""The kind of an added ``zones.toml``."""

_lock = threading.RLock()
_added: list[tuple[str, Path]] = []  # (kind, path), oldest first
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


def state() -> tuple[int, str]:
    """What the tables depend on now; when ``TRANSLIT_TABLES`` has changed since the last
    call, every table cache is cleared first."""
    env = os.environ.get(ENV_VARIABLE, "")
    if env != _seen["env"]:
        with _lock:
            if env != _seen["env"]:
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
    added = [path for kind, path in reversed(_added) if kind == FOLDER]
    return [*added, *_env_folders()]


def added_files(kind: str) -> list[Path]:
    """Files (or folders) added as tables of ``kind`` alone, the one that wins first."""
    return [path for k, path in reversed(_added) if k == kind]


def add(path: str | Path, kind: str = FOLDER) -> Path:
    """Add a user folder (or a file of one ``kind``); every table cache starts afresh.

    Adding what is already added moves it to the front instead of adding it again.
    """
    path = Path(path)
    with _lock:
        if (kind, path) in _added:
            _added.remove((kind, path))
        _added.append((kind, path))
        _changed()
    return path


def remove(path: str | Path, kind: str = FOLDER) -> None:
    """Take back what :func:`add` added (nothing happens if it is not there)."""
    with _lock:
        if (kind, Path(path)) in _added:
            _added.remove((kind, Path(path)))
            _changed()


def reset() -> None:
    """Forget every added folder and file and every cache built from tables."""
    with _lock:
        _added.clear()
        _changed()


def _places(folder: Path, relative: str) -> list[Path]:
    return [folder / place for place in _ALIASES.get(relative, (relative,))]


def files(relative: str) -> list[Path]:
    """Every regular file at ``relative`` (``zones.toml``, ``dates/en.toml``): the built-in
    one first, the one that wins last."""
    found = [builtin_dir() / relative]
    found.extend(folder / relative for folder in reversed(user_folders()))
    return [path for path in found if path.is_file()]


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
    return [path for path in found if path.is_file()]


def read_text(path: str | Path) -> str:
    """The UTF-8 text of a table file; errors name the file (and the byte)."""
    path = Path(path)
    try:
        if path.exists() and not path.is_file():
            raise TableError("not a regular file", path=str(path))
        raw = path.read_bytes()
    except OSError as exc:
        raise TableError(f"cannot read table: {exc.strerror or exc}", path=str(path)) from None
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
    empty cell is skipped, a header without one of ``columns`` names the file and line.

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
    return [row for row in reader if all(row.values())]


def line_of(text: str, section: str, key: str | None = None,
            index: int | None = None) -> int | None:
    """The 1-based line where ``section`` (its ``index``-th ``[[section]]``) or its ``key`` is.

    >>> line_of("[a]\\nx = 1\\n[b]\\nx = 2\\n", "b", "x")
    4
    """
    inside, seen = False, -1
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("["):
            name = line.strip("[]").strip()
            inside = name == section
            if inside and line.startswith("[["):
                seen += 1
                inside = index is None or seen == index
                if inside and key is None:
                    return number
            elif inside and key is None:
                return number
            continue
        if inside and key is not None:
            head = line.split("=", 1)[0].strip().strip("\"'")
            if head == key:
                return number
    return None
