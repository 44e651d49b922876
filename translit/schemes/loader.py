"""Read scheme tables (TOML) into validated, merged :class:`TableSpec` objects.

A table is data only: reading it never executes code. Errors name the file, line and key.
An ``extends`` chain is followed without recursion, at most :data:`MAX_EXTENDS` tables deep.
The default letter classes (vowel, consonant, sign, hushing) are those of
``tables/languages/ru.toml`` (:func:`translit.schemes.languages.letter_classes`).

>>> spec = read_table(builtin_dir() / "schemes" / "iso9.toml")
>>> spec.id, spec.letters["ж"]
('iso9', 'ž')
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from translit.errors import TableError
from translit.schemes.languages import SOURCE, codes, letter_classes
from translit.table_layer import builtin_dir, is_table, line_of, read_toml

SECTIONS = ("scheme", "classes", "letters", "capitals", "context", "endings", "words",
            "samples")
META_KEYS = ("title", "language", "standard", "citation", "extends", "description", "target",
             "preference", "override", "source")
RULE_KEYS = ("from", "to", "after", "before", "not_after", "not_before", "note")
CONDITION_KEYS = ("after", "before", "not_after", "not_before")
KEYWORDS = ("start", "end")
PREFERENCE = "preference"
"""The [scheme] key that ranks a scheme among spellings that fit as well (lower first); the
only one that is a number, kept apart from the strings of ``meta``."""
OVERRIDE = "override"
"""The [scheme] key (``true``) a user table needs to replace the built-in scheme of its id."""
MAX_EXTENDS = 32
"""The most tables an ``extends`` chain may hold, the first one included."""


@dataclass(frozen=True)
class RuleSpec:
    """One context rule as written in a table: ``from`` → ``to`` when the conditions hold."""

    source: str
    target: str
    after: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    label: str = ""

    def identity(self) -> tuple[object, ...]:
        """What a child table must repeat to replace this rule."""
        return (self.source, self.after, self.before, self.not_after, self.not_before)


@dataclass(frozen=True)
class TableSpec:
    """A scheme table after reading, validation and merging of ``extends``."""

    id: str
    path: str
    meta: dict[str, str]
    classes: dict[str, str]
    letters: dict[str, str]
    rules: tuple[RuleSpec, ...]
    endings: dict[str, str]
    words: dict[str, str]
    samples: dict[str, tuple[str, ...]] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    text: str = ""
    preference: float | None = None
    """Rank among styles that fit a spelling equally well, lower first (None: after all)."""
    override: bool = False
    """Whether the table says ``override = true`` (it may replace the built-in of its id)."""
    source: str = SOURCE
    """The language of the Cyrillic the table reads (ru, uk, be): ``source`` in [scheme]."""

    @property
    def title(self) -> str:
        return self.meta.get("title", self.id)


def _fail(path: Path, text: str, message: str, section: str, key: str | None = None,
          index: int | None = None) -> TableError:
    where = section if key is None else f"{section}.{key}"
    if index is not None:
        where = f"{section}[{index}]" + (f".{key}" if key else "")
    line = line_of(text, section, key if index is None else None, index)
    return TableError(message, path=str(path), line=line, key=where)


def _parse(path: Path) -> tuple[dict[str, Any], str]:
    return read_toml(path)


def _string_map(data: Any, path: Path, text: str, section: str, *, lower_keys: bool = True,
                lower_values: bool = False) -> dict[str, str]:
    if not isinstance(data, dict):
        raise _fail(path, text, "must be a table of strings", section)
    out: dict[str, str] = {}
    for key, value in data.items():
        if not isinstance(value, str):
            raise _fail(path, text, f"value must be a string, not {type(value).__name__}",
                        section, key)
        norm = unicodedata.normalize("NFC", key)
        if not norm:
            raise _fail(path, text, "empty key", section, key)
        if lower_keys and norm != norm.lower():
            raise _fail(path, text, "keys are lowercase; the engine derives Title and UPPER",
                        section, key)
        out[norm] = unicodedata.normalize("NFC", value)
    return out


def _tokens(value: Any, path: Path, text: str, index: int, key: str,
            classes: dict[str, str]) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
        raise _fail(path, text, "must be a non-empty string or a list of them", "context", key,
                    index)
    for item in items:
        if item.isascii() and item not in KEYWORDS and item not in classes:
            known = ", ".join([*KEYWORDS, *sorted(classes)])
            raise _fail(path, text, f"unknown class {item!r} (known: {known}; or give letters)",
                        "context", key, index)
        if not item.isascii() and item != item.lower():
            raise _fail(path, text, f"letters must be lowercase: {item!r}", "context", key, index)
    return tuple(unicodedata.normalize("NFC", i) for i in items)


def _rules(data: Any, path: Path, text: str, classes: dict[str, str]) -> tuple[RuleSpec, ...]:
    if not isinstance(data, list):
        raise _fail(path, text, "must be an array of tables ([[context]])", "context")
    rules: list[RuleSpec] = []
    seen: dict[tuple[object, ...], int] = {}
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            raise _fail(path, text, "must be a table", "context", None, index)
        for key in item:
            if key not in RULE_KEYS:
                raise _fail(path, text, f"unknown key (known: {', '.join(RULE_KEYS)})",
                            "context", key, index)
        source, target = item.get("from"), item.get("to")
        if not isinstance(source, str) or not source or source != source.lower():
            raise _fail(path, text, "'from' must be non-empty lowercase letters", "context",
                        "from", index)
        if not isinstance(target, str):
            raise _fail(path, text, "'to' must be a string", "context", "to", index)
        conditions = {k: _tokens(item[k], path, text, index, k, classes)
                      for k in CONDITION_KEYS if k in item}
        if not conditions:
            raise _fail(path, text, "a context rule needs after, before, not_after or not_before"
                        " (an unconditional one belongs in [letters])", "context", None, index)
        rule = RuleSpec(unicodedata.normalize("NFC", source), unicodedata.normalize("NFC", target),
                        label=f"context[{index}] {source}→{target}", **conditions)
        first = seen.get(rule.identity())
        if first is not None:
            raise _fail(path, text, f"same 'from' and conditions as context[{first}]"
                        " (contradictory or duplicated rule)", "context", None, index)
        seen[rule.identity()] = index
        rules.append(rule)
    return tuple(rules)


def _samples(data: Any, path: Path, text: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(data, dict):
        raise _fail(path, text, "must be a table", "samples")
    out: dict[str, tuple[str, ...]] = {}
    for key, value in data.items():
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not values or not all(isinstance(v, str)
                                                                  for v in values):
            raise _fail(path, text, "must be a string or a non-empty list of strings",
                        "samples", key)
        out[unicodedata.normalize("NFC", key)] = tuple(
            unicodedata.normalize("NFC", v) for v in values)
    return out


def _resolve_parent(name: str, child: Path, search: list[Path]) -> Path:
    if name.endswith(".toml"):
        candidate = Path(name)
        return candidate if candidate.is_absolute() else child.parent / candidate
    file = f"{name}.toml"
    builtin = builtin_dir() / "schemes" / file
    if name == child.stem:  # its own id: the built-in scheme it replaces
        return builtin
    places = [child.parent / file, *(p for folder in search
                                      for p in (folder / "schemes" / file, folder / file)),
              builtin]
    return next((p for p in places if is_table(p)), child.parent / file)


class _Level:
    """One table of an ``extends`` chain, read and with its [scheme] checked."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data, self.text = _parse(path)
        for section in self.data:
            if section not in SECTIONS:
                raise TableError(f"unknown section [{section}] (known: {', '.join(SECTIONS)})",
                                 path=str(path), line=line_of(self.text, section), key=section)
        meta_raw = self.data.get("scheme", {})
        if not isinstance(meta_raw, dict):
            raise _fail(path, self.text, "must be a table", "scheme")
        for key, value in meta_raw.items():
            if key not in META_KEYS:
                raise _fail(path, self.text, f"unknown key (known: {', '.join(META_KEYS)})",
                            "scheme", key)
            if key == PREFERENCE:
                if not isinstance(value, int | float) or isinstance(value, bool):
                    raise _fail(path, self.text, "must be a number", "scheme", key)
            elif key == OVERRIDE:
                if not isinstance(value, bool):
                    raise _fail(path, self.text, "must be true or false", "scheme", key)
            elif not isinstance(value, str):
                raise _fail(path, self.text, "must be a string", "scheme", key)
        self.meta: dict[str, str] = {k: v for k, v in meta_raw.items()
                                     if k not in (PREFERENCE, OVERRIDE)}
        self.preference: float | None = meta_raw.get(PREFERENCE)
        self.override: bool = meta_raw.get(OVERRIDE, False)

    def fail(self, message: str) -> TableError:
        return _fail(self.path, self.text, message, "scheme", "extends")


def _chain(path: Path, search: list[Path]) -> list[_Level]:
    """The table at ``path`` and every one it extends, the table itself first."""
    chain = [_Level(path)]
    seen = {path.resolve()}
    while "extends" in (child := chain[-1]).meta:
        name = child.meta["extends"]
        parent = _resolve_parent(name, child.path, search)
        if not is_table(parent):
            raise child.fail(f"extends unknown table {name!r}")
        resolved = parent.resolve()
        if resolved in seen:
            cycle = " -> ".join(p.name for p in (*(level.path for level in chain), parent))
            raise TableError(f"'extends' forms a cycle: {cycle}", path=str(parent),
                             key="scheme.extends")
        if len(chain) == MAX_EXTENDS:
            raise child.fail(f"'extends' chain longer than {MAX_EXTENDS} tables (from "
                             f"{chain[0].path})")
        seen.add(resolved)
        chain.append(_Level(parent))
    return chain


def read_table(path: str | Path, *, search: list[Path] | None = None) -> TableSpec:
    """Read, validate and merge one scheme table (and what it ``extends``)."""
    *children, root = _chain(Path(path), search or [])
    spec = _build(root, None)
    for level in reversed(children):
        spec = _build(level, spec)
    return spec


def _build(level: _Level, parent: TableSpec | None) -> TableSpec:
    """One table of a chain merged over its parent (already built)."""
    path, data, text, meta, preference = (level.path, level.data, level.text, level.meta,
                                          level.preference)
    if parent is not None and "source" in meta and meta["source"] != parent.source:
        raise _fail(path, text, f"a table extends one of the same source language (the "
                    f"parent's is {parent.source!r})", "scheme", "source")
    source = meta.get("source") or (parent.source if parent else SOURCE)
    if source not in codes():
        raise _fail(path, text, f"unknown source language {source!r} (a language table: "
                    f"{', '.join(codes())})", "scheme", "source")
    classes = dict(parent.classes) if parent else letter_classes(source)
    classes.update(_string_map(data.get("classes", {}), path, text, "classes", lower_keys=False))
    letters = _string_map(data.get("letters", {}), path, text, "letters")
    endings = _string_map(data.get("endings", {}), path, text, "endings")
    words = _string_map(data.get("words", {}), path, text, "words")
    capitals = _string_map(data.get("capitals", {}), path, text, "capitals")
    rules = _rules(data.get("context", []), path, text, classes)
    samples = _samples(data.get("samples", {}), path, text)
    if parent is not None:
        meta = {**{k: v for k, v in parent.meta.items() if k != "extends"}, **meta}
        letters = {**parent.letters, **letters}
        endings = {**parent.endings, **endings}
        words = {**parent.words, **words}
        capitals = {**parent.capitals, **capitals}
        own = {rule.identity() for rule in rules}
        inherited = tuple(replace(r, label=f"{parent.id}:{r.label}") for r in parent.rules
                          if r.identity() not in own)
        rules = (*rules, *inherited)
        if preference is None:
            preference = parent.preference
    elif not letters:
        raise _fail(path, text, "a table without 'extends' needs a [letters] section", "letters")
    return TableSpec(id=path.stem, path=str(path), meta=meta, classes=classes, letters=letters,
                     rules=rules, endings=endings, words=words, samples=samples, text=text,
                     capitals=capitals,
                     preference=None if preference is None else float(preference),
                     override=level.override, source=source)
