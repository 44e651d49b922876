"""Normalize a whole article: Russian names in one spelling, dates and times in ISO 8601/UTC.

Every change is a span that keeps the original text, so the output can be traced back: put each
span's ``text`` back in place of its ``value`` and the input comes back exactly.

>>> doc = normalize("On Oct. 5 Julija Peressild flew.", names_to="en", ref="2021-10-04",
...                 lang="en")
>>> doc.normalized
'On 2021-10-05 Yulia Peresild flew.'
>>> [s["kind"] for s in doc.spans]
['date', 'name']
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from typing import Any

from translit.errors import TranslitError
from translit.schemes.sources import document_language
from translit.text.finder import find_mentions
from translit.text.rendering import Agreement, mention_span
from translit.text.spans import Span, apply_spans

KINDS = ("name", "date", "time", "duration", "set")
_ALL_KINDS = frozenset(KINDS)
LANGS = ("auto", "en", "de", "ru")


@dataclass
class Document:
    """An article: its original text, the normalized text and the spans that changed."""

    text: str
    normalized: str
    spans: list[Span] = field(default_factory=list)
    lang: str = "auto"
    ref: date | None = None
    source: str = "-"

    def as_dict(self) -> dict[str, Any]:
        """The JSON form: ``{"source", "ref", "lang", "text", "spans"}`` (text is normalized)."""
        return {"source": self.source, "ref": self.ref.isoformat() if self.ref else None,
                "lang": self.lang, "text": self.normalized, "spans": self.spans}

    def restore(self) -> str:
        """The original text, rebuilt from the normalized text and the spans."""
        out: list[str] = []
        position = 0
        for span in sorted(self.spans, key=lambda s: s["start"]):
            out.append(self.normalized[position:span["out_start"]])
            out.append(span["text"])
            if span["kind"] == "name" and "suffix" in span:
                out.append(span["suffix"])  # the ending the output writes in ``inflected``
            position = span["out_end"]
        out.append(self.normalized[position:])
        return "".join(out)


def _overlaps(start: int, end: int, taken: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether ``start:end`` overlaps one of ``taken`` (sorted, not overlapping each other)."""
    index = bisect_left(starts, end)
    return index > 0 and taken[index - 1][1] > start


def normalize(text: str, *, names_to: str = "en", ref: str | date | None = None,
              lang: str = "auto", kinds: Iterable[str] = KINDS, region: str | None = None,
              lexicon: bool = True, source: str = "-") -> Document:
    """Find names and temporal expressions in ``text`` and rewrite them.

    ``names_to`` is a scheme id or ``cyrillic``; ``ref`` the reference date (else the dateline);
    ``lang`` en, de, ru or auto; ``kinds`` which span kinds to touch.
    """
    from translit.temporal import collect_temporal

    wanted = _ALL_KINDS if kinds is KINDS else frozenset(kinds)
    unknown = wanted - _ALL_KINDS
    if unknown:
        raise TranslitError(f"unknown span kind(s) {', '.join(sorted(unknown))}; "
                            f"known: {', '.join(KINDS)}")
    if lang not in LANGS:
        raise TranslitError(f"unknown language {lang!r}; known: {', '.join(LANGS)}")
    temporal = collect_temporal(text, ref=ref, lang=lang, region=region)
    spans: list[Span] = [s for s in temporal.spans if s["kind"] in wanted]  # ours to change
    taken = sorted((s["start"], s["end"]) for s in spans)
    starts = [start for start, _ in taken]
    if "name" in wanted:
        blanks = [(s["start"], s["end"]) for s in spans if s["value"] is not None]
        agreement = Agreement(names_to)  # a surname alone takes its full name's spelling
        written_in = document_language(text)  # Ukrainian text: Денис Шмигаль is Ukrainian
        for base, made in find_mentions(text, lang=temporal.lang, lexicon=lexicon,
                                        blanks=blanks):
            if taken and _overlaps(base + made.first, base + made.last, taken, starts):
                continue
            spans.append(agreement.apply(made, mention_span(text, base, made, names_to,
                                                            lexicon=lexicon,
                                                            source=written_in)))
    spans.sort(key=itemgetter("start"))
    normalized = apply_spans(text, spans)
    return Document(text, normalized, spans, temporal.lang, temporal.ref, source)
