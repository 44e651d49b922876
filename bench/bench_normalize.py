"""Whole-article normalization throughput: translit against the floor and against dateparser.

Run: ``pip install ".[bench]" && python bench/bench_normalize.py [--copies 20]``.

The same English and German news text goes through, in one run and on one core:
- ``translit normalize`` (names, dates, times and durations; spans and rewritten text);
- a bare ``regex`` scan for words (``\\w+``), the floor no text tool can beat;
- dateparser's ``search_dates`` with the language set, article by article (dates only).
The text is the sample articles in ``samples/`` and the labelled paragraphs of
``tests/data/name_finding.txt`` (markup removed), repeated ``--copies`` times. MB/s of UTF-8
per CPU second; translit and the scan run in turn for ``--rounds`` rounds and the best round
of each counts, so that a busy neighbour on a shared machine slows both alike.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from common import interleaved_best, print_build, print_table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "helpers"))
from name_finding_cases import read_paragraphs  # noqa: E402

from translit.articles.document import normalize  # noqa: E402


def articles() -> list[tuple[str, str]]:
    """(language, text) of every sample article and labelled paragraph."""
    out = []
    for path in sorted((ROOT / "samples").glob("*.??.txt")):
        if path.name.startswith("story-names"):
            continue
        lang = "de" if path.name.endswith(".de.txt") and "soyuz" not in path.name else "en"
        out.append((lang, path.read_text(encoding="utf-8")))
    out.extend((p.lang, p.text) for p in read_paragraphs())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--dateparser-copies", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=5,
                        help="rounds of translit and the scan in turn; the best of each counts")
    args = parser.parse_args()
    print_build()
    corpus = articles()
    size = sum(len(text.encode()) for _, text in corpus)
    print(f"{len(corpus)} articles, {size / 1e3:.0f} kB; translit and the scan run over "
          f"{args.copies} copies, dateparser over {args.dateparser_copies}")
    for lang, text in corpus:            # warm up: tables, models, caches
        normalize(text, lang=lang)
    import regex

    words = regex.compile(r"\w+")
    def run_translit() -> None:
        for _ in range(args.copies):
            for lang, text in corpus:
                normalize(text, lang=lang)

    def run_scan() -> None:
        for _ in range(args.copies):
            for _, text in corpus:
                words.findall(text)

    best = interleaved_best({"translit normalize": run_translit,
                             "bare regex word scan": run_scan}, rounds=args.rounds)
    rates = {label: size * args.copies / seconds for label, seconds in best.items()}
    try:
        from dateparser.search import search_dates

        def run_dateparser() -> None:
            for _ in range(args.dateparser_copies):
                for lang, text in corpus:
                    search_dates(text, languages=[lang])

        start = time.process_time()
        run_dateparser()
        rates["dateparser search_dates"] = size * args.dateparser_copies / (
            time.process_time() - start)
    except ImportError:
        print("dateparser not installed (pip install '.[bench]')", file=sys.stderr)
    ours = rates["translit normalize"]
    rows = [[label, f"{rate / 1e6:.3f}", f"{ours / rate:.2f}x"] for label, rate in
            sorted(rates.items(), key=lambda item: -item[1])]
    print_table("MB/s of news text on one core (translit's speed over each)",
                ["path", "MB/s", "translit ÷"], rows)
    print(f"\ntarget: >= 1 MB/s and within 10x of the bare scan: "
          f"{ours / 1e6:.2f} MB/s, {rates['bare regex word scan'] / ours:.1f}x slower than it")


if __name__ == "__main__":
    main()
