"""A deterministic corpus of news articles generated from ``samples/`` and the name tables.

Document ``i`` is made from sample article ``i % 6``: its Russian people renamed (surnames from
``tables/names/surnames.tsv`` and given names from ``given_names.toml``, spelled in the article's
style through the scheme tables), its years shifted and its months rotated; it keeps the first two
paragraphs (dateline and lead) and one more chosen at random, and ends with a dated by-line with a
Moscow time, so that documents differ in names, dates and times. The same ``count`` and
``seed`` always give the same documents. Used by ``tests/spark/test_spark.py`` and
``bench/bench_spark.py``.

>>> docs = generate_corpus(7)
>>> [source for source, _ in docs][:2]
['ballet-tour.de/00000.txt', 'ballet-tour.en/00001.txt']
>>> docs[0][1] != docs[6][1] and docs[0][0] != docs[6][0]
True
"""

from __future__ import annotations

import csv
import random
import re
import tomllib
from functools import cache
from pathlib import Path

from translit.articles.document import normalize
from translit.schemes.sources import transliterate
from translit.table_layer import builtin_dir

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
ARTICLES = ("ballet-tour.de", "ballet-tour.en", "chess-final.de", "chess-final.en",
            "soyuz-film.de", "soyuz-film.en")

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"],
}
SHORT = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
         "Nov.", "Dec."]
CITIES = {"en": ["Moscow", "Saint Petersburg", "Kazan", "Novosibirsk"],
          "de": ["Moskau", "Sankt Petersburg", "Kasan", "Nowosibirsk"]}


@cache
def _surnames() -> list[tuple[str, str]]:
    path = builtin_dir() / "names" / "surnames.tsv"
    rows = [line for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")]
    return [(row["surname"], row["feminine"]) for row in csv.DictReader(rows, delimiter="\t")]


@cache
def _given_names() -> list[tuple[str, str]]:
    path = builtin_dir() / "names" / "given_names.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return sorted((name, entry["gender"]) for name, entry in data["names"].items())


@cache
def _article(name: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """The article text, its person surnames and its person given names (Latin, as written)."""
    text = (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    surnames: dict[str, None] = {}
    given: dict[str, None] = {}
    for span in normalize(text).spans:
        if span["kind"] != "name" or span.get("entity") != "person":
            continue
        if span.get("scheme") == "lexicon":
            continue
        words = span["text"].split()
        surnames[words[-1]] = None
        for word in words[:-1]:
            given[word] = None
    return text, tuple(surnames), tuple(given)


@cache
def _names_pattern(article: str) -> re.Pattern[str]:
    _, surnames, given = _article(article)
    words = sorted((*surnames, *given), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, words)) + r")(?![\w-])")


@cache
def _months_pattern(style: str) -> re.Pattern[str]:
    names = MONTHS[style] + (SHORT if style == "en" else [])
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def _rotate_months(text: str, style: str, shift: int) -> str:
    def replace(match: re.Match[str]) -> str:
        word = match.group(1)
        table = SHORT if word in SHORT and word not in MONTHS[style] else MONTHS[style]
        return table[(table.index(word) + shift) % 12]

    return _months_pattern(style).sub(replace, text)


@cache
def _spelled(cyrillic: str, style: str) -> str:
    return transliterate(cyrillic, style)


def generate_document(index: int, *, seed: int = 2021) -> tuple[str, str]:
    """Document ``index`` of the corpus: ``(source, text)``; ``source`` is ``article/NNNNN.txt``."""
    name = ARTICLES[index % len(ARTICLES)]
    style = name.rsplit(".", 1)[1]
    text, surnames, given = _article(name)
    rng = random.Random(seed * 1_000_003 + index)
    pool = _surnames()
    names = _given_names()
    renamed: dict[str, str] = {}
    for old in surnames:
        masculine, feminine = rng.choice(pool[:250])
        renamed[old] = _spelled(feminine if old.endswith("a") else masculine, style)
    for old in given:
        renamed[old] = _spelled(rng.choice(names)[0], style)
    text = _names_pattern(name).sub(lambda m: renamed[m.group(1)], text)
    delta = rng.randint(-6, 3)
    text = re.sub(r"(?<!\d)(19[5-9]\d|20[0-2]\d)(?!\d)",
                  lambda m: str(int(m.group(1)) + delta), text)
    text = _rotate_months(text, style, rng.randrange(12))
    paragraphs = text.rstrip("\n").split("\n\n")
    text = "\n\n".join([*paragraphs[:2], rng.choice(paragraphs[2:])])
    first, gender = rng.choice(names)
    masculine, feminine = rng.choice(pool[:500])
    author = f"{_spelled(first, style)} {_spelled(feminine if gender == 'f' else masculine, style)}"
    day, month, year = rng.randint(1, 28), rng.randrange(12), 2015 + rng.randrange(10)
    hour, minute = rng.randint(1, 11), rng.randrange(60)
    city = rng.choice(CITIES[style])
    if style == "en":
        line = (f"Reporting by {author} in {city}; updated {MONTHS['en'][month]} {day}, {year}, "
                f"at {hour}:{minute:02d} p.m. Moscow time.")
    else:
        line = (f"Mitarbeit: {author}, {city}. Aktualisiert am {day}. {MONTHS['de'][month]} "
                f"{year} um {hour + 12}.{minute:02d} Uhr Moskauer Zeit.")
    return f"{name}/{index:05d}.txt", text + "\n\n" + line + "\n"


def generate_corpus(count: int, *, seed: int = 2021) -> list[tuple[str, str]]:
    """``count`` documents as ``(source, text)`` pairs, the same on every run."""
    return [generate_document(index, seed=seed) for index in range(count)]


def write_corpus(folder: Path, count: int, *, seed: int = 2021) -> list[tuple[str, str]]:
    """Write the corpus under ``folder`` (one sub-folder per sample article); returns it."""
    documents = generate_corpus(count, seed=seed)
    for source, text in documents:
        path = folder / source
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return documents
