"""Find names of Russian origin in running English or German text, in any spelling style.

Capitalized words (and initials) that stand next to each other form a run; each word brings
its evidence (:mod:`translit.wordinfo`), and a run, or the part of it that is a name, is taken
as Russian when the evidence adds up: a known name of the lexicon, a Cyrillic word, a Russian
given name with a surname-like word, a listed surname or a Russian surname ending that is not
a common word. A run with another given name (Tom, Julia) is left alone. A surname found once
in a full name is recognised alone later in the same text (``Peresild`` after ``Yulia
Peresild``). The style is decided per name, not per document.

>>> [m.text for m in find_names("Actress Yulia Peresild met Tom Cruise; Peresild's film.")]
['Yulia Peresild', 'Peresild']
"""

from __future__ import annotations

from dataclasses import dataclass

from translit.namerun import BREAKERS, Shape, Word, run_pattern, run_shapes, shape_cache
from translit.places import foreign_cue
from translit.wordinfo import LISTED

SENTENCE_MARKS = frozenset(".!?\n:\"“„«(")


@dataclass(frozen=True)
class NamePart:
    """One word (or initial, or known phrase) of a found name and its lowercase Cyrillic."""

    start: int
    end: int
    text: str
    cyrillic: str | None
    suffix: str = ""


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


def _is_name_word(word: Word, guarded: bool, known: frozenset[str] | set[str] = frozenset()
                  ) -> bool:
    """Whether a word may be part of a Russian name (``guarded``: sentence start or headline).

    ``known`` holds the Cyrillic of words already found in full names of the same text.
    """
    info = word.info
    if word.initial:
        return True
    if info is None:
        return False
    if info.cyrillic is not None and info.cyrillic in known and not guarded:
        return True
    if info.role in LISTED:
        # Places and known names are not common words, however frequent (Russia, MOSCOW).
        common = info.common and info.role not in ("lexicon", "place")
        return not (common and guarded) and not (
            info.role == "given" and info.ambiguous_given and guarded)
    return info.role == "ending" and not info.common


def _segments(run: list[Word], sentence_start: bool, headline: bool, known: set[str],
              foreign_words: set[str]) -> list[list[Word]]:
    """The stretches of ``run`` made only of name-like words (initials included).

    A word at the start of a sentence or in a headline needs more: standing alone, it must
    not be a common word (``Mir`` at the start of a German sentence, ``Progress`` in a
    headline); an ALL-CAPS word (a dateline) is not held to that.
    """
    out: list[list[Word]] = []
    current: list[Word] = []
    foreign = False
    for word in run:
        after_given = bool(current) and current[-1].info is not None and \
            current[-1].info.role == "given"
        if _is_name_word(word, False, known) or (
                after_given and word.info is not None and word.info.cyrillic is not None
                and word.info.role == "other_given"):
            if not foreign:
                current.append(word)
        else:
            if current:
                out.append(current)
            current = []
            # The words right after another given name belong to that person (Doug Liman).
            foreign = word.info is not None and word.info.role in BREAKERS
            if foreign:
                foreign_words.update(part.lower() for w in run for part in w.text.split())
    if current:
        out.append(current)
    kept = []
    for segment in out:
        first = segment[0]
        guarded = headline or (sentence_start and first is run[0])
        if guarded and len(segment) == 1 and not first.text.isupper() and \
                not _is_name_word(first, True):
            continue
        if len(segment) == 1 and first.text.lower() in foreign_words:
            continue  # Wladimir alone, after Wladimir Klitschko
        if any(not w.initial for w in segment):
            kept.append(segment)
    return kept


def _decide(words: list[Word], known: set[str]) -> bool:
    """Whether a stretch of name-like words is a Russian name."""
    infos = [w.info for w in words if w.info is not None]
    roles = {info.role for info in infos}
    if len(infos) >= 2:
        return bool(roles & LISTED)
    info = infos[0]
    if info.role == "given":
        return len(words) > 1 or not (info.ambiguous_given or info.common)
    if info.role in LISTED:
        return True
    if info.cyrillic is not None and info.cyrillic in known:
        return True
    return len(words[-1].text) > 4 or len(words) > 1


def _is_headline(text: str, start: int, seen: dict[int, bool]) -> bool:
    """Whether the line around ``start`` is a Title Case headline (most words capitalized)."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start in seen:
        return seen[line_start]
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    seen[line_start] = _title_case_line(line)
    return seen[line_start]


def _title_case_line(line: str) -> bool:
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < 4 or line.rstrip().endswith((".", ",")):
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _line_before(text: str, start: int) -> str:
    """Up to 40 characters before ``start`` on the same line and in the same sentence."""
    before = text[max(0, start - 40):start]
    cut = max(before.rfind("\n"), before.rfind(". "), before.rfind(";"))
    return before[cut + 1:]


def _mention(text: str, base: int, shape: Shape, segment: list[Word]) -> NameMention:
    """The mention of ``segment`` (offsets relative to ``base``); the parts' content is built
    once per segment of a run shape."""
    key = (id(segment[0]), len(segment))
    made = shape.mentions.get(key)
    if made is None:
        made = shape.mentions[key] = _template(segment)
    parts, cyrillic, kind, style, score = made
    start, end = base + segment[0].start, base + segment[-1].end
    return NameMention(start, end, text[start:end], cyrillic, kind,
                       tuple([NamePart(base + s, base + e, t, c, x) for s, e, t, c, x in parts]),
                       style, score)


def _template(segment: list[Word]) -> tuple[tuple[tuple[int, int, str, str | None, str], ...],
                                            str, str, str | None, float]:
    infos = [w.info for w in segment if w.info is not None]
    parts = []
    for word in segment:
        info = word.info
        suffix = info.suffix if info is not None else ""
        cyrillic = info.cyrillic if info is not None else None
        parts.append((word.start, word.end, word.text, cyrillic, suffix))
    kinds = {i.kind for i in infos}
    kind = "person" if "person" in kinds and len(segment) > 1 else sorted(kinds)[0]
    listed = all(i.role in LISTED for i in infos)
    style = next((i.style for i in infos if i.style), None)
    return (tuple(parts), " ".join(i.cyrillic or i.word for i in infos), kind, style,
            0.9 if listed else 0.6)


def find_names(text: str, *, lang: str = "en", lexicon: bool = True) -> list[NameMention]:
    """Every Russian name in ``text`` (``lang``: en, de or auto), in order.

    >>> [m.cyrillic for m in find_names("Der Kosmonaut Anton Schkaplerow", lang="de")]
    ['антон шкаплеров']
    """
    cache = shape_cache(lang, lexicon)
    known: set[str] = set()
    foreign_words: set[str] = set()
    lines: dict[int, bool] = {}
    mentions: list[NameMention] = []
    for match in run_pattern().finditer(text):
        run = match[0]
        shapes = cache.get(run)
        if shapes is None:
            shapes = cache[run] = run_shapes(run, lang, lexicon)
        if not shapes:
            continue  # no name evidence in any word (most runs)
        base = match.start()
        for shape in shapes:
            if not shape.relevant and known.isdisjoint(shape.cyrillic):
                continue
            units = shape.units
            start = base + units[0].start
            sentence_start = start == 0 or not SENTENCE_MARKS.isdisjoint(
                text[max(0, start - 3):start])
            headline = lang == "en" and _is_headline(text, start, lines)
            for segment in _segments(units, sentence_start, headline, known, foreign_words):
                if not _decide(segment, known):
                    continue
                first, last = base + segment[0].start, base + segment[-1].end
                if foreign_cue(_line_before(text, first), text[last:last + 24], lang):
                    continue
                if len(segment) > 1:
                    known.update(w.info.cyrillic for w in segment
                                 if w.info is not None and w.info.cyrillic)
                mentions.append(_mention(text, base, shape, segment))
    return mentions
