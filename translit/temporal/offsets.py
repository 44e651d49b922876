"""UTC offsets written in text (``+03:00``, ``UTC+3``, ``GMT-5``) and the local-time marker.

>>> format_offset(parse_offset("UTC+5:30"))
'+05:30'
"""

from __future__ import annotations

from datetime import timedelta

LOCAL = "local"
"""The zone of a time whose text names none: the reader's local time, not resolved."""


def parse_offset(text: str) -> timedelta | None:
    """The offset written as ``+03:00``, ``UTC+3``, ``GMT-5``, ``UTC+05:30`` or ``UTC``.

    >>> parse_offset("GMT-5")
    datetime.timedelta(days=-1, seconds=68400)
    """
    value = text.strip().replace("−", "-").replace(" ", "")
    for prefix in ("UTC", "GMT"):
        if value.upper().startswith(prefix):
            value = value[len(prefix):] or "+00:00"
    if len(value) < 2 or value[0] not in "+-":
        return None
    sign = -1 if value[0] == "-" else 1
    body = value[1:]
    hours, _, minutes = body.partition(":")
    if not minutes and len(hours) == 4:
        hours, minutes = hours[:2], hours[2:]
    if not hours.isdigit() or (minutes and not minutes.isdigit()):
        return None
    delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    return sign * delta if delta <= timedelta(hours=14) else None


def format_offset(delta: timedelta) -> str:
    """``+05:30`` style text of an offset."""
    minutes = int(delta.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
