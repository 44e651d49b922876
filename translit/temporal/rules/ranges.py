"""Date ranges: "Oct. 5-17", "5.–17. Oktober", "с 5 по 17 октября", "from Oct. 5 to Oct. 17".

A range is one expression: its own fields are the first day and ``until`` is the last. It
resolves to an ISO 8601 interval, ``2021-10-05/2021-10-17``. A dash between two days always
makes a range; a word ("to", "bis", "по") only where a "from" word ("from", "vom", "с") opens the
phrase and no verb of moving comes before ("postponed from Oct. 5 to Oct. 17" names two dates).
A range from a day to the same day is that day ("5 октября - 5 октября" is ``2021-10-05``).

An ISO 8601 interval in the text is read as what it is, so that normalized text normalizes to
itself: ``2021-10-05/2021-10-17`` is that range (even from a day to the same day), a range
never joins an interval ("2021-10-05/2021-10-17 - 2021-10-20/2021-10-25" stays two), and three
dates joined by slashes are no interval (each is read on its own).

>>> from translit.temporal.grammar import parse
>>> e = parse("The crew stays Oct. 5-17.", "en")[0]
>>> (e.month, e.day, e.until.month, e.until.day)
(10, 5, 10, 17)
"""

from __future__ import annotations

from datetime import date

from translit.temporal.expr import Expr
from translit.temporal.parser import MAX_GAP, Parser

DASHES = ("-", "–", "‒")  # hyphen, en dash, figure dash (an em dash is a parenthesis)


def range_gap(p: Parser, text: str) -> str | None:
    """``dash``, ``alone`` (a word that makes a range after a bare day on its own: "bis") or
    ``word`` (one that needs a "from" word: "und") if ``text`` (between two dates or days)
    joins them as a range."""
    if len(text) > MAX_GAP or "\n" in text:
        return None
    word = text.replace(".", " ").strip().lower()
    if word in DASHES:
        return "dash"
    word = " ".join(word.split())
    if word in p.lex.context["range_to_alone"]:
        return "alone"
    return "word" if word in p.lex.context["range_to"] else None


def moved(p: Parser, pos: int) -> bool:
    """Whether a verb of moving a date ("postponed", "verschoben", "перенесли") stands in the
    sentence before ``pos``: then "from X to Y" names two dates, not a range."""
    start, _ = p.context.sentence(pos)
    before = p.context.lowered_text()[start:pos]
    return any(word in before for word in p.lex.context["range_moves"])


def opens_range(p: Parser, kind: str | None, start: int, *, bare_day: bool = False) -> bool:
    """Whether a gap of ``kind`` makes a range of the expression at ``start``: a dash always,
    a word only after a "from" word (or, for ``alone`` words, after a ``bare_day``: "5. bis
    17. Oktober") and without a verb of moving before."""
    if kind == "dash":
        return True
    if kind not in ("word", "alone") or moved(p, start):
        return False
    return (bare_day and kind == "alone") or p.context.preceded_by(
        start, p.lex.context["range_from"])


def day_after(p: Parser, i: int, start: int, *, bare_day: bool = False) -> int | None:
    """The index of a second day number right after the day at token ``i`` ("5-17",
    "5.–17.", "from Oct. 5 to 17", "с 5 по 17") in the expression at ``start``, or None;
    ``bare_day``: the day at ``i`` has no month of its own ("5. bis 17. Oktober")."""
    j = i + 1
    if p.day_number(j) is None or p.year_number(j) is not None:
        return None
    kind = range_gap(p, p.gap(i, j) or "x")
    return j if opens_range(p, kind, start, bare_day=bare_day) else None


def _iso_day(p: Parser, i: int) -> bool:
    token = p.tok(i)
    return token is not None and token.kind == "iso" and len(token.text) == 10


def _slashed(p: Parser, i: int) -> bool:
    """Whether the tokens ``i`` and ``i + 1`` are ISO dates with one slash between them."""
    return _iso_day(p, i) and _iso_day(p, i + 1) and p.gap(i, i + 1) == "/"


def interval_end(p: Parser, i: int) -> int | None:
    """The token of the last day of the ISO 8601 interval whose first day is the ISO date at
    token ``i`` ("2021-10-05/2021-10-17"), or None (also for "A/B/C": no interval).

    >>> p = Parser("2021-10-05/2021-10-17 and 2021-10-05/2021-10-17/2021-10-20", "en")
    >>> [interval_end(p, i) for i in range(p.count)]
    [1, None, None, None, None]
    """
    if not _slashed(p, i) or _slashed(p, i - 1) or _slashed(p, i + 1):
        return None
    return i + 1


def until_day(p: Parser, j: int, first: Expr) -> Expr | None:
    """The last day of a range that shares the month and year of ``first``; None if that day
    does not exist or comes before the first day (the same day makes a range of one day)."""
    day = p.day_number(j)
    if day is None or first.month is None or first.day is None or day < first.day:
        return None
    try:
        date(first.year or 2000, first.month, day)
    except ValueError:
        return None
    token = p.tokens[j]
    return Expr("date", token.start, token.end, year=first.year, month=first.month, day=day)


def _plain_day(expr: Expr) -> bool:
    return (expr.kind == "date" and expr.day is not None and expr.month is not None
            and expr.until is None and expr.mod is None and not expr.unresolved
            and expr.base is None)


def join_ranges(found: list[Expr], p: Parser) -> list[Expr]:
    """Join two neighbouring full dates into one range: "Sept. 28 – Oct. 5", "from Oct. 5 to
    Oct. 17", "vom 5. Oktober bis 17. Oktober", "с 28 сентября по 5 октября"."""
    out: list[Expr] = []
    previous: Expr | None = None  # always out[-1]
    for expr in found:
        if previous is not None and expr.start - previous.end <= MAX_GAP \
                and _plain_day(previous) and _plain_day(expr):
            kind = range_gap(p, p.text[previous.end:expr.start])
            if opens_range(p, kind, previous.start):
                _share_year(previous, expr)
                previous.until, previous.end = expr, expr.end
                continue
        out.append(expr)
        previous = expr
    return out


def join_time_ranges(found: list[Expr], p: Parser) -> list[Expr]:
    """Times as one interval: "5-6 pm", "between 2 and 4 p.m. Moscow time", "from 10:00 to
    12:30", "von 9 bis 17 Uhr". The first clock takes the half of the day, zone and day of the
    last one where it names none ("2" in "between 2 and 4 p.m." is 14:00).

    >>> [(e.hour, e.until.hour) for e in join_time_ranges(
    ...     [Expr("time", 11, 15, hour=18, minute=0)], Parser("gathered 5-6 pm", "en"))]
    [(17, 18)]
    """
    out: list[Expr] = []
    for expr in found:
        previous = out[-1] if out else None
        if expr.kind != "time" or expr.until is not None:
            out.append(expr)
            continue
        if previous is not None and previous.kind == "time" and previous.until is None \
                and expr.start - previous.end <= MAX_GAP and not previous.has_date:
            kind = range_gap(p, p.text[previous.end:expr.start])
            if opens_range(p, kind, previous.start) and _before(previous, expr):
                first = _like(previous, expr, previous.hour or 0)
                first.start, first.until, first.end = previous.start, expr, expr.end
                out[-1] = first
                continue
        start = _bare_clock(p, expr)
        if start is not None:
            first_start, hour = start
            first = _like(Expr("time", first_start, first_start, hour=hour, minute=0),
                          expr, hour)
            if expr.hour is not None and hour + 12 <= expr.hour and expr.hour >= 13 \
                    and hour < 12:
                first.hour = hour + 12  # "between 2 and 4 p.m."
            if _before(first, expr):
                first.until, first.end = expr, expr.end
                out.append(first)
                continue
        out.append(expr)
    return out


def _before(first: Expr, last: Expr) -> bool:
    return ((first.hour or 0), (first.minute or 0)) < ((last.hour or 0), (last.minute or 0))


def _like(first: Expr, last: Expr, hour: int) -> Expr:
    """``first`` with the day and zone of ``last`` where it names none."""
    copy = Expr("time", first.start, first.end, hour=hour, minute=first.minute or 0,
                second=first.second, zone=first.zone or last.zone)
    for name in ("year", "month", "day", "weekday", "days", "nearest", "shift", "shift_unit"):
        setattr(copy, name, getattr(last, name))
    return copy


def _bare_clock(p: Parser, expr: Expr) -> tuple[int, int] | None:
    """(start, hour) of a bare hour that opens a range ending at the time ``expr``: "5-" or
    "between 2 and", "from 9 to"."""
    text = p.text
    head = text[max(0, expr.start - 24):expr.start]
    stripped = head.rstrip()
    words = stripped.split()
    if not words:
        return None
    if stripped[-1] in DASHES and len(head) - len(stripped) <= 1:
        number = stripped[:-1].rstrip()
        digits = number.split()[-1] if number.split() else ""
        if digits.isdigit() and len(digits) <= 2 and 1 <= int(digits) <= 24 \
                and len(number) == len(stripped) - 1:
            return expr.start - len(head) + len(number) - len(digits), int(digits)
        return None
    if len(words) >= 2 and words[-2].isdigit() and len(words[-2]) <= 2 \
            and range_gap(p, words[-1]) in ("word", "alone") and 1 <= int(words[-2]) <= 24:
        start = expr.start - len(head) + head.rfind(words[-2])
        if opens_range(p, range_gap(p, words[-1]), start):
            return start, int(words[-2])
    return None


def _share_year(first: Expr, last: Expr) -> None:
    """"from Oct. 5 to Oct. 17, 2021": the first day takes the year of the last (the one
    before if it falls later in the year)."""
    if first.year is None and last.year is not None:
        later = (first.month or 0, first.day or 0) > (last.month or 0, last.day or 0)
        first.year = last.year - 1 if later else last.year
