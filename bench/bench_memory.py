"""Peak memory of ``translit normalize`` on one big file: it must stay under 200 MB.

Generates a file of news-like paragraphs (the sample articles, plus paragraphs with names drawn
from the surname and given-name tables so that the caches keep meeting new words, and dates,
times and durations), then runs ``translit normalize --format jsonl -o OUT FILE`` in a
subprocess and reports its peak RSS (``getrusage(RUSAGE_CHILDREN).ru_maxrss``), the RSS sampled
along the way (from ``/proc``, to show it levels off), the time and the throughput.

    python bench/bench_memory.py                 # 1 GB (takes a long time)
    python bench/bench_memory.py --mb 100        # for iterating
    python bench/bench_memory.py --mb 1024 --keep /tmp/big.txt   # reuse the file next time
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import print_build, read_given_names, read_surnames

HERE = Path(__file__).resolve().parent
LIMIT_MB = 200
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONATE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]


def _paragraphs(rng: random.Random) -> list[str]:
    articles = [p for path in sorted((HERE / "articles").glob("*.txt"))
                for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    surnames = [s for pair in read_surnames() for s in pair if s]
    given = [g for g, _, _ in read_given_names()]
    from translit import transliterate

    out = list(articles)
    for index in range(4000):
        name = f"{rng.choice(given)} {rng.choice(surnames)}"
        other = rng.choice(surnames)
        day, month, hour = rng.randint(1, 28), rng.randrange(12), rng.randint(0, 23)
        if index % 3 == 0:
            out.append(f"{transliterate(name, 'en')} said on {MONTHS[month]} {day} that "
                       f"{transliterate(other, 'en')} would arrive at {hour}:15 GMT, almost "
                       "two weeks late.")
        elif index % 3 == 1:
            out.append(f"{transliterate(name, 'de')} sagte am {day}. {MONATE[month]} 2021, "
                       f"{transliterate(other, 'de')} komme um {hour}.30 Uhr MESZ.")
        else:
            out.append(f"{name} заявил {day} октября, что {other} прилетит в {hour}:00 "
                       "по московскому времени.")
    return out


def generate(path: Path, megabytes: float, seed: int = 6) -> None:
    """Write about ``megabytes`` MB of paragraphs (blank-line separated) to ``path``."""
    rng = random.Random(seed)
    paragraphs = _paragraphs(rng)
    target = int(megabytes * (1 << 20))
    written = 0
    with path.open("w", encoding="utf-8") as stream:
        while written < target:
            block = "\n\n".join(rng.choice(paragraphs) for _ in range(2000)) + "\n\n"
            data = block.encode("utf-8")
            stream.write(block)
            written += len(data)


def _rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def measure(source: Path, every: float) -> tuple[float, float, list[tuple[float, float]]]:
    """(seconds, peak RSS in MB, [(seconds, RSS MB)]) of normalizing ``source``."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.jsonl"
        start = time.perf_counter()
        # Run from the empty folder: from the repository root, "-m translit" would import the
        # source checkout instead of the installed (possibly compiled) package that is measured.
        process = subprocess.Popen([sys.executable, "-m", "translit", "normalize", "--format",
                                    "jsonl", "-o", str(out), str(source.resolve())], cwd=folder)
        samples: list[tuple[float, float]] = []
        while process.poll() is None:
            time.sleep(every)
            rss = _rss_mb(process.pid)
            if rss is not None:
                samples.append((time.perf_counter() - start, rss))
                print(f"  {samples[-1][0]:8.0f} s  RSS {rss:7.1f} MB", flush=True)
        seconds = time.perf_counter() - start
        if process.returncode != 0:
            raise SystemExit(f"translit normalize failed with exit {process.returncode}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak, samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=1024.0, help="input size in MB (1 GB)")
    parser.add_argument("--keep", type=Path, default=None,
                        help="write the input here and reuse it if it is already there")
    parser.add_argument("--every", type=float, default=10.0, help="seconds between samples")
    args = parser.parse_args(argv)
    print_build()
    with tempfile.TemporaryDirectory() as folder:
        source = args.keep or Path(folder) / "big.txt"
        if not source.exists():
            start = time.perf_counter()
            generate(source, args.mb)
            print(f"generated {source} in {time.perf_counter() - start:.0f} s")
        size = source.stat().st_size / (1 << 20)
        seconds, peak, samples = measure(source, args.every)
    late = [rss for t, rss in samples if t > seconds / 2]
    print(f"input {size:.0f} MB: {seconds:.0f} s ({size / seconds:.2f} MB/s), "
          f"peak RSS {peak:.0f} MB (limit {LIMIT_MB} MB)"
          + (f", RSS in the second half {min(late):.0f}-{max(late):.0f} MB" if late else ""))
    return 0 if peak < LIMIT_MB else 1


if __name__ == "__main__":
    sys.exit(main())
