"""Exact-match rate of en and de transliteration on real names that are not table samples.

The case file ``tests/data/names_eval.tsv`` (see ``tests/data/README.md``) holds people and places
with their English Wikipedia / press and German Wikipedia / press spellings. ``rule`` rows follow
the ordinary conventions; ``exonym`` rows (Moscow, Tchaikovsky) are measured but no rule can
reach them. Run ``python tests/schemes/test_transliteration_eval.py`` to print the figures and
misses.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from translit import get_scheme
from translit.schemes.loader import read_table
from translit.table_layer import builtin_dir

DATA = Path(__file__).resolve().parents[1] / "data" / "names_eval.tsv"
# Measured rates on `rule` rows must not fall below these (regression guards).
TARGETS = {"en": 0.88, "de": 0.99}


def eval_rows() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8") as stream:
        lines = [line for line in stream if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def exact_rate(scheme_id: str, rows: list[dict[str, str]]) -> tuple[float, list[str]]:
    scheme = get_scheme(scheme_id)
    misses = [f"{r['cyrillic']} → {scheme.transliterate(r['cyrillic'])} (expected {r[scheme_id]})"
              for r in rows if scheme.transliterate(r["cyrillic"]) != r[scheme_id]]
    return 1 - len(misses) / len(rows), misses


def test_the_set_is_large_and_held_out() -> None:
    rows = eval_rows()
    assert len(rows) >= 200
    samples = set()
    for path in (builtin_dir() / "schemes").glob("*.toml"):
        samples.update(read_table(path).samples)
    overlap = [r["cyrillic"] for r in rows if r["cyrillic"] in samples]
    assert not overlap, f"evaluation names that are also table samples: {overlap}"


@pytest.mark.parametrize("scheme_id", sorted(TARGETS))
def test_exact_match_rate_on_conventional_names(scheme_id: str) -> None:
    rows = [r for r in eval_rows() if r["convention"] == "rule"]
    rate, misses = exact_rate(scheme_id, rows)
    assert rate >= TARGETS[scheme_id], "\n".join(misses)


def report() -> None:
    rows = eval_rows()
    for scheme_id in sorted(TARGETS):
        for label, subset in (("rule", [r for r in rows if r["convention"] == "rule"]),
                              ("all", rows)):
            rate, misses = exact_rate(scheme_id, subset)
            print(f"{scheme_id} {label:4} {len(subset):4} names  exact {rate:.1%}")
            if label == "rule" and "-v" in sys.argv:
                print("  " + "\n  ".join(misses))


if __name__ == "__main__":
    report()
