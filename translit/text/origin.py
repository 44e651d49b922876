"""Is this a Russian name? One judgement for the name finder, ``convert``, ``key`` and ``match``.

The name finder (:func:`translit.text.finder.find_mentions`) is asked about the name as a text
of its own: what it finds is Russian. What it does not find is weighed by the finder's own
evidence (:func:`translit.text.evidence.word_info`): a given name of another language (Tom,
Annalena) or a listed non-Russian name (Zelensky) with no Russian surname beside it, or a
surname that is an ordinary word of English or German text (Scholz, Roberts, Johnson: the
wordfreq lists know them, Russian surnames they do not) is not Russian. Anything else is
undecided, and callers treat it as they always did (``convert`` reads it by its letters).

>>> name_origin("Emmanuel Macron").russian, name_origin("Sergej Lawrow").russian
(False, True)
>>> name_origin("Emmanuel Macron").reason
"'Emmanuel' is a given name of another language"
"""

from __future__ import annotations

from dataclasses import dataclass

from translit.caching import BoundedCache

FOREIGN_WORD_ZIPF = 3.0
"""A last word this frequent (Zipf) in English or German text, beside no Russian evidence,
marks a name of those languages (Scholz, Roberts): wordfreq lists Russian surnames far lower."""
COMMON_SURNAME_ZIPF = 4.0
"""Even after a Russian given name, a last word this frequent is the other language's surname
(Boris Johnson), not an unlisted Russian one (Yuri Milner, Jelena Bonner are below it)."""
FOREIGN_SURNAME_ZIPF = 4.5
"""A listed surname this frequent in English or German text (Schmidt, Müller, Fischer) after a
given name of those languages is theirs: Russian surnames that frequent (Putin) stand below."""
RUSSIAN_NAMES = frozenset({"surname", "patronymic", "lexicon"})
"""Roles of words that name a Russian person beside a given name of another language
(Peter Tschaikowski: an old German form); a place (Doug Liman) is not."""
UNDECIDED = ("fits", "word", "unknown")
"""Roles of words that say nothing either way: read by letters, or not at all."""


@dataclass(frozen=True)
class Mention:
    """A Russian name the finder found in the text asked about: offsets, Cyrillic, kind."""

    start: int
    end: int
    cyrillic: str
    kind: str


@dataclass(frozen=True)
class Origin:
    """The verdict on a name: ``russian`` is True, False or None (undecided), with the reason
    in words and the Russian mentions found in it."""

    russian: bool | None
    reason: str
    mentions: tuple[Mention, ...] = ()

    def as_dict(self) -> dict[str, object]:
        """The verdict as JSON fields: ``{"russian": …, "origin": reason}``."""
        return {"russian": self.russian, "origin": self.reason}


_cache: BoundedCache[tuple[str, str, bool], Origin] = BoundedCache(20_000)


def name_origin(name: str, lang: str | None = None, *, lexicon: bool = True) -> Origin:
    """Whether ``name`` (Latin or Cyrillic, one name or a line of them) is Russian.

    ``lang`` is the language of the text around it (``en``, ``de``, ``fr``); None reads it from
    the spelling (a German-style name as German text).

    >>> name_origin("Tom Cruise").russian, name_origin("Julia Roberts").reason
    (False, "'Roberts' is a common word of English or German text")
    >>> [m.cyrillic for m in name_origin("Sotschi").mentions]
    ['сочи']
    """
    if lang is None:
        lang = _language_of(name)
    return _cache.get_or_build((name, lang, lexicon), lambda key: _judge(*key))


def _language_of(name: str) -> str:
    from translit.names.style import plausible_styles
    from translit.schemes.registry import get_scheme

    styles = plausible_styles(name)
    language = str(get_scheme(styles[0]).meta.get("language", "en")) if styles else "en"
    return language if language in ("en", "de", "fr") else "en"


def _judge(name: str, lang: str, lexicon: bool) -> Origin:
    from translit.schemes.languages import language
    from translit.schemes.scheme import has_cyrillic
    from translit.text.evidence import word_info, zipf
    from translit.text.finder import find_names
    from translit.text.runs import BREAKERS

    mentions = tuple(Mention(m.start, m.end, m.cyrillic, m.kind)
                     for m in find_names(name, lang=lang, lexicon=lexicon))
    if mentions:
        kinds = ", ".join(sorted({m.kind for m in mentions}))
        return Origin(True, f"found as a Russian name ({kinds})", mentions)
    if has_cyrillic(name):
        return Origin(True, "written in Cyrillic")
    words = [w.strip(".,;:()\"'") for w in name.split()]
    infos = [word_info(w, lang, lexicon=lexicon) for w in words if w[:1].isalpha()]
    if not infos:
        return Origin(None, "no name in it")
    surnames = [i for i in infos if i.role in RUSSIAN_NAMES]
    if surnames and infos[0].role == "other_given" and all(
            max(zipf(i.word, "en"), zipf(i.word, "de")) >= FOREIGN_SURNAME_ZIPF
            for i in surnames):  # Peter Schmidt, not Peter Kropotkin
        return Origin(False, f"'{infos[0].word}' is a given name of another language and "
                             f"'{surnames[-1].word}' a common surname of it")
    has_surname = bool(surnames)
    for info in infos:
        if info.role in BREAKERS and not has_surname:
            if info.role == "not_russian":
                return Origin(False, f"'{info.word}' is listed as not Russian")
            return Origin(False, f"'{info.word}' is a given name of another language")
    if not has_surname:
        own = language(lang).own_letters
        for info in infos:
            group = next((g for g in own if g in info.word.lower()), None)
            if group is not None and info.role in UNDECIDED:
                return Origin(False, f"'{info.word}' has '{group}', which Russian names "
                                     "written in this language do not")
    last = infos[-1]
    if last.role in UNDECIDED or last.suffix:  # Roberts: not the genitive of Роберт here
        frequency = max(zipf(last.word, "en"), zipf(last.word, "de"))
        given = len(infos) > 1 and infos[0].role == "given"
        if frequency >= (COMMON_SURNAME_ZIPF if given else FOREIGN_WORD_ZIPF) and all(
                i.role in UNDECIDED or i.suffix or i is infos[0] for i in infos) and \
                not _reads_as_listed(last.word, lexicon):
            return Origin(False, f"'{last.word}' is a common word of English or German text")
    return Origin(None, "no evidence either way")


def _reads_as_listed(word: str, lexicon: bool) -> bool:
    """Whether one of the few best readings of ``word`` is a listed Russian given name or
    surname, however the schemes spell it (Alexej: Алексей, common in German text as a name).
    """
    from translit.names.data import name_data
    from translit.names.reverse import word_readings
    from translit.names.style import plausible_styles

    data = name_data()
    return any(r.cyrillic in data.given or r.cyrillic in data.variant_of or
               r.cyrillic in data.surnames
               for r in word_readings(word, plausible_styles(word), lexicon=lexicon)[:4])


def entity_key(name: str, *, lexicon: bool = True) -> str:
    """The key of any name: :func:`translit.names.keys.name_key` for a Russian (or undecided)
    name, the spelling folded (case, spaces) for one judged not Russian, so that a
    foreign name keys by its letters and never by a Russian reading of them.

    >>> entity_key("Tom  Cruise"), entity_key("Julija Peressild")
    ('tom cruise', 'ula peresild')
    """
    from translit.names.inversion import fold_latin
    from translit.names.keys import name_key

    if name_origin(name, lexicon=lexicon).russian is False:
        return " ".join(fold_latin(name).split())
    return name_key(name, lexicon=lexicon)
