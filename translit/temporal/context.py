"""The words around an expression: prepositions, the tense of its sentence, places it names.

>>> ctx = Context("The crew will land on Tuesday.", "en")
>>> ctx.direction(22)
1
>>> ctx.preceded_by(22, ("on", "at"))
True
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from typing import Any

from translit import caching
from translit.schemes.languages import language
from translit.temporal.words import get_lexicon
from translit.temporal.zones import Place, find_place, load_zone_table

_lock = threading.Lock()
_patterns: dict[str, Any] = caching.tracked({})
WINDOW = 300
NEAR = 40


def _compiled(name: str, build: Any) -> Any:
    found = _patterns.get(name)
    if found is None:
        with _lock:
            found = _patterns.get(name)
            if found is None:
                found = build()
                _patterns[name] = found
    return found


def _alternatives(words: tuple[str, ...]) -> str:
    import re

    escaped = [re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len,
                                                                    reverse=True)]
    return "|".join(escaped) or "(?!)"


def _tense_pattern(lang: str) -> Any:
    import re

    lex = get_lexicon(lang)
    suffixes = _alternatives(lex.past_suffixes)
    weak = rf"|(?P<weak>\w+(?:{suffixes}))" if lex.past_suffixes else "|(?P<weak>(?!))"
    from translit.temporal.lexer import word_pattern

    future = word_pattern(sorted(lex.future)) or "(?!)"
    past = word_pattern(sorted(lex.past)) or "(?!)"  # tries: no backtracking over 50 words
    source = rf"(?<!\w)(?:(?P<future>{future})|(?P<past>{past}){weak})(?!\w)"
    return re.compile(source)  # applied to the lowercased text


def _sentence_pattern(lang: str) -> Any:
    r"""Sentence ends, as ``[sentence]`` of the language's table has them: a break (a line
    break), or an end (``.``, ``!``, ``?``; not after a digit: "5. Oktober") with spaces and
    then a capital letter or an opening quote.

    Each branch starts with a literal so that the engine skips to the next candidate quickly.

    >>> [m.group() for m in _sentence_pattern("de").finditer("Am 5. Oktober. Dann\n")]
    ['. ', '\n']
    """
    import re

    facts = language(lang)
    capitals = "".join(chr(c) for c in (*range(0x41, 0x250), *range(0x370, 0x530))
                       if chr(c).isupper())
    opens = f"(?=[{re.escape(capitals + ''.join(facts.opening_quotes))}])"
    branches = [rf"{re.escape(end)}(?<!\d{re.escape(end)})\s+{opens}"
                for end in facts.sentence_ends]
    branches += [re.escape(mark) for mark in facts.sentence_breaks]
    return re.compile("|".join(branches) or "(?!)")


def _place_pattern() -> Any:
    """The pattern of the zone table's places, rebuilt when the table changes."""
    table = load_zone_table()
    cached = _patterns.get("places")
    if cached is not None and cached[0] is table:
        return cached[1]
    import re

    from translit.temporal.lexer import word_pattern

    source = rf"(?<!\w)(?:{word_pattern(sorted(table.places))})(?!\w)"
    pattern = re.compile(source)  # applied to the lowercased text
    with _lock:
        _patterns["places"] = (table, pattern)
    return pattern


class Context:
    """Questions about the text around a position, answered from the language's table."""

    def __init__(self, text: str, lang: str, *, lowered: str | None = None) -> None:
        self.text = text
        self.lowered = lowered  # the text in lowercase (same offsets), made when first needed
        self.lang = lang
        self.lex = get_lexicon(lang)
        self._tails: dict[int, str] = {}
        self._heads: dict[int, str] = {}
        self._ends: list[tuple[int, int]] | None = None  # (start, end) of sentence ends
        self._tenses: dict[tuple[int, int], list[tuple[int, int, int, bool]]] = {}

    def lowered_text(self) -> str:
        """The text in lowercase, with the same offsets."""
        if self.lowered is None:
            from translit.temporal.lexer import lower_text

            self.lowered = lower_text(self.text)
        return self.lowered

    def _before(self, pos: int) -> str:
        tail = self._tails.get(pos)
        if tail is None:
            tail = " ".join(self.lowered_text()[max(0, pos - 40):pos].split())
            self._tails[pos] = tail
        return tail

    def preceded_by(self, pos: int, words: tuple[str, ...]) -> bool:
        """Whether one of ``words`` (whole words) stands right before ``pos``."""
        tail = self._before(pos)
        if not tail.endswith(words):
            return False
        for word in words:
            if tail.endswith(word):
                head = tail[:-len(word)]
                if not head or not head[-1].isalnum():
                    return True
        return False

    def word_before(self, pos: int, words: tuple[str, ...]) -> int | None:
        """The start of the one of ``words`` that stands right before ``pos``, if any."""
        if not self._before(pos).endswith(words):
            return None
        base = max(0, pos - 40)
        tail = self.text[base:pos].rstrip()
        pieces = tail.split()
        for word in sorted(words, key=len, reverse=True):
            count = len(word.split())
            if count <= len(pieces) and " ".join(pieces[-count:]).lower() == word:
                index = len(tail)
                for piece in reversed(pieces[-count:]):
                    index = tail.rfind(piece, 0, index)
                if index == 0 and base > 0 and self.text[base - 1].isalnum():
                    return None
                return base + index
        return None

    def followed_by(self, pos: int, words: tuple[str, ...]) -> bool:
        """Whether one of ``words`` (whole words) stands right after ``pos``."""
        head = self._heads.get(pos)
        if head is None:
            head = " ".join(self.lowered_text()[pos:pos + 40].split())
            self._heads[pos] = head
        if not head.startswith(words):
            return False
        for word in words:
            if head.startswith(word) and not head[len(word):len(word) + 1].isalnum():
                return True
        return False

    def _sentence_ends(self) -> list[tuple[int, int]]:
        """(start, end) of every sentence end in the text, found in one pass on first use."""
        if self._ends is None:
            pattern = _compiled(f"sentence:{self.lang}", lambda: _sentence_pattern(self.lang))
            self._ends = [m.span() for m in pattern.finditer(self.text)]
        return self._ends

    def sentence(self, pos: int) -> tuple[int, int]:
        """The bounds of the sentence around ``pos`` (at most :data:`WINDOW` each side)."""
        ends = self._sentence_ends()
        start = max(0, pos - WINDOW)
        index = bisect_right(ends, (pos, pos))
        before = index - 1
        while before >= 0 and ends[before][1] > pos:
            before -= 1
        if before >= 0 and ends[before][0] >= start:
            start = ends[before][1]
        stop = min(len(self.text), pos + WINDOW)
        after = bisect_left(ends, (pos, -1))
        if after < len(ends) and ends[after][0] < stop:
            return start, ends[after][0] + 1
        return start, stop

    def _tense_marks(self, start: int, stop: int) -> list[tuple[int, int, int, bool]]:
        """(start, end, +1 future / -1 past, weak) of the tense markers in a sentence."""
        key = (start, stop)
        found = self._tenses.get(key)
        if found is None:
            pattern = _compiled(f"tense:{self.lang}", lambda: _tense_pattern(self.lang))
            found = [(m.start(), m.end(), 1 if m.group("future") else -1, bool(m.group("weak")))
                     for m in pattern.finditer(self.lowered_text(), start, stop)]
            self._tenses[key] = found
        return found

    def direction(self, pos: int, end: int | None = None) -> int:
        """+1 if the sentence looks forward (future tense), -1 if back (past), 0 if unknown.

        "since" words right before mean the past. Otherwise, within :data:`NEAR` characters, a
        tense word before ("will", "soll", "будет"), else the nearest marker before (also a
        past-tense ending, "-ed", "-ал": "who turned 92 in January, is expected to"), else a tense
        word after; else the nearest marker before, then the first after.
        """
        if self.preceded_by(pos, self.lex.context["since"]):
            return -1
        start, stop = self.sentence(pos)
        after_start = end if end is not None else pos
        marks = self._tense_marks(start, stop)
        before = [m for m in marks if m[1] <= pos][-3:]
        after = [m for m in marks if m[0] >= after_start][:2]
        near_before = [m for m in reversed(before) if pos - m[1] <= NEAR]
        strong_before = [m for m in near_before if not m[3]]
        strong_after = [m for m in after if not m[3] and m[0] - after_start <= NEAR]
        for mark in (*strong_before, *near_before[:1], *strong_after, *before[-1:], *after[:1]):
            return mark[2]
        return 0

    def place(self, pos: int, *, after: int = 0) -> Place | None:
        """A place with a known zone named in the sentence around ``pos`` (the nearest one
        after offset ``after``, which skips the dateline)."""
        pattern = _place_pattern()
        start, stop = self.sentence(pos)
        start = max(start, after)
        best: tuple[int, Place] | None = None
        for match in pattern.finditer(self.lowered_text(), start, stop):
            found = find_place(match.group())
            distance = abs(match.start() - pos)
            if found and (best is None or distance < best[0]):
                best = (distance, found)
        return best[1] if best else None
