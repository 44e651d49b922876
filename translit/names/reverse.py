"""Back to Cyrillic from any Latin spelling: ranked candidates for a whole name.

Each word is read back under the schemes its spelling may follow (:mod:`translit.names.style`,
:mod:`translit.names.search`), and the readings are ranked with four signals:

1. whether the reading maps forward to the input under the source scheme (or another one);
2. Russian spelling (the letter model and rules of :mod:`translit.names.spelling`);
3. the name tables: given names, patronymics, surnames by frequency, surname endings;
4. the other words of the name: the gender of the given name, patronymic and surname agree.

>>> [c.text for c in to_cyrillic("Anton Schkaplerow", n=2)][:1]
['Антон Шкаплеров']
>>> to_cyrillic("Nowizki", n=1)[0].text
'Новицкий'
"""

from __future__ import annotations

import math
import threading
import unicodedata
from dataclasses import dataclass
from itertools import product

from translit import caching
from translit.errors import TranslitError
from translit.names.data import name_data, patronymic_gender
from translit.names.inversion import fold_latin
from translit.names.parts import Token, tokenize, unit_roles
from translit.names.search import search_word
from translit.names.style import plausible_styles
from translit.schemes.inverse import has_exact_inverse, invert
from translit.schemes.languages import word_letters
from translit.schemes.registry import get_scheme, russian_scheme_ids
from translit.schemes.scheme import has_cyrillic

FIT_SOURCE = 6.0
FIT_OTHER = 3.0
FIT_STEP = 1.5
ENDING_BONUS = 1.0
LEXICON_BONUS = 14.0
PLACE_BONUS = 6.0
"""For a reading that is a place or organization of the name tables, as it is written in
Cyrillic (the Latin spelling at hand may be one the tables do not list)."""
GENDER_AGREE = 1.0
GENDER_CLASH = 4.0
PER_WORD = 8
COMBINATIONS = 4096
TEMPERATURE = 3.0


@dataclass(frozen=True)
class Candidate:
    """A Cyrillic reading of a Latin name: text, score in (0, 1], and the schemes it fits."""

    text: str
    score: float
    schemes: tuple[str, ...]


@dataclass(frozen=True)
class Reading:
    """One reading of one word, before the name-level ranking."""

    cyrillic: str
    score: float
    fits: frozenset[str]


def forward_fits(cyrillic: str, latin: str, schemes: list[str]) -> frozenset[str]:
    """The schemes (of ``schemes``) whose spelling of the lowercase ``cyrillic`` is ``latin``."""
    return frozenset(s for s in schemes
                     if fold_latin(get_scheme(s).engine.word(cyrillic)) == latin)


def word_readings(word: str, styles: list[str], *, exact: bool = False,
                  lexicon: bool = True) -> list[Reading]:
    """Readings of one Latin word under ``styles`` (the first is the source), best first."""
    latin = fold_latin(word)
    key = (latin, tuple(styles), exact, lexicon)
    found = _cache.get(key)
    if found is not None:
        return found
    # Callers look at the first PER_WORD readings at most: keep no more (memory).
    found = _readings(latin, styles, exact=exact, lexicon=lexicon)[:PER_WORD]
    with _lock:
        if len(_cache) > 10_000:
            _cache.clear()
        _cache[key] = found
    return found


def _readings(latin: str, styles: list[str], *, exact: bool, lexicon: bool) -> list[Reading]:
    scores: dict[str, float] = {}
    letters = word_letters()
    for style in styles:
        for cyrillic, score in search_word(latin, style):
            # Russian letters only: a table that also writes Ukrainian (ICAO: і, ї, є as i, ie)
            # would read Birobidzhan back as Биробіджан
            if score > scores.get(cyrillic, -math.inf) and letters.issuperset(cyrillic):
                scores[cyrillic] = score
    if lexicon:
        from translit.names.lexicon import lexicon as known
        from translit.names.places import known_name

        found = known().words.get(latin) or known().by_latin.get(latin, ("",))[0] or \
            (known_name(latin) or ("",))[0]
        if found and " " not in found:
            base = max(scores.values(), default=0.0)
            scores[found.lower()] = max(scores.get(found.lower(), -math.inf), base) + \
                LEXICON_BONUS
        from translit.names.places import known_cyrillic

        for cyrillic in scores:
            if known_cyrillic(cyrillic) is not None:  # Chatanga: Хатанга, a listed place
                scores[cyrillic] += PLACE_BONUS
    every = list(russian_scheme_ids())
    out = []
    for cyrillic, score in scores.items():
        fits = forward_fits(cyrillic, latin, every)
        ranks = [i for i, style in enumerate(styles) if style in fits]
        if ranks and (not exact or ranks[0] == 0):
            score += FIT_SOURCE - FIT_STEP * ranks[0]
        elif fits:
            score += FIT_OTHER if not exact else -FIT_SOURCE
        elif exact:
            score -= FIT_SOURCE
        out.append(Reading(cyrillic, score, fits))
    out.sort(key=lambda r: -r.score)
    return out


_cache: dict[tuple[str, tuple[str, ...], bool, bool], list[Reading]] = caching.tracked({})
_lock = threading.Lock()


def role_score(cyrillic: str, role: str) -> tuple[float, str | None]:
    """What the name tables say of ``cyrillic`` in a role: (log bonus, gender or None)."""
    data = name_data()
    options: list[tuple[float, str | None]] = [(0.0, None)]
    if role in ("given", "any"):
        entry = data.given.get(cyrillic)
        if entry is not None:
            options.append((4.0 + 0.6 * (5 - entry.frequency), entry.gender))
        elif cyrillic in data.variant_of:
            options.append((2.5, data.given[data.variant_of[cyrillic][0]].gender))
    if role in ("surname", "any"):
        known = data.surnames.get(cyrillic)
        gender = data.surname_gender(cyrillic)
        if known is not None:
            rank = known[0]
            options.append((3.0 + 2.0 / (1.0 + math.log10(rank)), gender))
        else:
            ending = data.surname_ending(cyrillic)
            if ending is not None:
                options.append((ENDING_BONUS * data.ending_weights.get(ending, 0.5), gender))
    if role in ("patronymic", "any"):
        gender = patronymic_gender(cyrillic)
        if gender is not None:
            listed = cyrillic in data.patronymics
            options.append((4.0 if listed else 2.0, gender))
    return max(options, key=lambda item: item[0])


def _restore_case(cyrillic: str, latin: str) -> str:
    letters = [c for c in latin if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return cyrillic.upper()
    if letters and letters[0].isupper():
        return cyrillic[:1].upper() + cyrillic[1:]
    return cyrillic


Option = tuple[str, float, frozenset[str] | None, str | None]


def _word_options(token: Token, role: str, styles: list[str], exact: bool,
                  lexicon: bool) -> list[Option]:
    if has_cyrillic(token.text) or (not token.text.isascii() and not any(
            c.isalpha() for c in token.text)):
        return [(token.text, 0.0, None, None)]
    if not exact:
        # The word's own styles after the name's: a name detected as scholarly from one word
        # (the x of Alexey) still reads its other words in their own style (Navalny: en).
        own = [s for s in plausible_styles(token.text) if s not in styles]
        styles = styles + own if own else styles
    options: list[Option] = []
    for reading in word_readings(token.text, styles, exact=exact, lexicon=lexicon)[:PER_WORD]:
        bonus, gender = role_score(reading.cyrillic, role) if len(reading.cyrillic) > 1 \
            else (0.0, None)
        options.append((_restore_case(reading.cyrillic, token.text), reading.score + bonus,
                        reading.fits, gender))
    return options or [(token.text, -50.0, frozenset(), None)]


def _gender_term(genders: list[str | None]) -> float:
    known = [g for g in genders if g in ("m", "f")]
    if not known:
        return 0.0
    if all(g == known[0] for g in known):
        return GENDER_AGREE * (len(known) - 1)
    return -GENDER_CLASH


def exact_reading(name: str, source: str) -> str | None:
    """The Cyrillic of ``name`` when ``source`` is a scheme with an exact inverse (``iso9``,
    :mod:`translit.schemes.inverse`): the one reading, not a ranked guess; else None.

    >>> exact_reading("OBʺËM Mèr", "iso9"), exact_reading("Mer", "en")
    ('ОБЪЁМ Мэр', None)
    """
    if source in ("auto", "cyrillic"):
        return None
    scheme = get_scheme(source)
    return invert(scheme, name) if has_exact_inverse(scheme) else None


def to_cyrillic(name: str, source: str = "auto", n: int = 5, *,
                lexicon: bool = True) -> list[Candidate]:
    """Ranked Cyrillic candidates for a name written in any Latin scheme.

    ``source`` is a scheme id, or ``auto`` to tell the style from the spelling (per name).
    Each candidate has a score in (0, 1] (the scores of all candidates sum to at most 1) and
    the schemes whose spelling of it is exactly ``name``. A source with an exact inverse
    (``iso9``) gives one candidate, its exact reading (:func:`exact_reading`).

    >>> best = to_cyrillic("Julija Peressild")[0]
    >>> best.text, "de" in best.schemes
    ('Юлия Пересильд', True)
    """
    if n < 1:
        raise TranslitError(f"n must be at least 1, not {n}")
    tokens = tokenize(name)
    if not any(t.is_word for t in tokens):
        return [Candidate(name, 1.0, ())]
    reading = exact_reading(name, source)
    if reading is not None:
        scheme = get_scheme(source)
        fits = scheme.transliterate(reading) == unicodedata.normalize("NFC", name)
        return [Candidate(reading, 1.0, (scheme.id,) if fits else ())]
    if lexicon:
        from translit.names.lexicon import lexicon as known

        whole = known().by_latin.get(fold_latin(name.strip()))
        if whole is not None:
            return _first(whole[0], (whole[1],), name, source, n)
        place = _known_place(name)
        if place is not None:  # Sotschi, Nischni Nowgorod: the places and organizations tables
            schemes = forward_fits(place.lower(), fold_latin(name.strip()),
                                   list(russian_scheme_ids()))
            return _first(place, tuple(sorted(schemes)), name, source, n)
    latin_words = " ".join(t.text for t in tokens if t.is_word and not has_cyrillic(t.text))
    if source == "auto":
        styles = plausible_styles(latin_words) if latin_words else []
        exact = False
    else:
        get_scheme(source)
        styles, exact = [source], True
    return _rank(tokens, styles, n, exact, lexicon)


KNOWN_SHARE = 0.9
"""The score of a reading the lexicon or the places tables give for the whole name."""


def _first(known: str, schemes: tuple[str, ...], name: str, source: str,
           n: int) -> list[Candidate]:
    """A known reading first, then the rules' other readings with the rest of the score."""
    rest = [c for c in to_cyrillic(name, source, n, lexicon=False)
            if c.text.lower() != known.lower()]
    return [Candidate(known, KNOWN_SHARE, schemes),
            *[Candidate(c.text, c.score * (1 - KNOWN_SHARE), c.schemes) for c in rest]][:n]


def _known_place(name: str) -> str | None:
    """The Cyrillic of a place or organization the name tables list under this spelling."""
    from translit.names.places import known_name, written_form

    found = known_name(fold_latin(name.strip()))
    return written_form(found[0]) if found is not None else None


def _rank(tokens: list[Token], styles: list[str], n: int, exact: bool,
          lexicon: bool) -> list[Candidate]:
    best: list[tuple[float, list[str], frozenset[str] | None]] = []
    for roles, order_cost in unit_roles(tokens):
        separator: Option
        per_word: list[list[Option]] = []
        for index, token in enumerate(tokens):
            if token.is_word:
                per_word.append(_word_options(token, roles[index], styles, exact, lexicon))
            else:
                separator = (token.text, 0.0, None, None)
                per_word.append([separator])
        for combo in _combinations(per_word):
            score = sum(o[1] for o in combo) - order_cost
            score += _gender_term([o[3] for o in combo])
            fits: frozenset[str] | None = None
            for option in combo:
                if option[2] is not None:
                    fits = option[2] if fits is None else fits & option[2]
            best.append((score, [o[0] for o in combo], fits))
    merged: dict[str, tuple[float, frozenset[str] | None]] = {}
    for score, parts, fits in best:
        text = "".join(parts)
        if text not in merged or merged[text][0] < score:
            merged[text] = (score, fits)
    ranked = sorted(merged.items(), key=lambda item: -item[1][0])
    top = ranked[0][1][0]
    weights = [math.exp((s - top) / TEMPERATURE) for _, (s, _) in ranked]
    total = sum(weights)
    return [Candidate(text, round(w / total, 6), tuple(sorted(fits or ())))
            for (text, (_, fits)), w in zip(ranked[:n], weights[:n], strict=True)]


def _combinations(per_word: list[list[Option]]) -> list[tuple[Option, ...]]:
    """The combinations of readings worth scoring: all of the few best per word."""
    sizes = [len(options) for options in per_word]
    limit = PER_WORD
    # At most COMBINATIONS: fewer readings per word as the name grows (a name of twenty words
    # would otherwise be 4**20 combinations).
    while limit > 1 and math.prod(min(size, limit) for size in sizes) > COMBINATIONS:
        limit -= 1
    trimmed = [options[:limit] for options in per_word]
    return list(product(*trimmed))


def clear_cache() -> None:
    """Forget cached readings (after tables change)."""
    with _lock:
        _cache.clear()
