"""Russian places and organizations, and names that look Russian but are not (tables in TSV).

``tables/names/places.tsv`` and ``organizations.tsv`` give the Cyrillic and, in a column named
after each scheme (``en``, ``de``), the spellings of that style; ``not_russian.tsv`` lists
people and places the name finder must leave alone (Zelensky, Klitschko, Kyiv). All are read
once, on first use.

>>> known_name("sotschi")
('сочи', 'place')
>>> not_russian("selenskyj")
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from translit import caching, table_layer
from translit.caching import Lazy
from translit.names.data import NAMES, read_toml
from translit.names.declension import with_declined
from translit.names.inversion import fold_latin

KIND_OF_FILE = {"places.tsv": "place", "places_gazetteer.tsv": "place",
                "organizations.tsv": "organization"}


@dataclass
class Gazetteer:
    """Latin spellings and Cyrillic forms of known places and organizations."""

    by_latin: dict[str, tuple[str, str]] = field(default_factory=dict)
    by_cyrillic: dict[str, str] = field(default_factory=dict)
    originals: list[str] = field(default_factory=list)
    """The Cyrillic names as the tables write them (Звёздный городок)."""
    written: dict[str, str] = field(default_factory=dict)
    """A lowercase Cyrillic name → as the tables write it (нижний новгород → Нижний Новгород)."""
    spellings: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    """Every listed spelling of a name in a scheme, the preferred first."""
    not_russian: set[str] = field(default_factory=set)
    not_russian_places: set[str] = field(default_factory=set)
    """The places of ``not_russian`` (Kiew, Donezk), folded."""
    accepted: set[tuple[str, str, str]] = field(default_factory=set)
    cues_before: dict[str, frozenset[str]] = field(default_factory=dict)
    cues_after: dict[str, tuple[str, ...]] = field(default_factory=dict)
    cues_linking: dict[str, frozenset[str]] = field(default_factory=dict)
    longest: int = 1


def _rows(name: str, column: str) -> list[dict[str, str]]:
    """The rows of ``names/<name>`` in every table folder, a user folder's first (they win)."""
    return [row for path in reversed(table_layer.files(f"{NAMES}/{name}"))
            for row in table_layer.read_tsv(path, (column,))]


def _load() -> Gazetteer:
    from translit.schemes.registry import scheme_ids

    found = Gazetteer()
    schemes = frozenset(scheme_ids())
    for name, kind in KIND_OF_FILE.items():
        for row in _rows(name, "cyrillic"):
            cyrillic = row["cyrillic"].strip()
            found.by_cyrillic.setdefault(cyrillic.lower(), kind)
            found.originals.append(cyrillic)
            found.written.setdefault(cyrillic.lower(), cyrillic)
            for scheme in [column for column in row if column in schemes]:  # en, de
                spellings = [s.strip() for s in row[scheme].split("|") if s.strip()]
                listed = found.spellings.setdefault((cyrillic.lower(), scheme), [])
                listed.extend(s for s in spellings if s not in listed)
                for spelling in with_declined(spellings, scheme):  # Ochotskische Meer
                    found.by_latin.setdefault(fold_latin(spelling), (cyrillic.lower(), kind))
                    found.accepted.add((fold_latin(spelling), cyrillic.lower(), scheme))
                    found.longest = max(found.longest, len(spelling.split()))
    for row in _rows("not_russian.tsv", "name"):
        found.not_russian.add(fold_latin(row["name"].strip()))
        if row.get("kind", "").strip() == "place":
            found.not_russian_places.add(fold_latin(row["name"].strip()))
    for path in table_layer.files(f"{NAMES}/cues.toml"):
        _read_cues(path, found)
    return found


def _read_cues(path: Path, into: Gazetteer) -> None:
    data = read_toml(path)
    for lang, words in data.get("before", {}).items():
        into.cues_before[lang] = frozenset(fold_latin(w) for w in words)
    for lang, words in data.get("after", {}).items():
        into.cues_after[lang] = tuple(sorted({fold_latin(w) for w in words}))
    for lang, words in data.get("linking", {}).items():
        into.cues_linking[lang] = frozenset(fold_latin(w) for w in words)


_gazetteer = Lazy(_load)


def gazetteer() -> Gazetteer:
    """The tables, read on first use (and again when the table folders change)."""
    return _gazetteer.get()


def known_name(folded: str) -> tuple[str, str] | None:
    """(Cyrillic, kind) of a place or organization spelled ``folded`` (lowercase), if known."""
    return gazetteer().by_latin.get(folded)


def written_form(cyrillic: str) -> str:
    """A known place or organization as its table writes it, from its lowercase form.

    >>> written_form("нижний новгород")
    'Нижний Новгород'
    """
    return gazetteer().written.get(cyrillic, cyrillic)


def known_cyrillic(cyrillic: str) -> str | None:
    """The kind (place, organization) of a known lowercase Cyrillic name."""
    return gazetteer().by_cyrillic.get(cyrillic)


def conventional_spelling(cyrillic: str, scheme: str, words: int = 0) -> str | None:
    """The usual English or German form of a known place or organization; with ``words``
    (of the name as the text has it), the first listed form of as many words, so that a short
    mention gets the short form and no word of the text is written twice.

    >>> conventional_spelling("Мариинский театр", "en"), conventional_spelling(
    ...     "Мариинский театр", "en", words=1)
    ('Mariinsky Theatre', 'Mariinsky')
    """
    listed = gazetteer().spellings.get((cyrillic.lower(), scheme))
    if not listed:
        return None
    if words:
        for spelling in listed:
            if word_count(spelling) == words:
                return spelling
    return listed[0]


def word_count(name: str) -> int:
    """The words of ``name``, a hyphen parting them too ("Mariinski-Theater": 2)."""
    return len(name.replace("-", " ").split())


def is_accepted(folded: str, cyrillic: str, scheme: str) -> bool:
    """Whether ``folded`` is one of the listed spellings of ``cyrillic`` in ``scheme``."""
    return (folded, cyrillic.lower(), scheme) in gazetteer().accepted


_cue_words: dict[str, str] = caching.tracked({})
"""A word before a name as written → as the cue table holds it (folded, no punctuation)."""


def foreign_cue(before: str, after: str, lang: str) -> bool:
    """Whether the words ``before`` a name or the place ``after`` its comma mark it foreign."""
    table = gazetteer()
    cues = table.cues_before.get(lang)
    if cues and any(folded_cue(word) in cues for word in before.split()[-3:]):
        return True
    place = after.lstrip()
    if not place.startswith(","):
        return False
    after_cues = table.cues_after.get(lang)
    return after_cues is not None and fold_latin(place[1:].strip()).startswith(after_cues)


def folded_cue(word: str) -> str:
    """``word`` as the cue tables hold words: folded, without punctuation (cached)."""
    folded = _cue_words.get(word)
    if folded is None:
        folded = fold_latin(word.strip(".,;:()\"'„“"))
        if len(_cue_words) > 100_000:
            _cue_words.clear()
        _cue_words[word] = folded
    return folded


def foreign_cue_at(text: str, first: int, last: int, lang: str,
                   cues: frozenset[str] | None = None) -> bool:
    """:func:`foreign_cue` for the name ``text[first:last]``: the last three words before it
    in the same sentence and line (within 40 characters), and the place after its comma
    (``cues``: ``cues_before(lang)``, if the caller has it).

    >>> foreign_cue_at("the Ukrainian Vassily Ivanchuk", 14, 30, "en")
    True
    """
    if cues is None:
        cues = cues_before(lang)
    if cues:
        window = text[first - 40 if first > 40 else 0:first]
        # The words after a cut (line break, ". ", ";") end the words of the whole window, so
        # a window with no cue word among its last three has none after the cut either: the
        # common case costs one split and no folding of new words.
        for word in (window.replace(";", " ") if ";" in window else window).rsplit(None, 3)[-3:]:
            if (_cue_words.get(word) or folded_cue(word)) in cues:
                cut = max(window.rfind("\n"), window.rfind(". "), window.rfind(";"))
                if foreign_cue(window[cut + 1:], "", lang):
                    return True
                break
    comma = text.find(",", last, last + 24)  # a comma, after nothing but spaces
    if comma >= 0 and not text[last:comma].strip():
        return foreign_cue("", text[last:last + 24], lang)
    return _linked_place(text[last:last + 40], lang)


def _linked_place(after: str, lang: str) -> bool:
    """Whether ``after`` (the text right after a name) is a linking word and a listed place:
    "Elena Rybakina of Kazakhstan", "Jelena Rybakina aus Kasachstan"."""
    if after[:1] != " ":
        return False
    end = after.find(" ", 1)
    if end < 0:
        return False
    linking = gazetteer().cues_linking.get(lang)
    return linking is not None and after[1:end].lower() in linking and \
        foreign_cue("", "," + after[end:], lang)


def cues_before(lang: str) -> frozenset[str]:
    """The words (folded) that mark a name right after them as not Russian, in ``lang``."""
    return gazetteer().cues_before.get(lang, frozenset())


def not_russian(folded: str) -> bool:
    """Whether ``folded`` names a non-Russian person or place the finder must leave alone."""
    return folded in gazetteer().not_russian
