"""Write a found name in the chosen scheme (or Cyrillic), keeping its case and endings.

Known names take their conventional spelling (the lexicon, the places and organizations
tables); others go through the scheme's rules from their Cyrillic reading; a spelling the
text has is kept only if it is a listed form of the target (the lexicon's, where it lists the
name in the target), and a surname alone keeps the surname of a listed full name. Initials stay
as written and an ALL-CAPS name stays ALL CAPS. What comes out is the name's span
(:class:`translit.text.spans.NameSpan`), a new dict on every call.

The span is the base name; an ending the text has after it (the possessive ``'s``, the German
genitive ``-s``) is its ``suffix``, and ``inflected`` writes the two the target's way
(:mod:`translit.text.endings`). Within one text, :class:`Agreement` gives a later mention of a
surname alone, or of a shorter name, the spelling chosen for the full name.

>>> from translit.text.finder import find_names
>>> [render_name(m, "de")["value"] for m in find_names("Yulia Peresild and YURI GAGARIN")]
['Julija Peressild', 'JURI GAGARIN']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from translit import caching
from translit.caching import BoundedCache
from translit.schemes.scheme import has_cyrillic
from translit.text.endings import CYRILLIC, inflect, name_gender
from translit.text.mentions import NameMention, NamePart, Template, mention_at
from translit.text.spans import NameSpan

EXONYM_SCHEMES = frozenset({"en", "de", "fr"})
"""Schemes that write a place CLDR names, not listed in the tables, as CLDR's name in the
scheme's language (Германия → Germany, Deutschland, Allemagne)."""


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


def _spell(cyrillic: str, part: NamePart, to: str, lexicon: bool,
           source: str | None = None) -> str:
    from translit.names.inversion import fold_latin
    from translit.names.places import conventional_spelling, is_accepted, word_count

    base = part.text[: len(part.text) - len(part.suffix)] if part.suffix else part.text
    if to == CYRILLIC:
        return _short_cyrillic(cyrillic, base) if lexicon and " " in cyrillic else cyrillic
    from translit.text.conversion import from_cyrillic

    if lexicon and (_accepted(fold_latin(base), cyrillic, to, is_accepted)
                    or _listed_surname(fold_latin(base), cyrillic, to, part.role)):
        return base  # already a listed spelling in the target (St. Petersburg, Moskva)

    known = _foreign_spelling(cyrillic, to) if lexicon else None  # Париж: Paris, not Parizh
    if known is None and lexicon:
        known = conventional_spelling(cyrillic, to, word_count(base))
    if known is None and lexicon:
        known = _surname_spelling(cyrillic, to, part.role)
    if known is not None:  # ALL CAPS as written, unless the tables write it so (МИД, СССР)
        return known.upper() if cyrillic.isupper() and not _abbreviation(cyrillic) else known
    return from_cyrillic(cyrillic, to, lexicon=lexicon, source=source)


def _foreign_spelling(cyrillic: str, to: str) -> str | None:
    """The lexicon's spelling of a name that is not Russian (it wins over the gazetteer's
    villages of the same name: Париж is Paris)."""
    from translit.names.lexicon import RUSSIAN, lexicon

    entry = lexicon().by_cyrillic.get(cyrillic.lower())
    if entry is None or entry.origin == RUSSIAN:
        return None
    return lexicon().spelling(cyrillic, to)


def _place_in_person(mention: NameMention, part: NamePart, lexicon: bool) -> bool:
    """Whether ``part`` is one word of a name of several that is not listed as a whole, and
    the lexicon lists the word as a place (Милан of Милан Кундера is no Mailand)."""
    if not lexicon or len(mention.parts) < 2 or part.cyrillic is None:
        return False
    from translit.names.lexicon import lexicon as known

    table = known()
    whole = " ".join((p.cyrillic or p.text).lower() for p in mention.parts)
    return table.kind(whole) is None and table.kind(part.cyrillic.lower()) == "place"


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


def _build_abbreviations(known: Any, places: Any) -> frozenset[str]:
    names = [*places.originals, *(e.cyrillic.strip() for e in known.entries)]
    return frozenset(name.lower() for name in names if name.isupper())


def _abbreviation(cyrillic: str) -> bool:
    """Whether the tables write ``cyrillic`` in capitals (МИД, ЦК КПСС): an abbreviation."""
    found: frozenset[str] = _index("abbreviations", _build_abbreviations)
    return cyrillic.lower() in found


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
_by_template: BoundedCache[tuple[Template, str, bool, str | None], NameSpan] = \
    BoundedCache(8_000)
"""Spans by template (compared by identity) and target: a mention's span without building the
mention. Room for the templates of two run-shape caches (``translit.text.runs.SHAPE_LIMIT``)."""


def _accepted(folded: str, cyrillic: str, to: str, listed: Callable[[str, str, str], bool]
              ) -> bool:
    """Whether ``folded`` is a listed spelling of ``cyrillic`` in the target ``to``: the
    lexicon's, when it lists the name in ``to`` (St. Petersburg is English; German writes
    Sankt Petersburg), else the places and organizations tables' (``listed``)."""
    from translit.names.declension import with_declined
    from translit.names.inversion import fold_latin
    from translit.names.lexicon import lexicon as known

    spellings = known().entries_spellings(cyrillic, to)
    if spellings:  # in the target's own declined form too: am Roten Platz
        person = known().kind(cyrillic.lower()) == "person"
        return folded in {fold_latin(s) for s in with_declined(spellings, to, person=person)}
    return listed(folded, cyrillic, to)


def render_name(mention: NameMention, to: str, *, lexicon: bool = True,
                source: str | None = None) -> NameSpan:
    """The span of ``mention`` written in scheme ``to`` (an id, or ``cyrillic``); cached
    (bounded). ``source``: the language of the document's Cyrillic when it is not Russian
    (:func:`translit.schemes.sources.document_language`), for the names whose letters do not
    decide.

    >>> from translit.text.finder import find_names
    >>> span = render_name(find_names("Julija Peressild", lang="de")[0], "en")
    >>> span["value"], span["cyrillic"], span["scheme"], span["entity"]
    ('Yulia Peresild', 'Юлия Пересильд', 'de', 'person')
    """
    start = mention.start
    parts = tuple([(p.start - start, p.cyrillic, p.suffix, p.after, p.role, p.gender)
                   for p in mention.parts])
    key = (mention.text, parts, mention.style, mention.score, mention.kind, to, lexicon, source)
    found = _cache.get(key)
    if found is None:
        found = _render(mention, to, lexicon, source)
        _cache.put(key, found)
    span = found.copy()
    span["start"], span["end"] = start, start + len(span["text"])
    return span


def mention_span(text: str, base: int, made: Template, to: str, *, lexicon: bool = True,
                 source: str | None = None) -> NameSpan:
    """The span of the mention ``made`` gives in ``text`` for a run that starts at ``base``
    (``render_name(mention_at(text, base, made), to)``); cached by template (bounded).

    >>> from translit.text.finder import find_mentions
    >>> text = "Yulia Peresild, then Peresild."
    >>> [(s["start"], s["value"]) for s in (mention_span(text, base, made, "de")
    ...                                     for base, made in find_mentions(text))]
    [(0, 'Julija Peressild'), (21, 'Peressild')]
    """
    key = (made, to, lexicon, source)
    found = _by_template.get(key)
    if found is None:
        found = render_name(mention_at(text, base, made), to, lexicon=lexicon, source=source)
        _by_template.put(key, found)
    span = found.copy()
    span["start"] = base + made.first
    span["end"] = span["start"] + len(span["text"])  # a genitive ending may stay outside
    return span


def _render(mention: NameMention, to: str, lexicon: bool, source: str | None = None
            ) -> NameSpan:
    from translit.names.keys import name_key
    from translit.schemes.registry import get_scheme

    if to != CYRILLIC:
        get_scheme(to)
    out: list[str] = []
    cyrillic_words: list[str] = []
    position = mention.start
    last = len(mention.parts) - 1
    lemmas = _dictionary_forms(mention, source)
    written_in = _name_language(mention, source)  # Віталій Кличко: Кличко is Ukrainian too
    for index, part in enumerate(mention.parts):
        out.append(mention.text[position - mention.start:part.start - mention.start])
        position = part.end
        if part.cyrillic is None:
            if _cyrillic_initial(part):
                out.append(_initial(part.text, to))
            else:  # W. W. Putin → V. V. Putin in English
                out.append(latin_initial(part.text, mention.style, to) or part.text)
            cyrillic_words.append(part.text)
            continue
        if lemmas is not None:  # a name in Cyrillic: its dictionary form (Лавровым → Лавров)
            part = replace(part, cyrillic=lemmas[index].lower(), text=lemmas[index])
        cyrillic = _cased_cyrillic(part, lexicon)
        cyrillic_words.append(cyrillic)
        spelled = _spell(cyrillic, part, to,
                         lexicon and not _place_in_person(mention, part, lexicon), written_in)
        out.append(spelled if index == last else spelled + part.suffix)
    if to == CYRILLIC and mention.parts and all(has_cyrillic(p.text) for p in mention.parts):
        out = [mention.text]  # Cyrillic output keeps the inflected form the sentence needs
    cyrillic_text = " ".join(cyrillic_words)
    if lemmas is not None and lexicon and to != CYRILLIC and len(lemmas) > 1:
        whole = _whole_spelling(cyrillic_text, to)  # Илона Маска → Elon Musk, not Ilon Musk
        if whole is not None:
            out = [whole.upper() if mention.text.isupper() and not _abbreviation(cyrillic_text)
                   else whole]
    key = name_key(" ".join(w for w in cyrillic_words if not w.endswith(".")), lexicon=lexicon)
    text, value = mention.text, "".join(out)
    span: NameSpan = {
        "kind": "name", "start": mention.start, "end": mention.start + len(text), "text": text,
        "value": value, "cyrillic": cyrillic_text, "scheme": mention.style or "lexicon",
        "key": key, "score": mention.score, "entity": mention.kind}
    if lemmas is not None and mention.kind == "name":
        span["entity"] = _dictionary_kind(lemmas)
    elif lemmas is not None and mention.kind == "person" and len(lemmas) == 1:
        span["entity"] = _listed_over_pattern(lemmas)
    if lemmas is not None and to in EXONYM_SCHEMES and lexicon and _listed_kind(lemmas) is None \
            and (len(lemmas) == 1 or span["entity"] != "person"):  # Германия, not Мария Лима
        from translit.names.exonyms import place_name

        exonym = place_name(" ".join(lemmas), to)  # Казахстане → Kazakhstan, Kasachstan
        if exonym is not None:
            span["value"], span["entity"] = exonym, "place"
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


def _whole_spelling(cyrillic: str, to: str) -> str | None:
    """The lexicon's spelling in ``to`` of a whole name of several words."""
    from translit.names.lexicon import lexicon

    return lexicon().spelling(cyrillic, to)


def _name_language(mention: NameMention, source: str | None) -> str | None:
    """The language a Cyrillic name is read in: the one its words decide, else ``source``
    (the document's); None for Russian."""
    from translit.schemes.sources import RUSSIAN, text_language

    if not has_cyrillic(mention.text):
        return None
    code = text_language(mention.text) or source
    return None if code == RUSSIAN else code


def _dictionary_forms(mention: NameMention, source: str | None = None
                      ) -> tuple[str, ...] | None:
    """The dictionary form of each part of a name written in Cyrillic, as written but in
    the nominative (:mod:`translit.text.morphology`); None for a name in Latin letters."""
    parts = mention.parts
    if not parts or any((p.cyrillic is None and not _cyrillic_initial(p)) or p.suffix
                        or " " in p.text or not has_cyrillic(p.text) for p in parts):
        return None
    from translit.text.listed_forms import listed_form
    from translit.text.morphology import dictionary_forms

    words = tuple(p.text for p in parts)
    lemmas = dictionary_forms(words, source)
    if _listed_kind(lemmas) is not None:
        return lemmas
    return listed_form(words) or lemmas


def _cyrillic_initial(part: NamePart) -> bool:
    """An initial in Cyrillic letters (Ф. of Ф. М. Достоевский)."""
    return part.text.endswith(".") and has_cyrillic(part.text)


def _initial(initial: str, to: str) -> str:
    """A Cyrillic initial in the target's letters, as one capital and its full stop (Ф. → F.,
    Ю. → Yu. in English, Ю. in Cyrillic).

    >>> _initial("Ф.", "en"), _initial("Ж.", "de"), _initial("Ф.", "cyrillic")
    ('F.', 'Sch.', 'Ф.')
    """
    if to == CYRILLIC:
        return initial
    from translit.text.conversion import from_cyrillic

    spelled = from_cyrillic(initial[:-1].lower(), to, lexicon=False)
    return spelled[:1].upper() + spelled[1:] + "."


def latin_initial(initial: str, style: str | None, to: str) -> str | None:
    """A Latin initial of a name in ``style`` written in the target ``to``, when the letters
    it may stand for are all written alike there (German W. is В: V. in English; Sch. is Ш or
    Ж: Sh. or Zh., so it stays); None when it stays as written.

    >>> latin_initial("W.", "de", "en"), latin_initial("Sch.", "de", "en")
    ('V.', None)
    >>> latin_initial("Zh.", "en", "de"), latin_initial("V.", "en", "cyrillic")
    ('Sch.', 'В.')
    """
    if not initial.endswith("."):
        return None
    found = _initials.get((initial, style, to))
    if found is None:
        found = _initials[(initial, style, to)] = _latin_initial(initial, style, to)
    return found or None


_initials: dict[tuple[str, str | None, str], str] = caching.tracked({})
"""Latin initials in a target (empty: kept as written), by (initial, style, target)."""


def _latin_initial(initial: str, style: str | None, to: str) -> str:
    from translit.names.inversion import fold_latin
    from translit.schemes.languages import codes
    from translit.schemes.registry import scheme_ids

    letters = fold_latin(initial[:-1])
    schemes = scheme_ids()
    readings = _initial_letters(letters, [style] if style in schemes else [])
    if not readings:  # W. is no English initial: then the styles of the text languages
        readings = _initial_letters(letters, [c for c in codes() if c in schemes])
    written = {_initial(c.upper() + ".", to) for c in readings}
    return written.pop() if len(written) == 1 else ""


INITIAL_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
"""The letters a Russian given name or patronymic begins with (no й, ы, ь, ъ)."""


def _initial_letters(letters: str, schemes: Iterable[str]) -> set[str]:
    """The Cyrillic letters that one of ``schemes`` writes as the folded Latin ``letters``."""
    from translit.names.inversion import fold_latin
    from translit.text.conversion import from_cyrillic

    return {c for c in INITIAL_LETTERS for scheme in schemes
            if fold_latin(from_cyrillic(c, scheme, lexicon=False)) == letters}


def _listed_kind(lemmas: tuple[str, ...]) -> str | None:
    """The kind the lexicon or the places and organizations tables give a dictionary form."""
    from translit.names.lexicon import lexicon
    from translit.names.places import known_cyrillic

    name = " ".join(lemmas).lower()
    return known_cyrillic(name) or lexicon().kind(name)


def _dictionary_kind(lemmas: tuple[str, ...]) -> str:
    """The kind of a name in Cyrillic: the tables' kind of its dictionary form (Кремле is the
    Кремль of the places table), else the dictionary's tags."""
    from translit.text.morphology import is_organization, is_person, is_place

    listed = _listed_kind(lemmas)
    if listed is not None and listed != "name":
        return listed
    if is_person(lemmas):
        return "person"
    return "place" if is_place(lemmas) else "organization" if is_organization(lemmas) else "name"


def _listed_over_pattern(lemmas: tuple[str, ...]) -> str:
    """A word the finder took for a surname by its ending alone (Москвой, Тулой, Кемерова)
    that the tables list as a place or organization and the dictionary does not read as a
    name: the tables' kind; else a person."""
    from translit.text.morphology import is_person

    listed = _listed_kind(lemmas)
    return listed if listed in ("place", "organization") and not is_person(lemmas) \
        else "person"


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
            gender = name_gender(made.parts, span["cyrillic"].split())
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
