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
from translit.text.finder import NameMention, find_mentions
from translit.text.mentions import mention_at
from translit.text.rendering import render_name

KINDS = ("name", "date", "time", "duration")
_ALL_KINDS = frozenset(KINDS)
LANGS = ("auto", "en", "de", "ru")


@dataclass
class Document:
    """An article: its original text, the normalized text and the spans that changed."""

    text: str
    normalized: str
    spans: list[dict[str, Any]] = field(default_factory=list)
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
            position = span["out_end"]
        out.append(self.normalized[position:])
        return "".join(out)


def _name_span(mention: NameMention, names_to: str, lexicon: bool) -> dict[str, Any]:
    rendered = render_name(mention, names_to, lexicon=lexicon)
    return {"kind": "name", "start": mention.start, "end": mention.end,
            "text": mention.text, "value": rendered.value, "cyrillic": rendered.cyrillic,
            "scheme": rendered.scheme, "key": rendered.key, "score": rendered.score,
            "entity": mention.kind}


def _overlaps(start: int, end: int, taken: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether ``start:end`` overlaps one of ``taken`` (sorted, not overlapping each other)."""
    index = bisect_left(starts, end)
    return index > 0 and taken[index - 1][1] > start


def _apply(text: str, spans: list[dict[str, Any]]) -> str:
    """Replace each span by its value (unresolved ones keep their text); record out offsets."""
    out: list[str] = []
    append = out.append
    position = length = 0
    for span in spans:
        start = span["start"]
        append(text[position:start])
        length += start - position
        value = span["value"]
        if value is None:
            value = span["text"]
        span["out_start"] = length
        length += len(value)
        span["out_end"] = length
        append(value)
        position = span["end"]
    append(text[position:])
    return "".join(out)


def _masked(text: str, spans: list[dict[str, Any]]) -> str:
    """``text`` with every span that gets rewritten blanked out (line breaks kept), so that
    the name finder sees what the rewritten text will show it: no weekday glued to a name
    ("KIKOW TUESDAY"), no point of "a.m." ending a sentence. Same offsets as ``text``.

    >>> _masked("Anton on TUESDAY.", [{"start": 9, "end": 16, "value": "2021-10-05"}])
    'Anton on        .'
    """
    pieces: list[str] = []
    position = 0
    for span in spans:
        if span["value"] is None:
            continue
        start, end = span["start"], span["end"]
        pieces.append(text[position:start])
        blank = text[start:end]
        pieces.append(" " * (end - start) if "\n" not in blank
                      else "".join("\n" if c == "\n" else " " for c in blank))
        position = end
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


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
    spans = [s for s in temporal.spans if s["kind"] in wanted]  # fresh dicts, ours to change
    taken = sorted((s["start"], s["end"]) for s in spans)
    starts = [start for start, _ in taken]
    if "name" in wanted:
        key = (names_to, lexicon)
        seen = _masked(text, spans)
        for base, made in find_mentions(seen, lang=temporal.lang, lexicon=lexicon):
            start, end = base + made.first, base + made.last
            if taken and _overlaps(start, end, taken, starts):
                continue
            # Every mention of the same run of words has the same span but for its offsets.
            span = made.spans.get(key)
            if span is None:
                span = made.spans[key] = _name_span(mention_at(text, base, made), names_to,
                                                    lexicon)
            span = span.copy()
            span["start"], span["end"] = start, end
            spans.append(span)
    spans.sort(key=itemgetter("start"))
    normalized = _apply(text, spans)
    return Document(text, normalized, spans, temporal.lang, temporal.ref, source)
