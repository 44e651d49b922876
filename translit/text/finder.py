"""Find names of Russian origin in running English or German text, in any spelling style.

Capitalized words (and initials) that stand next to each other form a run; each word brings
its evidence (:mod:`translit.text.evidence`), and a run, or the part of it that is a name, is taken
as Russian when the evidence adds up: a known name of the lexicon, a Cyrillic word, a Russian
given name with a surname-like word, a listed surname or a Russian surname ending that is not
a common word. A run with another given name (Tom, Julia) is left alone. A surname found once
in a full name is recognised alone later in the same text (``Peresild`` after ``Yulia
Peresild``). The style is decided per name, not per document.

>>> [m.text for m in find_names("Actress Yulia Peresild met Tom Cruise; Peresild's film.")]
['Yulia Peresild', 'Peresild']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from re import Match, Pattern

from translit.caching import Lazy
from translit.names.places import cues_before, foreign_cue_at
from translit.schemes.languages import language
from translit.schemes.scheme import has_cyrillic
from translit.text.blanks import Blanks
from translit.text.evidence import LISTED, WordInfo
from translit.text.mentions import NameMention, NamePart, Template, mention_at, template
from translit.text.runs import (
    BREAKERS,
    Shape,
    Word,
    extend_run,
    open_run_pattern,
    run_entry,
    run_pattern,
    shape_cache,
)

__all__ = ["NameMention", "NamePart", "find_mentions", "find_names"]


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


def _surname_shaped(info: WordInfo) -> bool:
    """A word that is no common word and reads as a Cyrillic surname ending (-ов, -ский),
    though less plausibly than a listed or ``ending`` word: a surname right after a Russian
    given name (Konstantin Nowosjolow)."""
    from translit.names.data import name_data

    return info.role == "fits" and not info.common and info.cyrillic is not None and \
        name_data().surname_ending(info.cyrillic) is not None


def _reads_russian(info: WordInfo) -> bool:
    """A word that is no common word and whose reading looks Russian by its letters, though
    no table lists it: a surname right after a given name that only Russian has (Sergej
    Semak; not Diana Ross)."""
    from translit.text.evidence import plausible

    return info.role == "fits" and not info.common and info.cyrillic is not None and \
        len(info.cyrillic) > 3 and plausible(info.cyrillic)


def _forms(word: Word) -> frozenset[str]:
    """The word as written (lowercase, each part) and its Cyrillic reading: another person's
    word is recognised in either script (MIR after МИР … Klitschko)."""
    forms = [part.lower() for part in word.text.split()]
    if word.info is not None and word.info.cyrillic is not None:
        forms.append(word.info.cyrillic)
    return frozenset(forms)


def _segments(run: list[Word], sentence_start: bool, headline: bool, known: set[str],
              foreign_words: set[str]) -> list[list[Word]]:
    """The stretches of ``run`` made only of name-like words (initials included).

    A word at the start of a sentence or in a headline needs more: standing alone, it must
    not be a common word (``Mir`` at the start of a German sentence, ``Progress`` in a
    headline); an ALL-CAPS word (a dateline) is not held to that.
    """
    out, foreign = _stretches(run, known)
    if foreign:
        foreign_words.update(foreign)
    # Wladimir alone, after Wladimir Klitschko
    return [segment for segment in _kept(run, out, sentence_start, headline)
            if len(segment) > 1 or _forms(segment[0]).isdisjoint(foreign_words)]


def _stretches(run: list[Word], known: frozenset[str] | set[str]
               ) -> tuple[list[list[Word]], frozenset[str]]:
    """The stretches of name-like words, and the words (as :func:`_forms`) of the other
    people's names in ``run``: a breaker (another language's given name or a listed
    non-Russian name), the name-like words right before it and those right after it."""
    out: list[list[Word]] = []
    current: list[Word] = []
    foreign = False
    foreign_words: set[str] = set()
    for word in run:
        before = current[-1].info if current else None
        after_given = before is not None and before.role == "given"
        if _is_name_word(word, False, known) or (
                after_given and word.info is not None and word.info.cyrillic is not None
                and (word.info.role == "other_given" or _surname_shaped(word.info)
                     or (_reads_russian(word.info) and before is not None
                         and not before.ambiguous_given))):
            if foreign:
                foreign_words.update(_forms(word))
            else:
                current.append(word)
        else:
            # The words right after another given name belong to that person (Doug Liman).
            breaker = word.info is not None and word.info.role in BREAKERS and \
                word.info.kind != "place"  # in Venedig Andrei Kontschalowski: no one's words
            if breaker:  # that person's words, not the rest of the run (Lavrov Meets Baerbock)
                foreign_words.update(_forms(word))
                foreign_words.update(form for w in current for form in _forms(w))
            if current:
                out.append(current)
            current = []
            foreign = breaker
    if current:
        out.append(current)
    return out, frozenset(foreign_words)


def _all_caps(word: str) -> bool:
    """An ALL-CAPS word of two letters or more (a dateline's MOSCOW, not the letter В)."""
    return len(word) > 1 and word.isupper()


def _kept(run: list[Word], out: list[list[Word]], sentence_start: bool, headline: bool
          ) -> list[list[Word]]:
    kept = []
    for segment in _split_by_case(out):
        while _role_first(segment):
            segment = segment[1:]
        first = segment[0]
        guarded = headline or (sentence_start and first is run[0])
        if guarded and len(segment) > 1 and first.info is not None and \
                first.info.role == "cyrillic" and first.info.common and not _all_caps(first.text):
            segment = segment[1:]  # Из Москвы: a capitalized word at a sentence start
            first, guarded = segment[0], headline
        if guarded and len(segment) == 1 and not _all_caps(first.text) and \
                not _is_name_word(first, True):
            continue
        if len(segment) == 1 and first.info is not None and first.info.role == "cyrillic" and \
                first.info.common and not _all_caps(first.text) and _only_common(first.text):
            continue  # Российская, Международной: a common word alone is no name anywhere
        if any(not w.initial for w in segment):
            kept.append(segment)
    return kept


def _only_common(word: str) -> bool:
    """A word the dictionary knows only as a common word, whose dictionary form no table
    lists either (Российская; not Кремля, the Кремль of the places table)."""
    from translit.names.places import known_cyrillic
    from translit.text.morphology import dictionary_form, is_common_word

    return is_common_word(word) and known_cyrillic(dictionary_form(word).lower()) is None


def _role_first(segment: list[Word]) -> bool:
    """Whether a Cyrillic name of several words starts with a common noun, a title or role
    (Губернатор Свердловской области, Мэр Москвы)."""
    first = segment[0]
    if len(segment) < 2 or first.info is None or first.info.role != "cyrillic" or \
            _all_caps(first.text):
        return False
    from translit.text.morphology import is_common_noun

    return is_common_noun(first.text) and _only_common(first.text)


def _split_by_case(segments: list[list[Word]]) -> list[list[Word]]:
    """Adjacent Cyrillic names in different cases as separate segments (вдова Навального
    Юлия Навальная: two people), by :func:`translit.text.morphology.name_starts`."""
    out: list[list[Word]] = []
    for segment in segments:
        if len(segment) < 2 or not has_cyrillic(segment[0].text):
            out.append(segment)
            continue
        from translit.text.morphology import name_starts

        last = 0
        words = tuple(w.text for w in segment)
        for start in sorted({*name_starts(words), *_given_name_starts(words),
                             *_surname_pair_starts(segment), *_common_after_initial(segment)}):
            out.append(segment[last:start])
            last = start
        out.append(segment[last:])
    return out


def _given_name_starts(words: tuple[str, ...]) -> list[int]:
    """Where a given name follows a word that is neither a given name, a patronymic nor an
    initial (МИД | Мария Захарова, Германии | Олаф Шольц, Вдова Бориса Ельцина | Наина
    Ельцина): a new name, whatever the cases allow."""
    given = [_given_name(word) for word in words]
    return [i for i in range(1, len(words)) if given[i] and not given[i - 1]
            and not words[i - 1].endswith(".") and not _patronymic(words[i - 1])]


_KNOWN_ALONE = frozenset({"lexicon", "place", "organization", "surname"})


def _surname_pair_starts(segment: list[Word]) -> list[int]:
    """Where a word follows a name that stands alone before any given name or initial
    (Хрущёва | Кеннеди, с Шеварднадзе | Горбачев, в Штутгарте | Седых, Совбез | Шойгу): a
    surname, place or organization the tables or the dictionary know does not take a second
    surname after it. A first word known only by its shape, or a place in its own form, keeps
    the stretch whole (Великий Новгород, Ванде Хаю, Милан Кундера)."""
    starts = []
    for i in range(1, len(segment)):
        before, word = segment[i - 1], segment[i].text
        if before.initial or before.text.endswith(".") or _given_name(before.text) \
                or _patronymic(before.text):
            break
        if word.endswith(".") or _patronymic(word) or _given_name(word):
            continue
        if _place_by_name(before.text):
            continue
        info = before.info
        if (info is not None and info.role in _KNOWN_ALONE) or _known_alone(before.text):
            starts.append(i)
    return starts


def _place_by_name(word: str) -> bool:
    """A place in its own form, not a surname: it may be a foreign given name (Милан
    Кундера, Лион Фейхтвангер), so what follows it stays in the same name."""
    from translit.text.listed_forms import listed_form
    from translit.text.morphology import is_organization, name_tags

    return listed_form((word,)) == (word,) and "Surn" not in name_tags(word) \
        and not is_organization((word,))


def _common_after_initial(segment: list[Word]) -> list[int]:
    """A common word after an initial's full stop starts a sentence, not a name's next part
    (Ван И. | Позже | Шойгу): it stands apart, to be dropped as no name."""
    out: list[int] = []
    for i in range(1, len(segment)):
        if segment[i - 1].text.endswith(".") and _only_common(segment[i].text):
            out += (i, i + 1)
    return [i for i in out if i < len(segment)]


def _known_alone(word: str) -> bool:
    """A surname, place or organization by itself: in the dictionary (Хрущёва, Штутгарте) or
    in the tables by a case ending (Совбез, Москвы)."""
    from translit.text.listed_forms import listed_form
    from translit.text.morphology import is_organization, is_place, name_tags

    return "Surn" in name_tags(word) or is_place((word,)) or is_organization((word,)) \
        or listed_form((word,)) is not None


def _given_name(word: str) -> bool:
    """A given name in any case: the name tables', the first word of a person the lexicon
    lists (Олаф), or the dictionary's (Валентиной)."""
    from translit.names.data import name_data
    from translit.text.morphology import name_tags

    word = word.split(" ", 1)[0]  # a listed name of several words is one unit (Олаф Шольц)
    lower = word.lower()
    data = name_data()
    return lower in data.given or lower in data.variant_of or lower in _lexicon_given.get() \
        or ("Name" in (tags := name_tags(word)) and "Surn" not in tags)


def _patronymic(word: str) -> bool:
    from translit.names.data import name_data
    from translit.text.morphology import name_tags

    return word.lower() in name_data().patronymics or "Patr" in name_tags(word)


def _build_lexicon_given() -> frozenset[str]:
    from translit.names.lexicon import lexicon

    return frozenset(entry.cyrillic.lower().split()[0] for entry in lexicon().entries
                     if entry.kind == "person" and len(entry.cyrillic.split()) > 1)


_lexicon_given = Lazy(_build_lexicon_given)
"""The first words of the lexicon's people of several words (Олаф of Олаф Шольц)."""


Planned = tuple[list[Word], "frozenset[str] | None", "bool | None", tuple[str, ...],
                "Template | None"]


def _plan(shape: Shape, sentence_start: bool, headline: bool
          ) -> tuple[frozenset[str], list[Planned]]:
    """What :func:`_segments` and :func:`_decide` give for ``shape`` while no word of it is
    known from a full name: (words for ``foreign_words``, [(segment, its word if alone,
    the decision or None if it rests on ``known``, the Cyrillic it makes known, the
    mention's template)]; segments that are no name are left out)."""
    index = sentence_start + 2 * headline
    found: tuple[frozenset[str], list[Planned]] | None = shape.plans[index]
    if found is not None:
        return found
    out, foreign = _stretches(shape.units, frozenset())
    planned: list[Planned] = []
    for segment in _kept(shape.units, out, sentence_start, headline):
        decided: bool | None = _decide(segment, set())
        infos = [w.info for w in segment if w.info is not None]
        if not decided and len(infos) == 1 and infos[0].cyrillic is not None:
            decided = None  # a short word alone: a name only if known (_decide)
        if decided is False:
            continue
        cyrillic = tuple(i.cyrillic for i in infos if i.cyrillic) if len(segment) > 1 else ()
        planned.append((segment, _forms(segment[0]) if len(segment) == 1 else None,
                        decided, cyrillic, template(segment)))
    found = shape.plans[index] = (foreign, planned)
    return found


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


def _line(text: str, start: int, blanks: Blanks) -> tuple[int, bool]:
    """(the end of the line around ``start``, whether it is a Title Case headline: most words
    capitalized)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    if line_end < 0:
        line_end = len(text)
    if blanks and blanks.touches(line_start, line_end):
        return line_end, _title_case_line(blanks.window(text, line_start, line_end))
    last = line_end - 1
    while last > line_start and text[last] in " \t\r":
        last -= 1
    if text[last] in ".,":  # prose (most lines): no need to copy the line
        return line_end, False
    return line_end, _title_case_line(text[line_start:line_end])


def _title_case_line(line: str) -> bool:
    if line.rstrip().endswith((".", ",")):
        return False
    split = line.split()
    lower = 0
    for word in split:  # prose: many lowercase words soon
        if word[:1].isalpha() and not word[0].isupper():
            lower += 1
            if lower > len(split) // 4:
                return False
    words = [w for w in split if w[:1].isalpha()]
    if len(words) < 4:
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _foreign_cue(text: str, first: int, last: int, lang: str, cues: frozenset[str],
                 blanks: Blanks) -> bool:
    """:func:`foreign_cue_at` on the text as the blanks leave it."""
    lo, hi = max(0, first - 40), last + 24  # the words it reads around the name
    if not blanks or not blanks.touches(lo, hi):
        return foreign_cue_at(text, first, last, lang, cues)
    return foreign_cue_at(blanks.window(text, lo, hi), first - lo, last - lo, lang, cues)


def find_names(text: str, *, lang: str = "en", lexicon: bool = True) -> list[NameMention]:
    """Every Russian name in ``text`` (``lang``: en, de or auto), in order.

    >>> [m.cyrillic for m in find_names("Der Kosmonaut Anton Schkaplerow", lang="de")]
    ['антон шкаплеров']
    """
    return [mention_at(text, base, made) for base, made in _find(text, lang, lexicon, Blanks())]


def find_mentions(text: str, *, lang: str = "en", lexicon: bool = True,
                  blanks: Sequence[tuple[int, int]] = ()) -> list[tuple[int, Template]]:
    """:func:`find_names` as (start of the run, template) pairs, in order: a mention is
    ``mention_at(text, start, template)``, and every mention of the same run of words has the
    same template (which keys the caches of what is made of it). Cheaper when most mentions only
    need their offsets (``start + template.first``, ``start + template.last``). The ``blanks``
    (start, end), sorted and apart, are read as spaces: the temporal expressions that get
    rewritten, so that no weekday joins a name and no "a.m." ends a sentence.

    >>> [(base + t.first, t.cyrillic) for base, t in find_mentions("Putin's aide")]
    [(0, 'путин')]
    >>> [t.cyrillic for _, t in find_mentions("KIKOW TUESDAY", blanks=[(6, 13)])]
    ['киков']
    """
    return _find(text, lang, lexicon, Blanks(blanks))


SHORT_LINE = 40
"""The ``wrap_min_line`` of ``common.toml``, for the examples: a line shorter than this
(characters) is no wrapped prose but a list item, a caption, a credit; a name never goes on
from it to the next line ("Oleg Novitsky" / "Roskosmos")."""

Run = tuple[int, int, int]
"""(start, end, the end of the stretch it lies in) of a run of capitalized words."""


def _runs(text: str, blanks: Blanks, wrap: int = SHORT_LINE) -> list[tuple[int, list[Run]]]:
    """The runs of ``text`` as the blanked text shows them, by stretch between blanks: (the
    stretch's start, its runs). None crosses a blank or goes on from a short line, and one may
    start right after a blank whatever the blanked character was; ``wrap``: see
    :func:`_lines_apart`."""
    pattern = run_pattern()
    if not blanks:
        return [(0, _lines_apart(text, pattern.finditer(text), len(text), wrap))]
    out: list[tuple[int, list[Run]]] = []
    opening = open_run_pattern()
    for start, end in blanks.stretches(len(text)):
        found: list[Match[str]] = []
        position = start
        if start:  # a stretch after the first starts where a blank ends
            first = opening.match(text, start, end)
            if first is not None:
                found.append(first)
                position = first.end()
        found.extend(pattern.finditer(text, position, end))
        out.append((start, _lines_apart(text, found, end, wrap)))
    return out


def _lines_apart(text: str, matches: Iterable[Match[str]], limit: int, wrap: int = SHORT_LINE
                 ) -> list[Run]:
    """The runs of ``matches``, each cut where it goes on from a line shorter than ``wrap``
    characters (every line break if ``wrap`` is 0) or from a Title Case headline.

    >>> text = "Crew:\\nOleg Novitsky\\nRoskosmos"
    >>> [text[a:b] for a, b, _ in _lines_apart(text, run_pattern().finditer(text), len(text))]
    ['Crew', 'Oleg Novitsky', 'Roskosmos']
    """
    out: list[Run] = []
    for match in matches:
        start, end = match.start(), match.end()
        if "\n" not in match[0]:
            out.append((start, end, limit))
            continue
        position = text.find("\n", start, end)
        while position >= 0:
            line_start = text.rfind("\n", 0, position) + 1
            if not wrap or position - line_start < wrap or \
                    _title_case_line(text[line_start:position]):  # a headline ends there
                last = position - 1 if text[position - 1] == " " else position
                out.append((start, last, limit))
                start = position + 2 if text[position + 1] == " " else position + 1
            position = text.find("\n", position + 1, end)
        out.append((start, end, limit))
    return out


def _find(text: str, lang: str, lexicon: bool, blanks: Blanks) -> list[tuple[int, Template]]:
    cache, lookup = shape_cache(lang, lexicon)
    known: set[str] = set()
    foreign_words: set[str] = set()
    line_end, headline = -1, False  # the line of the last run seen
    mentions: list[tuple[int, Template]] = []
    phrases, cues = lookup.phrases, cues_before(lang)
    marks = language(lang).name_sentence_marks  # a word after one opens a sentence
    titles = _titles(text, lang)  # «Зенита»: a title's first word opens no sentence
    taken = 0  # the end of the last run taken on over the words after it (Sea of Okhotsk)
    for stretch, matches in _runs(text, blanks, language(lang).wrap_min_line):
        for base, run_end, limit in matches:
            if base < taken:
                continue
            run = text[base:run_end]
            entry = cache.get(run)
            if entry is None:
                entry = cache[run] = run_entry(run, lang, lexicon, lookup)
            if entry.head:  # Звёздный городок, Swjosdny gorodok
                end = extend_run(text, base, run_end, phrases, limit)
                if end > run_end:
                    run, taken = text[base:end], end
                    entry = cache.get(run)
                    if entry is None:
                        entry = cache[run] = run_entry(run, lang, lexicon, lookup)
            shapes, relevant, readings, _ = entry
            if not relevant and known.isdisjoint(readings):
                continue  # no name evidence, and no word of a name seen before
            for shape in shapes:
                fixed = known.isdisjoint(shape.cyrillic)
                if fixed and not shape.relevant:
                    continue
                units = shape.units
                start = base + units[0].start
                sentence_start = (start == 0 or not marks.isdisjoint(
                    text[max(0, start - 3):start] if start - 3 >= stretch or not stretch
                    else blanks.window(text, start - 3, start))) and \
                    not any(a == start for a, _ in titles)
                if start >= line_end and lang == "en":
                    line_end, headline = _line(text, start, blanks)
                if fixed:
                    plan = shape.plans[sentence_start + 2 * headline]
                    foreign, planned = plan or _plan(shape, sentence_start, headline)
                    if foreign:
                        foreign_words.update(foreign)
                else:
                    planned = [(segment, None, None, (), None) for segment in
                               _segments(units, sentence_start, headline, known, foreign_words)]
                for segment, alone, decided, cyrillic, made in planned:
                    if alone is not None and not alone.isdisjoint(foreign_words):
                        continue
                    if decided is None:
                        decided = _decide(segment, known)
                        if decided and len(segment) > 1:
                            cyrillic = tuple(w.info.cyrillic for w in segment
                                             if w.info is not None and w.info.cyrillic)
                    if not decided:
                        continue
                    first, last = base + segment[0].start, base + segment[-1].end
                    if _foreign_cue(text, first, last, lang, cues, blanks):
                        if len(segment) > 1:  # Rybakina alone, after Elena Rybakina of Kazakhstan
                            foreign_words.update(_forms(segment[-1]))
                        continue
                    known.update(cyrillic)
                    if made is None:
                        key = (id(segment[0]), len(segment))
                        made = shape.mentions.get(key) or shape.mentions.setdefault(
                            key, template(segment))
                    mentions.append((base, made))
    return _outside_titles(text, mentions, lang, lexicon)


def _outside_titles(text: str, mentions: list[tuple[int, Template]], lang: str, lexicon: bool
                    ) -> list[tuple[int, Template]]:
    """``mentions`` without those inside a title in quotes (``title_quotes`` of the language
    table: «Мастер и Маргарита», корабль «Восток»), unless the mention is the whole quote and
    an organization the tables list (тренер «Зенита») or a name that reads as neither a person
    nor a place (компания «Норникель»)."""
    titles = _titles(text, lang) if mentions else []
    if not titles:
        return mentions
    out = []
    for base, made in mentions:
        first, last = base + made.first, base + made.last
        title = next(((a, b) for a, b in titles if a <= first and last <= b), None)
        if title is None or (title == (first, last) and (
                made.kind not in ("person", "place") or (lexicon and _listed_organization(made)))):
            out.append((base, made))
    return out


def _titles(text: str, lang: str) -> list[tuple[int, int]]:
    """The (start, end) of the text inside each title quote of ``text`` (see
    :func:`_outside_titles`)."""
    facts = language(lang)
    if not facts.title_quotes:
        return []
    return [match.span(1) for pair in facts.title_quotes
            for match in _title_pattern(pair).finditer(text)
            if len(match[1].split()) <= facts.title_words]


@lru_cache(maxsize=16)
def _title_pattern(pair: str) -> Pattern[str]:
    """Quotes of one line between the two marks of ``pair``, the text inside as group 1.

    >>> _title_pattern("«»").findall("роман «Мастер и Маргарита» и «Иннопром»")
    ['Мастер и Маргарита', 'Иннопром']
    """
    return re.compile(f"{re.escape(pair[0])}([^\n{re.escape(pair)}]+){re.escape(pair[1])}")


def _listed_organization(made: Template) -> bool:
    """Whether the tables list the name of ``made`` (read by its case ending or dictionary
    form) as an organization."""
    from translit.names.lexicon import lexicon
    from translit.names.places import known_cyrillic
    from translit.text.listed_forms import listed_form
    from translit.text.morphology import dictionary_forms

    words = tuple(part.text for part in made.parts)
    name = " ".join(listed_form(words) or dictionary_forms(words)).lower()
    return (known_cyrillic(name) or lexicon().kind(name)) == "organization"
