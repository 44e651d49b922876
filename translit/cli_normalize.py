"""The ``normalize`` command: find dates, times and durations and resolve them to ISO 8601/UTC.

One document per input file (``-`` is stdin, the default). ``--format jsonl`` writes one object
per document: ``{"source", "ref", "lang", "text", "spans"}``, where ``text`` has each resolved
expression replaced by its value; ``--format text`` writes only that text.

>>> record = normalize_document("On Oct. 5", source="-", ref="2021-07-01", lang="en", region=None)
>>> record["text"], record["spans"][0]["value"]
('On 2021-10-05', '2021-10-05')
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from translit.cli import EXIT_OK, UsageError, errors_option
from translit.temporal import collect_temporal, parse_ref_date, rewrite_text
from translit.temporal.lexicon import LANGUAGES
from translit.textio import atomic_output, read_text
from translit.zones import add_zone_table

FORMATS = ("jsonl", "json", "text")


def add_parser(commands: Any) -> None:
    """Add the ``normalize`` subcommand."""
    parser = commands.add_parser(
        "normalize", help="resolve dates, times and durations to ISO 8601/UTC",
        description="Find every date, time and duration in each FILE (stdin by default) and "
                    "resolve it against the reference date: --ref-date, else the document's "
                    "dateline; with neither, relative expressions stay unresolved.")
    parser.add_argument("files", nargs="*", default=["-"], metavar="FILE",
                        help="documents to read ('-' is stdin, the default)")
    parser.add_argument("--format", choices=FORMATS, default="jsonl",
                        help="jsonl: one object per document (default); json: one array; "
                             "text: the text with each expression replaced by its value")
    parser.add_argument("--ref-date", metavar="YYYY-MM-DD", default=None,
                        help="reference date for relative expressions (default: the dateline)")
    parser.add_argument("--lang", choices=("auto", *LANGUAGES), default="auto",
                        help="language of the documents (default: detected per document)")
    parser.add_argument("--region", metavar="CC", default=None,
                        help="ISO 3166 region (US, GB, ...) for slash dates and ambiguous zone "
                             "abbreviations such as CST or IST (default: the region of the "
                             "dateline's place, if the zone table knows it)")
    parser.add_argument("-o", "--output", default="-", metavar="FILE",
                        help="write to FILE atomically ('-' is stdout, the default)")
    errors_option(parser)
    parser.set_defaults(func=run)


def _user_zone_tables(paths: list[str]) -> None:
    for path in paths:
        candidate = Path(path)
        zones = candidate / "zones.toml" if candidate.is_dir() else candidate
        if zones.name == "zones.toml" and zones.is_file():
            add_zone_table(zones)


def normalize_document(text: str, *, source: str, ref: str | None, lang: str,
                       region: str | None) -> dict[str, Any]:
    """The JSON record of one document."""
    found = collect_temporal(text, ref=ref, lang=lang, region=region)
    return {"source": source, "ref": found.ref.isoformat() if found.ref else None,
            "lang": found.lang, "text": rewrite_text(text, found.spans), "spans": found.spans}


def run(args: argparse.Namespace) -> int:
    """Carry out ``translit normalize``."""
    if args.ref_date is not None:
        try:
            parse_ref_date(args.ref_date)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    region = args.region.upper() if args.region else None
    _user_zone_tables(list(getattr(args, "tables", []) or []))
    records = []
    for path in args.files:
        text = read_text(path, errors=args.errors)
        source = "<stdin>" if path == "-" else path
        records.append(normalize_document(text, source=source, ref=args.ref_date,
                                          lang=args.lang, region=region))
    with atomic_output(args.output) as out:
        if args.format == "json":
            out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
        elif args.format == "jsonl":
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            for record in records:
                body = record["text"]
                out.write(body if body.endswith("\n") else body + "\n")
    return EXIT_OK
