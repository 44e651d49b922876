"""Names per second: translit (full context rules) against iuliia, cyrtranslit and unidecode.

Run: ``pip install ".[bench]" && python bench/bench_transliterate.py [--names 100000]``.
Every library gets the same list of Cyrillic full names, drawn with Zipf-like frequencies from
the surname frequency list and the given-name table in ``tables/names/``; the best of three runs
counts. translit runs three ways: with its caches warm (as in a long pipeline), cleared before
each run (cold: repeated names within the run still hit), and with no cache at all (every word
through the rules). Ratios are translit's speed over each peer's.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable

from common import (
    best_time,
    full_names,
    print_build,
    print_table,
    read_given_names,
    read_surnames,
)

from translit import Scheme, get_scheme


def peers() -> dict[str, Callable[[str], str]]:
    """The peers that are installed (the ``bench`` extra installs all three)."""
    found: dict[str, Callable[[str], str]] = {}
    try:
        import iuliia

        found["iuliia (wikipedia)"] = iuliia.WIKIPEDIA.translate
    except ImportError:
        print("iuliia not installed", file=sys.stderr)
    try:
        import cyrtranslit

        found["cyrtranslit (ru)"] = lambda text: cyrtranslit.to_latin(text, "ru")
    except ImportError:
        print("cyrtranslit not installed", file=sys.stderr)
    from unidecode import unidecode

    found["unidecode"] = unidecode
    return found


def import_time_ms() -> float:
    """Cumulative import time of ``translit`` in a fresh interpreter (best of 5)."""
    best = float("inf")
    for _ in range(5):
        result = subprocess.run([sys.executable, "-X", "importtime", "-c", "import translit"],
                                capture_output=True, text=True, check=True)
        line = [row for row in result.stderr.splitlines() if row.rstrip().endswith("| translit")]
        best = min(best, int(line[-1].split("|")[1]) / 1000)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--names", type=int, default=100_000)
    args = parser.parse_args()
    print_build()
    names = full_names(args.names)
    print(f"{len(names)} full names from {len(read_surnames())} surnames and "
          f"{len(read_given_names())} given names; {len(set(names))} distinct")
    results: dict[str, float] = {}
    for scheme_id in ("en", "de"):
        scheme = get_scheme(scheme_id)
        convert = scheme.transliterate

        def warm(convert: Callable[[str], str] = convert) -> None:
            for name in names:
                convert(name)

        warm()
        results[f"translit {scheme_id} (warm cache)"] = best_time(warm)

        def cold(convert: Callable[[str], str] = convert, scheme: Scheme = scheme) -> None:
            scheme.clear_caches()
            for name in names:
                convert(name)

        results[f"translit {scheme_id} (cold cache)"] = best_time(cold)

        def uncached(scheme: Scheme = scheme) -> None:
            render = scheme.engine.render
            for name in names:
                " ".join(render(word) for word in name.split(" "))

        results[f"translit {scheme_id} (no cache)"] = best_time(uncached, repeat=1)
    for label, function in peers().items():
        def run(function: Callable[[str], str] = function) -> None:
            for name in names:
                function(name)

        results[label] = best_time(run)
    rate = {label: len(names) / seconds for label, seconds in results.items()}
    peer_labels = [label for label in rate if not label.startswith("translit")]
    fastest = max(peer_labels, key=rate.__getitem__)
    rows = [[label, f"{rate[label]:,.0f}", f"{rate[label] / rate[fastest]:.2f}x"]
            for label in sorted(rate, key=rate.__getitem__, reverse=True)]
    print_table(f"names per second (ratio to the fastest peer, {fastest})",
                ["library", "names/s", "ratio"], rows)
    print(f"\nimport translit: {import_time_ms():.1f} ms (target < 50 ms)")


if __name__ == "__main__":
    main()
