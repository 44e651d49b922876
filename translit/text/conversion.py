"""Convert a name from any spelling (Latin of any scheme, or Cyrillic) into another.

Latin input goes back to Cyrillic (:func:`translit.names.reverse.to_cyrillic`) and forward into the
target scheme; the output is the one the ranked candidates support most (their scores added
up). Known names come from the lexicon first (``lexicon=False`` turns it off). A word that no
scheme spells and that the name tables do not know (``Cruise``) passes through unchanged.

>>> convert("Yulia Peresild", to="de")
'Julija Peressild'
>>> convert("Julija Peressild", to="en")
'Yulia Peresild'
>>> convert("Nowizki", to="cyrillic")
'Новицкий'
>>> convert("Mèr Moskvy", to="cyrillic", source="iso9")
'Мэр Москвы'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from translit.names.inversion import fold_latin
from translit.names.parts import Token, tokenize
from translit.names.reverse import exact_reading, forward_fits, role_score, to_cyrillic
from translit.schemes.registry import get_scheme, russian_scheme_ids
from translit.schemes.scheme import Scheme, has_cyrillic

if TYPE_CHECKING:
    from translit.text.origin import Mention

CYRILLIC = "cyrillic"
CANDIDATES = 8


def _cased(spelling: str, original: str, listed: str = "") -> str:
    """``spelling`` in capitals if ``original`` is, unless the table writes the name so too
    (``listed``: МИД is Foreign Ministry, not FOREIGN MINISTRY)."""
    if listed.isupper():
        return spelling
    letters = [c for c in original if c.lower() != c.upper()]  # cased letters: not ʹ ʺ
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return spelling.upper()
    return spelling


def from_cyrillic(text: str, to: str, *, lexicon: bool = True, source: str | None = None) -> str:
    """Cyrillic ``text`` in scheme ``to``, with the lexicon's conventional spellings first.

    >>> from_cyrillic("Москва", "de")
    'Moskau'
    """
    scheme = get_scheme(to)
    reader = _reader(text, scheme, source)  # the table of the name's language (Зеленський)
    if lexicon:
        from translit.names.lexicon import lexicon as known

        table = known()
        whole = table.spelling(text, scheme.id)
        if whole is not None:
            entry = table.by_cyrillic.get(text.strip().lower())
            return _cased(whole, text, entry.cyrillic if entry is not None else "")
        tokens = tokenize(text)
        parts = []
        caps: list[bool] | None = None
        for index, token in enumerate(tokens):
            found = table.spelling(token.text, scheme.id) if token.is_word else None
            if found is not None and " " not in found:
                parts.append(_cased(found, token.text))
            elif token.is_word:
                word = reader.transliterate(token.text)
                if len(token.text) == 1 and token.text.isupper():
                    caps = caps if caps is not None else _caps_nearby(tokens)
                    if caps[index]:
                        word = word.upper()  # an initial among ALL-CAPS words (Ю. ГАГАРИН)
                parts.append(word)
            else:
                parts.append(token.text)
        return "".join(parts)
    return reader.transliterate(text)


def _reader(text: str, scheme: Scheme, source: str | None = None) -> Scheme:
    """The scheme that writes ``text`` for the target of ``scheme``: the table of its language
    when that is Ukrainian or Belarusian (:func:`translit.schemes.sources.reader_for`), or of
    ``source`` (the document's) when its letters do not decide, else ``scheme``."""
    from translit.schemes.sources import reader_for

    return get_scheme(reader_for(text, scheme.id, default=source) or scheme.id)


def _caps_nearby(tokens: list[Token]) -> list[bool]:
    """For each token, whether the nearest word of more than one letter around it (the next
    one first) is ALL CAPS; in two passes, so a long run of initials costs no more."""
    size = len(tokens)
    after: list[bool | None] = [None] * size
    nearest: bool | None = None
    for index in range(size - 1, -1, -1):
        after[index] = nearest
        token = tokens[index]
        if token.is_word and len(token.text) > 1:
            nearest = token.text.isupper()
    out: list[bool] = []
    nearest = None
    for index, token in enumerate(tokens):
        found = after[index] if after[index] is not None else nearest
        out.append(bool(found))
        if token.is_word and len(token.text) > 1:
            nearest = token.text.isupper()
    return out


def _keeps_latin(latin: str, cyrillic: str, lexicon: bool) -> bool:
    """Whether a Latin word should pass through: no scheme spells it and no table knows it."""
    if has_cyrillic(latin) or not has_cyrillic(cyrillic):
        return False
    lower = cyrillic.lower()
    if forward_fits(lower, fold_latin(latin), list(russian_scheme_ids())):
        return False
    if len(lower) > 1 and role_score(lower, "any")[0] > 0:
        return False
    if lexicon:
        from translit.names.lexicon import lexicon as known

        return known().cyrillic(latin) is None
    return True


def _render(latin: str, cyrillic: str, to: str, lexicon: bool) -> str:
    source_tokens = tokenize(latin)
    target_tokens = tokenize(cyrillic)
    if len(source_tokens) != len(target_tokens):
        return cyrillic if to == CYRILLIC else from_cyrillic(cyrillic, to, lexicon=lexicon)
    parts = []
    for source, target in zip(source_tokens, target_tokens, strict=True):
        keep = source.is_word and _keeps_latin(source.text, target.text, lexicon)
        parts.append(source.text if keep else target.text)
    text = "".join(parts)
    return text if to == CYRILLIC else from_cyrillic(text, to, lexicon=lexicon)


KEEP_SHARE = 0.5
"""A Latin name that ``to`` itself writes so for readings with at least this share of the best
output's support is kept as it is: converting a name already in ``to`` changes nothing
("Julija Peressild" stays with ``--to de``), and ``convert`` of its own output is a no-op."""
MAX_NAME_WORD = 48
"""Letters of the longest word read as (part of) a name; a longer Latin word (a URL, a hash,
hostile input) is kept as it is, so the work per word stays bounded."""
MAX_NAME_WORDS = 256
"""Words read together at most; a longer line (running text, not a name) is read in runs of this
many words, so the memory per line stays bounded."""


def convert(name: str, to: str = "de", source: str = "auto", *, lexicon: bool = True) -> str:
    """``name`` (Cyrillic, or Latin in ``source`` or any detected scheme) spelled in ``to``.

    ``to`` is a scheme id or ``cyrillic``. ``source`` is ``auto``, ``cyrillic`` or a scheme id;
    a one-letter-to-one-letter source (``iso9``) is read back exactly, not ranked
    (:func:`translit.names.reverse.exact_reading`).
    Latin text longer than one name is read in runs of :data:`MAX_NAME_WORDS` words, and a word
    of more than :data:`MAX_NAME_WORD` letters is kept as it is.

    >>> convert("Anton Shkaplerov", to="de")
    'Anton Schkaplerow'
    """
    if to != CYRILLIC:
        get_scheme(to)
    exact = exact_reading(name, source)
    if exact is not None:
        return exact if to == CYRILLIC else from_cyrillic(exact, to, lexicon=lexicon)
    if len(name) > MAX_NAME_WORD and not (source == CYRILLIC or (
            source == "auto" and has_cyrillic(name))):
        pieces = _bounded_pieces(name)
        if len(pieces) > 1:
            return "".join(convert(piece, to, source, lexicon=lexicon) if keep else piece
                           for piece, keep in pieces)
        if not pieces[0][1]:
            return name
    return _convert_one(name, to, source, lexicon)


def _bounded_pieces(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, whether to convert it): runs of at most
    :data:`MAX_NAME_WORDS` words (with the spaces between them), each over-long word alone and
    kept; the spaces between runs are kept too.

    >>> [(len(piece), keep) for piece, keep in _bounded_pieces("Anton " + "x" * 60 + " Dubrow")]
    [(5, True), (1, False), (60, False), (1, False), (6, True)]
    """
    import re

    out: list[tuple[str, bool]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            out.append(("".join(run).rstrip(), True))
            tail = "".join(run)[len(out[-1][0]):]
            if tail:
                out.append((tail, False))
            run.clear()

    words = 0
    for token in re.findall(r"\S+|\s+", text):
        if token.isspace():
            if run:
                run.append(token)
            else:
                out.append((token, False))
        elif len(token) > MAX_NAME_WORD:
            close()
            out.append((token, False))
            words = 0
        else:
            if words == MAX_NAME_WORDS:
                close()
                words = 0
            run.append(token)
            words += 1
    close()
    return out


def _convert_one(name: str, to: str, source: str, lexicon: bool) -> str:
    if source == CYRILLIC or (source == "auto" and has_cyrillic(name)):
        return name if to == CYRILLIC else from_cyrillic(name, to, lexicon=lexicon)
    if lexicon:
        own = _east_slavic(name)  # Kyiv, Wolodymyr Selenskyj: a listed Ukrainian name
        if own is not None:
            return own if to == CYRILLIC else _cased(from_cyrillic(own, to, lexicon=True), name)
    if lexicon and to != CYRILLIC:
        from translit.names.lexicon import lexicon as known

        whole = known().by_latin.get(fold_latin(name.strip()))
        if whole is not None:
            return _cased(from_cyrillic(whole[0], to, lexicon=True), name)
    if source == "auto":
        from translit.text.origin import name_origin

        verdict = name_origin(name, lexicon=lexicon)
        if verdict.russian is False:
            return name  # Emmanuel Macron, Tom Cruise: not a Russian name, nothing to convert
        pieces = _outside_mentions(name, verdict.mentions, lexicon)
        if pieces is not None:
            return "".join(_convert_read(piece, to, source, lexicon) if russian else piece
                           for piece, russian in pieces)
    return _convert_read(name, to, source, lexicon)


OWN_ALPHABETS = ("uk", "be")
"""The nations whose listed names ``convert`` writes in their own forms, Latin or Cyrillic."""


def _east_slavic(name: str) -> str | None:
    """The Cyrillic (in its own alphabet) of a listed Ukrainian or Belarusian name written in
    Latin letters (Kyiv, Kiew: Київ; Lukashenko: Лукашэнка), or None; other nations' names
    pass through ``convert`` as written (Tom Cruise)."""
    from translit.names.lexicon import lexicon as known

    entry = known().foreign_entry(name)
    return entry.cyrillic if entry is not None and entry.origin in OWN_ALPHABETS else None


def _outside_mentions(name: str, mentions: Sequence[Mention],
                      lexicon: bool) -> list[tuple[str, bool]] | None:
    """``name`` cut into (piece, whether to convert it) where the name finder found Russian
    names beside names it judges not Russian ("Olaf Scholz und Sergej Lawrow"); None when
    nothing outside the Russian names is judged foreign (the name is read whole then:
    "Alexey Navalny", where only Navalny was found).

    >>> from translit.text.origin import Mention
    >>> _outside_mentions("Tom Cruise und Lawrow", [Mention(15, 21, "лавров", "person")], True)
    [('Tom Cruise und ', False), ('Lawrow', True)]
    """
    from translit.text.origin import name_origin

    if not mentions:
        return None
    out: list[tuple[str, bool]] = []
    position = 0
    foreign = False
    for start, end in [(m.start, m.end) for m in mentions] + [(len(name), len(name))]:
        piece = name[position:start]
        if any(c.isalpha() for c in piece):
            kept = name_origin(piece.strip(), lexicon=lexicon).russian is False
            foreign = foreign or kept
            out.append((piece, not kept))
        elif piece:
            out.append((piece, False))
        if end > start:
            out.append((name[start:end], True))
        position = end
    return out if foreign else None


def _convert_read(name: str, to: str, source: str, lexicon: bool) -> str:
    """``name`` read back to Cyrillic (ranked candidates) and written in ``to``."""
    candidates = to_cyrillic(name, source, CANDIDATES, lexicon=lexicon)
    support: dict[str, float] = {}
    kept = 0.0  # the support of the readings that ``to`` itself writes as ``name``
    for candidate in candidates:
        output = _render(name, candidate.text, to, lexicon)
        support[output] = support.get(output, 0.0) + candidate.score
        if output == name and to in candidate.schemes:
            kept += candidate.score
    best = max(support.items(), key=lambda item: item[1])
    if best[0] != name and kept >= KEEP_SHARE * best[1]:
        return name  # already how ``to`` spells a likely reading: converting changes nothing
    # An ALL-CAPS name stays ALL CAPS even where its Cyrillic is one letter ("YA" → Я → "Ya").
    return _cased(best[0], name)
