"""Values that come from an earlier expression of the same text rather than from the
reference date: the period a report is about, "a year ago" of a quarter, "two days later".

News reports of results name a quarter once and then say "the quarter", "a year earlier" or
"the year-ago quarter"; TimeML values these from the quarter named last ("1989-Q3" then
"1988-Q3"). A span anchored on an event ("two days later", "the next day") takes the date named
last before it, within :data:`WINDOW` characters and the same paragraph, and keeps it under
``anchor`` (with ``anchor_start``, where that date stands).

>>> from translit.temporal.finder import find_dates
>>> text = "Profit rose in the third quarter. A year earlier, it fell."
>>> [s["value"] for s in find_dates(text, ref="1989-10-25", lang="en")]
['1989-Q3', '1988-Q3']
>>> spans = find_dates("The crew landed on Oct. 17. Two days later, it flew home.",
...                    ref="2021-10-04", lang="en")
>>> spans[1]["value"], spans[1]["anchor"], spans[1]["anchor_start"]
('2021-10-19', '2021-10-17', 19)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from translit.temporal.expr import Expr
from translit.temporal.resolve import shift_value
from translit.temporal.rules.counts import ANCHORED
from translit.text.spans import TemporalSpan

WINDOW = 600
"""How far back (characters) an anchored span looks for its date."""
PERIOD_WINDOW = 1500
"""How far back "a year ago" looks for a quarter to be the year-ago one of."""
_DEFINITE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?|-Q\d|-H\d|-W\d\d)?")
_PERIOD = re.compile(r"\d{4}-[QH]\d")


def anchor_spans(exprs: Sequence[Expr], spans: list[TemporalSpan], text: str,
                 ref: date | None = None) -> None:
    """Give the spans of ``exprs`` (the same order) the values their earlier neighbours decide;
    changes ``spans`` in place. "A year earlier" (a month, a year) with no date before it counts
    from the quarter named last, else from the reference date ``ref`` (``anchor`` is then that
    date)."""
    if not any(_needs_anchor(expr) for expr in exprs):
        return  # most texts: nothing to anchor, no pass over the spans
    last_date: TemporalSpan | None = None
    last_period: TemporalSpan | None = None
    for expr, span in zip(exprs, spans, strict=True):
        if span["kind"] != "date":
            continue
        latest = expr.shift_unit is not None and expr.shift_unit.startswith("latest:")
        if latest and last_period is not None:
            span["value"] = shift_value(last_period["value"] or "", expr.year_shift or 0, "Y")
        elif expr.unresolved == ANCHORED and expr.offset is not None:
            _anchor(span, expr.offset, last_date, text)
            if "anchor" not in span and expr.offset[1] == "Y" and last_period is not None:
                _anchor(span, expr.offset, last_period, text, window=len(text))
            if "anchor" not in span and ref is not None and expr.offset[1] in ("Y", "M"):
                # "a year earlier" in a report compares with the year before it; "the next
                # day" after an event stays unresolved
                unit = expr.offset[1]
                found = shift_value(ref.isoformat()[:4 if unit == "Y" else 7], *expr.offset)
                if found is not None:
                    span["value"], span["anchor"], span["relative"] = found, ref.isoformat(), True
                    span.pop("unresolved", None)
        elif _year_back(expr) and last_period is not None \
                and span["start"] - last_period["end"] <= PERIOD_WINDOW:
            assert expr.offset is not None
            found = shift_value(last_period["value"] or "", expr.offset[0], "Y")
            if found is not None:
                span["value"] = found
        value = span["value"]
        if value is not None and _DEFINITE.fullmatch(value) and "anchor" not in span and (
                not _PERIOD.fullmatch(value) or _ended(value, ref)):
            last_date = span  # a quarter or half still to come anchors nothing
            if (expr.period is not None or latest) and not expr.year_shift \
                    and _PERIOD.fullmatch(value) and _ended(value, ref):
                last_period = span  # not "the year-ago quarter", not "a weaker first half"
                # ahead: the period a report is about has ended


def _needs_anchor(expr: Expr) -> bool:
    """Whether ``expr`` may take its value from an earlier one."""
    return (expr.unresolved == ANCHORED or _year_back(expr)
            or (expr.shift_unit is not None and expr.shift_unit.startswith("latest:")))


def _ended(value: str, ref: date | None) -> bool:
    """Whether the quarter or half ``value`` ("2022-Q4") ended before the month of ``ref``.

    >>> _ended("2022-Q4", date(2023, 3, 3)), _ended("2023-H1", date(2023, 3, 3))
    (True, False)
    """
    if ref is None:
        return True
    last = int(value[6]) * (3 if value[5] == "Q" else 6)
    return (int(value[:4]), last) < (ref.year, ref.month)


def _year_back(expr: Expr) -> bool:
    """"a year ago", "year-earlier": whole years before the reference date."""
    return (expr.offset is not None and expr.offset[1] == "Y" and expr.offset[0] < 0
            and expr.base is None)


def _anchor(span: TemporalSpan, offset: tuple[int, str], anchor: TemporalSpan | None,
            text: str, window: int = WINDOW) -> None:
    if anchor is None or span["start"] - anchor["end"] > window or (
            window == WINDOW and "\n\n" in text[anchor["end"]:span["start"]]):
        return
    found = shift_value(anchor["value"] or "", *offset)
    if found is None:
        return
    span["value"], span["anchor"], span["anchor_start"] = found, anchor["value"] or "", \
        anchor["start"]
    span.pop("unresolved", None)
