"""Corpus scale on Apache Spark: normalize and align millions of articles with the same results
as :func:`translit.articles.document.normalize` and :func:`translit.articles.align.align` on
one machine.

Install with ``pip install "translit[spark]"`` (pyspark, pyarrow, pandas). pyspark is imported
inside the functions, so ``import translit`` neither needs nor loads it.

- :func:`spark_session` starts (or reuses) a session whose Python workers can import translit;
- :func:`ship_tables` sends user tables to the executors (``SparkContext.addFile``);
- :func:`normalize_columns` adds the normalized text, the spans (an array of structs with the
  fixed layout of :mod:`translit.spark.rows`) and the name keys to a DataFrame of texts, through
  ``mapInArrow``: Arrow batches in, Arrow batches out, one Python call per batch;
- :func:`align_mentions` and :func:`align_corpus` group the mentions of all documents by name key
  and by day, as ``align`` does for a handful of documents.

Reading a folder of files and writing Parquet or JSONL (:func:`read_corpus`, :func:`write_corpus`,
and :func:`run_spark_normalize`, what ``translit normalize --spark`` calls) is
:mod:`translit.spark.files`.

Example::

    from translit.spark import spark_session, normalize_columns, align_corpus
    spark = spark_session("local[2]")
    df = spark.createDataFrame([("a", "Yulia Peresild flies on Oct. 5."),
                                ("b", "Julija Peressild fliegt am 5. Oktober.")],
                               "source string, text string")
    out = normalize_columns(df, source_col="source", ref="2021-10-04")
    out.select("source", "normalized").collect()[1].normalized
    # -> 'Yulia Peresild fliegt am 2021-10-05.'
    sorted((g.kind, g.label) for g in align_corpus(out).collect())
    # -> [('moment', '2021-10-05'), ('name', 'Yulia Peresild')]
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from translit.errors import TableError, TranslitError
from translit.spark.rows import DOCUMENT_FIELDS, SPAN_FIELDS, span_from_row
from translit.spark.udfs import NormalizeOptions, TableShipment, mention_batches, normalize_batches

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.types import DataType, StructType

    from translit.text.spans import Span

__all__ = ["TableShipment", "align_corpus", "align_mentions", "collect_spans",
           "normalize_columns", "ship_tables", "span_from_row", "spark_session"]

MENTION_DDL = ("kind string, key string, source string, start int, end int, text string, "
               "value string, words int, label string")
"""One row of :func:`align_mentions`."""


def spark_session(master: str | None = None, *, app_name: str = "translit",
                  config: Mapping[str, str] | None = None) -> SparkSession:
    """The active Spark session, or a new one on ``master`` (``local[4]``, ``spark://host:7077``,
    ``yarn``, ...; ``None`` leaves it to ``spark-submit``).

    For a local master the Python workers run this interpreter and see the folder translit is
    imported from; on a cluster, install translit on the executors (or ship its wheel with
    ``--py-files``) as ``docs/spark.md`` explains.

    Spark's JVM is the Java of ``JAVA_HOME``, else ``java`` on ``PATH``; with neither,
    :class:`TranslitError` says so.

    Example::

        spark = spark_session("local[2]", config={"spark.ui.enabled": "false"})
    """
    from pyspark.sql import SparkSession

    # the JVM is started by spark-submit, with JAVA_HOME else PATH (PYSPARK_GATEWAY_PORT: it
    # has started it already)
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")
            or os.environ.get("PYSPARK_GATEWAY_PORT")):
        raise TranslitError("Spark needs Java 17 or 21 and there is none: install one, then set "
                            "JAVA_HOME or put java on PATH")
    builder = SparkSession.builder.appName(app_name)
    if master is not None:
        builder = builder.master(master)
    if master is None or master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        package_root = str(Path(__file__).resolve().parent.parent)
        path = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH")) if p)
        builder = builder.config("spark.executorEnv.PYTHONPATH", path)
    for key, value in (config or {}).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def ship_tables(spark: SparkSession, tables: Sequence[str | Path] = (), *,
                lexicons: Sequence[str | Path] = ()) -> TableShipment:
    """Send user tables to every executor; pass the result to :func:`normalize_columns`.

    ``tables`` are folders or ``.toml`` files as ``--tables`` takes them (schemes, a
    ``lexicon/`` folder, a ``zones.toml``); ``lexicons`` are lexicon files or folders as
    :func:`translit.names.lexicon.add_lexicon` takes them. Local paths are checked here, so a bad
    table stops the job before it starts; each executor process registers the tables once.

    Example::

        ship_tables(spark, ["my-tables"])
        # -> TableShipment(entries=(('tables', 'my-tables'),))
    """
    entries: list[tuple[str, str]] = []
    local: list[tuple[str, str]] = []
    for kind, paths in (("tables", tables), ("lexicon", lexicons)):
        for raw in paths:
            text = str(raw)
            name = Path(text.rstrip("/")).name
            if any(name == seen for _, seen in entries):
                raise TableError(f"two user tables named {name!r}; rename one", path=text)
            if "://" not in text:
                path = Path(text).resolve()
                if not path.exists():
                    raise TableError("no such table file or folder", path=text)
                _check_tables(kind, path)
                text = str(path)
            spark.sparkContext.addFile(text, recursive=Path(text).is_dir())
            entries.append((kind, name))
            local.append((name, text))
    return TableShipment(tuple(entries), tuple(local))


def _check_tables(kind: str, path: Path) -> None:
    """Read local user tables the way the executors will, so errors surface on the driver
    (zone tables are checked by the executors)."""
    from translit.names.lexicon import Lexicon, read_lexicon_file
    from translit.schemes.registry import folder_schemes, load_table

    if kind == "lexicon":
        for file in sorted(path.glob("*.toml")) if path.is_dir() else [path]:
            read_lexicon_file(file, Lexicon())
    elif path.is_dir():
        for file in folder_schemes(path).values():
            load_table(file)
    elif path.name != "zones.toml":
        load_table(path)


def _known_schemes(shipment: TableShipment) -> set[str]:
    from translit.schemes.registry import folder_schemes, scheme_files

    known = set(scheme_files()) | {"cyrillic"}
    for kind, path in shipment.local:
        target = Path(path)
        if dict(shipment.entries).get(kind) is None and target.is_dir():
            known |= set(folder_schemes(target))
        elif target.suffix == ".toml":
            known.add(target.stem)
    return known


def _spark_type(kind: str) -> DataType:
    from pyspark.sql import types as T

    simple: dict[str, DataType] = {"string": T.StringType(), "int": T.IntegerType(),
                                   "double": T.DoubleType(), "array<string>": T.ArrayType(
                                       T.StringType()),
                                   "map<string,string>": T.MapType(T.StringType(),
                                                                   T.StringType())}
    if kind in simple:
        return simple[kind]
    span = T.StructType([T.StructField(name, _spark_type(inner)) for name, inner in SPAN_FIELDS])
    return T.ArrayType(span)


def _check_options(names_to: str, ref: str | None, lang: str, tables: TableShipment) -> None:
    from translit.articles.document import LANGS
    from translit.temporal import parse_ref_date

    if lang not in LANGS:
        raise TranslitError(f"unknown language {lang!r}; known: {', '.join(LANGS)}")
    if ref is not None:
        try:
            parse_ref_date(ref)
        except ValueError as exc:
            raise TranslitError(str(exc)) from None
    known = _known_schemes(tables)
    if names_to not in known and not any("://" in path for _, path in tables.local):
        raise TranslitError(f"unknown scheme {names_to!r}; known: {', '.join(sorted(known))}")


def normalize_columns(df: DataFrame, *, text_col: str = "text", ref_col: str | None = None,
                      source_col: str | None = None, names_to: str = "en",
                      ref: str | None = None, lang: str = "auto",
                      tables: TableShipment | None = None, prefix: str = "",
                      json_col: str | None = None) -> DataFrame:
    """``df`` with the columns of :data:`translit.spark.rows.DOCUMENT_FIELDS` added.

    ``normalized`` (the text with names and dates rewritten), ``lang`` and ``ref`` (the
    language and reference date ``normalize`` settled on), ``spans`` (one struct per span:
    :data:`translit.spark.rows.SPAN_FIELDS`; :func:`translit.spark.rows.span_from_row` gives
    back the span dict) and ``name_keys`` (the key each name span is aligned by), each name
    preceded by ``prefix``. A column of the same name in ``df`` is replaced. ``ref_col`` holds a
    per-row reference date (else ``ref``, else the dateline); ``source_col`` the document's name.
    ``json_col`` adds the document as one JSON line, byte for byte what
    ``json.dumps(normalize(...).as_dict(), ensure_ascii=False)`` gives.

    Example::

        normalize_columns(df, names_to="de", ref="2021-10-04").columns
        # -> ['text', 'normalized', 'lang', 'ref', 'spans', 'name_keys']
    """
    from pyspark.sql import types as T

    shipment = tables or TableShipment()
    _check_options(names_to, ref, lang, shipment)
    outputs = tuple(prefix + name for name, _ in DOCUMENT_FIELDS)
    added = set(outputs) | ({json_col} if json_col else set())
    passthrough = tuple(c for c in df.columns if c not in added)
    fields = [df.schema[c] for c in passthrough]
    fields += [T.StructField(prefix + name, _spark_type(kind)) for name, kind in DOCUMENT_FIELDS]
    if json_col is not None:
        fields.append(T.StructField(json_col, T.StringType()))
    for column in (text_col, ref_col, source_col):
        if column is not None and column not in df.columns:
            raise TranslitError(f"no column {column!r}; columns: {', '.join(df.columns)}")
    options = NormalizeOptions(names_to=names_to, ref=ref, lang=lang, text_col=text_col,
                               ref_col=ref_col, source_col=source_col, outputs=outputs,
                               json_col=json_col, passthrough=passthrough, tables=shipment)
    schema: StructType = T.StructType(fields)
    return df.mapInArrow(partial(normalize_batches, options=options), schema)


def align_mentions(df: DataFrame, *, source_col: str = "source",
                   spans_col: str = "spans") -> DataFrame:
    """One row per span that ``align`` groups: ``kind`` (name or moment), ``key``, ``source``,
    ``start``, ``end``, ``text``, ``value``, plus ``words`` and ``label`` (the value on one line)
    that :func:`align_corpus` picks group labels with. Join or group on ``(kind, key)``.

    Example::

        align_mentions(normalized).where("kind = 'name'").groupBy("key").count()
    """
    selected = df.select(df[source_col].alias("source"), df[spans_col].alias("spans"))
    return selected.mapInArrow(mention_batches, MENTION_DDL)


def align_corpus(df: DataFrame, *, source_col: str = "source", spans_col: str = "spans",
                 shared_only: bool = True) -> DataFrame:
    """:func:`translit.articles.align.align` over a whole DataFrame of normalized documents,
    with ``foreign=False``: the groups of the spans (Russian names and moments); the names
    that are not Russian are not grouped on Spark yet.

    One row per group: ``kind``, ``key``, ``label``, ``sources`` (sorted) and ``mentions``
    (structs of source, start, end, text, value, sorted by source and offset). With
    ``shared_only``, only groups found in two documents or more. The label of a name group is
    its longest value (most words, then earliest offset, then first source), as ``align``
    gives for documents in source order.

    Example::

        align_corpus(normalized).orderBy("kind", "key").show()
    """
    from pyspark.sql import functions as F

    mentions = align_mentions(df, source_col=source_col, spans_col=spans_col)
    best = F.struct((-F.col("words")).alias("w"), "start", "source", "label")
    groups = mentions.groupBy("kind", "key").agg(
        F.min(best).alias("best"),
        F.array_sort(F.collect_set("source")).alias("sources"),
        F.array_sort(F.collect_list(F.struct("source", "start", "end", "text", "value")))
        .alias("mentions"))
    if shared_only:
        groups = groups.where(F.size("sources") >= 2)
    label = F.when(F.col("kind") == "moment", F.col("key")).otherwise(F.col("best.label"))
    return groups.select("kind", "key", label.alias("label"), "sources", "mentions")


def collect_spans(row: Any, spans_col: str = "spans") -> list[Span]:
    """The spans of one collected row, exactly as ``normalize`` made them.

    Example::

        collect_spans(out.first())[0]["kind"]
        # -> 'date'
    """
    return [span_from_row(span.asDict(recursive=True)) for span in row[spans_col] or []]
