"""Stretches of a text that the name finder reads as blank, without a blanked copy of the text.

The temporal finder has already read the words of the dates and times that get rewritten
("TUESDAY", "10:55 a.m."); the name finder must see them as the rewritten text will show them:
gone. :class:`Blanks` gives the name finder the clean stretches between them and any window of
the text with them blanked (line breaks kept), so the text is not copied once more.

>>> blanks = Blanks([(9, 16)])
>>> list(blanks.stretches(17))
[(0, 9), (16, 17)]
>>> blanks.window("Anton on TUESDAY.", 6, 17)
'on        .'
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence


class Blanks:
    """``spans`` (start, end), sorted and not overlapping, read as blanks."""

    __slots__ = ("ends", "spans", "starts")

    def __init__(self, spans: Sequence[tuple[int, int]] = ()) -> None:
        self.spans = [(start, end) for start, end in spans if end > start]
        self.starts = [start for start, _ in self.spans]
        self.ends = [end for _, end in self.spans]

    def __bool__(self) -> bool:
        return bool(self.spans)

    def stretches(self, length: int) -> Iterator[tuple[int, int]]:
        """The (start, end) of every stretch of a text of ``length`` between the blanks."""
        position = 0
        for start, end in self.spans:
            if start > position:
                yield position, start
            position = max(position, end)
        if position < length:
            yield position, length

    def touches(self, lo: int, hi: int) -> bool:
        """Whether a blank overlaps ``lo:hi``."""
        index = bisect_right(self.ends, lo)
        return index < len(self.spans) and self.starts[index] < hi

    def window(self, text: str, lo: int, hi: int) -> str:
        """``text[lo:hi]`` with the blanks in it as spaces (line breaks kept)."""
        lo, hi = max(lo, 0), min(hi, len(text))
        index = bisect_right(self.ends, lo)
        if index == len(self.spans) or self.starts[index] >= hi:
            return text[lo:hi]  # the common case: no blank in the window
        pieces: list[str] = []
        position = lo
        while index < len(self.spans) and self.starts[index] < hi:
            start, end = max(self.starts[index], lo), min(self.ends[index], hi)
            pieces.append(text[position:start])
            blank = text[start:end]
            pieces.append(" " * (end - start) if "\n" not in blank
                          else "".join("\n" if c == "\n" else " " for c in blank))
            position = end
            index += 1
        pieces.append(text[position:hi])
        return "".join(pieces)
