"""Find schemes by id: the built-in tables, ``TRANSLIT_TABLES`` and folders the user adds.

Tables are read on first use and kept; the registry is safe to share between threads. A user
table with the id of a built-in scheme replaces it only if it says ``override = true`` in
``[scheme]``; otherwise using it is a :class:`~translit.errors.TableError`.

>>> {"de", "en", "uk-national"} <= {s.id for s in list_schemes()}
True
>>> get_scheme("de").transliterate("Юрий Гагарин")
'Juri Gagarin'
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import overload

from translit import caching, table_layer
from translit.errors import SchemeNotFoundError, TableError, TranslitError
from translit.schemes.languages import SOURCE
from translit.schemes.loader import OVERRIDE, TableSpec, read_table
from translit.schemes.scheme import Scheme

SCHEMES = "schemes"
"""The table layer's kind (and folder) of scheme tables."""
NOT_SCHEMES = frozenset({"zones"})
"""Table files that may sit at the top of a user folder but are other kinds of table."""

_lock = threading.RLock()
_loaded: dict[str, Scheme] = caching.tracked({})
_ids: dict[tuple[object, ...], tuple[str, ...]] = caching.tracked({})


def folder_schemes(folder: Path) -> dict[str, Path]:
    """The scheme files of one user folder by id (``schemes/`` inside it, else its top),
    listed, not read."""
    inner = folder / SCHEMES
    base = inner if inner.is_dir() else folder
    return {p.stem: p for p in sorted(base.glob("*.toml"))
            if p.stem not in NOT_SCHEMES and table_layer.is_table(p)}


def scheme_files() -> dict[str, Path]:
    """Every scheme id known now and the file that defines it (user tables win)."""
    found = {p.stem: p for p in table_layer.folder_files(SCHEMES) if p.stem not in NOT_SCHEMES}
    found.update({p.stem: p for p in reversed(table_layer.added_files(SCHEMES))})
    return found


def shadowing_error(spec: TableSpec) -> TableError | None:
    """The error of a user table that takes the id of a built-in scheme without saying
    ``override = true`` (None when it may stand).

    >>> shadowing_error(get_scheme("de").spec) is None
    True
    """
    builtin = table_layer.builtin_dir() / SCHEMES / f"{spec.id}.toml"
    if spec.override or not builtin.is_file() or Path(spec.path).resolve() == builtin:
        return None
    return TableError(f"replaces the built-in scheme {spec.id!r}: write {OVERRIDE} = true in "
                      "[scheme] to mean it, or give the table another file name",
                      path=spec.path, key=f"scheme.{OVERRIDE}")


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


_russian: dict[tuple[object, ...], tuple[str, ...]] = caching.tracked({})


def russian_scheme_ids() -> tuple[str, ...]:
    """The ids of the schemes that read Russian (``source`` ru, the default), sorted: the
    styles the Russian name tools read Latin names in (reads every table once per state).

    >>> "uk-national" in russian_scheme_ids(), "en" in russian_scheme_ids()
    (False, True)
    """
    state = table_layer.state()
    found = _russian.get(state)
    if found is None:
        found = tuple(s for s in scheme_ids() if get_scheme(s).spec.source == SOURCE)
        with _lock:
            _russian[state] = found
    return found


class FolderSchemes(Sequence[Scheme]):
    """The schemes an added folder defines, each read when first used (as the id stands
    then), so that adding a folder reads none of its tables."""

    def __init__(self, ids: Sequence[str]) -> None:
        self.ids = tuple(ids)

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Scheme: ...
    @overload
    def __getitem__(self, index: slice) -> list[Scheme]: ...
    def __getitem__(self, index: int | slice) -> Scheme | list[Scheme]:
        if isinstance(index, slice):
            return [get_scheme(scheme) for scheme in self.ids[index]]
        return get_scheme(self.ids[index])

    def __repr__(self) -> str:
        return f"FolderSchemes({list(self.ids)!r})"


def add_tables(path: str | Path) -> Sequence[Scheme]:
    """Add a folder of user tables (schemes, lexicon, zones, names, dates), one scheme file or
    one ``zones.toml``, and return the schemes it defines; every part of translit sees them
    from now on (see :mod:`translit.table_layer` for the precedence).

    A folder is listed, not read: each of its tables is read when first used, so a broken one
    stops only what uses it. One scheme file is read at once and not kept if it fails. Adding
    what is already the latest added changes nothing.
    """
    path = Path(path)
    if path.is_dir():
        table_layer.add(path, table_layer.FOLDER)
        return FolderSchemes(list(folder_schemes(path)))
    if not table_layer.is_table(path):
        raise TableError("no such table file or folder", path=str(path))
    if path.name == "zones.toml":
        table_layer.add(path, table_layer.ZONES)
        return []
    table_layer.add(path, SCHEMES)
    try:
        return [get_scheme(path.stem)]
    except TranslitError:
        table_layer.remove(path, SCHEMES)  # a table that does not load is not kept registered
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
            spec = read_table(files[scheme], search=table_layer.user_folders())
            refused = shadowing_error(spec)
            if refused is not None:
                raise refused
            found = Scheme(spec)
            _loaded[scheme] = found
    return found


def list_schemes() -> list[Scheme]:
    """All schemes, sorted by id."""
    return [get_scheme(stem) for stem in sorted(scheme_files())]
