"""Commands on tables and text: ``convert``, ``schemes`` and ``check``.

>>> from translit.cli.main import main
>>> main(["convert", "--to", "en", "Пётр Дубров"])
Pyotr Dubrov
0
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from translit.articles.output import atomic_output
from translit.articles.textio import iter_lines, open_binary
from translit.cli.common import EXIT_ERROR, EXIT_OK, errors_option
from translit.errors import TableError
from translit.schemes.registry import get_scheme, list_schemes, scheme_files
from translit.schemes.scheme import Scheme


def add_parser(commands: Any) -> None:
    """Add the ``convert``, ``schemes`` and ``check`` subcommands."""
    convert = commands.add_parser(
        "convert", help="transliterate text into a scheme",
        description="Transliterate TEXT, or each line of the input (stdin by default), into "
                    "a scheme. One output line per input line, streaming.")
    convert.add_argument("text", nargs="*", metavar="TEXT", help="text to convert (joined by "
                         "spaces); without it, lines are read from --input or stdin")
    convert.add_argument("--to", required=True, metavar="SCHEME",
                         help="target scheme id, or 'cyrillic' to read Latin names back")
    convert.add_argument("--from", dest="source", default=None, metavar="SCHEME",
                         help="the input is Latin names in SCHEME ('auto' tells the style per "
                              "name); without it, the Cyrillic of each line is converted")
    convert.add_argument("--lang", choices=("ru", "uk", "be"), default=None,
                         help="the language of the Cyrillic (default: each line's letters and "
                              "names decide: Київ is Ukrainian); its table for the target of "
                              "--to writes it")
    convert.add_argument("--candidates", type=int, default=0, metavar="N",
                         help="with --to cyrillic: the N best candidates per line, as JSON")
    convert.add_argument("--no-lexicon", dest="lexicon", action="store_false",
                         help="use the rules alone, not the lexicon of known names")
    convert.add_argument("-i", "--input", default="-", metavar="FILE",
                         help="read lines from FILE ('-' is stdin, the default)")
    convert.add_argument("-o", "--output", default="-", metavar="FILE",
                         help="write to FILE atomically ('-' is stdout, the default)")
    convert.add_argument("--format", choices=("text", "json", "jsonl"), default="text",
                         help="text: one line per input line; jsonl: one object per line; "
                              "json: one array")
    convert.add_argument("--trace", action="store_true",
                         help="after each line, show which rule produced which letters")
    errors_option(convert)
    convert.set_defaults(func=run_convert)

    schemes = commands.add_parser("schemes", help="list the schemes",
                                  description="List the schemes with their titles.")
    schemes.add_argument("--format", choices=("text", "json"), default="text")
    schemes.set_defaults(func=run_schemes)

    check = commands.add_parser(
        "check", help="validate tables and run their samples",
        description="Validate each TABLE (a .toml path or a scheme id; all schemes when none "
                    "is given) and run its samples, reporting each failure with file and line.")
    check.add_argument("tables_to_check", nargs="*", metavar="TABLE")
    check.set_defaults(func=run_check)


def _lines(args: argparse.Namespace) -> Iterator[str]:
    if args.text:
        yield " ".join(args.text)
        return
    stream = open_binary(args.input)
    name = "<stdin>" if args.input == "-" else args.input
    try:
        yield from iter_lines(stream, source=name, errors=args.errors)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _write_trace(scheme: Scheme, line: str, out: TextIO) -> None:
    for step in scheme.trace(line):
        out.write(f"  {step.start:>4}  {step.source:<6} → {step.output:<10} {step.rule}\n")


def _convert_lines(scheme: Scheme, lines: Iterable[str], args: argparse.Namespace,
                   out: TextIO) -> None:
    interactive = args.input == "-" and not args.text and sys.stdin.isatty()
    records: list[dict[str, Any]] = []
    from translit.schemes.sources import reader_for, transliterate_in

    for line in lines:
        # Ukrainian and Belarusian lines (or words) are read by their language's table.
        reader_id = reader_for(line, scheme.id, args.lang)
        reader = get_scheme(reader_id) if reader_id is not None else scheme
        result = reader.transliterate(line) if reader_id is not None else \
            transliterate_in(line, scheme.id, args.lang)  # word by word
        if args.format == "text":
            out.write(result + "\n")
        else:
            record: dict[str, Any] = {"input": line, "output": result,
                                      "scheme": reader_id or scheme.id}
            if args.trace:
                record["trace"] = [s.as_dict() for s in reader.trace(line)]
            if args.format == "json":
                records.append(record)
                continue
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        if args.trace and args.format == "text":
            _write_trace(reader, line, out)
        if interactive:
            out.flush()
    if args.format == "json":
        out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")


def run_convert(args: argparse.Namespace) -> int:
    """``translit convert``."""
    from translit.cli.common import UsageError, guard_output, warn_empty

    latin = args.source is not None and args.source != "cyrillic"
    if args.to == "cyrillic" and not latin:
        args.source, latin = "auto", True
    if args.candidates and args.to != "cyrillic":
        raise UsageError("--candidates needs --to cyrillic")
    if args.candidates < 0:
        raise UsageError("--candidates must be at least 1")
    if args.text:
        guard_output(args.output, [], texts=args.text)
    else:
        guard_output(args.output, [args.input])
        warn_empty([args.input])
    if latin:
        if args.source != "auto":
            get_scheme(args.source)
        if args.to != "cyrillic":
            get_scheme(args.to)
        with atomic_output(args.output) as out:
            _convert_names(_lines(args), args, out)
        return EXIT_OK
    scheme = get_scheme(args.to)
    with atomic_output(args.output) as out:
        _convert_lines(scheme, _lines(args), args, out)
    return EXIT_OK


def _convert_names(lines: Iterable[str], args: argparse.Namespace, out: TextIO) -> None:
    """Latin names (one per line) into a scheme or back into Cyrillic."""
    from translit.names.reverse import to_cyrillic
    from translit.text.conversion import convert

    records: list[dict[str, Any]] = []
    for line in lines:
        if args.candidates:
            found = to_cyrillic(line, args.source, args.candidates,
                                lexicon=args.lexicon) if line.strip() else []
            record: dict[str, Any] = {"input": line, **_verdict(line, args), "candidates": [
                {"text": c.text, "score": c.score, "schemes": list(c.schemes)} for c in found]}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        result = convert(line, to=args.to, source=args.source,
                         lexicon=args.lexicon) if line.strip() else line
        if args.format == "text":
            out.write(result + "\n")
            continue
        record = {"input": line, "output": result, "scheme": args.to, "from": args.source,
                  **_verdict(line, args)}
        if args.format == "json":
            records.append(record)
        else:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if args.format == "json" and not args.candidates:
        out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")


def _verdict(line: str, args: argparse.Namespace) -> dict[str, Any]:
    """Whether the name finder judges ``line`` a Russian name (``russian``: true, false or
    null for undecided, ``origin``: why), as ``convert --from auto`` decides; {} otherwise."""
    if args.source != "auto" or not line.strip():
        return {}
    from translit.text.origin import name_origin

    return name_origin(line, lexicon=args.lexicon).as_dict()


def run_schemes(args: argparse.Namespace) -> int:
    """``translit schemes``."""
    from translit.schemes.languages import SOURCE

    schemes = list_schemes()
    if args.format == "json":
        rows = [{"id": s.id, "title": s.title, "path": s.spec.path, **s.meta,
                 "source": s.spec.source} for s in schemes]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    width = max(len(s.id) for s in schemes)
    sources = sorted({s.spec.source for s in schemes}, key=lambda c: (c != SOURCE, c))
    for index, source in enumerate(sources):  # by the language the tables read: ru first
        if index:
            print()
        print(f"# {_language_name(source)} ({source})")
        for scheme in (s for s in schemes if s.spec.source == source):
            print(f"{scheme.id:<{width}}  {scheme.title}")
    return EXIT_OK


def _language_name(code: str) -> str:
    """The English name of a language code (CLDR through babel), or the code itself."""
    from babel import Locale

    return str(Locale("en").languages.get(code, code))


def run_check(args: argparse.Namespace) -> int:
    """``translit check``: exit 1 when a table is invalid or a sample fails."""
    from translit.schemes.checks import check_table

    targets = args.tables_to_check or sorted(scheme_files())
    failed = False
    for target in targets:
        try:
            report = check_table(target)
        except TableError as exc:
            print(str(exc))
            failed = True
            continue
        for problem in [*report.failures, *report.findings]:
            print(str(problem))
        print(report.summary())
        failed = failed or not report.ok
    return EXIT_ERROR if failed else EXIT_OK
