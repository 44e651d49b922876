"""The ``align`` command: the names and moments that two or more documents share.

>>> from translit.cli.main import main
>>> main(["align", "--help"])  # doctest: +ELLIPSIS
usage: translit align ...
0
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from translit.articles.output import atomic_output
from translit.articles.textio import read_text
from translit.cli.common import EXIT_OK, UsageError, errors_option, guard_output, warn_empty


def add_parser(commands: Any) -> None:
    """Add the ``align`` subcommand."""
    parser = commands.add_parser(
        "align", help="show the names and moments documents share",
        description="Normalize each FILE and show the people, places, organizations and "
                    "moments that at least two of them share, with every surface form and its "
                    "position.")
    parser.add_argument("files", nargs="+", metavar="FILE", help="two or more documents")
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help="table: readable (default); json: for programs")
    parser.add_argument("--all", action="store_true",
                        help="also list what only one document mentions")
    parser.add_argument("--names-to", default="en", metavar="SCHEME",
                        help="scheme of the group labels (default: en)")
    parser.add_argument("--ref-date", metavar="YYYY-MM-DD", default=None)
    parser.add_argument("--lang", choices=("auto", "en", "de", "ru"), default="auto")
    parser.add_argument("-o", "--output", default="-", metavar="FILE",
                        help="write to FILE atomically ('-' is stdout, the default)")
    errors_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """``translit align``."""
    from translit.articles.align import align, format_table
    from translit.articles.document import normalize

    if len(args.files) < 2 and not args.all:
        raise UsageError("align needs two documents or more (or --all)")
    guard_output(args.output, args.files)
    warn_empty(args.files)
    documents = [normalize(read_text(path, errors=args.errors), names_to=args.names_to,
                           ref=args.ref_date, lang=args.lang, source=path)
                 for path in args.files]
    groups = align(documents, shared_only=not args.all)
    with atomic_output(args.output) as out:
        if args.format == "json":
            out.write(json.dumps({"documents": args.files,
                                  "groups": [g.as_dict() for g in groups]},
                                 ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(format_table(groups))
    return EXIT_OK
