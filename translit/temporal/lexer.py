"""Split text into the tokens that can be part of a temporal expression, in one regex pass.

The pattern of each language is built from its lexicon on first use (a character trie, so it
cannot backtrack across alternatives) and cached. Everything else in the text is skipped.

>>> [(t.kind, t.text) for t in tokenize("On Oct. 5 at 10:55 a.m. Swiss time", "en")]
[('month', 'Oct.'), ('num', '5'), ('hhmm', '10:55 a.m.'), ('zone', 'Swiss time')]
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from typing import Any

from translit.temporal.lexicon import Lexicon, Meaning, get_lexicon
from translit.zones import load_zone_table

_lock = threading.Lock()
_patterns: dict[str, Any] = {}

_NUMERIC = (
    ("iso", r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"),
    ("dotted", r"\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})"),
    ("slash", r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})"),
    ("offset", r"(?:UTC|GMT) ?[+−-] ?\d{1,2}(?::?\d{2})?"),
    ("hhmm", r"\d{1,2}(?::\d{2}(?::\d{2})?|\.\d{2})(?: ?[ap]\.? ?m\.?)?"),
    ("hampm", r"\d{1,2} ?[ap]\.? ?m\.?"),
    ("ordinal", r"\d{1,2}(?:st|nd|rd|th)"),
    ("num", r"\d+(?:[.,]\d+)*"),
)
_ENGLISH_ONLY = ("hampm", "ordinal")
_AMPM_SUFFIX = "(?: ?[ap]\\.? ?m\\.?)?"


@dataclass(frozen=True, slots=True)
class Token:
    """A piece of text that may belong to a temporal expression."""

    kind: str
    start: int
    end: int
    text: str
    meanings: tuple[Meaning, ...] = ()

    def get(self, kind: str) -> Meaning | None:
        """The meaning of ``kind`` this token has, if any."""
        for meaning in self.meanings:
            if meaning.kind == kind:
                return meaning
        return None

    def has(self, *kinds: str) -> bool:
        return any(m.kind in kinds for m in self.meanings)

    @property
    def number(self) -> int | None:
        """The value of a plain number of at most four digits (``3,000`` has none)."""
        if self.kind == "num" and self.text.isdigit() and len(self.text) <= 4:
            return int(self.text)
        return None


def word_pattern(words: list[str]) -> str:
    """A regex (trie-shaped, no backtracking between alternatives) matching any of ``words``.

    >>> word_pattern(["oct", "oct.", "october"])
    'oct(?:\\\\.|ober)?'
    """
    import regex

    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        parts = []
        for char in sorted(k for k in node if k):
            piece = r"\s+" if char == " " else regex.escape(char)
            parts.append(piece + build(node[char]))
        if not parts:
            return ""
        if len(parts) > 1:
            return "(?:" + "|".join(parts) + (")?" if ends else ")")
        if not ends:
            return parts[0]
        return f"(?:{parts[0]})?" if len(parts[0]) > 1 else parts[0] + "?"

    return build(trie)


def _vocabulary(lex: Lexicon) -> dict[str, tuple[Meaning, ...]]:
    vocabulary = dict(lex.words)
    zones = load_zone_table()
    for phrase in {**zones.all_phrases()}:
        vocabulary.setdefault(phrase, ())
        vocabulary[phrase] = (*vocabulary[phrase], Meaning("zone", phrase))
    for abbr in (*zones.abbreviations, *zones.ambiguous):
        key = abbr.lower()
        vocabulary[key] = (*vocabulary.get(key, ()), Meaning("zone", abbr, abbr=True))
    return vocabulary


def _compiled(lang: str) -> tuple[Any, dict[str, tuple[Meaning, ...]]]:
    """The pattern and vocabulary of ``lang``, rebuilt when the zone table changes."""
    zones = load_zone_table()
    found = _patterns.get(lang)
    if found is not None and found[0] is zones:
        return found[1], found[2]
    import re

    with _lock:
        vocabulary = _vocabulary(get_lexicon(lang))
        words = set(vocabulary)
        words.update(k + "." for k, v in vocabulary.items()
                     if any(m.abbr and m.kind in ("month", "weekday") for m in v))
        parts = []
        for name, body in _NUMERIC:
            if lang != "en" and name in _ENGLISH_ONLY:
                continue
            if lang != "en" and name == "hhmm":
                body = body.replace(_AMPM_SUFFIX, "")
            parts.append(f"(?P<{name}>{body})")
        parts.append(f"(?P<word>{word_pattern(sorted(words))})")
        source = r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)"
        pattern = re.compile(source, re.IGNORECASE)  # Unicode-aware; twice as fast as regex here
        _patterns[lang] = (zones, pattern, vocabulary)
    return pattern, vocabulary


def tokenize(text: str, lang: str) -> list[Token]:
    """The temporal tokens of ``text`` in language ``lang``, in order."""
    pattern, vocabulary = _compiled(lang)
    lex = get_lexicon(lang)
    tokens: list[Token] = []
    for match in pattern.finditer(text):
        kind = match.lastgroup or "num"
        raw = match.group()
        if kind != "word":
            tokens.append(Token(kind, match.start(), match.end(), raw))
            continue
        key = unicodedata.normalize("NFC", " ".join(raw.lower().split()))
        meanings = vocabulary.get(key) or vocabulary.get(key.rstrip("."), ())
        initial = _sentence_start(text, match.start())
        kept = tuple(m for m in meanings if _fits(m, raw, key, lex, initial))
        if kept:
            tokens.append(Token(kept[0].kind, match.start(), match.end(), raw, kept))
    return tokens


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 8):start].rstrip()
    return start == 0 or not before or before[-1] in ".!?:\n\"«„—"


def _fits(meaning: Meaning, raw: str, key: str, lex: Lexicon, initial: bool) -> bool:
    """Whether the case of ``raw`` allows ``meaning``: names capitalized, abbreviations exact,
    exact-case words ("morgen") lowercase or capitalized only at the start of a sentence."""
    if meaning.kind == "zone":
        return not meaning.abbr or raw == meaning.value
    if meaning.kind in ("month", "weekday"):
        return not lex.capitalized_names or raw[:1].isupper()
    return not (key in lex.exact_case and raw != key and not (initial and raw.istitle()))
