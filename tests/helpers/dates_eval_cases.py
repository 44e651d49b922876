"""Read ``tests/data/dates_eval.tsv`` and render spans the way its ``expected`` column does.

Shared by ``tests/temporal/test_dates_eval.py`` and ``bench/bench_dates.py``. See
``tests/data/README.md``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

EVAL_FILE = Path(__file__).resolve().parents[1] / "data" / "dates_eval.tsv"
COLUMNS = ["lang", "ref", "text", "expected"]


@dataclass(frozen=True)
class Case:
    """One evaluation case: a sentence, its language and reference date, the expected values."""

    line: int
    lang: str
    ref: str | None
    text: str
    expected: tuple[str, ...]


def read_cases(path: Path = EVAL_FILE) -> list[Case]:
    """The cases of the TSV file (``#`` lines are comments; the first other line is the header)."""
    cases: list[Case] = []
    header_seen = False
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = raw.split("\t")
        if not header_seen:
            assert fields == COLUMNS, f"{path}:{number}: header must be {COLUMNS}"
            header_seen = True
            continue
        assert len(fields) == len(COLUMNS), f"{path}:{number}: {len(fields)} fields"
        lang, ref, text, expected = fields
        values = () if expected == "-" else tuple(v.strip() for v in expected.split(" | "))
        cases.append(Case(number, lang, None if ref == "-" else ref,
                          text.replace("\\n", "\n"), values))
    return cases


def render(span: dict[str, Any]) -> str:
    """``value[flag,flag]``: the value (``null`` if unresolved) and its mod, ambiguity, DST flag."""
    flags = [str(span["mod"])] if span.get("mod") else []
    if span.get("ambiguous"):
        flags.append("ambiguous")
    if span.get("dst"):
        flags.append(str(span["dst"]))
    value = "null" if span.get("value") is None else str(span["value"])
    return value + (f"[{','.join(flags)}]" if flags else "")


def render_all(spans: Iterable[dict[str, Any]]) -> tuple[str, ...]:
    return tuple(render(span) for span in spans)
