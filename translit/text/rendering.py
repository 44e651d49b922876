"""Write a found name in the chosen scheme (or Cyrillic), keeping its case and endings.

Known names take their conventional spelling (the lexicon, the places and organizations
tables); others go through the scheme's rules from their Cyrillic reading. Initials stay as
written, German genitive ``-s`` stays on, and an ALL-CAPS name stays ALL CAPS. What comes
out is the name's span (:class:`translit.text.spans.NameSpan`), a new dict on every call.

>>> from translit.text.finder import find_names
>>> [render_name(m, "de")["value"] for m in find_names("Yulia Peresild and YURI GAGARIN")]
['Julija Peressild', 'JURI GAGARIN']
"""

from __future__ import annotations

from collections.abc import Callable

from translit.caching import BoundedCache
from translit.text.mentions import NameMention, NamePart, Template, mention_at
from translit.text.spans import NameSpan

CYRILLIC = "cyrillic"


def _cased_cyrillic(part: NamePart) -> str:
    assert part.cyrillic is not None
    letters = [c for c in part.text if c.lower() != c.upper()]  # cased: not ʹ ʺ
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return part.cyrillic.upper()
    words = []
    for word in part.cyrillic.split(" "):
        words.append("-".join(piece[:1].upper() + piece[1:] for piece in word.split("-")))
    return " ".join(words)


def _spell(cyrillic: str, part: NamePart, to: str, lexicon: bool) -> str:
    if to == CYRILLIC:
        return cyrillic
    from translit.names.conversion import from_cyrillic
    from translit.names.inversion import fold_latin
    from translit.text.places import conventional_spelling, is_accepted, word_count

    base = part.text[: len(part.text) - len(part.suffix)] if part.suffix else part.text
    if lexicon and _accepted(fold_latin(base), cyrillic, to, is_accepted):
        return base  # already a listed spelling in the target (St. Petersburg, Moskva)

    known = conventional_spelling(cyrillic, to, word_count(base)) if lexicon else None
    if known is not None:
        return known.upper() if cyrillic.isupper() else known
    return from_cyrillic(cyrillic, to, lexicon=lexicon)


_cache: BoundedCache[tuple[object, ...], NameSpan] = BoundedCache(20_000)
"""Spans by what a mention holds (text, parts, style, score, kind) and the target."""
_by_template: BoundedCache[tuple[Template, str, bool], NameSpan] = BoundedCache(8_000)
"""Spans by template (compared by identity) and target: a mention's span without building the
mention. Room for the templates of two run-shape caches (``translit.text.runs.SHAPE_LIMIT``)."""


def _accepted(folded: str, cyrillic: str, to: str, listed: Callable[[str, str, str], bool]
              ) -> bool:
    from translit.names.lexicon import lexicon as known

    if listed(folded, cyrillic, to):
        return True
    from translit.names.inversion import fold_latin

    spellings = known().entries_spellings(cyrillic, to)
    return folded in {fold_latin(s) for s in spellings}


def render_name(mention: NameMention, to: str, *, lexicon: bool = True) -> NameSpan:
    """The span of ``mention`` written in scheme ``to`` (an id, or ``cyrillic``); cached
    (bounded).

    >>> from translit.text.finder import find_names
    >>> span = render_name(find_names("Julija Peressild", lang="de")[0], "en")
    >>> span["value"], span["cyrillic"], span["scheme"], span["entity"]
    ('Yulia Peresild', 'Юлия Пересильд', 'de', 'person')
    """
    start = mention.start
    parts = tuple([(p.start - start, p.cyrillic, p.suffix) for p in mention.parts])
    key = (mention.text, parts, mention.style, mention.score, mention.kind, to, lexicon)
    found = _cache.get(key)
    if found is None:
        found = _render(mention, to, lexicon)
        _cache.put(key, found)
    span = found.copy()
    span["start"], span["end"] = start, start + len(span["text"])
    return span


def mention_span(text: str, base: int, made: Template, to: str, *, lexicon: bool = True
                 ) -> NameSpan:
    """The span of the mention ``made`` gives in ``text`` for a run that starts at ``base``
    (``render_name(mention_at(text, base, made), to)``); cached by template (bounded).

    >>> from translit.text.finder import find_mentions
    >>> text = "Yulia Peresild, then Peresild."
    >>> [(s["start"], s["value"]) for s in (mention_span(text, base, made, "de")
    ...                                     for base, made in find_mentions(text))]
    [(0, 'Julija Peressild'), (21, 'Peressild')]
    """
    key = (made, to, lexicon)
    found = _by_template.get(key)
    if found is None:
        found = render_name(mention_at(text, base, made), to, lexicon=lexicon)
        _by_template.put(key, found)
    span = found.copy()
    span["start"] = base + made.first
    span["end"] = span["start"] + len(span["text"])  # a genitive ending may stay outside
    return span


def _render(mention: NameMention, to: str, lexicon: bool) -> NameSpan:
    from translit.names.keys import name_key
    from translit.schemes.registry import get_scheme

    if to != CYRILLIC:
        get_scheme(to)
    out: list[str] = []
    cyrillic_words: list[str] = []
    position = mention.start
    for part in mention.parts:
        out.append(mention.text[position - mention.start:part.start - mention.start])
        position = part.end
        if part.cyrillic is None:
            out.append(part.text)
            cyrillic_words.append(part.text)
            continue
        cyrillic = _cased_cyrillic(part)
        cyrillic_words.append(cyrillic)
        out.append(_spell(cyrillic, part, to, lexicon) + part.suffix)
    cyrillic_text = " ".join(cyrillic_words)
    key = name_key(" ".join(w for w in cyrillic_words if not w.endswith(".")), lexicon=lexicon)
    text, value = mention.text, "".join(out)
    ending = mention.parts[-1].suffix if mention.parts else ""
    if ending and to != CYRILLIC and text.endswith(ending) and value.endswith(ending):
        # "Moskaus": the span is "Moskau", its value the base name "Moscow"; the text keeps
        # the ending after it ("Moscows"), as the target's spelling takes it.
        text, value = text[:-len(ending)], value[:-len(ending)]
    return {"kind": "name", "start": mention.start, "end": mention.start + len(text),
            "text": text, "value": value, "cyrillic": cyrillic_text,
            "scheme": mention.style or "lexicon", "key": key, "score": mention.score,
            "entity": mention.kind}
