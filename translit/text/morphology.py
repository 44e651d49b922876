"""Dictionary forms of Russian names written in Cyrillic (pymorphy3 with OpenCorpora's
dictionaries, loaded on first use), and of Ukrainian ones by the Ukrainian dictionary where
their letters tell them apart (Києві → Київ, Зеленського → Зеленський).

A name's words are read together: the case, number and gender that most of them agree on
decide the reading of each (Марией Захаровой is feminine instrumental, so Захарова, not the
masculine Захаров), and each word is put into the nominative singular with the name's gender
kept; a word with no reading in that case (Пересильд, Шойгу, Сочи) stays as written. The
dictionary's ё comes back where newspapers write е (Горбачева → Горбачёв).

>>> dictionary_form("Сергеем Лавровым"), dictionary_form("Марией Захаровой")
('Сергей Лавров', 'Мария Захарова')
>>> dictionary_form("Москве"), dictionary_form("Ростове-на-Дону")
('Москва', 'Ростов-на-Дону')
>>> dictionary_form("Эммануэлем Макроном"), dictionary_form("Олафом Шольцем")
('Эммануэль Макрон', 'Олаф Шольцем')
>>> dictionary_form("Юлией Пересильд"), dictionary_form("Горбачеву"), dictionary_form("Горбачев")
('Юлия Пересильд', 'Горбачёв', 'Горбачёв')
>>> dictionary_form("Наина Ельцина"), dictionary_form("Юрия Седых")
('Наина Ельцина', 'Юрий Седых')
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from translit import caching
from translit.schemes.scheme import has_cyrillic

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_CASE_OF = {"gen1": "gent", "gen2": "gent", "acc2": "accs", "loc1": "loct", "loc2": "loct",
            "voct": "nomn"}
_NAME_TAGS = ("Name", "Surn", "Patr", "Geox", "Orgn")
FIXED_SURNAME_ENDINGS = ("ых", "их")
"""Endings of surnames that never decline (Седых, Долгих, Черных): as a name's word they agree
with any case, whatever plural adjective the dictionary reads in them."""
_NAME_BONUS = 0.5  # a reading the dictionary marks as a name or place outweighs a common word
_PERSON_TAGS = ("Name", "Surn", "Patr")
_PERSON_BONUS = 0.5  # a reading in which every word is a part of a person's name (Наина Ельцина)


@lru_cache(maxsize=4)
def _analyzer(lang: str = "ru") -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


DICTIONARIES = ("ru", "uk")
"""The languages pymorphy3 has dictionaries of here (pymorphy3-dicts-ru, pymorphy3-dicts-uk);
a Belarusian word is read with the Russian one."""


@lru_cache(maxsize=16384)
def _parses(word: str, lang: str | None = None) -> tuple[Any, ...]:
    """Every reading the dictionary of ``lang`` gives ``word`` (lowercase); without ``lang``,
    the Ukrainian dictionary's for a word the letters make Ukrainian (Зеленського,
    :mod:`translit.schemes.sources`), the Russian one's otherwise."""
    if lang is None:
        from translit.schemes.sources import word_language

        lang = word_language(word)
    return tuple(_analyzer(lang if lang in DICTIONARIES else "ru").parse(word))


def _name_language(words: Sequence[str]) -> str | None:
    """The dictionary all the words of one name are read with: Ukrainian when one of them is
    Ukrainian by its letters (Віталієм Кличком), else each word's own (None)."""
    from translit.schemes.sources import text_language

    return "uk" if text_language(" ".join(words)) == "uk" else None


@lru_cache(maxsize=16384)
def _readings(word: str, lang: str | None = None) -> tuple[Any, ...]:
    """The noun and adjective readings of ``word`` (a guessed reading of an unknown word only
    in the singular); only its dictionary readings as a name or place where it has any
    (Песков is the surname, not the genitive plural of песок)."""
    found = tuple(p for p in _parses(word.lower(), lang) if p.tag.POS in ("NOUN", "ADJF", "PRTF")
                  and (p.is_known or p.tag.number != "plur"))  # a guessed plural: Шкаплеров
    named = tuple(p for p in found if p.is_known and (
        any(_tagged(p.tag, t) for t in _NAME_TAGS) or _place_like(p)))
    return named or found


UNTAGGED_PLACES = ("uk",)
"""Dictionaries whose places carry no Geox tag: there a known inanimate noun may be the place
(Львові: Львів, not the given name Лев)."""
_PLACE_BONUS = 0.6  # above a given name's: a capitalized inanimate noun in Ukrainian is a place


def _place_like(parse: Any) -> bool:
    """A known inanimate noun of a dictionary without place tags (:data:`UNTAGGED_PLACES`)."""
    return parse.tag.POS == "NOUN" and _tagged(parse.tag, "inan") and \
        getattr(parse.methods_stack[0][0].dict, "lang", "ru") in UNTAGGED_PLACES


def _tagged(tag: Any, grammeme: str) -> bool:
    """Whether a reading's tag has ``grammeme``; False for one the dictionary's tag set lacks
    (the Ukrainian dictionary has no Geox or Orgn)."""
    return grammeme in tag.grammemes


def _case(parse: Any) -> str | None:
    case = parse.tag.case
    return _CASE_OF.get(case, case) if case is not None else None


def _weight(parse: Any) -> float:
    tag = parse.tag
    listed = _LISTED_BONUS if parse.is_known and _listed_lemma(str(parse.normal_form)) else 0.0
    if any(_tagged(tag, t) for t in _NAME_TAGS):
        return float(parse.score) + _NAME_BONUS + listed
    return float(parse.score) + listed + (
        _PLACE_BONUS if parse.is_known and _place_like(parse) else 0.0)


_LISTED_BONUS = 0.3  # a reading whose dictionary form the tables list (Києві: Київ, not Кий)


@lru_cache(maxsize=16384)
def _listed_lemma(lemma: str) -> bool:
    """Whether the lexicon or the places and organizations tables list ``lemma`` (lowercase)."""
    from translit.names.lexicon import lexicon
    from translit.names.places import known_cyrillic

    return lexicon().kind(lemma) is not None or known_cyrillic(lemma) is not None


def _agrees(parse: Any, case: str, number: str, gender: str) -> bool:
    tag = parse.tag
    if _case(parse) != case or (tag.number is not None and tag.number != number):
        return False
    return number == "plur" or tag.gender is None or _tagged(tag, gender) \
        or _tagged(tag, "ms-f") or _tagged(tag, "Fixd")


def _reading(words: list[str], lang: str | None = None) -> tuple[str, str, str] | None:
    """The case, number and gender most of ``words`` agree on (by weight)."""
    best: tuple[int, float, tuple[str, str, str]] | None = None
    for case in _CASES:
        for number in ("sing", "plur"):
            for gender in ("masc", "femn", "neut"):
                total, agreeing, people = 0.0, 0, 0
                for word in words:
                    found = [p for p in _readings(word, lang) if _agrees(p, case, number, gender)]
                    top = max(found, key=_weight) if found else None
                    weight = _weight(top) if top is not None else 0.0
                    total += weight
                    agreeing += weight > 0
                    people += top is not None and any(_tagged(top.tag, t) for t in _PERSON_TAGS)
                if len(words) > 1 and people == len(words):
                    total += _PERSON_BONUS  # Наина Ельцина: a given name and a surname, not Наин
                if total > 0 and (best is None or agreeing > best[0] or (
                        agreeing == best[0] and total > best[1] + 1e-9)):
                    best = (agreeing, total, (case, number, gender))  # Балтийском море: neut
    return None if best is None else best[2]


def _nominative(parse: Any, number: str, gender: str) -> str | None:
    tag = parse.tag
    if _tagged(tag, "Fixd"):
        return None
    plural_only = _tagged(tag, "Pltm") and not _tagged(tag, "Surn")
    wanted = {"nomn"} if plural_only else {"nomn", "sing"}
    if tag.POS in ("ADJF", "PRTF"):  # adjectival surnames: Навальной, Непомнящему
        wanted.add(gender if gender != "neut" or number == "sing" else "masc")
    form = parse.inflect(wanted)
    if form is None and tag.number is None:  # the Ukrainian dictionary's names have no number
        form = parse.inflect(wanted - {"sing"})
    if form is None and tag.POS == "NOUN" and _tagged(tag, "Surn"):
        return str(parse.normal_form)  # a family in the plural: Горбачёвых → горбачёв
    return None if form is None else str(form.word)


def _cased_like(lemma: str, written: str) -> str:
    if written.isupper() and len(written) > 1:
        return lemma.upper()
    pieces = lemma.split("-")
    written_pieces = written.split("-")
    if len(pieces) == len(written_pieces):
        return "-".join(p[:1].upper() + p[1:] if w[:1].isupper() else p
                        for p, w in zip(pieces, written_pieces, strict=True))
    return lemma[:1].upper() + lemma[1:] if written[:1].isupper() else lemma


@lru_cache(maxsize=16384)
def dictionary_forms(words: tuple[str, ...], source: str | None = None) -> tuple[str, ...]:
    """The dictionary form of each word of one name, cased as written (see the module);
    ``source`` is the document's language when it is not Russian (uk: Харкова → Харків)."""
    lang = _name_language(words) or (source if source in DICTIONARIES else None)
    reading = _reading([word for word in words if not word.endswith(".")], lang)  # not initials
    if reading is None:
        return words
    case, number, gender = reading
    out: list[str] = []
    for word in words:
        agreeing = [p for p in _readings(word, lang) if _agrees(p, case, number, gender)]
        if not agreeing or word.endswith(".") or _fixed_surname(word, agreeing):
            out.append(word)
            continue
        best = max(agreeing, key=_weight)
        lemma = _nominative(best, number, gender)
        if lemma is not None and "ё" in lemma and "ё" not in word.lower() \
                and not any(_tagged(best.tag, t) for t in _NAME_TAGS):
            lemma = lemma.replace("ё", "е")  # ё comes back in names only (Кундера, not Кундёра)
        if lemma is None or ((case, number) == ("nomn", "sing") and \
                lemma.replace("ё", "е") != word.lower().replace("ё", "е")):
            out.append(word)  # indeclinable, or already the nominative: only ё comes back
            continue
        if not _plausible(lemma, word.lower(), lang):
            out.append(word)  # a guessed fleeting vowel (Шольцем → шолец): keep the word
            continue
        out.append(_cased_like(lemma, word))
    return tuple(out)


def _fixed_surname(word: str, readings: list[Any]) -> bool:
    """A name's word in -ых or -их that the dictionary reads only as a plural adjective: a
    surname that does not decline (Седых, Долгих), kept as written."""
    return word.lower().endswith(FIXED_SURNAME_ENDINGS) and not any(
        _tagged(p.tag, t) for p in readings for t in _PERSON_TAGS)


def _plausible(lemma: str, word: str, lang: str | None = None) -> bool:
    """Whether ``lemma`` keeps the stem of ``word`` (all but its last letter, or its last two
    when it ends in a vowel, й or ь), as a guessed reading must."""
    lemma, word = lemma.replace("ё", "е"), word.replace("ё", "е")
    if lemma in _dictionary_lemmas(word, lang):
        return True
    keep = len(lemma) - (2 if lemma[-1:] in "аеиоуыэюяйь" else 1)
    return word.startswith(lemma[:max(keep, 1)])


@lru_cache(maxsize=16384)
def _dictionary_lemmas(word: str, lang: str | None = None) -> frozenset[str]:
    return frozenset(str(p.normal_form).replace("ё", "е") for p in _readings(word, lang)
                     if p.is_known)


class _TableDependent:
    """An ``lru_cache`` whose results rest on the tables (through :func:`_listed_lemma`):
    emptied with every other table cache (:mod:`translit.caching`)."""

    def __init__(self, cached: Any) -> None:
        self.cached = cached

    def clear(self) -> None:
        self.cached.cache_clear()


for _cached in (dictionary_forms, _listed_lemma):
    caching.tracked(_TableDependent(_cached))


def dictionary_form(name: str) -> str:
    """The dictionary form of a name written in Cyrillic (words split on spaces)."""
    return " ".join(dictionary_forms(tuple(name.split())))


def is_place(words: tuple[str, ...]) -> bool:
    """Whether the dictionary reads the last word of ``words`` as a place (Geox).

    >>> is_place(("Москве",)), is_place(("Лавровым",))
    (True, False)
    """
    return _last_word_tagged(words, "Geox")


def is_organization(words: tuple[str, ...]) -> bool:
    """Whether the dictionary reads the last word of ``words`` as an organization (Orgn).

    >>> is_organization(("Госдумы",)), is_organization(("Москве",))
    (True, False)
    """
    return _last_word_tagged(words, "Orgn")


def _last_word_tagged(words: tuple[str, ...], tag: str) -> bool:
    readings = _readings(words[-1]) if words else ()
    return bool(readings) and _tagged(max(readings, key=_weight).tag, tag)


def is_person(words: tuple[str, ...]) -> bool:
    """Whether the dictionary reads a word of ``words`` as a given name, patronymic or surname.

    >>> is_person(("Марией", "Захаровой")), is_person(("Кремле",))
    (True, False)
    """
    for word in words:
        readings = _readings(word)
        best = max(readings, key=_weight) if readings else None
        if best is not None and any(_tagged(best.tag, t) for t in ("Name", "Surn", "Patr")):
            return True
    return False


def name_tags(word: str) -> frozenset[str]:
    """The name tags (Name, Patr, Surn) of the dictionary's own readings of ``word``.

    >>> sorted(name_tags("Валентиной")), sorted(name_tags("Сбербанка"))
    (['Name'], [])
    """
    return frozenset(t for p in _parses(word.lower()) if p.is_known
                     for t in ("Name", "Patr", "Surn") if _tagged(p.tag, t))


def is_common_word(word: str) -> bool:
    """Whether the dictionary knows ``word`` only as a common word, never as a name, place or
    organization (Глава, Делегация, Бывший; not Песков, Москва, Толстой).

    A hyphenated word the dictionary does not know is common if every part is (Дом-музей,
    Концерт-открытие; not Римский-Корсаков).

    >>> is_common_word("Делегация"), is_common_word("Песков"), is_common_word("Шкаплеров")
    (True, False, False)
    >>> is_common_word("Дом-музей"), is_common_word("Римский-Корсаков")
    (True, False)
    """
    parses = _parses(word.lower())
    if "-" in word.strip("-") and not any(p.is_known for p in parses):
        return all(is_common_word(part) for part in word.split("-") if part)
    return bool(parses) and all(p.is_known for p in parses) and \
        not any(_tagged(p.tag, t) for p in parses for t in (*_NAME_TAGS, "Abbr")) and \
        not any(_place_like(p) for p in parses)  # Одесі: a Ukrainian place has no tag


def name_starts(words: tuple[str, ...]) -> tuple[int, ...]:
    """Where a new name begins among adjacent capitalized Cyrillic ``words``: at a word whose
    case and number agree with none the words before it allow (вдова Навального | Юлия
    Навальная; мэр Москвы | Сергей Собянин). Words the dictionary does not know, initials and
    indeclinable words agree with any.

    >>> name_starts(("Навального", "Юлия", "Навальная")), name_starts(("Сергеем", "Лавровым"))
    ((1,), ())
    """
    starts: list[int] = []
    allowed: set[tuple[str, str]] | None = None
    for index in range(len(words) - 1, -1, -1):  # from the end: the name a genitive precedes
        forms = _forms(words[index])
        if forms is None:
            continue
        if allowed is not None and not allowed & forms:
            starts.append(index + 1)
            allowed = set(forms)
        else:
            allowed = set(forms) if allowed is None else allowed & forms
    return tuple(reversed(starts))


@lru_cache(maxsize=16384)
def _forms(word: str) -> frozenset[tuple[str, str]] | None:
    """The (case, number) pairs the dictionary allows ``word``; None for any."""
    if word.endswith(".") or not has_cyrillic(word):
        return None
    readings = [p for p in _parses(word.lower()) if p.tag.POS in ("NOUN", "ADJF", "PRTF")]
    if not readings or not all(p.is_known for p in readings) or \
            any(_tagged(p.tag, "Fixd") for p in readings):
        return None
    if word.lower().endswith(FIXED_SURNAME_ENDINGS) and \
            not any(_tagged(p.tag, "Surn") or _tagged(p.tag, "Name") for p in readings):
        return None  # Седых, Долгих: a surname that does not decline, not the adjective
    return frozenset((str(_case(p)), str(p.tag.number)) for p in readings)


def is_common_noun(word: str) -> bool:
    """Whether ``word`` is a common word other than an adjective by the dictionary
    (Губернатор, Мэр, Глава, Вчера), which before a name is a title, role or word of the
    sentence, not part of the name; adjectives (Красной площади) are not.

    >>> is_common_noun("Губернатор"), is_common_noun("Красной"), is_common_noun("Москвы")
    (True, False, False)
    """
    return is_common_word(word) and _parses(word.lower())[0].tag.POS not in ("ADJF", "PRTF")

