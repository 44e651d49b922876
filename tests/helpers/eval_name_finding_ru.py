"""Figures on the Russian-language set (``tests/data/name_finding_ru.txt``, issue 16), per part.

Run ``python tests/helpers/eval_name_finding_ru.py [-v]`` for the table (``-v`` lists the misses
of the tuned part only; the held-out part is never listed). Parts: ``tuned`` (four paragraphs in
five) and ``held-out`` (every fifth). For every gold mention (every name, Russian or not):
``found`` a name span of exactly its extent; ``lemma`` that span's ``cyrillic`` is the gold
dictionary form (ё counts); ``kind`` its ``entity`` is the gold kind; ``english`` its ``value``
with ``names_to="en"`` is the gold English form. Precision is the share of name spans that are
a gold mention's extent. ``lemma``, ``kind`` and ``english`` are shares of all gold mentions, so
a missed mention counts against them too; the per-case line gives ``lemma`` by grammatical case.
"""

from __future__ import annotations

import sys
from collections import Counter

from name_finding_ru_cases import RuParagraph, read_russian_paragraphs

from translit.articles.document import normalize

PARTS = ("tuned", "held-out")


def figures(paragraphs: list[RuParagraph], *, verbose: bool = False) -> dict[str, float]:
    """Precision, recall (found), lemma, kind and English accuracy over ``paragraphs``, and
    lemma accuracy per case (keys ``case:<case>``)."""
    counts: Counter[str] = Counter()
    for paragraph in paragraphs:
        spans = [s for s in normalize(paragraph.text, names_to="en", lang="ru",
                                      kinds=["name"]).spans if s["kind"] == "name"]
        by_extent = {(s["start"], s["end"]): s for s in spans}
        gold = {(m.start, m.end) for m in paragraph.mentions}
        counts["spans"] += len(spans)
        counts["spans_right"] += sum(extent in gold for extent in by_extent)
        for mention in paragraph.mentions:
            case = mention.case.split()[0]
            counts["gold"] += 1
            counts[f"gold:{case}"] += 1
            span = by_extent.get((mention.start, mention.end))
            checks = {"found": span is not None,
                      "lemma": span is not None and span.get("cyrillic") == mention.lemma,
                      "kind": span is not None and span.get("entity") == mention.kind,
                      "english": span is not None and span.get("value") == mention.english}
            for name, ok in checks.items():
                counts[name] += ok
            counts[f"lemma:{case}"] += checks["lemma"]
            if verbose and not all(checks.values()):
                got = None if span is None else (span.get("cyrillic"), span.get("entity"),
                                                 span.get("value"))
                print(f"  {mention.surface!r} ({mention.case}) want {mention.lemma!r} "
                      f"{mention.kind} {mention.english!r}; got {got}")
    total = counts["gold"] or 1
    out = {"precision": counts["spans_right"] / (counts["spans"] or 1),
           **{name: counts[name] / total for name in ("found", "lemma", "kind", "english")},
           "mentions": float(counts["gold"])}
    for key in sorted(k for k in counts if k.startswith("gold:")):
        case = key.split(":", 1)[1]
        out[f"case:{case}"] = counts[f"lemma:{case}"] / counts[key]
    return out


def main() -> None:
    verbose = "-v" in sys.argv
    paragraphs = read_russian_paragraphs()
    for part in PARTS:
        chosen = [p for p in paragraphs if p.held_out == (part == "held-out")]
        result = figures(chosen, verbose=verbose and part == "tuned")
        cases = "  ".join(f"{k[5:]} {v:.0%}" for k, v in result.items() if k.startswith("case:"))
        print(f"{part:9} {len(chosen):3} paragraphs {int(result['mentions']):4} mentions  "
              f"P {result['precision']:.1%}  found {result['found']:.1%}  "
              f"lemma {result['lemma']:.1%}  kind {result['kind']:.1%}  "
              f"english {result['english']:.1%}\n          lemma by case: {cases}")


if __name__ == "__main__":
    main()
