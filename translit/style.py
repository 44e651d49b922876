"""Which scheme a Latin spelling follows, told from the scheme tables themselves.

Every scheme has an alphabet (the letters its table writes) and pieces of two or more letters
(``sch``, ``tsch`` and ``w`` for German; ``kh``, ``zh``, ``sh`` and ``y`` for English; ``ou`` and
``tch`` for French; diacritics for the scholarly schemes). A spelling is scored against each
scheme: a letter the scheme never writes costs a lot, each multi-letter piece it uses counts for
it. The best score wins; ties go to the more common press styles first.

>>> detect_style("Anton Schkaplerow")[0]
'de'
>>> detect_style("Anton Shkaplerov")[0]
'en'
>>> detect_style("Ioulia Peressild")[0]
'fr'
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from translit.inversion import Inverse, fold_latin, inverse_of

PREFERENCE = ("en", "de", "fr", "bgn", "icao", "alalc", "scientific", "iso9")
"""Tie-break order: the press styles first, then the standards."""
UNKNOWN_COST = 10.0


@dataclass(frozen=True)
class StyleProfile:
    """What tells a scheme apart: the letters it writes alone, and its multi-letter pieces."""

    scheme: str
    singles: frozenset[str]
    alphabet: frozenset[str]
    pieces: tuple[tuple[str, int], ...]
    order: int

    def unknown(self, text: str) -> int:
        """How many letters of ``text`` no single letter or piece of the scheme explains."""
        missing = 0
        for index, char in enumerate(text):
            if char in self.singles or not (char.isalpha() or char == "'"):
                continue
            if char not in self.alphabet or not self._inside_piece(text, index):
                missing += 1
        return missing

    def _inside_piece(self, text: str, index: int) -> bool:
        for piece, _ in self.pieces:
            start = max(0, index - len(piece) + 1)
            found = text.find(piece, start, index + len(piece))
            while 0 <= found <= index:
                if found + len(piece) > index:
                    return True
                found = text.find(piece, found + 1, index + len(piece))
        return False


def _profile(scheme: str, order: int) -> StyleProfile:
    inverse: Inverse = inverse_of(scheme)
    singles = {k for k in inverse.entries if len(k) == 1}
    alphabet = set(inverse.alphabet)
    pieces = {k for k in inverse.entries if len(k) > 1}
    for latin in inverse.words:
        alphabet.update(latin)
    ranked = tuple(sorted(((k, len(k) - 1) for k in pieces), key=lambda item: -item[1]))
    return StyleProfile(scheme, frozenset(singles), frozenset(alphabet), ranked, order)


_lock = threading.Lock()
_profiles: dict[tuple[str, ...], tuple[StyleProfile, ...]] = {}


def profiles() -> tuple[StyleProfile, ...]:
    """The style profile of every Latin scheme (built once per set of schemes)."""
    from translit.registry import scheme_files

    ids = tuple(sorted(scheme_files()))
    found = _profiles.get(ids)
    if found is None:
        ranked = sorted(ids, key=lambda s: (PREFERENCE.index(s) if s in PREFERENCE
                                            else len(PREFERENCE), s))
        built = tuple(_profile(s, i) for i, s in enumerate(ranked))
        built = tuple(p for p in built if p.alphabet)
        with _lock:
            _profiles[ids] = built
        found = built
    return found


def style_scores(text: str) -> list[tuple[str, float]]:
    """Every Latin scheme with its score for ``text`` (higher fits better), best first."""
    folded = fold_latin(text)
    scored: list[tuple[float, int, str]] = []
    for profile in profiles():
        score = -UNKNOWN_COST * profile.unknown(folded)
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
    out = [s for s, score in scored if score >= best - margin and score > -UNKNOWN_COST]
    return (out or [scored[0][0]])[:limit]
