"""Resolve expressions against a reference date into span values (ISO 8601, times in UTC).

A value the text does not determine is not invented: without a reference date a relative
expression gets ``value`` None and an ``unresolved`` reason, and so does one that would leave
the calendar (before year 1 or after 9999: "tomorrow" of 9999-12-31).

>>> from datetime import date
>>> resolve_date(Expr("date", 0, 0, weekday=1, nearest=True), date(2021, 10, 4), 0)[0]
'2021-10-05'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import MAXYEAR, MINYEAR, date, datetime, timedelta
from typing import cast

from translit.temporal.expr import Expr
from translit.temporal.offsets import LOCAL
from translit.temporal.zones import Place, Zone, ZoneTable, localize, resolve_zone
from translit.text.spans import SpanPart, TemporalKind, TemporalSpan

PlaceFinder = Callable[[], Place | None]
NO_REFERENCE = "relative to an unknown reference date"
OUTSIDE = "outside the calendar (years 1 to 9999)"
Resolved = tuple[str | None, date | None, str | None]
_KINDS: dict[str, TemporalKind] = {"date": "date", "time": "time", "duration": "duration",
                                   "set": "set"}
"""An expression's kind as a span kind (an unknown kind is a KeyError: a bug of the grammar)."""


@dataclass(frozen=True)
class Setting:
    """What resolution needs besides the expression."""

    ref: date | None
    lang: str
    region: str | None = None
    home: Place | None = None
    zones: dict[str, Zone | None] = field(default_factory=dict, compare=False, repr=False)
    table: ZoneTable | None = field(default=None, compare=False, repr=False)  # else loaded

    def zone(self, text: str) -> Zone | None:
        """The zone ``text`` names in this document (remembered per document)."""
        if text not in self.zones:
            self.zones[text] = resolve_zone(text, lang=self.lang, region=self.region,
                                            table=self.table)
        return self.zones[text]


def _year(year: int) -> int:
    """``year`` if the calendar has it, else an OverflowError (the value is :data:`OUTSIDE`)."""
    if not MINYEAR <= year <= MAXYEAR:
        raise OverflowError(f"year {year} is out of range")
    return year


def _months(year: int, month: int, shift: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + shift
    return _year(index // 12), index % 12 + 1


def _day(value: date) -> Resolved:
    return value.isoformat(), value, None


def apply_offset(origin: date, offset: tuple[int, str]) -> Resolved:
    """The date ``count`` units from ``origin``, at the unit's granularity (unresolved if that
    leaves the calendar).

    >>> apply_offset(date(2021, 10, 4), (-2, "W"))[0], apply_offset(date(9999, 12, 1), (1, "M"))
    ('2021-09-20', (None, None, 'outside the calendar (years 1 to 9999)'))
    """
    try:
        return _apply_offset(origin, offset)
    except OverflowError:
        return None, None, OUTSIDE


def _apply_offset(origin: date, offset: tuple[int, str]) -> Resolved:
    count, unit = offset
    if unit == "D":
        return _day(origin + timedelta(days=count))
    if unit == "W":
        return _day(origin + timedelta(weeks=count))
    if unit == "M":
        year, month = _months(origin.year, origin.month, count)
        return f"{year:04d}-{month:02d}", None, None
    if unit == "Y":
        return f"{_year(origin.year + count):04d}", None, None
    if unit in ("Q", "HALF"):
        year, month = _months(origin.year, origin.month, count * (3 if unit == "Q" else 6))
        return period_value(year, "Q" if unit == "Q" else "H", month), None, None
    if unit in ("DE", "CE"):
        year = _year(origin.year + count * (10 if unit == "DE" else 100))
        return f"{year // (10 if unit == 'DE' else 100):0{3 if unit == 'DE' else 2}d}", None, None
    return None, None, "needs a reference time of day"


def period_value(year: int, letter: str, month: int) -> str:
    """The quarter ("Q") or half ("H") of ``year`` that holds ``month``.

    >>> period_value(2021, "Q", 8), period_value(2021, "H", 8)
    ('2021-Q3', '2021-H2')
    """
    size = 3 if letter == "Q" else 6
    return f"{_year(year):04d}-{letter}{(month - 1) // size + 1}"


_PERIOD_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14), "Q1": (1, 3),
                  "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12)}
"""The first and last month of each part of a year (winter runs into the next year)."""


def _period(expr: Expr, ref: date, direction: int) -> Resolved:
    """A part of a year without its year: this or last one by the tense (``shift`` -1, 0, +1
    for "last", "this", "next" summer); a weekend: its ISO week."""
    period = expr.period
    assert period is not None
    shift = expr.shift if expr.shift is not None else None
    if period == "WE":
        back = shift if shift is not None else (-1 if direction < 0 and ref.weekday() < 5
                                                else 0)
        year, week, _ = (ref + timedelta(weeks=back)).isocalendar()
        return f"{year:04d}-W{week:02d}-WE", None, None
    first, last = _PERIOD_MONTHS[period]
    now = ref.year * 12 + ref.month
    years = [ref.year - 1, ref.year, ref.year + 1]
    if shift == -1:  # the latest that has ended
        year = max(y for y in years if y * 12 + last < now)
    elif shift == 1:  # the first that has not begun
        year = min(y for y in years if y * 12 + first > now)
    elif shift == 0:  # the one that holds the reference date, else the one of its year
        holding = [y for y in years if y * 12 + first <= now <= y * 12 + last]
        year = holding[0] if holding else ref.year
    elif direction > 0:  # this one if it has not ended, else the next
        year = min(y for y in years if y * 12 + last >= now)
    elif direction < 0 or period[0] in "QH":  # the latest that has begun (a quarter of a
        # report is mostly one that has begun)
        year = max(y for y in years if y * 12 + first <= now)
    else:  # the nearest: the one that holds the reference date or whose middle is closest
        year = min(years, key=lambda y: (0 if y * 12 + first <= now <= y * 12 + last
                                         else abs(y * 12 + (first + last) / 2 - now), y))
    return f"{_year(year + (expr.year_shift or 0)):04d}-{period}", None, None


def _latest(expr: Expr, ref: date) -> Resolved:
    """The period a report is about: the quarter (or half, month, week, year) before the one
    of ``ref``, ``year_shift`` years back ("the year-ago quarter")."""
    unit = (expr.shift_unit or "").partition(":")[2]
    years = expr.year_shift or 0
    if unit in ("Q", "HALF"):
        size = 3 if unit == "Q" else 6
        year, month = _months(ref.year, ref.month, -size)
        return period_value(year + years, "Q" if unit == "Q" else "H", month), None, None
    moved = replace(expr, shift=-1, shift_unit=unit, year_shift=None)
    value, day, reason = _shifted(moved, ref)
    if value is None or not years:
        return value, day, reason
    return shift_value(value, years, "Y"), None, None


def shift_value(value: str, count: int, unit: str) -> str | None:
    """``value`` (a year, month, quarter, half, ISO week or day) ``count`` units later, at its
    own granularity; None when the unit is finer than the value ("two days" from "1998").

    >>> shift_value("1989-Q3", -1, "Y"), shift_value("1998-08-07", 2, "D")
    ('1988-Q3', '1998-08-09')
    >>> shift_value("1998", 1, "D") is None
    True
    """
    try:
        if len(value) == 10 and value[4] == "-" and value[7] == "-":
            day = date.fromisoformat(value)
            if unit in ("D", "W"):
                return apply_offset(day, (count, unit))[0]
            months = count * {"Y": 12, "HALF": 6, "Q": 3, "M": 1}.get(unit, 0)
            if not months:
                return None
            year, month = _months(day.year, day.month, months)
            last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
            return date(year, month, min(day.day, last)).isoformat()
        year = int(value[:4])
        rest = value[4:]
        if unit == "Y":
            return f"{_year(year + count):04d}{rest}"
        if rest[:2] in ("-Q", "-H") and unit in ("Q", "HALF") and len(rest) == 3:
            letter, size = rest[1], 3 if rest[1] == "Q" else 6
            if (letter == "Q") != (unit == "Q"):
                return None
            index = year * (12 // size) + int(rest[2]) - 1 + count
            return f"{_year(index // (12 // size)):04d}-{letter}{index % (12 // size) + 1}"
        if len(rest) == 3 and rest[0] == "-" and rest[1:].isdigit() and unit in ("M", "Q"):
            year, month = _months(year, int(rest[1:]), count * (3 if unit == "Q" else 1))
            return f"{year:04d}-{month:02d}"
    except (OverflowError, ValueError):
        return None
    return None


def _shifted(expr: Expr, ref: date) -> Resolved:
    shift, unit = expr.shift or 0, expr.shift_unit
    if unit == "W":
        year, week, _ = (ref + timedelta(weeks=shift)).isocalendar()
        return f"{year:04d}-W{week:02d}", None, None
    if unit == "M":
        year, month = _months(ref.year, ref.month, shift)
        return f"{year:04d}-{month:02d}", None, None
    if unit == "Y":
        return f"{_year(ref.year + shift):04d}", None, None
    if unit in ("Q", "HALF", "DE", "CE"):
        return _apply_offset(ref, (shift, unit))
    if unit == "weekday" and expr.weekday is not None:
        if shift < 0:
            return _day(ref - timedelta(days=(ref.weekday() - expr.weekday) % 7 or 7))
        if shift > 0:
            return _day(ref + timedelta(days=(expr.weekday - ref.weekday()) % 7 or 7))
        return _day(ref + timedelta(days=expr.weekday - ref.weekday()))
    if unit == "month" and expr.month is not None:
        year = ref.year
        if shift < 0 and expr.month >= ref.month:
            year -= 1
        elif shift > 0 and expr.month <= ref.month:
            year += 1
        return f"{_year(year):04d}-{expr.month:02d}", None, None
    return None, None, "cannot resolve"


def _day_of_month(day: int, ref: date, direction: int) -> Resolved:
    """Day ``day`` of the month of ``ref``, or of the one before (looking back) or after
    (forward) when that comes first in the direction; the nearer of the two without one."""
    candidates = []
    for shift in (-1, 0, 1):
        year, month = _months(ref.year, ref.month, shift)
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    fitting = [c for c in candidates if direction * (c - ref).days >= 0] or candidates
    if not fitting:
        return None, None, "no such day"
    return _day(min(fitting, key=lambda c: (abs((c - ref).days), c > ref)))


def _nearest_year(expr: Expr, ref: date, direction: int) -> int:
    """The year that puts a month (and day) nearest to ``ref``, in ``direction`` if known."""
    month, day = expr.month, expr.day
    assert month is not None
    year = ref.year
    if day is None:  # distances in months: -12 < same year's <= 11 < next year's
        same = month - ref.month
        if direction > 0:
            return year if same >= 0 else year + 1
        if direction < 0:
            return year if same <= 0 else year - 1
        if same >= 6:
            return year - 1  # 12 - same <= same, and the earlier one wins a tie
        return year + 1 if same < -6 else year
    best, best_key = year, None
    origin = ref.toordinal()
    for candidate in (year - 1, year, year + 1):
        # a year just outside the calendar counts too (and then fails in _year): its day is
        # 400 years (146097 days, one Gregorian cycle) from the same day of a year inside
        cycles = 1 if candidate < MINYEAR else -1 if candidate > MAXYEAR else 0
        try:
            distance = (date(candidate + 400 * cycles, month, day).toordinal()
                        - 146097 * cycles - origin)
        except ValueError:
            continue  # no such day in that year (February 29)
        if direction * distance < 0:
            continue
        key = (abs(distance), distance > 0)
        if best_key is None or key < best_key:
            best, best_key = candidate, key
    return best


def resolve_date(expr: Expr, ref: date | None, direction: int) -> Resolved:
    """Value, day (when the value is one day) and unresolved reason of a date expression; a date
    outside the calendar is unresolved (:data:`OUTSIDE`), never an error.

    >>> resolve_date(Expr("date", 0, 0, days=1), date(9999, 12, 31), 0)
    (None, None, 'outside the calendar (years 1 to 9999)')
    """
    try:
        return _resolve_date(expr, ref, direction)
    except OverflowError:
        return None, None, OUTSIDE


def _resolve_date(expr: Expr, ref: date | None, direction: int) -> Resolved:
    if expr.unresolved:
        return None, None, expr.unresolved
    if expr.fixed is not None:
        return expr.fixed, None, None
    if expr.part is not None:
        value, day, reason = _resolve_date(replace(expr, part=None), ref, direction)
        return (f"{value}T{expr.part}" if day is not None else value), day, reason
    if expr.base is not None and expr.offset is not None:
        base, origin, reason = resolve_date(expr.base, ref, direction)
        if origin is not None:
            return apply_offset(origin, expr.offset)
        # "a year after the third quarter of 2020": 2021-Q3, at the base's granularity
        moved = shift_value(base, *expr.offset) if base is not None else None
        return (moved, None, None) if moved else (None, None, reason or "cannot resolve")
    if ref is None and expr.needs_reference:
        return None, None, NO_REFERENCE
    if ref is not None and expr.year is None:
        if expr.shift_unit is not None and expr.shift_unit.startswith("latest:"):
            return _latest(expr, ref)
        if expr.period is not None:
            return _period(expr, ref, direction)
    if expr.period is not None and expr.year is not None:
        return f"{_year(expr.year):04d}-{expr.period}", None, None
    if ref is not None:
        if expr.days is not None:
            return _day(ref + timedelta(days=expr.days))
        if expr.offset is not None:
            return apply_offset(ref, expr.offset)
        if expr.shift is not None:
            return _shifted(expr, ref)
        if expr.weekday is not None and expr.day is None:
            forward = (expr.weekday - ref.weekday()) % 7
            back = forward - 7 if forward else 0
            if direction == 0:
                return _day(ref + timedelta(days=forward if forward <= 3 else back))
            return _day(ref + timedelta(days=forward if direction > 0 else back))
    if expr.day is not None and expr.month is None and expr.year is None and ref is not None:
        return _day_of_month(expr.day, ref, direction)  # "on the 4th."
    year = expr.year
    if year is None and expr.year_shift is not None and ref is not None:
        year = ref.year + expr.year_shift
    if year is None and expr.month is not None and ref is not None:
        year = _nearest_year(expr, ref, direction)
    if year is None:
        return None, None, NO_REFERENCE
    _year(year)
    if expr.month is None:
        return f"{year:04d}", None, None
    if expr.day is None:
        return f"{year:04d}-{expr.month:02d}", None, None
    try:
        return _day(date(year, expr.month, expr.day))
    except ValueError:
        return None, None, "no such day"


def resolve_range(expr: Expr, ref: date | None, direction: int) -> Resolved:
    """An ISO 8601 interval ``first/last`` for a range; a last day without a year takes the
    year of the first (or the next one if it would come before it). A range from a day to the
    same day is that day, unless the text wrote it as an ISO interval (tag ``interval``: it
    stays as written); one that ends before it starts is unresolved.

    >>> last = Expr("date", 0, 0, month=1, day=3)
    >>> resolve_range(Expr("date", 0, 0, month=12, day=28, until=last), date(2021, 12, 20), 0)[0]
    '2021-12-28/2022-01-03'
    >>> same = Expr("date", 0, 0, month=10, day=5)
    >>> resolve_range(Expr("date", 0, 0, month=10, day=5, until=same), date(2021, 10, 1), 0)[0]
    '2021-10-05'
    """
    assert expr.until is not None
    first, first_day, reason = resolve_date(expr, ref, direction)
    if first_day is None and first is not None and expr.day is None:  # "1985–1991"
        last, _, reason = resolve_date(expr.until, ref, direction)
        if last is None or len(last) != len(first) or last < first:
            return None, None, reason or "a range that ends before it starts"
        return f"{first}/{last}", None, None
    if first_day is None:
        return None, None, reason
    until = expr.until
    if until.year is None:
        until = replace(until, year=first_day.year)
        assert until.month is not None and until.day is not None
        if (until.month, until.day) < (first_day.month, first_day.day):
            until.year = first_day.year + 1
    last, last_day, reason = resolve_date(until, ref, direction)
    if last_day is None or last_day < first_day:
        return None, None, reason or "a range that ends before it starts"
    if last_day == first_day and "interval" not in expr.tags:
        return first, first_day, None
    return f"{first}/{last}", None, None


def _clock_text(expr: Expr) -> str:
    text = f"{expr.hour:02d}:{expr.minute or 0:02d}"
    return text + (f":{expr.second:02d}" if expr.second is not None else "")


def _zone(expr: Expr, setting: Setting, place: PlaceFinder) -> tuple[Zone | None, str | None]:
    if expr.zone is None:
        return None, None
    zone = setting.zone(expr.zone)
    if zone is None:
        return None, f"unknown zone {expr.zone!r}"
    if zone.name == LOCAL:
        found = place()
        if found is None:
            return None, "local time of a place the table does not know"
        return Zone(found.zone, expr.zone), None
    return zone, None


def resolve_time(expr: Expr, setting: Setting, direction: int, place: PlaceFinder,
                 span: TemporalSpan, day: tuple[date, str] | None = None) -> None:
    """Put the value and extra keys of a time (with or without a date and a zone) in ``span``.

    A time without a day takes ``day`` (the day of its sentence or the reference date) and
    says which in ``day_from``. A time restated with a second zone ("10:54 p.m. EDT (0254
    GMT)") reports the first; when the second gives another moment, ``disagrees`` has its value.
    """
    zone, zone_problem = _zone(expr, setting, place)
    other = expr.alternative
    if (zone is None or zone.ambiguous) and other is not None and other.zone is not None:
        # "1:55 p.m. local time (0855 GMT)": the restatement has the zone we can use
        expr = replace(expr, hour=other.hour, minute=other.minute, second=other.second,
                       zone=other.zone, alternative=None)
        zone, zone_problem = _zone(expr, setting, place)
        other = None
    clock = _clock_text(expr)
    found: date | None = None
    reason: str | None = zone_problem
    if expr.has_date:
        _, found, date_reason = resolve_date(expr, setting.ref, direction)
        if found is None:
            span["value"], span["unresolved"] = None, date_reason or "no day"
            return
    elif day is not None:
        found = day[0]
    _put_time(expr, clock, found, zone, reason, span)
    if day is not None and not expr.has_date:
        span["day_from"] = day[1]  # after the value: the keys keep their documented order
    if other is not None and found is not None and "Z" in (span["value"] or ""):
        second: TemporalSpan = {"kind": "time", "start": 0, "end": 0, "text": "", "value": None}
        other_zone, _ = _zone(other, setting, place)
        _put_time(other, _clock_text(other), found, other_zone, None, second)
        mine, theirs = span["value"] or "", second["value"] or ""
        if "Z" in theirs and mine[10:] != theirs[10:]:  # the day may roll over, not the clock
            span["disagrees"] = theirs


def _put_time(expr: Expr, clock: str, day: date | None, zone: Zone | None, reason: str | None,
              span: TemporalSpan) -> None:
    """The value, ``local``, ``zone`` and flags of a time on ``day`` (None: no day)."""
    if zone is not None and zone.ambiguous:
        span["ambiguous"], span["candidates"], span["zone"] = True, list(zone.candidates), \
            zone.text
        zone = None
    local = f"{day.isoformat()}T{clock}" if day else f"T{clock}"
    if zone is None:
        span["value"] = local
    elif day is not None:
        moment = datetime(day.year, day.month, day.day, expr.hour or 0, expr.minute or 0,
                          expr.second or 0)
        try:
            utc, flag = localize(moment, zone)
        except OverflowError:  # 9999-12-31T23:00 in New York is after the calendar in UTC
            span["value"], span["unresolved"] = None, OUTSIDE
            return
        seconds = f":{utc.second:02d}" if expr.second is not None else ""
        span["value"] = (f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}T{utc.hour:02d}:"
                         f"{utc.minute:02d}{seconds}Z")
        span["local"], span["zone"] = local, zone.name
        if flag:
            span["dst"] = flag
    elif zone.fixed:
        moment = datetime(2000, 1, 3, expr.hour or 0, expr.minute or 0, expr.second or 0)
        utc = localize(moment, zone)[0]
        seconds = ":%S" if expr.second is not None else ""
        span["value"], span["local"], span["zone"] = utc.strftime(f"T%H:%M{seconds}Z"), local, \
            zone.name
    else:
        span["value"], span["local"], span["zone"] = local, local, zone.name
        reason = reason or "no date to fix the zone's offset"
    if reason:
        span["unresolved"] = reason


def _time_range(expr: Expr, text: str, setting: Setting, direction: int, place: PlaceFinder,
                span: TemporalSpan, day: tuple[date, str] | None) -> None:
    """Two times as an ISO 8601 interval ``first/last`` (each as :func:`resolve_time` writes
    it); unresolved if either is."""
    assert expr.until is not None
    first = cast(TemporalSpan, {"kind": "time"})
    last = cast(TemporalSpan, {"kind": "time"})
    resolve_time(replace(expr, until=None), setting, direction, place, first, day)
    resolve_time(expr.until, setting, direction, place, last, day)
    if first.get("value") is None or last.get("value") is None:
        span["value"] = None
        span["unresolved"] = first.get("unresolved") or last.get("unresolved") or "no time"
        return
    span["value"] = f"{first['value']}/{last['value']}"
    if "local" in first and "local" in last:
        span["local"] = f"{first['local']}/{last['local']}"
    if "zone" in first:
        span["zone"] = first["zone"]
    if "day_from" in first:
        span["day_from"] = first["day_from"]
    if "unresolved" in first or "unresolved" in last:
        span["unresolved"] = first.get("unresolved") or last.get("unresolved") or ""


def to_span(expr: Expr, text: str, setting: Setting, direction: int,
            place: PlaceFinder = lambda: None,
            day: tuple[date, str] | None = None) -> TemporalSpan:
    """The span of ``expr`` (:class:`translit.text.spans.TemporalSpan`)."""
    # "value" comes in below, after the keys of an ambiguous zone (the JSON keeps this order),
    # and setdefault at the end makes sure it is there.
    span = cast(TemporalSpan, {"kind": _KINDS[expr.kind], "start": expr.start, "end": expr.end,
                               "text": text[expr.start:expr.end]})
    if expr.kind == "duration":
        span["value"] = expr.duration
    elif expr.kind == "set":
        span["value"] = expr.fixed
        if expr.quant:
            span["quant"] = expr.quant
        if expr.freq:
            span["freq"] = expr.freq
    elif expr.kind == "time" and expr.until is not None:
        _time_range(expr, text, setting, direction, place, span, day)
    elif expr.kind == "time":
        resolve_time(expr, setting, direction, place, span, day)
    else:
        value, _, reason = (resolve_range(expr, setting.ref, direction) if expr.until
                            else resolve_date(expr, setting.ref, direction))
        span["value"] = value
        if reason:
            span["unresolved"] = reason
    if expr.mod:
        span["mod"] = expr.mod
    if expr.ambiguous:
        span["ambiguous"] = True
    span.setdefault("value", None)
    if expr.kind in ("date", "time") and span["value"] is not None and (
            expr.needs_reference or (expr.base is not None and expr.base.needs_reference)
            or (not expr.has_date and expr.kind == "time" and "day_from" in span)):
        span["relative"] = True
    value = span["value"]
    if value is not None and (expr.kind == "set" or value.endswith("_REF")
                              or value.startswith(("PX", "PTX"))
                              or (value.isdigit() and len(value) < 4)):
        span["rewrite"] = False  # "now", "for years", "daily", "the 1990s" read as written
    if expr.until is not None and value is not None and value.count("/") == 1:
        span["parts"] = _parts(expr, text, value)
    return span


def _parts(expr: Expr, text: str, value: str) -> list[SpanPart]:
    """The two ends of a range as parts of its span: where each stands and its value.

    >>> _parts(Expr("date", 0, 17, until=Expr("date", 10, 17)), "Oct. 5 to Oct. 17",
    ...        "2021-10-05/2021-10-17")
    [{'start': 0, 'end': 6, 'value': '2021-10-05'}, {'start': 10, 'end': 17, 'value': '2021-10-17'}]
    """
    assert expr.until is not None
    first, last = value.split("/")
    head = text[expr.start:expr.until.start].rstrip(" \u00a0-–‒,")
    words = head.split()
    if len(words) > 1 and words[-1].isalpha() and words[-1].islower() and len(words[-1]) <= 5:
        head = head[:head.rfind(words[-1])].rstrip(" \u00a0-–‒,")  # "to", "bis", "по"
    return [{"start": expr.start, "end": expr.start + len(head), "value": first},
            {"start": expr.until.start, "end": expr.end, "value": last}]
