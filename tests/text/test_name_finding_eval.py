"""Name finding on the labelled paragraphs: precision and recall ≥ 95 %, others untouched."""

from __future__ import annotations

import pytest
from eval_name_finding import score
from name_finding_cases import read_paragraphs

from translit.articles.document import normalize

TARGET = 0.95


@pytest.fixture(scope="module")
def paragraphs() -> list:  # type: ignore[type-arg]
    return read_paragraphs()


def test_the_set_is_large_enough(paragraphs: list) -> None:  # type: ignore[type-arg]
    assert len(paragraphs) >= 30
    assert {p.lang for p in paragraphs} == {"en", "de"}


def test_precision_and_recall(paragraphs: list) -> None:  # type: ignore[type-arg]
    result = score(paragraphs)
    assert result["precision"] >= TARGET, result
    assert result["recall"] >= TARGET, result


@pytest.mark.parametrize("names_to", ["en", "de", "cyrillic"])
def test_non_russian_names_are_never_altered(paragraphs: list,  # type: ignore[type-arg]
                                             names_to: str) -> None:
    for paragraph in paragraphs:
        document = normalize(paragraph.text, names_to=names_to, lang=paragraph.lang,
                             kinds=["name"])
        changed = [s for s in document.spans if s["value"] != s["text"]]
        for span in changed:
            for start, end in paragraph.other:
                inside = start <= span["start"] and span["end"] <= end
                assert not inside, (paragraph.text[start:end], span)
