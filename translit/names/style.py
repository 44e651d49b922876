"""Which scheme a Latin spelling follows, told from the scheme tables themselves.

Every scheme has an alphabet (the letters its table writes) and pieces of two or more letters
(``sch``, ``tsch`` and ``w`` for German; ``kh``, ``zh``, ``sh`` and ``y`` for English; ``ou`` and
``tch`` for French; diacritics for the scholarly schemes). A spelling is scored against each
scheme: a letter the scheme never writes costs a lot, each multi-letter piece it uses counts for
it. The best score wins; ties go to the scheme with the lower ``preference`` (``[scheme]`` of
its table: the common press styles first), then by id; a scheme with none comes after them.

>>> detect_style("Anton Schkaplerow")[0]
'de'
>>> detect_style("Anton Shkaplerov")[0]
'en'
>>> detect_style("Ioulia Peressild")[0]
'fr'
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

from translit import caching, table_layer
from translit.names.inversion import Inverse, fallback_entries, fold_latin, inverse_of
from translit.schemes import registry

UNKNOWN_COST = 10.0
FALLBACK_COST = 3.0


@dataclass(frozen=True)
class StyleProfile:
    """What tells a scheme apart: the letters it writes alone, and its multi-letter pieces."""

    scheme: str
    singles: frozenset[str]
    alphabet: frozenset[str]
    pieces: tuple[tuple[str, float], ...]
    order: int
    words: frozenset[str]
    covering: tuple[str, ...]

    def unknown(self, text: str) -> float:
        """The cost of the letters of ``text`` that no letter or piece of the scheme explains:
        a letter that ``tables/names/latin.toml`` reads costs less than one nothing reads."""
        singles = self.singles
        if all(c in singles for c in text if c.isalpha() or c == "'"):
            return 0.0
        rest = text
        for piece in self.covering:
            if piece in rest:
                rest = rest.replace(piece, " ")
        fallback = fallback_entries()
        return sum(FALLBACK_COST if c in fallback else UNKNOWN_COST for c in rest
                   if c not in singles and (c.isalpha() or c == "'"))


def _weight(piece: str, singles: set[str]) -> float:
    """How much a piece tells: half as much when the scheme's single letters also spell it
    (``ev``, ``ou``) as when they cannot (``sch``, ``kh``)."""
    size = len(piece) - 1
    return size / 2 if all(c in singles for c in piece) else float(size)


def _profile(scheme: str, order: int) -> StyleProfile:
    inverse: Inverse = inverse_of(scheme)
    singles = {k for k in inverse.entries if len(k) == 1}
    alphabet = set(inverse.alphabet)
    pieces = {k for k in inverse.entries if len(k) > 1}
    for latin in inverse.words:
        alphabet.update(latin)
    ranked = tuple(sorted(((k, _weight(k, singles)) for k in pieces), key=lambda item: -item[1]))
    covering = tuple(sorted((k for k in pieces if any(c not in singles for c in k)),
                            key=lambda k: -len(k)))
    return StyleProfile(scheme, frozenset(singles), frozenset(alphabet), ranked, order,
                        frozenset(inverse.words), covering)


def _rank(scheme: str) -> tuple[float, str]:
    """Where ``scheme`` stands among equally good styles: its table's preference, then its id.

    >>> sorted(["iso9", "de", "en"], key=_rank)
    ['en', 'de', 'iso9']
    """
    preference = registry.get_scheme(scheme).spec.preference
    return (math.inf if preference is None else preference, scheme)


_lock = threading.Lock()
_profiles: dict[tuple[object, ...], tuple[StyleProfile, ...]] = caching.tracked({})


def profiles() -> tuple[StyleProfile, ...]:
    """The style profile of every Latin scheme (built once per set of schemes)."""
    state = table_layer.state()
    found = _profiles.get(state)
    if found is None:
        ranked = sorted(registry.russian_scheme_ids(), key=_rank)
        built = tuple(_profile(s, i) for i, s in enumerate(ranked))
        built = tuple(p for p in built if p.alphabet)
        with _lock:
            _profiles[state] = built
        found = built
    return found


def style_scores(text: str) -> list[tuple[str, float]]:
    """Every Latin scheme with its score for ``text`` (higher fits better), best first."""
    folded = fold_latin(text)
    scored: list[tuple[float, int, str]] = []
    for profile in profiles():
        rest = folded
        if profile.words:
            rest = " ".join(w for w in folded.split() if w not in profile.words)
        score = -profile.unknown(rest)
        for piece, weight in profile.pieces:
            if piece in folded:
                score += weight * folded.count(piece)
        scored.append((score, profile.order, profile.scheme))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [(scheme, score) for score, _, scheme in scored]


def detect_style(text: str) -> list[str]:
    """The schemes ``text`` may be written in, most likely first (all Latin schemes)."""
    return [scheme for scheme, _ in style_scores(text)]


def plausible_styles(text: str, *, limit: int = 3, margin: float = 2.0) -> list[str]:
    """The few schemes worth reading ``text`` back with: close to the best and fully covering."""
    scored = style_scores(text)
    best = scored[0][1]
    out = [s for s, score in scored if score >= best - margin and score > -UNKNOWN_COST + 1]
    return (out or [scored[0][0]])[:limit]
