"""Read the Russian name-finding set: Russian news paragraphs with every name labelled.

``tests/data/name_finding_ru.txt`` (:func:`read_russian_paragraphs`) holds Russian-language
paragraphs in which every name of a person, place or organization is marked
``[[surface|kind|lemma|case|English]]``: the text as written (inflected), ``person``, ``place`` or
``organization``, the dictionary form (nominative singular, gender and ё kept), the case
(``nom gen dat acc ins loc``, `` pl`` appended for a plural mention) and the English form. The
paragraph text keeps only the surface; every fifth paragraph is held out. A malformed label
raises ``ValueError`` naming its line.

>>> paragraph = parse_russian_paragraph(
...     "Мэр [[Москвы|place|Москва|gen|Moscow]] встретился с "
...     "[[Горбачевыми|person|Горбачёв|ins pl|Gorbachev]].")
>>> paragraph.text
'Мэр Москвы встретился с Горбачевыми.'
>>> [(m.start, m.end, m.surface, m.lemma, m.case, m.plural) for m in paragraph.mentions]
[(4, 10, 'Москвы', 'Москва', 'gen', False), (24, 35, 'Горбачевыми', 'Горбачёв', 'ins', True)]
>>> parse_russian_paragraph("В [[Сочи|place|Сочи|abl|Sochi]].", first_line=7)
Traceback (most recent call last):
...
ValueError: line 7: unknown case 'abl' in label [[Сочи|place|Сочи|abl|Sochi]]
>>> parse_russian_paragraph("В [[Сочи|place|Сочи|loc]] и [[Казани", first_line=3)
Traceback (most recent call last):
...
ValueError: line 3: label [[Сочи|place|Сочи|loc]] has 4 fields, not 5
>>> paragraphs = read_russian_paragraphs()
>>> len(paragraphs) >= 60, sum(p.held_out for p in paragraphs) == len(paragraphs) // 5
(True, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "name_finding_ru.txt"
HEADER = "## ru"
KINDS = ("person", "place", "organization")
CASES = ("nom", "gen", "dat", "acc", "ins", "loc")
PLURAL = " pl"
FIELDS = 5  # surface|kind|lemma|case|English
HELD_OUT_EVERY = 5  # every fifth paragraph in file order is held out
_BRACKETS = re.compile(r"\[\[|\]\]")


@dataclass(frozen=True)
class Mention:
    """One labelled name: its span ``text[start:end]`` and the label's fields.

    ``case`` is one of :data:`CASES`; ``plural`` is True for a label whose case ends in `` pl``.
    """

    start: int
    end: int
    surface: str
    kind: str
    lemma: str
    case: str
    plural: bool
    english: str


@dataclass(frozen=True)
class RuParagraph:
    """One paragraph: the plain text (markup removed), its mentions and 1-based position."""

    text: str
    mentions: list[Mention] = field(default_factory=list)
    index: int = 0

    @property
    def held_out(self) -> bool:
        """True for every fifth paragraph (the 5th, 10th, ...): the held-out part."""
        return self.index > 0 and self.index % HELD_OUT_EVERY == 0


def _mention(label: str, start: int, line: int) -> Mention:
    """The mention of one label's inner text ``label`` starting at ``start`` of the text."""
    where = f"line {line}: label [[{label}]]"
    fields = label.split("|")
    if len(fields) != FIELDS:
        raise ValueError(f"{where} has {len(fields)} fields, not {FIELDS}")
    if any(not value or value != value.strip() for value in fields):
        raise ValueError(f"{where} has an empty field or a field with outer spaces")
    surface, kind, lemma, case, english = fields
    if kind not in KINDS:
        raise ValueError(f"line {line}: unknown kind {kind!r} in label [[{label}]]")
    plural = case.endswith(PLURAL)
    base = case[:-len(PLURAL)] if plural else case
    if base not in CASES:
        raise ValueError(f"line {line}: unknown case {case!r} in label [[{label}]]")
    return Mention(start, start + len(surface), surface, kind, lemma, base, plural, english)


def parse_russian_paragraph(marked: str, index: int = 1, first_line: int = 1) -> RuParagraph:
    """The paragraph of the marked text ``marked`` (its lines joined with ``\\n``); errors name
    the line counted from ``first_line``. A label never spans a line break."""
    parts: list[str] = []
    mentions: list[Mention] = []
    position = 0
    for number, line in enumerate(marked.split("\n"), start=first_line):
        if number > first_line:
            parts.append("\n")
            position += 1
        last = 0
        opened: int | None = None
        for bracket in _BRACKETS.finditer(line):
            if bracket.group() == "[[":
                if opened is not None:
                    raise ValueError(f"line {number}: unbalanced brackets: '[[' inside the label "
                                     f"that starts at column {opened + 1}")
                opened = bracket.start()
                continue
            if opened is None:
                raise ValueError(f"line {number}: unbalanced brackets: ']]' at column "
                                 f"{bracket.start() + 1} closes no label")
            plain = line[last:opened]
            parts.append(plain)
            position += len(plain)
            mention = _mention(line[opened + 2:bracket.start()], position, number)
            mentions.append(mention)
            parts.append(mention.surface)
            position = mention.end
            last, opened = bracket.end(), None
        if opened is not None:
            raise ValueError(f"line {number}: unbalanced brackets: the label at column "
                             f"{opened + 1} is not closed on its line")
        parts.append(line[last:])
        position += len(line) - last
    return RuParagraph("".join(parts), mentions, index)


def read_russian_paragraphs(path: Path = DATA) -> list[RuParagraph]:
    """Every paragraph of the Russian set (``name_finding_ru.txt`` unless ``path`` is given)."""
    paragraphs: list[RuParagraph] = []
    lines: list[str] = []
    inside = False
    first = 0

    def flush() -> None:
        if lines:
            paragraphs.append(parse_russian_paragraph("\n".join(lines), len(paragraphs) + 1,
                                                      first))

    raw_lines = path.read_text(encoding="utf-8").splitlines()
    for number, raw in enumerate(raw_lines, start=1):
        if raw.startswith("## "):
            if raw.strip() != HEADER:
                raise ValueError(f"line {number}: unknown header {raw.strip()!r} "
                                 f"(expected {HEADER!r})")
            flush()
            inside, lines, first = True, [], number + 1
        elif not raw.strip():
            flush()
            inside, lines = False, []
        elif not inside and (raw.startswith("# ") or raw == "#"):
            continue
        elif not inside:
            raise ValueError(f"line {number}: text outside a paragraph (no {HEADER!r} line)")
        else:
            lines.append(raw)
    flush()
    return paragraphs
