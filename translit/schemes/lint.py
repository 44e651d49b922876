"""Lint a scheme table: rules that can never fire, shadowed keys, letters with no mapping.

Findings are advice about the table, not errors in reading it; ``translit check`` prints them
with file and line and fails on them, so a table that passes is clean. The lines come from one
:class:`~translit.table_layer.LineIndex` of the file, so linting is linear in its size.

>>> from translit.schemes.registry import get_scheme
>>> lint_scheme(get_scheme("de"))
[]
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from translit.schemes.engine import Condition, Engine, Rule
from translit.schemes.languages import language
from translit.schemes.loader import TableSpec
from translit.schemes.scheme import Scheme
from translit.table_layer import LineIndex


@dataclass(frozen=True)
class Finding:
    """One lint finding, with the file, line and key it is about."""

    path: str
    line: int | None
    key: str
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.key}: {self.message}"


def _letters(condition: Condition | None) -> frozenset[str] | None:
    """The next letters a condition accepts, or None when it also takes sequences or edges."""
    if condition is None or condition.sequences or condition.start_or_end:
        return None
    return condition.letter_sets


def _covers(first: Condition | None, second: Condition | None) -> bool:
    """Whether ``first`` holds wherever ``second`` does (None means no condition)."""
    if first is None:
        return True
    if second is None:
        return False
    if second.start_or_end and not first.start_or_end:
        return False
    return second.letter_sets <= first.letter_sets and set(second.sequences) <= set(
        first.sequences) | {s for s in second.sequences if s[:1] in first.letter_sets}


def _always_first(earlier: Rule, later: Rule) -> bool:
    """Whether ``earlier`` matches wherever ``later`` would, so ``later`` never fires."""
    if earlier.not_after is not None or earlier.not_before is not None:
        return False
    return _covers(earlier.after, later.after) and _covers(earlier.before, later.before)


def _rule_line(lines: LineIndex, rule: Rule) -> tuple[int | None, str]:
    label = rule.label.split(" ", 1)[0]
    if label.startswith("context["):
        index = int(label[len("context["):-1])
        return lines.line("context", None, index), label
    section, _, key = label.partition(".")
    return lines.line(section, key), label


def _never_fire(spec: TableSpec, engine: Engine, lines: LineIndex) -> list[Finding]:
    findings = []
    for rules in engine.by_first.values():
        earlier_by_source: dict[str, list[Rule]] = {}
        for rule in rules:
            earlier = earlier_by_source.setdefault(rule.source, [])
            if ":" in rule.label:      # inherited from a parent table: lint the parent
                earlier.append(rule)
                continue
            winner = next((e for e in earlier if _always_first(e, rule)), None)
            if winner is not None:
                line, key = _rule_line(lines, rule)
                findings.append(Finding(spec.path, line, key,
                                        f"can never fire: {winner.label} always wins"))
            else:
                shadow = _shadowed_by_sequences(rule, spec)
                if shadow:
                    line, key = _rule_line(lines, rule)
                    findings.append(Finding(spec.path, line, key, shadow))
            earlier.append(rule)
    return findings


def _shadowed_by_sequences(rule: Rule, spec: TableSpec) -> str | None:
    """A rule whose every allowed next letter starts a longer plain sequence never fires."""
    following = _letters(rule.before)
    if not following:
        return None
    longer = [rule.source + letter for letter in sorted(following)]
    if all(key in spec.letters for key in longer):
        return f"can never fire: shadowed by the longer keys {', '.join(longer)}"
    return None


def _unmapped(spec: TableSpec, lines: LineIndex) -> list[Finding]:
    covered = {key[0] for key in spec.letters}
    missing = [c for c in language(spec.source).alphabet if c not in covered]
    if not missing:
        return []
    return [Finding(spec.path, lines.line("letters"), "letters",
                    f"no mapping for {''.join(missing)} (unidecode would fold them)")]


def _redundant_words(spec: TableSpec, engine: Engine, lines: LineIndex) -> list[Finding]:
    findings = []
    plain = Engine(replace(spec, words={}))
    for word, output in spec.words.items():
        if word in engine.words and "".join(p.output for p in plain.pieces(word)) == output:
            findings.append(Finding(spec.path, lines.line("words", word),
                                    f"words.{word}", "redundant: the rules give the same output"))
    return findings


def lint_scheme(scheme: Scheme, lines: LineIndex | None = None) -> list[Finding]:
    """Every lint finding for ``scheme``'s own table (inherited rules are the parent's);
    ``lines`` is the index of its text when the caller has built it already."""
    spec = scheme.spec
    engine = scheme.engine
    if lines is None:
        lines = LineIndex(spec.text)
    return [*_unmapped(spec, lines), *_never_fire(spec, engine, lines),
            *_redundant_words(spec, engine, lines)]
