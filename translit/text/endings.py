"""The ending a name has in running text, written the way the target writes it.

An English possessive or a German genitive after a name (``tables/names/endings.toml``):
English "Navalny's", German "Nawalnys" and "Boris'", and in Cyrillic the Russian genitive
"Навального", or the name alone where no rule applies (a woman's surname in a consonant:
"Пересильд").

>>> latin_form("Moscow", "s", "en"), latin_form("Boris", "'s", "de")
("Moscow's", "Boris'")
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from translit import table_layer
from translit.caching import Lazy
from translit.text.mentions import NamePart

CYRILLIC = "cyrillic"


def _word_roles(parts: Sequence[NamePart], entity: str, count: int) -> list[str]:
    """The role (given, surname, other) of each of the ``count`` words of a name: in a
    person's name of several words the last is the surname, the others given names and
    patronymics; a word alone is what its evidence says."""
    if entity != "person":
        return ["other"] * count
    if count == 1:
        role = parts[0].role if parts else ""
        return ["given" if role in ("given", "patronymic") else "surname"]
    return ["given"] * (count - 1) + ["surname"]


def name_gender(parts: Sequence[NamePart], words: Sequence[str]) -> str | None:
    """The gender of a person's name: its given name's, else its patronymic's or surname's,
    else the given name table's for its first word (if the name has several)."""
    for roles in (("given",), ("patronymic",), ()):
        for part in parts:
            if part.gender in ("m", "f") and (not roles or part.role in roles):
                return part.gender
    if len(words) > 1:
        from translit.names.data import name_data

        entry = name_data().given.get(words[0].lower())
        if entry is not None and entry.gender in ("m", "f"):
            return str(entry.gender)
    return None


def inflect(value: str, ending: str, to: str, parts: Sequence[NamePart], entity: str,
            gender: str | None = None) -> str:
    """The name ``value`` (in the target ``to``) with the text's ``ending`` after it, as the
    target writes it: a Latin target by :func:`latin_form`, Cyrillic by :func:`genitive`
    (``value`` alone where no rule applies). ``gender`` overrides what ``parts`` say.

    >>> from translit.text.finder import find_names
    >>> mention = find_names("Nawalnys Tod", lang="de")[0]
    >>> [inflect(v, "s", t, mention.parts, "person") for v, t in [("Navalny", "en"),
    ...                                                            ("Навальный", "cyrillic")]]
    ["Navalny's", 'Навального']
    """
    if to != CYRILLIC:
        return latin_form(value, ending, to)
    import re

    pieces = re.split(r"(\s+)", value)
    words = pieces[0::2]
    if gender is None and entity == "person":
        gender = name_gender(parts, words)
    found = genitive(words, _word_roles(parts, entity, len(words)), gender,
                     entity == "person")
    if found is None:
        return value
    pieces[0::2] = found
    return "".join(pieces)


ENDINGS = "names/endings.toml"
"""The table of how endings are written in each target (``tables/names/endings.toml``)."""


class LatinEnding(NamedTuple):
    """How a Latin target writes the ending after a name (``[latin.<scheme>]``)."""

    ending: str
    keep: tuple[str, ...]
    apostrophes: tuple[str, ...]
    apostrophe_after: tuple[str, ...]


class GenitiveRule(NamedTuple):
    """One rule of the Russian genitive of a word of a name (``[[genitive]]``)."""

    ending: str
    genitive: str
    after: str
    roles: frozenset[str]
    gender: str


class Endings(NamedTuple):
    """The endings table."""

    latin: dict[str, LatinEnding]
    genitive: tuple[GenitiveRule, ...]
    words: dict[str, str]


ROLES = frozenset({"given", "surname", "other"})
GENDERS = ("", "m", "f", "not f")


def _strings(value: Any, path: Path, key: str) -> tuple[str, ...]:
    from translit.errors import TableError

    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TableError("must be a string or a list of strings", path=str(path), key=key)
    return tuple(value)


def _text(body: dict[str, Any], name: str, path: Path, key: str, default: str | None = None
          ) -> str:
    from translit.errors import TableError

    value = body.get(name, default)
    if not isinstance(value, str):
        raise TableError("must be a string", path=str(path), key=f"{key}.{name}")
    return value


def _read_endings() -> Endings:
    from translit.errors import TableError
    from translit.names.data import read_toml

    latin: dict[str, LatinEnding] = {}
    rules: list[GenitiveRule] = []
    words: dict[str, str] = {}
    for path in table_layer.files(ENDINGS):  # the built-in table first, the winner last
        data = read_toml(path)
        for scheme, body in data.get("latin", {}).items():
            key = f"latin.{scheme}"
            if not isinstance(body, dict):
                raise TableError("must be a table", path=str(path), key=key)
            latin[scheme] = LatinEnding(
                _text(body, "ending", path, key),
                _strings(body.get("keep", []), path, f"{key}.keep"),
                _strings(body.get("apostrophes", ["'"]), path, f"{key}.apostrophes") or ("'",),
                _strings(body.get("apostrophe_after", []), path, f"{key}.apostrophe_after"))
        found = []
        for index, body in enumerate(data.get("genitive", [])):
            key = f"genitive[{index}]"
            if not isinstance(body, dict):
                raise TableError("must be a table", path=str(path), key=key)
            roles = frozenset(_strings(body.get("roles", sorted(ROLES)), path, f"{key}.roles"))
            gender = _text(body, "gender", path, key, "")
            if not roles <= ROLES or gender not in GENDERS:
                raise TableError(f"roles are {', '.join(sorted(ROLES))}; gender m, f or "
                                 "'not f'", path=str(path), key=key)
            found.append(GenitiveRule(_text(body, "ending", path, key),
                                      _text(body, "genitive", path, key),
                                      _text(body, "after", path, key, ""), roles, gender))
        rules[:0] = found  # a user table's rules come first
        for word, genitive in data.get("genitive_words", {}).items():
            if not isinstance(genitive, str):
                raise TableError("must be a string", path=str(path),
                                 key=f"genitive_words.{word}")
            words[word.lower()] = genitive.lower()
    return Endings(latin, tuple(rules), words)


_endings = Lazy(_read_endings)


def endings() -> Endings:
    """The endings table, read on first use (and again when the table folders change)."""
    return _endings.get()


def latin_form(value: str, ending: str, to: str) -> str:
    """``value`` (a name in the Latin target ``to``) with the ending ``ending`` of the text
    written as ``to`` writes it; a target the table does not know keeps the ending.

    >>> latin_form("Navalny", "s", "en"), latin_form("Lawrow", "'s", "de")
    ("Navalny's", 'Lawrows')
    >>> latin_form("Boris", "'s", "de"), latin_form("Navalny", "’s", "en")
    ("Boris'", 'Navalny’s')
    """
    table = endings().latin.get(to)
    if table is None or ending in table.keep:
        return value + ending
    if table.apostrophe_after and value.lower().endswith(table.apostrophe_after):
        written = next((c for c in ending if c in table.apostrophes), table.apostrophes[0])
    else:
        written = table.ending
    return value + (written.upper() if value.isupper() else written)


def _genitive_piece(piece: str, role: str, gender: str | None) -> str | None:
    lower = piece.lower()
    table = endings()
    found = table.words.get(lower)
    if found is None:
        for rule in table.genitive:
            if role not in rule.roles or not lower.endswith(rule.ending) or \
                    not _gender_fits(rule.gender, gender):
                continue
            stem = lower[:len(lower) - len(rule.ending)]
            if rule.after and (not stem or stem[-1] not in rule.after):
                continue
            found = stem + rule.genitive
            break
        else:
            return None
    return found[:1].upper() + found[1:] if piece[:1].isupper() else found


def _gender_fits(rule: str, gender: str | None) -> bool:
    if rule == "not f":
        return gender != "f"
    return not rule or rule == gender


def genitive(words: Sequence[str], roles: Sequence[str], gender: str | None,
             person: bool) -> list[str] | None:
    """The Russian genitive of the words of a name (each with its role: given, surname,
    other), or None when a word has no rule. Of a place or organization in hyphenated parts
    only the last changes; a word in capitals (ТАСС) and an initial stay as they are.

    >>> genitive(["Юлия", "Пересильд"], ["given", "surname"], "f", True)
    ['Юлии', 'Пересильд']
    >>> genitive(["Санкт-Петербург"], ["other"], None, False)
    ['Санкт-Петербурга']
    >>> print(genitive(["Пересильд"], ["surname"], None, True))
    None
    """
    out = []
    for word, role in zip(words, roles, strict=True):
        if word.endswith(".") or (len(word) > 1 and word.isupper()):
            out.append(word)
            continue
        pieces = word.split("-")
        changed = range(len(pieces)) if person else range(len(pieces) - 1, len(pieces))
        for index in changed:
            found = _genitive_piece(pieces[index], role, gender)
            if found is None:
                return None
            pieces[index] = found
        out.append("-".join(pieces))
    return out
