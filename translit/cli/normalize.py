"""The ``normalize`` command: names in one spelling, dates and times in ISO 8601/UTC.

Input is files, folders (their ``*.txt`` files, recursively) or stdin (``-``, the
default); each file is one document. ``--format jsonl`` writes one object per document:
``{"source", "ref", "lang", "text", "spans"}``, where ``text`` is the normalized text; ``text``
writes only that, line for line (output line N is input line N; see
:mod:`translit.articles.views`); ``annotated`` shows each changed line before (``-``) and after
(``+``), numbered as in its file; ``timeml`` writes one input (a file, or stdin) as a TimeML
1.2.1 document: its original text with each date, time and duration tagged (names are not
TimeML's, so they stay as written), the reference date as its creation time
(:mod:`translit.temporal.timeml`). TimeML is one document per file, so ``timeml`` with several
inputs is a usage error.

>>> record = normalize_document("On Oct. 5", source="-", ref="2021-07-01", lang="en", region=None)
>>> record["text"], record["spans"][0]["value"]
('On 2021-10-05', '2021-10-05')
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from translit.articles.batch import Options, check_files, expand, normalize_paths, total_bytes
from translit.articles.document import KINDS, Document, normalize
from translit.articles.output import atomic_output
from translit.articles.textio import read_text
from translit.articles.views import annotated_view, text_view
from translit.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    PROG,
    UsageError,
    errors_option,
    guard_output,
    warn_empty,
)
from translit.temporal import check_region, collect_temporal, parse_ref_date
from translit.temporal.timeml import check_xml_text, render_timeml
from translit.temporal.words import LANGUAGES

FORMATS = ("jsonl", "json", "text", "annotated", "timeml")
PROGRESS_BYTES = 1 << 20


def add_parser(commands: Any) -> None:
    """Add the ``normalize`` subcommand."""
    parser = commands.add_parser(
        "normalize", help="rewrite Russian names in one spelling and dates/times as ISO 8601",
        description="Find Russian names (any spelling), dates, times and durations in each "
                    "document and rewrite them: names in one scheme, dates in ISO 8601, times "
                    "with a zone in UTC. Relative expressions resolve against --ref-date, else "
                    "the document's dateline; with neither they stay unresolved.")
    parser.add_argument("files", nargs="*", default=["-"], metavar="FILE",
                        help="files or folders ('-' is stdin, the default)")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="jsonl: one object per document (default); json: one array; "
                             "text: the normalized text, line for line; annotated: changed "
                             "lines before/after; timeml: one input as TimeML 1.2.1, "
                             "dates, times and durations tagged in the original text (with "
                             "--spark: parquet by default, or jsonl)")
    parser.add_argument("--names-to", default="en", metavar="SCHEME",
                        help="spelling for names: a scheme id or 'cyrillic' (default: en)")
    parser.add_argument("--kinds", default=",".join(KINDS), metavar="LIST",
                        help=f"span kinds to touch, comma-separated (default: {','.join(KINDS)})")
    parser.add_argument("--ref-date", metavar="YYYY-MM-DD", default=None,
                        help="reference date for relative expressions (default: the dateline)")
    parser.add_argument("--lang", choices=("auto", *LANGUAGES), default="auto",
                        help="language of the documents (default: detected per document)")
    parser.add_argument("--region", metavar="CC", default=None,
                        help="ISO 3166 region (US, GB, ...) for slash dates and ambiguous zone "
                             "abbreviations such as CST or IST")
    parser.add_argument("--no-lexicon", action="store_true",
                        help="use the rules only, not the lexicon of known names")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="normalize files in N processes (default: 1)")
    parser.add_argument("--spark", nargs="?", const="", default=None, metavar="MASTER",
                        help="run on Apache Spark (MASTER as for spark-submit; without it, the "
                             "one spark-submit set, else local[*]); writes --output as a folder "
                             "of Parquet (or JSONL with --format jsonl)")
    parser.add_argument("-o", "--output", default="-", metavar="FILE",
                        help="write to FILE atomically ('-' is stdout, the default)")
    errors_option(parser)
    parser.set_defaults(func=run)


def normalize_document(text: str, *, source: str, ref: str | None, lang: str,
                       region: str | None, names_to: str = "en",
                       kinds: Iterable[str] = KINDS) -> dict[str, Any]:
    """The JSON record of one document."""
    return normalize(text, names_to=names_to, ref=ref, lang=lang, region=region, kinds=kinds,
                     source=source).as_dict()


def _options(args: argparse.Namespace) -> Options:
    if args.ref_date is not None:
        try:
            parse_ref_date(args.ref_date)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    try:
        region = check_region(args.region)
    except ValueError as exc:
        raise UsageError(f"--region: {exc}") from None
    kinds = tuple(k.strip() for k in args.kinds.split(",") if k.strip())
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise UsageError(f"unknown span kind {unknown[0]!r}; known: {', '.join(KINDS)}")
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.names_to != "cyrillic":
        from translit.schemes.registry import get_scheme

        get_scheme(args.names_to)
    return Options(names_to=args.names_to, ref=args.ref_date, lang=args.lang, kinds=kinds,
                   region=region,
                   lexicon=not args.no_lexicon, errors=args.errors,
                   tables=tuple(getattr(args, "tables", []) or []))


class _Progress:
    """A progress line on stderr, only when stderr is a terminal and the input is large."""

    def __init__(self, total: int, files: int) -> None:
        self.total, self.files, self.done, self.count = total, files, 0, 0
        self.active = total >= PROGRESS_BYTES and sys.stderr.isatty()

    def step(self, document: Document) -> None:
        self.count += 1
        self.done += len(document.text.encode("utf-8", "surrogatepass"))
        if self.active:
            share = min(1.0, self.done / max(self.total, 1))
            bar = "#" * int(share * 30)
            sys.stderr.write(f"\r[{bar:<30}] {share:4.0%} {self.count} documents")
            sys.stderr.flush()

    def close(self) -> None:
        if self.active:
            sys.stderr.write("\n")


def _continues(source: str, file_source: str) -> bool:
    """Whether ``source`` names a later piece (``path@offset``) of the file ``file_source``."""
    rest = source[len(file_source) + 1:]
    return source.startswith(file_source + "@") and rest.isdigit()


def _line_end(body: str) -> str:
    """The line break ``body`` still needs at its end: none, or one like its last."""
    if not body or body.endswith("\n"):
        return ""
    last = body.rfind("\n")
    return "\r\n" if last > 0 and body[last - 1] == "\r" else "\n"


def _write(documents: Iterable[Document], form: str, out: TextIO, progress: _Progress) -> None:
    first = True
    if form == "json":
        out.write("[")
    # The pieces of a big file (batch.normalize_file) are joined back into the file: line
    # numbers go on counting, and a line end is added only after a file's last piece (a
    # piece may end mid-line when a line is longer than two pieces).
    file_source: str | None = None
    first_line = 1
    owed = ""
    for document in documents:
        progress.step(document)
        if file_source is None or not _continues(document.source, file_source):
            file_source, first_line = document.source, 1
            out.write(owed)
            owed = ""
        if form == "jsonl":
            out.write(json.dumps(document.as_dict(), ensure_ascii=False) + "\n")
        elif form == "json":
            out.write(("\n" if first else ",\n") + json.dumps(document.as_dict(),
                                                             ensure_ascii=False, indent=2))
        elif form == "annotated":
            out.write(annotated_view(document, first_line=first_line))
        else:
            body = text_view(document)
            out.write(body)
            owed = _line_end(body)
        first_line += document.text.count("\n")
        first = False
    out.write(owed)
    if form == "json":
        out.write("\n]\n" if not first else "]\n")


def run(args: argparse.Namespace) -> int:
    """Carry out ``translit normalize``."""
    options = _options(args)
    if args.spark is not None:
        return _run_spark(args, options)
    files = expand(args.files)
    if args.format == "timeml":
        return _run_timeml(files, args.output, options)
    guard_output(args.output, files)
    warn_empty(files)
    if options.errors == "strict":
        bad = check_files(files)
        if bad:  # every bad file named, nothing normalized or written
            for error in bad:
                print(f"{PROG}: {error}", file=sys.stderr)
            return EXIT_ERROR
    progress = _Progress(total_bytes(files), len(files))
    try:
        with atomic_output(args.output) as out:
            _write(normalize_paths(files, options, jobs=args.jobs), args.format or "jsonl", out,
                   progress)
    finally:
        progress.close()
    return EXIT_OK


def _run_timeml(files: list[str], output: str, options: Options) -> int:
    """``--format timeml``: the one input as a TimeML document, read whole (names untouched)."""
    if len(files) != 1:
        raise UsageError(f"--format timeml writes one document per file: give one input, not "
                         f"{len(files)} (run it once per file)")
    path = files[0]
    guard_output(output, files)
    warn_empty(files)
    source = "<stdin>" if path == "-" else path
    text = read_text(path, errors=options.errors)
    check_xml_text(text, what=source)
    temporal = collect_temporal(text, ref=options.ref, lang=options.lang, region=options.region)
    document = render_timeml(text, temporal, doc_id=None if path == "-" else Path(path).stem,
                             kinds=[kind for kind in options.kinds if kind != "name"])
    with atomic_output(output) as out:
        out.write(document)
    return EXIT_OK


def _run_spark(args: argparse.Namespace, options: Options) -> int:
    if args.output == "-":
        raise UsageError("--spark writes a folder: give it with -o/--output")
    if args.format not in (None, "jsonl"):
        raise UsageError("--spark writes Parquet (default) or JSONL (--format jsonl)")
    from translit.spark.files import run_spark_normalize

    return run_spark_normalize(list(args.files), args.output, master=args.spark or None,
                               names_to=options.names_to, ref=options.ref, lang=options.lang,
                               output_format=args.format or "parquet",
                               tables=list(options.tables), errors=options.errors)
