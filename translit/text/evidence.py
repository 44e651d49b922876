"""What one capitalized word of running text may be: a Russian name part, another name, a word.

Evidence comes from the tables, never from a guess about the document: the lexicon of known
names, the Russian given names, patronymics and surnames (with their endings), the list of
other (non-Russian) given names, the reading back to Cyrillic under the schemes the spelling
fits, and how common the word is in the text's language (wordfreq), which tells a German noun
(``Termin``) from a surname in -in. What a language adds (the German genitive -s, German nouns
in -in, the letters of East Slavic names) comes from ``tables/languages/``.

>>> info = word_info("Schkaplerow", "de")
>>> info.cyrillic, info.role
('шкаплеров', 'surname')
>>> word_info("Tom", "en").role
'other_given'
"""

from __future__ import annotations

from dataclasses import dataclass

from translit import table_layer
from translit.caching import BoundedCache, Lazy
from translit.names.data import NAMES
from translit.names.inversion import APOSTROPHES, fold_latin
from translit.schemes.languages import SOURCE, language, words_language

COMMON_ZIPF = 3.3
"""A word at least this frequent (Zipf scale) in the text's language is a common word."""
VERY_COMMON_ZIPF = 4.0
"""A word this frequent in English or German is common in any text (Berlin, Film)."""
PLAUSIBLE_LOGPROB = -2.6
"""Mean log-probability per letter above which an unlisted reading looks Russian."""
WORDLIST = "small"
"""wordfreq's list of the words at least once per million (Zipf 3): some 40,000 per language,
a few MB in memory, where the full lists take over 100 MB. A word missing from it is rare."""
LONGEST_NAME_WORD = 40
"""Letters of the longest word that may be part of a name (double names such as
Saltykov-Shchedrin are half that); a longer one is no evidence and costs nothing."""
ROLES = ("lexicon", "place", "organization", "cyrillic", "given", "patronymic", "surname",
         "ending", "fits", "other_given", "not_russian", "word", "unknown")
LISTED = frozenset({"lexicon", "place", "organization", "cyrillic", "given", "patronymic",
                    "surname"})
"""Roles that rest on a table entry, not only on the shape of the word."""


@dataclass(frozen=True)
class WordInfo:
    """The evidence about one word: its best Cyrillic reading and the role that reading plays."""

    word: str
    role: str
    cyrillic: str | None
    common: bool
    ambiguous_given: bool = False
    gender: str | None = None
    style: str | None = None
    suffix: str = ""
    kind: str = "person"


_cache: BoundedCache[tuple[str, str, bool], WordInfo] = BoundedCache(30_000)
def _read_other_given_names() -> dict[str, bool]:
    found: dict[str, bool] = {}
    for path in table_layer.files(f"{NAMES}/other_given_names.tsv"):
        for row in table_layer.read_tsv(path, ("name",)):
            found[fold_latin(row["name"])] = row.get("also_russian", "no") == "yes"
    return found


_other = Lazy(_read_other_given_names)


def other_given_names() -> dict[str, bool]:
    """Non-Russian given names (folded) → whether the spelling is also a Russian given name."""
    return _other.get()


def zipf(word: str, lang: str) -> float:
    """How common ``word`` is in ``lang`` on wordfreq's Zipf scale (0 for unknown words)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word.lower(), lang, wordlist=WORDLIST))


def is_common(word: str, lang: str) -> bool:
    """Whether ``word`` is a common word of ``lang`` rather than (only) a name.

    Names are about as frequent in English as in German (Putin); words of one language are
    not (Termin, Progress). Very frequent words count as common in any text (Berlin, Film).
    """
    english, german = zipf(word, "en"), zipf(word, "de")
    if max(english, german) >= VERY_COMMON_ZIPF + 0.5:
        return True
    if lang == "en":
        return english >= COMMON_ZIPF and english - german >= 0.8
    if lang == "de":
        return german >= COMMON_ZIPF and german - english >= 0.8
    return max(english, german) >= COMMON_ZIPF and abs(english - german) >= 0.8


def word_info(word: str, lang: str, *, lexicon: bool = True) -> WordInfo:
    """The evidence about ``word`` (one word, as written) in a text in ``lang``."""
    key = (word, lang, lexicon)
    found = _cache.get(key)
    if found is None:
        found = _classify(word, lang, lexicon)
        _cache.put(key, found)
    return found


def lexicon_kind(cyrillic: str) -> str | None:
    """The kind of a lowercase Cyrillic name in the lexicon (None: not listed).

    >>> lexicon_kind("москва")
    'place'
    """
    from translit.names.lexicon import lexicon

    return lexicon().kind(cyrillic)


def _listed_foreign(folded: str) -> bool:
    """Whether the lexicon lists ``folded`` as (the surname of) a name that is not Russian."""
    from translit.names.lexicon import lexicon

    return folded in lexicon().foreign


def _foreign_place(folded: str, lexicon: bool) -> bool:
    """Whether a name that is not Russian is a place (Venedig, Delhi, Kiew), not a person."""
    from translit.names.lexicon import lexicon as known
    from translit.names.places import gazetteer

    if folded in gazetteer().not_russian_places:
        return True
    entry = known().foreign_entry(folded) if lexicon else None
    return entry is not None and entry.kind == "place"


def _cyrillic_info(word: str, lexicon: bool) -> WordInfo:
    from translit.names.data import name_data, patronymic_gender
    from translit.names.places import known_cyrillic

    lower = word.lower()
    if len(word) == 1:  # А, В, И, Я: a word of the sentence, not a name (initials have a point)
        return WordInfo(word, "unknown", None, True)
    if lexicon:
        kind = lexicon_kind(lower)
        if kind is not None:
            return WordInfo(word, "lexicon", lower, False, kind=kind)
        listed = known_cyrillic(lower)
        if listed is not None:  # Москва, Роскосмос: not common words, however frequent
            return WordInfo(word, listed, lower, False, kind=listed)
    data = name_data()
    if lower in data.given or lower in data.variant_of:
        return WordInfo(word, "given", lower, False)
    if patronymic_gender(lower):
        return WordInfo(word, "patronymic", lower, False)
    if lower in data.surnames:
        return WordInfo(word, "surname", lower, False)
    from translit.text.morphology import is_common_word

    if is_common_word(lower):  # Глава, Делегация, Бывший: the dictionary has no name reading
        if lexicon and _listed_organization(word):  # «Зенита», «Известиям», as common words
            return WordInfo(word, "organization", lower, True, kind="organization")
        return WordInfo(word, "cyrillic", lower, True, kind="name")
    if data.surname_ending(lower):
        return WordInfo(word, "surname", lower, False)
    from translit.schemes.sources import word_language

    # how common in its own language: a Ukrainian word by the Ukrainian list (Зустріч, and
    # Одесі too, which only the sentence start keeps apart)
    own = "uk" if word_language(lower) == "uk" else "ru"
    return WordInfo(word, "cyrillic", lower, zipf(word, own) >= COMMON_ZIPF + 1.5,
                    kind="name")


def _listed_organization(word: str) -> bool:
    """Whether ``word`` is an organization of the tables in one of its cases (Зенита: Зенит,
    Известиям: Известия) although it is also a common word."""
    from translit.names.places import known_cyrillic
    from translit.text.listed_forms import listed_form

    form = listed_form((word,))
    return form is not None and (known_cyrillic(form[0].lower()) or
                                 lexicon_kind(form[0].lower())) == "organization"


def _classify(word: str, lang: str, lexicon: bool) -> WordInfo:
    from dataclasses import replace

    from translit.schemes.scheme import has_cyrillic

    if len(word) > LONGEST_NAME_WORD:
        return WordInfo(word, "unknown", None, False)  # no name is this long: no evidence

    if has_cyrillic(word):
        letters = language(SOURCE).name_letters  # Russian, Ukrainian, Belarusian
        if any((c.isalpha() and c not in letters) or c in APOSTROPHES for c in word):
            # Mixed scripts (Roskosmos-ChefЀ, ϽЀ), letters no East Slavic name has (Ѐ, ђ),
            # and apostrophes (Пересильд’Юлия is two glued words): no evidence.
            return WordInfo(word, "unknown", None, False)
        return _cyrillic_info(word, lexicon)
    info = _latin_info(word, lang, lexicon)
    if info.role not in LISTED:
        facts = language(words_language(lang))
        for ending in facts.genitive:  # German genitive: Putins, Kremls
            if len(word) - len(ending) >= facts.genitive_min_base and word.endswith(ending):
                base = _latin_info(word[:-len(ending)], lang, lexicon)
                if base.role in LISTED or base.role == "ending":
                    return replace(base, word=word, suffix=ending)
    return info


def _latin_info(word: str, lang: str, lexicon: bool) -> WordInfo:
    from translit.names.places import known_name, not_russian

    folded = fold_latin(word)
    common = is_common(word, lang)
    if not_russian(folded) or (lexicon and _listed_foreign(folded)):
        return WordInfo(word, "not_russian", None, common,
                        kind="place" if _foreign_place(folded, lexicon) else "person")
    if len(word) < 3 and word.isupper():
        return WordInfo(word, "word", None, common)  # OB, UN: abbreviations, not the Ob
    if lexicon:
        from translit.names.lexicon import lexicon as known

        found = known().by_latin.get(folded)
        if found is not None and " " not in found[0].strip():
            cyrillic = found[0].lower()
            return WordInfo(word, "lexicon", cyrillic, common,
                            kind=lexicon_kind(cyrillic) or "name")
        listed = known_name(folded)
        if listed is not None:
            return WordInfo(word, listed[1], listed[0], common, kind=listed[1])
        surname = known().surnames.get(folded)
        if surname is not None:  # Dostoevsky, of Fyodor Dostoevsky
            from translit.names.data import name_data

            cyrillic = surname.lower()
            return WordInfo(word, "surname", cyrillic, common, False,
                            name_data().surname_gender(cyrillic))
    others = other_given_names()
    also_russian = others.get(folded)
    info = _reading_info(word, lang, common, also_russian is True, lexicon)
    if info.role == "unknown" and "-" in word:
        return _hyphenated_info(word, lang, lexicon) or info
    if also_russian is False:
        # Another given name (Ernst, Tom); its reading is kept for when it stands as a surname.
        surname = info.cyrillic if info.role == "surname" else None
        return WordInfo(word, "other_given", surname, common)
    return info


def _hyphenated_info(word: str, lang: str, lexicon: bool) -> WordInfo | None:
    """A double surname the whole word does not read as, read part by part: every part a
    capitalized name-like word and no common word, the last a surname (Kud-Sverchkov →
    куд-сверчков, Rimski-Korsakow); None if it is not one.

    >>> _hyphenated_info("Kud-Sverchkov", "en", True).cyrillic
    'куд-сверчков'
    """
    parts = word.split("-")
    if len(parts) > 3 or any(len(part) < 2 or not part[0].isupper() for part in parts):
        return None
    infos = [_latin_info(part, lang, lexicon) for part in parts]
    if any(i.cyrillic is None or i.common or i.role not in _PART_ROLES for i in infos):
        return None
    last = infos[-1]
    if last.role not in ("surname", "ending"):
        return None
    cyrillic = "-".join(i.cyrillic for i in infos if i.cyrillic is not None)
    return WordInfo(word, "ending", cyrillic, False, False, last.gender, last.style)


_PART_ROLES = frozenset({"surname", "ending", "fits"})
"""What a part of a double surname may be by itself (Kud is no listed word, only a reading)."""


def _reading_info(word: str, lang: str, common: bool, ambiguous: bool,
                  lexicon: bool) -> WordInfo:
    from translit.names.data import name_data, patronymic_gender
    from translit.names.reverse import word_readings
    from translit.names.style import plausible_styles

    styles = plausible_styles(word)
    every = word_readings(word, styles, lexicon=lexicon)[:4]
    readings = [r for r in every if r.fits]
    data = name_data()
    style = styles[0] if styles else None
    if not readings or readings[0].cyrillic not in data.given:
        # A given name's common spelling that no scheme writes (Yury, Evgenia, Herman): the
        # given names are a closed list, so a good reading among them is enough.
        for reading in every:
            entry = data.given.get(reading.cyrillic)
            if entry is not None and not reading.fits and not common:
                return WordInfo(word, "given", reading.cyrillic, common, ambiguous,
                                entry.gender, style)
    if not readings:
        best = every[0].cyrillic if every else ""
        if best and data.surname_ending(best) and _shaped_surname(word, best, lang, common):
            # A surname spelled by a convention no scheme writes (Alexandrowski, x for кс)
            return WordInfo(word, "ending", best, common, False, data.surname_gender(best),
                            style)
        return WordInfo(word, "word" if common else "unknown", None, common)
    for reading in readings:
        cyrillic = reading.cyrillic
        entry = data.given.get(cyrillic)
        if entry is not None or cyrillic in data.variant_of:
            gender = entry.gender if entry else None
            return WordInfo(word, "given", cyrillic, common, ambiguous, gender, style)
        gender = patronymic_gender(cyrillic)
        if gender is not None and cyrillic in data.patronymics:
            return WordInfo(word, "patronymic", cyrillic, common, False, gender, style)
    for reading in readings:
        if reading.cyrillic in data.surnames:
            return WordInfo(word, "surname", reading.cyrillic, common, False,
                            data.surname_gender(reading.cyrillic), style)
    from translit.names.places import known_cyrillic

    for reading in readings:
        listed = known_cyrillic(reading.cyrillic)
        if listed is not None:
            return WordInfo(word, listed, reading.cyrillic, common, kind=listed, style=style)
    shaped = [r.cyrillic for r in readings if data.surname_ending(r.cyrillic)]
    best = max(shaped, key=_letter_score) if shaped else readings[0].cyrillic
    if shaped and _shaped_surname(word, best, lang, common=False):
        return WordInfo(word, "ending", best, common, False, data.surname_gender(best), style)
    return WordInfo(word, "fits", best, common, False, None, style)


def _shaped_surname(word: str, cyrillic: str, lang: str, common: bool) -> bool:
    """Whether ``word``, read as ``cyrillic`` with a surname ending, is a surname by its
    shape: a Russian-looking reading of no common word, no noun and no word of the language."""
    return not common and plausible(cyrillic) and not _noun(word, lang) and \
        zipf(word, words_language(lang)) == 0.0


def _letter_score(cyrillic: str) -> float:
    from translit.names.spelling import letter_model

    return letter_model().logprob(cyrillic) / (len(cyrillic) + 1)


def plausible(cyrillic: str) -> bool:
    """Whether a reading looks Russian by its letters (the letter model's mean log-probability).

    >>> plausible("семак"), plausible("бриефлый")
    (True, False)
    """
    return _letter_score(cyrillic) >= PLAUSIBLE_LOGPROB


def _noun(word: str, lang: str) -> bool:
    """A noun, not a surname, in a language that capitalizes nouns (German): a feminine of a
    common noun (Ministerin), or a compound ending in a common noun (Primaballerina,
    Staatskonzern); the endings and lengths are those of ``[nouns]`` of its language table.

    >>> _noun("Ministerin", "de"), _noun("Ministerin", "en"), _noun("Gagarin", "de")
    (True, False, False)
    """
    nouns = words_language(lang)
    facts = language(nouns)
    for ending in facts.feminine_endings:
        if word.endswith(ending) and zipf(word[:-len(ending)], nouns) > 0.0:
            return True
    if not facts.compound_last:
        return False
    lower = word.lower()
    return any(zipf(lower[start:], nouns) > 0.0
               for start in range(facts.compound_first, len(lower) - facts.compound_last + 1))
