"""A temporal span as TimeML sees it: the TIMEX3 ``type``, ``value`` and ``mod``.

A span's ``value`` is already in the TIMEX3 vocabulary (ISO 8601 with ``PRESENT_REF``,
``2021-Q3``, ``PXD``, ...) with one difference: a time whose zone is known is given in UTC,
while TIMEX3 writes the clock as the text does. So a time's TIMEX3 value is its ``local`` one;
a time without a day gets ``XXXX-XX-XX`` before it, as TimeML writes an unknown date.

>>> timex3({"kind": "time", "start": 0, "end": 5, "text": "10:55", "value": "2021-10-05T08:55Z",
...         "local": "2021-10-05T10:55", "zone": "Europe/Zurich"})
('TIME', '2021-10-05T10:55', None)
>>> timex3({"kind": "duration", "start": 0, "end": 5, "text": "weeks", "value": "PXW"})
('DURATION', 'PXW', None)
"""

from __future__ import annotations

from translit.text.spans import TemporalSpan

__all__ = ["TIMEX_TYPES", "timex3"]

TIMEX_TYPES = {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET"}
"""The TIMEX3 type of each temporal span kind."""


def timex3(span: TemporalSpan) -> tuple[str, str | None, str | None]:
    """The TIMEX3 ``type``, ``value`` (None when unresolved) and ``mod`` of ``span``."""
    kind = span["kind"]
    value = span["value"]
    if kind == "time":
        value = span.get("local", value)
        if value is not None and value.startswith("T"):
            value = "XXXX-XX-XX" + value
    return TIMEX_TYPES[kind], value, span.get("mod")
