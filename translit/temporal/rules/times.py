"""Grammar rules for times of day and the zone that follows them.

10:55 a.m., 4pm, 10.55 Uhr, 14 Uhr, 18 Uhr 12, noon, в 10 часов утра, 0855 GMT; clock idioms
that count from the next hour ("halb 8", "Viertel nach drei", "в половине восьмого"); a part of the
day before or after ("abends um 8 Uhr", "at 7 in the evening", "в 8 вечера"); then "Swiss time",
"MESZ", "UTC+3", "по московскому времени".

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
        # names of their own: mypyc gives "hour" the int type of the branch above
        clock_hour: int | None = clock.value[0]
        clock_minute: int = clock.value[1]
        return (clock_hour, clock_minute, None, i + 1) if clock_hour is not None \
            else _from_hour(p, i, clock_minute)
    return _hour_word(p, i) or _military(p, i)


def _from_hour(p: Parser, i: int, minutes: int) -> tuple[int, int, int | None, int] | None:
    """A clock ``minutes`` from the hour that follows token ``i`` ("halb 8" = 7:30, "Viertel
    nach drei" = 3:15, "в половине восьмого" = 7:30), with an optional "Uhr" after the hour."""
    following = p.tok(i + 1)
    if following is None or not p.touching(i, i + 1):
        return None
    word = following.get("number") or following.get("nth")
    hour = int(word.value) if word is not None else following.number
    if hour is None or not 1 <= hour <= 12:
        return None
    total = (hour * 60 + minutes) % (24 * 60)
    end = i + 2
    after = p.tok(end)
    if after is not None and after.has("hour") and not after.has("unit") \
            and p.touching(end - 1, end):
        end += 1  # "halb 11 Uhr"
    return total // 60, total % 60, None, end


def _hour_word(p: Parser, i: int) -> tuple[int, int, int | None, int] | None:
    """14 Uhr; в 10 часов (Russian needs the preposition, else it is a duration)."""
    following = p.tok(i + 1)
    value = p.tokens[i].number
    if value is None or value > 24 or following is None or not following.has("hour") \
            or not p.touching(i, i + 1):
        return None
    if following.has("unit") and not p.context.preceded_by(
            p.tokens[i].start, p.lex.context["time_prepositions"]) and not _daypart_at(p, i + 2):
        return None  # "3 часа" is a duration, "в 3 часа", "3 часа ночи" a time
    minute = p.tok(i + 2)
    if minute is not None and minute.kind == "num" and len(minute.text) == 2 \
            and minute.number is not None and minute.number <= 59 and p.touching(i + 1, i + 2) \
            and not following.has("unit"):
        return value, minute.number, None, i + 3  # "18 Uhr 12"
    return value, 0, None, i + 2


def _daypart_at(p: Parser, j: int) -> bool:
    """Whether token ``j`` is a part of the day that touches the token before it."""
    token = p.tok(j)
    return token is not None and token.get("daypart") is not None and p.touching(j - 1, j)


def _bare_hour(p: Parser, i: int) -> tuple[int, int, int | None, int] | None:
    """A bare hour before a part of the day: "at 7 in the evening", "в 8 вечера"."""
    value = p.tokens[i].number
    if value is None or not 1 <= value <= 12 or len(p.tokens[i].text) > 2 \
            or not _daypart_at(p, i + 1):
        return None
    return value, 0, None, i + 1


def _pm_before(p: Parser, i: int) -> tuple[bool, int | None]:
    """Whether the words right before token ``i`` ("abends um", "Dienstagabend um") put the
    clock after noon, and the index of a part-of-day word the time itself starts at."""
    before = p.tok(i - 1)
    if before is None or not p.near(i - 1, i, words=True):
        return False, None
    daypart = before.get("daypart")
    if daypart is not None:
        return daypart.value == "pm", i - 1
    part = before.get("part")
    return part is not None and part.value in ("AF", "EV", "NI"), None


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
    found: tuple[int, int, int | None, int] | None
    if p.tokens[i].kind == "num":  # a number is a time only before "Uhr", a zone or "abends"
        following = p.tok(i + 1)
        if following is None or ("hour" not in following.kinds and following.kind != "zone"):
            found = _bare_hour(p, i)
            if found is None:
                return None
        else:
            found = _clock(p, i)
    else:
        found = _clock(p, i)
    if found is None:
        return None
    hour, minute, second, end = found
    pm, first = _pm_before(p, i)
    if pm and hour < 12:
        hour += 12
    daypart = p.tok(end)
    if daypart is not None and "daypart" in daypart.kinds and daypart.meanings \
            and p.touching(end - 1, end):
        meaning = daypart.get("daypart")
        assert meaning is not None
        if meaning.value == "pm" and hour < 12:
            hour += 12
        elif meaning.value == "am" and hour == 12 and p.tokens[i].get("clock") is None:
            hour = 0  # "12 Uhr nachts"
        end += 1
    zone: str | None = None
    after = p.tok(end)
    if after is not None and after.kind in ("zone", "offset") and p.near(end - 1, end, punct="("):
        meaning = after.get("zone")
        zone = str(meaning.value) if meaning is not None else after.text
        end += 1
    if hour > 23:
        return None
    return p.expr("time", i if first is None else first, end, hour=hour, minute=minute,
                  second=second, zone=zone)
