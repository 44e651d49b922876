"""Shared helpers for the benchmarks: realistic name samples, timing, and ratio tables."""

from __future__ import annotations

import csv
import random
import time
import tomllib
from collections.abc import Callable, Sequence
from itertools import accumulate

from translit.table_layer import builtin_dir

NAMES_DIR = builtin_dir() / "names"


def read_surnames() -> list[tuple[str, str]]:
    """(masculine, feminine) surnames from the frequency list, most frequent first."""
    with (NAMES_DIR / "surnames.tsv").open(encoding="utf-8") as stream:
        rows = [line for line in stream if not line.startswith("#")]
    return [(row["surname"], row["feminine"]) for row in csv.DictReader(rows, delimiter="\t")]


def read_given_names() -> list[tuple[str, str, int]]:
    """(name, gender, frequency class 1..5) from the given-names table."""
    data = tomllib.loads((NAMES_DIR / "given_names.toml").read_text(encoding="utf-8"))
    return [(name, entry["gender"], int(entry.get("frequency", 3)))
            for name, entry in data["names"].items()]


def zipf_weights(count: int, exponent: float = 1.0) -> list[float]:
    """Cumulative Zipf weights for ranks 1..count."""
    return list(accumulate(1.0 / (rank ** exponent) for rank in range(1, count + 1)))


def full_names(count: int, *, seed: int = 2021) -> list[str]:
    """``count`` Cyrillic full names with Zipf-like frequencies of given names and surnames."""
    rng = random.Random(seed)
    surnames = read_surnames()
    given = sorted(read_given_names(), key=lambda item: item[2])
    surname_weights = zipf_weights(len(surnames))
    given_weights = zipf_weights(len(given), 0.9)
    chosen_given = rng.choices(given, cum_weights=given_weights, k=count)
    chosen_surnames = rng.choices(surnames, cum_weights=surname_weights, k=count)
    return [f"{name} {fem if gender == 'f' else masc}"
            for (name, gender, _), (masc, fem) in zip(chosen_given, chosen_surnames, strict=True)]


def best_time(function: Callable[[], object], *, repeat: int = 3) -> float:
    """The best wall time of ``repeat`` runs of ``function`` (seconds)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def interleaved_best(functions: dict[str, Callable[[], object]], *, rounds: int = 5
                     ) -> dict[str, float]:
    """The best CPU time (seconds) of each function over ``rounds`` rounds that run them in
    turn, so that a noisy neighbour on a shared machine weighs on all of them alike."""
    best = dict.fromkeys(functions, float("inf"))
    for _ in range(rounds):
        for label, function in functions.items():
            start = time.process_time()
            function()
            best[label] = min(best[label], time.process_time() - start)
    return best


def print_table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Print a plain aligned table."""
    cells = [list(map(str, header)), *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    print(f"\n{title}")
    for index, row in enumerate(cells):
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if index == 0:
            print("  ".join("-" * w for w in widths))


def print_build() -> None:
    """Say which translit is measured: a compiled wheel or pure Python (a checkout or an
    editable install). ``pip install .`` builds the compiled one where a C compiler exists."""
    import translit
    from translit.buildinfo import describe

    print(f"translit {translit.__version__}: {describe()} ({translit.__file__})\n")
