"""Dates, times and durations in English, German and Russian news text, resolved to ISO 8601/UTC.

Importing this package reads no table and compiles no pattern; that happens on first use.

A date range ("Oct. 5-17", "vom 5.–17. Oktober", "from Oct. 5 to Oct. 17") is one ``date`` span
whose value is an ISO 8601 interval, ``2021-10-05/2021-10-17``. Slash dates follow ``region``, else
the region of the dateline's place, else the language (en: month first, flagged ambiguous).

>>> from translit.temporal import find_dates
>>> [s["value"] for s in find_dates("am 5. Oktober um 10.55 Uhr MESZ", lang="de", ref="2021-10-04")]
['2021-10-05T08:55Z']
>>> [s["value"] for s in find_dates("vom 5.–17. Oktober", lang="de", ref="2021-10-04")]
['2021-10-05/2021-10-17']
"""

from translit.temporal.finder import (
    Temporal,
    check_region,
    collect_temporal,
    find_dates,
    parse_ref_date,
    rewrite_text,
)

__all__ = ["Temporal", "check_region", "collect_temporal", "find_dates", "parse_ref_date",
           "rewrite_text"]
