"""The line views of a normalized :class:`~translit.articles.document.Document`.

Both views keep the input's lines: output line N is input line N rewritten, built from the
spans' input offsets (never by splitting the input and the normalized text on their own, which
drift apart as soon as a span crosses a line break).

A line ends at ``"\\n"``; a ``"\\r"`` just before it belongs to the line break (CRLF), not to the
line. Each output line keeps the line break of its input line; the last line may have none.

A span that crosses line breaks touches several lines, and its value is placed so that no line
break is lost or added:

* when the value has as many line breaks as the span's text (a name written over two lines,
  ``"Julija\\nPeressild"`` -> ``"Yulia\\nPeresild"``), its k-th line goes on the k-th line the
  span touches;
* otherwise (a date written over two lines, ``"5.\\nOktober"`` -> ``"2021-10-05"``) the whole value
  goes on the first line the span touches, its own line breaks (if any) made spaces, and the
  other lines the span touches keep only their text outside the span.

A line has changed when its output differs from its input; spans whose value equals their text
(or, on one line, whose piece there is unchanged) change nothing.

>>> from translit.articles.document import Document
>>> text = "Am 5.\\nOktober flog Julija\\nPeressild.\\nSonst nichts.\\n"
>>> spans = [{"start": 3, "end": 13, "text": "5.\\nOktober", "value": "2021-10-05"},
...          {"start": 19, "end": 35, "text": "Julija\\nPeressild", "value": "Yulia\\nPeresild"}]
>>> document = Document(text, "Am 2021-10-05 flog Yulia\\nPeresild.\\nSonst nichts.\\n", spans)
>>> print(text_view(document), end="")
Am 2021-10-05
 flog Yulia
Peresild.
Sonst nichts.
>>> print(annotated_view(document), end="")
== - (lang auto, ref none, 2 spans)
    1 - Am 5.
      + Am 2021-10-05
    2 - Oktober flog Julija
      +  flog Yulia
    3 - Peressild.
      + Peresild.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple, cast

from translit.articles.document import Document
from translit.text.spans import Span, written


class Line(NamedTuple):
    """One input line: ``text[start:end]`` is its content, ``ending`` its line break."""

    start: int
    end: int
    ending: str


def split_lines(text: str) -> list[Line]:
    """The lines of ``text``: none for ``""``; the last has ``ending`` ``""`` when the text
    does not end with a line break.

    >>> [tuple(line) for line in split_lines("a\\r\\n\\nb")]
    [(0, 1, '\\r\\n'), (3, 3, '\\n'), (4, 5, '')]
    """
    lines: list[Line] = []
    position, size = 0, len(text)
    while position < size:
        brk = text.find("\n", position)
        if brk < 0:
            lines.append(Line(position, size, ""))
            break
        end = brk - 1 if brk > position and text[brk - 1] == "\r" else brk
        lines.append(Line(position, end, text[end:brk + 1]))
        position = brk + 1
    return lines


def _value_lines(value: str) -> list[str]:
    """``value`` cut at its line breaks (a CRLF is one break)."""
    parts = value.split("\n")
    return [p[:-1] if p.endswith("\r") and i < len(parts) - 1 else p
            for i, p in enumerate(parts)]


def _replacements(text: str, lines: Sequence[Line], spans: Sequence[Mapping[str, Any]]
                  ) -> dict[int, list[tuple[int, int, str]]]:
    """For each line a span touches: ``(start, end, new)`` pieces of that line to replace."""
    starts = [line.start for line in lines]
    out: dict[int, list[tuple[int, int, str]]] = {}
    for span in sorted(spans, key=lambda s: (s["start"], s["end"])):
        if not lines:
            break
        start: int = span["start"]
        end, value = written(cast("Span", span))  # the spans of a Document
        original = text[start:end]
        first = max(0, bisect_right(starts, start) - 1)
        breaks = original.count("\n")
        news = _value_lines(value)
        if len(news) != breaks + 1:
            news = [" ".join(news)] + [""] * breaks
        position = start
        for offset, new in enumerate(news):
            index = first + offset
            if index >= len(lines):
                break
            line = lines[index]
            brk = text.find("\n", position, end)
            stop = end if brk < 0 else brk
            # Clamp to the line's content: a "\r" of a CRLF break is not replaced.
            piece_start = min(max(position, line.start), line.end)
            piece_end = max(min(stop, line.end), piece_start)
            out.setdefault(index, []).append((piece_start, piece_end, new))
            position = stop + 1
    return out


def output_lines(document: Document) -> list[str]:
    """Output line N (without its line break) for each input line N."""
    text = document.text
    lines = split_lines(text)
    result = [text[line.start:line.end] for line in lines]
    for index, pieces in _replacements(text, lines, document.spans).items():
        line = lines[index]
        parts: list[str] = []
        position = line.start
        for start, end, new in pieces:
            parts.append(text[position:start])
            parts.append(new)
            position = end
        parts.append(text[position:line.end])
        result[index] = "".join(parts)
    return result


def text_view(document: Document) -> str:
    """The normalized text with every line break of the input where the input has it."""
    lines = split_lines(document.text)
    outs = output_lines(document)
    return "".join(out + line.ending for out, line in zip(outs, lines, strict=True))


def changed_lines(document: Document) -> list[tuple[int, str, str]]:
    """``(index, before, after)`` of every line whose output differs from its input."""
    text = document.text
    lines = split_lines(text)
    changed: list[tuple[int, str, str]] = []
    for index, (after, line) in enumerate(zip(output_lines(document), lines, strict=True)):
        before = text[line.start:line.end]
        if after != before:
            changed.append((index, before, after))
    return changed


def printable(name: str) -> str:
    """``name`` with control and format characters escaped, for a title line (a file name may
    hold an escape sequence or a line break).

    >>> print(printable("a\\x1b[31m.txt"))
    a\\x1b[31m.txt
    """
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                   for c in name)


def annotated_view(document: Document, *, first_line: int = 1) -> str:
    """A header line, then each changed line: its number (counting from ``first_line``) and
    the input line (``-``), then the output line (``+``)."""
    ref = document.ref.isoformat() if document.ref else "none"
    out = [f"== {printable(document.source)} (lang {document.lang}, ref {ref}, "
           f"{len(document.spans)} spans)"]
    for index, before, after in changed_lines(document):
        out.append(f"{index + first_line:>5} - {before}")
        out.append(f"{'':>5} + {after}")
    return "\n".join(out) + "\n"
