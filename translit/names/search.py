"""Read one Latin word back into Cyrillic: a beam search over a scheme's inverse entries.

Each inverse entry (:mod:`translit.names.inversion`) that matches the Latin word at the current
position extends the partial Cyrillic candidates; context conditions are checked against the
Cyrillic already built (``after``) or the next letter (``before``); endings only close a word;
letters that write nothing (ь, ъ) are inserted after a consonant. Partial candidates are ranked
by the letter model and the spelling rules (:mod:`translit.names.spelling`), so the beam keeps what
looks Russian.

>>> [c for c, _ in search_word("peressild", "de")][:1]
['пересильд']
"""

from __future__ import annotations

import threading
from typing import NamedTuple

from translit import caching
from translit.names.inversion import Inverse, InverseEntry, fallback_entries, inverse_of
from translit.names.spelling import LetterModel, letter_model, spelling_penalty
from translit.schemes.engine import Rule
from translit.schemes.languages import letter_classes

BEAM = 40
KEEP = 30
SILENT_COST = 0.7
FALLBACK_COST = 3.0
_consonants = caching.Lazy(lambda: frozenset(letter_classes()["consonant"]))
"""The consonants of the source alphabet (``tables/languages``): a silent letter follows one."""


class State(NamedTuple):
    """A partial candidate: Cyrillic so far, its score, and a rule waiting for its right side."""

    cyrillic: str
    score: float
    pending: Rule | None
    pending_end: int


def _right_side_holds(rule: Rule | None, word: str, end: int) -> bool:
    if rule is None:
        return True
    if rule.before is not None and not rule.before.holds_after(word, end):
        return False
    return rule.not_before is None or not rule.not_before.holds_after(word, end)


def _left_side_holds(rule: Rule | None, word: str, start: int) -> bool:
    if rule is None:
        return True
    if rule.after is not None and not rule.after.holds_before(word, start):
        return False
    return rule.not_after is None or not rule.not_after.holds_before(word, start)


def _extend(state: State, entry: InverseEntry, model: LetterModel) -> State | None:
    prefix = state.cyrillic
    new = prefix + entry.cyrillic
    if not _left_side_holds(entry.rule, new, len(prefix)):
        return None
    if state.pending is not None and not _right_side_holds(state.pending, new,
                                                           state.pending_end):
        return None
    score = state.score + model.extend(prefix, entry.cyrillic)
    if entry.kind == "fallback":
        score -= FALLBACK_COST
    if prefix:
        score -= spelling_penalty(new, len(prefix) - 1, len(new) - 1)
    else:
        score -= spelling_penalty(new, 0, len(new) - 1)
    rule = entry.rule
    waits = rule is not None and (rule.before is not None or rule.not_before is not None)
    return State(new, score, rule if waits else None, len(new))


def _finish(state: State, model: LetterModel) -> float | None:
    word = state.cyrillic
    if not word or not _right_side_holds(state.pending, word, state.pending_end):
        return None
    return state.score + model.finish(word) - spelling_penalty(word, len(word) - 1)


def _silent(state: State, inverse: Inverse, model: LetterModel) -> list[State]:
    out = []
    if state.cyrillic and state.cyrillic[-1] in _consonants.get():
        for entry in inverse.silent:
            grown = _extend(state, entry, model)
            if grown is not None:
                out.append(grown._replace(score=grown.score - SILENT_COST))
    return out


def _fallback(word: str, position: int, inverse: Inverse) -> list[InverseEntry]:
    """Readings from ``tables/names/latin.toml`` for pieces the scheme never writes."""
    table = fallback_entries()
    found: list[InverseEntry] = []
    for length in (4, 3, 2, 1):
        piece = word[position:position + length]
        if len(piece) == length and piece in table:
            # A reading the scheme has only in some contexts (German j for й before a
            # vowel) is still a fallback elsewhere (Sergej, Alexej: j at the end).
            known = {e.cyrillic for e in inverse.entries.get(piece, ())
                     if e.kind != "context"}
            found.extend(e for e in table[piece] if e.cyrillic not in known)
    return found


def _prune(layer: dict[str, State], size: int) -> list[State]:
    states = sorted(layer.values(), key=lambda s: -s.score)
    return states[:size]


def search(word: str, inverse: Inverse, model: LetterModel, *, beam: int = BEAM,
           keep: int = KEEP) -> list[tuple[str, float]]:
    """Cyrillic readings of the lowercase Latin ``word`` under one inverse, best first."""
    size = len(word)
    layers: list[dict[str, State]] = [{} for _ in range(size + 1)]
    layers[0][""] = State("", 0.0, None, 0)  # keyed by Cyrillic (and the rule it waits for)
    done: dict[str, float] = {}
    whole = inverse.words.get(word)
    if whole is not None:
        done[whole] = model.logprob(whole) + 2.0
    for position in range(size + 1):
        states = _prune(layers[position], beam)
        layers[position] = {}  # memory: only the layers ahead hold states
        if position == size:
            for state in states + [s for st in states for s in _silent(st, inverse, model)]:
                final = _finish(state, model)
                if final is not None and final > done.get(state.cyrillic, -1e9):
                    done[state.cyrillic] = final
            break
        states = states + [s for state in states for s in _silent(state, inverse, model)]
        matches = inverse.matches(word, position) + _fallback(word, position, inverse)
        for state in states:
            for entry in matches:
                end = position + len(entry.latin)
                if entry.at_end and end != size:
                    continue
                grown = _extend(state, entry, model)
                if grown is None:
                    continue
                layer = layers[end]
                # A state still waiting for its right side is kept apart from one that is
                # not: the waiting one may fail where the other holds (Sergej: j for й).
                key = grown.cyrillic if grown.pending is None else \
                    grown.cyrillic + "\0" + grown.pending.label
                known = layer.get(key)
                if known is None or known.score < grown.score:
                    layer[key] = grown
    ranked = sorted(done.items(), key=lambda item: -item[1])
    return ranked[:keep]


_cache: dict[tuple[str, str], list[tuple[str, float]]] = caching.tracked({})
_lock = threading.Lock()


LONGEST = 64
"""Letters a word may have to be searched whole; a longer one (no name is) is read in pieces of
half that, so the work stays linear: each step of a search copies the readings so far."""


def search_word(word: str, scheme: str) -> list[tuple[str, float]]:
    """Cached :func:`search` of a lowercase Latin word under the scheme with this id.

    >>> search_word("a" * 100, "en")[0][0] == "а" * 100
    True
    """
    key = (word, scheme)
    found = _cache.get(key)
    if found is None:
        if len(word) > LONGEST:
            found = _search_pieces(word, scheme)
        else:
            found = search(word, inverse_of(scheme), letter_model())
        with _lock:
            if len(_cache) > 5_000:
                _cache.clear()
            _cache[key] = found
    return found


def _search_pieces(word: str, scheme: str) -> list[tuple[str, float]]:
    """One reading of a very long word: the best reading of each piece, joined."""
    step = LONGEST // 2
    inverse, model = inverse_of(scheme), letter_model()
    readings, total = [], 0.0
    for start in range(0, len(word), step):
        piece = word[start:start + step]
        found = search(piece, inverse, model)
        if not found:
            return []
        readings.append(found[0][0])
        total += found[0][1]
    return [("".join(readings), total)]


def clear_cache() -> None:
    """Forget cached searches (after tables change)."""
    with _lock:
        _cache.clear()
