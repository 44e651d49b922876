"""What every command shares: the program name, exit codes, common options and output guards.

>>> str(UsageError("two inputs and one -o"))
'two inputs and one -o'
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from translit.errors import TranslitError

PROG = "translit"
EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class UsageError(TranslitError):
    """A command line that cannot be carried out as written (exit 2)."""


def tables_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """Add ``--tables DIR`` (repeatable) to ``parser``: the program's (``top``) or a command's,
    kept apart so that both count (:func:`user_tables`)."""
    parser.add_argument("--tables", action="append", metavar="DIR",
                        dest="tables" if top else "command_tables", default=[],
                        help="add user tables from DIR or a .toml file (repeatable; before "
                             "or after the command)")


def user_tables(args: argparse.Namespace) -> list[str]:
    """Every ``--tables`` given, before the command and after it, in the order written."""
    return [*getattr(args, "tables", []), *getattr(args, "command_tables", [])]


def errors_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--errors strict|replace`` for undecodable input."""
    parser.add_argument("--errors", choices=("strict", "replace"), default="strict",
                        help="invalid UTF-8: stop with its byte offset (strict, default) "
                             "or replace it with U+FFFD")


def guard_output(output: str, inputs: Sequence[str], *, texts: Sequence[str] = ()) -> None:
    """Refuse an ``-o`` that is one of the input files, however named (a link, another path):
    inputs are never modified. ``texts`` (``convert``'s TEXT arguments) are refused too when
    one of them names the output file, since the user may have meant it as a file."""
    if output == "-" or not os.path.exists(output):
        return
    for path in inputs:
        if path != "-" and os.path.exists(path) and os.path.samefile(output, path):
            raise UsageError(f"{output}: output would overwrite an input file")
    for text in texts:
        if os.path.exists(text) and os.path.samefile(output, text):
            raise UsageError(f"{output}: output would overwrite a file named as TEXT "
                             "(convert reads TEXT as text; give a file with -i)")


def warn_empty(paths: Sequence[str]) -> None:
    """One line on stderr for each input file that is empty (the run goes on)."""
    for path in paths:
        if path != "-" and os.path.isfile(path) and os.path.getsize(path) == 0:
            print(f"{PROG}: {path}: warning: empty file", file=sys.stderr)
