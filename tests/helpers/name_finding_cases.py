"""Read the name-finding sets: paragraphs with gold Russian and other name spans.

``tests/data/name_finding.txt`` (:func:`read_paragraphs`) and ``tests/data/name_finding_news.txt``
(:func:`read_news_paragraphs`, issue 15). A Russian label may carry an expected English value after
``|`` (``[[Sotschi|Sochi]]``); the text keeps only the part before ``|``.

>>> paragraphs = read_paragraphs()
>>> len(paragraphs) >= 36
True
>>> _parse("de", "In [[Sotschi|Sochi]] traf er {{Olaf Scholz}}.").values
{(3, 10): 'Sochi'}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "name_finding.txt"
NEWS = DATA.with_name("name_finding_news.txt")
MARK = re.compile(r"\[\[(.+?)\]\]|\{\{(.+?)\}\}")
HELD_OUT_EVERY = 5  # every fifth paragraph of each language in file order is held out (news set)


@dataclass(frozen=True)
class Paragraph:
    """One labelled paragraph: the plain text and the gold spans (start, end).

    ``values`` maps a Russian gold span to its expected English value (labels with ``|``);
    ``index`` is the paragraph's 1-based position among the paragraphs of its language.
    """

    lang: str
    text: str
    russian: list[tuple[int, int]]
    other: list[tuple[int, int]]
    values: dict[tuple[int, int], str] = field(default_factory=dict)
    index: int = 0

    @property
    def held_out(self) -> bool:
        """True for every fifth paragraph of its language (the news set's held-out part)."""
        return self.index > 0 and self.index % HELD_OUT_EVERY == 0


def _parse(lang: str, marked: str, index: int = 0) -> Paragraph:
    text_parts: list[str] = []
    russian: list[tuple[int, int]] = []
    other: list[tuple[int, int]] = []
    values: dict[tuple[int, int], str] = {}
    position = last = 0
    for match in MARK.finditer(marked):
        plain = marked[last:match.start()]
        text_parts.append(plain)
        position += len(plain)
        name, _, value = (match.group(1) or match.group(2)).partition("|")
        span = (position, position + len(name))
        (russian if match.group(1) else other).append(span)
        if value and match.group(1):
            values[span] = value
        text_parts.append(name)
        position += len(name)
        last = match.end()
    text_parts.append(marked[last:])
    return Paragraph(lang, "".join(text_parts), russian, other, values, index)


def read_paragraphs(path: Path = DATA) -> list[Paragraph]:
    """Every paragraph of an evaluation file (``name_finding.txt`` unless ``path`` is given)."""
    paragraphs: list[Paragraph] = []
    counts: dict[str, int] = {}
    lang: str | None = None
    lines: list[str] = []
    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if raw.startswith("## "):
            lang, lines = raw[3:].strip(), []
        elif raw.startswith("# ") or raw == "#":
            continue
        elif not raw.strip():
            if lang and lines:
                counts[lang] = counts.get(lang, 0) + 1
                paragraphs.append(_parse(lang, "\n".join(lines), counts[lang]))
            lang, lines = None, []
        elif lang:
            lines.append(raw)
    return paragraphs


def read_news_paragraphs() -> list[Paragraph]:
    """Every paragraph of ``name_finding_news.txt`` (issue 15); ``held_out`` marks that part."""
    return read_paragraphs(NEWS)
