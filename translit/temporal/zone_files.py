"""Read and validate one ``zones.toml`` file: the sections, zone names and offsets it may hold.

>>> from translit.table_layer import builtin_dir
>>> sorted(read_zone_file(builtin_dir() / "zones.toml"))
['abbreviations', 'ambiguous', 'phrases', 'places', 'samples']
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from translit.errors import TableError
from translit.table_layer import line_of, read_toml
from translit.temporal.offsets import LOCAL, parse_offset

SECTIONS = ("phrases", "abbreviations", "ambiguous", "places", "samples")


def _valid_zone(value: str) -> bool:
    if value == LOCAL or parse_offset(value) is not None:
        return True
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def read_zone_file(path: Path) -> dict[str, Any]:
    """The sections of one ``zones.toml``, validated (errors name the file, line and key)."""
    data, text = read_toml(path)
    for section, body in data.items():
        if section not in SECTIONS or not isinstance(body, dict):
            raise TableError(f"unknown or malformed section (known: {', '.join(SECTIONS)})",
                             path=str(path), line=line_of(text, section), key=section)
    _validate(data, path, text)
    return data


def _validate(data: dict[str, Any], path: Path, text: str) -> None:
    def fail(message: str, section: str, key: str) -> TableError:
        return TableError(message, path=str(path), line=line_of(text, section, key),
                          key=f"{section}.{key}")

    for lang, table in data.get("phrases", {}).items():
        if not isinstance(table, dict):
            raise fail("must be a table of phrase = zone", "phrases", lang)
        for phrase, zone in table.items():
            if not isinstance(zone, str) or not _valid_zone(zone):
                raise fail(f"unknown zone {zone!r}", f"phrases.{lang}", phrase)
            if phrase != phrase.lower():
                raise fail("phrases are lowercase", f"phrases.{lang}", phrase)
    for abbr, zone in data.get("abbreviations", {}).items():
        if not isinstance(zone, str) or zone == LOCAL or not _valid_zone(zone):
            raise fail(f"unknown zone {zone!r}", "abbreviations", abbr)
    for abbr, options in data.get("ambiguous", {}).items():
        if not isinstance(options, dict) or not options:
            raise fail("must be a table of offset = {regions, ...} with at least one offset",
                       "ambiguous", abbr)
        for offset, info in options.items():
            if parse_offset(offset) is None or not isinstance(info, dict):
                raise fail(f"bad candidate {offset!r}", f"ambiguous.{abbr}", offset)
            for key in ("regions", "languages"):
                values = info.get(key, [])
                if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                    raise fail(f"{key} must be a list of strings", f"ambiguous.{abbr}", offset)
    for place, info in data.get("places", {}).items():
        if not isinstance(info, dict) or not _valid_zone(str(info.get("zone"))):
            raise fail("needs zone = an IANA zone", "places", place)
        if not isinstance(info.get("region", ""), str):
            raise fail("region must be a string (ISO 3166)", "places", place)
    for sample, value in data.get("samples", {}).items():
        if not isinstance(value, str):
            raise fail("a sample's value must be a string", "samples", sample)
