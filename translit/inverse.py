"""The exact inverse of a one-to-one scheme (such as ``iso9``): Latin back to Cyrillic.

Only schemes whose letter map is one-to-one with no context rules can be inverted exactly;
other schemes need ranked candidates (:mod:`translit.reverse`).

>>> from translit.registry import get_scheme
>>> invert(get_scheme("iso9"), "Ûliâ Peresilʹd")
'Юлия Пересильд'
"""

from __future__ import annotations

import threading
import unicodedata

from translit.errors import TranslitError
from translit.schemes import Scheme

_tables: dict[str, tuple[dict[str, str], int]] = {}
_lock = threading.Lock()


def _inverse_table(scheme: Scheme) -> tuple[dict[str, str], int]:
    found = _tables.get(scheme.spec.path)
    if found is None:
        if not scheme.reversible:
            raise TranslitError(f"scheme {scheme.id!r} is not one-to-one, so it has no exact "
                                "inverse; use ranked candidates instead")
        table = {latin: cyrillic for cyrillic, latin in scheme.spec.letters.items()}
        found = (table, max(len(k) for k in table))
        with _lock:
            _tables[scheme.spec.path] = found
    return found


def invert(scheme: Scheme, text: str) -> str:
    """Turn ``text`` written in a one-to-one ``scheme`` back into Cyrillic, keeping case."""
    table, longest = _inverse_table(scheme)
    text = unicodedata.normalize("NFC", text)
    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    out: list[str] = []
    index, size = 0, len(text)
    while index < size:
        for length in range(min(longest, size - index), 0, -1):
            cyrillic = table.get(lower[index:index + length])
            if cyrillic is not None:
                upper = text[index].isupper()
                out.append(cyrillic.upper() if upper else cyrillic)
                index += length
                break
        else:
            out.append(text[index])
            index += 1
    return "".join(out)
