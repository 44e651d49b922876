"""The name key: one key for every spelling of a name, in every scheme and in Cyrillic.

A Latin word is read back into Cyrillic by its scheme's own table (the style of the name is
detected once; the longest inverse entry wins, endings close the word, ``[words]`` exceptions and
the lexicon come first), then folded by ``tables/names/key.toml`` — a table that forgets what
the schemes disagree on (ь, the j of я/ю/ё, ё against е, з against с, doubled letters …).
No search and no ranking: a key costs a few microseconds.

>>> name_key("Anton Shkaplerov") == name_key("Anton Schkaplerow") == name_key("Антон Шкаплеров")
True
>>> name_key("Rogozin, Dmitry")
'dmitri rogosin'
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from translit import caching, table_layer
from translit.caching import Lazy
from translit.names.inversion import Inverse, InverseEntry, fallback_entries, fold_latin, inverse_of
from translit.names.parts import Token, surname_first, tokenize
from translit.names.spelling import letter_model
from translit.names.style import style_scores
from translit.schemes.engine import Engine
from translit.schemes.languages import letter_classes
from translit.schemes.scheme import has_cyrillic

_signs = caching.Lazy(lambda: frozenset(letter_classes()["sign"]))
KIND_ORDER = {"letters": 0, "context": 1, "endings": 2, "fallback": 3}
STYLE_MARGIN = 2.0
STYLE_LIMIT = 8
KNOWN_BONUS = 6.0
STYLE_WEIGHT = 2.0
PREFERENCE_STEP = 0.5

_lock = threading.Lock()
_state: dict[str, object] = caching.tracked({})


def _read_fold_engine() -> Engine:
    from translit.schemes.loader import read_table

    return Engine(read_table(table_layer.winner("names/key.toml")))


_engine = Lazy(_read_fold_engine)


def _fold_engine() -> Engine:
    return _engine.get()


def collapse(text: str) -> str:
    """Doubled letters once: ``peressild`` → ``peresild``."""
    out = []
    previous = ""
    for char in text:
        if char != previous:
            out.append(char)
        previous = char
    return "".join(out)


def fold(cyrillic: str) -> str:
    """The key of one lowercase Cyrillic word.

    >>> fold("пересильд"), fold("наталья"), fold("горбачёв")
    ('peresild', 'natala', 'gorbachev')
    """
    return collapse(_fold_engine().word(cyrillic))


def _representative(entries: tuple[InverseEntry, ...]) -> str:
    best = min(entries, key=lambda e: (len(e.cyrillic), e.cyrillic in _signs.get(),
                                       KIND_ORDER.get(e.kind, 4)))
    return best.cyrillic


Reader = tuple[dict[str, str], dict[str, str], dict[str, tuple[int, ...]],
               dict[str, tuple[frozenset[str], bool]]]


def _next_letters(entries: tuple[InverseEntry, ...], scheme: str) -> tuple[frozenset[str], bool]:
    """The Latin letters that may follow a piece which only context rules write (French "gu"
    comes from г only before е, и, ы, э: before "e", "i", "y"), and whether the word may end
    there; an empty set with True means no restriction."""
    from translit.schemes.registry import get_scheme

    letters = get_scheme(scheme).spec.letters
    allowed: set[str] = set()
    at_end = False
    for entry in entries:
        before = entry.rule.before if entry.rule is not None else None
        if entry.kind != "context" or before is None:
            return frozenset(), True
        at_end = at_end or before.start_or_end
        firsts = {*before.letter_sets, *(seq[:1] for seq in before.sequences)}
        for cyrillic in firsts:
            written = fold_latin(letters.get(cyrillic, cyrillic))
            if written:
                allowed.add(written[0])
    return frozenset(allowed), at_end


def _tables(inverse: Inverse) -> Reader:
    """(piece → Cyrillic, ending → Cyrillic, first letter → piece lengths, longest first (the
    empty string → the lengths of the endings), piece → the letters it must stand before)."""
    cache_key = f"tables:{inverse.scheme}:{id(inverse)}"
    found = _state.get(cache_key)
    if isinstance(found, tuple):
        return found
    pieces: dict[str, str] = {}
    endings: dict[str, str] = {}
    bounded: dict[str, tuple[frozenset[str], bool]] = {}
    for latin, entries in inverse.entries.items():
        plain = tuple(e for e in entries if not e.at_end)
        if plain:
            pieces[latin] = _representative(plain)
            allowed, at_end = _next_letters(plain, inverse.scheme)
            if allowed:
                bounded[latin] = (allowed, at_end)
        ends = tuple(e for e in entries if e.at_end)
        if ends:
            endings[latin] = _representative(ends)
    lengths: dict[str, set[int]] = {"": {len(e) for e in endings} or {0}}
    for piece in pieces:
        lengths.setdefault(piece[0], set()).add(len(piece))
    built = (pieces, endings, {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()},
             bounded)
    with _lock:
        _state[cache_key] = built
    return built


def read_back(word: str, scheme: str) -> str:
    """A quick Cyrillic reading of a lowercase Latin word: longest pieces, endings at the end;
    a piece that only a context rule writes is read only where that context can hold.

    >>> fold(read_back("schkaplerow", "de"))
    'shkaplerov'
    >>> read_back("guennadi", "fr"), fold(read_back("gusev", "fr"))  # French gu before e/i only
    ('геннадий', 'gusev')
    """
    key = (word, scheme)
    cached = _readings.get(key)
    if cached is not None:
        return cached
    inverse = inverse_of(scheme)
    whole = inverse.words.get(word)
    if whole is not None:
        return whole
    pieces, endings, lengths, bounded = _tables(inverse)
    longest_ending = max(lengths.get("", (0,)))
    out: list[str] = []
    index, size = 0, len(word)
    while index < size:
        if size - index <= longest_ending and word[index:] in endings:
            out.append(endings[word[index:]])
            break
        for length in lengths.get(word[index], ()):
            piece = word[index:index + length]
            found = pieces.get(piece)
            if found is None:
                continue
            limit = bounded.get(piece)
            if limit is not None:
                end = index + length
                if not (word[end:end + 1] in limit[0] if end < size else limit[1]):
                    continue
            out.append(found)
            index += length
            break
        else:
            index += _fallback(word, index, out)
    result = "".join(out)
    if len(_readings) > 50_000:
        _readings.clear()
    _readings[key] = result
    return result


_readings: dict[tuple[str, str], str] = caching.tracked({})


def _fallback(word: str, index: int, out: list[str]) -> int:
    """Read a piece the scheme never writes from ``tables/names/latin.toml``; its length."""
    table = fallback_entries()
    for length in (4, 3, 2, 1):
        entries = table.get(word[index:index + length])
        if entries:
            out.append(entries[0].cyrillic)
            return length
    if word[index] != "'":
        out.append(word[index])
    return 1


def word_key(word: str, scheme: str, *, lexicon: bool = True) -> str:
    """The key of one word (Cyrillic, or Latin in ``scheme``)."""
    if has_cyrillic(word):
        return fold(word.lower())
    latin = fold_latin(word)
    if lexicon:
        from translit.names.lexicon import lexicon as known

        found = known().cyrillic(latin)
        if found is not None and " " not in found:
            return fold(found.lower())
    return fold(read_back(latin, scheme))


def ordered_words(tokens: list[Token]) -> list[Token]:
    """The words of a name with a leading ``Surname,`` moved to the end."""
    words = [t for t in tokens if t.is_word]
    if surname_first(tokens):
        first = [t for t in words if t.unit == 0]
        return [t for t in words if t.unit != 0] + first
    return words


def name_style(tokens: list[Token]) -> str:
    """The scheme the Latin words of a name follow (``en`` when nothing tells)."""
    return name_styles(tokens)[0]


def name_styles(tokens: list[Token]) -> list[str]:
    """The schemes a name's Latin words may follow, most likely first (``["en"]`` if none).

    The schemes whose spelling tells score close to the best are told apart by how Russian
    their reading of the name looks (the letter model of :mod:`translit.names.spelling`) and whether
    the name tables know it.
    """
    words = [fold_latin(t.text) for t in tokens if t.is_word and not has_cyrillic(t.text)]
    if not words:
        return ["en"]
    scored = style_scores(" ".join(words))
    best = scored[0][1]
    close = [(s, score) for s, score in scored if score >= best - STYLE_MARGIN][:STYLE_LIMIT]
    if len(close) == 1:
        return [close[0][0]]
    readings = {s: [read_back(w, s) for w in words] for s, _ in close}
    if all(r == readings[close[0][0]] for r in readings.values()):
        return [close[0][0]]
    model = letter_model()
    known = known_keys()
    judged: dict[tuple[str, ...], float] = {}
    totals = []
    for index, (scheme, score) in enumerate(close):
        reading = tuple(readings[scheme])
        if reading not in judged:
            judged[reading] = sum(model.logprob(r) + KNOWN_BONUS * (fold(r) in known)
                                  for r in reading)
        totals.append((judged[reading] + STYLE_WEIGHT * score - PREFERENCE_STEP * index,
                       -index, scheme))
    return [scheme for _, _, scheme in sorted(totals, reverse=True)]


def known_keys() -> frozenset[str]:
    """The keys of every name in the name tables (given names, patronymics, surnames)."""
    found = _state.get("known")
    if found is None:
        from translit.names.data import name_data

        data = name_data()
        words = [*data.given, *data.surnames, *data.patronymics, *data.variant_of]
        found = frozenset(fold(w) for w in words if w.isalpha())
        with _lock:
            _state["known"] = found
    assert isinstance(found, frozenset)
    return found


def name_key(name: str, *, lexicon: bool = True) -> str:
    """The key of a whole name: words in given-name-first order, hyphens kept.

    >>> name_key("Юлия Пересильд") == name_key("Julija Peressild") == name_key("Ioulia Peressild")
    True
    """
    if lexicon:
        from translit.names.lexicon import lexicon as known
        from translit.names.places import known_name

        table = known()
        folded = fold_latin(name.strip())
        whole = table.by_latin.get(folded) or (None if has_cyrillic(name) else known_name(folded))
        # A listed name of another nation by its Latin form (Kyiv, Lukashenko: Київ, Лукашэнка)
        foreign = table.foreign.get(folded) if whole is None else None
        name = table.key_name(whole[0] if whole is not None else foreign or name)
    tokens = tokenize(name)
    style = name_style(tokens)
    key: Callable[[str], str] = _key_function(style, lexicon)
    parts: list[str] = []
    previous_unit = -1
    for token in ordered_words(tokens):
        text = key(token.text)
        if parts and token.unit == previous_unit:
            parts[-1] += "-" + text
        else:
            parts.append(text)
        previous_unit = token.unit
    return " ".join(p for p in parts if p)


def _key_function(style: str, lexicon: bool) -> Callable[[str], str]:
    def key(word: str) -> str:
        return word_key(word, style, lexicon=lexicon)

    return key


def clear_cache() -> None:
    """Forget the keys of words folded so far (the tables stay)."""
    _readings.clear()
    engine = _engine.peek()
    if engine is not None:
        engine.clear_cache()
