"""The exact inverse of a one-to-one scheme (such as ``iso9``): Latin back to Cyrillic.

A scheme has an exact inverse when it writes every Cyrillic letter as one Latin letter of its
own (a base letter with any marks: ``ŝ``, ``l̂``), with no context rules, endings or word
exceptions; other schemes need ranked candidates (:mod:`translit.names.reverse`). The text is
read word by word (a word is a run of letters and marks): each letter is looked up with its
marks, and a word with a letter the scheme never writes (``w``, ``q``, ``x``, ``é``, Cyrillic)
is kept as it is, whole.

Case. A cased letter keeps its own case. A letter without case (ISO 9 ``ʺ`` for ъ, ``ʹ`` for ь)
takes the case of its word:

1. the next cased letter of the word, when there is one (``OBʺËM`` ОБЪЁМ, ``Obʺëm`` Объём);
2. otherwise the nearest cased letter before it (``SEMʹ`` СЕМЬ, ``Semʹ`` Семь), unless that
   letter is a capital and the only cased letter of the word (``Vʺ``: ВЪ or Въ);
3. a word that starts with signs and then has a capital followed only by small letters is a
   Title word whose capital went on past its first letter, as the forward rules write it
   (``ʺGʺl`` Ъгъл);
4. a word that cannot show its case (signs only, or one capital among signs: ``Vʺ``, ``ʺG``) is
   ALL CAPS when the nearest word with two or more cased letters, the next one first, is ALL
   CAPS (``Vʺ OBŜESTVĚ`` ВЪ ОБЩЕСТВѢ); otherwise its first letter is the capital (``Vʺ
   obŝestvě`` Въ обществѣ, ``ʺG`` Ъг) and a word of signs alone is lowercase (``bukva ʺ``).

So every text whose words are each lowercase, Title or ALL CAPS comes back exactly, except a
Title word of signs alone (``Ъ`` comes back ``ъ``) and an ALL-CAPS word of one letter and signs
(``СЪ``, ``ЪГ``) with no ALL-CAPS word around it. A mixed-case word comes back as a Cyrillic word
with the same ISO 9 spelling.

>>> from translit.schemes.registry import get_scheme
>>> invert(get_scheme("iso9"), "Ûliâ Peresilʹd, OBʺËM, Mèr, Wikipedia")
'Юлия Пересильд, ОБЪЁМ, Мэр, Wikipedia'
"""

from __future__ import annotations

import threading
import unicodedata

from translit import caching
from translit.errors import TranslitError
from translit.schemes.scheme import Scheme

_tables: dict[str, dict[str, str]] = caching.tracked({})
_lock = threading.Lock()


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")


def _is_cased(char: str) -> bool:
    return char.lower() != char.upper()


def _one_letter(latin: str) -> bool:
    """Whether ``latin`` (NFD) is one base letter followed only by marks."""
    return bool(latin) and not _is_mark(latin[0]) and all(_is_mark(c) for c in latin[1:])


def has_exact_inverse(scheme: Scheme) -> bool:
    """Whether ``scheme`` writes each letter as one distinct Latin letter, with no context
    (and a ``[capitals]`` form, if any, only a case form of it).

    >>> from translit.schemes.registry import get_scheme
    >>> has_exact_inverse(get_scheme("iso9")), has_exact_inverse(get_scheme("alalc"))
    (True, False)
    """
    spec = scheme.spec
    return scheme.reversible and all(
        _one_letter(unicodedata.normalize("NFD", latin)) for latin in spec.letters.values()
    ) and all(capital.lower() == spec.letters.get(cyrillic, "").lower()
              for cyrillic, capital in spec.capitals.items())


def _inverse_table(scheme: Scheme) -> dict[str, str]:
    found = _tables.get(scheme.spec.path)
    if found is None:
        if not has_exact_inverse(scheme):
            raise TranslitError(f"scheme {scheme.id!r} is not one-to-one (one letter to one "
                                "Latin letter), so it has no exact inverse; use ranked "
                                "candidates instead")
        found = {unicodedata.normalize("NFD", latin): cyrillic
                 for cyrillic, latin in scheme.spec.letters.items()}
        with _lock:
            _tables[scheme.spec.path] = found
    return found


def _word_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each run of letters and marks in ``text``."""
    spans: list[tuple[int, int]] = []
    start = -1
    for index, char in enumerate(text):
        if char.isalpha() or _is_mark(char):
            if start < 0:
                start = index
        elif start >= 0:
            spans.append((start, index))
            start = -1
    if start >= 0:
        spans.append((start, len(text)))
    return spans


def _read(table: dict[str, str], word: str) -> list[tuple[str, str]] | None:
    """(lowercase Cyrillic, Latin base letter) for each letter of ``word``; None when the
    scheme does not write one of its letters."""
    pieces: list[tuple[str, str]] = []
    index, size = 0, len(word)
    while index < size:
        end = index + 1
        while end < size and _is_mark(word[end]):
            end += 1
        base = word[index]
        lower = base.lower()
        cyrillic = table.get(lower + word[index + 1:end]) if len(lower) == 1 else None
        if cyrillic is None:
            return None
        pieces.append((cyrillic, base))
        index = end
    return pieces


def _caps_around(words: list[str]) -> list[bool]:
    """For each word, whether the nearest word with two or more cased letters (the next one
    first, then the previous one) is ALL CAPS; in two passes, so the cost stays linear."""
    shows: list[bool | None] = []
    for word in words:
        cased = [c for c in word if _is_cased(c)]
        shows.append(all(c.isupper() for c in cased) if len(cased) > 1 else None)
    after: list[bool | None] = [None] * len(words)
    nearest: bool | None = None
    for index in range(len(words) - 1, -1, -1):
        after[index] = nearest
        nearest = shows[index] if shows[index] is not None else nearest
    out: list[bool] = []
    nearest = None
    for index, found in enumerate(after):
        out.append(bool(found if found is not None else nearest))
        nearest = shows[index] if shows[index] is not None else nearest
    return out


def _cased_word(pieces: list[tuple[str, str]], caps: bool | None) -> str | None:
    """The Cyrillic of one word in its case; None when rule 4 (``caps``, whether the words
    around are ALL CAPS) is needed but not given."""
    cased = [index for index, (_, base) in enumerate(pieces) if _is_cased(base)]
    if not cased or (len(cased) == 1 and cased[0] > 0 and pieces[cased[0]][1].isupper()):
        if caps is None:
            return None  # rule 4: signs alone, or signs and one capital (ʺG)
        if caps:
            return "".join(cyrillic.upper() for cyrillic, _ in pieces)
        if not cased:
            return "".join(cyrillic for cyrillic, _ in pieces)
    first = cased[0]
    if first > 0 and pieces[first][1].isupper() and all(
            not pieces[index][1].isupper() for index in cased[1:]):
        return pieces[0][0].upper() + "".join(cyrillic for cyrillic, _ in pieces[1:])  # rule 3
    following: list[bool | None] = [None] * len(pieces)
    nearest: bool | None = None
    for index in range(len(pieces) - 1, -1, -1):
        following[index] = nearest
        base = pieces[index][1]
        if _is_cased(base):
            nearest = base.isupper()
    out: list[str] = []
    before: bool | None = None  # the case of the nearest cased letter so far
    count = 0  # cased letters so far
    for (cyrillic, base), after in zip(pieces, following, strict=True):
        if _is_cased(base):
            upper = base.isupper()
            before, count = upper, count + 1
        elif after is not None:
            upper = after  # rule 1
        elif before is not None and (not before or count > 1):
            upper = before  # rule 2
        elif caps is None:
            return None
        else:
            upper = caps  # rule 4: one capital and then signs (Vʺ)
        out.append(cyrillic.upper() if upper else cyrillic)
    return "".join(out)


def invert(scheme: Scheme, text: str) -> str:
    """Turn ``text`` written in a one-letter-to-one-letter ``scheme`` back into Cyrillic.

    Words the scheme cannot have written stay as they are; the case of ``ʺ`` and ``ʹ`` follows
    the rules of this module's docstring.

    >>> from translit.schemes.registry import get_scheme
    >>> invert(get_scheme("iso9"), "Vʺ OBŜESTVĚ, Vʺ obŝestvě, Semʹ")
    'ВЪ ОБЩЕСТВѢ, Въ обществѣ, Семь'
    """
    table = _inverse_table(scheme)
    # Work on the decomposed form: a capital with a mark (J̌) has no precomposed letter.
    text = unicodedata.normalize("NFD", text)
    spans = _word_spans(text)
    words = [text[start:end] for start, end in spans]
    caps: list[bool] | None = None
    out: list[str] = []
    last = 0
    for index, ((start, end), word) in enumerate(zip(spans, words, strict=True)):
        out.append(text[last:start])
        last = end
        pieces = _read(table, word)
        if pieces is None:
            out.append(word)
            continue
        cyrillic = _cased_word(pieces, None)
        if cyrillic is None:
            caps = caps if caps is not None else _caps_around(words)
            cyrillic = _cased_word(pieces, caps[index])
        out.append(word if cyrillic is None else cyrillic)
    out.append(text[last:])
    return unicodedata.normalize("NFC", "".join(out))
