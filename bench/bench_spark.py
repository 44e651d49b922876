"""Corpus throughput: local Spark against one process and a pool of N processes (``--jobs``).

Run: ``pip install ".[spark]" && python bench/bench_spark.py [--docs 10000] [--workers 2]``.

The corpus is the generated one of the Spark tests (``tests/helpers/spark_corpus.py``: the sample
articles with other names, dates and times; deterministic), written as one text file per
document under a temporary folder. Each path reads every file, normalizes it and writes the
result, and starts cold (fresh processes, tables not yet read):

- ``single``: one fresh process reads the files in order and writes JSONL
  (``translit normalize DIR``);
- ``jobs``: ``concurrent.futures.ProcessPoolExecutor`` with N workers, one file per task, the
  documents back to the parent, which writes JSONL (``translit normalize --jobs N DIR``);
- ``spark``: :func:`translit.spark.corpus.run_spark_normalize` on ``local[N]`` writing Parquet
  (``translit normalize --spark local[N] DIR``); the session is started first and its start-up
  time is reported on its own line (a cluster pays it once, not per job).

Documents per second are the number of documents over the wall time of the path; ratios are
against ``single``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from common import print_table

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "helpers"))
from java_runtime import use_java
from spark_corpus import write_corpus

from translit.articles.document import Document, normalize
from translit.articles.textio import read_text


def _normalize_file(path: str) -> Document:
    return normalize(read_text(path), source=path)


def _serial(files: list[str], output: str) -> None:
    with open(output, "w", encoding="utf-8") as out:
        for path in files:
            out.write(json.dumps(_normalize_file(path).as_dict(), ensure_ascii=False) + "\n")


def run_single(files: list[str], output: str) -> float:
    """One fresh process does everything; returns the wall time."""
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=1) as pool:
        pool.submit(_serial, files, output).result()
    return time.perf_counter() - start


def run_jobs(files: list[str], output: str, workers: int) -> float:
    """A pool of ``workers`` processes, one file per task, written by the parent."""
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool, \
            open(output, "w", encoding="utf-8") as out:
        for document in pool.map(_normalize_file, files):
            out.write(json.dumps(document.as_dict(), ensure_ascii=False) + "\n")
    return time.perf_counter() - start


def run_spark(folder: str, output: str, workers: int, partitions: int | None
              ) -> tuple[float, float, int]:
    """(session start-up, job wall time, documents written) on ``local[workers]``."""
    from translit.spark import run_spark_normalize, spark_session

    print(f"Java: {use_java(Path(output).parent)}")
    start = time.perf_counter()
    spark = spark_session(f"local[{workers}]", app_name="translit-bench", config={
        "spark.ui.enabled": "false", "spark.sql.shuffle.partitions": str(max(2, workers * 2))})
    spark.sparkContext.setLogLevel("ERROR")
    spark.range(1).collect()
    startup = time.perf_counter() - start
    start = time.perf_counter()
    run_spark_normalize([folder], output, master=None, names_to="en", ref=None, lang="auto",
                        output_format="parquet", tables=[], partitions=partitions)
    job = time.perf_counter() - start
    written = spark.read.parquet(output).count()
    spark.stop()
    return startup, job, written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents (default 10000)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2,
                        help="processes for --jobs and cores for local Spark (default: all)")
    parser.add_argument("--partitions", type=int, default=None,
                        help="Spark partitions (default: four per core)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="translit-bench-") as temporary:
        folder = Path(temporary) / "corpus"
        documents = write_corpus(folder, args.docs)
        files = sorted(str(folder / source) for source, _ in documents)
        size = sum(len(text.encode("utf-8")) for _, text in documents)
        print(f"{len(files)} documents, {size / 1e6:.1f} MB, {args.workers} workers, "
              f"{os.cpu_count()} cores")
        single = run_single(files, str(Path(temporary) / "single.jsonl"))
        jobs = run_jobs(files, str(Path(temporary) / "jobs.jsonl"), args.workers)
        startup, job, written = run_spark(str(folder), str(Path(temporary) / "spark"),
                                          args.workers, args.partitions)
        assert written == len(files), (written, len(files))

    count = len(files)
    rows = [("single process", 1, f"{single:.1f}", f"{count / single:.0f}", "1.00"),
            (f"--jobs {args.workers}", args.workers, f"{jobs:.1f}", f"{count / jobs:.0f}",
             f"{single / jobs:.2f}"),
            (f"spark local[{args.workers}]", args.workers, f"{job:.1f}", f"{count / job:.0f}",
             f"{single / job:.2f}"),
            (f"spark local[{args.workers}] + start-up", args.workers, f"{job + startup:.1f}",
             f"{count / (job + startup):.0f}", f"{single / (job + startup):.2f}")]
    print_table("Normalize a corpus: documents per second (higher is better)",
                ("path", "workers", "seconds", "docs/s", "× single"), rows)
    print(f"\nspark session start-up: {startup:.1f} s; spark vs --jobs: {jobs / job:.2f}×")


if __name__ == "__main__":
    main()
