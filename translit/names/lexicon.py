"""The lexicon of known names: conventional spellings that no rule derives.

Entries live in ``tables/names/lexicon/*.toml`` (format in ``tables/README.md``): a person,
place or organization with its Cyrillic and its spelling per scheme (Moscow/Moskau/Moscou,
Tchaikovsky/Tschaikowski, Leo Tolstoy/Lew Tolstoi). Users add files with :func:`add_lexicon`,
or a ``lexicon/`` folder inside a folder given to ``--tables``/``TRANSLIT_TABLES``. The lexicon is
consulted before the rules; every public function takes ``lexicon=False`` to measure rules alone.

>>> lexicon().spelling("москва", "de")
'Moskau'
>>> lexicon().cyrillic("moscow")
'Москва'
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from translit import caching, table_layer
from translit.errors import TableError
from translit.names.declension import with_declined
from translit.names.inversion import fold_latin

KINDS = ("person", "place", "organization", "other")
ENTRY_KEYS = ("kind", "cyrillic", "source", "note", "origin", "same_as")
RUSSIAN = "ru"
"""The ``origin`` of an entry that does not say: a Russian name."""


@dataclass(frozen=True)
class LexiconEntry:
    """One known name: its Cyrillic and its spellings per scheme (preferred first)."""

    kind: str
    cyrillic: str
    spellings: dict[str, tuple[str, ...]]
    source: str
    path: str
    origin: str = RUSSIAN
    """Whose name it is (ru, en, de, fr, …): the Latin spellings of a name that is not Russian
    are no Russian names in Latin text (Tom Cruise stays as written); its Cyrillic is written
    in the target's spelling (Томом Крузом → Tom Cruise)."""
    same_as: str = ""
    """The listed Cyrillic name this one is a short form of (Петербург: Санкт-Петербург): the
    two share one key, and the Latin spellings stay the other's to read back."""


@dataclass
class Lexicon:
    """Lexicon entries indexed by Cyrillic and by every Latin spelling (lowercase)."""

    entries: list[LexiconEntry] = field(default_factory=list)
    by_cyrillic: dict[str, LexiconEntry] = field(default_factory=dict)
    by_latin: dict[str, tuple[str, str]] = field(default_factory=dict)
    words: dict[str, str] = field(default_factory=dict)
    foreign: dict[str, str] = field(default_factory=dict)
    """The Latin spellings of names that are not Russian, folded → their Cyrillic (a surname
    alone only where it has an entry of its own: Musk, not Johnson)."""
    aliases: dict[str, str] = field(default_factory=dict)
    """Lowercase Cyrillic of a short form → the listed name it stands for."""
    surnames: dict[str, str] = field(default_factory=dict)
    """The last words of the Russian people's spellings, folded → their Cyrillic (Dostoevsky
    of Fyodor Dostoevsky → Достоевский): a listed person named by the surname alone."""

    def add(self, entry: LexiconEntry) -> None:
        """Index ``entry``; a later entry for the same Cyrillic replaces the earlier one."""
        self.entries.append(entry)
        key = entry.cyrillic.lower()
        self.by_cyrillic[key] = entry
        if entry.same_as:  # its own spellings (USSR) read back to the name it stands for
            self.aliases[key] = entry.same_as
            for scheme, spellings in entry.spellings.items():
                for spelling in spellings:
                    self.by_latin.setdefault(fold_latin(spelling), (entry.same_as, scheme))
            return
        if entry.origin != RUSSIAN:
            for spellings in entry.spellings.values():
                for spelling in spellings:
                    self.foreign[fold_latin(spelling)] = entry.cyrillic
            return
        cyrillic_words = entry.cyrillic.split()
        for scheme, spellings in entry.spellings.items():
            for spelling in with_declined(spellings, scheme, person=entry.kind == "person")[
                    len(spellings):]:  # Peter dem Großen
                self.by_latin.setdefault(fold_latin(spelling), (entry.cyrillic, scheme))
            for spelling in spellings:
                self.by_latin[fold_latin(spelling)] = (entry.cyrillic, scheme)
                latin_words = spelling.split()
                if len(latin_words) == len(cyrillic_words) > 1:
                    for latin, cyrillic in zip(latin_words, cyrillic_words, strict=True):
                        self.words.setdefault(fold_latin(latin), cyrillic)
                    if entry.kind == "person":
                        self.surnames.setdefault(fold_latin(latin_words[-1]),
                                                 cyrillic_words[-1])

    def cyrillic(self, latin: str) -> str | None:
        """The Cyrillic of a known Latin spelling (a whole name, or a word of one)."""
        folded = fold_latin(latin.strip())
        found = self.by_latin.get(folded)
        if found is not None:
            return found[0]
        return self.words.get(folded)

    def foreign_entry(self, latin: str) -> LexiconEntry | None:
        """The entry of the listed name of another nation that ``latin`` is a Latin form of
        (Kyiv, Kiew: Київ), or None."""
        cyrillic = self.foreign.get(fold_latin(" ".join(latin.split())))
        return None if cyrillic is None else self.by_cyrillic.get(self.key_name(cyrillic).lower())

    def key_name(self, cyrillic: str) -> str:
        """The listed name whose key a Cyrillic name has: itself, or what it is a short
        form of (Петербург → Санкт-Петербург)."""
        return self.aliases.get(cyrillic.strip().lower(), cyrillic)

    def kind(self, cyrillic: str) -> str | None:
        """The entity kind of a known lowercase Cyrillic name (person, place, organization,
        name), or None if it is not in the lexicon."""
        entry = self.by_cyrillic.get(cyrillic)
        if entry is None:
            return None
        return "name" if entry.kind == "other" else entry.kind

    def entries_spellings(self, cyrillic: str, scheme: str) -> tuple[str, ...]:
        """Every spelling of a known Cyrillic name in ``scheme`` (preferred first)."""
        entry = self.by_cyrillic.get(unicodedata.normalize("NFC", cyrillic.strip()).lower())
        return entry.spellings.get(scheme, ()) if entry is not None else ()

    def spelling(self, cyrillic: str, scheme: str) -> str | None:
        """The conventional spelling of a known Cyrillic name in ``scheme``, if it has one."""
        entry = self.by_cyrillic.get(unicodedata.normalize("NFC", cyrillic.strip()).lower())
        if entry is None:
            return None
        found = entry.spellings.get(scheme)
        if not found and entry.same_as and entry.same_as.lower() != entry.cyrillic.lower():
            return self.spelling(entry.same_as, scheme)
        return found[0] if found else None


def read_lexicon_file(path: Path, into: Lexicon) -> None:
    """Read one lexicon file into ``into``; errors name the file, line and entry.

    The same Cyrillic twice in one file is an error (duplicated or contradictory entries);
    a later file may replace an earlier file's entry on purpose.
    """
    data, text = table_layer.read_toml(path)

    def fail(message: str, index: int | None = None, key: str | None = None) -> TableError:
        where = "entry" if index is None else f"entry[{index}]"
        line = table_layer.line_of(text, "entry", None, index) if index is not None else None
        return TableError(message, path=str(path), line=line,
                          key=f"{where}.{key}" if key else where)

    for section in data:
        if section != "entry":
            raise TableError(f"unknown section [{section}] (known: [[entry]])", path=str(path),
                             key=section)
    items = data.get("entry", [])
    if not isinstance(items, list):
        raise fail("[[entry]] must be an array of tables")
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("cyrillic"), str) \
                or not item["cyrillic"].strip():
            raise fail("an entry needs a 'cyrillic' string", index)
        kind = item.get("kind", "other")
        if kind not in KINDS:
            raise fail(f"kind must be one of {', '.join(KINDS)}", index, "kind")
        cyrillic = unicodedata.normalize("NFC", item["cyrillic"].strip())
        first = seen.setdefault(cyrillic.lower(), index)
        if first != index:
            raise fail(f"{cyrillic!r} is already entry[{first}] (duplicated or contradictory "
                       "entry)", index, "cyrillic")
        spellings: dict[str, tuple[str, ...]] = {}
        for key, value in item.items():
            if key in ENTRY_KEYS:
                continue
            values = [value] if isinstance(value, str) else value
            if not isinstance(values, list) or not values or not all(
                    isinstance(v, str) and v.strip() for v in values):
                raise fail("a spelling is a string or a list of strings", index, key)
            spellings[key] = tuple(unicodedata.normalize("NFC", v.strip()) for v in values)
        for name in ("origin", "same_as"):
            if not isinstance(item.get(name, ""), str):
                raise fail(f"{name} must be a string", index, name)
        into.add(LexiconEntry(str(kind), cyrillic, spellings, str(item.get("source", "")),
                              str(path), str(item.get("origin", RUSSIAN)) or RUSSIAN,
                              unicodedata.normalize("NFC", str(item.get("same_as", "")).strip())))


LEXICON = "names/lexicon"
"""The table layer's folder (and kind) of lexicon files."""
_lock = threading.RLock()
_state: dict[tuple[object, ...], Lexicon] = caching.tracked({})


def lexicon_files() -> list[Path]:
    """The lexicon files in the order they are read (built-ins first; later ones win)."""
    files = table_layer.folder_files(LEXICON)
    for path in reversed(table_layer.added_files(LEXICON)):
        files.extend(sorted(path.glob("*.toml")) if path.is_dir() else [path])
    return files


def lexicon() -> Lexicon:
    """The lexicon: built-in entries, then the user's (read on first use, and again when the
    table folders change). Cheap to call."""
    state = table_layer.state()
    found = _state.get(state)
    if found is None:
        with _lock:
            found = _state.get(state)
            if found is None:
                found = Lexicon()
                for path in lexicon_files():
                    read_lexicon_file(path, found)
                _state.clear()
                _state[state] = found
    return found


def add_lexicon(path: str | Path) -> int:
    """Add a lexicon file or a folder of them; returns how many entries the lexicon now has.

    >>> add_lexicon(Path("/no/such/lexicon.toml"))
    Traceback (most recent call last):
    ...
    translit.errors.TableError: /no/such/lexicon.toml: no such lexicon file or folder
    """
    path = Path(path)
    if not path.exists():
        raise TableError("no such lexicon file or folder", path=str(path))
    for file in sorted(path.glob("*.toml")) if path.is_dir() else [path]:
        read_lexicon_file(file, Lexicon())  # a bad file is refused, not kept for later
    table_layer.add(path, LEXICON)
    return len(lexicon().entries)


def lexicon_words() -> list[str]:
    """Every Cyrillic word of the lexicon written in Russian letters, lowercase (training data
    for the letter model of Russian: not Київ or Ціханоўская)."""
    from translit.schemes.languages import word_letters

    russian = word_letters()
    return [w for entry in lexicon().entries for w in entry.cyrillic.lower().split()
            if russian.issuperset(w)]
