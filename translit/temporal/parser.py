"""The parser state that every rule shares: the tokens of one text and helpers over them.

>>> parser = Parser("On Oct. 5 the crew flew.", "en")
>>> [t.text for t in parser.tokens], parser.day_number(1), parser.near(0, 1)
(['Oct.', '5'], 5, True)
"""

from __future__ import annotations

from collections.abc import Callable

from translit import table_layer
from translit.temporal.context import Context
from translit.temporal.expr import Expr
from translit.temporal.lexer import Token, lower_text, tokenize

Rule = Callable[["Parser", int], "tuple[Expr, int] | None"]
MAX_GAP = 30


class Parser:
    """The tokens of one text and helpers that rules share."""

    def __init__(self, text: str, lang: str, *, region: str | None = None) -> None:
        table_layer.state()  # once per text: a changed TRANSLIT_TABLES empties the caches
        self.text = text
        self.lang = lang
        self.region = region
        lowered = lower_text(text)
        self.tokens = tokenize(text, lang, lowered=lowered)
        self.count = len(self.tokens)
        self.context = Context(text, lang, lowered=lowered)
        self.lex = self.context.lex

    def tok(self, i: int) -> Token | None:
        return self.tokens[i] if 0 <= i < self.count else None

    def gap(self, i: int, j: int) -> str | None:
        """The text between tokens ``i`` and ``j``, or None if ``j`` is past the end."""
        if not (0 <= i < self.count and 0 <= j < self.count):
            return None
        return self.text[self.tokens[i].end:self.tokens[j].start]

    def near(self, i: int, j: int, *, punct: str = "", words: bool = False) -> bool:
        """Whether tokens ``i`` and ``j`` are neighbours: only space, ``punct`` and (if
        ``words``) the language's connectors ("on", "am", "в") stand between them."""
        if i < 0 or j < 0 or i >= self.count or j >= self.count:
            return False
        left, right = self.tokens[i].end, self.tokens[j].start
        if right <= left or (right == left + 1 and self.text[left] == " "):
            return True
        gap = self.text[left:right]
        if len(gap) > MAX_GAP or "\n\n" in gap:
            return False
        for char in punct:
            gap = gap.replace(char, " ")
        parts = gap.split()
        if not parts:
            return True
        connectors = self.lex.context["connectors"]
        return words and all(p.lower() in connectors for p in parts)

    def touching(self, i: int, j: int) -> bool:
        """Tokens ``i`` and ``j`` with nothing but one optional space between them."""
        if not (0 <= i < self.count and 0 <= j < self.count):
            return False
        left, right = self.tokens[i].end, self.tokens[j].start
        return right <= left or (right == left + 1 and self.text[left] in " \u00a0")

    def day_number(self, i: int) -> int | None:
        """The day (1-31) that token ``i`` writes: "5", "05", "5th"."""
        if not 0 <= i < self.count:
            return None
        token = self.tokens[i]
        value = token.value
        if value is None or not 1 <= value <= 31:
            return None
        return value if len(token.text) <= (4 if token.kind == "ordinal" else 2) else None

    def year_number(self, i: int) -> int | None:
        """The year (1000-2999) that token ``i`` writes with four digits."""
        if not 0 <= i < self.count:
            return None
        token = self.tokens[i]
        value = token.value
        if value is not None and token.kind == "num" and 1000 <= value <= 2999:
            return value
        return None

    def year_suffix(self, i: int) -> int:
        """Index after a Russian year marker ("2021 года", "2021 г.") that follows token ``i``."""
        token = self.tok(i + 1)
        if token is not None and token.meanings and self.touching(i, i + 1) and (
                "yearmark" in token.kinds or (self.lang == "ru" and _unit(token) == "Y")):
            return i + 2
        return i + 1

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Start of token ``i`` and end of token ``j - 1``."""
        return self.tokens[i].start, self.tokens[j - 1].end

    def expr(self, kind: str, i: int, j: int, **parts: object) -> tuple[Expr, int]:
        tokens = self.tokens
        return Expr(kind, tokens[i].start, tokens[j - 1].end, **parts), j  # type: ignore[arg-type]


def _unit(token: Token) -> str | None:
    meaning = token.get("unit")
    return str(meaning.value) if meaning else None
