"""Evaluation of reverse transliteration, conversion and matching on real names.

Run ``python tests/helpers/eval_names.py`` from the repository root to print the figures (with and
without the lexicon) that the README quotes; ``tests/names/test_names_eval.py`` asserts the targets.

Data: ``tests/data/names_eval.tsv`` (real people and places: Cyrillic, English and German press
spellings, ``convention`` = ``rule`` or ``exonym``) and ``tests/data/names_negatives.tsv``
(different people with similar names). See ``tests/data/README.md``.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from translit import get_scheme
from translit.names.conversion import convert
from translit.names.matching import match
from translit.names.reverse import to_cyrillic

DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class Row:
    """One person or place of the evaluation set."""

    kind: str
    cyrillic: str
    en: str
    de: str
    convention: str


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as stream:
        lines = [line for line in stream if line.strip() and not line.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t")


def read_rows() -> list[Row]:
    """The rows of ``names_eval.tsv``."""
    return [Row(r["kind"], r["cyrillic"], r["en"], r["de"], r["convention"])
            for r in _rows(DATA / "names_eval.tsv")]


def read_negatives() -> list[tuple[str, str]]:
    """Pairs of different people with similar names (``names_negatives.tsv``), if present."""
    path = DATA / "names_negatives.tsv"
    if not path.is_file():
        return []
    return [(r["a"], r["b"]) for r in _rows(path)]


@dataclass
class Figures:
    """Counts behind one column of the report."""

    counts: dict[str, list[int]] = field(default_factory=dict)
    failures: dict[str, list[str]] = field(default_factory=dict)

    def add(self, metric: str, ok: bool, detail: str = "", *, failed: bool | None = None) -> None:
        """Count one case; ``failed`` (default: not ``ok``) lists it among the failures."""
        hit = self.counts.setdefault(metric, [0, 0])
        hit[0] += int(ok)
        hit[1] += 1
        if (not ok if failed is None else failed) and detail:
            self.failures.setdefault(metric, []).append(detail)

    def rate(self, metric: str) -> float:
        hit, total = self.counts.get(metric, [0, 0])
        return hit / total if total else float("nan")

    def total(self, metric: str) -> int:
        return self.counts.get(metric, [0, 0])[1]


def follows_table(row: Row, scheme: str) -> bool:
    """Whether the row's spelling in ``scheme`` is exactly what that scheme's table gives."""
    return get_scheme(scheme).transliterate(row.cyrillic) == getattr(row, scheme)


def evaluate(rows: list[Row], negatives: list[tuple[str, str]], *, lexicon: bool,
             cross_pairs: bool = True) -> Figures:
    """Every figure of the report for ``rows`` (one setting of the lexicon switch)."""
    figures = Figures()
    for row in rows:
        for source, target in (("en", "de"), ("de", "en")):
            spelling, expected = getattr(row, source), getattr(row, target)
            output = convert(spelling, to=target, lexicon=lexicon)
            detail = f"{spelling} → {output} (want {expected})"
            figures.add(f"{source}→{target} exact", output == expected, detail)
            if follows_table(row, target):
                figures.add(f"{source}→{target} exact, {target} by table", output == expected,
                            detail)
            found = [c.text for c in to_cyrillic(spelling, n=5, lexicon=lexicon)]
            where = f"{spelling}: {found[:3]} (want {row.cyrillic})"
            figures.add(f"reverse {source} top-1", found[:1] == [row.cyrillic], where)
            figures.add(f"reverse {source} top-5", row.cyrillic in found, where)
        for a, b in ((row.en, row.de), (row.en, row.cyrillic), (row.de, row.cyrillic)):
            result = match(a, b, lexicon=lexicon)
            figures.add("match recall", result.same, f"{a} / {b}: {result.why}")
    for a, b in negatives:
        result = match(a, b, lexicon=lexicon)
        figures.add("false match, hard negatives", result.same, f"{a} / {b}: {result.why}",
                    failed=result.same)
        figures.add("false match, all", result.same)
    if cross_pairs:
        for i, left in enumerate(rows):
            for j, right in enumerate(rows):
                if i == j or left.cyrillic == right.cyrillic:
                    continue
                same = match(left.en, right.de, lexicon=lexicon).same
                figures.add("false match, different people", same,
                            f"{left.en} / {right.de}", failed=same)
                figures.add("false match, all", same)
    return figures


METRICS = ("en→de exact", "de→en exact", "en→de exact, de by table", "de→en exact, en by table",
           "reverse en top-1", "reverse en top-5", "reverse de top-1", "reverse de top-5",
           "match recall", "false match, hard negatives", "false match, different people",
           "false match, all")


def report(subsets: dict[str, tuple[Figures, Figures]]) -> str:
    """The figures as a Markdown table: one column per subset and lexicon setting."""
    header = ["metric"]
    for name in subsets:
        header += [f"{name}, lexicon", f"{name}, rules only"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for metric in METRICS:
        cells = [metric]
        for with_lexicon, without in subsets.values():
            for figures in (with_lexicon, without):
                total = figures.total(metric)
                cells.append(f"{100 * figures.rate(metric):.1f} % ({total})" if total else "–")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    """Print the evaluation report."""
    rows = read_rows()
    negatives = read_negatives()
    started = time.perf_counter()
    subsets = {}
    for name, chosen in (("rule", [r for r in rows if r.convention == "rule"]), ("all", rows)):
        subsets[name] = (evaluate(chosen, negatives, lexicon=True),
                         evaluate(chosen, negatives, lexicon=False))
    print(f"{len(rows)} names ({sum(r.convention == 'rule' for r in rows)} by rule), "
          f"{len(negatives)} hard negative pairs; {time.perf_counter() - started:.1f} s\n")
    print(report(subsets))
    _, rules_only = subsets["rule"]
    for metric, failures in sorted(rules_only.failures.items()):
        if "different people" in metric or metric == "false match, all":
            continue
        print(f"\n{metric}: {len(failures)} misses (rule rows, rules only)")
        for failure in failures[:25]:
            print(f"  {failure}")


if __name__ == "__main__":
    main()
