"""Per-language temporal vocabulary: CLDR month and weekday names (babel) plus ``tables/dates``.

A lexicon is read on first use and cached; reading it compiles nothing.

>>> lex = get_lexicon("de")
>>> [m.value for m in lex.words["okt"]]
[10]
>>> [m.kind for m in get_lexicon("ru").words["сентябре"]]
['month']
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from translit import caching, table_layer
from translit.errors import TableError
from translit.table_layer import line_of

LANGUAGES = ("en", "de", "ru")
KINDS = ("day", "shift", "unit", "number", "vague", "approx", "clock", "ago", "ahead", "anchor",
         "anchored", "hour", "daypart", "yearmark", "ref", "nth", "period", "part", "set",
         "every", "several", "latest", "yearago", "decade")
UNITS = ("D", "W", "M", "Y", "H", "MIN", "Q", "HALF", "DE", "CE")
PERIODS = ("SP", "SU", "FA", "WI", "WE", "Q1", "Q2", "Q3", "Q4", "H1", "H2")
PARTS = ("MO", "MI", "AF", "EV", "NI", "DT")
REFS = ("PRESENT", "PAST", "FUTURE")
MODS = {"early": "START", "mid": "MID", "late": "END", "approx": "APPROX",
        "more_than": "MORE_THAN", "less_than": "LESS_THAN", "equal_or_less": "EQUAL_OR_LESS",
        "equal_or_more": "EQUAL_OR_MORE", "on_or_after": "ON_OR_AFTER",
        "on_or_before": "ON_OR_BEFORE"}
"""A table's words for ``vague`` and ``approx`` and the TIMEX3 ``mod`` each becomes (a table may
also write the TIMEX3 value itself)."""
_CONTEXTS: tuple[Literal["format", "stand-alone"], ...] = ("format", "stand-alone")
_SECTIONS = ("language", "names", "words", "context", "tense", "dateline", "samples")
CONTEXT_KEYS = ("connectors", "month_prepositions", "year_prepositions", "ahead",
                "time_prepositions", "articles_one", "age_after", "age_before",
                "place_prepositions", "not_a_day", "since", "range_from", "range_to",
                "range_to_alone", "range_moves", "count_before", "count_after", "year_after",
                "event_year_before", "event_after", "vague_before", "period_before", "within",
                "noun_articles", "ordinal_day_before", "shift_articles", "period_alone",
                "times_before", "amount_words")


@dataclass(frozen=True)
class Meaning:
    """What a word means: ``kind`` (month, weekday, or one of :data:`KINDS`) and its value."""

    kind: str
    value: Any = None
    plural: bool = False
    abbr: bool = False


@dataclass(frozen=True)
class Lexicon:
    """Everything the finder knows about one language."""

    lang: str
    path: str
    words: dict[str, tuple[Meaning, ...]]
    exact_case: frozenset[str]
    capitalized_names: bool
    day_first: bool
    month_first_regions: frozenset[str]
    detect: frozenset[str]
    context: dict[str, tuple[str, ...]]
    future: tuple[str, ...]
    past: tuple[str, ...]
    past_suffixes: tuple[str, ...]
    dateline_markers: tuple[str, ...]
    sample_ref: str | None = None
    samples: dict[str, str] = field(default_factory=dict)


_lock = threading.Lock()
_cache: dict[str, Lexicon] = caching.tracked({})


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def parse_meaning(spec: str) -> Meaning:
    """A meaning from its table spelling, e.g. ``"unit W pl"`` or ``"day -1"``.

    >>> parse_meaning("unit W pl")
    Meaning(kind='unit', value='W', plural=True, abbr=False)
    """
    parts = spec.split()
    if not parts or parts[0] not in KINDS:
        raise ValueError(f"unknown meaning {spec!r} (kinds: {', '.join(KINDS)})")
    kind, args = parts[0], parts[1:]
    if kind in ("day", "shift", "number", "nth", "yearago"):
        if len(args) != 1 or not args[0].lstrip("-").isdigit():
            raise ValueError(f"{kind} needs one number")
        return Meaning(kind, int(args[0]))
    if kind in ("vague", "approx"):
        mod = MODS.get(args[0], args[0]) if len(args) == 1 else ""
        if mod not in MODS.values():
            raise ValueError(f"{kind} needs one of {', '.join(MODS)} (or its TIMEX3 mod)")
        return Meaning(kind, mod)
    choices = {"ref": REFS, "period": PERIODS, "part": PARTS}.get(kind)
    if choices is not None:
        if len(args) != 1 or args[0] not in choices:
            raise ValueError(f"{kind} needs one of {', '.join(choices)}")
        return Meaning(kind, args[0])
    if kind == "set":
        if len(args) != 1 or not args[0].startswith(("P", "XXXX")):
            raise ValueError("set needs its TIMEX3 value (P1D, P1W, XXXX-WXX-1)")
        return Meaning(kind, args[0])
    if kind == "anchored":
        if not args:
            return Meaning(kind)
        if len(args) != 2 or not args[0].lstrip("-").isdigit() or args[1] not in UNITS:
            raise ValueError(f"anchored takes an optional count and unit ({', '.join(UNITS)})")
        return Meaning(kind, (int(args[0]), args[1]))
    if kind == "latest":
        if len(args) not in (1, 2) or args[0] not in ("Q", "HALF", "M", "Y", "W") or (
                args[1:] and not args[1].lstrip("-").isdigit()):
            raise ValueError("latest needs a unit (Q, HALF, M, Y, W) and optional years")
        return Meaning(kind, (args[0], int(args[1]) if args[1:] else 0))
    if kind == "unit":
        unit = args[0] if args else ""
        if unit.lstrip("0123456789") not in UNITS or args[1:] not in ([], ["pl"]):
            raise ValueError(f"unit needs one of {', '.join(UNITS)} and optional 'pl'")
        return Meaning(kind, unit, plural=args[1:] == ["pl"])
    if kind == "clock":
        return Meaning(kind, _clock(args[0] if len(args) == 1 else ""))
    if kind == "decade":
        if len(args) != 1 or len(args[0]) != 3 or not args[0].isdigit():
            raise ValueError("decade needs its TIMEX3 value (three digits: 199)")
        return Meaning(kind, args[0])
    if kind in ("anchor", "daypart"):
        if len(args) != 1:
            raise ValueError(f"{kind} needs one word")
        return Meaning(kind, args[0])
    if args:
        raise ValueError(f"{kind} takes no value")
    return Meaning(kind)


def _clock(arg: str) -> tuple[int | None, int]:
    """A clock word's value: ``HH:MM`` a time of day, ``+MM``/``-MM`` minutes from the hour that
    follows ("halb" = ``-30``: "halb 8" is 7:30), as (hour or None, minutes).

    >>> _clock("12:00"), _clock("-30")
    ((12, 0), (None, -30))
    """
    hour, colon, minute = arg.partition(":")
    if colon and hour.isdigit() and minute.isdigit():
        return int(hour), int(minute)
    if arg[:1] in ("+", "-") and arg[1:].isdigit() and int(arg[1:]) < 60:
        return None, int(arg)
    raise ValueError("clock needs HH:MM, or +MM/-MM from the hour that follows")


def _compounds(locale: str, parts: Any) -> dict[str, list[Meaning]]:
    """A weekday name and a part of the day written as one word ("Dienstagabend"), from the
    table's ``part_compounds`` (ending → TIMEX3 part): the weekday and the part.

    >>> [m.kind for m in _compounds("de", {"abend": "EV"})["dienstagabend"]]
    ['weekday', 'part']
    """
    from babel.dates import get_day_names

    if not isinstance(parts, dict) or not all(
            isinstance(k, str) and v in PARTS for k, v in parts.items()):
        raise ValueError(f"part_compounds maps word endings to one of {', '.join(PARTS)}")
    found: dict[str, list[Meaning]] = {}
    for context in _CONTEXTS:
        for number, name in get_day_names("wide", context, locale).items():
            for ending, part in parts.items():
                found[_nfc(name.lower() + ending.lower())] = [Meaning("weekday", number),
                                                              Meaning("part", part)]
    return found


def _names(locale: str, inflection: dict[str, Any]) -> dict[str, list[Meaning]]:
    from babel.dates import get_day_names, get_month_names

    found: dict[str, list[Meaning]] = {}

    def add(word: str, meaning: Meaning) -> None:
        key = _nfc(word.lower().rstrip("."))
        if len(key) >= 2 and meaning not in found.setdefault(key, []):
            found[key].append(meaning)

    strip = str(inflection.get("strip", ""))
    endings = [str(e) for e in inflection.get("endings", [])]
    for kind, getter in (("month", get_month_names), ("weekday", get_day_names)):
        wide: set[str] = set()
        for context in _CONTEXTS:
            for number, name in getter("wide", context, locale).items():
                wide.add(name.lower())
                add(name, Meaning(kind, number))
                stem = name.lower()[:-1] if name[-1:].lower() in strip else name.lower()
                for ending in endings:
                    if len(stem + ending) >= 3:
                        add(stem + ending, Meaning(kind, number))
        for context in _CONTEXTS:
            for number, name in getter("abbreviated", context, locale).items():
                short = name.lower().rstrip(".")
                add(name, Meaning(kind, number, abbr=short not in wide))
    return found


def _fail(path: Path, text: str, message: str, section: str, key: str | None = None) -> TableError:
    return TableError(message, path=str(path), line=line_of(text, section, key),
                      key=f"{section}.{key}" if key else section)


def _strings(value: Any, path: Path, text: str, section: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, text, "must be a list of strings", section, key)
    return tuple(_nfc(v.lower()) for v in value)


def read_lexicon(path: str | Path) -> Lexicon:
    """Read and validate one ``tables/dates/<lang>.toml`` file (its stem is the language)."""
    path = Path(path)
    data, text = table_layer.read_toml(path)
    for section in data:
        if section not in _SECTIONS:
            raise _fail(path, text, f"unknown section (known: {', '.join(_SECTIONS)})", section)
    language = data.get("language", {})
    names = data.get("names", {})
    words: dict[str, list[Meaning]] = _names(str(language.get("locale", path.stem)),
                                             names.get("inflection", {}))
    for kind, extra in (("month", names.get("months", {})), ("weekday", names.get("weekdays", {}))):
        for word, number in extra.items():
            if not isinstance(number, int) or not 1 <= number <= (12 if kind == "month" else 7):
                raise _fail(path, text, f"{kind} number out of range", "names", word)
            meaning = Meaning(kind, number if kind == "month" else number - 1, abbr=True)
            known = words.setdefault(_nfc(word.lower().rstrip(".")), [])
            if meaning not in known:
                known.append(meaning)
    try:
        compounds = _compounds(str(language.get("locale", path.stem)),
                               names.get("part_compounds", {}))
    except ValueError as exc:
        raise _fail(path, text, str(exc), "names", "part_compounds") from None
    for word, meanings in compounds.items():
        known = words.setdefault(word, [])
        known.extend(m for m in meanings if m not in known)
    for word, spec in data.get("words", {}).items():
        specs = spec if isinstance(spec, list) else [spec]
        key = _nfc(word)
        if key != key.lower():
            raise _fail(path, text, "words are lowercase", "words", word)
        for item in specs:
            try:
                meaning = parse_meaning(str(item))
            except ValueError as exc:
                raise _fail(path, text, str(exc), "words", word) from None
            words.setdefault(key, []).append(meaning)
    context = data.get("context", {})
    for key in context:
        if key not in CONTEXT_KEYS:
            raise _fail(path, text, f"unknown key (known: {', '.join(CONTEXT_KEYS)})",
                        "context", key)
    tense = data.get("tense", {})
    samples = data.get("samples", {})
    return Lexicon(
        lang=path.stem,
        path=str(path),
        words={k: tuple(v) for k, v in words.items()},
        exact_case=frozenset(_strings(names.get("exact_case", []), path, text, "names",
                                      "exact_case")),
        capitalized_names=bool(language.get("capitalized_names", False)),
        day_first=bool(language.get("day_first", True)),
        month_first_regions=frozenset(str(r).upper()
                                      for r in language.get("month_first_regions", [])),
        detect=frozenset(_strings(language.get("detect", []), path, text, "language", "detect")),
        context={k: _strings(context.get(k, []), path, text, "context", k) for k in CONTEXT_KEYS},
        future=_strings(tense.get("future", []), path, text, "tense", "future"),
        past=_strings(tense.get("past", []), path, text, "tense", "past"),
        past_suffixes=_strings(tense.get("past_suffixes", []), path, text, "tense",
                               "past_suffixes"),
        dateline_markers=_strings(data.get("dateline", {}).get("markers", []), path, text,
                                  "dateline", "markers"),
        sample_ref=samples.get("ref"),
        samples={_nfc(k): str(v) for k, v in samples.get("cases", {}).items()},
    )


def lexicon_path(lang: str) -> Path:
    """The date table of ``lang``: a user folder's ``dates/<lang>.toml`` if one has it (it
    replaces the built-in one), else the built-in one."""
    return table_layer.winner(f"dates/{lang}.toml")


def get_lexicon(lang: str) -> Lexicon:
    """The cached lexicon of ``lang`` (one of :data:`LANGUAGES`), of the tables as the last
    :func:`translit.table_layer.state` found them (the entry points of this package call it)."""
    found = _cache.get(lang)
    if found is not None:
        return found
    if lang not in LANGUAGES:
        raise TableError(f"no date table for language {lang!r} (known: {', '.join(LANGUAGES)})",
                         path=str(lexicon_path(lang)))
    with _lock:
        found = _cache.get(lang)
        if found is None:
            found = read_lexicon(lexicon_path(lang))
            _cache[lang] = found
    return found
