"""The same normalization and alignment on Apache Spark, for corpora of millions of articles.

pyspark is imported inside the functions, so importing this package neither needs nor loads
it. ``corpus`` holds the DataFrame functions, ``files`` reading and writing folders of files,
``rows`` the fixed row layout of spans, ``udfs`` what runs on the executors.
"""

from translit.spark.corpus import (
    TableShipment,
    align_corpus,
    align_mentions,
    collect_spans,
    normalize_columns,
    ship_tables,
    span_from_row,
    spark_session,
)
from translit.spark.files import read_corpus, run_spark_normalize, write_corpus

__all__ = ["TableShipment", "align_corpus", "align_mentions", "collect_spans",
           "normalize_columns", "read_corpus", "run_spark_normalize", "ship_tables",
           "span_from_row", "spark_session", "write_corpus"]
