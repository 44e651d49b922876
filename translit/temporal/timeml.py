"""A document as TimeML 1.2.1: its text, untouched, with every date, time, duration and set
wrapped in a ``TIMEX3``, and the reference date as the document creation time (``DCT``).

- ``tid`` ``t0`` is the DCT (the ``ref`` given, else the dateline's date; no ``DCT`` without
  either); the expressions are ``t1``, ``t2``, ... in text order.
- ``temporalFunction="true"`` (and ``anchorTimeID="t0"`` when there is a DCT) marks a value
  computed from the reference date (:func:`translit.temporal.timex.from_reference`); a value
  computed from an earlier expression ("a year earlier", whose span has ``anchor_start``) has
  ``temporalFunction="true"`` and that expression's tid as ``anchorTimeID``.
- An unresolved expression gets the value TimeML writes for the unknown:
  :data:`translit.temporal.timex.UNKNOWN_VALUES` (``XXXX-XX-XX`` for a date).
- A range whose span lists its ``parts`` is one ``TIMEX3`` per part; without them it is one
  ``TIMEX3`` over the whole range whose value is the range's first part (its start).
- A set adds ``quant`` and ``freq`` when its span has them.
- Outside the tags the text is the input, escaped (``&``, ``<``, ``>``, and carriage returns
  as ``&#13;`` so that no XML parser turns them into line feeds): an XML parser gives back the
  input exactly. A character XML 1.0 cannot hold (most control characters, lone surrogates,
  U+FFFE, U+FFFF) is refused with an error naming its place, never dropped.

>>> print(to_timeml("Launch on Oct. 5 & landing in 2022.", ref="2021-10-04", lang="en"))
... # doctest: +NORMALIZE_WHITESPACE
<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
 xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-10-04" temporalFunction="false"
 functionInDocument="CREATION_TIME">2021-10-04</TIMEX3></DCT>
<TEXT>Launch on <TIMEX3 tid="t1" type="DATE" value="2021-10-05" temporalFunction="true"
 functionInDocument="NONE" anchorTimeID="t0">Oct. 5</TIMEX3> &amp; landing in <TIMEX3 tid="t2"
 type="DATE" value="2022" temporalFunction="false" functionInDocument="NONE">2022</TIMEX3>.</TEXT>
</TimeML>
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from datetime import date, datetime
from typing import cast

from translit import caching
from translit.errors import TranslitError
from translit.temporal.finder import Temporal, collect_temporal
from translit.temporal.timex import UNKNOWN_VALUES, from_reference, timex3
from translit.text.spans import TemporalSpan

__all__ = ["check_xml_text", "render_timeml", "to_timeml"]

HEAD = ('<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        ' xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n')
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;", '"': "&quot;",
            "\t": "&#9;", "\n": "&#10;"}
_forbidden = caching.Lazy(lambda: re.compile(
    "[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"))
"""A character that XML 1.0 (section 2.2, ``Char``) does not allow."""
_special = caching.Lazy(lambda: re.compile("[&<>\r]"))
_special_in_value = caching.Lazy(lambda: re.compile('[&<>\r"\t\n]'))


def check_xml_text(text: str, *, what: str = "text") -> None:
    """Refuse ``text`` if XML 1.0 cannot hold one of its characters: a one-line error naming
    the first such character and where it is (line, column and code point offset).

    >>> try:
    ...     check_xml_text("Oct. 5\\n\\x07 bell")
    ... except TranslitError as error:
    ...     print(error)
    text: line 2, column 1 (character 7): U+0007 cannot be written in XML 1.0 (TimeML); remove it
    """
    found = _forbidden.get().search(text)
    if found is None:
        return
    start = found.start()
    line = text.count("\n", 0, start) + 1
    column = start - text.rfind("\n", 0, start)
    raise TranslitError(f"{what}: line {line}, column {column} (character {start}): "
                        f"U+{ord(found.group()):04X} cannot be written in XML 1.0 (TimeML); "
                        "remove it")


def _escape(text: str) -> str:
    """``text`` as character data an XML parser reads back exactly."""
    return _special.get().sub(lambda m: _ESCAPES[m.group()], text)


def _attributes(pairs: list[tuple[str, str]]) -> str:
    """The attributes ``name="value"``, escaped so that a parser reads each value back exactly
    (tabs and line ends too, which attribute normalization would make spaces)."""
    escape = _special_in_value.get().sub
    return "".join(f' {name}="{escape(lambda m: _ESCAPES[m.group()], value)}"'
                   for name, value in pairs)


def _part_list(span: TemporalSpan) -> list[TemporalSpan] | None:
    """The parts of a range span (``parts``: start, end, value; in text order, inside the span,
    not overlapping) as spans of their own, or None when the span has no usable parts."""
    parts = cast(Mapping[str, object], span).get("parts")
    if not isinstance(parts, list) or not parts:
        return None
    out: list[TemporalSpan] = []
    position = span["start"]
    for part in parts:
        if not isinstance(part, dict):
            return None
        start, end, value = part.get("start"), part.get("end"), part.get("value")
        if not (isinstance(start, int) and isinstance(end, int) and position <= start <= end
                <= span["end"] and (value is None or isinstance(value, str))):
            return None
        piece = cast(TemporalSpan, {"kind": span["kind"], "start": start, "end": end,
                                    "text": "", "value": value})
        local, mod = part.get("local"), part.get("mod")
        if isinstance(local, str):
            piece["local"] = local
        if isinstance(mod, str):
            piece["mod"] = mod
        out.append(piece)
        position = end
    return out


def _timex(span: TemporalSpan, tid: int, text: str, relative: bool, anchor: str | None) -> str:
    """One ``TIMEX3`` element for ``span`` (whose value may be a range: its start is taken)."""
    kind, value, mod = timex3(span)
    if value is None:
        value = UNKNOWN_VALUES[kind]
    elif kind in ("DATE", "TIME"):
        value = value.split("/", 1)[0]
    pairs = [("tid", f"t{tid}"), ("type", kind), ("value", value)]
    if mod is not None:
        pairs.append(("mod", mod))
    pairs += [("temporalFunction", "true" if relative else "false"),
              ("functionInDocument", "NONE")]
    if anchor is not None:
        pairs.append(("anchorTimeID", anchor))
    extra = cast(Mapping[str, object], span)
    for key in ("quant", "freq"):
        found = extra.get(key)
        if kind == "SET" and isinstance(found, str):
            pairs.append((key, found))
    return f"<TIMEX3{_attributes(pairs)}>{_escape(text[span['start']:span['end']])}</TIMEX3>"


def _anchor(span: TemporalSpan, dct: bool, tids: Mapping[int, int]) -> tuple[bool, str | None]:
    """``temporalFunction`` and ``anchorTimeID`` of ``span``: valued from an earlier expression
    (``anchor_start``), that one's tid (none if it is not tagged); else from the reference
    date, ``t0`` when there is a DCT."""
    start = cast(Mapping[str, object], span).get("anchor_start")
    if isinstance(start, int) and not isinstance(start, bool):
        found = tids.get(start)
        return True, None if found is None else f"t{found}"
    relative = from_reference(span)
    return relative, "t0" if relative and dct else None


def render_timeml(text: str, temporal: Temporal, *, doc_id: str | None = None,
                  kinds: Collection[str] | None = None) -> str:
    """The TimeML document of ``text`` from its :class:`~translit.temporal.finder.Temporal`
    (only the spans of ``kinds``, if given); ``text`` and ``doc_id`` are checked with
    :func:`check_xml_text`."""
    check_xml_text(text)
    out = [HEAD]
    if doc_id is not None:
        check_xml_text(doc_id, what="document id")
        out.append(f"<DOCID>{_escape(doc_id)}</DOCID>\n")
    dct = temporal.ref is not None
    if temporal.ref is not None:
        day = temporal.ref.isoformat()
        out.append(f'<DCT><TIMEX3 tid="t0" type="DATE" value="{day}" temporalFunction="false" '
                   f'functionInDocument="CREATION_TIME">{day}</TIMEX3></DCT>\n')
    out.append("<TEXT>")
    position, tid = 0, 0
    tids: dict[int, int] = {}  # where each tagged span starts: its (first) tid
    for span in sorted(temporal.spans, key=lambda s: s["start"]):
        if kinds is not None and span["kind"] not in kinds:
            continue
        if span["start"] < position:
            raise TranslitError(f"the span at {span['start']} overlaps the one before it; "
                                "TimeML cannot nest TIMEX3")
        relative, anchor = _anchor(span, dct, tids)
        tids[span["start"]] = tid + 1
        for piece in _part_list(span) or [span]:
            tid += 1
            out.append(_escape(text[position:piece["start"]]))
            out.append(_timex(piece, tid, text, relative, anchor))
            position = piece["end"]
    out.append(_escape(text[position:]))
    out.append("</TEXT>\n</TimeML>\n")
    return "".join(out)


def to_timeml(text: str, *, ref: str | date | datetime | None = None, lang: str = "auto",
              region: str | None = None, doc_id: str | None = None) -> str:
    """``text`` as a TimeML 1.2.1 document (see the module): every temporal expression a
    ``TIMEX3``, the reference date (``ref``, else the dateline) the ``DCT``, ``doc_id`` the
    ``DOCID``. ``lang`` and ``region`` are as for :func:`translit.find_dates`.

    >>> to_timeml("yesterday", lang="en").splitlines()[2]
    '<TEXT><TIMEX3 tid="t1" type="DATE" value="XXXX-XX-XX" temporalFunction="true" \
functionInDocument="NONE">yesterday</TIMEX3></TEXT>'
    """
    check_xml_text(text)
    if doc_id is not None:
        check_xml_text(doc_id, what="document id")
    temporal = collect_temporal(text, ref=ref, lang=lang, region=region)
    return render_timeml(text, temporal, doc_id=doc_id)
