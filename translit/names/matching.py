"""Do two spellings name the same person? Part by part, on name keys.

Each name is split into given name (or initial), patronymic and surname — in either order,
``Rogozin, Dmitry`` included — and each part is keyed (:mod:`translit.names.keys`). Surnames
must agree; masculine and feminine forms of one surname (Medvedev, Medvedeva) are *related*
but not the same person; given names must agree, or one be an initial of the other (or a
common short form); patronymics, when both names have one, must agree, or one be an initial of
the other; a patronymic in one name only is no mismatch.

An initial is compared on the Cyrillic letter it stands for, not on its Latin spelling: the first
letter of the initial's Cyrillic reading against the first letter of the full name's (German W,
English V and В are one letter; Ch, Kh and Х; Sch, Sh and Ш; Tsch, Ch and Ч; Z, Ts and Ц; Yu, Ju
and Ю; a lone J or Y stands for Е, Ё, Ю, Я or Й). Letters are told apart as finely as the name key
tells them (ж and ш are one letter there, as are з and с, и, й and ы), except that the iotated
vowels stay apart from the plain ones: Ya. is not A.

>>> result = match("Anton Shkaplerov", "Anton Schkaplerow")
>>> result.same, result.verdict
(True, 'same')
>>> match("Dmitry Medvedev", "Svetlana Medvedeva").verdict
'related'
>>> result = match("V. V. Putin", "Wladimir Wladimirowitsch Putin")
>>> result.verdict, result.parts["patronymic"], result.initials["patronymic"]["letters_b"]
('compatible', 'initial', 'в')
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace

from translit import caching
from translit.caching import Lazy
from translit.names.inversion import fold_latin
from translit.names.keys import fold, known_keys, name_styles, ordered_words, read_back, word_key
from translit.names.parts import Token, tokenize
from translit.schemes.scheme import has_cyrillic

WEIGHTS = {"surname": 0.55, "given": 0.35, "patronymic": 0.10}
PART_SCORES = {"same": 1.0, "variant": 0.8, "initial": 0.75, "absent": 0.5, "related": 0.35,
               "different": 0.0}
VOWELS = frozenset("aeiou")
ALTERNATIVES = 2
"""How many likely styles a name's words are keyed under (a ch may be ч, х or ш)."""
IOTATED = {"я": "ja", "ю": "ju", "е": "je", "ё": "je"}
"""Initial letters kept apart from the plain vowel that the key folds them to (я is not а)."""
GLIDE_VOWELS = {"a": "ja", "u": "ju", "e": "je", "o": "je"}
"""The iotated letter a Latin j, y or i before a vowel may write (Ya, Ju, Ie, Yo)."""
LONE_GLIDE = frozenset({"i", "ja", "ju", "je"})
"""What a lone J. or Y. may stand for: Й, Я, Ю, Е or Ё (Jurij, Yakov, Jewgeni)."""
LONG_INITIALS = {"sch": "ш", "tsch": "ч", "shch": "щ", "tch": "ч", "dzh": "д", "dsch": "д"}
"""Initials of more than two letters (German Sch. and Tsch. for Ш and Ч), which the tokenizer
does not mark, when a point follows them; the letter each stands for in any style."""


@dataclass(frozen=True)
class ParsedName:
    """A name split into keyed parts, with the spelling style and the gender it shows."""

    text: str
    style: str
    given: str = ""
    given_text: str = ""
    initial: bool = False
    patronymic: str = ""
    patronymic_text: str = ""
    surname: str = ""
    surname_text: str = ""
    gender: str | None = None
    given_keys: frozenset[str] = frozenset()
    patronymic_keys: frozenset[str] = frozenset()
    surname_keys: frozenset[str] = frozenset()
    patronymic_initial: bool = False
    given_leads: frozenset[str] = frozenset()
    """The Cyrillic letters the given name may begin with, as classes (:func:`_lead`)."""
    patronymic_leads: frozenset[str] = frozenset()


@dataclass(frozen=True)
class MatchResult:
    """How two names compare: a score in [0, 1], ``same``, a verdict and why.

    ``parts`` has the verdict per part (``same``, ``variant``, ``initial``, ``absent``,
    ``related``, ``different``); ``initials`` details each part where an initial was compared:
    the two texts (``a``, ``b``), the Cyrillic letters each may begin with (``letters_a``,
    ``letters_b``, alternatives joined by ``/``) and the part's verdict.
    """

    score: float
    same: bool
    verdict: str
    why: str
    parts: dict[str, str] = field(default_factory=dict)
    initials: dict[str, dict[str, str]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        """The result as JSON-ready data (``initials`` only when an initial was compared)."""
        data: dict[str, object] = {"same": self.same, "score": self.score,
                                   "verdict": self.verdict, "why": self.why,
                                   "parts": dict(self.parts)}
        if self.initials:
            data["initials"] = {part: dict(detail) for part, detail in self.initials.items()}
        return data


class _Tables:
    """Keys derived once from the name tables: given-name genders, short forms, patronymic
    suffixes and masculine/feminine surname endings."""

    def __init__(self) -> None:
        from translit.names.data import name_data

        data = name_data()
        genders: dict[str, set[str]] = {}
        for name, entry in data.given.items():
            genders.setdefault(fold(name), set()).add(entry.gender)
        self.given_gender = {k: next(iter(v)) for k, v in genders.items() if len(v) == 1}
        self.variants: dict[str, set[str]] = {}
        for short, names in data.variant_of.items():
            for name in names:
                self.variants.setdefault(fold(short), set()).add(fold(name))
                self.variants.setdefault(fold(name), set()).add(fold(short))
        suffixes = {(fold(s), g) for s, g in data.patronymic_suffixes}
        suffixes |= {(fold(p[-4:]), g) for p, g in data.patronymics.items() if len(p) > 5}
        self.patronymic_suffixes = sorted(suffixes, key=lambda item: -len(item[0]))
        pairs = {(fold(m), fold(f)) for m, f in data.feminine}
        self.feminine = sorted(pairs, key=lambda item: -len(item[0]))
        self.surname_pairs = {fold(a): fold(b) for a, b in data.pairs.items()}
        self.surname_gender = {fold(w): g for w, (_, g) in data.surnames.items() if g != "?"}
        self.known = known_keys()

    def patronymic(self, key: str) -> str | None:
        for suffix, gender in self.patronymic_suffixes:
            if key.endswith(suffix) and len(key) > len(suffix) + 1:
                return gender
        return None

    def related(self, a: str, b: str) -> bool:
        if self.surname_pairs.get(a) == b or self.surname_pairs.get(b) == a:
            return True
        for masculine, feminine in self.feminine:
            for x, y in ((a, b), (b, a)):
                if (x.endswith(masculine) and y.endswith(feminine)
                        and x[: len(x) - len(masculine)] == y[: len(y) - len(feminine)]
                        and len(x) > len(masculine)):
                    return True
        return False


_lock = threading.Lock()
_parsed: dict[tuple[str, bool], ParsedName] = caching.tracked({})


_derived = Lazy(_Tables)


def _tables() -> _Tables:
    return _derived.get()


Unit = tuple[str, str, bool, frozenset[str]]


MIXED_PIECES = 3
"""Pieces of a hyphenated name up to which its keys mix the styles piece by piece
(Rimsky-Korsakov); a longer chain is keyed per style (the mixes grow exponentially)."""


def _units(words: list[Token], styles: list[str], lexicon: bool) -> list[Unit]:
    """(key, text, is initial, keys under the other likely styles) per unit."""
    groups: list[list[tuple[Token, list[str]]]] = []
    previous = -1
    for token in words:
        keys = [word_key(token.text, style, lexicon=lexicon) for style in styles]
        if groups and token.unit == previous:
            groups[-1].append((token, keys))
        else:
            groups.append([(token, keys)])
        previous = token.unit
    units: list[Unit] = []
    for group in groups:
        first, keys = group[0]
        if len(group) == 1:
            units.append((keys[0], first.text, first.initial, frozenset(keys)))
            continue
        if len(group) <= MIXED_PIECES:
            mixed = [""]
            for _, piece_keys in group:
                mixed = [f"{a}-{b}" if a else b for a in mixed for b in set(piece_keys)]
            alternatives = frozenset(mixed)
        else:
            alternatives = frozenset("-".join(k[i] for _, k in group) for i in range(len(keys)))
        units.append(("-".join(k[0] for _, k in group), "-".join(t.text for t, _ in group),
                      False, alternatives))
    return units


def _known_name(name: str) -> str:
    """The Cyrillic of a name the lexicon knows as a whole (Peter the Great; Kyiv: Київ; Киев:
    Київ, which it is another form of), else the name."""
    from translit.names.inversion import fold_latin
    from translit.names.lexicon import lexicon

    table = lexicon()
    folded = fold_latin(name.strip())
    found = table.by_latin.get(folded)
    if found is not None:
        return found[0]
    # A listed name of another nation by a Latin form (Lukashenko: Лукашэнка), and a Russian
    # form that is another form of a listed name (Киев: Київ)
    return table.key_name(table.foreign.get(folded) or name)


def _mark_long_initials(tokens: list[Token]) -> list[Token]:
    """The tokens with ``Tsch.``, ``Sch.`` … marked as initials (:data:`LONG_INITIALS`)."""
    marked = tokens
    for index, token in enumerate(tokens):
        if (token.is_word and not token.initial and token.text[:1].isupper()
                and index + 1 < len(tokens) and tokens[index + 1].text.startswith(".")
                and fold_latin(token.text) in LONG_INITIALS):
            if marked is tokens:
                marked = list(tokens)
            marked[index] = replace(token, initial=True)
    return marked


def _lead(letter: str) -> str:
    """The class of a lowercase Cyrillic letter that initials are compared on: its key
    (в → v, ж and ш → sh), with я, ю and е/ё kept apart from а, у and э."""
    return IOTATED.get(letter) or fold(letter)


def _reading(latin: str, style: str, lexicon: bool) -> str:
    """The Cyrillic that :func:`word_key` keys a folded Latin word by."""
    if lexicon:
        from translit.names.lexicon import lexicon as known

        found = known().cyrillic(latin)
        if found is not None and " " not in found:
            return found.lower()
    return read_back(latin, style)


def _leads(text: str, initial: bool, styles: list[str], lexicon: bool) -> frozenset[str]:
    """The classes (:func:`_lead`) of the Cyrillic letters a given name or patronymic (or its
    initial) may begin with, under each of the name's likely styles."""
    word = text.split("-", 1)[0]
    if not word:
        return frozenset()
    if has_cyrillic(word):
        lead = _lead(word[:1].lower())
        return frozenset({lead}) if lead else frozenset()
    latin = fold_latin(word)
    if initial and latin in LONG_INITIALS:
        return frozenset({_lead(LONG_INITIALS[latin])})
    leads = {_lead(reading[:1]) for reading in (_reading(latin, s, lexicon) for s in styles)
             if reading}
    first, second = latin[:1], latin[1:2]
    if initial and len(latin) == 1 and first in "jy":
        leads |= LONE_GLIDE
    elif first in "ijy" and second in GLIDE_VOWELS:
        leads.add("ju" if latin[1:3] == "ou" else GLIDE_VOWELS[second])
        if first == "i":
            leads.add("i")
    elif first == "e":
        leads |= {"e", "je"}
    leads.discard("")
    return frozenset(leads)


def _letters(leads: frozenset[str]) -> str:
    """The Cyrillic letters of some lead classes, for people to read: ``ж/ш``."""
    alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    letters = [c for c in alphabet if _lead(c) in leads]
    known = {_lead(c) for c in letters}
    return "/".join(letters + sorted(leads - known))


def parse_name(name: str, *, lexicon: bool = True) -> ParsedName:
    """Split ``name`` into keyed parts (cached).

    >>> parse_name("Rogozin, Dmitry Olegovich").patronymic
    'olegovich'
    >>> parsed = parse_name("Путин В. В.")
    >>> parsed.surname, parsed.initial, parsed.patronymic_initial
    ('putin', True, True)
    """
    cached = _parsed.get((name, lexicon))
    if cached is not None:
        return cached
    tables = _tables()
    tokens = _mark_long_initials(tokenize(_known_name(name) if lexicon else name))
    styles = name_styles(tokens)[:ALTERNATIVES]
    units = _units(ordered_words(tokens), styles, lexicon)
    empty: Unit = ("", "", False, frozenset())
    given = patronymic = surname = empty
    if len(units) == 1:
        surname = units[0]
    elif units:
        first, *middle, last = units
        if last[2] and not first[2] and all(unit[2] for unit in middle):
            # The surname before its initials, without a comma: "Putin V. V.", "Путин В. В.".
            first, middle, last = (middle[0], [last], first) if middle else (last, [], first)
        elif (not middle and not first[2] and last[0] in tables.given_gender
                and first[0] not in tables.given_gender):
            first, last = last, first
        elif middle and tables.patronymic(last[0]) and not tables.patronymic(middle[-1][0]):
            first, middle, last = middle[0], [last], first
        given, surname = first, last
        patronymic = middle[-1] if middle else patronymic
    genders = [tables.given_gender.get(given[0]) if not given[2] else None,
               tables.patronymic(patronymic[0]) if patronymic[0] else None,
               tables.surname_gender.get(surname[0])]
    known = [g for g in genders if g]
    style = styles[0] if any(t.is_word and not has_cyrillic(t.text) for t in tokens) \
        else "cyrillic"
    parsed = ParsedName(name, style, given[0], given[1], given[2], patronymic[0],
                        patronymic[1], surname[0], surname[1], known[0] if known else None,
                        given[3], patronymic[3], surname[3], patronymic[2],
                        _leads(given[1], given[2], styles, lexicon),
                        _leads(patronymic[1], patronymic[2], styles, lexicon))
    with _lock:
        if len(_parsed) > 20_000:
            _parsed.clear()
        _parsed[(name, lexicon)] = parsed
    return parsed


def _by_keys(a_initial: bool, a_keys: frozenset[str], b_initial: bool,
             b_keys: frozenset[str]) -> str:
    """An initial against a name by the keys alone: for a part whose letters are unknown."""
    if a_keys & b_keys:
        return "same"
    # Both ways when both are initials, so that match(a, b) and match(b, a) agree.
    pairs = [(x, y) for x, y, short in ((a_keys, b_keys, a_initial), (b_keys, a_keys, b_initial))
             if short]
    for shorts, fulls in pairs:
        for short in shorts:
            for full in fulls:
                if full.startswith(short) or (short in ("", "i", "e") and full[:1] in VOWELS):
                    return "initial"
    return "different"


def _initials(a_initial: bool, a_leads: frozenset[str], a_keys: frozenset[str],
              b_initial: bool, b_leads: frozenset[str], b_keys: frozenset[str]) -> str:
    """An initial against a name or another initial: do they begin with one letter?"""
    if not a_leads or not b_leads:
        return _by_keys(a_initial, a_keys, b_initial, b_keys)
    if not a_leads & b_leads:
        return "different"
    return "same" if a_initial and b_initial else "initial"


def _given(a: ParsedName, b: ParsedName) -> str:
    if not a.given or not b.given:
        return "absent"
    if a.initial or b.initial:
        return _initials(a.initial, a.given_leads, a.given_keys, b.initial, b.given_leads,
                         b.given_keys)
    if a.given_keys & b.given_keys:
        return "same"
    if b.given in _tables().variants.get(a.given, ()):
        return "variant"
    return "different"


def _patronymic(a: ParsedName, b: ParsedName) -> str:
    if not a.patronymic or not b.patronymic:
        return "absent"
    if a.patronymic_initial or b.patronymic_initial:
        return _initials(a.patronymic_initial, a.patronymic_leads, a.patronymic_keys,
                         b.patronymic_initial, b.patronymic_leads, b.patronymic_keys)
    return "same" if a.patronymic_keys & b.patronymic_keys else "different"


def _initial_details(left: ParsedName, right: ParsedName,
                     parts: dict[str, str]) -> dict[str, dict[str, str]]:
    """Per part where an initial was compared: the texts, their letters and the verdict."""
    details: dict[str, dict[str, str]] = {}
    for part, a_initial, b_initial in (("given", left.initial, right.initial),
                                       ("patronymic", left.patronymic_initial,
                                        right.patronymic_initial)):
        if parts[part] == "absent" or not (a_initial or b_initial):
            continue
        details[part] = {"a": getattr(left, f"{part}_text"), "b": getattr(right, f"{part}_text"),
                         "letters_a": _letters(getattr(left, f"{part}_leads")),
                         "letters_b": _letters(getattr(right, f"{part}_leads")),
                         "verdict": parts[part]}
    return details


def _surname(a: ParsedName, b: ParsedName) -> str:
    if not a.surname or not b.surname:
        return "absent"
    if a.surname_keys & b.surname_keys:
        return "same"
    tables = _tables()
    if any(tables.related(x, y) for x in a.surname_keys for y in b.surname_keys):
        return "related"
    return "different"


def match(a: str, b: str, *, lexicon: bool = True) -> MatchResult:
    """Compare two names written in any schemes (or Cyrillic).

    >>> match("D. Rogozin", "Rogosin, Dmitri").same
    True
    """
    left, right = parse_name(a, lexicon=lexicon), parse_name(b, lexicon=lexicon)
    parts = {"surname": _surname(left, right), "given": _given(left, right),
             "patronymic": _patronymic(left, right)}
    clash = left.gender is not None and right.gender is not None and left.gender != right.gender
    score = sum(WEIGHTS[p] * PART_SCORES[v] for p, v in parts.items())
    blocking = {"different", "variant"}
    same = parts["surname"] == "same" and not blocking & set(parts.values()) and not clash
    if same:
        verdict = "same" if all(v == "same" or (p == "patronymic" and v == "absent")
                                for p, v in parts.items()) else "compatible"
    elif "related" in parts.values() or (parts["given"] == "variant"
                                         and parts["surname"] == "same"):
        verdict = "related"
    else:
        verdict = "different"
    if not same:
        score = min(score, 0.49 if verdict == "related" else 0.3)
    initials = _initial_details(left, right, parts)
    return MatchResult(round(score, 4), same, verdict, _why(left, right, parts, clash, initials),
                       parts, initials)


def _why(left: ParsedName, right: ParsedName, parts: dict[str, str], clash: bool,
         initials: dict[str, dict[str, str]]) -> str:
    pieces = []
    for part in ("given", "patronymic", "surname"):
        verdict = parts[part]
        text_a = getattr(left, f"{part}_text")
        text_b = getattr(right, f"{part}_text")
        if verdict == "absent":
            if text_a or text_b:
                pieces.append(f"{part} only in one name ({text_a or text_b})")
            continue
        key_a, key_b = getattr(left, part), getattr(right, part)
        shown = key_a if key_a == key_b else f"{key_a} / {key_b}"
        detail = initials.get(part)
        if detail is not None:
            shown += f", letter {detail['letters_a']} / {detail['letters_b']}"
        pieces.append(f"{part} {text_a} ~ {text_b}: {verdict} (key {shown})")
    if clash:
        pieces.append(f"gender {left.gender} / {right.gender}")
    pieces.append(f"read as {left.style} / {right.style}")
    return "; ".join(pieces)


def clear_cache() -> None:
    """Forget the names parsed so far (the tables derived from the name data stay)."""
    with _lock:
        _parsed.clear()
