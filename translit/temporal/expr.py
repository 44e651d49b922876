"""What the grammar understood of one expression, before it is resolved against a date.

>>> Expr("date", 0, 6, month=10, day=5).needs_reference
True
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Expr:
    """One date, time or duration expression found in the text (``start``/``end`` offsets).

    Absolute parts (``year``, ``month``, ``day``) are what the text says. Relative parts say how
    to get the rest from the reference date: ``days`` (yesterday = -1), ``shift`` of a
    ``shift_unit`` (W, M, Y, weekday, month: "last week"), ``year_shift`` ("September last
    year"), ``offset`` (count, unit: "two weeks ago" = (-2, "W")), ``nearest`` (a month or weekday
    without a year: "in June"). ``alternative`` is the same moment restated in parentheses
    ("1:55 p.m. local time (0855 GMT)"), used when the first zone is unknown. ``until`` is the
    end of a range ("Oct. 5-17", "from Oct. 5 to Oct. 17"); the expression itself is its start.
    """

    kind: str
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    days: int | None = None
    shift: int | None = None
    shift_unit: str | None = None
    year_shift: int | None = None
    offset: tuple[int, str] | None = None
    nearest: bool = False
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    zone: str | None = None
    duration: str | None = None
    mod: str | None = None
    ambiguous: bool = False
    unresolved: str | None = None
    base: Expr | None = None
    until: Expr | None = None
    alternative: Expr | None = None
    tags: dict[str, str] = field(default_factory=dict)

    @property
    def has_time(self) -> bool:
        return self.hour is not None

    @property
    def has_date(self) -> bool:
        """Whether a day can be named (an absolute date, a weekday or a relative day)."""
        return (self.day is not None or self.weekday is not None or self.days is not None
                or self.base is not None
                or (self.offset is not None and self.offset[1] in ("D", "W")))

    @property
    def needs_reference(self) -> bool:
        """Whether the value depends on the reference date."""
        if self.base is not None:
            return self.base.needs_reference
        return (self.year is None and (self.month is not None or self.weekday is not None
                                       or self.days is not None or self.shift is not None
                                       or self.offset is not None or self.year_shift is not None))
