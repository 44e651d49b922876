"""Build the wheel, install it in a fresh environment and transliterate from it."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out)],
                            cwd=ROOT, capture_output=True, text=True, check=False, timeout=900)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    wheels = list(out.glob("translit-*.whl"))
    assert len(wheels) == 1
    return wheels[0]


def test_wheel_ships_tables_and_py_typed(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "translit/py.typed" in names
    assert "translit/tables/schemes/de.toml" in names
    assert "translit/tables/README.md" in names


def test_installed_wheel_finds_its_tables(wheel: Path, tmp_path: Path) -> None:
    env = tmp_path / "env"
    venv.create(env, system_site_packages=True, with_pip=True)
    python = env / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps",
                    "--no-index", str(wheel)], check=True, timeout=300)
    check = ("import translit, pathlib;"
             "assert 'site-packages' in translit.__file__, translit.__file__;"
             "print(translit.transliterate('Юлия Пересильд', 'de'))")
    result = subprocess.run([str(python), "-c", check], cwd=tmp_path, capture_output=True,
                            text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Julija Peressild\n"
    cli = subprocess.run([str(env / "bin" / "translit"), "convert", "--to", "de", "Пётр Дубров"],
                         cwd=tmp_path, capture_output=True, text=True, check=False, timeout=120)
    assert (cli.returncode, cli.stdout) == (0, "Pjotr Dubrow\n"), cli.stderr
