"""Golden files in samples/: the outputs the README shows, compared byte for byte.

Regenerate after an intended change with ``python tests/test_golden.py --update``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from translit.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CASES = [(["convert", "--to", scheme, "-i", str(SAMPLES / "story-names.ru.txt")],
          SAMPLES / f"story-names.{scheme}.txt") for scheme in ("de", "en")]


@pytest.mark.parametrize(("argv", "golden"), CASES, ids=[g.name for _, g in CASES])
def test_golden(argv: list[str], golden: Path, tmp_path: Path) -> None:
    out = tmp_path / golden.name
    assert main([*argv, "-o", str(out)]) == 0
    assert out.read_bytes() == golden.read_bytes()


if __name__ == "__main__" and "--update" in sys.argv:
    for argv, golden in CASES:
        main([*argv, "-o", str(golden)])
