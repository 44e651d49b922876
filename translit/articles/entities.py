"""People, places and organizations that are not Russian: found in a document for ``align``.

The name finder takes Russian names; everything else that is written like a name passes
through. Alignment still wants it: two articles about one launch share Tom Cruise, NASA and
Kazakhstan / Kasachstan. A candidate is a run of one to four capitalized words (lowercase
particles such as "de", "von", "van" inside), outside every span, that is not a common word at
the start of a sentence, no month or weekday, no German common noun and no word of a Title-Case
headline (unless the body of the same text names it too); an ALL-CAPS word of 2–6 letters
(NASA) or a mixed-case one (SpaceX) is an organization. Its group key is its words folded (case,
diacritics, an English ``'s``); a place that CLDR names (babel's territory names in English,
German, French and Russian, its time-zone cities, ISO 3166 alpha-3 codes) has the key of that
territory or city, so Kazakhstan meets Kasachstan and USA meets Vereinigte Staaten.
:func:`resolve_keys` then lets a German genitive -s and a surname alone join the full name.

>>> from translit.articles.document import normalize
>>> doc = normalize("The film of Tom Cruise and NASA was shot in Kasachstan.", lang="de")
>>> [(c.text, c.key, c.kind) for c in resolve_keys([doc], [find_candidates(doc)])[0]]
[('Tom Cruise', 'tom cruise', 'person'), ('NASA', 'nasa', 'organization'), \
('Kasachstan', 'territory:KZ', 'place')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from translit.articles.document import Document
from translit.caching import Lazy, tracked
from translit.names.exonyms import fold, place_key, places

MOST_WORDS = 4
ACRONYM = Lazy(lambda: re.compile(r"[A-Z]{2,6}|[A-Z][a-z]+[A-Z][A-Za-z]*"))
"""An ALL-CAPS abbreviation (NASA, FIDE) or a mixed-case name (SpaceX)."""
ROMAN = Lazy(lambda: re.compile(r"[IVXLCDM]+"))
WORD = Lazy(lambda: re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*"))
POSSESSIVE = ("'s", "’s")
OPENERS = "\"'«»„“”‘’‹›([{"
SENTENCE_MARKS = ".!?:;—–"
GERMAN_COMMON = 3.3
"""Zipf frequency from which a German word (or the end of a compound) is a common noun."""
COMPOUND_TAIL = 4
"""Letters of the shortest common noun that ends a German compound (Bedenk|zeit)."""



@dataclass(frozen=True)
class Candidate:
    """One mention of an entity the name finder did not take: where, as written, and its key."""

    start: int
    end: int
    text: str
    key: str
    kind: str
    """place (CLDR), organization (acronym shape), person (a known given name first), other."""
    weak: bool = False
    """In a Title-Case headline, or a common word opening a sentence: kept only when the rest
    of its document names the same key."""


def _particles() -> frozenset[str]:
    """The name particles of ``tables/languages/common.toml`` (von, de, van)."""
    from translit.schemes.languages import language

    return language("en").particles


def _surname_prefixes() -> tuple[str, ...]:
    from translit.schemes.languages import language

    return language("en").surname_prefixes


def _month_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """Folded month and weekday names of ``lang`` and English: full, and abbreviated (Jan)."""
    from translit.temporal.words import LANGUAGES, get_lexicon

    full: set[str] = set()
    short: set[str] = set()
    for code in {lang, "en"} & set(LANGUAGES):
        for word, meanings in get_lexicon(code).words.items():
            dated = [m for m in meanings if m.kind in ("month", "weekday")]
            if dated:
                (short if all(m.abbr for m in dated) else full).add(fold(word))
    return frozenset(full), frozenset(short - full)


def _demonyms() -> frozenset[str]:
    """Language names (Russian, German, Swiss in Swiss French): adjectives, not entities."""
    from babel import Locale

    words: set[str] = set()
    for name in Locale.parse("en").languages.values():
        parts = name.split()
        if len(parts) == 1:
            words.add(fold(name))
        elif len(parts) == 2:
            words.add(fold(parts[0]))
    return frozenset(words)


def _zone_words() -> frozenset[str]:
    from translit.temporal.zones import load_zone_table

    table = load_zone_table()
    return frozenset(a.upper() for a in (*table.abbreviations, *table.ambiguous))


_months: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
_demonym_words = Lazy(_demonyms)
_zone_abbreviations = Lazy(_zone_words)


_words: dict[tuple[str, str, str], bool] = tracked({})
"""(test, word, language) → answer of :func:`_common` or :func:`_german_noun`."""


def _cached(test: str, word: str, lang: str) -> bool:
    key = (test, word, lang)
    found = _words.get(key)
    if found is None:
        if len(_words) > 100_000:
            _words.clear()
        found = _words[key] = _common(word, lang) if test == "common" else _german_noun(word)
    return found


def _common(word: str, lang: str) -> bool:
    from translit.text.evidence import COMMON_ZIPF, is_common, zipf

    return is_common(word, lang) if lang in ("en", "de") else zipf(word, lang) >= COMMON_ZIPF


def _german_noun(word: str) -> bool:
    """A German common noun, inflected (Partien) or a compound (Weltmeisterschaftskämpfe)."""
    from translit.schemes.languages import language
    from translit.text.evidence import zipf

    part = word.rsplit("-", 1)[-1]

    def german(w: str) -> bool:
        de = zipf(w, "de")
        return de >= GERMAN_COMMON and de - zipf(w, "en") >= 0.8

    if german(part) or any(german(part[:-len(s)]) for s in ("s", "es", "n", "en", "e")
                           if len(part) - len(s) >= 3 and part.endswith(s)):
        return True
    facts = language("de")
    lower = part.lower()
    if not facts.compound_first or zipf(lower, "en") >= 3.0:
        return False
    return any(zipf(lower[i:], "de") >= GERMAN_COMMON
               for i in range(facts.compound_first, len(lower) - COMPOUND_TAIL + 1))


def _after_determiner(text: str, start: int) -> bool:
    """Whether a German determiner (der, im, sein …) stands before the word at ``start``,
    directly or before an adjective (der 31-jährige Russe, sein langjähriger Trainer)."""
    from translit.schemes.languages import language
    from translit.temporal.words import get_lexicon

    facts = language("de")
    articles = frozenset(get_lexicon("de").context.get("noun_articles", ())) | facts.determiners
    before = WORD.get().findall(text[max(0, start - 40):start])[-2:]
    if not before or text[start - 1:start] not in (" ", "\n"):
        return False
    last = before[-1]
    if last.lower() in articles:
        return True
    return len(before) == 2 and last.islower() and last.endswith(facts.adjective_endings) \
        and before[0].lower() in articles


def _sentence_start(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence (or a paragraph, or the text)."""
    i = start
    while i > 0 and (text[i - 1].isspace() or text[i - 1] in OPENERS):
        i -= 1
    if i == 0 or "\n\n" in "".join(text[i:start].split(" ")):
        return True
    if text[i - 1] not in SENTENCE_MARKS:
        return False
    if text[i - 1] == ".":  # Oct. 5, Mr. Smith, U.S.: an abbreviation, not a sentence end
        found = re.search(r"(\w+)\.$", text[max(0, i - 8):i])
        word = found.group(1) if found else ""
        return len(word) > 3 or not word[:1].isupper() or (len(word) > 1 and word.isupper())
    return True


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """Lines that stand alone, end without a full stop and capitalize every word of four
    letters or more (Title Case or ALL CAPS)."""
    found: list[tuple[int, int]] = []
    position = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        alone = (index == 0 or not lines[index - 1].strip()) and \
            (index + 1 == len(lines) or not lines[index + 1].strip())
        words = WORD.get().findall(line)
        if alone and len(words) >= 3 and not line.rstrip().endswith((".", "!", "?")) \
                and all(w[0].isupper() for w in words if len(w) >= 4):
            found.append((position, position + len(line)))
        position += len(line) + 1
    return found


@dataclass
class _Token:
    start: int
    end: int
    text: str
    possessive: bool


def _compile_capitalized() -> Any:
    import regex

    return regex.compile(r"(?<![\w-])(?<!\w['’])\p{Lu}[\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*")


_capitalized = Lazy(_compile_capitalized)
"""A word that starts with a capital letter (``regex`` for ``\\p{Lu}``), compiled on first use."""
_PARTICLE_GAP = Lazy(lambda: re.compile(r"[ \t]*\n?[ \t]*([a-z]+)[ \t]*\n?[ \t]*"))


def _runs(text: str, taken: Sequence[tuple[int, int]]) -> list[list[_Token]]:
    """Runs of capitalized words (particles inside) outside the spans ``taken``."""
    starts = [s for s, _ in taken]
    runs: list[list[_Token]] = []
    current: list[_Token] = []
    last_end = -1
    for match in _capitalized.get().finditer(text):
        start, end, word = match.start(), match.end(), match.group()
        index = bisect_right(starts, start) - 1
        if index >= 0 and taken[index][1] > start:  # inside a name or date
            if current:
                runs.append(current)
            current, last_end = [], -1
            continue
        particle: _Token | None = None
        if current:
            gap = text[last_end:start]
            joined = gap.strip() == "" and gap.count("\n") < 2
            if not joined:
                found = _PARTICLE_GAP.get().fullmatch(gap)
                if found is not None and found.group(1) in _particles():
                    joined = True
                    particle = _Token(last_end + found.start(1), last_end + found.end(1),
                                      found.group(1), False)
            if not joined:
                runs.append(current)
                current = []
        if particle is not None:
            current.append(particle)
        possessive = word.endswith(POSSESSIVE)
        current.append(_Token(start, end, word, possessive))
        last_end = end
        if possessive:
            runs.append(current)
            current, last_end = [], -1
    if current:
        runs.append(current)
    return runs


def _status(token: _Token, previous: _Token | None, following: _Token | None, text: str,
            lang: str) -> str:
    """Whether ``token`` may be (part of) a name: ``no`` for a particle, month or weekday, and
    in German a common noun; ``initial`` for a common word at the start of a sentence that is
    not a given name before a name (George Clooney), which stands alone only if its document
    names it elsewhere (Cruise, after Tom Cruise); else ``ok``."""
    from translit.names.inversion import fold_latin
    from translit.text.evidence import other_given_names

    word = token.text[:-2] if token.possessive else token.text
    if word in _particles() or len(word) < 2 or _dated(token, text, lang):
        return "no"
    if ACRONYM.get().fullmatch(word):
        return "ok"
    given = following is not None and not token.possessive and \
        fold_latin(word) in other_given_names()
    if previous is not None and not previous.possessive and \
            fold_latin(previous.text) in other_given_names():
        return "ok"  # a surname after a given name, however often the news writes it (Merz)
    if lang == "de" and not given and _cached("noun", word, lang):
        return "no"
    if _sentence_start(text, token.start) and not given and _cached("common", word, lang):
        return "initial"
    if lang != "de" or given:
        return "ok"
    # An English name in a German text: im Royal Opera House, but das Match.
    english = following is not None and _english(word) and _english(following.text)
    return "ok" if english or not _after_determiner(text, token.start) else "no"


def _english(word: str) -> bool:
    from translit.text.evidence import zipf

    english = zipf(word, "en")
    return english >= 3.0 and english > zipf(word, "de")


def _dated(token: _Token, text: str, lang: str) -> bool:
    """A month or weekday name; an abbreviation (Jan, Mar) only before a point or a number."""
    found = _months.get(lang)
    if found is None:
        found = _months[lang] = _month_words(lang)
    full, short = found
    folded = fold(token.text)
    return folded in full or (folded in short and
                              re.match(r"\.|\s*\d", text[token.end:token.end + 3]) is not None)


def _candidate(tokens: list[_Token], text: str, weak: bool) -> Candidate | None:
    from translit.names.inversion import fold_latin
    from translit.text.evidence import other_given_names

    while tokens and tokens[-1].text in _particles():
        tokens = tokens[:-1]
    while tokens and tokens[0].text in _particles():
        tokens = tokens[1:]
    if not tokens or len(tokens) > MOST_WORDS:
        return None
    start, end = tokens[0].start, tokens[-1].end
    written = text[start:end]
    words = [t.text[:-2] if t.possessive else t.text for t in tokens]
    name = " ".join(words)
    key = place_key(name)
    if key is not None:
        return Candidate(start, end, written, key, "place", weak)
    if len(words) == 1:
        word = words[0]
        if ROMAN.get().fullmatch(word) or (word.isupper() and word in _zone_abbreviations.get()) \
                or fold(word) in _demonym_words.get():
            return None
        if ACRONYM.get().fullmatch(word) and not any(
                word.startswith(p) and word[len(p)].isupper() for p in _surname_prefixes()):
            if re.match(r"-?\d", text[end:end + 2]):
                return None  # MS-19, A320: a type, not an organization
            dateline = start == len(text) - len(text.lstrip()) and text[end:end + 1] == ","
            kind = "place" if dateline else "organization"  # DUBAI, 4 December: a dateline
            return Candidate(start, end, written, fold(word), kind, weak)
        kind = "other"
    else:
        kind = "person" if fold_latin(words[0]) in other_given_names() else "other"
    return Candidate(start, end, written, fold(name), kind, weak)


def _split_given(run: list[_Token]) -> list[list[_Token]]:
    """``run`` split before a known given name that starts a name of two words or more
    (Hollywood-Star | Tom Cruise), unless the word before is a given name too."""
    from translit.names.inversion import fold_latin
    from translit.text.evidence import other_given_names

    given = other_given_names()
    for i in range(1, len(run) - 1):
        if fold_latin(run[i].text) in given and fold_latin(run[i - 1].text) not in given:
            return [run[:i], *_split_given(run[i:])]
    return [run]


def find_candidates(document: Document) -> list[Candidate]:
    """The mentions of ``document`` that may be entities the name finder did not take, in text
    order, each with its key before :func:`resolve_keys`."""
    text, lang = document.text, document.lang if document.lang != "auto" else "en"
    taken = sorted((s["start"], s["end"]) for s in document.spans)
    name_ends = {s["end"] for s in document.spans if s["kind"] == "name"}
    headlines = _headline_lines(text)
    found: list[Candidate] = []
    for run in _runs(text, taken):
        if run[0].start - 1 in name_ends and text[run[0].start - 1] in " -":
            continue  # Bolshoi Ballet, Soyuz MS-19: the rest of a name the finder took
        weak = any(a <= run[0].start < b for a, b in headlines)
        status = [_status(t, run[k - 1] if k else None,
                          run[k + 1] if k + 1 < len(run) else None, text, lang)
                  for k, t in enumerate(run)]
        i = 0
        while i < len(run):  # the longest piece CLDR names, else the words one by one
            for j in range(min(len(run), i + MOST_WORDS), i, -1):
                piece = " ".join(t.text[:-2] if t.possessive else t.text
                                 for t in run[i:j])
                known = place_key(piece)
                if known is not None and (j - i > 1 or known.startswith("territory:")
                                          or not _sentence_start(text, run[i].start)):
                    made = _candidate(run[i:j], text, weak)
                    if made is not None:
                        found.append(made)
                    i = j
                    break
            else:
                good: list[_Token] = []
                while i < len(run) and ((run[i].text in _particles() and good)
                                        or status[i] == "ok"):
                    good.append(run[i])
                    i += 1
                for piece_tokens in _split_given(good) if good else []:
                    made = _candidate(piece_tokens, text, weak)
                    if made is not None:
                        found.append(made)
                if not good:
                    if status[i] == "initial" and (i + 1 == len(run) or status[i + 1] != "ok"):
                        made = _candidate([run[i]], text, True)
                        if made is not None:
                            found.append(made)
                    i += 1
    return found


def resolve_keys(documents: Sequence[Document],
                 found: Sequence[list[Candidate]]) -> list[list[Candidate]]:
    """The candidates of each document with their final keys: a German genitive -s removed
    when the form without it is known (Carlsens → Carlsen), a surname alone joining the one
    full name of the same document that ends in it (Cruise → Tom Cruise), a two-letter code
    joining the territory another mention names (US → United States), and weak candidates
    (headline words, common words opening a sentence) dropped unless the rest of their
    document names the same key."""
    known = {c.key for candidates in found for c in candidates}
    territories = {c.key.split(":", 1)[1] for candidates in found for c in candidates
                   if c.key.startswith("territory:")}
    out: list[list[Candidate]] = []
    for document, candidates in zip(documents, found, strict=True):
        fixed: list[Candidate] = []
        for c in candidates:
            if document.lang == "de" and c.key.endswith("s") and c.key[:-1] in known \
                    and ":" not in c.key:
                c = replace(c, key=c.key[:-1])
            if c.kind == "organization" and len(c.text) == 2 and c.text in territories:
                c = replace(c, key=f"territory:{c.text}", kind="place")
            fixed.append(c)
        full: dict[str, set[str]] = {}
        for c in fixed:
            words = c.key.split()
            if len(words) > 1 and c.kind == "person":
                full.setdefault(words[-1], set()).add(c.key)
                if document.lang == "de":
                    full.setdefault(words[-1] + "s", set()).add(c.key)
        joined = []
        for c in fixed:
            names = full.get(c.key, set())
            if " " not in c.key and len(names) == 1:
                c = replace(c, key=next(iter(names)), kind="person")
            joined.append(c)
        body = {c.key for c in joined if not c.weak}
        out.append([c for c in joined if not c.weak or c.key in body])
    return out


def label(key: str, texts: Sequence[str]) -> str:
    """The label of a group: CLDR's English name of a place it knows, else the mention with the
    most words (not ALL CAPS if another is written otherwise; an English ``'s`` removed)."""
    known = places().labels.get(key)
    if known is not None:
        return known
    best = max(texts, key=lambda t: (len(t.split()), not t.isupper()))
    best = " ".join(best.split())
    return best[:-2] if best.endswith(POSSESSIVE) else best
