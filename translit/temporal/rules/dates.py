"""Grammar rules for dates: numeric forms, month names, weekdays, relative and vague dates.

Each rule takes the parser and a token index and returns ``(Expr, next index)`` or None.

>>> from translit.temporal.grammar import parse
>>> e = parse("the 3rd of May", "en")[0]
>>> (e.month, e.day, e.nearest)
(5, 3, False)
"""

from __future__ import annotations

from datetime import date

from translit.temporal.expr import Expr
from translit.temporal.parser import Parser
from translit.temporal.rules import ranges
from translit.temporal.words import Lexicon

Result = tuple[Expr, int] | None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _century(value: str) -> int:
    year = int(value)
    if len(value) == 2:
        year += 2000 if year < 70 else 1900
    return year


def numeric_date(p: Parser, i: int) -> Result:
    """2021-10-04 (with an optional time and offset), 2021-10-05/2021-10-17 (an ISO 8601
    interval, see :mod:`translit.temporal.rules.ranges`), 04.10.2021, 10/4/2021."""
    token = p.tokens[i]
    if token.kind == "iso":
        text = token.text
        year, month, day = int(text[:4]), int(text[5:7]), int(text[8:10])
        if not _valid(year, month, day):
            return None
        last = ranges.interval_end(p, i)
        if last is not None:
            until = numeric_date(p, last)
            if until is not None:
                expr, end = p.expr("date", i, last + 1, year=year, month=month, day=day,
                                   tags={"interval": "iso"})
                expr.until = until[0]
                return expr, end
        parts: dict[str, object] = {"year": year, "month": month, "day": day}
        if len(text) > 10:
            parts.update(hour=int(text[11:13]), minute=int(text[14:16]))
            rest = text[16:]
            if rest.startswith(":"):
                parts["second"], rest = int(rest[1:3]), rest[3:]
            if rest:
                parts["zone"] = "UTC" if rest == "Z" else "UTC" + rest
        return p.expr("time" if "hour" in parts else "date", i, i + 1, **parts)
    if token.kind == "dotted":
        day_text, month_text, year_text = token.text.split(".")
        year, month, day = _century(year_text), int(month_text), int(day_text)
        return p.expr("date", i, i + 1, year=year, month=month, day=day) \
            if _valid(year, month, day) else None
    if token.kind == "compact":  # 20161016
        text = token.text
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:])
        if not _valid(year, month, day) or p.text[token.start - 1:token.start] in ("#", "-"):
            return None
        return p.expr("date", i, i + 1, year=year, month=month, day=day)
    if token.kind == "daymonth":  # "am 28.10." (a time "um 10.12." after a time preposition)
        first_text, second_text, _ = token.text.split(".")
        first, second = int(first_text), int(second_text)
        clock = p.context.preceded_by(token.start, p.lex.context["time_prepositions"])
        if p.lang == "en" or clock:
            if first > 23 or second > 59 or not clock:
                return None
            return p.expr("time", i, i + 1, hour=first, minute=second)
        return p.expr("date", i, i + 1, month=second, day=first, nearest=True) \
            if _valid(2000, second, first) else None
    if token.kind == "monthday":  # "on 11/20": only after a date preposition
        if not p.context.preceded_by(token.start, p.lex.context["month_prepositions"]
                                     + p.lex.context["connectors"]):
            return None
        first_text, second_text = token.text.split("/")
        first, second = int(first_text), int(second_text)
        if not (_valid(2000, first, second) or _valid(2000, second, first)):
            return None
        expr, end = p.expr("date", i, i + 1, nearest=True, tags={"slash": f"{first}/{second}"})
        return decide_slash(expr, p.lex, p.region), end
    if token.kind == "slash":
        first_text, second_text, year_text = token.text.split("/")
        first, second, year = int(first_text), int(second_text), _century(year_text)
        if not (_valid(year, first, second) or _valid(year, second, first)):
            return None
        expr, end = p.expr("date", i, i + 1, year=year, tags={"slash": f"{first}/{second}"})
        return decide_slash(expr, p.lex, p.region), end
    return None


def decide_slash(expr: Expr, lex: Lexicon, region: str | None) -> Expr:
    """Day and month of a slash date (``expr.tags["slash"]`` is "first/second"): by the
    language's order, else the region's (``month_first_regions`` or day first), else flagged
    ambiguous unless one number is above 12 or both are equal. Changes ``expr`` in place.

    >>> from translit.temporal.words import get_lexicon
    >>> e = Expr("date", 0, 8, year=2021, tags={"slash": "10/4"})
    >>> e = decide_slash(e, get_lexicon("en"), "GB")
    >>> (e.month, e.day, e.ambiguous)
    (4, 10, False)
    """
    first, second = (int(n) for n in expr.tags["slash"].split("/"))
    if lex.day_first or region is not None:
        day_first, decided = lex.day_first or region not in lex.month_first_regions, True
    else:
        day_first, decided = False, first == second
    if first > 12 >= second:
        day_first, decided = True, True
    elif second > 12 >= first:
        day_first, decided = False, True
    expr.day, expr.month = (first, second) if day_first else (second, first)
    expr.ambiguous = not decided
    return expr


def _month(p: Parser, i: int) -> int | None:
    if not 0 <= i < p.count or "month" not in p.tokens[i].kinds:
        return None
    meaning = p.tokens[i].get("month")
    return int(meaning.value) if meaning else None


def _spelled_day(p: Parser, j: int) -> tuple[int, int] | None:
    """A day written in words at token ``j`` ("five", "twenty nine", "twenty-nine") and the
    index after it."""
    token = p.tok(j)
    meaning = token.get("number") if token is not None else None
    if meaning is None:
        return None
    value = int(meaning.value)
    following = p.tok(j + 1)
    unit = following.get("number") if following is not None else None
    if value in (20, 30) and unit is not None and 1 <= int(unit.value) <= 9 \
            and p.gap(j, j + 1) in (" ", "-"):
        return value + int(unit.value), j + 2
    return (value, j + 1) if 1 <= value <= 31 else None


def _year_after(p: Parser, i: int, j: int) -> tuple[int | None, int]:
    """A year at token ``j`` (after token ``i``, a comma allowed) and the index after it."""
    year = p.year_number(j)
    if year is not None and p.near(i, j, punct=","):
        return year, p.year_suffix(j)
    return None, j


def _shifted_year(p: Parser, i: int) -> int | None:
    """"last year" / "letzten Jahres" / "прошлого года" starting at token ``i``."""
    token, unit = p.tok(i), p.tok(i + 1)
    if token and unit and token.has("shift") and unit.get("unit") and p.touching(i, i + 1):
        meaning, unit_meaning = token.get("shift"), unit.get("unit")
        if meaning and unit_meaning and unit_meaning.value == "Y" and not unit_meaning.plural:
            return int(meaning.value)
    return None


def month_first(p: Parser, i: int) -> Result:
    """Oct. 5; October 5, 2021; January 1st, 2020; October 2021; September last year; in June."""
    month = _month(p, i)
    if month is None:
        return None
    token = p.tokens[i]
    day = p.day_number(i + 1)
    spelled = _spelled_day(p, i + 1) if day is None and p.touching(i, i + 1) else None
    if spelled is not None:  # "May twenty nine"
        value, after = spelled
        if not _valid(2000, month, value):
            return None
        year, end = _year_after(p, after - 1, after)
        return p.expr("date", i, end, year=year, month=month, day=value)
    if day is not None and p.near(i, i + 1, punct=".") and not p.year_number(i + 1):
        last = ranges.day_after(p, i + 1, token.start) or i + 1  # "Oct. 5-17"
        year, end = _year_after(p, last, last + 1)
        if year is not None and not _valid(year, month, day):
            return None
        expr, end = p.expr("date", i, end, year=year, month=month, day=day)
        if last > i + 1:
            expr.until = ranges.until_day(p, last, expr)
            if expr.until is None:
                return p.expr("date", i, i + 2, month=month, day=day)
        return expr, end
    year, end = _year_after(p, i, i + 1)
    if year is not None:
        return p.expr("date", i, end, year=year, month=month)
    shift = _shifted_year(p, i + 1) if p.near(i, i + 1) else None
    if shift is not None:
        return p.expr("date", i, i + 3, month=month, year_shift=shift)
    meaning = token.get("month")
    if meaning and not meaning.abbr and p.context.preceded_by(
            token.start, p.lex.context["month_prepositions"]):
        return p.expr("date", i, i + 1, month=month, nearest=True)
    return None


def day_first(p: Parser, i: int) -> Result:
    """5 October 2021; 5. Oktober; the 3rd of May; 5 октября 2021 года."""
    day = p.day_number(i)
    if day is None or not (_month(p, i + 1) or _month(p, i + 2)):
        return None  # the month follows the day or a range's last day
    start = p.tokens[i].start
    if start >= 5 and p.text[start - 1] == "-" and p.text[start - 5:start - 1].isdigit():
        return None  # the month of an ISO "2021-06", not a day of the month after it
    last = ranges.day_after(p, i, start, bare_day=True) if _month(p, i + 1) is None \
        else None  # "5.–17. Oktober", "5. bis 17. Oktober"
    if last is None and _month(p, i + 1) is None:
        return _paired_day(p, i, day)
    at = last if last is not None else i
    if last is None and p.gap(i, i + 1) == "-" and p.gap(i + 1, i + 2) == "-":
        month, year = _month(p, i + 1), p.year_number(i + 2)  # 05-aug-2016
        if month is None or year is None or not _valid(year, month, day):
            return None
        return p.expr("date", i, i + 3, year=year, month=month, day=day)
    found = _month_of_day(p, at, day)
    if found is None:
        return None
    month, year, end = found
    expr, end = p.expr("date", i, max(end, at + 2), year=year, month=month, day=day)
    if last is not None:
        expr.until = ranges.until_day(p, last, expr)
        if expr.until is None:
            return None
    return expr, end


def _month_of_day(p: Parser, at: int, day: int) -> tuple[int, int | None, int] | None:
    """(month, year or None, the index after them) of the month right after the day token
    ``at`` ("5. Oktober 2021"), if ``day`` exists in that month."""
    month = _month(p, at + 1)
    if month is None or not p.near(at, at + 1, punct=".", words=True):
        return None
    year, end = _year_after(p, at + 1, at + 2)
    if not _valid(year or 2000, month, day):
        return None
    return month, year, end


def _paired_day(p: Parser, i: int, day: int) -> Result:
    """The first of two days that share the month after the second: "am 5. und 17.
    Oktober", "on 5 and 17 October" (two dates; the second is read on its own)."""
    j = i + 1
    if p.year_number(j) is not None or ranges.range_gap(p, p.gap(i, j) or "x") != "word" \
            or ranges.opens_range(p, "word", p.tokens[i].start):
        return None
    found = _month_of_day(p, j, day)
    if found is None:
        return None
    month, year, _ = found
    expr, end = p.expr("date", i, j, year=year, month=month, day=day)
    if p.lang == "de" and p.text.startswith(".", expr.end):
        expr.end += 1  # the German ordinal's point: "am 5. und 17. Oktober"
    return expr, end


def bare_ordinal_day(p: Parser, i: int) -> Result:
    """"on the 4th.", "by the 21st,": a day of the nearest month (only before a clause's end,
    so "the 4th time" and "the 4th Infantry" stay counts)."""
    token = p.tokens[i]
    if token.kind != "ordinal" or p.day_number(i) is None or not p.context.preceded_by(
            token.start, p.lex.context["ordinal_day_before"]):
        return None
    if p.text[token.end:token.end + 1] not in ("", "\n", ",", ";", ".", "!", "?", ")"):
        return None
    return p.expr("date", i, i + 1, day=p.day_number(i), unresolved=None, tags={"bare": "1"},
                  nearest=True)


def later_day(p: Parser, i: int) -> Result:
    """The second of two days after one month, at the end of a clause: "on Aug. 23 and 24.",
    "October 5 and 17," (not "Oct. 5 and 17 other days")."""
    day = p.day_number(i)
    if day is None or i < 2 or p.year_number(i) is not None:
        return None
    first, month = p.day_number(i - 1), _month(p, i - 2)
    if first is None or month is None or first >= day or not p.near(i - 2, i - 1, punct="."):
        return None
    if ranges.range_gap(p, p.gap(i - 1, i) or "x") != "word" \
            or ranges.opens_range(p, "word", p.tokens[i - 2].start):
        return None
    end = p.tokens[i].end
    if p.text[end:end + 1] not in ("", "\n", ",", ";", ":", ".", "!", "?", ")"):
        return None
    year, after = _year_after(p, i, i + 1)
    if not _valid(year or 2000, month, day):
        return None
    return p.expr("date", i, max(after, i + 1), year=year, month=month, day=day)


def weekday_and_date(p: Parser, i: int) -> Result:
    """Tuesday, Oct. 5; Tuesday 5th October; Dienstag, den 5. Oktober; вторник, 5 октября."""
    token = p.tokens[i]
    if token.get("weekday") is None or not p.near(i, i + 1, punct=",", words=True):
        return None
    for rule in (month_first, day_first, numeric_date):
        found = rule(p, i + 1)
        if found is not None and found[0].day is not None:
            expr, end = found
            expr.start = token.start
            expr.weekday = None
            return expr, end
    return None


def weekday(p: Parser, i: int) -> Result:
    """(on) Tuesday: the nearest Tuesday, looking forward or back by the tense; Friday
    afternoon, Dienstagabend, в среду вечером: with its part of the day."""
    meaning = p.tokens[i].get("weekday")
    if meaning is None or meaning.abbr or p.context.preceded_by(
            p.tokens[i].start, p.lex.context["not_a_day"]):
        return None
    return with_part(p, i, *p.expr("date", i, i + 1, weekday=int(meaning.value), nearest=True))


def relative_day(p: Parser, i: int) -> Result:
    """today, yesterday, vorgestern, послезавтра; tonight, yesterday morning, gestern Abend,
    вчера вечером: with the part of the day."""
    meaning = p.tokens[i].get("day")
    return with_part(p, i, *p.expr("date", i, i + 1, days=int(meaning.value))) \
        if meaning else None


def with_part(p: Parser, i: int, expr: Expr, end: int) -> tuple[Expr, int]:
    """``expr`` (ending at token ``end - 1``) with the part of the day that token ``i`` itself
    names ("tonight", "Dienstagabend") or that follows it ("Friday afternoon")."""
    own = p.tokens[i].get("part")
    if own is not None:
        expr.part = str(own.value)
        return expr, end
    following = p.tok(end)
    part = following.get("part") if following is not None else None
    if part is not None and p.touching(end - 1, end):
        expr.part, expr.end = str(part.value), following.end  # type: ignore[union-attr]
        return expr, end + 1
    return expr, end


def shifted(p: Parser, i: int) -> Result:
    """last week, this year, next Tuesday, last September, im kommenden Jahr, в прошлом году."""
    meaning = p.tokens[i].get("shift")
    following = p.tok(i + 1)
    if meaning is None or following is None or not p.touching(i, i + 1):
        return None
    shift = int(meaning.value)
    unit = following.get("unit")
    if unit is not None and unit.value in ("W", "M", "Y") and not unit.plural:
        expr, end = p.expr("date", i, i + 2, shift=shift, shift_unit=str(unit.value))
        article = p.context.word_before(expr.start, p.lex.context["shift_articles"])
        if article is not None:
            expr.start = article  # "in the coming year" → "in 2022", not "in the 2022"
        return expr, end
    if unit is not None and unit.value in ("Q", "HALF", "DE", "CE") and not unit.plural:
        return p.expr("date", i, i + 2, shift=shift, shift_unit=str(unit.value))
    period = following.get("period")
    if period is not None:
        return p.expr("date", i, i + 2, shift=shift, period=str(period.value))
    part = following.get("part")
    if part is not None and shift == 0:  # "this morning"
        return p.expr("date", i, i + 2, days=0, part=str(part.value))
    day = following.get("weekday")
    if day is not None and not day.abbr:
        return with_part(p, i + 1, *p.expr("date", i, i + 2, shift=shift, shift_unit="weekday",
                                              weekday=int(day.value)))
    month = following.get("month")
    if month is not None and not month.abbr:
        return p.expr("date", i, i + 2, shift=shift, shift_unit="month", month=int(month.value))
    return None


def vague(p: Parser, i: int) -> Result:
    """early 2020, mid-May, late May, Anfang 2020, Ende Mai, в конце мая, the end of the year."""
    meaning = p.tokens[i].get("vague")
    if meaning is None or not p.near(i, i + 1, punct="-", words=True):
        return None
    mod = str(meaning.value)
    year = p.year_number(i + 1)
    if year is not None:
        return p.expr("date", i, p.year_suffix(i + 1), year=year, mod=mod)
    inner = month_first(p, i + 1) or shifted(p, i + 1)
    if inner is None:
        month = _month(p, i + 1)
        if month is not None:
            inner = p.expr("date", i + 1, i + 2, month=month, nearest=True)
    if inner is not None and inner[0].day is None and inner[0].shift_unit not in ("weekday",):
        expr, end = inner
        expr.start, expr.mod = p.tokens[i].start, mod
        return expr, end
    unit = p.tokens[i + 1].get("unit") if p.tok(i + 1) else None
    if unit is not None and unit.value in ("M", "Y") and not unit.plural:
        return p.expr("date", i, i + 2, shift=0, shift_unit=str(unit.value), mod=mod)
    return None


def anchored(p: Parser, i: int) -> Result:
    """the next day, am Tag darauf, накануне: anchored on an event, so unresolved."""
    meaning = p.tokens[i].get("anchored")
    if meaning is None:
        return None
    return p.expr("date", i, i + 1, unresolved="anchored on an event, not on the dateline",
                  offset=meaning.value)
