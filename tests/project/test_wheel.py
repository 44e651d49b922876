"""Build the wheel, install it into a folder of its own and use it from there.

Where a C compiler is present the wheel carries the hot modules compiled with mypyc
(``hatch_build.py``). The rest of the suite runs the sources, so here the evaluation sets, the
golden samples and the date and document tests run again against the installed compiled wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HAS_COMPILER = any(shutil.which(c) for c in ("cc", "gcc", "clang"))
AGAIN_COMPILED = ("project/test_caching.py", "articles/test_golden.py",
                  "temporal/test_dates_eval.py", "temporal/test_dates_find.py",
                  "temporal/test_dates_ranges_years.py", "text/test_name_finding_eval.py",
                  "names/test_names_eval.py", "schemes/test_transliteration_eval.py",
                  "schemes/test_table_samples.py", "articles/test_normalize_documents.py",
                  "temporal/test_zones.py", "project/test_properties.py")
"""The test files that run a second time against the compiled wheel."""


def _build(out: Path, **env: str) -> Path:
    result = subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out)],
                            cwd=ROOT, capture_output=True, text=True, check=False, timeout=900,
                            env={**os.environ, **env})
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    wheels = list(out.glob("translit-*.whl"))
    assert len(wheels) == 1
    return wheels[0]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("dist"))


class Installed:
    """The wheel installed into a folder of its own, run by this Python with the folder first
    on its path (this environment's packages supply the dependencies)."""

    def __init__(self, wheel: Path, target: Path) -> None:
        self.target = target
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                        "--no-index", "--target", str(target), str(wheel)],
                       check=True, timeout=300)

    def run(self, argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
        """``python ARGV`` (or the ``translit`` command if ARGV starts with it) in ``cwd``."""
        if argv[0] == "translit":
            argv = ["-c", "import sys; from translit.cli.main import run; sys.argv[0] = 'translit';"
                          " run()", *argv[1:]]
        env = {**os.environ, "PYTHONPATH": str(self.target)}
        return subprocess.run([sys.executable, *argv], cwd=cwd, env=env, capture_output=True,
                              text=True, check=False, timeout=900)


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    return Installed(wheel, tmp_path_factory.mktemp("installed"))


def test_wheel_ships_tables_and_py_typed(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "translit/py.typed" in names
    assert "translit/tables/schemes/de.toml" in names
    assert "translit/tables/README.md" in names


def test_installed_wheel_finds_its_tables(installed: Installed, tmp_path: Path) -> None:
    check = ("import translit, pathlib;"
             f"assert translit.__file__.startswith({str(installed.target)!r}), translit.__file__;"
             "print(translit.transliterate('Юлия Пересильд', 'de'))")
    result = installed.run(["-c", check], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Julija Peressild\n"
    cli = installed.run(["translit", "convert", "--to", "de", "Пётр Дубров"], tmp_path)
    assert (cli.returncode, cli.stdout) == (0, "Pjotr Dubrow\n"), cli.stderr


@pytest.mark.skipif(not HAS_COMPILER, reason="no C compiler: the wheel is pure Python")
def test_wheel_carries_the_compiled_modules(wheel: Path, installed: Installed,
                                            tmp_path: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("translit/temporal/grammar.") and n.endswith(".so") for n in names)
    assert any(n.startswith("translit/text/finder.") and n.endswith(".so") for n in names)
    assert "translit/temporal/grammar.py" in names  # the sources stay beside them
    assert not wheel.name.endswith("-py3-none-any.whl")
    result = installed.run(["translit", "--version"], tmp_path)
    assert result.returncode == 0 and "compiled with mypyc" in result.stdout, result


@pytest.mark.skipif(not HAS_COMPILER, reason="no C compiler: the wheel is pure Python")
def test_compiled_wheel_passes_the_evaluations_and_goldens(installed: Installed,
                                                           tmp_path: Path) -> None:
    """The evaluation sets, goldens and date tests, run against the installed compiled wheel
    from a copy of the tests that has no ``translit`` source folder beside it."""
    for folder in ("tests", "samples", "bench"):
        shutil.copytree(ROOT / folder, tmp_path / folder,
                        ignore=shutil.ignore_patterns("__pycache__", ".hypothesis"))
    probe = installed.run(["-c", "from translit.buildinfo import build_kind; import translit;"
                           " print(build_kind(), translit.__file__)"], tmp_path)
    assert probe.stdout.startswith(f"mypyc {installed.target}"), probe
    result = installed.run(["-m", "pytest", "-q", "-p", "no:cacheprovider",
                            *(f"tests/{name}" for name in AGAIN_COMPILED)], tmp_path)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


@pytest.mark.parametrize("order", ["before", "after"])
def test_public_names_hold_in_the_installed_wheel(installed: Installed, order: str,
                                                  tmp_path: Path) -> None:
    from test_layout import check_public_names, public_names

    env = {**os.environ, "PYTHONPATH": str(installed.target)}
    check_public_names(public_names([sys.executable], order, tmp_path, env))


def test_pure_python_wheel_on_request(tmp_path: Path) -> None:
    wheel = _build(tmp_path, TRANSLIT_PURE_PYTHON="1")
    assert wheel.name.endswith("-py3-none-any.whl")
    assert not any(n.endswith(".so") for n in zipfile.ZipFile(wheel).namelist())


def test_a_failing_compiler_gives_a_pure_python_wheel(tmp_path: Path) -> None:
    """No working C compiler: the build says so and ships pure Python instead of failing."""
    wheel = _build(tmp_path, CC=str(tmp_path / "no-such-cc"))
    assert wheel.name.endswith("-py3-none-any.whl")
    assert not any(n.endswith(".so") for n in zipfile.ZipFile(wheel).namelist())
