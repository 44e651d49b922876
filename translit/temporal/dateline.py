"""Find a document's dateline ("MOSCOW, July 01, 2021 —", "date 2021-10-04",
"Zürich, 4. Oktober 2021"): the reference date for relative expressions, and its place.

>>> line = find_dateline("MOSCOW, July 01, 2021 — Roscosmos said...", "en")
>>> (line.date.isoformat(), line.place.zone)
('2021-07-01', 'Europe/Moscow')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from translit.temporal.expr import Expr
from translit.temporal.grammar import parse
from translit.temporal.words import get_lexicon
from translit.temporal.zones import Place, find_place

HEAD = 400
MAX_PREFIX = 60


@dataclass(frozen=True)
class Dateline:
    """The date (and place, when the zone table knows it) a document is written from."""

    date: date
    start: int
    end: int
    place: Place | None = None


def _prefix_place(prefix: str, markers: tuple[str, ...]) -> tuple[bool, Place | None]:
    """Whether ``prefix`` looks like a dateline's head (places, a marker word) and its place."""
    cleaned = prefix.replace("(", " ").replace(")", " ").replace(":", " ").strip(" ,-—–\t")
    if not cleaned:
        return True, None
    if cleaned.lower() in markers:
        return True, None
    parts = [p.strip() for p in cleaned.split(",") if p.strip()]
    if len(parts) > 3 or any(len(p.split()) > 3 for p in parts):
        return False, None
    if not all(w[:1].isupper() for p in parts for w in p.split()):
        return False, None
    for part in parts:
        place = find_place(part)
        if place is not None:
            return True, place
    return True, None


def find_dateline(text: str, lang: str) -> Dateline | None:
    """The dateline at the start of ``text`` (one of its first lines), or None."""
    return dateline_from(text, parse(text[:HEAD], lang), lang)


def dateline_from(text: str, exprs: list[Expr], lang: str) -> Dateline | None:
    """The dateline among ``exprs`` already found in ``text``: on each of the first lines, the
    first full date counts if only a place or a marker word ("date", "Datum") precedes it."""
    markers = get_lexicon(lang).dateline_markers
    done: set[int] = set()
    for expr in exprs:
        if expr.start >= HEAD:
            break
        if expr.year is None or expr.month is None or expr.day is None:
            continue
        line_start = text.rfind("\n", 0, expr.start) + 1
        if line_start in done:
            continue
        done.add(line_start)
        if expr.start - line_start > MAX_PREFIX:
            continue
        ok, place = _prefix_place(text[line_start:expr.start], markers)
        if ok:
            return Dateline(date(expr.year, expr.month, expr.day), expr.start, expr.end, place)
    return None
