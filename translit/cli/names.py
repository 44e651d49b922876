"""Commands on names: ``match`` (are two spellings one person?) and ``key``.

>>> from translit.cli.main import main
>>> main(["match", "--format", "jsonl", "Anton Shkaplerov", "Anton Schkaplerow"])
... # doctest: +ELLIPSIS
{"a": "Anton Shkaplerov", "b": "Anton Schkaplerow", "same": true, "score": 0.95, ...}
0
>>> main(["key", "Юлия Пересильд", "Julija Peressild"])
ula peresild
ula peresild
0
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from translit.articles.output import atomic_output
from translit.articles.textio import iter_lines, open_binary
from translit.cli.common import EXIT_OK, errors_option


def add_parser(commands: Any) -> None:
    """Add the ``match`` and ``key`` subcommands."""
    match = commands.add_parser(
        "match", help="compare two names written in any scheme",
        description="Compare name A with name B (any Latin scheme or Cyrillic). With A = '-', "
                    "read tab-separated pairs from stdin (or --input) and print one JSON line "
                    "per pair with at least 'same' and 'score'.")
    match.add_argument("a", metavar="A", help="a name, or '-' for pairs from stdin")
    match.add_argument("b", nargs="?", metavar="B", help="the other name")
    match.add_argument("-i", "--input", default="-", metavar="FILE",
                       help="with A = '-': read pairs from FILE ('-' is stdin)")
    match.add_argument("-o", "--output", default="-", metavar="FILE",
                       help="write to FILE atomically ('-' is stdout)")
    match.add_argument("--format", choices=("text", "json", "jsonl"), default=None,
                       help="text: verdict, score and the names; jsonl: one object per pair "
                            "(the default for pairs from stdin)")
    match.add_argument("--no-lexicon", dest="lexicon", action="store_false",
                       help="use the rules alone, not the lexicon of known names")
    errors_option(match)
    match.set_defaults(func=run_match)

    key = commands.add_parser("key", help="print the spelling-independent key of names",
                              description="Print the key of each NAME (or of each input "
                                          "line): the same for every spelling of a name. "
                                          "A name judged not Russian (Tom Cruise) keys by "
                                          "its letters, folded.")
    key.add_argument("names", nargs="*", metavar="NAME")
    key.add_argument("-i", "--input", default="-", metavar="FILE",
                     help="without NAME: read names from FILE ('-' is stdin)")
    key.add_argument("--no-lexicon", dest="lexicon", action="store_false",
                     help="use the rules alone, not the lexicon of known names")
    errors_option(key)
    key.set_defaults(func=run_key)


def _record(a: str, b: str, lexicon: bool) -> dict[str, Any]:
    from translit.names.matching import match

    return {"a": a, "b": b, **match(a, b, lexicon=lexicon).as_dict()}


def run_match(args: argparse.Namespace) -> int:
    """``translit match``."""
    from translit.cli.common import UsageError

    if args.a != "-" and args.b is None:
        raise UsageError("match needs two names, or '-' to read tab-separated pairs")
    if args.a == "-" and args.b is not None:
        raise UsageError("with '-', pairs come from the input; give no second name")
    fmt = args.format or ("jsonl" if args.a == "-" else "text")
    with atomic_output(args.output) as out:
        if args.a != "-":
            record = _record(args.a, args.b, args.lexicon)
            if fmt == "text":
                out.write(f"{record['verdict']}\t{record['score']}\t{args.a}\t{args.b}\n")
            else:
                out.write(json.dumps(record, ensure_ascii=False,
                                     indent=2 if fmt == "json" else None) + "\n")
            return EXIT_OK
        _match_pairs(args, fmt, out)
    return EXIT_OK


def _match_pairs(args: argparse.Namespace, fmt: str, out: Any) -> None:
    from translit.errors import InputError

    stream = open_binary(args.input)
    name = "<stdin>" if args.input == "-" else args.input
    records = []
    try:
        for number, line in enumerate(iter_lines(stream, source=name, errors=args.errors),
                                      start=1):
            if not line.strip():
                continue
            cells = line.split("\t")
            if len(cells) < 2:
                raise InputError(f"line {number}: expected two names separated by a tab",
                                 source=name)
            record = _record(cells[0], cells[1], args.lexicon)
            if fmt == "json":
                records.append(record)
            elif fmt == "text":
                out.write(f"{record['verdict']}\t{record['score']}\t{cells[0]}\t{cells[1]}\n")
            else:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    if fmt == "json":
        out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")


def run_key(args: argparse.Namespace) -> int:
    """``translit key``."""
    from translit.text.origin import entity_key as name_key

    if args.names:
        for name in args.names:
            print(name_key(name, lexicon=args.lexicon))
        return EXIT_OK
    stream = open_binary(args.input)
    source = "<stdin>" if args.input == "-" else args.input
    try:
        for line in iter_lines(stream, source=source, errors=args.errors):
            print(name_key(line, lexicon=args.lexicon) if line.strip() else "")
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    return EXIT_OK
