"""Pathological input: does time grow linearly with the size of hostile text?

Each pattern (repeated digits, dots, capitalized words, spaces, dashes, month names, Cyrillic,
apostrophes, hyphenated capitalized chains, ...) is repeated to 0.25, 0.5 and 1 MB and run
through ``normalize`` (and ``find_dates``, ``transliterate``, ``convert``, ``match``). The table
shows the seconds per size and the ratio to linear expectation, ``time(1 MB) / (4 ×
time(0.25 MB))``: about 1 is linear, 2 or more is superlinear. A case over the budget is cut
off with an alarm and shown as ``>budget``.

    python bench/bench_pathological.py                  # every pattern, every function
    python bench/bench_pathological.py --only digits --functions normalize --sizes 0.25,1
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Callable
from types import FrameType

from common import print_build

from translit import transliterate
from translit.articles.document import normalize
from translit.names.matching import match
from translit.temporal import find_dates
from translit.text.conversion import convert

REF = "2021-10-04"
PATTERNS: dict[str, str] = {
    "digits": "0123456789",
    "numbers": "2021 ",
    "dots": ".",
    "digit-dots": "1.",
    "dotted-dates": "5.10.2021.",
    "colons": "1:",
    "times": "10:55 a.m. ",
    "iso": "2021-10-05T",
    "capitalized": "Ivan ",
    "surnames": "Peresild ",
    "names": "Julija Peressild, ",
    "foreign-names": "Tom Ivanov ",
    "title-words": "The ",
    "one-capital-word": "A",
    "one-word": "a",
    "initials": "A. ",
    "spaces": " ",
    "newlines": "\n",
    "blank-lines": "\n\n",
    "dashes": "-",
    "en-dashes": "– ",
    "months": "October ",
    "month-abbr": "Oct. ",
    "month-days": "Oct. 5 ",
    "german-months": "5. Oktober ",
    "ranges": "5-17 ",
    "cyrillic": "Юлия Пересильд ",
    "cyrillic-word": "ю",
    "apostrophes": "'",
    "o-names": "O'",
    "hyphen-chain": "Ivan-",
    "hyphen-names": "Peresild-Schkaplerow ",
    "combining": "a\u0301",
    "rtl": "\u05e9\u05dc\u05d5\u05dd ",
    "brackets": "(",
    "quotes": "„",
}
FUNCTIONS: dict[str, Callable[[str], object]] = {
    "normalize": lambda text: normalize(text, ref=REF),
    "find_dates": lambda text: find_dates(text, ref=REF),
    "transliterate": lambda text: transliterate(text, "de"),
    "convert": lambda text: convert(text, to="de"),
    "match": lambda text: match(text, text),
}
MB = 1 << 20


class Timeout(Exception):
    """A case ran over its budget."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Timeout


def make(unit: str, size_mb: float) -> str:
    """``unit`` repeated to ``size_mb`` megabytes of UTF-8 (code points cut to fit)."""
    target = int(size_mb * MB)
    per_unit = len(unit.encode("utf-8"))
    return (unit * (target // per_unit + 1))[: target * len(unit) // per_unit]


def timed(function: Callable[[str], object], text: str, budget: int) -> float | None:
    """Seconds ``function(text)`` takes, or None when it runs over ``budget`` seconds."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(budget)
    try:
        start = time.perf_counter()
        function(text)
        return time.perf_counter() - start
    except Timeout:
        return None
    finally:
        signal.alarm(0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default="", help="comma-separated pattern names")
    parser.add_argument("--functions", default=",".join(FUNCTIONS),
                        help="comma-separated: " + ", ".join(FUNCTIONS))
    parser.add_argument("--sizes", default="0.25,0.5,1", help="sizes in MB, smallest first")
    parser.add_argument("--budget", type=int, default=120, help="seconds allowed per case")
    args = parser.parse_args(argv)
    print_build()
    names = [n for n in args.only.split(",") if n] or list(PATTERNS)
    functions = [f for f in args.functions.split(",") if f]
    sizes = [float(s) for s in args.sizes.split(",")]
    header = ["pattern", "function", *[f"{s:g} MB" for s in sizes], "ratio"]
    print("  ".join(f"{h:>14}" for h in header))
    worst: tuple[float, str] = (0.0, "")
    for name in names:
        for function_name in functions:
            function = FUNCTIONS[function_name]
            function(make(PATTERNS[name], 0.01))  # warm the tables and caches
            times = [timed(function, make(PATTERNS[name], size), args.budget) for size in sizes]
            ratio = float("inf")
            if times[0] is not None and times[-1] is not None:
                expected = max(times[0], 1e-4) * sizes[-1] / sizes[0]
                ratio = times[-1] / expected
            cells = [f"{t:.3f}" if t is not None else f">{args.budget}" for t in times]
            print("  ".join(f"{c:>14}" for c in [name, function_name, *cells, f"{ratio:.2f}"]),
                  flush=True)
            worst = max(worst, (ratio, f"{name} / {function_name}"))
    print(f"slowest against linear: {worst[1]} at {worst[0]:.2f}× the linear expectation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
