"""Forward transliteration: Cyrillic → a Latin scheme, by the rules of one table.

Precedence, the same for every table (documented in ``tables/README.md``):

1. a whole-word exception from ``[words]``;
2. otherwise, left to right, at each position the rule with the longest ``from`` wins;
   at equal length a rule with conditions (``[[context]]``, then ``[endings]``) beats the plain
   ``[letters]`` entry, and among context rules the one written first wins (a child table's
   rules come before the ones it inherits);
3. a Cyrillic letter no rule covers is folded by unidecode; anything else passes through.

>>> from translit.schemes.loader import read_table
>>> from translit.table_layer import builtin_dir
>>> engine = Engine(read_table(builtin_dir() / "schemes" / "de.toml"))
>>> engine.word("Пересильд")
'Peressild'
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from translit.schemes.loader import KEYWORDS, RuleSpec, TableSpec

CACHE_LIMIT = 20_000
_START, _END = KEYWORDS


@dataclass(frozen=True)
class Condition:
    """One side of a context rule: any of the tokens must hold next to the match."""

    start_or_end: bool
    letter_sets: frozenset[str]
    sequences: tuple[str, ...]

    def holds_before(self, word: str, index: int) -> bool:
        """Whether the condition holds just before ``word[index]``."""
        if index == 0:
            return self.start_or_end
        if word[index - 1] in self.letter_sets:
            return True
        return any(word.endswith(seq, 0, index) for seq in self.sequences)

    def holds_after(self, word: str, index: int) -> bool:
        """Whether the condition holds from ``word[index]`` on (``index`` is the match end)."""
        if index >= len(word):
            return self.start_or_end
        if word[index] in self.letter_sets:
            return True
        return any(word.startswith(seq, index) for seq in self.sequences)


class Rule(NamedTuple):
    """A compiled rule; ``rank`` orders rules that start with the same letter."""

    source: str
    target: str
    label: str
    after: Condition | None
    before: Condition | None
    not_after: Condition | None
    not_before: Condition | None

    def applies(self, word: str, start: int) -> bool:
        end = start + len(self.source)
        if not word.startswith(self.source, start):
            return False
        if self.after is not None and not self.after.holds_before(word, start):
            return False
        if self.before is not None and not self.before.holds_after(word, end):
            return False
        if self.not_after is not None and self.not_after.holds_before(word, start):
            return False
        return self.not_before is None or not self.not_before.holds_after(word, end)


class Piece(NamedTuple):
    """One step of a transliteration: which letters, what they became, and by which rule."""

    start: int
    source: str
    output: str
    rule: str


def _condition(tokens: tuple[str, ...], classes: dict[str, str], keyword: str) -> Condition | None:
    if not tokens:
        return None
    letters: set[str] = set()
    sequences: list[str] = []
    for token in tokens:
        if token in classes:
            letters.update(classes[token])
        elif len(token) == 1 and not token.isascii():
            letters.add(token)
        elif not token.isascii():
            sequences.append(token)
    return Condition(keyword in tokens, frozenset(letters), tuple(sequences))


def _compile_rule(spec: RuleSpec, classes: dict[str, str]) -> Rule:
    return Rule(spec.source, spec.target, spec.label,
                _condition(spec.after, classes, _START),
                _condition(spec.before, classes, _END),
                _condition(spec.not_after, classes, _START),
                _condition(spec.not_before, classes, _END))


class Engine:
    """The compiled form of one table: transliterates words, with a bounded cache."""

    def __init__(self, spec: TableSpec) -> None:
        self.spec = spec
        self.words = spec.words
        self.capitals = spec.capitals
        rules: list[tuple[int, int, Rule]] = []
        for order, rule_spec in enumerate(spec.rules):
            rules.append((-len(rule_spec.source), order, _compile_rule(rule_spec, spec.classes)))
        offset = len(rules)
        for order, (source, target) in enumerate(spec.endings.items()):
            ending = Rule(source, target, f"endings.{source}", None,
                          Condition(True, frozenset(), ()), None, None)
            rules.append((-len(source), offset + order, ending))
        offset = len(rules)
        for order, (source, target) in enumerate(spec.letters.items()):
            plain = Rule(source, target, f"letters.{source}", None, None, None, None)
            rules.append((-len(source), offset + order, plain))
        by_first: dict[str, list[Rule]] = {}
        for _, _, rule in sorted(rules, key=lambda item: (item[0], item[1])):
            by_first.setdefault(rule.source[0], []).append(rule)
        self.by_first = {k: tuple(v) for k, v in by_first.items()}
        # Letters whose only rule is their own plain [letters] entry: no search needed.
        self.plain = {k: v[0].target for k, v in self.by_first.items()
                      if len(v) == 1 and v[0].source == k and v[0].after is None
                      and v[0].before is None and v[0].not_after is None
                      and v[0].not_before is None}
        self._cache: dict[str, str] = {}
        self._lock = threading.Lock()
        self.cache_get = self._cache.get

    def clear_cache(self) -> None:
        """Forget the cached words."""
        with self._lock:
            self._cache.clear()

    def pieces(self, lower: str) -> list[Piece]:
        """Split a lowercase word into the pieces the rules make of it."""
        exception = self.words.get(lower)
        if exception is not None:
            return [Piece(0, lower, exception, f"words.{lower}")]
        out: list[Piece] = []
        index, size = 0, len(lower)
        while index < size:
            letter = lower[index]
            for rule in self.by_first.get(letter, ()):
                if rule.applies(lower, index):
                    out.append(Piece(index, rule.source, rule.target, rule.label))
                    index += len(rule.source)
                    break
            else:
                out.append(_fallback(index, letter))
                index += 1
        return out

    def word(self, word: str, *, upper: bool | None = None) -> str:
        """Transliterate one Cyrillic word, keeping its case (lower, Title, UPPER or mixed).

        ``upper`` forces ALL CAPS on or off (for one-letter words, whose case is ambiguous);
        results for plain words are cached (bounded, safe between threads).
        """
        if upper is None:
            cached = self._cache.get(word)
            if cached is not None:
                return cached
        result = self.render(word, upper=upper)
        if upper is None and len(word) > 1:
            if len(self._cache) >= CACHE_LIMIT:
                with self._lock:
                    self._cache.clear()
            self._cache[word] = result
        return result

    def render(self, word: str, *, upper: bool | None = None) -> str:
        """Transliterate one word through the rules, without the cache."""
        result = self._fast(word) if upper is None else None
        if result is None:
            result = "".join(p.output for p in self.cased_pieces(word, upper=upper))
        return result

    def _lower_output(self, lower: str) -> str:
        """The output for a lowercase word of letters only (the fast path of :meth:`pieces`)."""
        exception = self.words.get(lower)
        if exception is not None:
            return exception
        plain, by_first = self.plain, self.by_first
        out: list[str] = []
        index, size = 0, len(lower)
        while index < size:
            letter = lower[index]
            target = plain.get(letter)
            if target is not None:
                out.append(target)
                index += 1
                continue
            for rule in by_first.get(letter, ()):
                if rule.applies(lower, index):
                    out.append(rule.target)
                    index += len(rule.source)
                    break
            else:
                out.append(_fallback(index, letter).output)
                index += 1
        return "".join(out)

    def _fast(self, word: str) -> str | None:
        """lower, Title and UPPER words of plain letters; None sends others the slow way."""
        if not word.isalpha() or not unicodedata.is_normalized("NFC", word):
            return None
        if word.islower():
            return self._lower_output(word)
        rest = word[1:]
        if word.isupper() and len(word) > 1 and all(c.lower() != c.upper() for c in word):
            return self._lower_output(word.lower()).upper()
        if word[0].isupper() and (not rest or rest.islower()) and not self.capitals:
            text, _ = _capitalize(self._lower_output(word.lower()))
            return text
        return None

    def cased_pieces(self, word: str, *, upper: bool | None = None) -> list[Piece]:
        """The pieces of ``word`` (put in NFC) with the case of its letters carried over."""
        if not unicodedata.is_normalized("NFC", word):
            word = unicodedata.normalize("NFC", word)
        letters, marks = _split_marks(word)
        lower = letters.lower()
        pieces = self.pieces(lower)
        cased = [c for c in letters if c.lower() != c.upper()]
        if upper is None:
            upper = len(cased) > 1 and all(c.isupper() for c in cased)
        result: list[Piece] = []
        carry = False
        for piece in pieces:
            source = letters[piece.start:piece.start + len(piece.source)]
            text = piece.output
            if upper:
                text = text.upper()
            elif carry or source[:1].isupper():
                capital = self.capitals.get(piece.source) if not carry else None
                text, carry = (capital, False) if capital else _capitalize(text)
            result.append(Piece(piece.start, source, text, piece.rule))
        if marks:
            result = _attach_marks(result, marks)
        return result


def _capitalize(text: str) -> tuple[str, bool]:
    """Upper-case the first cased letter; True when there is none (the capital moves on)."""
    for index, char in enumerate(text):
        if char.lower() != char.upper():
            return text[:index] + char.upper() + text[index + 1:], False
    return text, True


def _fallback(index: int, letter: str) -> Piece:
    """A Cyrillic letter no rule covers: unidecode's ASCII form (empty when it has none)."""
    from unidecode import unidecode

    folded = unidecode(letter).lower()
    return Piece(index, letter, folded, "fallback:unidecode" if folded else "dropped:no-latin")


def _is_cyrillic_mark(char: str) -> bool:
    """Combining marks of the Cyrillic script (titlo, Slavonic superscripts), not stress marks."""
    return ("\u0483" <= char <= "\u0489" or "\u2de0" <= char <= "\u2dff"
            or "\ua66f" <= char <= "\ua67d" or "\ua69e" <= char <= "\ua69f"
            or char == "\U0001e08f")


def _split_marks(word: str) -> tuple[str, list[tuple[int, str]]]:
    """Take combining marks out of ``word``: the letters, and (letter index, mark) pairs."""
    if word.isalpha():
        return word, []
    letters: list[str] = []
    marks: list[tuple[int, str]] = []
    for char in word:
        if _is_cyrillic_mark(char):
            continue
        if unicodedata.combining(char) and letters:
            marks.append((len(letters) - 1, char))
        else:
            letters.append(char)
    return "".join(letters), marks


def _attach_marks(pieces: list[Piece], marks: list[tuple[int, str]]) -> list[Piece]:
    out = []
    for piece in pieces:
        end = piece.start + len(piece.source)
        extra = "".join(m for i, m in marks if piece.start <= i < end)
        out.append(piece._replace(output=piece.output + extra, source=piece.source + extra)
                   if extra else piece)
    return out
