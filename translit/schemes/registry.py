"""Find schemes by id: the built-in tables, ``TRANSLIT_TABLES`` and folders the user adds.

Tables are read on first use and kept; the registry is safe to share between threads.

>>> [s.id for s in list_schemes()][:3]
['alalc', 'bgn', 'de']
>>> transliterate("Юрий Гагарин", "de")
'Juri Gagarin'
"""

from __future__ import annotations

import threading
from pathlib import Path

from translit import caching, table_layer
from translit.errors import SchemeNotFoundError, TableError, TranslitError
from translit.schemes.loader import read_table
from translit.schemes.scheme import Scheme

SCHEMES = "schemes"
"""The table layer's kind (and folder) of scheme tables."""
NOT_SCHEMES = frozenset({"zones"})
"""Table files that may sit at the top of a user folder but are other kinds of table."""

_lock = threading.RLock()
_loaded: dict[str, Scheme] = caching.tracked({})
_ids: dict[tuple[object, ...], tuple[str, ...]] = caching.tracked({})


def folder_schemes(folder: Path) -> dict[str, Path]:
    """The scheme files of one user folder by id (``schemes/`` inside it, else its top)."""
    inner = folder / SCHEMES
    base = inner if inner.is_dir() else folder
    return {p.stem: p for p in sorted(base.glob("*.toml"))
            if p.stem not in NOT_SCHEMES and p.is_file()}


def scheme_files() -> dict[str, Path]:
    """Every scheme id known now and the file that defines it (user tables win)."""
    found = {p.stem: p for p in table_layer.folder_files(SCHEMES) if p.stem not in NOT_SCHEMES}
    found.update({p.stem: p for p in reversed(table_layer.added_files(SCHEMES))})
    return found


def scheme_ids() -> tuple[str, ...]:
    """Every scheme id known now, sorted; unlike :func:`scheme_files`, cheap to call often
    (the folders are listed again only when the table layer changes).

    >>> "de" in scheme_ids()
    True
    """
    state = table_layer.state()
    found = _ids.get(state)
    if found is None:
        found = tuple(sorted(scheme_files()))
        with _lock:
            _ids[state] = found
    return found


def add_tables(path: str | Path) -> list[Scheme]:
    """Add a folder of user tables (schemes, lexicon, zones, names, dates), one scheme file or
    one ``zones.toml``, and return the schemes it defines; every part of translit sees them
    from now on (see :mod:`translit.table_layer` for the precedence)."""
    path = Path(path)
    if path.is_dir():
        files, kind = folder_schemes(path), table_layer.FOLDER
    elif path.is_file() and path.name == "zones.toml":
        files, kind = {}, table_layer.ZONES
    elif path.is_file():
        files, kind = {path.stem: path}, SCHEMES
    else:
        raise TableError("no such table file or folder", path=str(path))
    table_layer.add(path, kind)
    try:
        return [get_scheme(stem) for stem in files]
    except TranslitError:
        table_layer.remove(path, kind)  # a table that does not load is not kept registered
        raise


def load_table(path: str | Path) -> Scheme:
    """Read one table file into a :class:`Scheme` without registering it."""
    return Scheme(read_table(path, search=table_layer.user_folders()))


def get_scheme(scheme: str | Scheme) -> Scheme:
    """The scheme with this id (a :class:`Scheme` is returned as it is)."""
    if isinstance(scheme, Scheme):
        return scheme
    table_layer.state()  # a changed TRANSLIT_TABLES empties the caches first
    found = _loaded.get(scheme)
    if found is not None:
        return found
    with _lock:
        found = _loaded.get(scheme)
        if found is None:
            files = scheme_files()
            if scheme not in files:
                raise SchemeNotFoundError(scheme, files)
            found = Scheme(read_table(files[scheme], search=table_layer.user_folders()))
            _loaded[scheme] = found
    return found


def list_schemes() -> list[Scheme]:
    """All schemes, sorted by id."""
    return [get_scheme(stem) for stem in sorted(scheme_files())]


def transliterate(text: str, scheme: str | Scheme = "en") -> str:
    """Transliterate the Cyrillic in ``text`` into ``scheme``; other text passes through."""
    return get_scheme(scheme).transliterate(text)
