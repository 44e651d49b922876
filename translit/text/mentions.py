"""A found name as an object: its parts, Cyrillic, kind, style and score (``NameMention``).

The name finder works out what a mention holds once per stretch of words of a run shape (a
:class:`Template`, offsets relative to the run) and places it in the text with
:func:`mention_at`; a text has many mentions, so this is kept cheap.

>>> from translit.text.finder import find_names
>>> find_names("Yulia Peresild's")[0].parts[1]
NamePart(start=6, end=14, text='Peresild', cyrillic='пересильд', suffix='', after="'s", \
role='surname', gender=None)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from translit.text.evidence import LISTED

if TYPE_CHECKING:
    from translit.text.runs import Word


@dataclass(frozen=True)
class NamePart:
    """One word (or initial, or known phrase) of a found name and its lowercase Cyrillic
    (offsets into the text, or into the run in a :class:`Template`)."""

    start: int
    end: int
    text: str
    cyrillic: str | None
    suffix: str = ""
    """A German genitive -s at the end of ``text`` (Nawalnys), no part of the name."""
    after: str = ""
    """A possessive that follows ``text`` in the text (Peresild's: ``'s``)."""
    role: str = ""
    """The role of the word's evidence (given, patronymic, surname, lexicon, …)."""
    gender: str | None = None
    """The gender the evidence gives (m, f), if any."""

    @property
    def ending(self) -> str:
        """The ending the part has in the text, inside it or after it (``s``, ``'s``)."""
        return self.suffix or self.after


@dataclass(frozen=True)
class NameMention:
    """A Russian name found in text: where it is, its parts, style and confidence."""

    start: int
    end: int
    text: str
    cyrillic: str
    kind: str
    parts: tuple[NamePart, ...] = ()
    style: str | None = None
    score: float = 1.0


@dataclass(frozen=True, eq=False)
class Template:
    """What a mention of one stretch of a run's words holds, offsets relative to the run (its
    ``parts`` too); every mention of the same run text has the same template.

    Compared and hashed by identity: a template is made once per run shape and kept, so it can
    key the caches of what is made of it (:func:`translit.text.rendering.mention_span`).
    """

    first: int
    last: int
    parts: tuple[NamePart, ...]
    cyrillic: str
    kind: str
    style: str | None
    score: float


def mention_at(text: str, base: int, made: Template) -> NameMention:
    """The mention ``made`` gives in ``text`` for a run that starts at ``base``.

    >>> from translit.text.finder import find_mentions
    >>> text = "He met Anton Shkaplerov."
    >>> [mention_at(text, base, made).text for base, made in find_mentions(text)]
    ['Anton Shkaplerov']
    """
    first, last = base + made.first, base + made.last
    parts = tuple([NamePart(base + p.start, base + p.end, p.text, p.cyrillic, p.suffix,
                            p.after, p.role, p.gender) for p in made.parts])
    return NameMention(first, last, text[first:last], made.cyrillic, made.kind, parts,
                       made.style, made.score)


def template(segment: list[Word]) -> Template:
    """What a mention of ``segment`` (words of one run) holds."""
    infos = [w.info for w in segment if w.info is not None]
    parts = []
    for word in segment:
        info = word.info
        if info is None:
            parts.append(NamePart(word.start, word.end, word.text, None, after=word.ending))
            continue
        parts.append(NamePart(word.start, word.end, word.text, info.cyrillic, info.suffix,
                              word.ending, info.role, info.gender))
    kinds = {i.kind for i in infos}
    kind = "person" if "person" in kinds and len(segment) > 1 else sorted(kinds)[0]
    listed = all(i.role in LISTED for i in infos)
    style = next((i.style for i in infos if i.style), None)
    return Template(segment[0].start, segment[-1].end, tuple(parts),
                    " ".join(i.cyrillic or i.word for i in infos), kind, style,
                    0.9 if listed else 0.6)
