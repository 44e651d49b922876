"""The ``translit`` command line: a thin layer over the Python API.

Each command lives in its own module that adds a subparser; this module parses, dispatches and
turns every :class:`~translit.errors.TranslitError` into one line on stderr (exit 1; usage
errors and unknown schemes exit 2). Never a traceback.

>>> main(["convert", "--to", "de", "Юлия Пересильд"])
Julija Peressild
0
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence

from translit.articles.output import STDOUT
from translit.cli import align, names, normalize, tables
from translit.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    UsageError,
    tables_option,
    user_tables,
)
from translit.errors import SchemeNotFoundError, TranslitError


class _Version(argparse.Action):
    """``--version``: the version and the build (compiled or pure Python), found when asked."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        from translit.buildinfo import VERSION, describe

        print(f"{PROG} {VERSION} ({describe()})")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command module's subcommand."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Russian names across Latin spellings and Cyrillic; dates and times to "
                    "ISO 8601/UTC.")
    parser.add_argument("--version", action=_Version, nargs=0,
                        help="show the version and how it was built, and exit")
    tables_option(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in (tables, normalize, names, align):
        command.add_parser(commands)
    for command_parser in commands.choices.values():
        tables_option(command_parser)
    return parser


def _register_tables(paths: Sequence[str]) -> None:
    from translit.schemes.registry import add_tables

    for path in paths:
        add_tables(path)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 error, 2 usage)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    try:
        args.tables = user_tables(args)
        _register_tables(args.tables)
        code: int = args.func(args)
    except SchemeNotFoundError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except UsageError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except TranslitError as exc:
        if getattr(exc, "source", None) == STDOUT:
            _silence_stdout()  # what stayed in its buffer cannot be written either
            if isinstance(exc.__context__, BrokenPipeError):
                return EXIT_OK  # the reader went away: not an error
        print(f"{PROG}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:  # one not met where it happened: still one line, never a traceback
        where = exc.filename if exc.filename is not None else STDOUT
        if where == STDOUT:
            _silence_stdout()
        print(f"{PROG}: {where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    return code


def _silence_stdout() -> None:
    """After the reader of our stdout went away, keep Python from complaining at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # unwinds like Ctrl-C: a partial -o output file is removed


def run() -> None:
    """Console-script entry point (SIGTERM and SIGHUP stop it as cleanly as Ctrl-C)."""
    signal.signal(signal.SIGTERM, _terminate)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, _terminate)
    sys.exit(main())
