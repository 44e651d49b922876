"""Facts about languages, read from ``tables/languages/<code>.toml`` on first use.

Each table holds what translit knows about one language as data: the letters of its alphabet
and their classes (Russian's are the default classes of every scheme table), the endings a name
takes in running text (English 's, the German genitive -s), the German nouns that look like
surnames (Ministerin), and the words of the clock (a.m.). ``common.toml`` holds what every
language shares unless its own table gives the key (the marks that end and open a sentence).

A user folder's ``languages/<code>.toml`` changes the keys it gives, key by key (the built-in
table keeps the others), or adds a language; errors name the file, line and key.

>>> language("ru").classes["hushing"]
'жчшщ'
>>> language("en").possessives
("'s", '’s', "'", '’')
>>> words_language("fr"), language(words_language("fr")).genitive
('de', ('s',))
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translit import caching, table_layer
from translit.errors import TableError

FOLDER = "languages"
COMMON = "common"
"""The table of what every language shares (not a language)."""
SOURCE = "ru"
"""The language the schemes transliterate from: its classes are their default classes."""
KEYS: dict[str, dict[str, str]] = {
    "letters": {"alphabet": "letters"},
    "classes": {},  # any name → letters
    "names": {"alphabets": "codes", "possessives": "endings", "genitive": "endings",
              "genitive_min_base": "count", "own_letters": "endings", "own_names": "endings",
              "particles": "endings", "surname_prefixes": "endings",
              "wrap_min_line": "count", "title_quotes": "pairs", "title_words": "count"},
    "words": {"read_as": "code"},
    "nouns": {"feminine_endings": "endings", "compound_first": "count",
              "compound_last": "count", "determiners": "endings",
              "adjective_endings": "endings", "name_articles": "endings"},
    "sentence": {"ends": "marks", "breaks": "marks", "opening_quotes": "marks",
                 "opens_after": "marks", "names_also_after": "marks",
                 "dates_also_after": "marks"},
    "clock": {"am": "endings", "pm": "endings"},
    "numbers": {"ordinal_suffixes": "endings"},
}
"""The sections of a language table, their keys and the kind of value each holds."""


@dataclass(frozen=True)
class Language:
    """The facts of one language (its table over ``common.toml``); a missing key is no fact."""

    code: str
    alphabet: str
    classes: dict[str, str]
    name_letters: frozenset[str]
    """Every letter (both cases) of the alphabets a name may be written in."""
    possessives: tuple[str, ...]
    genitive: tuple[str, ...]
    genitive_min_base: int
    own_letters: tuple[str, ...]
    """Letter groups of the language's own names that no Russian name written in it has
    (German Habeck, Schmidt): a name with one and no Russian evidence is not Russian."""
    own_names: frozenset[str]
    """Given names (lowercase Cyrillic) of a Cyrillic language that are its own by their
    letters though no letter of theirs is its only (Ukrainian Володимир, Дмитро)."""
    particles: frozenset[str]
    """Lowercase words that may stand between the capitalized words of one name (von, de)."""
    surname_prefixes: tuple[str, ...]
    """Prefixes of mixed-case surnames (McDonald, DiCaprio): names, not organizations."""
    wrap_min_line: int
    """A name goes on to the next line only from a line at least this long (characters, a
    wrapped paragraph, not a list item or caption); 0: a name never does."""
    title_quotes: tuple[str, ...]
    """Pairs of quote marks («») around the title of a work or the name of a newspaper, team
    or firm: a name inside a quote of at most ``title_words`` words is one only if the whole
    quote is a name the tables list (журналисты «Коммерсанта»; not «Мастер и Маргарита»)."""
    title_words: int
    """The most words a quote in ``title_quotes`` may have to be read as a title."""
    read_as: str
    feminine_endings: tuple[str, ...]
    compound_first: int
    compound_last: int
    determiners: frozenset[str]
    """Words that put a noun after them (im, sein, diese), besides the articles."""
    adjective_endings: tuple[str, ...]
    """Endings of an adjective between a determiner and its noun (der 31-jährige Russe), and
    of the adjective in a name of several words (das Ochotskische Meer)."""
    name_articles: tuple[str, ...]
    """The forms of the article inside a name (Peter der Große, dem Großen, des Großen)."""
    sentence_ends: tuple[str, ...]
    sentence_breaks: tuple[str, ...]
    opening_quotes: tuple[str, ...]
    name_sentence_marks: frozenset[str]
    """A mark just before a word that puts the word at a sentence's start, for the name finder."""
    date_sentence_marks: frozenset[str]
    """The same for the date words whose case matters (German "Morgen")."""
    am: tuple[str, ...]
    pm: tuple[str, ...]
    ordinal_suffixes: tuple[str, ...]


Raw = dict[str, dict[str, Any]]
_lock = threading.Lock()
_files: dict[Path, Raw] = caching.tracked({})
_languages: dict[str, Language] = caching.tracked({})
_codes: caching.Lazy[tuple[str, ...]] = caching.Lazy(
    lambda: tuple(sorted({p.stem for p in table_layer.folder_files(FOLDER)} - {COMMON})))


class _Invalid(Exception):
    """A value of the wrong kind (the caller knows the file, line and key)."""


def _value(kind: str, value: Any) -> Any:
    """``value`` checked to be of ``kind`` (see :data:`KEYS`)."""
    if kind == "count":
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise _Invalid("must be a whole number, 0 or more")
        return value
    if kind in ("letters", "code"):
        if not isinstance(value, str):
            raise _Invalid("must be a string")
        value = unicodedata.normalize("NFC", value)
        if kind == "code" and value and not (value.isascii() and value.isalpha()
                                             and value.islower()):
            raise _Invalid("must be a language code (lowercase letters: de, en)")
        if kind == "letters" and (value != value.lower() or not value.isalpha()):
            raise _Invalid("must be lowercase letters")
        return value
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise _Invalid("must be a list of non-empty strings")
    items = [unicodedata.normalize("NFC", item) for item in value]
    if kind == "marks" and any(len(item) != 1 for item in items):
        raise _Invalid("each mark must be one character")
    if kind == "pairs" and any(len(item) != 2 for item in items):
        raise _Invalid("each pair must be two characters, the opening and the closing mark")
    if kind == "codes":
        for item in items:
            _value("code", item)
    return tuple(items)


def read_language_table(path: str | Path) -> Raw:
    """The checked sections of one language table (``{section: {key: value}}``).

    >>> names = read_language_table(table_layer.builtin_dir() / "languages" / "de.toml")["names"]
    >>> names["genitive"], names["own_letters"][:2]
    (('s',), ('ck', 'dt'))
    """
    path = Path(path)
    data, text = table_layer.read_toml(path)
    out: Raw = {}
    for section, body in data.items():
        if section not in KEYS:
            raise _error(path, text, f"unknown section (known: {', '.join(KEYS)})", section)
        if not isinstance(body, dict):
            raise _error(path, text, "must be a section ([name] and keys under it)", section)
        known = KEYS[section]
        values: dict[str, Any] = {}
        for key, value in body.items():
            kind = "letters" if section == "classes" else known.get(key)
            if kind is None:
                raise _error(path, text, f"unknown key (known: {', '.join(known)})", section,
                             key)
            try:
                values[key] = _value(kind, value)
            except _Invalid as exc:
                raise _error(path, text, str(exc), section, key) from None
        out[section] = values
    return out


def _error(path: Path, text: str, message: str, section: str,
           key: str | None = None) -> TableError:
    return TableError(message, path=str(path), line=table_layer.line_of(text, section, key),
                      key=section if key is None else f"{section}.{key}")


def _read(path: Path) -> Raw:
    found = _files.get(path)
    if found is None:
        found = read_language_table(path)
        with _lock:
            _files[path] = found
    return found


def _merged(code: str) -> Raw:
    """The sections of ``code``: ``common.toml`` under the language's own tables, each key
    taken from the last table that gives it (user folders after the built-in one)."""
    merged: Raw = {}
    for name in (COMMON, code):
        for path in table_layer.files(f"{FOLDER}/{name}.toml"):
            for section, values in _read(path).items():
                merged.setdefault(section, {}).update(values)
    return merged


def _build(code: str) -> Language:
    raw = _merged(code)

    def get(section: str, key: str, default: Any = ()) -> Any:
        return raw.get(section, {}).get(key, default)

    alphabet = str(get("letters", "alphabet", ""))
    letters: set[str] = set()
    for other in get("names", "alphabets"):
        letters.update(alphabet if other == code else
                       str(_merged(other).get("letters", {}).get("alphabet", "")))
    letters.update("".join(letters).upper())
    ends, breaks, quotes = (get("sentence", k) for k in ("ends", "breaks", "opening_quotes"))
    marks = frozenset((*ends, *breaks, *quotes, *get("sentence", "opens_after")))
    return Language(
        code=code, alphabet=alphabet, classes=dict(raw.get("classes", {})),
        name_letters=frozenset(letters), possessives=get("names", "possessives"),
        genitive=get("names", "genitive"), genitive_min_base=get("names", "genitive_min_base", 0),
        own_letters=get("names", "own_letters"),
        own_names=frozenset(get("names", "own_names")),
        particles=frozenset(get("names", "particles")),
        surname_prefixes=get("names", "surname_prefixes"),
        wrap_min_line=get("names", "wrap_min_line", 0),
        title_quotes=get("names", "title_quotes"), title_words=get("names", "title_words", 0),
        read_as=get("words", "read_as", "") or code,
        feminine_endings=get("nouns", "feminine_endings"),
        compound_first=get("nouns", "compound_first", 0),
        compound_last=get("nouns", "compound_last", 0),
        determiners=frozenset(get("nouns", "determiners")),
        adjective_endings=get("nouns", "adjective_endings"),
        name_articles=get("nouns", "name_articles"),
        sentence_ends=ends, sentence_breaks=breaks, opening_quotes=quotes,
        name_sentence_marks=marks | frozenset(get("sentence", "names_also_after")),
        date_sentence_marks=marks | frozenset(get("sentence", "dates_also_after")),
        am=get("clock", "am"), pm=get("clock", "pm"),
        ordinal_suffixes=get("numbers", "ordinal_suffixes"))


def language(code: str) -> Language:
    """The facts of the language ``code`` (``en``, ``de``, ``ru``; one without a table of its
    own has those of ``common.toml``), read on first use and again when the tables change."""
    found = _languages.get(code)
    if found is None:
        found = _build(code)
        with _lock:
            _languages[code] = found
    return found


def codes() -> tuple[str, ...]:
    """The languages that have a table (built-in or in a user folder).

    >>> codes()
    ('be', 'de', 'en', 'ru', 'uk')
    """
    return _codes.get()


def letter_classes(code: str = SOURCE) -> dict[str, str]:
    """The letter classes of a language the schemes transliterate from (Russian unless a
    table's ``source`` says otherwise; a fresh dict).

    >>> letter_classes()["sign"], letter_classes("uk")["vowel"]
    ('ъь', 'аеєиіїоуюя')
    """
    return dict(language(code).classes)


def word_letters(code: str = SOURCE) -> frozenset[str]:
    """The letters a word of a language is written in: its alphabet and the hyphen
    (Ростов-на-Дону).

    >>> "і" in word_letters(), "-" in word_letters(), "і" in word_letters("uk")
    (False, True, True)
    """
    return frozenset(language(code).alphabet) | frozenset("-")


def words_language(lang: str) -> str:
    """The language whose word facts apply to the Latin words of a text in ``lang``."""
    return language(lang).read_as


def _all_possessives() -> tuple[str, ...]:
    found: dict[str, None] = {}
    for code in codes():
        found.update(dict.fromkeys(language(code).possessives))
    return tuple(sorted(found, key=len, reverse=True))


_possessives = caching.Lazy(_all_possessives)


def possessives() -> tuple[str, ...]:
    """The possessive endings of every language, the longest first (a text may quote another
    language's spelling: "Putin's" in German).

    >>> possessives()
    ("'s", '’s', "'", '’')
    """
    return _possessives.get()


def day_half(text: str, lang: str) -> str | None:
    """``am`` or ``pm`` if ``text`` (a time as written) ends with a mark of that half of the
    day in ``lang``; points and spaces do not count.

    >>> day_half("10:55 a.m.", "en"), day_half("4PM", "en"), day_half("14 Uhr", "de")
    ('am', 'pm', None)
    """
    letters = text.lower().replace(".", "").replace(" ", "")
    facts = language(lang)
    for half, forms in (("am", facts.am), ("pm", facts.pm)):
        if any(letters.endswith(form.replace(".", "").replace(" ", "")) for form in forms):
            return half
    return None
