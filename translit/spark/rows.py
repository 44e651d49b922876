"""The fixed row layout of normalized documents in Spark and Parquet, and the way back to spans.

A span is a dict whose keys depend on its kind (``DESIGN.md``); a Spark column needs one schema.
Every span becomes one struct of :data:`SPAN_FIELDS`: the keys every span has, then the known
per-kind keys as nullable fields, then ``extra``, a ``map<string,string>`` that holds any other key
(and any value of an unexpected type) as JSON. :func:`span_from_row` undoes
:func:`span_to_row` exactly, so a span read back from Spark equals the one ``normalize`` made.

No pyspark here: these functions run on the executors inside the Arrow batch functions.

>>> span = {"kind": "time", "start": 3, "end": 8, "text": "10:55", "value": "2021-10-05T08:55Z",
...         "local": "2021-10-05T10:55", "zone": "Europe/Zurich", "out_start": 3, "out_end": 20}
>>> row = span_to_row(span)
>>> row["zone"], row["extra"]
('Europe/Zurich', [])
>>> span_from_row(row) == span
True
"""

from __future__ import annotations

import json
from typing import Any, cast

from translit.text.spans import Span

CORE_FIELDS: tuple[tuple[str, str], ...] = (
    ("kind", "string"), ("start", "int"), ("end", "int"), ("text", "string"),
    ("value", "string"), ("out_start", "int"), ("out_end", "int"))
"""Keys every span has (``value`` is null when the text does not determine it)."""

OPTIONAL_FIELDS: tuple[tuple[str, str], ...] = (
    ("key", "string"), ("cyrillic", "string"), ("scheme", "string"), ("score", "double"),
    ("entity", "string"), ("local", "string"), ("zone", "string"), ("mod", "string"),
    ("unresolved", "string"))
"""Per-kind keys (names: key, cyrillic, scheme, score, entity; times: local, zone; dates: mod)."""

SPAN_FIELDS = (*CORE_FIELDS, *OPTIONAL_FIELDS, ("extra", "map<string,string>"))

SPAN_DDL = "struct<" + ",".join(f"`{name}`:{kind}" for name, kind in SPAN_FIELDS) + ">"
"""The Spark SQL type of one span."""

DOCUMENT_FIELDS: tuple[tuple[str, str], ...] = (
    ("normalized", "string"), ("lang", "string"), ("ref", "string"),
    ("spans", f"array<{SPAN_DDL}>"), ("name_keys", "array<string>"))
"""The columns :func:`translit.spark.corpus.normalize_columns` adds (their default names)."""

_TYPES: dict[str, type | tuple[type, ...]] = {"string": str, "int": int, "double": float}

SpanRow = dict[str, Any]
"""One span as a row of :data:`SPAN_FIELDS` (what Arrow and Spark hold)."""


def _fits(value: Any, kind: str) -> bool:
    return type(value) is _TYPES[kind] or (kind == "string" and value is None)


def span_to_row(span: Span) -> SpanRow:
    """One span as a dict of :data:`SPAN_FIELDS` (``extra`` as a list of key/JSON pairs).

    >>> span_to_row({"kind": "duration", "start": 0, "end": 4, "text": "a week", "value": "P1W",
    ...              "out_start": 0, "out_end": 3, "approx": True})["extra"]
    [('approx', 'true')]
    """
    row: SpanRow = {}
    extra: list[tuple[str, str]] = []
    for name, kind in CORE_FIELDS:
        value = span.get(name)
        if name in span and _fits(value, kind):
            row[name] = value
        else:
            row[name] = None
            if name in span:
                extra.append((name, json.dumps(value, ensure_ascii=False)))
    known = {name for name, _ in CORE_FIELDS}
    for name, kind in OPTIONAL_FIELDS:
        known.add(name)
        value = span.get(name)
        if value is not None and _fits(value, kind):
            row[name] = value
        else:
            row[name] = None
            if name in span:
                extra.append((name, json.dumps(value, ensure_ascii=False)))
    extra.extend((name, json.dumps(value, ensure_ascii=False))
                 for name, value in span.items() if name not in known)
    row["extra"] = extra
    return row


def span_from_row(row: SpanRow) -> Span:
    """The span that :func:`span_to_row` made ``row`` from (``extra`` may be a list of pairs,
    as pyarrow gives it, or a dict)."""
    span: dict[str, Any] = {name: row.get(name) for name, _ in CORE_FIELDS}
    for name, _ in OPTIONAL_FIELDS:
        if row.get(name) is not None:
            span[name] = row[name]
    extra = row.get("extra") or []
    pairs = extra.items() if isinstance(extra, dict) else extra
    for name, encoded in pairs:
        span[name] = json.loads(encoded)
    return cast(Span, span)  # keys by name from the row: what span_to_row read from a Span


def group_key(span: Span) -> tuple[str, str] | None:
    """The group :func:`translit.articles.align.align` puts ``span`` in: ``("name", surname
    key)`` or ``("moment", day)``; ``None`` for spans it leaves out (durations, unresolved values).

    >>> group_key({"kind": "name", "key": "yulia peresild", "value": "Yulia Peresild"})
    ('name', 'peresild')
    >>> group_key({"kind": "time", "value": "2021-10-05T08:55Z", "local": "2021-10-05T10:55"})
    ('moment', '2021-10-05')
    """
    from translit.articles.align import moment_key, name_group_key

    if span["kind"] == "name":
        return ("name", name_group_key(span))
    moment = moment_key(span)
    return None if moment is None else ("moment", moment)


def name_keys(spans: list[Span]) -> list[str]:
    """The group key of each name span, in text order (what documents are joined on)."""
    from translit.articles.align import name_group_key

    return [name_group_key(span) for span in spans if span["kind"] == "name"]
