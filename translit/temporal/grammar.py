"""Turn the token stream into expressions: the parser state, its helpers and the rule order.

Rules live in :mod:`translit.temporal.rules_dates` and :mod:`translit.temporal.rules_times`;
each looks at the tokens from one position and returns an expression and the next position.
After parsing, a time joins the date next to it ("10:55 a.m. Swiss time on Tuesday").

>>> [(e.kind, e.month, e.day) for e in parse("On Oct. 5 the crew flew.", "en")]
[('date', 10, 5)]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from translit.temporal.context import Context
from translit.temporal.expr import Expr
from translit.temporal.lexer import Token, lower_text, tokenize

Rule = Callable[["Parser", int], "tuple[Expr, int] | None"]
MAX_GAP = 30


class Parser:
    """The tokens of one text and helpers that rules share."""

    def __init__(self, text: str, lang: str, *, region: str | None = None) -> None:
        self.text = text
        self.lang = lang
        self.region = region
        lowered = lower_text(text)
        self.tokens = tokenize(text, lang, lowered=lowered)
        self.count = len(self.tokens)
        self.context = Context(text, lang, lowered=lowered)
        self.lex = self.context.lex

    def tok(self, i: int) -> Token | None:
        return self.tokens[i] if 0 <= i < self.count else None

    def gap(self, i: int, j: int) -> str | None:
        """The text between tokens ``i`` and ``j``, or None if ``j`` is past the end."""
        if not (0 <= i < self.count and 0 <= j < self.count):
            return None
        return self.text[self.tokens[i].end:self.tokens[j].start]

    def near(self, i: int, j: int, *, punct: str = "", words: bool = False) -> bool:
        """Whether tokens ``i`` and ``j`` are neighbours: only space, ``punct`` and (if
        ``words``) the language's connectors ("on", "am", "в") stand between them."""
        if i < 0 or j < 0 or i >= self.count or j >= self.count:
            return False
        left, right = self.tokens[i].end, self.tokens[j].start
        if right <= left or (right == left + 1 and self.text[left] == " "):
            return True
        gap = self.text[left:right]
        if len(gap) > MAX_GAP or "\n\n" in gap:
            return False
        for char in punct:
            gap = gap.replace(char, " ")
        parts = gap.split()
        if not parts:
            return True
        connectors = self.lex.context["connectors"]
        return words and all(p.lower() in connectors for p in parts)

    def touching(self, i: int, j: int) -> bool:
        """Tokens ``i`` and ``j`` with nothing but one optional space between them."""
        if not (0 <= i < self.count and 0 <= j < self.count):
            return False
        left, right = self.tokens[i].end, self.tokens[j].start
        return right <= left or (right == left + 1 and self.text[left] in " \u00a0")

    def day_number(self, i: int) -> int | None:
        """The day (1-31) that token ``i`` writes: "5", "05", "5th"."""
        if not 0 <= i < self.count:
            return None
        token = self.tokens[i]
        value = token.value
        if value is None or not 1 <= value <= 31:
            return None
        return value if len(token.text) <= (4 if token.kind == "ordinal" else 2) else None

    def year_number(self, i: int) -> int | None:
        """The year (1000-2999) that token ``i`` writes with four digits."""
        if not 0 <= i < self.count:
            return None
        token = self.tokens[i]
        value = token.value
        if value is not None and token.kind == "num" and 1000 <= value <= 2999:
            return value
        return None

    def year_suffix(self, i: int) -> int:
        """Index after a Russian year marker ("2021 года", "2021 г.") that follows token ``i``."""
        token = self.tok(i + 1)
        if token is not None and token.meanings and self.touching(i, i + 1) and (
                "yearmark" in token.kinds or (self.lang == "ru" and _unit(token) == "Y")):
            return i + 2
        return i + 1

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Start of token ``i`` and end of token ``j - 1``."""
        return self.tokens[i].start, self.tokens[j - 1].end

    def expr(self, kind: str, i: int, j: int, **parts: object) -> tuple[Expr, int]:
        tokens = self.tokens
        return Expr(kind, tokens[i].start, tokens[j - 1].end, **parts), j  # type: ignore[arg-type]


def _unit(token: Token) -> str | None:
    meaning = token.get("unit")
    return str(meaning.value) if meaning else None


def _rules() -> tuple[tuple[Rule, frozenset[str]], ...]:
    """Every rule, in priority order, with the token kinds it can start at."""
    from translit.temporal import rules_counts, rules_dates, rules_times, rules_years

    return (
        (rules_dates.numeric_date, frozenset({"iso", "dotted", "slash"})),
        (rules_dates.weekday_and_date, frozenset({"weekday"})),
        (rules_dates.month_first, frozenset({"month"})),
        (rules_dates.day_first, frozenset({"num:day", "ordinal"})),
        (rules_dates.later_day, frozenset({"num:day", "ordinal"})),
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


_by_kinds: dict[frozenset[str], tuple[Rule, ...]] = {}


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
    from translit.temporal.rules_ranges import join_ranges

    return attach_times(join_ranges(found, parser), parser)


def parse(text: str, lang: str, *, region: str | None = None) -> list[Expr]:
    """The expressions of ``text`` in language ``lang``."""
    return run(Parser(text, lang, region=region))


def _joinable(parser: Parser, left: Expr, right: Expr) -> bool:
    """Only connectors, commas and a place ("in Baikonur") between a time and its date."""
    gap = parser.text[left.end:right.start]
    if len(gap) > MAX_GAP or "\n" in gap:
        return False
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
