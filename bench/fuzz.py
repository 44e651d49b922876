"""Fuzz translit: ``normalize``, ``convert``, ``match`` and the table readers.

Two engines share the same checks:

* ``hypothesis`` (default): long randomized runs of the strategies below, in rounds, until the
  time budget is spent; a failure is shrunk to a minimal example, printed and saved under
  ``bench/fuzz-crashes/``.
* ``atheris`` (``pip install atheris``): coverage-guided fuzzing of one target from raw bytes.

A check fails on any exception other than the documented :class:`translit.TranslitError`, and
on a broken invariant (spans that do not point at the original text or overlap, a document
that does not restore to its input, a match score outside [0, 1]). Table targets write random
TOML, built from the table grammar and then mutated at the byte level (invalid UTF-8
included), and load it: the result must be a scheme, zone table or lexicon, or a
``TableError``.

    python bench/fuzz.py --minutes 10                       # every target, hypothesis
    python bench/fuzz.py --minutes 2 --targets tables,normalize
    python bench/fuzz.py --engine atheris --targets convert -- -max_total_time=600
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import print_build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from translit import TableError, TranslitError, load_table, table_layer
from translit.articles.document import normalize
from translit.names.matching import match
from translit.schemes.checks import check_scheme
from translit.text.conversion import convert

HERE = Path(__file__).resolve().parent
CRASHES = HERE / "fuzz-crashes"
REF = "2021-10-04"
RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
SPECIAL = ["\x00", "\x1b", "\r", "\u2028", "\u200f", "\u202e", "\u0301", "\u0308", "\ud800",
           "\udfff", "\ufeff", "\U0001f600", "İ", "ß", "ʹ", "’", "'", "-", "–", ".", ",", ":",
           "/", "(", "\n", "\n\n", " ", "\u00a0"]
WORDS = ["Julija Peressild", "Юлия Пересильд", "ЮЛИЯ ПЕРЕСИЛЬД", "Anton Shkaplerov", "Nowizki",
         "Y. Gagarin", "Tom Cruise", "Putins", "Roskosmos-Chef", "O'Brien", "St. Petersburg",
         "Oct. 5", "5. Oktober 2021", "10:55 a.m.", "Swiss time", "MESZ", "UTC+3", "2021-10-05",
         "5.10.2021", "1/2/2021", "Tuesday", "almost two weeks", "5-17", "5 октября", "gestern",
         "MOSCOW (Reuters) -", "Wladimir Klitschko", "Doug Liman", "Mir"]
piece = st.one_of(st.text(max_size=8), st.sampled_from(SPECIAL), st.sampled_from(WORDS),
                  st.text(alphabet=RUSSIAN + RUSSIAN.upper() + "-'", min_size=1, max_size=12))
texts = st.lists(piece, max_size=24).map(" ".join) | st.lists(piece, max_size=12).map("".join)


# --- the checks ---------------------------------------------------------------------------

def check_normalize(text: str, lang: str, names_to: str) -> None:
    document = normalize(text, ref=REF, lang=lang, names_to=names_to)
    end = 0
    for span in document.spans:
        assert text[span["start"]:span["end"]] == span["text"], span
        assert span["start"] >= end, "overlapping spans"
        end = span["end"]
    assert document.restore() == text, "restore() differs from the input"
    again = normalize(document.normalized, ref=REF, lang=document.lang, names_to=names_to)
    if again.normalized != document.normalized:
        raise NotIdempotent(f"{document.normalized!r} becomes {again.normalized!r}")


class NotIdempotent(AssertionError):
    """normalize(normalize(t)) differs from normalize(t): a finding, not a crash."""


def check_convert(text: str, to: str, source: str) -> None:
    try:
        assert isinstance(convert(text, to=to, source=source), str)
    except TranslitError:
        if to in ("en", "de", "iso9", "cyrillic") and source in ("auto", "de", "cyrillic"):
            raise


def check_match(a: str, b: str) -> None:
    result = match(a, b)
    assert 0.0 <= result.score <= 1.0, result
    assert match(b, a).same == result.same, "match is not symmetric"


def check_tables(files: dict[str, bytes], kind: str) -> None:
    """Write ``files`` in a fresh folder and read the first as a table of ``kind``."""
    import translit.names.lexicon as lexicon_module
    from translit.schemes import registry
    from translit.temporal import find_dates, zones

    with tempfile.TemporaryDirectory() as folder:
        for name, data in files.items():
            (Path(folder) / name).write_bytes(data)
        first = Path(folder) / next(iter(files))
        try:
            if kind == "scheme":
                scheme = load_table(first)
                check_scheme(scheme)
                scheme.transliterate("Юлия Пересильд, ЁЖИК ёжик Ъ")
                registry.add_tables(folder)
                convert("Julija Peressild", to=scheme.id)
            elif kind == "lexicon":
                lexicon_module.add_lexicon(first)
                convert("Julija Peressild", to="de")
                normalize("Julija Peressild flog nach Moskau.", ref=REF)
            else:
                zones.add_zone_table(first)
                find_dates("at 10:55 a.m. Swiss time, 11:00 MSK, 12:00 CST", ref=REF)
                zones.load_zone_table()
        except TableError:
            pass
        finally:
            table_layer.reset()


# --- the table grammar --------------------------------------------------------------------

letters = st.text(alphabet=RUSSIAN + RUSSIAN.upper() + "ab", min_size=0, max_size=3)
latin = st.text(alphabet="abcdeghijklmnoprstuvyzšžčʹ'\" \\", max_size=4)
scalars = st.one_of(latin, st.integers(-3, 3), st.booleans(), st.lists(latin, max_size=3),
                    st.just("vowel"), st.just("start"), st.just("end"))


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return _quote(value)


@st.composite
def scheme_toml(draw: st.DrawFn) -> str:
    lines = []
    if draw(st.booleans()):
        lines.append("[scheme]")
        lines.append(f"title = {_value(draw(latin))}")
        if draw(st.booleans()):
            target = draw(st.sampled_from(["de", "en", "a", "b", "a.toml", "nope", "iso9"]))
            lines.append(f"extends = {_quote(target)}")
    for section in draw(st.lists(st.sampled_from(
            ["letters", "endings", "words", "capitals", "classes", "samples", "bogus"]),
            max_size=4)):
        lines.append(f"[{section}]")
        for _ in range(draw(st.integers(0, 4))):
            lines.append(f"{_quote(draw(letters))} = {_value(draw(scalars))}")
    for _ in range(draw(st.integers(0, 3))):
        lines.append("[[context]]")
        for key in draw(st.lists(st.sampled_from(
                ["from", "to", "after", "before", "not_after", "not_before", "note", "x"]),
                max_size=4)):
            value = draw(st.one_of(letters, scalars))
            lines.append(f"{key} = {_value(value)}")
    return "\n".join(lines) + "\n"


@st.composite
def lexicon_toml(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 3))):
        lines.append(draw(st.sampled_from(["[[entry]]", "[entry]", "[[other]]"])))
        for key in draw(st.lists(st.sampled_from(
                ["kind", "cyrillic", "en", "de", "fr", "source", "note"]), max_size=5)):
            value = draw(st.one_of(letters, scalars, st.sampled_from(
                ["person", "place", "organization", "Юлия Пересильд", "Julija Peressild"])))
            lines.append(f"{key} = {_value(value)}")
    return "\n".join(lines) + "\n"


@st.composite
def zones_toml(draw: st.DrawFn) -> str:
    zone = st.sampled_from(["Europe/Zurich", "+02:00", "local", "Mars/Olympus", "", "+99:00",
                            "UTC", "-05:30"])
    lines = []
    for section in draw(st.lists(st.sampled_from(
            ["phrases.en", "phrases", "abbreviations", "ambiguous.CST", "ambiguous",
             "places.Zürich", "places", "samples", "bogus"]), max_size=4)):
        lines.append(f"[{section}]")
        for _ in range(draw(st.integers(0, 3))):
            key = draw(st.sampled_from(["swiss time", "MSK", "+02:00", "zone", "region", "x",
                                        "Swiss Time", "en"]))
            value = draw(st.one_of(zone, scalars))
            lines.append(f"{_quote(key)} = {_value(value)}")
    return "\n".join(lines) + "\n"


@st.composite
def mutated(draw: st.DrawFn, source: st.SearchStrategy[str]) -> bytes:
    data = bytearray(draw(source).encode("utf-8"))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data)))
        junk = draw(st.one_of(st.binary(max_size=4), st.sampled_from(
            [b"\xff", b"\xc3", b"\xed\xa0\x80", b"[", b"]]", b"=", b'"', b"\n", b"\x00"])))
        cut = draw(st.integers(0, 3))
        data[at:at + cut] = junk
    return bytes(data)


table_cases = st.one_of(
    st.tuples(st.fixed_dictionaries({"a.toml": mutated(scheme_toml()),
                                     "b.toml": mutated(scheme_toml())}), st.just("scheme")),
    st.tuples(st.fixed_dictionaries({"a.toml": scheme_toml().map(str.encode),
                                     "b.toml": scheme_toml().map(str.encode)}),
              st.just("scheme")),
    st.tuples(st.fixed_dictionaries({"lexicon.toml": mutated(lexicon_toml())}),
              st.just("lexicon")),
    st.tuples(st.fixed_dictionaries({"zones.toml": mutated(zones_toml())}), st.just("zones")),
)

TARGETS: dict[str, tuple[st.SearchStrategy[Any], Callable[..., None]]] = {
    "normalize": (st.tuples(texts, st.sampled_from(["auto", "en", "de", "ru"]),
                            st.sampled_from(["en", "de", "cyrillic", "iso9"])), check_normalize),
    "convert": (st.tuples(texts, st.sampled_from(["en", "de", "iso9", "cyrillic"]),
                          st.sampled_from(["auto", "de", "cyrillic", "bgn"])), check_convert),
    "match": (st.tuples(texts, texts), check_match),
    "tables": (table_cases, check_tables),
}


# --- the engines --------------------------------------------------------------------------

def _fuzzer(name: str, rounds: int, counts: dict[str, int]) -> Callable[[], None]:
    strategy, check = TARGETS[name]

    @settings(max_examples=rounds, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=strategy)
    def fuzz(case: tuple[Any, ...]) -> None:
        counts[name] += 1
        check(*case)

    return fuzz  # type: ignore[no-any-return]


def run_hypothesis(targets: list[str], seconds: float, rounds: int) -> int:
    """Rounds of ``rounds`` examples per target until ``seconds`` have passed."""
    counts = dict.fromkeys(targets, 0)
    fuzzers = {name: _fuzzer(name, rounds, counts) for name in targets}
    found = {"crash": 0, "idempotence": 0}
    start = time.monotonic()
    while time.monotonic() < start + seconds:
        for name in targets:
            try:
                fuzzers[name]()
            except Exception as exc:
                kind = "idempotence" if isinstance(exc, NotIdempotent) else "crash"
                found[kind] += 1
                report = traceback.format_exc()
                CRASHES.mkdir(exist_ok=True)
                path = CRASHES / f"{name}-{kind}-{int(time.time())}.txt"
                path.write_text(report, encoding="utf-8", errors="backslashreplace")
                print(f"{kind.upper()} in {name}, saved to {path}\n{report[-3000:]}", flush=True)
            if time.monotonic() >= start + seconds:
                break
        print(f"{time.monotonic() - start:7.0f}s  " +
              "  ".join(f"{n}: {c}" for n, c in counts.items()), flush=True)
    total = sum(counts.values())
    print(f"hypothesis: {total} cases in {time.monotonic() - start:.0f}s, "
          f"{found['crash']} crashes, {found['idempotence']} idempotence findings")
    return 1 if found["crash"] else 0


def run_atheris(target: str, argv: list[str]) -> int:
    import atheris

    with atheris.instrument_imports():
        import translit.articles.document
        import translit.names.matching  # noqa: F401

    def one_input(data: bytes) -> None:
        provider = atheris.FuzzedDataProvider(data)
        if target == "tables":
            kind = ("scheme", "lexicon", "zones")[provider.ConsumeIntInRange(0, 2)]
            name = {"scheme": "a.toml", "lexicon": "lexicon.toml", "zones": "zones.toml"}[kind]
            check_tables({name: provider.ConsumeBytes(provider.remaining_bytes())}, kind)
            return
        first = provider.ConsumeUnicode(provider.ConsumeIntInRange(0, 200))
        rest = provider.ConsumeUnicode(provider.remaining_bytes())
        if target == "normalize":
            check_normalize(first + rest, "auto", "en")
        elif target == "convert":
            check_convert(first + rest, "de", "auto")
        else:
            check_match(first, rest)

    atheris.Setup([sys.argv[0], *argv], one_input)
    atheris.Fuzz()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="time budget (hypothesis)")
    parser.add_argument("--targets", default=",".join(TARGETS),
                        help="comma-separated: " + ", ".join(TARGETS))
    parser.add_argument("--engine", choices=("hypothesis", "atheris"), default="hypothesis")
    parser.add_argument("--rounds", type=int, default=200, help="examples per round")
    parser.add_argument("libfuzzer", nargs="*", help="options passed on to atheris (after --)")
    args = parser.parse_args(argv)
    print_build()
    targets = [t for t in args.targets.split(",") if t]
    unknown = set(targets) - set(TARGETS)
    if unknown:
        parser.error(f"unknown targets: {', '.join(sorted(unknown))}")
    if args.engine == "atheris":
        if len(targets) != 1:
            parser.error("atheris fuzzes one target at a time")
        return run_atheris(targets[0], args.libfuzzer)
    return run_hypothesis(targets, args.minutes * 60, args.rounds)


if __name__ == "__main__":
    sys.exit(main())
