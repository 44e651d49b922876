"""The exact inverse of a one-to-one scheme (such as ``iso9``): Latin back to Cyrillic.

Only schemes whose letter map is one-to-one with no context rules can be inverted exactly;
other schemes need ranked candidates (:mod:`translit.names.reverse`).

>>> from translit.schemes.registry import get_scheme
>>> invert(get_scheme("iso9"), "Ûliâ Peresilʹd")
'Юлия Пересильд'
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterator

from translit import caching
from translit.errors import TranslitError
from translit.schemes.scheme import Scheme

_tables: dict[str, tuple[dict[str, str], int]] = caching.tracked({})
_lock = threading.Lock()


def _inverse_table(scheme: Scheme) -> tuple[dict[str, str], int]:
    found = _tables.get(scheme.spec.path)
    if found is None:
        if not scheme.reversible:
            raise TranslitError(f"scheme {scheme.id!r} is not one-to-one, so it has no exact "
                                "inverse; use ranked candidates instead")
        table = {unicodedata.normalize("NFD", latin): cyrillic
                 for cyrillic, latin in scheme.spec.letters.items()}
        found = (table, max(len(k) for k in table))
        with _lock:
            _tables[scheme.spec.path] = found
    return found


def invert(scheme: Scheme, text: str) -> str:
    """Turn ``text`` written in a one-to-one ``scheme`` back into Cyrillic, keeping case."""
    table, longest = _inverse_table(scheme)
    # Work on the decomposed form: a capital with a mark (J̌) has no precomposed letter.
    text = unicodedata.normalize("NFD", text)
    lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    out: list[str] = []
    index, size = 0, len(text)
    while index < size:
        for length in range(min(longest, size - index), 0, -1):
            cyrillic = table.get(lower[index:index + length])
            if cyrillic is not None:
                out.append(cyrillic.upper() if _is_upper(text, index, length) else cyrillic)
                index += length
                break
        else:
            out.append(text[index])
            index += 1
    return unicodedata.normalize("NFC", "".join(out))


def _is_upper(text: str, index: int, length: int) -> bool:
    """Upper case for a cased letter; for an uncased one (ʺ ʹ), the case its word shows.

    An uncased letter is a capital when the cased letters around it in the same word are
    capitals: the one before and the one after, or, at the end of a word, the two before.
    """
    char = text[index]
    if char.lower() != char.upper():
        return char.isupper()
    before = _cased_neighbours(reversed(text[:index]), 2)
    after = _cased_neighbours(iter(text[index + length:]), 1)
    if after:
        return bool(before) and before[0].isupper() and after[0].isupper()
    return len(before) == 2 and before[0].isupper() and before[1].isupper()


def _cased_neighbours(chars: Iterator[str], count: int) -> list[str]:
    """Up to ``count`` cased letters from ``chars``, stopping at the end of the word."""
    found: list[str] = []
    for char in chars:
        if unicodedata.combining(char):
            continue
        if not char.isalpha():
            break
        if char.lower() != char.upper():
            found.append(char)
            if len(found) == count:
                break
    return found
