"""Split a name into words and tell their roles: given name, patronymic, surname, initial.

Words are runs of letters (with combining marks, and apostrophes inside or after them, as the
scholarly schemes write ь: ``Peresilʹd``). Whitespace and commas separate the units of a name,
a hyphen joins two words into one unit (``Rimsky-Korsakov``). ``Rogozin, Dmitry`` puts the
surname first; ``D.`` and ``Yu.`` are initials.

>>> [t.text for t in tokenize("Rogozin, Dmitry O.") if t.is_word]
['Rogozin', 'Dmitry', 'O']
>>> unit_roles(tokenize("Rogozin, Dmitry"))[0]
(['surname', '', 'given'], 0.0)
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from translit.names.inversion import APOSTROPHES

ORDER_COST = 1.0
INNER = APOSTROPHES + "·"
"""Marks that belong to the word they stand in (ь and ъ; BGN's separating dot)."""


@dataclass(frozen=True)
class Token:
    """A piece of a name: a word (``is_word``) or the text between words."""

    text: str
    is_word: bool
    unit: int = -1
    initial: bool = False


def _is_letter(char: str) -> bool:
    category = unicodedata.category(char)
    return category.startswith("L") or category.startswith("M")


def tokenize(name: str) -> list[Token]:
    """Words and separators of ``name`` (NFC), each word with the index of its unit."""
    text = unicodedata.normalize("NFC", name)
    raw: list[tuple[str, bool]] = []
    index, size = 0, len(text)
    while index < size:
        start = index
        if _is_letter(text[index]):
            while index < size and (_is_letter(text[index]) or (
                    text[index] in INNER and index > start)):
                index += 1
            raw.append((text[start:index], True))
        else:
            while index < size and not _is_letter(text[index]):
                index += 1
            raw.append((text[start:index], False))
    tokens: list[Token] = []
    unit = -1
    joined = False
    for position, (piece, is_word) in enumerate(raw):
        if not is_word:
            joined = piece in ("-", "\u2010", "\u2011")
            tokens.append(Token(piece, False))
            continue
        if not joined or unit < 0:
            unit += 1
        following = raw[position + 1][0] if position + 1 < len(raw) else ""
        letters = piece.rstrip(INNER)
        initial = len(letters) <= 2 and following.startswith(".") and piece[:1].isupper()
        initial = initial or (len(letters) == 1 and piece.isupper())
        tokens.append(Token(piece, True, unit, initial))
        joined = False
    return tokens


def unit_count(tokens: list[Token]) -> int:
    """How many units (space- or comma-separated parts) the name has."""
    return max((t.unit for t in tokens if t.is_word), default=-1) + 1


def surname_first(tokens: list[Token]) -> bool:
    """Whether a comma after the first unit marks ``Surname, Given`` order."""
    seen_word = False
    for token in tokens:
        if token.is_word:
            if seen_word and token.unit > 0:
                return False
            seen_word = True
        elif seen_word and "," in token.text:
            return True
    return False


def _orders(units: int, comma: bool) -> list[tuple[list[str], float]]:
    if comma:
        return [(["surname", "given", "patronymic", *["any"] * max(0, units - 3)][:units], 0.0)]
    if units == 1:
        return [(["any"], 0.0)]
    if units == 2:
        return [(["given", "surname"], 0.0), (["surname", "given"], ORDER_COST)]
    if units == 3:
        return [(["given", "patronymic", "surname"], 0.0),
                (["surname", "given", "patronymic"], ORDER_COST)]
    return [(["any"] * units, 0.0)]


def unit_roles(tokens: list[Token]) -> list[tuple[list[str], float]]:
    """Possible roles for each token (``''`` for separators), with the cost of each order."""
    units = unit_count(tokens)
    out = []
    for roles, cost in _orders(units, surname_first(tokens)):
        per_token = []
        for token in tokens:
            if not token.is_word:
                per_token.append("")
            elif token.initial:
                per_token.append("initial")
            else:
                per_token.append(roles[token.unit] if token.unit < len(roles) else "any")
        out.append((per_token, cost))
    return out
