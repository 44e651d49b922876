"""Inflected Cyrillic names read back to a name the tables list (Илона Маска → Илон Маск).

The morphological dictionary knows Russian names; a foreign name in a Russian sentence it
often reads as something else (Илона is a woman's name, маска a mask) or not at all (Шольца).
Where the tables list the name, the case endings of ``tables/names/case_endings.toml`` read it
back: each word's ending is replaced by the nominative endings that may stand instead, and the
first combination that the lexicon or the places and organizations tables list is the name.

>>> listed_form(("Илона", "Маска")), listed_form(("Москве",)), listed_form(("Мечта",))
(('Илон', 'Маск'), ('Москва',), None)
"""

from __future__ import annotations

import itertools
import unicodedata

from translit import caching
from translit.caching import Lazy

MOST_COMBINATIONS = 4096
"""Readings of one name tried at most (a name of four long words has fewer)."""
SHORTEST_STEM = 2


def _read_endings() -> tuple[tuple[str, tuple[str, ...]], ...]:
    from translit.errors import TableError
    from translit.table_layer import files, read_toml

    found: dict[str, tuple[str, ...]] = {}
    for path in files("names/case_endings.toml"):
        data, _ = read_toml(path)
        for ending, replacements in data.get("endings", {}).items():
            if not isinstance(replacements, list) or not all(
                    isinstance(r, str) for r in replacements):
                raise TableError("the nominative endings are a list of strings",
                                 path=str(path), key=f"endings.{ending}")
            found[ending] = tuple(replacements)
    return tuple(sorted(found.items(), key=lambda item: -len(item[0])))


_endings = Lazy(_read_endings)
_found: dict[tuple[str, ...], tuple[str, ...] | None] = caching.tracked({})


def nominative_candidates(word: str) -> list[str]:
    """``word`` (lowercase) and the nominatives its ending may stand for, written form first.

    >>> nominative_candidates("балтийском")[:3]
    ['балтийском', 'балтийск', 'балтийско']
    """
    out = [word]
    for ending, replacements in _endings.get():
        stem = word[:-len(ending)]
        if word.endswith(ending) and len(stem) >= SHORTEST_STEM:
            out.extend(stem + r for r in replacements if stem + r not in out)
    return out


def _listed(name: str) -> bool:
    from translit.names.lexicon import lexicon
    from translit.names.places import known_cyrillic

    return name in lexicon().by_cyrillic or known_cyrillic(name) is not None


def listed_form(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """The listed name that ``words`` are an inflected form of, each word cased as written;
    None when no reading of the endings gives a listed name."""
    if words in _found:
        return _found[words]
    options = [nominative_candidates(unicodedata.normalize("NFC", w).lower()) for w in words]
    total = 1
    for option in options:
        total *= len(option)
    result: tuple[str, ...] | None = None
    if total <= MOST_COMBINATIONS:
        for combination in itertools.product(*options):
            if _listed(" ".join(combination)):
                result = tuple(_cased(c, w) for c, w in zip(combination, words, strict=True))
                break
    if len(_found) > 50_000:
        _found.clear()
    _found[words] = result
    return result


def _cased(lemma: str, written: str) -> str:
    if written.isupper() and len(written) > 1:
        return lemma.upper()
    return "-".join(p[:1].upper() + p[1:] for p in lemma.split("-")) if written[:1].isupper() \
        else lemma
