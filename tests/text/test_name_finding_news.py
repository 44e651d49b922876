"""Name finding on the news set (issue 15): size, bars per part and language, others untouched.

The bars sit about two points below the figures measured when the set was added; raise them as
the finder improves. ``python tests/helpers/eval_name_finding_news.py -v`` prints the table.
"""

from __future__ import annotations

import pytest
from eval_name_finding_news import LANGS, PARTS, TARGETS, altered_labels, part_of, table
from name_finding_cases import Paragraph, read_news_paragraphs

# (part, lang) -> minimum precision, recall and value accuracy (names_to="en", same extent).
# Measured when added: tuned en 96.7/92.2/83.7, tuned de 97.1/91.5/71.7,
# held-out en 98.4/92.4/79.4, held-out de 96.7/96.7/81.0. Raised after the issue 15 work to
# about 2 points (one or two mentions of a held-out part) below: tuned en 97.6/94.9/87.8,
# tuned de 98.0/93.4/83.7, held-out en 98.4/92.4/85.7, held-out de 96.7/98.3/89.7; raised
# again (recall and value) at stop 29: tuned en 98.0/97.7/92.3, tuned de 97.7/98.4/89.2,
# held-out en 98.4/93.9/87.3, held-out de 96.7/98.3/89.7.
PRECISION = {("tuned", "en"): 0.95, ("tuned", "de"): 0.96,
             ("held-out", "en"): 0.96, ("held-out", "de"): 0.95}
RECALL = {("tuned", "en"): 0.96, ("tuned", "de"): 0.96,
          ("held-out", "en"): 0.92, ("held-out", "de"): 0.96}
VALUE = {("tuned", "en"): 0.90, ("tuned", "de"): 0.87,
         ("held-out", "en"): 0.85, ("held-out", "de"): 0.88}

PAIRS = [(part, lang) for part in PARTS for lang in LANGS]


@pytest.fixture(scope="module")
def paragraphs() -> list[Paragraph]:
    return read_news_paragraphs()


@pytest.fixture(scope="module")
def figures(paragraphs: list[Paragraph]) -> dict[tuple[str, str], dict]:  # type: ignore[type-arg]
    return table(paragraphs)


def test_the_set_is_large_enough(paragraphs: list[Paragraph]) -> None:
    assert len(paragraphs) >= 150
    assert {p.lang for p in paragraphs} == {"en", "de"}
    assert min(sum(p.lang == lang for p in paragraphs) for lang in LANGS) >= 75
    assert sum(len(p.values) for p in paragraphs) >= 250
    for part, lang in PAIRS:
        assert part_of(paragraphs, part, lang), (part, lang)


def test_held_out_is_every_fifth_paragraph_per_language(paragraphs: list[Paragraph]) -> None:
    for lang in LANGS:
        of_lang = [p for p in paragraphs if p.lang == lang]
        assert [p.held_out for p in of_lang] == [(i + 1) % 5 == 0 for i in range(len(of_lang))]


def test_values_belong_to_russian_labels(paragraphs: list[Paragraph]) -> None:
    for paragraph in paragraphs:
        assert set(paragraph.values) <= set(paragraph.russian)
        assert all("|" not in paragraph.text[a:b] for a, b in paragraph.russian)


@pytest.mark.parametrize(("part", "lang"), PAIRS)
def test_precision_recall_and_values(figures: dict, part: str,  # type: ignore[type-arg]
                                     lang: str) -> None:
    result = figures[part, lang]
    assert result["precision"] >= PRECISION[part, lang], result
    assert result["recall"] >= RECALL[part, lang], result
    assert result["value"] >= VALUE[part, lang], result


@pytest.mark.xfail(strict=True, reason="issue 15: non-Russian names with Russian-looking spelling "
                   "(Rybakina, Vasilevskaya, Petrenko, Wladimir Klitschko's first name) and "
                   "seas (Black Sea, Barents Sea) are still converted")
@pytest.mark.parametrize("names_to", TARGETS)
def test_non_russian_labels_are_never_altered(paragraphs: list[Paragraph],
                                              names_to: str) -> None:
    assert altered_labels(paragraphs, names_to) == []
