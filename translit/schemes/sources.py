"""Which language a Cyrillic text is in (Russian, Ukrainian, Belarusian), and the scheme that
reads it for a target.

The letters decide where they can: ї є ґ are Ukrainian only, ў is Belarusian only, і is both
(Belarusian when ы or э stand with it, letters Ukrainian lacks), and ы э ъ ё are not
Ukrainian. A text whose words decide one language only is read in it as a whole (Віталій
Кличко: Кличко has no letter of its own); a text that mixes languages is read word by word,
an undecided word as Russian. A scheme table says which language it reads with ``source`` in
``[scheme]`` (Russian when it does not), and ``language`` names the target: the Ukrainian
table for ``en`` is the one with ``source = "uk"`` and ``language = "en"`` of the lowest
``preference``.

>>> text_language("Віталій Кличко"), text_language("Святлана Ціханоўская")
('uk', 'be')
>>> text_language("Мария Пыльцына"), text_language("Шевченко")
('ru', None)
"""

from __future__ import annotations

from typing import Any

from translit import caching
from translit.schemes.scheme import Scheme

ONLY = {"uk": frozenset("їєґ"), "be": frozenset("ў")}
"""Letters that only one of the languages has."""
SHARED = frozenset("і")
"""A letter of Ukrainian and Belarusian, not of Russian."""
NOT_UKRAINIAN = frozenset("ыэъё")
"""Letters of Russian (ы э ъ ё) and Belarusian (ы э ё) that Ukrainian lacks."""
NOT_BELARUSIAN = frozenset("ищъ")
"""Letters of Russian and Ukrainian that Belarusian lacks (ъ: Russian only)."""
RUSSIAN = "ru"


def word_language(word: str) -> str | None:
    """The language a Cyrillic word's letters decide (uk, be, ru), or None if they do not."""
    letters = frozenset(word.lower())
    for code, own in ONLY.items():
        if letters & own:
            return code
    if letters & SHARED:  # Ukrainian, unless a letter Ukrainian lacks makes it Belarusian
        return "be" if letters & NOT_UKRAINIAN else "uk"
    if letters & NOT_UKRAINIAN and (letters & NOT_BELARUSIAN or "ъ" in letters):
        return RUSSIAN  # Пётр Ильич, объект
    return _own_word(word.lower())  # Зеленський, Володимир; Лукашэнка, Аляксандр


def _own_word(lower: str) -> str | None:
    """The language whose ``own_letters`` or ``own_names`` (tables/languages) ``lower`` has."""
    from translit.schemes.languages import language

    for code in OWN:
        facts = language(code)
        if lower in facts.own_names or any(group in lower for group in facts.own_letters):
            return code
    return None


OWN = ("uk", "be")
"""The languages whose own letter groups and given names decide a word without a letter of
their own."""


def text_language(text: str) -> str | None:
    """The one language the words of ``text`` decide (None: no word decides, or they differ
    between Ukrainian and Belarusian and Russian)."""
    found = {code for word in text.split() if (code := word_language(word)) is not None}
    if len(found) == 1:
        return found.pop()
    if found == {"uk", "be"}:
        return "be"  # і in both, ў or ы/э in one: Belarusian (Мінск, Ціханоўская)
    if not found:  # the letters of all the words together (Мария Пыльцына: и and ы)
        return word_language(text)
    return None


def document_language(text: str) -> str | None:
    """The language of a text's Cyrillic when it is not Russian: the language most of its
    deciding words are in (Ukrainian: Зустріч, відбулася, Києві), for the names whose own
    letters do not decide (Денис Шмигаль, Харкова); None for Russian or mixed text.

    >>> document_language("Зустріч відбулася у Києві. Денис Шмигаль прибув до Харкова.")
    'uk'
    >>> document_language("Москва"), document_language("Встреча в Москве; в Києві тоже.")
    (None, None)
    """
    if not needs_sources(text):
        return None
    from translit.schemes.scheme import split_words

    counts: dict[str, int] = {}
    for word in split_words(text)[1::2]:
        code = word_language(word)
        if code is not None:
            counts[code] = counts.get(code, 0) + 1
    best = max((c for c in counts if c != RUSSIAN), key=lambda c: counts[c], default=None)
    if best is None or counts[best] < DOCUMENT_WORDS or counts[best] <= counts.get(RUSSIAN, 0):
        return None
    return best


DOCUMENT_WORDS = 2
"""Deciding words a text needs in a language before its other words are read in it too."""


def needs_sources(text: str) -> bool:
    """Whether a word of ``text`` may be Ukrainian or Belarusian: a letter only they have, or
    one of their letter groups and names (:func:`word_language`); False for most Russian."""
    if text.isascii():
        return False
    lower = text.lower()
    if any(c in _SPECIAL for c in lower):
        return True
    return _own_pattern().search(lower) is not None


_SPECIAL = frozenset().union(*ONLY.values(), SHARED, "'’ʼ")
_patterns: dict[tuple[object, ...], Any] = caching.tracked({})


def _own_pattern() -> Any:
    """One pattern of every ``own_letters`` group and ``own_names`` word of :data:`OWN`."""
    from translit import table_layer
    from translit.schemes.languages import language

    state = table_layer.state()
    found = _patterns.get(state)
    if found is None:
        import regex

        groups = [regex.escape(g) for code in OWN for g in language(code).own_letters]
        names = [regex.escape(n) for code in OWN for n in sorted(language(code).own_names)]
        found = regex.compile("|".join([*groups, *(fr"\b{n}\b" for n in names)]) or "(?!)")
        _patterns.clear()
        _patterns[state] = found
    return found

_for: dict[tuple[str, str, tuple[str, ...]], str] = caching.tracked({})


def scheme_for(scheme: str, code: str) -> str:
    """The id of the scheme that reads ``code`` (uk, be, ru) for the target of ``scheme``: the
    table ``<code>-<scheme>`` if there is one (the same convention), else the one of the same
    target language with the lowest ``preference``; ``scheme`` itself if it reads that language
    or no table does.

    >>> scheme_for("en", "uk"), scheme_for("de", "be"), scheme_for("bgn", "uk")
    ('uk-national', 'be-de', 'uk-bgn')
    """
    from translit.schemes.registry import get_scheme, scheme_ids

    ids = scheme_ids()
    key = (scheme, code, ids)
    found = _for.get(key)
    if found is not None:
        return found
    spec = get_scheme(scheme).spec
    found = scheme
    paired = f"{code}-{scheme}"  # the same convention for that language: uk-de, uk-bgn
    if spec.source != code and paired in ids and get_scheme(paired).spec.source == code:
        found = paired
    elif spec.source != code:
        target = spec.meta.get("language")
        candidates = []
        for other in ids:
            if other == scheme:
                continue
            other_spec = get_scheme(other).spec
            if other_spec.source == code and other_spec.meta.get("language") == target:
                preference = other_spec.preference
                candidates.append((float("inf") if preference is None else preference, other))
        if candidates:
            found = min(candidates)[1]
    _for[key] = found
    return found


def reader_for(text: str, scheme: str, source: str | None = None,
               default: str | None = None) -> str | None:
    """The id of the one scheme that reads all of ``text`` for the target of ``scheme`` (see
    :func:`transliterate_in`), or None when its words are of several languages. ``source``
    says the language whatever the letters; ``default`` (a document's) is taken when they do
    not decide.

    >>> reader_for("Київ", "de"), reader_for("Москва", "de"), reader_for("Москва", "uk-de")
    ('uk-de', 'de', 'uk-de')
    >>> reader_for("Кличко", "de", default="uk"), reader_for("Юрий", "de", default="uk")
    ('uk-de', 'uk-de')
    """
    from translit.schemes.registry import get_scheme

    if get_scheme(scheme).spec.source != RUSSIAN or (
            source is None and default is None and not needs_sources(text)):
        return scheme
    code = source or text_language(text) or default
    return scheme_for(scheme, code) if code is not None else None


def transliterate_in(text: str, scheme: str, source: str | None = None) -> str:
    """``text`` in ``scheme``, each Cyrillic word read in its own language's table for the
    scheme's target (:func:`scheme_for`); ``source`` (ru, uk, be) says the language instead
    of the letters. A table that reads another language than Russian, named directly, reads
    every word.

    >>> transliterate_in("Віталій Кличко", "en"), transliterate_in("Віталій Кличко", "de")
    ('Vitalii Klychko', 'Witalij Klytschko')
    >>> transliterate_in("Кличко", "de"), transliterate_in("Кличко", "de", source="uk")
    ('Klitschko', 'Klytschko')
    """
    from translit.schemes.registry import get_scheme
    from translit.schemes.scheme import split_words

    reader = reader_for(text, scheme, source)
    if reader is not None:
        return get_scheme(reader).transliterate(text)
    parts = split_words(text)
    for index in range(1, len(parts), 2):
        own = word_language(parts[index]) or RUSSIAN
        parts[index] = get_scheme(scheme_for(scheme, own)).transliterate(parts[index])
    return "".join(parts)


def transliterate(text: str, scheme: str | Scheme = "en", *, source: str | None = None) -> str:
    """Transliterate the Cyrillic in ``text`` into ``scheme``; other text passes through.

    Ukrainian and Belarusian words (by their letters, or all words when ``source`` is ``uk`` or
    ``be``) go through the table of their language for the same target (:func:`scheme_for`),
    unless ``scheme`` is such a table itself (or a :class:`Scheme` object, used as it is).

    >>> transliterate("Юрий Гагарин", "de"), transliterate("Володимир Зеленський", "de")
    ('Juri Gagarin', 'Wolodymyr Selenskyj')
    """
    if isinstance(scheme, Scheme):
        return scheme.transliterate(text)
    return transliterate_in(text, scheme, source)
