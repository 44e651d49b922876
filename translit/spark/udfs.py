"""What runs on the Spark executors: Arrow batch functions for ``mapInArrow`` and user tables.

Each function takes an iterator of ``pyarrow.RecordBatch`` and yields batches; Spark calls it once
per partition in a Python worker process that it reuses from task to task, so the module-level
caches of the table layer (schemes, lexicon, zones, date words) are filled once per process
and serve every later row. User tables travel with ``SparkContext.addFile``
(:func:`translit.spark.corpus.ship_tables`); :meth:`TableShipment.apply` registers them in the
worker the first time a batch needs them, and again only if a later job ships a different set.

Only pyarrow is imported here, lazily; pyspark only for ``SparkFiles`` inside a worker.

>>> TableShipment().apply()   # no user tables: nothing to register
>>> NormalizeOptions(names_to="de").names_to
'de'
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from translit import caching
from translit.spark.rows import SPAN_FIELDS, name_keys, span_to_row

if TYPE_CHECKING:
    import pyarrow as pa

    from translit.spark.rows import SpanRow

_lock = threading.Lock()
_applied: list[TableShipment] = caching.tracked([])
"""The shipment registered in this process (none yet: the built-in tables only)."""


@dataclass(frozen=True)
class TableShipment:
    """User tables sent to the executors: ``(kind, file name)`` pairs in registration order.

    ``kind`` is ``tables`` (a folder or ``.toml`` file as ``--tables`` takes it: schemes, its
    ``lexicon/`` folder and its ``zones.toml``) or ``lexicon`` (a lexicon file or folder). The
    name is what ``SparkFiles.get`` resolves on the executor; ``local`` maps names to paths
    for a worker that shares the driver's file system and has no ``SparkFiles`` (tests, tools).
    """

    entries: tuple[tuple[str, str], ...] = ()
    local: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)

    def _path(self, name: str) -> Path:
        try:
            from pyspark import SparkFiles

            return Path(SparkFiles.get(name))
        except Exception:  # outside a Spark worker: fall back to the driver's path
            return Path(dict(self.local)[name])

    def apply(self) -> None:
        """Register these tables in this process, once (reset first if others were applied)."""
        if _current() == self:
            return
        from translit import table_layer

        with _lock:
            if _current() == self:
                return
            table_layer.reset()
            for kind, name in self.entries:
                register_path(kind, self._path(name))
            _applied[:] = [self]


def _current() -> TableShipment:
    return _applied[0] if _applied else TableShipment()


def register_path(kind: str, path: Path) -> None:
    """Register one user table path the way ``--tables`` (or ``add_lexicon``) does."""
    from translit.names.lexicon import add_lexicon
    from translit.schemes.registry import add_tables

    if kind == "lexicon":
        add_lexicon(path)
    else:
        add_tables(path)  # a folder (its schemes, lexicon, zones, ...) or one file


@dataclass(frozen=True)
class NormalizeOptions:
    """What :func:`normalize_batches` needs: the options of ``normalize`` and column names."""

    names_to: str = "en"
    ref: str | None = None
    lang: str = "auto"
    text_col: str = "text"
    ref_col: str | None = None
    source_col: str | None = None
    outputs: tuple[str, ...] = ("normalized", "lang", "ref", "spans", "name_keys")
    json_col: str | None = None
    passthrough: tuple[str, ...] = ()
    tables: TableShipment = TableShipment()


def _span_type() -> pa.DataType:
    import pyarrow as pa

    types = {"string": pa.string(), "int": pa.int32(), "double": pa.float64(),
             "map<string,string>": pa.map_(pa.string(), pa.string())}
    return pa.struct([pa.field(name, types[kind]) for name, kind in SPAN_FIELDS])


def _column(batch: pa.RecordBatch, name: str | None) -> list[Any]:
    if name is None:
        return [None] * batch.num_rows
    return list(batch.column(name).to_pylist())


def normalize_batches(batches: Iterator[pa.RecordBatch],
                      options: NormalizeOptions) -> Iterator[pa.RecordBatch]:
    """``normalize`` every row of every batch; yield the passed-through and the new columns."""
    import pyarrow as pa

    from translit.articles.document import normalize

    options.tables.apply()
    span_list = pa.list_(_span_type())
    for batch in batches:
        texts = _column(batch, options.text_col)
        refs = _column(batch, options.ref_col)
        sources = _column(batch, options.source_col)
        normalized: list[str | None] = []
        langs: list[str | None] = []
        doc_refs: list[str | None] = []
        spans: list[list[SpanRow] | None] = []
        keys: list[list[str] | None] = []
        records: list[str | None] = []
        for text, ref, source in zip(texts, refs, sources, strict=True):
            if text is None:
                for values in (normalized, langs, doc_refs, spans, keys, records):
                    values.append(None)
                continue
            document = normalize(text, names_to=options.names_to, ref=ref or options.ref,
                                 lang=options.lang, source=source if source is not None else "-")
            normalized.append(document.normalized)
            langs.append(document.lang)
            doc_refs.append(document.ref.isoformat() if document.ref else None)
            spans.append([span_to_row(span) for span in document.spans])
            keys.append(name_keys(document.spans))
            if options.json_col is not None:
                records.append(json.dumps(document.as_dict(), ensure_ascii=False))
        new = dict(zip(options.outputs, (
            pa.array(normalized, pa.string()), pa.array(langs, pa.string()),
            pa.array(doc_refs, pa.string()), pa.array(spans, span_list),
            pa.array(keys, pa.list_(pa.string()))), strict=True))
        if options.json_col is not None:
            new[options.json_col] = pa.array(records, pa.string())
        names = [*options.passthrough, *new]
        arrays = [batch.column(name) for name in options.passthrough] + list(new.values())
        yield pa.RecordBatch.from_arrays(arrays, names=names)


def mention_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Rows of ``source`` and ``spans`` in; one row per span that ``align`` groups out."""
    import pyarrow as pa

    from translit.articles.align import one_line
    from translit.spark.rows import group_key, span_from_row

    names = ("kind", "key", "source", "start", "end", "text", "value", "words", "label")
    types = (pa.string(), pa.string(), pa.string(), pa.int32(), pa.int32(), pa.string(),
             pa.string(), pa.int32(), pa.string())
    for batch in batches:
        columns: list[list[Any]] = [[] for _ in names]
        for source, rows in zip(_column(batch, "source"), _column(batch, "spans"), strict=True):
            for row in rows or []:
                span = span_from_row(row)
                group = group_key(span)
                if group is None:
                    continue
                value = str(span["value"])
                for column, item in zip(columns, (
                        *group, source, span["start"], span["end"], span["text"], value,
                        len(value.split()), one_line(value)), strict=True):
                    column.append(item)
        yield pa.RecordBatch.from_arrays(
            [pa.array(column, kind) for column, kind in zip(columns, types, strict=True)],
            names=list(names))
