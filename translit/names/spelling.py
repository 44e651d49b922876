"""How Russian a Cyrillic spelling looks: a letter n-gram model and explicit spelling rules.

The model is trained, on first use, from the name tables (surnames, given names and their
patronymics, the lexicon and every sample of the scheme tables); the rules come from
``tables/names/spelling.toml`` (жи-ши, ча-ща, й only after a vowel, where ь and ъ may stand),
with the alphabet and letter classes of ``tables/languages/ru.toml``.
Both are used to rank the candidates :mod:`translit.names.reverse` reads back from Latin spellings.

>>> model = letter_model()
>>> model.logprob("шипенко") > model.logprob("щипенко")
True
>>> spelling_penalty("жызнь") > spelling_penalty("жизнь")
True
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from translit import table_layer
from translit.caching import Lazy
from translit.errors import TableError
from translit.schemes.languages import SOURCE, language, letter_classes
from translit.schemes.loader import KEYWORDS

ORDER = 4
BOUNDARY = "^"
END = "$"
FOREIGN_LOGPROB = -9.0


class LetterModel:
    """A Witten-Bell smoothed letter n-gram model of Russian name spellings (a letter outside
    ``alphabet``, by default the Russian one, costs :data:`FOREIGN_LOGPROB`)."""

    def __init__(self, words: Iterable[str], order: int = ORDER,
                 alphabet: str | None = None) -> None:
        self.order = order
        self._alphabet = frozenset(language(SOURCE).alphabet if alphabet is None else alphabet)
        counts: dict[str, dict[str, int]] = {}
        for word in words:
            padded = BOUNDARY * (order - 1) + word + END
            for index in range(order - 1, len(padded)):
                char = padded[index]
                for size in range(order):
                    context = padded[index - size:index]
                    bucket = counts.setdefault(context, {})
                    bucket[char] = bucket.get(char, 0) + 1
        self._counts = counts
        self._totals = {ctx: sum(b.values()) for ctx, b in counts.items()}
        self._base = 1.0 / (len(self._alphabet) + 1)
        self._cache: dict[tuple[str, str], float] = {}

    def _prob(self, context: str, char: str) -> float:
        if not context:
            bucket = self._counts.get("", {})
            total = self._totals.get("", 0)
            types = len(bucket)
            return (bucket.get(char, 0) + types * self._base) / (total + types or 1)
        lower = self._prob(context[1:], char)
        found = self._counts.get(context)
        if found is None:
            return lower
        types = len(found)
        return (found.get(char, 0) + types * lower) / (self._totals[context] + types)

    def step(self, history: str, char: str) -> float:
        """log P(char | the last letters of history); ``history`` includes start padding."""
        context = history[-(self.order - 1):]
        key = (context, char)
        found = self._cache.get(key)
        if found is None:
            if char != END and char not in self._alphabet:
                found = FOREIGN_LOGPROB
            else:
                found = math.log(self._prob(context, char))
            if len(self._cache) < 50_000:
                self._cache[key] = found
        return found

    def extend(self, prefix: str, addition: str) -> float:
        """log P(addition | prefix) for a word being built letter by letter."""
        history = BOUNDARY * (self.order - 1) + prefix
        total = 0.0
        for char in addition:
            total += self.step(history, char)
            history += char
        return total

    def finish(self, word: str) -> float:
        """log P(end of word | word)."""
        return self.step(BOUNDARY * (self.order - 1) + word, END)

    def logprob(self, word: str) -> float:
        """log P(word) including its end."""
        return self.extend("", word) + self.finish(word)


@dataclass(frozen=True)
class SpellingRule:
    """Letters Russian does not write in a context, and what breaking the rule costs."""

    letters: frozenset[str]
    after: tuple[frozenset[str], bool] | None
    before: tuple[frozenset[str], bool] | None
    not_before: tuple[frozenset[str], bool] | None
    penalty: float
    note: str

    def broken_at(self, word: str, index: int) -> bool:
        """Whether the letter at ``index`` of the complete ``word`` breaks the rule."""
        if word[index] not in self.letters:
            return False
        if self.after is not None and not _holds(self.after, word, index - 1):
            return False
        if self.before is not None and not _holds(self.before, word, index + 1):
            return False
        return self.not_before is None or not _holds(self.not_before, word, index + 1)


def _holds(condition: tuple[frozenset[str], bool], word: str, index: int) -> bool:
    letters, edge = condition
    if index < 0 or index >= len(word):
        return edge
    return word[index] in letters


def _condition(value: object, classes: dict[str, str], path: str,
               where: str) -> tuple[frozenset[str], bool] | None:
    if value is None:
        return None
    tokens = [value] if isinstance(value, str) else value
    if not isinstance(tokens, list) or not all(isinstance(t, str) for t in tokens):
        raise TableError("must be a string or a list of strings", path=path, key=where)
    letters: set[str] = set()
    edge = False
    for token in tokens:
        if token in KEYWORDS:
            edge = True
        elif token in classes:
            letters.update(classes[token])
        elif not token.isascii():
            letters.update(token)
        else:
            raise TableError(f"unknown class {token!r}", path=path, key=where)
    return frozenset(letters), edge


def read_rules(path: str) -> tuple[SpellingRule, ...]:
    """Read a spelling-rule table (see ``tables/names/spelling.toml``)."""
    from translit.names.data import read_toml

    data = read_toml(path)
    classes = letter_classes()
    extra = data.get("classes", {})
    if isinstance(extra, dict):
        classes.update({str(k): str(v) for k, v in extra.items()})
    rules = []
    for index, item in enumerate(data.get("rule", [])):
        where = f"rule[{index}]"
        if not isinstance(item, dict) or "letters" not in item or "penalty" not in item:
            raise TableError("a rule needs letters and penalty", path=path, key=where)
        letters = _condition(item["letters"], classes, path, where + ".letters")
        assert letters is not None
        rules.append(SpellingRule(
            letters[0],
            _condition(item.get("after"), classes, path, where + ".after"),
            _condition(item.get("before"), classes, path, where + ".before"),
            _condition(item.get("not_before"), classes, path, where + ".not_before"),
            float(item["penalty"]), str(item.get("note", ""))))
    return tuple(rules)


def spelling_penalty(word: str, start: int = 0, stop: int | None = None) -> float:
    """Total penalty of the rules broken by the letters ``word[start:stop]`` (lowercase)."""
    rules = spelling_rules()
    total = 0.0
    for index in range(start, len(word) if stop is None else stop):
        for rule in rules:
            if rule.broken_at(word, index):
                total += rule.penalty
    return total




def _read_spelling_rules() -> tuple[SpellingRule, ...]:

    return read_rules(str(table_layer.winner("names/spelling.toml")))


def _train_letter_model() -> LetterModel:
    from translit.names.data import training_words

    return LetterModel(training_words())


_rules = Lazy(_read_spelling_rules)
_model = Lazy(_train_letter_model)


def spelling_rules() -> tuple[SpellingRule, ...]:
    """The spelling rules of ``tables/names/spelling.toml`` (read once)."""
    return _rules.get()


def letter_model() -> LetterModel:
    """The letter model trained on the name tables (built once, on first use)."""
    return _model.get()
