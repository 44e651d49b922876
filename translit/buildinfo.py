"""How this installation was built: which modules run compiled (mypyc) and which as Python.

A wheel built where a C compiler is present carries the hot modules compiled (see
``hatch_build.py``); a source checkout or an editable install runs pure Python. The results
are the same either way, only the speed differs.

>>> build_kind() in ("pure Python", "mypyc")
True
"""

from __future__ import annotations

VERSION = "0.1.0"
"""The version of translit (``translit.__version__``)."""

__all__ = ["VERSION", "build_kind", "compiled_modules", "describe"]


def compiled_modules() -> list[str]:
    """The dotted names of translit's modules that load from compiled extension files."""
    from importlib.machinery import EXTENSION_SUFFIXES
    from pathlib import Path

    package = Path(__file__).resolve().parent
    suffixes = sorted(EXTENSION_SUFFIXES, key=len, reverse=True)  # ".cpython-311-….so" first
    found = set()
    for path in package.rglob("*"):
        suffix = next((s for s in suffixes if path.name.endswith(s)), None)
        if suffix is not None:
            parts = path.relative_to(package.parent).parts
            found.add(".".join((*parts[:-1], parts[-1][:-len(suffix)])))
    return sorted(found)


def build_kind() -> str:
    """``"mypyc"`` if the date and name modules run compiled, else ``"pure Python"``."""
    compiled = set(compiled_modules())
    return "mypyc" if {"translit.temporal.grammar", "translit.text.finder"} <= compiled \
        else "pure Python"


def describe() -> str:
    """One line for ``--version`` and the benchmarks, e.g. ``pure Python``."""
    count = len(compiled_modules())
    return f"{count} modules compiled with mypyc" if count else "pure Python"
