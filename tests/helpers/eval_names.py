"""Evaluation of reverse transliteration, conversion and matching on real names.

Run ``python tests/helpers/eval_names.py`` from the repository root to print the figures (with and
without the lexicon) that the README quotes, once for the tuned part and once for the held-out
part; ``tests/names/test_names_eval.py`` asserts the targets on the tuned part and
``tests/names/test_names_heldout.py`` the floors on the held-out part.

Data: ``tests/data/names_eval.tsv`` (the tuned part: real people and places, Cyrillic, English and
German press spellings, ``convention`` = ``rule`` or ``exonym``), ``tests/data/names_heldout.tsv``
(the held-out part, same columns, names from independent public lists, never used to write rules)
and ``tests/data/names_negatives.tsv`` (different people with similar names). See
``tests/data/README.md``.

False matches between different names are counted on pairs of spellings of different rows: each
row of a part is paired with other rows of both files (``cross_pairs``), at least
``FALSE_MATCH_PAIRS`` pairs per part in the script; the tests use a sample (``pair_limit``).
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from math import gcd
from pathlib import Path

from translit import get_scheme
from translit.names.matching import match
from translit.names.reverse import to_cyrillic
from translit.text.conversion import convert

DATA = Path(__file__).resolve().parents[1] / "data"
# The two parts of the evaluation set: the tuned one (rules were written looking at it) and the
# held-out one (written in full before any measurement, never used to write rules).
PARTS = {"tuned": DATA / "names_eval.tsv", "held-out": DATA / "names_heldout.tsv"}
# Different-name pairs checked per part for false matches by the script (issue 15: ≥ 200,000).
FALSE_MATCH_PAIRS = 200_000
# Which spellings of the two rows a pair compares, taken in turn.
PAIR_SPELLINGS = (("en", "de"), ("de", "en"), ("en", "cyrillic"), ("de", "cyrillic"))


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


def read_rows(part: str = "tuned") -> list[Row]:
    """The rows of one part: ``tuned`` (``names_eval.tsv``, the default) or ``held-out``
    (``names_heldout.tsv``)."""
    return [Row(r["kind"], r["cyrillic"], r["en"], r["de"], r["convention"])
            for r in _rows(PARTS[part])]


def read_heldout() -> list[Row]:
    """The rows of ``names_heldout.tsv``."""
    return read_rows("held-out")


def read_sources(part: str = "held-out") -> list[dict[str, str]]:
    """The raw rows of one part with every column (``source_en``, ``source_de`` included)."""
    return list(_rows(PARTS[part]))


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


GENERIC = frozenset({"область", "край", "республика", "округ", "автономный", "река", "озеро",
                     "остров", "гора"})
"""Words of place names that a shorter mention drops (Самарская область / Самара)."""


def _may_be_one(a: str, b: str) -> bool:
    """Whether two rows' names can be one name as far as the words go: the same, or one's
    words among the other's (Ломоносов / Михаил Ломоносов: a town named after a person, read
    as that person's surname alone), or a region and its city (Самарская область / Самара).
    """
    def words(name: str) -> list[tuple[str, bool]]:
        out = []
        for word in name.lower().replace("-", " ").split():
            if word in GENERIC:
                continue
            adjective = word.endswith(("ская", "ский", "ской"))
            out.append((word[:-4] if adjective else word, adjective))
        return out

    def same(x: tuple[str, bool], y: tuple[str, bool]) -> bool:
        if x[0] == y[0]:
            return True
        stem, other = (x[0], y[0]) if x[1] else (y[0], x[0]) if y[1] else ("", "")
        return bool(stem) and other.startswith(stem) and len(other) - len(stem) <= 2

    left, right = words(a), words(b)
    return all(any(same(x, y) for y in right) for x in left) or \
        all(any(same(y, x) for x in left) for y in right)


def cross_pairs_of(rows: list[Row], pool: list[Row],
                   limit: int | None = None) -> Iterator[tuple[Row, str, str]]:
    """Pairs of spellings of different names: each row of ``rows`` against other rows of
    ``pool`` , spellings taken in turn from
    ``PAIR_SPELLINGS``; pairs that may be one name by their words (:func:`_may_be_one`) are
skipped too. Without ``limit`` every row meets every other row of the pool; with it,
    each row meets about ``limit / len(rows)`` partners spread evenly over the pool, so that
    about ``limit`` pairs are made. Yields (left row, left spelling, right spelling)."""
    if not rows or len(pool) < 2:
        return
    size = len(pool)
    partners = size - 1 if limit is None else min(size - 1, -(-limit // len(rows)))
    step = max(1, (size - 1) // partners)
    while gcd(step, size) != 1:  # a step prime to the pool size visits every row once
        step += 1
    position = {id(row): index for index, row in enumerate(pool)}
    for number, left in enumerate(rows):
        start = position.get(id(left), number)
        made = 0
        for k in range(1, size):
            if made == partners:
                break
            right = pool[(start + k * step) % size]
            if right is left or _may_be_one(left.cyrillic, right.cyrillic):
                continue
            first, second = PAIR_SPELLINGS[(number + made) % len(PAIR_SPELLINGS)]
            made += 1
            yield left, getattr(left, first), getattr(right, second)


def evaluate(rows: list[Row], negatives: list[tuple[str, str]], *, lexicon: bool,
             cross_pairs: bool = True, pool: list[Row] | None = None,
             pair_limit: int | None = None) -> Figures:
    """Every figure of the report for ``rows`` (one setting of the lexicon switch).

    False matches between different names pair ``rows`` with ``pool`` (default: ``rows``
    themselves, English spelling against German); ``pair_limit`` caps the number of pairs.
    """
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
        for label, (a, b) in (("(en, de)", (row.en, row.de)),
                              ("(en, cyrillic)", (row.en, row.cyrillic)),
                              ("(de, cyrillic)", (row.de, row.cyrillic))):
            result = match(a, b, lexicon=lexicon)
            figures.add("match recall", result.same, f"{a} / {b}: {result.why}")
            figures.add(f"match recall {label}", result.same, f"{a} / {b}: {result.why}")
    for a, b in negatives:
        result = match(a, b, lexicon=lexicon)
        figures.add("false match, hard negatives", result.same, f"{a} / {b}: {result.why}",
                    failed=result.same)
        figures.add("false match, all", result.same)
    if cross_pairs:
        if pool is None and pair_limit is None:
            pairs: Iterator[tuple[Row, str, str]] = (
                (left, left.en, right.de) for i, left in enumerate(rows)
                for j, right in enumerate(rows) if i != j and left.cyrillic != right.cyrillic)
        else:
            pairs = cross_pairs_of(rows, rows if pool is None else pool, pair_limit)
        for _, a, b in pairs:
            same = match(a, b, lexicon=lexicon).same
            figures.add("false match, different people", same, f"{a} / {b}", failed=same)
            figures.add("false match, all", same)
    return figures


METRICS = ("en→de exact", "de→en exact", "en→de exact, de by table", "de→en exact, en by table",
           "reverse en top-1", "reverse en top-5", "reverse de top-1", "reverse de top-5",
           "match recall", "match recall (en, de)", "match recall (en, cyrillic)",
           "match recall (de, cyrillic)", "false match, hard negatives",
           "false match, different people", "false match, all")


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


def evaluate_part(part: str, pool: list[Row], negatives: list[tuple[str, str]], *,
                  pair_limit: int | None = FALSE_MATCH_PAIRS
                  ) -> dict[str, tuple[Figures, Figures]]:
    """The figures of one part for ``rule`` rows and for all rows, each with and without the
    lexicon (``{"rule": (lexicon, rules only), "all": (...)}``); false matches pair the
    part's rows with ``pool``."""
    rows = read_rows(part)
    subsets = {}
    for name, chosen in (("rule", [r for r in rows if r.convention == "rule"]), ("all", rows)):
        subsets[name] = tuple(evaluate(chosen, negatives, lexicon=setting, pool=pool,
                                       pair_limit=pair_limit)
                              for setting in (True, False))
    return subsets  # type: ignore[return-value]


def main() -> None:
    """Print the evaluation report: one table per part (tuned, held-out)."""
    negatives = read_negatives()
    pool = [row for part in PARTS for row in read_rows(part)]
    for part in PARTS:
        rows = read_rows(part)
        started = time.perf_counter()
        subsets = evaluate_part(part, pool, negatives)
        _, rules_only = subsets["rule"]
        _, all_rules_only = subsets["all"]
        print(f"## {part} part ({PARTS[part].name})\n")
        print(f"{len(rows)} names ({sum(r.convention == 'rule' for r in rows)} by rule), "
              f"{len(negatives)} hard negative pairs; different-name pairs checked: "
              f"{all_rules_only.total('false match, different people')} (all rows), "
              f"{rules_only.total('false match, different people')} (rule rows), each against "
              f"rows of both files ({len(pool)} names); {time.perf_counter() - started:.1f} s\n")
        print(report(subsets))
        for metric, failures in sorted(rules_only.failures.items()):
            if metric == "false match, all" or metric.startswith("match recall ("):
                continue
            print(f"\n{metric}: {len(failures)} misses ({part}, rule rows, rules only)")
            for failure in failures[:25]:
                print(f"  {failure}")
        print()


if __name__ == "__main__":
    main()
