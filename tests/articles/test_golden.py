"""Golden files in samples/: the outputs the README shows, compared byte for byte.

Regenerate after an intended change with
``python tests/articles/test_golden.py --update`` and review the diff before committing it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
EXPECTED = SAMPLES / "expected"
STORIES = ("soyuz-film", "chess-final", "ballet-tour")


def _cases() -> list[tuple[list[str], Path]]:
    cases = [(["convert", "--to", scheme, "-i", "samples/story-names.ru.txt"],
              SAMPLES / f"story-names.{scheme}.txt") for scheme in ("de", "en")]
    for story in STORIES:
        for lang in ("en", "de"):
            article = f"samples/{story}.{lang}.txt"
            cases.append((["normalize", "--format", "jsonl", article],
                          EXPECTED / f"{story}.{lang}.jsonl"))
            cases.append((["normalize", "--format", "annotated", article],
                          EXPECTED / f"{story}.{lang}.annotated"))
        pair = [f"samples/{story}.en.txt", f"samples/{story}.de.txt"]
        cases.append((["align", *pair], EXPECTED / f"{story}.align"))
        cases.append((["align", "--format", "json", *pair], EXPECTED / f"{story}.align.json"))
    return cases


CASES = _cases()


def _run(argv: list[str], output: Path) -> int:
    from translit.cli.main import main

    return main([*argv, "-o", str(output)])


@pytest.mark.parametrize(("argv", "golden"), CASES, ids=[g.name for _, g in CASES])
def test_golden(argv: list[str], golden: Path, tmp_path: Path,
                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / golden.name
    assert _run(argv, out) == 0
    assert out.read_bytes() == golden.read_bytes()


if __name__ == "__main__" and "--update" in sys.argv:
    import os

    os.chdir(ROOT)
    EXPECTED.mkdir(exist_ok=True)
    for argv, golden in CASES:
        assert _run(argv, golden) == 0, argv
        print("wrote", golden.relative_to(ROOT))
