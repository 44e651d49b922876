"""The package stays mypy --strict and ruff clean, and imports fast without reading tables."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *argv], cwd=ROOT, capture_output=True,
                          text=True, check=False, timeout=600)


def test_mypy_strict() -> None:
    result = _run("mypy", "--strict", "translit")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff() -> None:
    result = _run("ruff", "check", "translit", "tests", "bench", "hatch_build.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_py_typed_is_shipped() -> None:
    assert (ROOT / "translit" / "py.typed").is_file()


def test_import_reads_no_table_and_compiles_no_pattern() -> None:
    code = ("import sys, translit, translit.schemes.registry as r, translit.schemes.scheme as s;"
            "assert not r._loaded and not s._PATTERN;"
            "assert 'regex' not in sys.modules and 'tomllib' not in sys.modules;"
            "assert 'babel' not in sys.modules and 'unidecode' not in sys.modules")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("module", ["translit"])
def test_doctests_run(module: str) -> None:
    result = _run("pytest", "-q", "-p", "no:cacheprovider", "--doctest-modules", module)
    assert result.returncode == 0, result.stdout[-3000:]
