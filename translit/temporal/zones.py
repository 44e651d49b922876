"""Time-zone phrases, abbreviations and offsets, resolved through the tz database at the instant.

The table ``tables/zones.toml`` maps phrases ("Swiss time", "по московскому времени"),
abbreviations (CEST, MSK; ambiguous ones such as CST with candidates) and places to IANA zones or
fixed offsets. It is read on first use; users add their own ``zones.toml``.

>>> zone = resolve_zone("Moscow time", lang="en")
>>> zone.name
'Europe/Moscow'
>>> to_utc(datetime(2012, 7, 1, 12, 0), zone).isoformat()
'2012-07-01T08:00:00+00:00'
>>> resolve_zone("CST", lang="ru").candidates
('-06:00', '+08:00')
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime, timezone, tzinfo
from functools import lru_cache
from pathlib import Path
from typing import Any

from translit import caching, table_layer
from translit.errors import TableError
from translit.temporal.offsets import LOCAL, format_offset, parse_offset
from translit.temporal.zone_files import read_zone_file

MEMO_SIZE = 4096  # resolved zone texts remembered per table


@dataclass(frozen=True)
class Zone:
    """A resolved zone: an IANA name, a fixed offset such as ``+02:00``, or ``local``.

    ``candidates`` lists the offsets of an abbreviation that the document does not decide;
    such a zone has an empty ``name``.
    """

    name: str
    text: str = ""
    candidates: tuple[str, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return bool(self.candidates)

    @property
    def fixed(self) -> bool:
        """True for a fixed offset (its time of day converts to UTC without a date)."""
        return self.name[:1] in "+-" and bool(self.name)

    def tzinfo(self) -> tzinfo:
        """The ``tzinfo`` for this zone (``ZoneInfo`` or a fixed ``timezone``)."""
        return _tzinfo(self.name)


@lru_cache(maxsize=512)
def _tzinfo(name: str) -> tzinfo:
    """One ``tzinfo`` per zone name, kept (``ZoneInfo``'s own cache holds only a few)."""
    if name[:1] in "+-":
        offset = parse_offset(name)
        assert offset is not None
        return timezone(offset)
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


@dataclass(frozen=True)
class Place:
    """A place the table knows: its zone and ISO 3166 region."""

    zone: str
    region: str


@dataclass(frozen=True)
class ZoneTable:
    """The merged zone table."""

    phrases: dict[str, dict[str, str]]
    abbreviations: dict[str, str]
    ambiguous: dict[str, dict[str, dict[str, Any]]]
    places: dict[str, Place]
    samples: dict[str, str]
    resolved: dict[tuple[str, str | None, str | None], Zone | None] = field(
        default_factory=dict, compare=False, repr=False)

    def all_phrases(self) -> dict[str, str]:
        """Every phrase of every language (lowercase) → zone value."""
        merged: dict[str, str] = {}
        for table in self.phrases.values():
            merged.update(table)
        return merged


_lock = threading.Lock()
_cache: dict[tuple[int, str], ZoneTable] = caching.tracked({})


def add_zone_table(path: str | Path) -> None:
    """Merge a user ``zones.toml`` over the built-in one (its entries win)."""
    path = Path(path)
    if not path.is_file():
        raise TableError("no such zone table", path=str(path))
    read_zone_file(path)
    table_layer.add(path, table_layer.ZONES)


def _files() -> list[Path]:
    """The zone tables, the one that wins last: built-in, user folders', added files."""
    return [*table_layer.files("zones.toml"), *reversed(table_layer.added_files(table_layer.ZONES))]


def load_zone_table() -> ZoneTable:
    """The built-in zone table merged with the user ones (read once, then cached), of the tables
    as the last :func:`translit.table_layer.state` found them."""
    key = table_layer.known_state()
    found = _cache.get(key)
    if found is not None:
        return found
    with _lock:
        phrases: dict[str, dict[str, str]] = {}
        abbreviations: dict[str, str] = {}
        ambiguous: dict[str, dict[str, dict[str, Any]]] = {}
        places: dict[str, Place] = {}
        samples: dict[str, str] = {}
        for path in _files():
            data = read_zone_file(path)
            for lang, table in data.get("phrases", {}).items():
                phrases.setdefault(lang, {}).update(
                    {unicodedata.normalize("NFC", k): v for k, v in table.items()})
            abbreviations.update(data.get("abbreviations", {}))
            for abbr in data.get("ambiguous", {}):
                abbreviations.pop(abbr, None)
            ambiguous.update(data.get("ambiguous", {}))
            for abbr in data.get("abbreviations", {}):
                ambiguous.pop(abbr, None)
            places.update({unicodedata.normalize("NFC", k): Place(v["zone"], v.get("region", ""))
                           for k, v in data.get("places", {}).items()})
            samples.update(data.get("samples", {}))
        table = ZoneTable(phrases, abbreviations, ambiguous, places, samples)
        _cache[key] = table
    return table


def resolve_zone(text: str, *, lang: str | None = None, region: str | None = None,
                 table: ZoneTable | None = None) -> Zone | None:
    """The zone that ``text`` names: a phrase, an abbreviation (exact case) or an offset.

    An ambiguous abbreviation is decided by ``region`` (ISO 3166, e.g. ``US``), then by ``lang``;
    otherwise the zone lists its ``candidates``. ``None`` when ``text`` names no zone. ``table``
    is :func:`load_zone_table` if the caller has it.

    >>> resolve_zone("CST", region="CN").name
    '+08:00'
    """
    if table is None:
        table = load_zone_table()
    key = (text, lang, region)
    if key in table.resolved:
        return table.resolved[key]
    if len(table.resolved) > MEMO_SIZE:
        table.resolved.clear()
    zone = _resolve(table, text, lang, region)
    table.resolved[key] = zone
    return zone


def _resolve(table: ZoneTable, text: str, lang: str | None, region: str | None) -> Zone | None:
    spoken = " ".join(unicodedata.normalize("NFC", text).split())
    lowered = spoken.lower()
    if lang and lowered in table.phrases.get(lang, {}):
        return Zone(table.phrases[lang][lowered], spoken)
    merged = table.all_phrases()
    if lowered in merged:
        return Zone(merged[lowered], spoken)
    if spoken in table.abbreviations:
        return Zone(table.abbreviations[spoken], spoken)
    if spoken in table.ambiguous:
        return _decide(spoken, table.ambiguous[spoken], lang=lang, region=region)
    offset = parse_offset(spoken) if spoken[:3].upper() in ("UTC", "GMT") else None
    return Zone(format_offset(offset), spoken) if offset is not None else None


def _decide(abbr: str, options: dict[str, dict[str, Any]], *, lang: str | None,
            region: str | None) -> Zone:
    if region:
        by_region = [o for o, info in options.items() if region in info.get("regions", [])]
        if len(by_region) == 1:
            return Zone(by_region[0], abbr)
    if lang:
        by_lang = [o for o, info in options.items() if lang in info.get("languages", [])]
        if len(by_lang) == 1:
            return Zone(by_lang[0], abbr)
    return Zone("", abbr, tuple(options))


def find_place(name: str) -> Place | None:
    """The zone and region of a place the table knows (any case).

    >>> find_place("Baikonur").zone
    'Asia/Qyzylorda'
    """
    return load_zone_table().places.get(" ".join(name.lower().split()))


def to_utc(local: datetime, zone: Zone) -> datetime:
    """The UTC instant of a naive local time in ``zone`` (the earlier one in a fold)."""
    return localize(local, zone)[0].replace(tzinfo=UTC)


def dst_flag(local: datetime, zone: Zone) -> str | None:
    """``"gap"`` if ``local`` does not exist in ``zone`` (clocks jumped), ``"fold"`` if it is
    ambiguous (clocks went back), else ``None``.

    >>> dst_flag(datetime(2021, 3, 28, 2, 30), Zone("Europe/Zurich"))
    'gap'
    >>> dst_flag(datetime(2021, 10, 31, 2, 30), Zone("Europe/Zurich"))
    'fold'
    """
    return localize(local, zone)[1]


def localize(local: datetime, zone: Zone) -> tuple[datetime, str | None]:
    """The UTC time (naive) of a naive local time in ``zone`` (the earlier one in a fold) and
    its DST flag (see :func:`dst_flag`), from the zone's two offsets at that wall time (PEP 495:
    ``fold=0`` gives the offset before a transition, ``fold=1`` the one after).

    >>> localize(datetime(2021, 10, 5, 10, 55), Zone("Europe/Zurich"))
    (datetime.datetime(2021, 10, 5, 8, 55), None)
    """
    info = zone.tzinfo()
    if local.fold:
        local = local.replace(fold=0)
    before = info.utcoffset(local)
    assert before is not None
    utc = local - before
    name = zone.name
    if not name or name[0] in "+-" or name == LOCAL:  # fixed, ambiguous or local
        return utc, None
    after = info.utcoffset(local.replace(fold=1))
    if after is None or after == before:
        return utc, None
    return utc, "fold" if before > after else "gap"
