"""ISO 8601 / TimeML duration values from a count and a unit (shared by the rules for counted
units and for vague durations).

>>> duration_value(2, "W"), duration_value(30, "MIN"), duration_value(1, "HALF")
('P2W', 'PT30M', 'P6M')
"""

from __future__ import annotations

__all__ = ["TIMEML_UNITS", "duration_value"]

TIMEML_UNITS = {"DE": "E", "CE": "C"}
"""Decades and centuries in TimeML 1.2.1 (the TempEval-3 corpora): ``P2E``, ``PXC``."""


def duration_value(count: float, unit: str) -> str:
    """ISO 8601 duration: ``P2W``, ``P12D``, ``PT3H``, ``PT30M``; TimeML's quarters, decades and
    centuries as TimeML 1.2.1 and TimeBank write them (``P1Q``, ``P2E``, ``P1C``); a half-year is
    six months; a half of a year, day or hour is written in the next unit (``P2Y6M``,
    ``PT5H30M``), of others as a decimal.

    >>> duration_value(2, "W"), duration_value(30, "MIN"), duration_value(1, "HALF")
    ('P2W', 'PT30M', 'P6M')
    >>> duration_value(5.5, "H"), duration_value(2.5, "Y"), duration_value(1.5, "W")
    ('PT5H30M', 'P2Y6M', 'P1.5W')
    """
    if count != int(count):
        whole = int(count)
        smaller = {"Y": "6M", "D": "T12H", "H": "30M", "HALF": "3M"}.get(unit)
        if smaller is not None:
            head = duration_value(whole, unit) if whole else ("PT" if unit == "H" else "P")
            if not whole:
                return head + smaller.lstrip("T") if unit == "H" else head + smaller
            return head + smaller
        return f"P{count:g}{unit}" if unit not in ("MIN",) else f"PT{count:g}M"
    number = int(count)
    if unit in TIMEML_UNITS:
        return f"P{number}{TIMEML_UNITS[unit]}"
    if unit == "HALF":
        return f"P{6 * number}M"
    if unit == "H":
        return f"PT{number}H"
    if unit == "MIN":
        return f"PT{number}M"
    return f"P{number}{unit}"
