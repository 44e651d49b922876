"""Write a found name in the chosen scheme (or Cyrillic), keeping its case and endings.

Known names take their conventional spelling (the lexicon, the places and organizations
tables); others go through the scheme's rules from their Cyrillic reading; a spelling the
text has is kept only if it is a listed form of the target (the lexicon's, where it lists the
name in the target), and a surname alone keeps the surname of a listed full name. Initials stay
as written and an ALL-CAPS name stays ALL CAPS. What comes out is the name's span
(:class:`translit.text.spans.NameSpan`), a new dict on every call.

The span is the base name; an ending the text has after it (the possessive ``'s``, the German
genitive ``-s``) is its ``suffix``, and ``inflected`` writes the two the target's way
(``tables/names/endings.toml``): English "Navalny's", German "Nawalnys" and "Boris'", Cyrillic
the Russian genitive "Навального", or the name alone where no rule applies (a woman's surname
in a consonant: "Пересильд"). Within one text, :class:`Agreement` gives a later mention of a
surname alone, or of a shorter name, the spelling chosen for the full name.

>>> from translit.text.finder import find_names
>>> [render_name(m, "de")["value"] for m in find_names("Yulia Peresild and YURI GAGARIN")]
['Julija Peressild', 'JURI GAGARIN']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from translit import caching, table_layer
from translit.caching import BoundedCache, Lazy
from translit.text.mentions import NameMention, NamePart, Template, mention_at
from translit.text.spans import NameSpan

CYRILLIC = "cyrillic"


def _cased_cyrillic(part: NamePart, lexicon: bool = True) -> str:
    assert part.cyrillic is not None
    letters = [c for c in part.text if c.lower() != c.upper()]  # cased: not ʹ ʺ
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return part.cyrillic.upper()
    if lexicon and " " in part.cyrillic:
        written = _originals().get(part.cyrillic)
        if written is not None:  # as the tables write it: Большой театр, Звёздный городок
            return written
    words = []
    for word in part.cyrillic.split(" "):
        words.append("-".join(piece[:1].upper() + piece[1:] for piece in word.split("-")))
    return " ".join(words)


def _spell(cyrillic: str, part: NamePart, to: str, lexicon: bool) -> str:
    from translit.names.inversion import fold_latin
    from translit.names.places import conventional_spelling, is_accepted, word_count

    base = part.text[: len(part.text) - len(part.suffix)] if part.suffix else part.text
    if to == CYRILLIC:
        return _short_cyrillic(cyrillic, base) if lexicon and " " in cyrillic else cyrillic
    from translit.text.conversion import from_cyrillic

    if lexicon and (_accepted(fold_latin(base), cyrillic, to, is_accepted)
                    or _listed_surname(fold_latin(base), cyrillic, to, part.role)):
        return base  # already a listed spelling in the target (St. Petersburg, Moskva)

    known = conventional_spelling(cyrillic, to, word_count(base)) if lexicon else None
    if known is None and lexicon:
        known = _surname_spelling(cyrillic, to, part.role)
    if known is not None:
        return known.upper() if cyrillic.isupper() else known
    return from_cyrillic(cyrillic, to, lexicon=lexicon)


_indexes: dict[str, tuple[tuple[object, ...], Any]] = caching.tracked({})
"""Indexes built from the lexicon and the places tables, with the tables they came from."""


def _tables() -> tuple[object, ...]:
    from translit.names.lexicon import lexicon as known
    from translit.names.places import gazetteer

    return (known(), gazetteer())


def _index(name: str, build: Callable[[Any, Any], Any]) -> Any:
    """The index ``name`` of the lexicon and the places tables (built again when they are
    read again)."""
    tables = _tables()
    found = _indexes.get(name)
    if found is None or len(found[0]) != len(tables) or \
            any(a is not b for a, b in zip(found[0], tables, strict=True)):
        found = _indexes[name] = (tables, build(*tables))
    return found[1]


def _build_originals(known: Any, places: Any) -> dict[str, str]:
    out = {name.lower(): name for name in places.originals if " " in name}
    out.update((e.cyrillic.strip().lower(), e.cyrillic.strip()) for e in known.entries
               if " " in e.cyrillic.strip())
    return out


def _originals() -> dict[str, str]:
    """Names of several words as the tables write them, by their lowercase form."""
    result: dict[str, str] = _index("originals", _build_originals)
    return result


def _build_surnames(known: Any, _places: Any) -> dict[tuple[str, str], frozenset[str]]:
    from translit.names.inversion import fold_latin

    found: dict[tuple[str, str], set[str]] = {}
    for entry in known.entries:
        words = entry.cyrillic.lower().split()
        if entry.kind != "person" or len(words) < 2:
            continue
        for scheme, spellings in entry.spellings.items():
            for spelling in spellings:
                latin = spelling.split()
                if len(latin) == len(words):
                    found.setdefault((words[-1], scheme), set()).add(fold_latin(latin[-1]))
    return {key: frozenset(value) for key, value in found.items()}


def _listed_surname(folded: str, cyrillic: str, to: str, role: str) -> bool:
    """Whether ``folded`` is the surname of a listed full name in ``to`` (Nepomniachtchi of
    Ian Nepomniachtchi): the text's own conventional spelling, kept."""
    if role in ("given", "patronymic") or " " in cyrillic:
        return False
    index: dict[tuple[str, str], frozenset[str]] = _index("surnames", _build_surnames)
    return folded in index.get((cyrillic.lower(), to), ())


def _build_spelled_surnames(known: Any, places: Any) -> dict[tuple[str, str], str]:
    from translit.names.inversion import fold_latin

    found: dict[tuple[str, str], dict[str, str]] = {}
    for entry in known.entries:
        words = entry.cyrillic.split()
        if entry.kind != "person" or len(words) < 2:
            continue
        for scheme, spellings in entry.spellings.items():
            latin = spellings[0].split() if spellings else []
            if len(latin) == len(words):
                found.setdefault((words[-1].lower(), scheme), {})[fold_latin(latin[-1])] = \
                    latin[-1]
    return {key: next(iter(forms.values())) for key, forms in found.items() if len(forms) == 1}


def _surname_spelling(cyrillic: str, to: str, role: str) -> str | None:
    """The surname of the one listed full name in ``to`` whose surname is ``cyrillic``
    (Nepomniachtchi for Непомнящий in English), if the lexicon has one."""
    if role in ("given", "patronymic") or " " in cyrillic:
        return None
    index: dict[tuple[str, str], str] = _index("spelled surnames", _build_spelled_surnames)
    found = index.get((cyrillic.lower(), to))
    if found is None or cyrillic[:1].islower():
        return found
    return found[:1].upper() + found[1:]


def _short_cyrillic(cyrillic: str, base: str) -> str:
    """The first words of ``cyrillic`` that a shorter mention ``base`` names (Большой for
    Bolschoi, of Большой театр), or all of it."""
    from translit.names.inversion import fold_latin
    from translit.names.lexicon import lexicon as known
    from translit.names.places import gazetteer, word_count

    words = cyrillic.split(" ")
    short = fold_latin(base).replace("-", " ").split()
    if len(short) >= len(words):
        return cyrillic
    lower = cyrillic.lower()
    entry = known().by_cyrillic.get(lower)
    spellings = [s for listed in entry.spellings.values() for s in listed] if entry else []
    spellings += [s for (name, _), listed in gazetteer().spellings.items() if name == lower
                  for s in listed]
    for spelling in spellings:
        if word_count(spelling) == len(words) and \
                fold_latin(spelling).replace("-", " ").split()[:len(short)] == short:
            return " ".join(words[:len(short)])
    return cyrillic


_cache: BoundedCache[tuple[object, ...], NameSpan] = BoundedCache(20_000)
"""Spans by what a mention holds (text, parts, style, score, kind) and the target."""
_by_template: BoundedCache[tuple[Template, str, bool], NameSpan] = BoundedCache(8_000)
"""Spans by template (compared by identity) and target: a mention's span without building the
mention. Room for the templates of two run-shape caches (``translit.text.runs.SHAPE_LIMIT``)."""


def _accepted(folded: str, cyrillic: str, to: str, listed: Callable[[str, str, str], bool]
              ) -> bool:
    """Whether ``folded`` is a listed spelling of ``cyrillic`` in the target ``to``: the
    lexicon's, when it lists the name in ``to`` (St. Petersburg is English; German writes
    Sankt Petersburg), else the places and organizations tables' (``listed``)."""
    from translit.names.inversion import fold_latin
    from translit.names.lexicon import lexicon as known

    spellings = known().entries_spellings(cyrillic, to)
    if spellings:
        return folded in {fold_latin(s) for s in spellings}
    return listed(folded, cyrillic, to)


def render_name(mention: NameMention, to: str, *, lexicon: bool = True) -> NameSpan:
    """The span of ``mention`` written in scheme ``to`` (an id, or ``cyrillic``); cached
    (bounded).

    >>> from translit.text.finder import find_names
    >>> span = render_name(find_names("Julija Peressild", lang="de")[0], "en")
    >>> span["value"], span["cyrillic"], span["scheme"], span["entity"]
    ('Yulia Peresild', 'Юлия Пересильд', 'de', 'person')
    """
    start = mention.start
    parts = tuple([(p.start - start, p.cyrillic, p.suffix, p.after, p.role, p.gender)
                   for p in mention.parts])
    key = (mention.text, parts, mention.style, mention.score, mention.kind, to, lexicon)
    found = _cache.get(key)
    if found is None:
        found = _render(mention, to, lexicon)
        _cache.put(key, found)
    span = found.copy()
    span["start"], span["end"] = start, start + len(span["text"])
    return span


def mention_span(text: str, base: int, made: Template, to: str, *, lexicon: bool = True
                 ) -> NameSpan:
    """The span of the mention ``made`` gives in ``text`` for a run that starts at ``base``
    (``render_name(mention_at(text, base, made), to)``); cached by template (bounded).

    >>> from translit.text.finder import find_mentions
    >>> text = "Yulia Peresild, then Peresild."
    >>> [(s["start"], s["value"]) for s in (mention_span(text, base, made, "de")
    ...                                     for base, made in find_mentions(text))]
    [(0, 'Julija Peressild'), (21, 'Peressild')]
    """
    key = (made, to, lexicon)
    found = _by_template.get(key)
    if found is None:
        found = render_name(mention_at(text, base, made), to, lexicon=lexicon)
        _by_template.put(key, found)
    span = found.copy()
    span["start"] = base + made.first
    span["end"] = span["start"] + len(span["text"])  # a genitive ending may stay outside
    return span


def _render(mention: NameMention, to: str, lexicon: bool) -> NameSpan:
    from translit.names.keys import name_key
    from translit.schemes.registry import get_scheme

    if to != CYRILLIC:
        get_scheme(to)
    out: list[str] = []
    cyrillic_words: list[str] = []
    position = mention.start
    last = len(mention.parts) - 1
    for index, part in enumerate(mention.parts):
        out.append(mention.text[position - mention.start:part.start - mention.start])
        position = part.end
        if part.cyrillic is None:
            out.append(part.text)
            cyrillic_words.append(part.text)
            continue
        cyrillic = _cased_cyrillic(part, lexicon)
        cyrillic_words.append(cyrillic)
        spelled = _spell(cyrillic, part, to, lexicon)
        out.append(spelled if index == last else spelled + part.suffix)
    cyrillic_text = " ".join(cyrillic_words)
    key = name_key(" ".join(w for w in cyrillic_words if not w.endswith(".")), lexicon=lexicon)
    text, value = mention.text, "".join(out)
    span: NameSpan = {
        "kind": "name", "start": mention.start, "end": mention.start + len(text), "text": text,
        "value": value, "cyrillic": cyrillic_text, "scheme": mention.style or "lexicon",
        "key": key, "score": mention.score, "entity": mention.kind}
    ending = mention.parts[-1].ending if mention.parts else ""
    if ending:
        # "Moskaus", "Navalny's": the span is the base name ("Moskau", its value "Moscow"),
        # ``suffix`` the ending the text has after it, and ``inflected`` the two as the target
        # writes them ("Moscow's"; German "Moskaus"; Cyrillic "Москвы").
        if mention.parts[-1].suffix and text.endswith(ending):
            span["text"] = text[:-len(ending)]
            span["end"] -= len(ending)
        span["suffix"] = ending
        span["inflected"] = inflect(value, ending, to, mention.parts, mention.kind)
    return span


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


def _gender(parts: Sequence[NamePart], words: Sequence[str]) -> str | None:
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
        gender = _gender(parts, words)
    found = genitive(words, _word_roles(parts, entity, len(words)), gender,
                     entity == "person")
    if found is None:
        return value
    pieces[0::2] = found
    return "".join(pieces)


class Agreement:
    """The spellings of the full names of one text, so that a later mention of the surname
    alone, or of a shorter form, takes the spelling chosen for the full name (Ian
    Nepomniachtchi … Nepomniachtchi), and the gender for its ending.

    >>> from translit.text.finder import find_mentions
    >>> text = "Ian Nepomniachtchi beat Carlsen; Nepomniachtchi smiled."
    >>> agreement = Agreement("de")
    >>> [agreement.apply(made, mention_span(text, base, made, "de"))["value"]
    ...  for base, made in find_mentions(text)]
    ['Jan Nepomnjaschtschi', 'Nepomnjaschtschi']
    """

    __slots__ = ("to", "words")

    def __init__(self, to: str) -> None:
        self.to = to
        self.words: dict[str, tuple[str, str | None]] = {}
        """A word of a full name's Cyrillic (lowercase) → its value there, and the name's
        gender."""

    def apply(self, made: Template, span: NameSpan) -> NameSpan:
        """``span`` (of the mention ``made``) with the spelling of the full name it shortens,
        if the text had one before; a full name's spelling is kept for the later ones."""
        if span["entity"] != "person":
            return span
        words = span["cyrillic"].lower().split()
        values = span["value"].split()
        if len(values) != len(words):
            return span
        found = [self.words.get(word) for word in words]
        if all(found):
            return self._agreed(made, span, [f for f in found if f is not None])
        if len(words) > 1 and not span["text"].isupper() and \
                not any(part.suffix for part in made.parts[:-1]):  # not Putins Peskow
            gender = _gender(made.parts, span["cyrillic"].split())
            for word, value in zip(words, values, strict=True):
                self.words.setdefault(word, (value, gender))
        return span

    def _agreed(self, made: Template, span: NameSpan, found: list[tuple[str, str | None]]
                ) -> NameSpan:
        import re

        pieces = re.split(r"(\s+)", span["value"])
        upper = span["text"].isupper()
        pieces[0::2] = [value.upper() if upper else value for value, _ in found]
        value = "".join(pieces)
        if value == span["value"] and found[-1][1] is None:
            return span
        span = span.copy()
        span["value"] = value
        suffix = span.get("suffix")
        if suffix:
            span["inflected"] = inflect(value, suffix, self.to, made.parts, span["entity"],
                                        found[-1][1])
        return span


# ---- the ending a name has in the text, written the target's way -----------------------------

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
