"""Read a corpus of files into Spark and write the normalized documents as Parquet or JSONL.

Inputs are folders, files or globs, local or on any Hadoop file system (``hdfs://``, ``s3a://``):

- text files, one document each: in a folder, ``*.txt`` at any depth
  (as ``translit normalize DIR`` reads them); a file or glob of any other extension;
- JSONL files, one document per line: ``{"text": ..., "source": ..., "ref": ...}`` with
  ``source`` and ``ref`` optional; in a folder, ``*.jsonl`` and ``*.ndjson`` at any depth.

A document's ``source`` is its path as the input spelled it (``corpus/2021/a.txt``), or for a
JSONL line its ``source`` field, else ``path:line``. Its ``input_dir`` is the folder of its file
relative to the input (``.`` at the top), and the output is partitioned by it (Hive style:
``OUT/input_dir=2021%2F10/part-*.parquet``), so the output keeps the input's layout and
``spark.read.parquet(OUT)`` gives ``input_dir`` back as a column.

>>> relative_dir("file:/data/news/2021/10/a.txt", "file:/data/news")
'2021/10'
>>> glob_root("news/*/2021/*.jsonl")
'news'
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from translit.errors import InputError, TranslitError
from translit.spark.corpus import normalize_columns, ship_tables, spark_session

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame, SparkSession

TEXT_FILTER = "*.txt"
JSONL_FILTER = "*.{jsonl,ndjson}"
JSONL_SUFFIXES = (".jsonl", ".ndjson")
CORPUS_DDL = "source string, input_dir string, ref string, text string"
OUTPUT_COLUMNS = ("source", "ref", "lang", "text", "spans", "name_keys")
OUTPUT_FORMATS = ("parquet", "jsonl")
OPEN_COST = "spark.sql.files.openCostInBytes"
_GLOB = re.compile(r"[*?\[{]")


@dataclass(frozen=True)
class Root:
    """One input: its qualified URI (as Spark names files under it) and its spelling."""

    uri: str
    spelled: str


def glob_root(pattern: str) -> str:
    """The folder part of a glob before its first wildcard (``.`` if there is none)."""
    match = _GLOB.search(pattern)
    head = pattern[: match.start()] if match else pattern
    return head.rsplit("/", 1)[0] if "/" in head else "."


def relative_dir(path: str, root: str) -> str:
    """The folder of ``path`` relative to ``root`` (``.`` for a file directly in it)."""
    relative = path[len(root.rstrip("/")) + 1:] if path.startswith(root) else path
    return posixpath.dirname(relative) or "."


def _spelled(path: str, root: Root) -> str:
    relative = path[len(root.uri.rstrip("/")) + 1:]
    return posixpath.join(root.spelled, relative) if root.spelled != "." else relative


def _root_of(path: str, roots: Sequence[Root]) -> Root:
    found = [r for r in roots if path.startswith(r.uri.rstrip("/") + "/")]
    return max(found, key=lambda r: len(r.uri)) if found else Root(posixpath.dirname(path), ".")


def file_batches(batches: Iterator[pa.RecordBatch], roots: tuple[Root, ...],
                 errors: str) -> Iterator[pa.RecordBatch]:
    """``path`` and ``content`` of ``binaryFile`` rows in, :data:`CORPUS_DDL` rows out."""
    import pyarrow as pa

    from translit.articles.batch import decode_piece

    for batch in batches:
        rows: list[tuple[str, str, None, str]] = []
        for path, content in zip(batch.column("path").to_pylist(),
                                 batch.column("content").to_pylist(), strict=True):
            root = _root_of(path, roots)
            source = _spelled(path, root)
            text = decode_piece(content, source, 0, errors, first=True)
            rows.append((source, relative_dir(path, root.uri), None, text))
        columns = list(zip(*rows, strict=True)) if rows else [(), (), (), ()]
        yield pa.RecordBatch.from_arrays(
            [pa.array(list(c), pa.string()) for c in columns],
            names=["source", "input_dir", "ref", "text"])


def jsonl_batches(batches: Iterator[pa.RecordBatch],
                  roots: tuple[Root, ...]) -> Iterator[pa.RecordBatch]:
    """Lines of JSONL files in (with their file and split); one row per record out, with the
    line's index in its split so that the driver can number lines per file."""
    import pyarrow as pa

    seen: dict[tuple[str, int], int] = {}
    names = ["file", "block", "index", "spelled", "source", "input_dir", "ref", "text"]
    for batch in batches:
        columns: list[list[Any]] = [[] for _ in names]
        for line, path, block in zip(batch.column("value").to_pylist(),
                                     batch.column("file").to_pylist(),
                                     batch.column("block").to_pylist(), strict=True):
            index = seen.get((path, block), 0)
            seen[(path, block)] = index + 1
            line = line.removesuffix("\r")
            if not line.strip():
                continue
            root = _root_of(path, roots)
            spelled = _spelled(path, root)
            where = f"{spelled}:{index + 1}" if block == 0 else (
                f"{spelled} (line {index + 1} after byte {block})")
            record = _record(line, where)
            for column, value in zip(columns, (path, block, index, spelled, record.get("source"),
                                               relative_dir(path, root.uri), record.get("ref"),
                                               record["text"]), strict=True):
                column.append(value)
        types = [pa.string(), pa.int64(), pa.int64()] + [pa.string()] * 5
        yield pa.RecordBatch.from_arrays(
            [pa.array(c, t) for c, t in zip(columns, types, strict=True)], names=names)


def _record(line: str, source: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"a line is not JSON: {exc.msg}", source=source) from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError('a JSONL record needs a "text" string', source=source)
    for key in ("source", "ref"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise InputError(f'"{key}" must be a string', source=source)
    return record


def _tidy(spelled: str) -> str:
    """A local path spelled as ``pathlib`` spells it (``./a//b/`` is ``a/b``); URIs as given."""
    return spelled if "://" in spelled else str(PurePosixPath(spelled))


def _classify(spark: SparkSession, inputs: Sequence[str]
              ) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]], list[Root]]:
    """Text and JSONL inputs as ``(path, is folder)``, and the roots that name documents."""
    jvm: Any = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    texts: list[tuple[str, bool]] = []
    jsonl: list[tuple[str, bool]] = []
    roots: list[Root] = []
    for spelled in inputs:
        is_glob = _GLOB.search(spelled) is not None
        folder = glob_root(spelled) if is_glob else spelled
        path = jvm.org.apache.hadoop.fs.Path(folder)
        system = path.getFileSystem(conf)
        if not system.exists(path):
            raise InputError("no such file or directory", source=spelled)
        qualified = str(system.makeQualified(path).toString())
        if is_glob or not system.isDirectory(path):
            target = jsonl if spelled.endswith(JSONL_SUFFIXES) else texts
            target.append((spelled, False))
            if not is_glob:
                qualified, folder = posixpath.dirname(qualified), posixpath.dirname(spelled)
            roots.append(Root(qualified, _tidy(folder or ".")))
        else:
            texts.append((spelled, True))
            jsonl.append((spelled, True))
            roots.append(Root(qualified, _tidy(spelled)))
    return texts, jsonl, roots


def _load(spark: SparkSession, source: str, paths: list[tuple[str, bool]], pattern: str,
          **options: str) -> DataFrame | None:
    """A union of reads: folders with ``pattern`` at any depth, files and globs as they are."""
    frames = []
    folders = [path for path, is_folder in paths if is_folder]
    files = [path for path, is_folder in paths if not is_folder]
    if folders:
        frames.append(spark.read.format(source).options(**options)
                      .option("recursiveFileLookup", "true")
                      .option("pathGlobFilter", pattern).load(folders))
    if files:
        frames.append(spark.read.format(source).options(**options).load(files))
    if not frames:
        return None
    out = frames[0]
    for frame in frames[1:]:
        out = out.unionByName(frame)
    return out


def read_corpus(spark: SparkSession, inputs: Sequence[str], *, errors: str = "strict",
                partitions: int | None = None) -> DataFrame:
    """The documents of ``inputs`` as a DataFrame of :data:`CORPUS_DDL`.

    ``partitions`` spreads them evenly over that many partitions (default: four per core).

    Example::

        read_corpus(spark, ["corpus/"]).columns
        # -> ['source', 'input_dir', 'ref', 'text']
    """
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    texts, jsonl, roots = _classify(spark, inputs)
    count = partitions or max(2, spark.sparkContext.defaultParallelism * 4)
    frames: list[DataFrame] = []
    files = _load(spark, "binaryFile", texts, TEXT_FILTER)
    if files is not None:
        # decode in the scan's stage, before the shuffle: two Python functions in one stage
        # would need two Python workers per task, and the normalizing ones would warm up twice
        decoded = files.select("path", "content").mapInArrow(
            partial(file_batches, roots=tuple(roots), errors=errors), CORPUS_DDL)
        frames.append(decoded.repartition(count))
    lines = _load(spark, "text", jsonl, JSONL_FILTER, lineSep="\n")
    if lines is not None:
        located = lines.select("value", F.col("_metadata.file_path").alias("file"),
                               F.col("_metadata.file_block_start").alias("block"))
        records = located.mapInArrow(
            partial(jsonl_batches, roots=tuple(roots)),
            "file string, block long, index long, spelled string, source string, "
            "input_dir string, ref string, text string")
        before = Window.partitionBy("file").orderBy("block").rowsBetween(
            Window.unboundedPreceding, -1)
        offsets = (located.groupBy("file", "block").count()
                   .select("file", "block", F.coalesce(F.sum("count").over(before), F.lit(0))
                           .alias("offset")))
        numbered = records.join(F.broadcast(offsets), ["file", "block"])
        line = (F.col("offset") + F.col("index") + 1).cast("string")
        default = F.concat(F.col("spelled"), F.lit(":"), line)
        frames.append(numbered.select(F.coalesce("source", default).alias("source"),
                                      "input_dir", "ref", "text").repartition(count))
    return frames[0] if len(frames) == 1 else frames[0].unionByName(frames[1])


def write_corpus(df: DataFrame, output: str, *, output_format: str = "parquet") -> None:
    """Write normalized documents (:func:`translit.spark.corpus.normalize_columns` over
    :func:`read_corpus`, with ``json_col="json"`` for JSONL) partitioned by ``input_dir``.

    Parquet holds :data:`OUTPUT_COLUMNS` (``text`` is the normalized text, as in the JSON
    record); JSONL one record per line, as the local
    ``translit normalize --format jsonl`` writes it, in ``part-*.txt`` files. An existing
    ``output`` is an error (Spark does not replace a folder atomically).

    Example::

        write_corpus(normalized, "out/", output_format="jsonl")
    """
    if output_format not in OUTPUT_FORMATS:
        raise TranslitError(f"unknown output format {output_format!r}; known: "
                            f"{', '.join(OUTPUT_FORMATS)}")
    ordered = df.sortWithinPartitions("input_dir", "source")
    if output_format == "parquet":
        chosen = ordered.select(*(ordered["normalized"].alias(c) if c == "text" else c
                                  for c in OUTPUT_COLUMNS), "input_dir")
    else:
        chosen = ordered.select(ordered["json"].alias("value"), "input_dir")
    writer = chosen.write.mode("errorifexists").partitionBy("input_dir")
    if output_format == "parquet":
        writer.parquet(output)
    else:
        writer.text(output)


_ERROR_LINE = re.compile(r"translit\.errors\.(\w+): (.*)")


@contextmanager
def translit_errors() -> Iterator[None]:
    """Turn a translit error raised on an executor back into a :class:`TranslitError` with the
    same one-line message (Spark wraps it in a Java stack trace)."""
    try:
        yield
    except TranslitError:
        raise
    except Exception as exc:
        text = str(exc)
        found = _ERROR_LINE.findall(text)
        if found:
            raise TranslitError(found[-1][1]) from None
        if "PATH_ALREADY_EXISTS" in text or "already exists" in text:
            raise TranslitError("the output folder exists already; remove it or pick another"
                                ) from None
        raise


def run_spark_normalize(inputs: list[str], output: str, *, master: str | None, names_to: str,
                        ref: str | None, lang: str, output_format: str, tables: list[str],
                        errors: str = "strict", partitions: int | None = None) -> int:
    """``translit normalize --spark [MASTER]``: read ``inputs``, normalize on Spark, write
    ``output`` (a folder) as Parquet or JSONL partitioned like the input; returns exit code 0.

    The session is the active one if there is one, else a new one on ``master`` that is
    stopped at the end. Errors in the input or the tables raise :class:`TranslitError` with
    one line of message, wherever they happened.

    Example::

        run_spark_normalize(["corpus/"], "out", master="local[4]", names_to="en", ref=None,
                            lang="auto", output_format="parquet", tables=[])
        # -> 0
    """
    from pyspark.sql import SparkSession


    if output_format not in OUTPUT_FORMATS:
        raise TranslitError(f"unknown output format {output_format!r}; known: "
                            f"{', '.join(OUTPUT_FORMATS)}")
    if not inputs:
        raise TranslitError("no input: give folders, files or globs")
    if "://" not in output and Path(output).exists():
        raise InputError("the output folder exists already; remove it or pick another",
                         source=output)
    created = SparkSession.getActiveSession() is None
    spark = spark_session(master)
    # one small file is one document: count its opening as 64 KiB, not 4 MiB, so that the
    # scan packs thousands of them into a task instead of a few dozen
    open_cost = spark.conf.get(OPEN_COST, None)
    spark.conf.set(OPEN_COST, str(64 << 10))
    try:
        with translit_errors():
            shipment = ship_tables(spark, tables)
            corpus = read_corpus(spark, inputs, errors=errors, partitions=partitions)
            normalized = normalize_columns(
                corpus, text_col="text", ref_col="ref", source_col="source", names_to=names_to,
                ref=ref, lang=lang, tables=shipment,
                json_col="json" if output_format == "jsonl" else None)
            write_corpus(normalized, output, output_format=output_format)
    finally:
        if created:
            spark.stop()
        elif open_cost is None:
            spark.conf.unset(OPEN_COST)
        else:
            spark.conf.set(OPEN_COST, open_cost)
    return 0
