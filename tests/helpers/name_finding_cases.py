"""Read ``tests/data/name_finding.txt``: paragraphs with gold Russian and other name spans.

>>> paragraphs = read_paragraphs()
>>> len(paragraphs) >= 36
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "name_finding.txt"
MARK = re.compile(r"\[\[(.+?)\]\]|\{\{(.+?)\}\}")


@dataclass(frozen=True)
class Paragraph:
    """One labelled paragraph: the plain text and the gold spans (start, end)."""

    lang: str
    text: str
    russian: list[tuple[int, int]]
    other: list[tuple[int, int]]


def _parse(lang: str, marked: str) -> Paragraph:
    text_parts: list[str] = []
    russian: list[tuple[int, int]] = []
    other: list[tuple[int, int]] = []
    position = last = 0
    for match in MARK.finditer(marked):
        plain = marked[last:match.start()]
        text_parts.append(plain)
        position += len(plain)
        name = match.group(1) or match.group(2)
        (russian if match.group(1) else other).append((position, position + len(name)))
        text_parts.append(name)
        position += len(name)
        last = match.end()
    text_parts.append(marked[last:])
    return Paragraph(lang, "".join(text_parts), russian, other)


def read_paragraphs() -> list[Paragraph]:
    """Every paragraph of the evaluation file."""
    paragraphs: list[Paragraph] = []
    lang: str | None = None
    lines: list[str] = []
    for raw in [*DATA.read_text(encoding="utf-8").splitlines(), ""]:
        if raw.startswith("## "):
            lang, lines = raw[3:].strip(), []
        elif raw.startswith("# ") or raw == "#":
            continue
        elif not raw.strip():
            if lang and lines:
                paragraphs.append(_parse(lang, "\n".join(lines)))
            lang, lines = None, []
        elif lang:
            lines.append(raw)
    return paragraphs
