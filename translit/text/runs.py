"""Runs of capitalized words in running text, and the evidence of each word, cached per run.

A run is capitalized words (and initials) that stand next to each other, separated only by a
space or a line break. Its shape, the words with their evidence, offsets from the run's start,
known names of several words joined into one unit, depends only on the run's text, the
language and the tables, so it is worked out once per distinct run and kept (bounded).
A shape also says whether it can matter at all: most runs (``The``, ``Wednesday``, ``NASA``)
carry no name evidence and are skipped without further work.

>>> [[w.text for w in s.units] for s in run_shapes("Yulia Peresild's", "en", True)]
[['Yulia', 'Peresild']]
"""

from __future__ import annotations

import threading
from itertools import pairwise
from typing import Any, NamedTuple

from translit import caching
from translit.names.declension import with_declined
from translit.names.inversion import fold_latin
from translit.names.lexicon import lexicon as known_names
from translit.names.places import gazetteer, known_name, not_russian
from translit.schemes.languages import possessives
from translit.schemes.scheme import has_cyrillic
from translit.text.evidence import LISTED, WordInfo, lexicon_kind, word_info

GAPS = frozenset({" ", "\n", "\u00a0", " \n", "\n "})
"""What may stand between two words of one name (a line may wrap inside a name)."""
_TOKEN = (r"(?:\p{Lu}\p{Ll}?\.(?=\s?\p{Lu})"
          r"|\p{Lu}[\p{L}\p{M}ʹʺ]*(?:['’]\p{L}[\p{L}\p{M}]+)*"
          r"(?:-\p{L}[\p{L}\p{M}ʹʺ]*)*{possessive})")
"""A word or an initial; ``{possessive}`` is where :func:`possessive_pattern` goes."""
_pattern: list[Any] = caching.tracked([])
_lock = threading.Lock()
MAX_RUN_WORDS = 32
"""Words a run holds at most; a longer stretch of capitalized words (an ALL-CAPS paragraph,
hostile input) is read as several runs, so the work and the cache keys per run stay small."""
BREAKERS = frozenset({"other_given", "not_russian"})
"""Roles that end a name and mark the words after them as another person's."""


class Word(NamedTuple):
    """A capitalized word (or initial) of the text, with its evidence."""

    start: int
    end: int
    text: str
    info: WordInfo | None
    initial: bool = False
    ending: str = ""
    """The possessive that follows the word in the text ('s), no part of it."""


class Shape(NamedTuple):
    """Part of a run (a possessive ends one), offsets relative to the run's start.

    ``relevant``: some unit is name evidence or a breaker; else it can only matter through
    ``cyrillic``, the readings of its other words, once a full name in the text has them.
    ``plans`` (by sentence start and headline) and ``mentions`` cache what the name finder
    works out from it.
    """

    units: list[Word]
    relevant: bool
    cyrillic: frozenset[str]
    plans: list[Any]
    mentions: dict[tuple[int, int], Any]


def possessive_pattern() -> str:
    r"""The optional possessive ending after a word: those of ``tables/languages/``, the longest
    first, a letter ending a word, a mark followed by no letter.

    >>> print(possessive_pattern())
    (?:'s\b|’s\b|'(?!\p{L})|’(?!\p{L}))?
    """
    import regex

    endings = [regex.escape(e) + (r"\b" if e[-1].isalnum() else r"(?!\p{L})")
               for e in possessives()]
    return f"(?:{'|'.join(endings)})?" if endings else ""


def run_pattern() -> Any:
    """The compiled pattern of a run (several words, or one)."""
    if not _pattern:
        import regex

        gap = "(?: \\n|\\n |[ \\n\\u00a0])"
        longest = MAX_RUN_WORDS - 1
        token = _TOKEN.replace("{possessive}", possessive_pattern())
        compiled = regex.compile(
            rf"(?<![\p{{L}}\p{{M}}\d]){token}(?:{gap}{token}){{0,{longest}}}")
        with _lock:
            if not _pattern:
                _pattern.append(compiled)
    return _pattern[0]


def _compile_open() -> Any:
    import regex

    pattern: str = run_pattern().pattern
    return regex.compile(pattern[pattern.index(")") + 1:])


_open_pattern = caching.Lazy(_compile_open)


def open_run_pattern() -> Any:
    """:func:`run_pattern` without its look behind: for a run that starts where a stretch of
    blanks (:mod:`translit.text.blanks`) ends, whatever the blanked character was.

    >>> open_run_pattern().match("5Anton Ivanov", 1)[0]
    'Anton Ivanov'
    """
    return _open_pattern.get()


def extend_run(text: str, start: int, end: int, known: Phrases, limit: int | None = None) -> int:
    """The end of the run ``text[start:end]``, taken on over the lowercase words that complete
    a known Cyrillic name (Звёздный городок, Красная площадь) before ``limit``; ``end`` if there
    are none.

    >>> text = "в Звёздный городок."
    >>> text[2:extend_run(text, 2, 10, phrases(True))]
    'Звёздный городок'
    """
    words = text[start:end].split()
    if not _is_head(words[-1], known.heads):
        return end
    inflected = fold_latin(words[-1]) not in known.heads  # в Звёздном городке
    if len(_pattern) < 2:
        import regex

        compiled = regex.compile(r"[ \n\u00a0](\p{L}[\p{L}\p{M}]*(?:-[\p{L}\p{M}]+)*)")
        run_pattern()  # the first pattern (it takes the lock itself)
        with _lock:
            if len(_pattern) < 2:
                _pattern.append(compiled)
    found, position, tail = end, end, []
    limit = len(text) if limit is None else limit
    for _ in range(3):
        match = _pattern[1].match(text, position, limit)
        if match is None:
            break
        tail.append(match[1])
        position = match.end()
        for k in range(1, min(len(words), 4) + 1):
            folded = fold_latin(" ".join([*words[-k:], *tail]))
            if folded in known.cyrillic or folded in known.latin or \
                    (inflected and _inflected_phrase([*words[-k:], *tail], known) is not None):
                found = position
                break
    return found


_lasts = caching.Lazy(lambda: "".join({ending[-1] for ending in possessives()}))


def _split_possessive(text: str) -> tuple[str, str]:
    if text[-1] not in _lasts.get():
        return text, ""
    for ending in possessives():
        if text.endswith(ending) and len(text) > len(ending) + 1:
            return text[: -len(ending)], ending
    return text, ""


def _token(token: str, lang: str, lexicon: bool) -> tuple[str, WordInfo, bool, str]:
    """(the name part of ``token``, its evidence, whether the run ends after it, the
    possessive after it)."""
    base, suffix = _split_possessive(token)
    info = word_info(base, lang, lexicon=lexicon)
    ends = bool(suffix)
    if "-" in base and info.role not in LISTED:
        # A compound of a name and a noun: only the name is one (Roskosmos-Chef).
        head = base.split("-", 1)[0]
        head_info = word_info(head, lang, lexicon=lexicon)
        if head_info.role in LISTED:
            base, info, ends, suffix = head, head_info, True, ""
    return base, info, ends, suffix


def _inflected_phrase(words: list[str], known: Phrases) -> str | None:
    """The known name of several words (folded) that Cyrillic ``words`` are in another case,
    by the dictionary or by the case endings (Балтийском море → балтийское море)."""
    from translit.text.listed_forms import listed_form

    lemma = _lemma(" ".join(words))
    if lemma in known.cyrillic:
        return lemma
    listed = listed_form(tuple(words))
    folded = fold_latin(" ".join(listed)) if listed is not None else None
    return folded if folded in known.cyrillic else None


def _lemma(cyrillic: str) -> str:
    """The folded dictionary form of Cyrillic words (звёздном городке → звёздный городок)."""
    from translit.text.morphology import dictionary_form

    return fold_latin(dictionary_form(cyrillic))


def _phrase(text: str, run: list[Word], index: int, lookup: Lookup
            ) -> tuple[int, WordInfo] | None:
    """A known name of several words starting at ``run[index]``: (length, evidence); in
    Cyrillic also in another case (Звёздном городке, Красной площади)."""
    if len(run) - index < 2:
        return None
    first = run[index].text
    inflected = fold_latin(first) not in lookup.phrases.starts
    if inflected and not (has_cyrillic(first) and _is_head(first, lookup.phrases.starts)):
        return None
    longest = min(len(run) - index, max(gazetteer().longest, 4))
    for length in range(longest, 1, -1):
        last = run[index + length - 1]
        phrase = text[run[index].start:last.end]
        folded = fold_latin(phrase)
        if not_russian(folded):
            return length, WordInfo(phrase, "not_russian", None, False)
        found = None
        if lookup.lexicon is not None:
            hit = lookup.lexicon.get(folded)
            if hit is not None:
                found = (hit[0].lower(), lexicon_kind(hit[0].lower()) or "name")
                if found[1] == "person" and length > len(hit[0].split()) and \
                        phrase.istitle():
                    # A spelling with a word the Cyrillic lacks (Pyotr Ilyich Tchaikovsky for
                    # Пётр Чайковский): the patronymic is read word by word, not dropped.
                    found = None
        found = found or known_name(folded)
        kind = lookup.phrases.cyrillic.get(folded)
        if kind is not None:
            found = (folded, kind)
        elif inflected and found is None:
            lemma = _inflected_phrase(phrase.split(), lookup.phrases)
            kind = lookup.phrases.cyrillic.get(lemma) if lemma is not None else None
            found = (lemma, kind) if lemma is not None and kind is not None else None
        if found is not None:
            return length, WordInfo(phrase, "lexicon", found[0], False, kind=found[1])
    return None


class Phrases(NamedTuple):
    """The known names of several words, as the run finder needs them."""

    starts: frozenset[str]
    """First words (folded) of the names of several words, Latin or Cyrillic."""
    cyrillic: dict[str, str]
    """Cyrillic names of several words (lowercase) and their kinds (Звёздный городок)."""
    heads: frozenset[str]
    """Last capitalized words (lowercase) before a lowercase word in a Cyrillic name
    (звёздный), and the same words of its Latin spellings (swjosdny): a run ending in one
    may go on over lowercase words."""
    latin: frozenset[str] = frozenset()
    """The Latin spellings (folded) of those names, that such a run may become (swjosdny
    gorodok: the text writes the Latin name the way the Cyrillic has it)."""


_phrases: dict[bool, tuple[tuple[object, ...], Phrases]] = caching.tracked({})


def _tables(lexicon: bool) -> tuple[object, ...]:
    """The tables the evidence rests on (new objects when they are read again)."""
    return (gazetteer(), known_names()) if lexicon else (gazetteer(),)


def _same(a: tuple[object, ...], b: tuple[object, ...]) -> bool:
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))


def phrases(lexicon: bool) -> Phrases:
    """The known names of several words (with ``lexicon``: the lexicon's too).

    >>> "звёздный" in phrases(True).heads, phrases(True).cyrillic["звёздный городок"]
    (True, 'place')
    """
    tables = _tables(lexicon)
    cached = _phrases.get(lexicon)
    if cached is not None and _same(cached[0], tables):
        return cached[1]
    from translit.schemes.registry import scheme_ids

    places = gazetteer()
    schemes = scheme_ids()
    keys = list(places.by_latin) + list(places.not_russian)
    cyrillic = {k: kind for k, kind in places.by_cyrillic.items() if " " in k}
    if lexicon:
        known = known_names()
        keys += list(known.by_latin)
        for entry in known.entries:
            if " " in entry.cyrillic.strip():
                cyrillic[fold_latin(entry.cyrillic.strip())] = known.kind(
                    entry.cyrillic.lower()) or "name"
    originals = [(e.cyrillic.strip(), [s for scheme, listed in e.spellings.items()
                                        for s in with_declined(listed, scheme,
                                                               person=e.kind == "person")])
                 for e in known.entries] if lexicon else []
    originals += [(name, [s for scheme in schemes for s in with_declined(
        places.spellings.get((name.lower(), scheme), ()), scheme)]) for name in places.originals]
    heads: set[str] = set()
    latin: set[str] = set()
    for name, spellings in originals:
        words = name.split()
        places_of = [i for i, (before, word) in enumerate(pairwise(words))
                     if word[:1].islower() and before[:1].isupper()]
        heads.update(words[i].lower() for i in places_of)
        for spelling in spellings:
            folded = fold_latin(spelling).split()
            if places_of and len(folded) == len(words):
                heads.update(folded[i] for i in places_of)
                latin.add(" ".join(folded))
            # A Latin spelling with a lowercase word of its own (Peter the Great, Sea of
            # Okhotsk, Rostov on Don), or one the press writes with a lowercase generic word
            # (the Moskva river for Moskva River).
            written = spelling.split()
            linked = [i for i, (before, word) in enumerate(pairwise(written))
                      if before[:1].isupper() and (word[:1].islower() or (
                          i == len(written) - 2 and _generic(word)))]
            if linked:
                heads.update(folded[i] for i in linked)
                latin.add(" ".join(folded))
    found = Phrases(frozenset(k.split()[0] for k in [*keys, *cyrillic] if " " in k),
                    cyrillic, frozenset(heads), frozenset(latin))
    with _lock:
        _phrases[lexicon] = (tables, found)
    return found


def _generic(word: str) -> bool:
    """A capitalized last word of a name that the press also writes lowercase: a common
    English or German word (River, Museum, Stadium; not Novgorod)."""
    from translit.text.evidence import zipf

    return word[:1].isupper() and max(zipf(word.lower(), "en"), zipf(word.lower(), "de")) \
        >= GENERIC_ZIPF


GENERIC_ZIPF = 3.5
"""How common (wordfreq zipf) a name's last word must be to be read lowercase too."""


def _units(text: str, run: list[Word], lookup: Lookup) -> list[Word]:
    """``run`` with known names of several words joined into one unit."""
    if len(run) == 1:
        return run
    out: list[Word] = []
    index = 0
    while index < len(run):
        joined = _phrase(text, run, index, lookup)
        if joined is None:
            out.append(run[index])
            index += 1
            continue
        length, info = joined
        last = run[index + length - 1]
        out.append(Word(run[index].start, last.end, text[run[index].start:last.end], info,
                        False, last.ending))
        index += length
    return out


def _shape(text: str, run: list[Word], lookup: Lookup) -> Shape:
    units = _units(text, run, lookup)
    relevant = False
    cyrillic = set()
    for word in units:
        info = word.info
        if info is None:
            continue
        if info.role in LISTED or (info.role == "ending" and not info.common):
            relevant = True
            continue
        relevant = relevant or info.role in BREAKERS
        if info.cyrillic is not None:
            cyrillic.add(info.cyrillic)
    return Shape(units, relevant, frozenset(cyrillic), [None] * 4, {})


class Lookup(NamedTuple):
    """The tables a shape is worked out from, fetched once per text."""

    lexicon: dict[str, tuple[str, str]] | None
    """The lexicon's Latin spellings (None: without the lexicon)."""
    phrases: Phrases
    """:func:`phrases`."""


def _lookup(lexicon: bool) -> Lookup:
    return Lookup(known_names().by_latin if lexicon else None, phrases(lexicon))


def run_shapes(run: str, lang: str, lexicon: bool, lookup: Lookup | None = None
               ) -> tuple[Shape, ...]:
    """The parts of the run ``run`` that may matter (an empty tuple for most runs)."""
    if lookup is None:
        lookup = _lookup(lexicon)
    words: list[Word] = []
    shapes: list[Shape] = []
    position = 0
    for token in run.split():
        start = run.index(token, position)
        position = start + len(token)
        if token.endswith("."):
            words.append(Word(start, position, token, None, True))
            continue
        base, info, ends, suffix = _token(token, lang, lexicon)
        words.append(Word(start, start + len(base), base, info, False, suffix))
        if ends:
            shapes.append(_shape(run, words, lookup))
            words = []
    if words:
        shapes.append(_shape(run, words, lookup))
    return tuple(s for s in shapes if s.relevant or s.cyrillic)


class RunEntry(NamedTuple):
    """The shapes of a run, whether any can be a name on its own, the readings of all, and
    whether its last word may go on over lowercase words (:func:`extend_run`)."""

    shapes: tuple[Shape, ...]
    relevant: bool
    cyrillic: frozenset[str]
    head: bool = False


def run_entry(run: str, lang: str, lexicon: bool, lookup: Lookup | None = None) -> RunEntry:
    """:func:`run_shapes` of ``run`` with what the finder checks first: most runs (``The``,
    ``SpaceX``) are skipped on one look.

    >>> run_entry("SpaceX", "en", True).relevant
    False
    """
    if lookup is None:
        lookup = _lookup(lexicon)
    shapes = run_shapes(run, lang, lexicon, lookup)
    return RunEntry(shapes, any(s.relevant for s in shapes),
                    frozenset().union(*(s.cyrillic for s in shapes)),
                    _is_head(run.split()[-1], lookup.phrases.heads))


def _is_head(word: str, heads: frozenset[str]) -> bool:
    """Whether a run ending in ``word`` may go on over lowercase words of a known name (in
    Cyrillic also in another case: Звёздном)."""
    if fold_latin(word) in heads:
        return True
    if not has_cyrillic(word):
        return False
    from translit.text.listed_forms import nominative_candidates

    return _lemma(word) in heads or any(
        fold_latin(c) in heads for c in nominative_candidates(word.lower()))  # Балтийском


_Shapes = dict[tuple[str, bool], tuple[tuple[object, ...], dict[str, RunEntry], Lookup]]
_shapes: _Shapes = caching.tracked({})


SHAPE_LIMIT = 4_000
"""Runs whose shapes are kept (with what the finder made of them); then the cache starts anew."""


def shape_cache(lang: str, lexicon: bool) -> tuple[dict[str, RunEntry], Lookup]:
    """The cache of run shapes for ``lang`` (a new one when the tables change; bounded) and
    the tables to work out new ones from."""
    tables = _tables(lexicon)
    found = _shapes.get((lang, lexicon))
    if found is not None and _same(found[0], tables) and len(found[1]) < SHAPE_LIMIT:
        return found[1], found[2]
    cache: dict[str, RunEntry] = {}
    lookup = _lookup(lexicon)
    with _lock:
        _shapes[(lang, lexicon)] = (tables, cache, lookup)
    return cache, lookup
