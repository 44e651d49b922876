"""Find dates, times and durations in news text and resolve them: the public entry points.

The reference date is ``ref`` if given, else the document's dateline; with neither, relative
expressions stay unresolved (value None and a reason).

>>> spans = find_dates("10:55 a.m. Swiss time on Tuesday", ref="2021-10-04", lang="en")
>>> spans[0]["value"], spans[0]["local"], spans[0]["zone"]
('2021-10-05T08:55Z', '2021-10-05T10:55', 'Europe/Zurich')
>>> find_dates("gestern", lang="de")[0]["unresolved"]
'relative to an unknown reference date'
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from operator import itemgetter

from translit.errors import TranslitError
from translit.temporal.anchoring import anchor_spans
from translit.temporal.context import WINDOW, Context
from translit.temporal.dateline import Dateline, dateline_from
from translit.temporal.expr import Expr
from translit.temporal.grammar import run
from translit.temporal.language import detect_language
from translit.temporal.lexer import sentence_start
from translit.temporal.parser import Parser
from translit.temporal.resolve import Setting, resolve_date, to_span
from translit.temporal.rules.dates import decide_slash
from translit.temporal.words import LANGUAGES
from translit.temporal.zones import Place, load_zone_table
from translit.text.spans import TemporalSpan, apply_spans

__all__ = ["Temporal", "check_region", "collect_temporal", "find_dates", "parse_ref_date",
           "rewrite_text"]


@dataclass(frozen=True)
class Temporal:
    """The temporal spans of one document and what they were resolved against."""

    lang: str
    ref: date | None
    ref_source: str
    spans: list[TemporalSpan] = field(default_factory=list)
    dateline: Dateline | None = None


def parse_ref_date(value: str | date | datetime | None) -> date | None:
    """A reference date from ``YYYY-MM-DD`` text, a ``date`` or a ``datetime``.

    >>> parse_ref_date("2021-10-04")
    datetime.date(2021, 10, 4)
    """
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise TranslitError(f"reference date must be YYYY-MM-DD, not {value!r}") from None


@lru_cache(maxsize=1)
def _territories() -> frozenset[str]:
    """The two-letter territories of CLDR (read from babel on first use), without ZZ (unknown)."""
    from babel.core import get_global

    return frozenset(code for code in get_global("territory_languages")
                     if len(code) == 2 and code.isalpha() and code != "ZZ")


def check_region(region: str | None) -> str | None:
    """``region`` as the ISO 3166 code of a territory CLDR knows, in capitals (any case is
    read); None stays None. Anything else is a one-line error that names the option.

    >>> check_region("gb"), check_region(None)
    ('GB', None)
    >>> try:
    ...     check_region("usa")
    ... except TranslitError as error:
    ...     print(error)
    unknown region 'usa' (did you mean 'US'?); region takes an ISO 3166 code (US, GB, ...)
    """
    if region is None:
        return None
    code = region.strip().upper()
    if code in _territories():
        return code
    hint = ""
    if code.isascii() and code.isalpha():
        from babel.core import get_global

        alias = get_global("territory_aliases").get(code, [])
        if len(alias) == 1 and alias[0] in _territories():
            hint = f" (did you mean {alias[0]!r}?)"
    raise TranslitError(f"unknown region {region!r}{hint}; region takes an ISO 3166 code "
                        "(US, GB, ...)")


def collect_temporal(text: str, *, ref: str | date | datetime | None = None, lang: str = "auto",
                     region: str | None = None) -> Temporal:
    """Find and resolve every date, time and duration in ``text``.

    ``lang`` is ``en``, ``de``, ``ru`` or ``auto``; ``region`` (ISO 3166, e.g. ``GB``, checked
    by :func:`check_region`) decides slash dates and ambiguous zone abbreviations; without it the
    region of the dateline's place does ("WASHINGTON" → US: month first; "LONDON" → GB: day
    first). This is the one function a document-level normalizer calls.
    """
    if lang == "auto":
        lang = detect_language(text)
    if lang not in LANGUAGES:
        raise TranslitError(f"unknown language {lang!r}; known: auto, {', '.join(LANGUAGES)}")
    region = check_region(region)
    reference = parse_ref_date(ref)
    parser = Parser(text, lang, region=region)
    exprs = run(parser)
    dateline = dateline_from(text, exprs, lang)
    home = dateline.place if dateline else None
    if region is None and home is not None and home.region:
        region = home.region  # decides slash dates and ambiguous zone abbreviations
        if _redecide_slash_dates(exprs, parser, region):
            dateline = dateline_from(text, exprs, lang)
    source = "option" if reference is not None else "none"
    if reference is None and dateline is not None:
        reference, source = dateline.date, "dateline"
    setting = Setting(reference, lang, region, home, table=load_zone_table())
    spans: list[TemporalSpan] = []
    context = parser.context
    exprs = [expr for expr in exprs if not in_title(parser, expr)]
    starts = [expr.start for expr in exprs]
    for index, expr in enumerate(exprs):
        direction = _direction(context, expr, reference)
        if expr.kind == "time":  # only a time can name "local time"
            day = _day_of(exprs, starts, index, parser, reference) \
                if not expr.has_date else None
            spans.append(to_span(expr, text, setting, direction, _Places(parser, expr, dateline),
                                 day=day))
        else:
            spans.append(to_span(expr, text, setting, direction))
    anchor_spans(exprs, spans, text, reference)
    return Temporal(lang, reference, source, spans, dateline)


def _redecide_slash_dates(exprs: list[Expr], parser: Parser, region: str) -> bool:
    """Decide the slash dates again by the dateline's region; whether any was found."""
    found = False
    for expr in exprs:
        if not expr.tags and expr.base is None and expr.until is None:
            continue  # nothing that could be a slash date
        for part in (expr, expr.base, expr.until):
            if part is not None and "slash" in part.tags:
                decide_slash(part, parser.lex, region)
                found = True
    return found


class _Places:
    """The place for "local time": one named in the sentence, else the dateline's (looked up
    only when a zone turns out to be local)."""

    def __init__(self, parser: Parser, expr: Expr, dateline: Dateline | None) -> None:
        self.parser, self.expr, self.dateline = parser, expr, dateline

    def __call__(self) -> Place | None:
        after = self.dateline.end if self.dateline else 0
        found = self.parser.context.place(self.expr.start, after=after)
        return found or (self.dateline.place if self.dateline else None)


def _direction(context: Context, expr: Expr, reference: date | None) -> int:
    if reference is None or not _needs_direction(expr, reference):
        return 0
    return context.direction(expr.start, expr.end)


def _day_of(exprs: list[Expr], starts: list[int], index: int, parser: Parser,
            reference: date | None) -> tuple[date, str] | None:
    """The day of a time that names none: the day of the nearest dated expression in its
    sentence ("sentence"), else the reference date ("reference"), else None.

    >>> [s.get("day_from") for s in find_dates("On Oct. 5 the crew flew. Docking was at "
    ...                                        "12:55 Moscow time.", ref="2021-10-04")]
    [None, 'reference']
    """
    expr = exprs[index]
    near = exprs[bisect_left(starts, expr.start - WINDOW):bisect_left(starts, expr.start + WINDOW)]
    if not any(other.has_date for other in near if other is not expr):
        return (reference, "reference") if reference is not None else None  # no sentence scan
    start, stop = parser.context.sentence(expr.start)
    best: tuple[int, Expr] | None = None
    for other in exprs[bisect_left(starts, start):bisect_left(starts, stop)]:
        if other is expr or other.kind not in ("date", "time") or not other.has_date \
                or other.until \
                or not (start <= other.start < stop):
            continue
        distance = abs(other.start - expr.start)
        if best is None or distance < best[0]:
            best = (distance, other)
    if best is not None:
        _, day, _ = resolve_date(best[1], reference,
                                 _direction(parser.context, best[1], reference))
        if day is not None:
            return day, "sentence"
    return (reference, "reference") if reference is not None else None


def in_title(parser: Parser, expr: Expr) -> bool:
    """Whether ``expr`` is part of a title in a language that capitalizes only names: a word of
    it capitalized that is not a month or weekday, not at a sentence start, next to another
    capitalized word ("Edge of Tomorrow", "High Noon", "60 Minutes", "VOA Today").

    >>> [s["text"] for s in find_dates("He saw Edge of Tomorrow today.", lang="en")]
    ['today']
    """
    if parser.lang != "en" or expr.month is not None or expr.weekday is not None:
        return False
    text = parser.text
    piece = text[expr.start:expr.end]
    if piece.islower():
        return False  # the common case: nothing capitalized
    words = piece.split()
    capitalized = [w for w in words if w.istitle()]  # not "EDT", "GMT"
    if not capitalized:
        return False
    if sentence_start(text, expr.start, parser.lang) and len(capitalized) == 1 \
            and words[0] is capitalized[0]:
        return False
    opening = text[max(0, expr.start - 8):expr.start].rstrip()[-1:]
    if opening and opening in "-–—,;:(\"'`“„«" and len(capitalized) == 1 and words[0][:1].isupper():
        return False  # "MOSCOW, Oct. 4 -- Today Roscosmos said": a clause opens with it
    before = [w.strip("\"'`(") for w in text[max(0, expr.start - 40):expr.start].split()]
    while len(before) > 1 and before[-1] in _TITLE_SMALL_WORDS:
        before.pop()  # "Edge of Tomorrow"
    after = [w.strip("\"'`),.;:!?") for w in text[expr.end:expr.end + 40].split()[:1]]
    if before and before[-1][:1].isupper() and not sentence_start(
            text, text.rfind(before[-1], 0, expr.start), parser.lang):
        return True
    if after and after[0][:1].isupper() and after[0] != "I":
        return True
    return len(capitalized) > 1 and not sentence_start(text, expr.start, parser.lang)


_TITLE_SMALL_WORDS = frozenset({"of", "the", "a", "an", "and", "in", "on", "at", "for", "to"})


def _needs_direction(expr: Expr, ref: date | None) -> bool:
    if ref is None:
        return False
    return expr.year is None and (expr.day is None or expr.month is None) and (
        expr.nearest or (expr.month is not None and expr.year_shift is None
                         and expr.shift is None))


def find_dates(text: str, *, ref: str | date | datetime | None = None, lang: str = "auto",
               region: str | None = None) -> list[TemporalSpan]:
    """The date, time and duration spans of ``text`` (see :func:`collect_temporal`).

    >>> [s["value"] for s in find_dates("On Oct. 5, almost two weeks", ref="2021-07-01")]
    ['2021-10-05', 'P2W']
    """
    return collect_temporal(text, ref=ref, lang=lang, region=region).spans


def rewrite_text(text: str, spans: Iterable[TemporalSpan]) -> str:
    """``text`` with each resolved span replaced by its value (unresolved ones stay):
    :func:`translit.text.spans.apply_spans` on copies of ``spans`` (which stay as they are) in text
    order.

    >>> rewrite_text("On Oct. 5 we fly", find_dates("On Oct. 5 we fly", ref="2021-07-01"))
    'On 2021-10-05 we fly'
    """
    return apply_spans(text, sorted([span.copy() for span in spans], key=itemgetter("start")))
