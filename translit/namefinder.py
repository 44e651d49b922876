"""Find names of Russian origin in running English or German text, in any spelling style.

Capitalized words (and initials) that stand next to each other form a run; each word brings
its evidence (:mod:`translit.wordinfo`), and a run, or the part of it that is a name, is taken
as Russian when the evidence adds up: a known name of the lexicon, a Cyrillic word, a Russian
given name with a surname-like word, a listed surname or a Russian surname ending that is not
a common word. A run with another given name (Tom, Julia) is left alone. A surname found once
in a full name is recognised alone later in the same text (``Peresild`` after ``Yulia
Peresild``). The style is decided per name, not per document.

>>> [m.text for m in find_names("Actress Yulia Peresild met Tom Cruise; Peresild's film.")]
['Yulia Peresild', 'Peresild']
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, NamedTuple

from translit.places import foreign_cue
from translit.wordinfo import LISTED, WordInfo, word_info

POSSESSIVES = ("'s", "’s", "'", "’")
SENTENCE_MARKS = frozenset(".!?\n:\"“„«(")
_pattern: list[Any] = []
_lock = threading.Lock()


class Word(NamedTuple):
    """A capitalized word (or initial) of the text, with its evidence."""

    start: int
    end: int
    text: str
    info: WordInfo | None
    initial: bool = False


@dataclass(frozen=True)
class NamePart:
    """One word (or initial, or known phrase) of a found name and its lowercase Cyrillic."""

    start: int
    end: int
    text: str
    cyrillic: str | None
    suffix: str = ""


@dataclass(frozen=True)
class NameMention:
    """A Russian name found in text: where it is, its parts, style and confidence."""

    start: int
    end: int
    text: str
    cyrillic: str
    kind: str
    parts: tuple[NamePart, ...] = ()
    style: str | None = None
    score: float = 1.0


def _word_pattern() -> Any:
    if not _pattern:
        import regex

        compiled = regex.compile(
            r"(?<![\p{L}\p{M}\d])(?:(?P<initial>\p{Lu}\p{Ll}?\.(?=\s?\p{Lu}))"
            r"|(?P<word>\p{Lu}[\p{L}\p{M}ʹʺ]*(?:['’]\p{L}[\p{L}\p{M}]+)*"
            r"(?:-\p{L}[\p{L}\p{M}ʹʺ]*)*(?:['’]s\b|['’](?!\p{L}))?))")
        with _lock:
            if not _pattern:
                _pattern.append(compiled)
    return _pattern[0]


def _split_possessive(text: str, lang: str) -> tuple[str, str]:
    if text[-1] not in "'’s":
        return text, ""
    for ending in POSSESSIVES:
        if text.endswith(ending) and len(text) > len(ending) + 1:
            return text[: -len(ending)], ending
    return text, ""


GAPS = frozenset({" ", "\n", "\u00a0", " \n", "\n "})
"""What may stand between two words of one name (a line may wrap inside a name)."""
_tokens: dict[tuple[str, str, bool], tuple[str, WordInfo, bool]] = {}


def _token(token: str, lang: str, lexicon: bool) -> tuple[str, WordInfo, bool]:
    """(the name part of ``token``, its evidence, whether the run ends after it); cached."""
    key = (token, lang, lexicon)
    found = _tokens.get(key)
    if found is not None:
        return found
    base, suffix = _split_possessive(token, lang)
    info = word_info(base, lang, lexicon=lexicon)
    ends = bool(suffix)
    if "-" in base and info.role not in LISTED:
        # A compound of a name and a noun: only the name is one (Roskosmos-Chef).
        head = base.split("-", 1)[0]
        head_info = word_info(head, lang, lexicon=lexicon)
        if head_info.role in LISTED:
            base, info, ends = head, head_info, True
    found = (base, info, ends)
    with _lock:
        if len(_tokens) > 200_000:
            _tokens.clear()
        _tokens[key] = found
    return found


def _runs(text: str, lang: str, lexicon: bool) -> list[list[Word]]:
    """Runs of capitalized words (and initials) that stand next to each other."""
    runs: list[list[Word]] = []
    current: list[Word] = []
    last_end = 0
    for match in _word_pattern().finditer(text):
        start = match.start()
        if current and text[last_end:start] not in GAPS:
            runs.append(current)
            current = []
        last_end = match.end()
        initial = match.group("initial")
        if initial:
            current.append(Word(start, last_end, initial, None, True))
            continue
        base, info, ends = _token(match.group("word"), lang, lexicon)
        current.append(Word(start, start + len(base), base, info))
        if ends:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _phrase(text: str, run: list[Word], index: int, lexicon: bool) -> tuple[int, WordInfo] | None:
    """A known name of several words starting at ``run[index]``: (length, evidence)."""
    from translit.inversion import fold_latin
    from translit.places import gazetteer, known_name, not_russian

    if len(run) - index < 2 or fold_latin(run[index].text) not in phrase_starts(lexicon):
        return None
    longest = min(len(run) - index, max(gazetteer().longest, 4))
    for length in range(longest, 1, -1):
        last = run[index + length - 1]
        phrase = text[run[index].start:last.end]
        folded = fold_latin(phrase)
        if not_russian(folded):
            return length, WordInfo(phrase, "not_russian", None, False)
        found = None
        if lexicon:
            from translit.lexicon import lexicon as known

            hit = known().by_latin.get(folded)
            found = (hit[0].lower(), "name") if hit is not None else None
        found = found or known_name(folded)
        if found is not None:
            return length, WordInfo(phrase, "lexicon", found[0], False, kind=found[1])
    return None


_starts: dict[bool, frozenset[str]] = {}


def phrase_starts(lexicon: bool) -> frozenset[str]:
    """First words (folded) of the known names of several words."""
    found = _starts.get(lexicon)
    if found is None:
        from translit.places import gazetteer

        keys = list(gazetteer().by_latin) + list(gazetteer().not_russian)
        if lexicon:
            from translit.lexicon import lexicon as known

            keys += list(known().by_latin)
        found = frozenset(k.split()[0] for k in keys if " " in k)
        with _lock:
            _starts[lexicon] = found
    return found


def _units(text: str, run: list[Word], lexicon: bool) -> list[Word]:
    """``run`` with known names of several words joined into one unit."""
    if len(run) == 1:
        return run
    out: list[Word] = []
    index = 0
    while index < len(run):
        joined = _phrase(text, run, index, lexicon)
        if joined is None:
            out.append(run[index])
            index += 1
            continue
        length, info = joined
        last = run[index + length - 1]
        out.append(Word(run[index].start, last.end, text[run[index].start:last.end], info))
        index += length
    return out


def _is_name_word(word: Word, guarded: bool, known: frozenset[str] | set[str] = frozenset()
                  ) -> bool:
    """Whether a word may be part of a Russian name (``guarded``: sentence start or headline).

    ``known`` holds the Cyrillic of words already found in full names of the same text.
    """
    info = word.info
    if word.initial:
        return True
    if info is None:
        return False
    if info.cyrillic is not None and info.cyrillic in known and not guarded:
        return True
    if info.role in LISTED:
        # Places and known names are not common words, however frequent (Russia, MOSCOW).
        common = info.common and info.role not in ("lexicon", "place")
        return not (common and guarded) and not (
            info.role == "given" and info.ambiguous_given and guarded)
    return info.role == "ending" and not info.common


def _segments(run: list[Word], sentence_start: bool, headline: bool, known: set[str],
              foreign_words: set[str]) -> list[list[Word]]:
    """The stretches of ``run`` made only of name-like words (initials included).

    A word at the start of a sentence or in a headline needs more: standing alone, it must
    not be a common word (``Mir`` at the start of a German sentence, ``Progress`` in a
    headline); an ALL-CAPS word (a dateline) is not held to that.
    """
    out: list[list[Word]] = []
    current: list[Word] = []
    foreign = False
    for word in run:
        after_given = bool(current) and current[-1].info is not None and \
            current[-1].info.role == "given"
        if _is_name_word(word, False, known) or (
                after_given and word.info is not None and word.info.cyrillic is not None
                and word.info.role == "other_given"):
            if not foreign:
                current.append(word)
        else:
            if current:
                out.append(current)
            current = []
            # The words right after another given name belong to that person (Doug Liman).
            foreign = word.info is not None and word.info.role in ("other_given", "not_russian")
            if foreign:
                foreign_words.update(part.lower() for w in run for part in w.text.split())
    if current:
        out.append(current)
    kept = []
    for segment in out:
        first = segment[0]
        guarded = headline or (sentence_start and first is run[0])
        if guarded and len(segment) == 1 and not first.text.isupper() and \
                not _is_name_word(first, True):
            continue
        if len(segment) == 1 and first.text.lower() in foreign_words:
            continue  # Wladimir alone, after Wladimir Klitschko
        if any(not w.initial for w in segment):
            kept.append(segment)
    return kept


def _decide(words: list[Word], known: set[str]) -> bool:
    """Whether a stretch of name-like words is a Russian name."""
    infos = [w.info for w in words if w.info is not None]
    roles = {info.role for info in infos}
    if len(infos) >= 2:
        return bool(roles & LISTED)
    info = infos[0]
    if info.role == "given":
        return len(words) > 1 or not (info.ambiguous_given or info.common)
    if info.role in LISTED:
        return True
    if info.cyrillic is not None and info.cyrillic in known:
        return True
    return len(words[-1].text) > 4 or len(words) > 1


def _is_headline(text: str, start: int, seen: dict[int, bool]) -> bool:
    """Whether the line around ``start`` is a Title Case headline (most words capitalized)."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start in seen:
        return seen[line_start]
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    seen[line_start] = _title_case_line(line)
    return seen[line_start]


def _title_case_line(line: str) -> bool:
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < 4 or line.rstrip().endswith((".", ",")):
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _line_before(text: str, start: int) -> str:
    """Up to 40 characters before ``start`` on the same line and in the same sentence."""
    before = text[max(0, start - 40):start]
    cut = max(before.rfind("\n"), before.rfind(". "), before.rfind(";"))
    return before[cut + 1:]


def _mention(text: str, segment: list[Word]) -> NameMention:
    infos = [w.info for w in segment if w.info is not None]
    parts = []
    for word in segment:
        info = word.info
        suffix = info.suffix if info is not None else ""
        cyrillic = info.cyrillic if info is not None else None
        parts.append(NamePart(word.start, word.end, word.text, cyrillic, suffix))
    start, end = parts[0].start, parts[-1].end
    kinds = {i.kind for i in infos}
    kind = "person" if "person" in kinds and len(segment) > 1 else sorted(kinds)[0]
    listed = all(i.role in LISTED for i in infos)
    style = next((i.style for i in infos if i.style), None)
    return NameMention(start, end, text[start:end],
                       " ".join(i.cyrillic or i.word for i in infos), kind, tuple(parts),
                       style, 0.9 if listed else 0.6)


def find_names(text: str, *, lang: str = "en", lexicon: bool = True) -> list[NameMention]:
    """Every Russian name in ``text`` (``lang``: en, de or auto), in order.

    >>> [m.cyrillic for m in find_names("Der Kosmonaut Anton Schkaplerow", lang="de")]
    ['антон шкаплеров']
    """
    runs = _runs(text, lang, lexicon)
    known: set[str] = set()
    foreign_words: set[str] = set()
    lines: dict[int, bool] = {}
    mentions: list[NameMention] = []
    for run in runs:
        units = _units(text, run, lexicon)
        before = text[max(0, run[0].start - 3):run[0].start]
        sentence_start = run[0].start == 0 or not SENTENCE_MARKS.isdisjoint(before)
        headline = lang == "en" and _is_headline(text, run[0].start, lines)
        for segment in _segments(units, sentence_start, headline, known, foreign_words):
            if not _decide(segment, known):
                continue
            if foreign_cue(_line_before(text, segment[0].start), text[segment[-1].end:
                                                                  segment[-1].end + 24], lang):
                continue
            infos = [w.info for w in segment if w.info is not None]
            if len(segment) > 1:
                known.update(i.cyrillic for i in infos if i.cyrillic)
            mentions.append(_mention(text, segment))
    return mentions
