"""Figures on the news set (``tests/data/name_finding_news.txt``, issue 15), per part and language.

Run ``python tests/helpers/eval_name_finding_news.py [-v]`` for the table (``-v`` lists the tuned
part's misses, false finds, altered non-Russian labels and wrong values; never the held-out
part's). Parts: ``tuned`` (four paragraphs in five) and ``held-out`` (every fifth paragraph of each
language). Precision and recall are scored as in ``eval_name_finding.py``; ``altered`` counts
``{{…}}`` labels that a changed span of ``normalize(text, names_to=…, lang=…, kinds=["name"])``
overlaps, for ``en``, ``de`` and ``cyrillic``; ``value`` is the share of gold spans with an
expected English value for which ``normalize(…, names_to="en")`` gives a span of the same extent
(or the same without a German genitive -s, which the finder keeps outside the span) with exactly
that value (ignoring case for an ALL-CAPS label: a dateline's GROSNY becomes GROZNY).
"""

from __future__ import annotations

import sys

from eval_name_finding import overlaps, score
from name_finding_cases import Paragraph, read_news_paragraphs

from translit.articles.document import normalize

PARTS = ("tuned", "held-out")
LANGS = ("en", "de")
TARGETS = ("en", "de", "cyrillic")


def part_of(paragraphs: list[Paragraph], part: str, lang: str | None = None) -> list[Paragraph]:
    """The paragraphs of one part (``tuned`` or ``held-out``), optionally of one language."""
    return [p for p in paragraphs if p.held_out == (part == "held-out")
            and (lang is None or p.lang == lang)]


def altered_labels(paragraphs: list[Paragraph], names_to: str, *,
                   verbose: bool = False) -> list[tuple[str, str]]:
    """The ``{{…}}`` labels a changed name span overlaps: (label text, changed span's value)."""
    altered: list[tuple[str, str]] = []
    for paragraph in paragraphs:
        document = normalize(paragraph.text, names_to=names_to, lang=paragraph.lang,
                             kinds=["name"])
        changed = [s for s in document.spans if s["value"] != s["text"]]
        for start, end in paragraph.other:
            for span in changed:
                if overlaps((span["start"], span["end"]), (start, end)):
                    altered.append((paragraph.text[start:end], str(span["value"])))
                    if verbose:
                        print(f"  altered [{paragraph.lang}→{names_to}] "
                              f"{paragraph.text[start:end]!r} -> {span['value']!r}")
                    break
    return altered


def value_accuracy(paragraphs: list[Paragraph], *, verbose: bool = False) -> dict[str, float]:
    """Share of valued gold spans that ``names_to="en"`` gives with the same extent and value."""
    right = total = 0
    for paragraph in paragraphs:
        if not paragraph.values:
            continue
        document = normalize(paragraph.text, names_to="en", lang=paragraph.lang, kinds=["name"])
        given = {(s["start"], s["end"]): s["value"] for s in document.spans
                 if s["kind"] == "name"}
        for span, expected in paragraph.values.items():
            total += 1
            text = paragraph.text[span[0]:span[1]]
            found = given.get(span)
            if found is None and text.endswith("s"):  # the genitive -s after the span: Moskaus
                found = given.get((span[0], span[1] - 1))
            if found is not None and text.isupper():  # a dateline keeps its case: GROZNY
                found, expected = found.lower(), expected.lower()
            if found == expected:
                right += 1
            elif verbose:
                found = given.get(span, "(no span of that extent)")
                print(f"  value [{paragraph.lang}] {paragraph.text[span[0]:span[1]]!r}: "
                      f"expected {expected!r}, got {found!r}")
    return {"value": right / max(total, 1), "valued": total, "value_right": right}


def figures(paragraphs: list[Paragraph], *, verbose: bool = False) -> dict[str, float]:
    """Precision, recall, altered labels per target and value accuracy of some paragraphs."""
    result: dict[str, float] = dict(score(paragraphs, verbose=verbose))
    for names_to in TARGETS:
        result[f"altered_{names_to}"] = len(altered_labels(paragraphs, names_to, verbose=verbose))
    result["other"] = sum(len(p.other) for p in paragraphs)
    result.update(value_accuracy(paragraphs, verbose=verbose))
    return result


def table(paragraphs: list[Paragraph], *, verbose: bool = False) -> dict[tuple[str, str], dict]:
    """Figures for every (part, language) pair."""
    rows: dict[tuple[str, str], dict] = {}
    for part in PARTS:
        for lang in LANGS:
            shown = verbose and part == "tuned"  # the held-out misses are never printed
            if shown:
                print(f"[{part} {lang}]")
            rows[part, lang] = figures(part_of(paragraphs, part, lang), verbose=shown)
    return rows


def main() -> None:
    paragraphs = read_news_paragraphs()
    rows = table(paragraphs, verbose="-v" in sys.argv)
    print(f"{'part':9} {'lang':4} {'paras':>5} {'prec':>6} {'recall':>6} {'found':>5} "
          f"{'gold':>4} {'other':>5} {'alt-en':>6} {'alt-de':>6} {'alt-cy':>6} "
          f"{'value':>6} {'valued':>6}")
    for (part, lang), r in rows.items():
        count = len(part_of(paragraphs, part, lang))
        print(f"{part:9} {lang:4} {count:5} {r['precision']:6.1%} {r['recall']:6.1%} "
              f"{r['found']:5} {r['gold']:4} {r['other']:5} {r['altered_en']:6} "
              f"{r['altered_de']:6} {r['altered_cyrillic']:6} {r['value']:6.1%} "
              f"{r['valued']:6}")


if __name__ == "__main__":
    main()
