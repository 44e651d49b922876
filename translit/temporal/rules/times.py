"""Grammar rules for times of day and the zone that follows them.

10:55 a.m., 4pm, 10.55 Uhr, 14 Uhr, noon, в 10 часов утра, 0855 GMT; then "Swiss time", "MESZ",
"UTC+3", "по московскому времени".

>>> from translit.temporal.grammar import parse
>>> e = parse("at 10:55 a.m. Swiss time", "en")[0]
>>> (e.hour, e.minute, e.zone)
(10, 55, 'swiss time')
"""

from __future__ import annotations

from translit.schemes.languages import day_half
from translit.temporal.expr import Expr
from translit.temporal.parser import Parser

Result = tuple[Expr, int] | None


def _digits(text: str) -> str:
    """The clock as written without what follows its last digit (a.m., p.m., a point)."""
    end = len(text)
    while end and not text[end - 1].isdigit():
        end -= 1
    return text[:end]


def _adjust(hour: int, half: str | None) -> int | None:
    if half is None:
        return hour if 0 <= hour <= 24 else None
    if not 1 <= hour <= 12:
        return None
    if half == "pm":
        return hour % 12 + 12
    return hour % 12


def _clock(p: Parser, i: int) -> tuple[int, int, int | None, int] | None:
    """Hour, minute, second and the index after the clock at token ``i``."""
    token = p.tokens[i]
    text = token.text
    if token.kind == "hhmm":
        digits = _digits(text)
        separator = ":" if ":" in digits else "."
        pieces = digits.split(separator)
        hour, minute = int(pieces[0]), int(pieces[1])
        second = int(pieces[2]) if len(pieces) > 2 else None
        half = day_half(text, p.lang) if text != digits else None
        following = p.tok(i + 1)
        hour_word = following is not None and "hour" in following.kinds \
            and bool(following.meanings) and p.touching(i, i + 1)
        if separator == "." and half is None and not hour_word and not p.context.preceded_by(
                token.start, p.lex.context["time_prepositions"]):
            return None
        adjusted = _adjust(hour, half)
        if adjusted is None or minute > 59 or (second is not None and second > 59):
            return None
        return adjusted, minute, second, i + 2 if hour_word else i + 1
    if token.kind == "hampm":
        adjusted = _adjust(int(_digits(text)), day_half(text, p.lang))
        return (adjusted, 0, None, i + 1) if adjusted is not None else None
    clock = token.get("clock")
    if clock is not None:
        hour, minute = clock.value
        return hour, minute, None, i + 1
    return _hour_word(p, i) or _military(p, i)


def _hour_word(p: Parser, i: int) -> tuple[int, int, int | None, int] | None:
    """14 Uhr; в 10 часов (Russian needs the preposition, else it is a duration)."""
    following = p.tok(i + 1)
    value = p.tokens[i].number
    if value is None or value > 24 or following is None or not following.has("hour") \
            or not p.touching(i, i + 1):
        return None
    if following.has("unit") and not p.context.preceded_by(
            p.tokens[i].start, p.lex.context["time_prepositions"]):
        return None
    return value, 0, None, i + 2


def _military(p: Parser, i: int) -> tuple[int, int, int | None, int] | None:
    """0855 GMT: four digits right before a zone abbreviation."""
    token = p.tokens[i]
    following = p.tok(i + 1)
    if (len(token.text) != 4 or not token.text.isdigit() or following is None
            or following.kind != "zone" or not p.touching(i, i + 1)):
        return None
    hour, minute = int(token.text[:2]), int(token.text[2:])
    return (hour, minute, None, i + 1) if hour <= 23 and minute <= 59 else None


def time_of_day(p: Parser, i: int) -> Result:
    """A time, with an optional part of day ("утра", "abends") and zone after it."""
    if p.tokens[i].kind == "num":  # a number is a time only before "Uhr" or a zone
        following = p.tok(i + 1)
        if following is None or ("hour" not in following.kinds and following.kind != "zone"):
            return None
    found = _clock(p, i)
    if found is None:
        return None
    hour, minute, second, end = found
    daypart = p.tok(end)
    if daypart is not None and "daypart" in daypart.kinds and daypart.meanings \
            and p.touching(end - 1, end):
        meaning = daypart.get("daypart")
        assert meaning is not None
        if meaning.value == "pm" and hour < 12:
            hour += 12
        end += 1
    zone: str | None = None
    after = p.tok(end)
    if after is not None and after.kind in ("zone", "offset") and p.near(end - 1, end, punct="("):
        meaning = after.get("zone")
        zone = str(meaning.value) if meaning is not None else after.text
        end += 1
    if hour > 23:
        return None
    return p.expr("time", i, end, hour=hour, minute=minute, second=second, zone=zone)
