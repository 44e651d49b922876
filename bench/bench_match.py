"""Name matching side by side: translit against Beider-Morse (abydos) and Jaro-Winkler (rapidfuzz).

Run: ``pip install ".[bench]" && python bench/bench_match.py [--cross 3000]``.
Every matcher judges the same pairs, in one run:

- positives: the English and the German press spelling of each person and place of
  ``tests/data/names_eval.tsv`` (one pair per row);
- negatives: the hard negative pairs of ``tests/data/names_negatives.tsv`` (different people with
  similar names) and ``--cross`` pairs of different people of the evaluation set (the English
  spelling of one against the German spelling of another, drawn at random with a fixed seed).

Beider-Morse (abydos ``BeiderMorse``, generic names, approximate matching) calls two names the
same when their sets of phonetic codes share a code; Jaro-Winkler compares the unidecoded
lowercase strings and calls them the same at or above ``--threshold`` (0.90). translit uses
``translit.match(a, b).same``, with the lexicon and without it. Pairs per second count the whole
decision for a pair; translit runs with its caches cleared first (cold), and again warm.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from common import print_build, print_table

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "helpers")]

from eval_names import read_negatives, read_rows  # noqa: E402

Matcher = Callable[[str, str], bool]


def pairs(cross: int) -> tuple[list[tuple[str, str, bool]], list[tuple[str, str]]]:
    """(positive pairs with 'follows the conventions', negative pairs) from the evaluation data."""
    rows = read_rows()
    positives = [(row.en, row.de, row.convention == "rule") for row in rows]
    negatives = list(read_negatives())
    rng = random.Random(2021)
    while cross > 0:
        left, right = rng.choice(rows), rng.choice(rows)
        if left.cyrillic != right.cyrillic:
            negatives.append((left.en, right.de))
            cross -= 1
    return positives, negatives


def beider_morse() -> Matcher | None:
    """Beider-Morse from abydos, if installed."""
    try:
        from abydos.phonetic import BeiderMorse
    except ImportError:
        print("abydos not installed", file=sys.stderr)
        return None
    coder = BeiderMorse()

    def same(a: str, b: str) -> bool:
        return bool(set(coder.encode(a).split()) & set(coder.encode(b).split()))

    return same


def jaro_winkler(threshold: float) -> Matcher | None:
    """Jaro-Winkler similarity of unidecoded lowercase strings, from rapidfuzz, if installed."""
    try:
        from rapidfuzz.distance import JaroWinkler
    except ImportError:
        print("rapidfuzz not installed", file=sys.stderr)
        return None
    from unidecode import unidecode

    def same(a: str, b: str) -> bool:
        return bool(JaroWinkler.similarity(unidecode(a).lower(), unidecode(b).lower())
                    >= threshold)

    return same


def translit_matcher(*, lexicon: bool) -> Matcher:
    """translit's verdict (``match(a, b).same``)."""
    from translit.names.matching import match

    def same(a: str, b: str) -> bool:
        return match(a, b, lexicon=lexicon).same

    return same


def clear_translit() -> None:
    """Forget every name translit has parsed or keyed (the derived tables stay)."""
    from translit.names import keys as name_key
    from translit.names import matching
    from translit.schemes import registry
    matching.clear_cache()
    name_key.clear_cache()
    for scheme in registry.list_schemes():
        scheme.clear_caches()


Figures = tuple[float, float, float, float]


def measure(matcher: Matcher, positives: list[tuple[str, str, bool]],
            negatives: list[tuple[str, str]]) -> Figures:
    """(recall on rule rows, recall on all, false-match rate, pairs per second)."""
    started = time.perf_counter()
    hits = [(matcher(a, b), rule) for a, b, rule in positives]
    false = sum(matcher(a, b) for a, b in negatives)
    seconds = time.perf_counter() - started
    rule = [hit for hit, is_rule in hits if is_rule]
    return (sum(rule) / len(rule), sum(hit for hit, _ in hits) / len(hits),
            false / len(negatives), (len(positives) + len(negatives)) / seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cross", type=int, default=3000,
                        help="random pairs of different people to add to the negatives")
    parser.add_argument("--threshold", type=float, default=0.90,
                        help="Jaro-Winkler similarity from which two names are the same")
    args = parser.parse_args()
    print_build()
    positives, negatives = pairs(args.cross)
    rule = sum(1 for *_, is_rule in positives if is_rule)
    print(f"{len(positives)} pairs of one name (English / German press; {rule} names that follow "
          f"the conventions), {len(negatives)} pairs of different names "
          f"({len(negatives) - args.cross} hard negatives)")
    translit_matcher(lexicon=True)("Anton Shkaplerov", "Anton Schkaplerow")  # read the tables
    results: dict[str, Figures] = {}
    for lexicon in (True, False):
        label = "translit" + ("" if lexicon else " (rules only)")
        clear_translit()
        results[f"{label}, cold"] = measure(translit_matcher(lexicon=lexicon), positives,
                                            negatives)
        results[f"{label}, warm"] = measure(translit_matcher(lexicon=lexicon), positives,
                                            negatives)
    peers = {"Beider-Morse (abydos)": beider_morse(),
             f"Jaro-Winkler ≥ {args.threshold} (rapidfuzz)": jaro_winkler(args.threshold)}
    for label, matcher in peers.items():
        if matcher is not None:
            results[label] = measure(matcher, positives, negatives)
    bm = results.get("Beider-Morse (abydos)")
    rows = []
    for label, (rule, recall, false, rate) in results.items():
        speed = f"{rate / bm[3]:,.0f}x" if bm else "–"
        rows.append([label, f"{100 * rule:.1f} %", f"{100 * recall:.1f} %",
                     f"{100 * false:.2f} %", f"{rate:,.0f}", speed])
    print_table("matching on the same pairs",
                ["matcher", "recall (rule names)", "recall (all)", "false matches", "pairs/s",
                 "speed vs Beider-Morse"], rows)


if __name__ == "__main__":
    main()
