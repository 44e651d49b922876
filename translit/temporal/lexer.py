"""Split text into the tokens that can be part of a temporal expression, in one regex pass.

The pattern of each language is built from its lexicon on first use (a character trie, so it
cannot backtrack across alternatives) and cached. Everything else in the text is skipped. The
marks of the half of the day (a.m.), the endings of ordinals (5th) and the marks that open a
sentence come from the language's table in ``tables/languages/``.

>>> [(t.kind, t.text) for t in tokenize("On Oct. 5 at 10:55 a.m. Swiss time", "en")]
[('month', 'Oct.'), ('num', '5'), ('hhmm', '10:55 a.m.'), ('zone', 'Swiss time')]
"""

from __future__ import annotations

import threading
import unicodedata
from typing import Any

from translit import caching
from translit.schemes.languages import Language, language
from translit.temporal.words import Lexicon, Meaning, get_lexicon
from translit.temporal.zones import load_zone_table

_lock = threading.Lock()
_patterns: dict[str, Any] = caching.tracked({})

# Patterns of numeric tokens, all lowercase: the lexer scans the lowercased text (same offsets).
_NUMERIC = (
    ("iso", r"\d{4}-\d{2}-\d{2}(?:t\d{2}:\d{2}(?::\d{2})?(?:z|[+-]\d{2}:?\d{2})?)?"),
    ("dotted", r"\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})"),
    ("daymonth", r"(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?!\d)"),
    ("slash", r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})"),
    ("monthday", r"\d{1,2}/\d{1,2}(?![/\d])"),
    ("compact", r"(?:1[89]|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"),
    ("hours", r"\d{1,3}h"),
    ("hhmm", r"\d{1,2}(?::\d{2}(?::\d{2})?|\.\d{2}){halves}"),
    ("hampm", r"\d{1,2} ?{half}"),
    ("ordinal", r"\d{1,2}(?:{ordinals})"),
    ("decade", r"(?:\d{2})?\d0(?:'?s|er|-(?:е|х|ые|ых))"),
    ("num", r"\d+(?:[.,]\d+)*"),
)
"""``{half}``: a mark of the half of the day (a.m.), ``{halves}``: one that may follow, after a
space or not, ``{ordinals}``: the endings of an ordinal; a language without them has no
``hampm`` or ``ordinal`` tokens."""
_OFFSET = r"(?P<offset>(?:utc|gmt) ?[+−-] ?\d{1,2}(?::?\d{2})?)"
_ISO_TIME = r"(?P<isotime>t\d{2}:\d{2}(?::\d{2})?(?:z|[+-]\d{2}:?\d{2})?)"
"""A time already in ISO 8601 ("T10:55", what a time without a day becomes): one token that no
rule reads, so normalize leaves its own output as it is."""
_KINDS = {name: frozenset({name}) for name, _ in (*_NUMERIC, ("offset", ""), ("isotime", ""))}
NUM_DAY, NUM_YEAR = frozenset({"num", "num:day"}), frozenset({"num", "num:year"})
NUM_OTHER = frozenset({"num", "num:other"})
"""The kinds of a plain number of up to four digits: one that can be a day (1-31, two digits
at most), a year (1000-2999, four digits) or neither; the grammar tries a rule only on the
numbers it can start at."""
WORD_CACHE = 20_000  # spellings remembered per language with their meanings


class Token:
    """A piece of text that may belong to a temporal expression.

    A plain class with slots rather than a NamedTuple: the compiled build reads its fields
    directly, and the pure-Python build makes it about as fast.
    """

    __slots__ = ("end", "kind", "kinds", "meanings", "start", "text", "value")

    def __init__(self, kind: str, start: int, end: int, text: str,
                 meanings: tuple[Meaning, ...] = (), kinds: frozenset[str] = frozenset(),
                 value: int | None = None) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.meanings = meanings
        self.kinds = kinds  # the kinds of ``meanings`` (or the numeric kind)
        self.value = value  # a plain number of at most four digits, or an ordinal's number

    def __repr__(self) -> str:
        return f"Token({self.kind!r}, {self.start}, {self.end}, {self.text!r})"

    def get(self, kind: str) -> Meaning | None:
        """The meaning of ``kind`` this token has, if any."""
        if kind in self.kinds:
            for meaning in self.meanings:
                if meaning.kind == kind:
                    return meaning
        return None

    def has(self, *kinds: str) -> bool:
        """Whether the token has a meaning of one of ``kinds``."""
        return bool(self.meanings) and not self.kinds.isdisjoint(kinds)

    @property
    def number(self) -> int | None:
        """The value of a plain number of at most four digits (``3,000`` has none)."""
        return self.value if self.kind == "num" else None


MAX_NESTING = 32
"""Groups inside one another in a word pattern at most; below that depth a node's words are
listed side by side (the regex compilers recurse once per group, and the compiled build has no
recursion limit to stop them)."""
_Trie = dict[str, Any]


def word_pattern(words: list[str]) -> str:
    """A regex (trie-shaped, no backtracking between alternatives) matching any of ``words``.

    Built without recursion, so a word of any length works; a run of letters without a branch
    is a plain sequence, and groups nest at most :data:`MAX_NESTING` deep.

    >>> word_pattern(["oct", "oct.", "october"])
    'oct(?:\\\\.|ober)?'
    >>> word_pattern(["a b", "ab"])
    'a(?:\\\\s+b|b)'
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    out: list[str] = []
    stack: list[tuple[_Trie, int] | str] = [(trie, 0)]  # a node at a nesting depth, or text
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        node, depth = item
        chars = sorted(k for k in node if k)
        if not chars:
            continue
        ends = "" in node
        if len(chars) == 1 and not ends:  # a plain sequence: no group
            out.append(_piece(chars[0]))
            stack.append((node[chars[0]], depth))
            continue
        close = ")?" if ends else ")"
        if len(chars) == 1 and len(_piece(chars[0])) == 1 and node[chars[0]].keys() <= {""}:
            out.append(chars[0] + "?")  # one optional letter: "a?"
        elif depth >= MAX_NESTING:
            out.append("(?:" + "|".join(_endings(node)) + close)
        else:
            stack.append(close)
            for index in reversed(range(len(chars))):
                stack.append((node[chars[index]], depth + 1))
                stack.append(("|" if index else "(?:") + _piece(chars[index]))
    return "".join(out)


def _piece(char: str) -> str:
    """The pattern of one character of a word: any run of spaces for a space."""
    import regex

    return r"\s+" if char == " " else str(regex.escape(char))


def _endings(node: _Trie) -> list[str]:
    """The patterns of the words' endings below ``node``, in the order the trie tries them
    (a longer one before its prefix, else by character), found without recursion."""
    found: list[str] = []
    path: list[str] = []
    # (the character entered, or a step: keys are single characters), the node
    stack: list[tuple[str, _Trie]] = [("", node)]
    while stack:
        char, at = stack.pop()
        if char == "leave":
            path.pop()
            continue
        if char == "end":
            found.append("".join(path))
            continue
        if char:
            path.append(_piece(char))
        for key in sorted((k for k in at if k), reverse=True):
            child = at[key]
            stack.append(("leave", child))
            if "" in child:
                stack.append(("end", child))
            stack.append((key, child))
    return found


def _vocabulary(lex: Lexicon) -> dict[str, tuple[Meaning, ...]]:
    vocabulary = dict(lex.words)
    zones = load_zone_table()
    for phrase in {**zones.all_phrases()}:
        vocabulary.setdefault(phrase, ())
        vocabulary[phrase] = (*vocabulary[phrase], Meaning("zone", phrase))
    for abbr in (*zones.abbreviations, *zones.ambiguous):
        key = abbr.lower()
        vocabulary[key] = (*vocabulary.get(key, ()), Meaning("zone", abbr, abbr=True))
    return vocabulary


WordCache = dict[str, tuple[tuple[Meaning, ...], frozenset[str], bool]]


def _numeric(facts: Language) -> list[str]:
    r"""The numeric branches of the pattern of a language, each a named group.

    >>> print(_numeric(language("en"))[8])
    (?P<hampm>\d{1,2} ?(?:a\. ?m\.?|a ?m|p\. ?m\.?|p ?m))
    >>> [b.split(">")[0][4:] for b in _numeric(language("de"))]
    ['iso', 'dotted', 'daymonth', 'slash', 'monthday', 'compact', 'hours', 'hhmm', 'decade', 'num']
    """
    import re

    halves = []  # a.m.: each letter may be followed by a point, the first also by a space;
    # a final point only after a point inside ("p.m." but "pm" alone: "from 5-7 pm." ends a
    # sentence, and the point stays in the text)
    for form in (*facts.am, *facts.pm):
        letters = [re.escape(c) for c in form if c not in ". "]
        if len(letters) == 2:
            halves.append(f"{letters[0]}\\. ?{letters[1]}\\.?|{letters[0]} ?{letters[1]}")
        else:
            halves.append("\\.? ?".join(letters) + "\\.?")
    half = f"(?:{'|'.join(halves)})"
    ordinals = "|".join(re.escape(suffix) for suffix in facts.ordinal_suffixes)
    branches = []
    for name, body in _NUMERIC:
        if (name == "hampm" and not halves) or (name == "ordinal" and not ordinals):
            continue
        body = body.replace("{halves}", f"(?: ?{half})?" if halves else "")
        body = body.replace("{half}", half).replace("{ordinals}", ordinals)
        branches.append(f"(?P<{name}>{body})")
    return branches


def _compiled(lang: str) -> tuple[Any, dict[str, tuple[Meaning, ...]], WordCache]:
    """The pattern, vocabulary and word cache of ``lang``, rebuilt when the zone table changes."""
    zones = load_zone_table()
    found = _patterns.get(lang)
    if found is not None and found[0] is zones:
        return found[1], found[2], found[3]
    with _lock:
        vocabulary = _vocabulary(get_lexicon(lang))
        words = set(vocabulary)
        words.update(k + "." for k, v in vocabulary.items()
                     if any(m.abbr and m.kind in ("month", "weekday") for m in v))
        numeric = _numeric(language(lang))
        # A digit guard before the numeric branch and a lowercase text make this about
        # twice as fast as the plain alternation with IGNORECASE. Every token starts with a
        # word character, so the pattern opens with the non-word character before it (the text
        # gets a leading space): the engine then skips to the next candidate in C instead of
        # trying the pattern at every position.
        body = ("(?:(?=\\d)(?:" + "|".join(numeric) + ")|" + _OFFSET + "|" + _ISO_TIME
                + f"|(?P<word>{word_pattern(sorted(words))}))" + r"(?!\w)")
        padded = all(w[:1].isalnum() or w[:1] == "_" for w in words)
        import re

        pattern = re.compile((r"\W" if padded else r"(?<!\w)") + body)
        cache: WordCache = {}
        _patterns[lang] = (zones, (pattern, padded), vocabulary, cache)
    return (pattern, padded), vocabulary, cache


def lower_text(text: str) -> str:
    """``text`` in lowercase with the same offsets (a letter whose lowercase is longer, such as
    "İ", stays as it is).

    >>> lower_text("Oct. 5 İ")
    'oct. 5 İ'
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered


def tokenize(text: str, lang: str, *, lowered: str | None = None) -> list[Token]:
    """The temporal tokens of ``text`` in language ``lang``, in order (``lowered`` is
    :func:`lower_text` of ``text`` if the caller has it)."""
    (pattern, padded), vocabulary, words = _compiled(lang)
    lex = get_lexicon(lang)
    tokens: list[Token] = []
    append = tokens.append
    if lowered is None:
        lowered = lower_text(text)
    shift = 1 if padded else 0  # a padded match also holds the character before the token
    for match in pattern.finditer(" " + lowered if padded else lowered):
        kind = match.lastgroup or "num"
        start, end = match.span()
        end -= shift
        raw = text[start:end]
        if kind != "word":
            value = None
            kinds = _KINDS[kind]
            if kind == "num" and end - start <= 4 and raw.isdigit():
                value = int(raw)
                if end - start <= 2 and 1 <= value <= 31:
                    kinds = NUM_DAY
                elif end - start == 4 and 1000 <= value <= 2999:
                    kinds = NUM_YEAR
                else:
                    kinds = NUM_OTHER
            elif kind == "ordinal":
                value = int(raw[:len(raw) - len(raw.lstrip("0123456789"))])
            append(Token(kind, start, end, raw, (), kinds, value))
            continue
        entry = words.get(raw)
        if entry is None:
            entry = _word(raw, vocabulary, lex)
            if len(words) > WORD_CACHE:
                words.clear()
            words[raw] = entry
        kept, kinds, case_sensitive = entry
        if case_sensitive:  # "Morgen" is a noun unless it opens a sentence
            key = raw.lower()
            initial = sentence_start(text, start, lang)
            kept = tuple(m for m in kept if _fits(m, raw, key, lex, initial))
            kinds = frozenset(m.kind for m in kept)
        if kept:
            append(Token(kept[0].kind, start, end, raw, kept, kinds, None))
    return tokens


def _word(raw: str, vocabulary: dict[str, tuple[Meaning, ...]],
          lex: Lexicon) -> tuple[tuple[Meaning, ...], frozenset[str], bool]:
    """The meanings ``raw`` can have, their kinds, and whether its position still decides."""
    key = raw.lower()
    if not key.isalpha():
        key = " ".join(key.split())
    if not key.isascii():
        key = unicodedata.normalize("NFC", key)
    meanings = vocabulary.get(key) or vocabulary.get(key.rstrip("."), ())
    if key in lex.exact_case:
        return meanings, frozenset(), True
    kept = tuple(m for m in meanings if _fits(m, raw, key, lex, False))
    return kept, frozenset(m.kind for m in kept), False


def sentence_start(text: str, start: int, lang: str) -> bool:
    """Whether the word at ``start`` opens a sentence: the last mark before it (within eight
    characters, spaces aside) is one of the language's ``date_sentence_marks``.

    >>> sentence_start("Er kam. Morgen", 8, "de"), sentence_start("Er kam Morgen", 7, "de")
    (True, False)
    """
    before = text[max(0, start - 8):start].rstrip()
    return start == 0 or not before or before[-1] in language(lang).date_sentence_marks


def _fits(meaning: Meaning, raw: str, key: str, lex: Lexicon, initial: bool) -> bool:
    """Whether the case of ``raw`` allows ``meaning``: names capitalized, abbreviations exact,
    exact-case words ("morgen") lowercase or capitalized only at the start of a sentence."""
    if meaning.kind == "zone":
        return not meaning.abbr or raw == meaning.value
    if meaning.kind in ("month", "weekday"):
        return not lex.capitalized_names or raw[:1].isupper()
    return not (key in lex.exact_case and raw != key and not (initial and raw.istitle()))
