"""Precision and recall of finding Russian names in the labelled paragraphs.

Run ``python tests/helpers/eval_name_finding.py [-v]`` for the figures (``-v`` lists every miss).
A found name counts as right when it overlaps a gold ``[[…]]`` span; a gold span counts as
found when a found name overlaps it.
"""

from __future__ import annotations

import sys

from name_finding_cases import Paragraph, read_paragraphs

from translit.text.finder import find_names


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(paragraphs: list[Paragraph], *, verbose: bool = False,
          lexicon: bool = True) -> dict[str, float]:
    found_total = right = gold_total = gold_found = 0
    for paragraph in paragraphs:
        spans = [(m.start, m.end) for m in find_names(paragraph.text, lang=paragraph.lang,
                                                       lexicon=lexicon)]
        found_total += len(spans)
        gold_total += len(paragraph.russian)
        for span in spans:
            if any(overlaps(span, gold) for gold in paragraph.russian):
                right += 1
            elif verbose:
                print(f"  false [{paragraph.lang}] {paragraph.text[span[0]:span[1]]!r}")
        for gold in paragraph.russian:
            if any(overlaps(span, gold) for span in spans):
                gold_found += 1
            elif verbose:
                print(f"  missed [{paragraph.lang}] {paragraph.text[gold[0]:gold[1]]!r}")
    return {"precision": right / max(found_total, 1), "recall": gold_found / max(gold_total, 1),
            "found": found_total, "gold": gold_total}


if __name__ == "__main__":
    result = score(read_paragraphs(), verbose="-v" in sys.argv)
    print(f"precision {result['precision']:.1%}  recall {result['recall']:.1%}  "
          f"({result['found']} found, {result['gold']} gold)")
