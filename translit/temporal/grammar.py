"""Turn the token stream into expressions: the rule order and the joining of times to dates.

The parser state is :mod:`translit.temporal.parser`; rules live in :mod:`translit.temporal.rules`;
each looks at the tokens from one position and returns an expression and the next position.
After parsing, a time joins the date next to it ("10:55 a.m. Swiss time on Tuesday").

>>> [(e.kind, e.month, e.day) for e in parse("On Oct. 5 the crew flew.", "en")]
[('date', 10, 5)]
"""

from __future__ import annotations

from dataclasses import replace

from translit import caching
from translit.temporal.expr import Expr
from translit.temporal.lexer import Token
from translit.temporal.parser import MAX_GAP, Parser, Rule
from translit.temporal.rules import counts as rules_counts
from translit.temporal.rules import dates as rules_dates
from translit.temporal.rules import periods as rules_periods
from translit.temporal.rules import times as rules_times
from translit.temporal.rules import years as rules_years
from translit.temporal.rules.ranges import join_ranges, join_time_ranges


def _rules() -> tuple[tuple[Rule, frozenset[str]], ...]:
    """Every rule, in priority order, with the token kinds it can start at."""
    return (
        (rules_dates.numeric_date, frozenset({"iso", "dotted", "slash", "compact", "daymonth",
                                              "monthday"})),
        (rules_counts.compact_hours, frozenset({"hours"})),
        (rules_periods.decade, frozenset({"decade"})),
        (rules_periods.reference, frozenset({"ref"})),
        (rules_periods.frequency, frozenset({"set", "every"})),
        (rules_periods.latest, frozenset({"latest"})),
        (rules_periods.year_ago, frozenset({"yearago"})),
        (rules_periods.numbered, frozenset({"nth", "ordinal", "num:day", "num:other"})),
        (rules_periods.period_word, frozenset({"period"})),
        (rules_periods.vague_duration, frozenset({"several", "unit"})),
        (rules_dates.weekday_and_date, frozenset({"weekday"})),
        (rules_dates.month_first, frozenset({"month"})),
        (rules_dates.day_first, frozenset({"num:day", "ordinal"})),
        (rules_dates.later_day, frozenset({"num:day", "ordinal"})),
        (rules_dates.bare_ordinal_day, frozenset({"ordinal"})),
        (rules_times.time_of_day, frozenset({"hhmm", "hampm", "clock", "num"})),
        (rules_dates.relative_day, frozenset({"day"})),
        (rules_dates.shifted, frozenset({"shift"})),
        (rules_dates.vague, frozenset({"vague"})),
        (rules_counts.counted, frozenset({"approx", "ago", "ahead", "anchor", "num:day",
                                          "num:other", "number", "unit"})),
        (rules_dates.anchored, frozenset({"anchored"})),
        (rules_dates.weekday, frozenset({"weekday"})),
        (rules_years.year, frozenset({"num:year"})),
    )


_by_kinds: dict[frozenset[str], tuple[Rule, ...]] = caching.tracked({})


def _rules_for(token: Token) -> tuple[Rule, ...]:
    """The rules that can start at ``token`` (cached by its set of kinds)."""
    found = _by_kinds.get(token.kinds)
    if found is None:
        found = tuple(rule for rule, starts in _rules() if starts & token.kinds)
        _by_kinds[token.kinds] = found
    return found


def run(parser: Parser) -> list[Expr]:
    """The expressions of the parser's text, in order, without overlaps."""
    found: list[Expr] = []
    tokens = parser.tokens
    by_kinds = _by_kinds
    i, count = 0, len(tokens)
    while i < count:
        token = tokens[i]
        for rule in by_kinds.get(token.kinds) or _rules_for(token):
            result = rule(parser, i)
            if result is not None:
                found.append(result[0])
                i = result[1] if result[1] > i else i + 1
                break
        else:
            i += 1
    return join_time_ranges(attach_times(join_ranges(found, parser), parser), parser)


def parse(text: str, lang: str, *, region: str | None = None) -> list[Expr]:
    """The expressions of ``text`` in language ``lang``."""
    return run(Parser(text, lang, region=region))


def _joinable(parser: Parser, left: Expr, right: Expr) -> bool:
    """Only connectors, commas and a place ("in Baikonur") between a time and its date."""
    gap = parser.text[left.end:right.start]
    if len(gap) > MAX_GAP or "\n\n" in gap or ("\n" in gap
                                              and not gap.split("\n", 1)[0].strip()):
        return False  # a line break only after a word of the phrase ("am Dienstag um\n10.55")
    parts = gap.replace(",", " ").split()
    connectors = parser.lex.context["connectors"]
    places = parser.lex.context["place_prepositions"]
    names = 0
    for index, part in enumerate(parts):
        if part.lower() in connectors:
            continue
        if part[:1].isupper() and index > 0 and (parts[index - 1].lower() in places
                                                 or parts[index - 1][:1].isupper()):
            names += 1
            continue
        if part.lower() in places and index + 1 < len(parts) and parts[index + 1][:1].isupper():
            continue
        return False
    return names <= 2


def _dated(expr: Expr) -> bool:
    return (expr.kind == "date" and expr.has_date and expr.mod is None and not expr.unresolved
            and expr.until is None)


def attach_times(found: list[Expr], parser: Parser) -> list[Expr]:
    """Join each time with the date right before or after it into one expression; a time in
    parentheses after a dated time ("1:55 p.m. local time (0855 GMT)") shares its date."""
    out: list[Expr] = []
    previous: Expr | None = None  # always out[-1]
    for expr in found:
        if previous is None or (expr.kind != "time" and previous.kind != "time") \
                or expr.start - previous.end > MAX_GAP:
            out.append(expr)
            previous = expr
            continue
        if expr.kind == "time" and not _has_day(expr):
            if _dated(previous) and _joinable(parser, previous, expr):
                out[-1] = previous = _merge(previous, expr)
                continue
            if previous.kind == "time" and parser.text[previous.end:expr.start].strip() == "(":
                close = parser.text.find(")", expr.end, expr.end + 2)
                out[-1] = previous = replace(previous, end=close + 1 if close >= 0 else expr.end,
                                             alternative=expr)
                continue
        if (previous.kind == "time" and not _has_day(previous)
                and _dated(expr) and _joinable(parser, previous, expr)):
            out[-1] = previous = _merge(expr, previous)
            continue
        out.append(expr)
        previous = expr
    return out


def _has_day(expr: Expr) -> bool:
    return expr.has_date


def _merge(date: Expr, time: Expr) -> Expr:
    """``date`` (the parser's own object, changed in place) with the clock of ``time``."""
    date.kind, date.start, date.end = "time", min(date.start, time.start), max(date.end, time.end)
    date.hour, date.minute, date.second = time.hour, time.minute, time.second
    date.zone, date.alternative = time.zone, time.alternative
    date.tags = {**date.tags, "joined": "1"}
    return date
