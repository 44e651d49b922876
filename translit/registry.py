"""Find schemes by id: the built-in tables, ``TRANSLIT_TABLES`` and folders the user adds.

Tables are read on first use and kept; the registry is safe to share between threads.

>>> [s.id for s in list_schemes()][:3]
['alalc', 'bgn', 'de']
>>> transliterate("Юрий Гагарин", "de")
'Juri Gagarin'
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from translit.errors import SchemeNotFoundError, TableError, TranslitError
from translit.loader import builtin_table_dir, read_table
from translit.schemes import Scheme

ENV_VARIABLE = "TRANSLIT_TABLES"

_lock = threading.RLock()
_user_dirs: list[Path] = []
_user_files: dict[str, Path] = {}
_loaded: dict[str, Scheme] = {}


NOT_SCHEMES = frozenset({"zones"})
"""Table files that may sit beside scheme files in a user folder but are other kinds of table."""


def _scheme_files(folder: Path) -> dict[str, Path]:
    inner = folder / "schemes"
    base = inner if inner.is_dir() else folder
    return {p.stem: p for p in sorted(base.glob("*.toml")) if p.stem not in NOT_SCHEMES}


def _env_dirs() -> list[Path]:
    value = os.environ.get(ENV_VARIABLE, "")
    return [Path(p) for p in value.split(os.pathsep) if p]


def _search_dirs() -> list[Path]:
    return [*_user_dirs, *_env_dirs()]


def scheme_files() -> dict[str, Path]:
    """Every scheme id known now and the file that defines it (user tables win)."""
    found = _scheme_files(builtin_table_dir())
    for folder in reversed(_search_dirs()):
        found.update(_scheme_files(folder))
    found.update(_user_files)
    return found


def tables_state() -> tuple[object, ...]:
    """What the set of tables depends on: the folders and files added and ``TRANSLIT_TABLES``
    (caches of derived data are keyed by it)."""
    return (tuple(_user_dirs), tuple(_user_files.items()), os.environ.get(ENV_VARIABLE, ""))


_ids: dict[tuple[object, ...], tuple[str, ...]] = {}


def scheme_ids() -> tuple[str, ...]:
    """Every scheme id known now, sorted; unlike :func:`scheme_files`, cheap to call often
    (the folders are listed again only when :func:`tables_state` changes).

    >>> "de" in scheme_ids()
    True
    """
    state = tables_state()
    found = _ids.get(state)
    if found is None:
        found = tuple(sorted(scheme_files()))
        with _lock:
            _ids.clear()
            _ids[state] = found
    return found


def add_tables(path: str | Path) -> list[Scheme]:
    """Register a user table file, or a folder of them, and return the schemes it defines."""
    path = Path(path)
    if path.is_dir():
        files = _scheme_files(path)
        with _lock:
            _user_dirs.insert(0, path)
            for stem in files:
                _loaded.pop(stem, None)
    elif path.is_file():
        files = {path.stem: path}
        with _lock:
            _user_files[path.stem] = path
            _loaded.pop(path.stem, None)
    else:
        raise TableError("no such table file or folder", path=str(path))
    try:
        return [get_scheme(stem) for stem in files]
    except TranslitError:
        with _lock:  # a table that does not load is not kept registered
            if path.is_dir():
                _user_dirs.remove(path)
            else:
                _user_files.pop(path.stem, None)
            for stem in files:
                _loaded.pop(stem, None)
        raise


def load_table(path: str | Path) -> Scheme:
    """Read one table file into a :class:`Scheme` without registering it."""
    return Scheme(read_table(path, search=_search_dirs()))


def get_scheme(scheme: str | Scheme) -> Scheme:
    """The scheme with this id (a :class:`Scheme` is returned as it is)."""
    if isinstance(scheme, Scheme):
        return scheme
    found = _loaded.get(scheme)
    if found is not None:
        return found
    with _lock:
        found = _loaded.get(scheme)
        if found is None:
            files = scheme_files()
            if scheme not in files:
                raise SchemeNotFoundError(scheme, files)
            found = Scheme(read_table(files[scheme], search=_search_dirs()))
            _loaded[scheme] = found
    return found


def list_schemes() -> list[Scheme]:
    """All schemes, sorted by id."""
    return [get_scheme(stem) for stem in sorted(scheme_files())]


def transliterate(text: str, scheme: str | Scheme = "en") -> str:
    """Transliterate the Cyrillic in ``text`` into ``scheme``; other text passes through."""
    return get_scheme(scheme).transliterate(text)


def reset() -> None:
    """Forget user tables and loaded schemes (for tests and long-lived processes)."""
    with _lock:
        _user_dirs.clear()
        _user_files.clear()
        _loaded.clear()
