"""Exonyms of one place from CLDR: Kazakhstan, Kasachstan and Казахстан share one key.

babel's territory names in English, German, French and Russian, its time-zone cities and
ISO 3166 alpha-3 codes give each place a key (``territory:KZ``, ``city:Europe/Zurich``); a
name two places share is no key. Built on first use.

>>> place_key("Kasachstan") == place_key("Kazakhstan"), place_key("USA")
(True, 'territory:US')
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from translit.caching import Lazy

LOCALES = ("en", "de", "fr", "ru")
"""The languages whose CLDR names of territories and cities are exonyms of one place."""
SKIPPED = frozenset({"ZZ", "XA", "XB", "QO", "001", "019", "021", "003"})
"""CLDR codes that are no place of the news: unknown and private-use codes, the world, and the
Americas, whose Russian name (Америка) the press uses for the United States."""


@dataclass(frozen=True)
class Places:
    """CLDR places: folded name → key, ALL-CAPS code → key, key → English name, and
    (key, language) → the name in that language."""

    names: dict[str, str]
    codes: dict[str, str]
    labels: dict[str, str]
    local: dict[tuple[str, str], str]


_folded: dict[str, str] = {}


def fold(text: str) -> str:
    """Case and diacritics folded, one space between words, hyphens as spaces.

    >>> fold("Zürich"), fold("Saint-Étienne")
    ('zurich', 'saint etienne')
    """
    found = _folded.get(text)
    if found is None:
        if len(_folded) > 100_000:
            _folded.clear()
        found = _folded[text] = _fold(text)
    return found


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("-", " "))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c))
                    .casefold().split())


def _build_places() -> Places:
    from babel import Locale
    from babel.core import get_global

    names: dict[str, str] = {}
    labels: dict[str, str] = {}
    ambiguous: set[str] = set()

    def add(name: str, key: str) -> None:
        folded = fold(name)
        if names.get(folded, key) != key:
            ambiguous.add(folded)
        names.setdefault(folded, key)

    local: dict[tuple[str, str], str] = {}
    for code in LOCALES:
        for territory, name in Locale.parse(code).territories.items():
            if territory not in SKIPPED and (territory.isalpha() or "(" not in name):
                add(name, f"territory:{territory}")
                local[(f"territory:{territory}", code)] = name
                if code == "en":
                    labels[f"territory:{territory}"] = name
    zones: list[str] = list(get_global("zone_territories"))
    for zone in zones:
        city = zone.rsplit("/", 1)[-1].replace("_", " ")
        key = f"city:{zone}"
        labels[key] = city
        if fold(city) not in names:
            add(city, key)
    for key, city in labels.items():  # CLDR writes no exemplar city that is the zone's own
        if key.startswith("city:"):
            for code in LOCALES:
                if code != "ru":
                    local[(key, code)] = city
    for code in LOCALES:
        for zone, info in Locale.parse(code).time_zones.items():
            if isinstance(city_name := dict(info).get("city"), str) \
                    and f"city:{zone}" in labels:
                city_name = city_name.replace("\xad", "")  # Reyk­ja­vík: soft hyphens
                local[(f"city:{zone}", code)] = city_name
                if fold(city_name) not in names:
                    add(city_name, f"city:{zone}")
    for folded in ambiguous:
        del names[folded]
    codes: dict[str, str] = {}
    for alias, targets in get_global("territory_aliases").items():
        if len(targets) == 1 and alias.isalpha() and f"territory:{targets[0]}" in labels \
                and not alias.startswith(("X", "Q")) and len(set(alias)) > 1:
            codes[alias] = f"territory:{targets[0]}"
    return Places(names, codes, labels, local)


_places = Lazy(_build_places)


def places() -> Places:
    """The CLDR place index, built on first use (some 10 ms after babel's locales are read)."""
    return _places.get()


def place_key(text: str) -> str | None:
    """The CLDR key of a place name in any of :data:`LOCALES`, or None.

    >>> place_key("Kasachstan") == place_key("Kazakhstan"), place_key("USA")
    (True, 'territory:US')
    """
    index = places()
    found = index.codes.get(text) if text.isupper() else None
    return found or index.names.get(fold(text))


def place_name(text: str, lang: str) -> str | None:
    """CLDR's name in ``lang`` (one of :data:`LOCALES`) of the place ``text`` names, or None.

    >>> place_name("Казахстан", "de"), place_name("Европа", "en"), place_name("Киев", "xx")
    ('Kasachstan', 'Europe', None)
    """
    key = place_key(text)
    return None if key is None else places().local.get((key, lang))
