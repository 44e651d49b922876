"""The words around an expression: prepositions, the tense of its sentence, places it names.

>>> ctx = Context("The crew will land on Tuesday.", "en")
>>> ctx.direction(22)
1
>>> ctx.preceded_by(22, ("on", "at"))
True
"""

from __future__ import annotations

import threading
from typing import Any

from translit.temporal.lexicon import get_lexicon
from translit.zones import Place, find_place, load_zone_table

_lock = threading.Lock()
_patterns: dict[str, Any] = {}
WINDOW = 300


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
    import regex

    escaped = [regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len,
                                                                       reverse=True)]
    return "|".join(escaped) or "(?!)"


def _tense_pattern(lang: str) -> Any:
    import regex

    lex = get_lexicon(lang)
    suffixes = _alternatives(lex.past_suffixes)
    weak = rf"|(?P<weak>\w+(?:{suffixes}))" if lex.past_suffixes else ""
    source = (rf"(?<!\w)(?:(?P<future>{_alternatives(lex.future)})"
              rf"|(?P<past>{_alternatives(lex.past)}){weak})(?!\w)")
    return regex.compile(source, regex.IGNORECASE)


def _sentence_pattern() -> Any:
    import regex

    return regex.compile(r"(?<!\d)[.!?]\s+(?=[\p{Lu}\"«„])|\n")


def _place_pattern() -> Any:
    """The pattern of the zone table's places, rebuilt when the table changes."""
    table = load_zone_table()
    cached = _patterns.get("places")
    if cached is not None and cached[0] is table:
        return cached[1]
    import regex

    from translit.temporal.lexer import word_pattern

    source = rf"(?<!\w)(?:{word_pattern(sorted(table.places))})(?!\w)"
    pattern = regex.compile(source, regex.IGNORECASE)
    with _lock:
        _patterns["places"] = (table, pattern)
    return pattern


class Context:
    """Questions about the text around a position, answered from the language's table."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.lex = get_lexicon(lang)

    def _before(self, pos: int) -> str:
        return " ".join(self.text[max(0, pos - 40):pos].lower().split())

    def preceded_by(self, pos: int, words: tuple[str, ...]) -> bool:
        """Whether one of ``words`` (whole words) stands right before ``pos``."""
        tail = self._before(pos)
        for word in words:
            if tail.endswith(word):
                head = tail[:-len(word)]
                if not head or not head[-1].isalnum():
                    return True
        return False

    def word_before(self, pos: int, words: tuple[str, ...]) -> int | None:
        """The start of the one of ``words`` that stands right before ``pos``, if any."""
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
        head = " ".join(self.text[pos:pos + 40].lower().split())
        for word in words:
            if head.startswith(word) and not head[len(word):len(word) + 1].isalnum():
                return True
        return False

    def sentence(self, pos: int) -> tuple[int, int]:
        """The bounds of the sentence around ``pos`` (at most :data:`WINDOW` each side)."""
        pattern = _compiled("sentence", _sentence_pattern)
        low = max(0, pos - WINDOW)
        start = low
        for match in pattern.finditer(self.text, low, pos):
            start = match.end()
        found = pattern.search(self.text, pos, min(len(self.text), pos + WINDOW))
        return start, found.start() + 1 if found else min(len(self.text), pos + WINDOW)

    def direction(self, pos: int, end: int | None = None) -> int:
        """+1 if the sentence looks forward (future tense), -1 if back (past), 0 if unknown.

        The tense marker nearest before the expression wins; else the nearest after it.
        """
        pattern = _compiled(f"tense:{self.lang}", lambda: _tense_pattern(self.lang))
        start, stop = self.sentence(pos)
        before = [m for m in pattern.finditer(self.text, start, pos)]
        after = [m for m in pattern.finditer(self.text, end if end is not None else pos, stop)]
        for strong in (True, False):  # tense words first, then past-tense endings ("-ed")
            for matches in (reversed(before), after):
                for match in matches:
                    if strong != bool(match.group("weak") if "weak" in match.re.groupindex
                                      else False):
                        return 1 if match.group("future") else -1
        return 0

    def place(self, pos: int, *, after: int = 0) -> Place | None:
        """A place with a known zone named in the sentence around ``pos`` (the nearest one
        after offset ``after``, which skips the dateline)."""
        pattern = _place_pattern()
        start, stop = self.sentence(pos)
        start = max(start, after)
        best: tuple[int, Place] | None = None
        for match in pattern.finditer(self.text, start, stop):
            found = find_place(match.group())
            distance = abs(match.start() - pos)
            if found and (best is None or distance < best[0]):
                best = (distance, found)
        return best[1] if best else None
