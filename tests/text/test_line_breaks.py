"""A name never goes on from a short line (a list item, a credit, a caption) to the next; in
wrapped prose it may (issue 15, item 7)."""

from __future__ import annotations

import pytest

from translit.articles.document import normalize
from translit.text.finder import SHORT_LINE, find_names


@pytest.mark.parametrize(("text", "names"), [
    ("Oleg Novitsky\nRoskosmos\n", ["Oleg Novitsky", "Roskosmos"]),
    ("Yulia Peresild\nKlim Shipenko\nAnton Shkaplerov\nPyotr Dubrov\n",
     ["Yulia Peresild", "Klim Shipenko", "Anton Shkaplerov", "Pyotr Dubrov"]),
    ("Crew:\nAnton Shkaplerov\nYulia Peresild\n", ["Anton Shkaplerov", "Yulia Peresild"]),
])
def test_no_name_goes_on_from_a_short_line(text: str, names: list[str]) -> None:
    assert [m.text for m in find_names(text, lang="en")] == names


def test_a_name_wraps_with_the_prose() -> None:
    line = "Russia is about to send an actress and a film director into space, Yulia"
    assert len(line) >= SHORT_LINE
    found = find_names(f"{line}\nPeresild and Klim Shipenko.\n", lang="en")
    assert [m.text for m in found] == ["Russia", "Yulia\nPeresild", "Klim Shipenko"]


def test_each_list_item_is_its_own_span() -> None:
    document = normalize("Juri Gagarin\nKonstantin Ernst\nBaikonur\n", lang="de")
    assert not any("\n" in span["text"] for span in document.spans)
    assert document.normalized == "Yuri Gagarin\nKonstantin Ernst\nBaikonur\n"
