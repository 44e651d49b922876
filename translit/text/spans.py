"""The span: one change to a text (a name, a date, a time, a duration), typed, and the one way
spans are written into text.

A span is a plain dict, so ``span["start"]`` works and the JSON output is the dict itself::

    {"kind": "name"|"date"|"time"|"duration"|"set", "start": int, "end": int, "text": str,
     "value": str | None, ...}

``start`` and ``end`` are code points into the input and ``text`` is ``input[start:end]``;
:func:`apply_spans` adds ``out_start`` and ``out_end``, the place of the value in the output.
Names add ``cyrillic``, ``scheme``, ``key``, ``score`` and ``entity``; a name with an ending in
the text (the possessive ``'s``, the German genitive ``-s``) adds ``suffix``, that ending, which
stands in the input right after ``end``, and ``inflected``, the name with the ending as the
target writes it: ``value`` and ``key`` stay the base name, and the output holds ``inflected``
at ``out_start:out_end`` in place of ``text`` + ``suffix``. Times add ``local`` and
``zone`` when the text names a zone, ``dst`` (gap or fold) when the local time falls into a
clock change, and ``ambiguous`` with ``candidates`` when the zone abbreviation is ambiguous.
Any temporal span may add ``mod`` (early, mid, late, approx), ``ambiguous`` (a slash date) and
``unresolved`` (why ``value`` is None, or only partly resolved).

The types are :class:`NameSpan`, one :class:`TemporalSpan` for dates, times, durations and
sets, and :data:`Span` for either. A name span always has all of its keys, so each is
required. The temporal kinds share one type rather than a type each because their keys do not
divide by kind: ``mod`` comes on dates and durations, ``unresolved`` and ``ambiguous`` on dates
and times, and one resolver (:func:`translit.temporal.resolve.to_span`) builds them all along
one path. A type per kind would only make that resolver cast, and would check no reader any
better: every reader of those keys (alignment, the Spark rows) treats a date and a time alike.
Keys that come only sometimes are ``NotRequired``; ``kind`` is a ``Literal``, so ``span["kind"]
== "name"`` tells mypy which of the two a :data:`Span` is.

>>> span: TemporalSpan = {"kind": "date", "start": 3, "end": 9, "text": "Oct. 5",
...                       "value": "2021-10-05"}
>>> apply_spans("On Oct. 5 we fly", [span]), span["out_start"], span["out_end"]
('On 2021-10-05 we fly', 3, 13)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, NotRequired, TypedDict, cast

from translit.errors import TranslitError

__all__ = ["Kind", "NameSpan", "Span", "SpanPart", "TemporalKind", "TemporalSpan",
           "apply_spans"]

Kind = Literal["name", "date", "time", "duration", "set"]
"""What a span is."""

TemporalKind = Literal["date", "time", "duration", "set"]
"""The kinds of :class:`TemporalSpan`."""


class _Located(TypedDict):
    """What every span has: where it is, what it says, and where its value went."""

    start: int
    end: int
    text: str
    out_start: NotRequired[int]
    out_end: NotRequired[int]


class NameSpan(_Located):
    """A name: ``value`` in the target spelling, its ``cyrillic``, the ``scheme`` (spelling
    style) it was written in, its matching ``key``, the finder's ``score`` and the ``entity``
    (person, place, organization)."""

    kind: Literal["name"]
    value: str
    cyrillic: str
    scheme: str
    key: str
    score: float
    entity: str
    suffix: NotRequired[str]
    """The ending the text has right after the name, no part of it (``s``, ``'s``)."""
    inflected: NotRequired[str]
    """With ``suffix``: the name and its ending as the target writes them, which
    :func:`apply_spans` writes in place of ``text`` and ``suffix`` (``Navalny's``,
    ``Навального``)."""


class SpanPart(TypedDict):
    """One end of a range: where it stands in the input and its value."""

    start: int
    end: int
    value: str


class TemporalSpan(_Located):
    """A date, time, duration or set: ``value`` in ISO 8601 (times in UTC when the zone is
    known), or None when the text does not determine it (then ``unresolved`` says why)."""

    kind: TemporalKind
    value: str | None
    unresolved: NotRequired[str]
    mod: NotRequired[str]
    ambiguous: NotRequired[bool]
    local: NotRequired[str]
    zone: NotRequired[str]
    dst: NotRequired[str]
    candidates: NotRequired[list[str]]
    quant: NotRequired[str]
    freq: NotRequired[str]
    anchor: NotRequired[str]
    anchor_start: NotRequired[int]
    day_from: NotRequired[str]
    disagrees: NotRequired[str]
    relative: NotRequired[bool]
    parts: NotRequired[list[SpanPart]]
    rewrite: NotRequired[bool]


Span = NameSpan | TemporalSpan
"""Any span."""


def written(span: Span) -> tuple[int, str]:
    """Where ``span`` ends in the input, its ending (``suffix``) included, and what the output
    writes for it: ``inflected`` for a name with an ending, else its value, or its text when
    the value is None or ``rewrite`` is False.

    >>> written({"kind": "name", "start": 0, "end": 6, "text": "Moskau", "value": "Moscow",
    ...          "cyrillic": "Москва", "scheme": "de", "key": "moskva", "score": 0.9,
    ...          "entity": "place", "suffix": "s", "inflected": "Moscow's"})
    (7, "Moscow's")
    """
    if "suffix" in span:  # only a name has one: the name and its ending, the target's way
        name = cast(NameSpan, span)
        return name["end"] + len(name["suffix"]), name["inflected"]
    found = span["value"]
    if found is None or span.get("rewrite") is False:
        return span["end"], span["text"]
    return span["end"], found


def apply_spans(text: str, spans: Iterable[Span]) -> str:
    """``text`` with each span replaced by its value; a span whose value is None (unresolved)
    keeps its text, and so does one with ``rewrite`` False (a value that is no calendar date:
    ``PRESENT_REF``, ``PXY``, a set, a decade). Records in each span where its value went
    (``out_start``, ``out_end``).

    ``spans`` must be in text order and not overlap (a :class:`~translit.errors.TranslitError`
    if they do): putting each span's ``text`` (and ``suffix``) back at ``out_start:out_end``
    then gives ``text``.

    >>> spans: list[Span] = [
    ...     {"kind": "name", "start": 0, "end": 5, "text": "Yulia", "value": "Julija",
    ...      "cyrillic": "Юлия", "scheme": "icao", "key": "yulia", "score": 0.6,
    ...      "entity": "person"},
    ...     {"kind": "date", "start": 9, "end": 18, "text": "yesterday", "value": None,
    ...      "unresolved": "relative to an unknown reference date"}]
    >>> apply_spans("Yulia on yesterday", spans)
    'Julija on yesterday'
    >>> [(s["out_start"], s["out_end"]) for s in spans]
    [(0, 6), (10, 19)]
    """
    out: list[str] = []
    append = out.append
    position = length = 0
    for span in spans:
        start = span["start"]
        if start < position:
            raise TranslitError(f"the span at {start} overlaps or precedes the one before it; "
                                "spans must be in text order and not overlap")
        append(text[position:start])
        length += start - position
        end, value = written(span)
        span["out_start"] = length
        length += len(value)
        span["out_end"] = length
        append(value)
        position = end
    append(text[position:])
    return "".join(out)
