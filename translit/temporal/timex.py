"""A temporal span as TimeML sees it: the TIMEX3 ``type``, ``value`` and ``mod``, and whether
the value was computed from the reference date (``temporalFunction``).

A span's ``value`` is already in the TIMEX3 vocabulary (ISO 8601 with ``PRESENT_REF``,
``2021-Q3``, ``PXD``, ...) with one difference: a time whose zone is known is given in UTC,
while TIMEX3 writes the clock as the text does. So a time's TIMEX3 value is its ``local`` one;
a time without a day gets ``XXXX-XX-XX`` before it, as TimeML writes an unknown date. A span's
``mod`` (early, mid, late, approx, more_than, less_than) becomes TimeML's (START, MID, END,
APPROX, MORE_THAN, LESS_THAN).

>>> timex3({"kind": "time", "start": 0, "end": 5, "text": "10:55", "value": "2021-10-05T08:55Z",
...         "local": "2021-10-05T10:55", "zone": "Europe/Zurich"})
('TIME', '2021-10-05T10:55', None)
>>> timex3({"kind": "duration", "start": 0, "end": 16, "text": "almost two weeks",
...         "value": "P2W", "mod": "approx"})
('DURATION', 'P2W', 'APPROX')
>>> from_reference({"kind": "date", "start": 0, "end": 6, "text": "Oct. 5", "value": "2021-10-05"})
True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from translit.text.spans import TemporalSpan

__all__ = ["TIMEX_MODS", "TIMEX_TYPES", "UNKNOWN_VALUES", "from_reference", "timex3",
           "writes_year"]

TIMEX_TYPES = {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET"}
"""The TIMEX3 type of each temporal span kind."""

TIMEX_MODS = {"early": "START", "mid": "MID", "late": "END", "approx": "APPROX",
              "more_than": "MORE_THAN", "less_than": "LESS_THAN"}
"""The TIMEX3 ``mod`` of each span ``mod`` (any other is written in capitals)."""

UNKNOWN_VALUES = {"DATE": "XXXX-XX-XX", "TIME": "XXXX-XX-XXTXX:XX", "DURATION": "PXX",
                  "SET": "PXX"}
"""The TIMEX3 ``value`` of an unresolved expression, by type: TIMEX3 requires a value, and
TimeML (TimeBank, TempEval-3) writes each unknown digit or unit as ``X``."""

_ANCHORS = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
_DIGITS = frozenset("0123456789")


def timex3(span: TemporalSpan) -> tuple[str, str | None, str | None]:
    """The TIMEX3 ``type``, ``value`` (None when unresolved) and ``mod`` of ``span``."""
    kind = span["kind"]
    value = span["value"]
    if kind == "time":
        value = span.get("local", value)
        if value is not None and value.startswith("T"):
            value = "XXXX-XX-XX" + value
    mod = span.get("mod")
    return TIMEX_TYPES[kind], value, None if mod is None else TIMEX_MODS.get(mod, mod.upper())


def _numbers(text: str) -> list[tuple[int, str]]:
    """The runs of ASCII digits in ``text``: (where each starts, the digits)."""
    found: list[tuple[int, str]] = []
    start = -1
    for index, char in enumerate(text + " "):
        if char in _DIGITS:
            if start < 0:
                start = index
        elif start >= 0:
            found.append((start, text[start:index]))
            start = -1
    return found


def writes_year(text: str, years: frozenset[str] = frozenset()) -> bool:
    """Whether ``text`` writes one of ``years`` (four digits each) itself: as four digits, or as
    two after an apostrophe ("'21") or at the end of a date of numbers ("5/10/21"). With no
    ``years``, whether it writes any four-digit number.

    >>> year = frozenset({"2021"})
    >>> writes_year("Oct. 5, 2021", year), writes_year("Oct. 21", year)
    (True, False)
    >>> writes_year("5/10/21", year), writes_year("in '21", year)
    (True, True)
    """
    numbers = _numbers(text)
    for position, (start, digits) in enumerate(numbers):
        if len(digits) == 4 and (digits in years or not years):
            return True
        if len(digits) == 2 and any(year[2:] == digits for year in years):
            before = text[start - 1:start]
            if before in ("'", "\u2019") or (position >= 2 and position == len(numbers) - 1
                                               and before in ("/", ".", "-")):
                return True
    return False


def _years(value: str | None) -> frozenset[str]:
    """The four-digit years ``value`` (an ISO 8601 date, time or interval) starts its parts with."""
    if value is None:
        return frozenset()
    return frozenset(part[:4] for part in value.split("/")
                     if len(part) >= 4 and all(char in _DIGITS for char in part[:4]))


def from_reference(span: TemporalSpan) -> bool:
    """Whether the TIMEX3 value of ``span`` is computed from the reference date (TimeML's
    ``temporalFunction``): a date or time whose text writes no year of its value ("Oct. 5",
    "yesterday", "this week", ``PRESENT_REF``); never a duration or set, nor a time without a
    day (``XXXX-XX-XXT10:55``). A decade or century (``199``, ``20``) counts when its text writes
    no number, and an unresolved date or time when its text writes no year.
    A span's own ``relative`` key, when the resolver gives one, decides instead.

    >>> from_reference({"kind": "date", "start": 0, "end": 12, "text": "Oct. 5, 2021",
    ...                 "value": "2021-10-05"})
    False
    """
    given = cast(Mapping[str, object], span).get("relative")
    if isinstance(given, bool):
        return given
    kind, value, _ = timex3(span)
    if kind not in ("DATE", "TIME"):
        return False
    if value is None:
        return not writes_year(span["text"])
    if value in _ANCHORS:
        return True
    if value[:1] in _DIGITS and not _years(value):
        return not _numbers(span["text"])  # a decade or century: "the 1990s", "the last decade"
    years = _years(value) | _years(span["value"])
    return bool(years) and not writes_year(span["text"], years)
