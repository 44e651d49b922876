"""Validate a table and run its samples: what ``translit check`` reports.

Every line a report names comes from one :class:`~translit.table_layer.LineIndex` of the file,
built once per table, so a check is linear in the size of the table.

>>> report = check_table("de")
>>> report.failures, report.samples > 25
([], True)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from translit.schemes.lint import Finding, lint_scheme
from translit.schemes.registry import get_scheme, load_table, shadowing_error
from translit.schemes.scheme import Scheme
from translit.table_layer import LineIndex


@dataclass(frozen=True)
class SampleFailure:
    """A sample whose output is not among the accepted ones."""

    path: str
    line: int | None
    source: str
    output: str
    expected: tuple[str, ...]

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        wanted = " or ".join(repr(e) for e in self.expected)
        return f"{where}: sample {self.source!r} gave {self.output!r}, expected {wanted}"


@dataclass
class CheckReport:
    """The outcome of checking one table."""

    path: str
    samples: int = 0
    failures: list[SampleFailure] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures and not self.findings

    def summary(self) -> str:
        lint = f", {len(self.findings)} lint findings" if self.findings else ""
        if not self.failures:
            return f"{self.path}: {self.samples} samples, all pass{lint}"
        return f"{self.path}: {len(self.failures)} of {self.samples} samples fail{lint}"


def check_scheme(scheme: Scheme) -> CheckReport:
    """Run every sample of ``scheme`` and collect the failures."""
    spec = scheme.spec
    lines = LineIndex(spec.text)
    report = CheckReport(spec.path, samples=len(spec.samples),
                         findings=lint_scheme(scheme, lines))
    for source, expected in spec.samples.items():
        output = scheme.transliterate(source)
        if output not in expected:
            line = lines.line("samples", source)
            report.failures.append(SampleFailure(spec.path, line, source, output, expected))
    return report


def check_table(table: str | Path) -> CheckReport:
    """Check a table given by path (``*.toml``) or scheme id; ``TableError`` if invalid.

    A file with the id of a built-in scheme that does not say ``override = true`` has a
    finding: it would be refused if added.
    """
    text = str(table)
    if not (text.endswith(".toml") or Path(text).is_file()):
        return check_scheme(get_scheme(text))
    scheme = load_table(table)
    report = check_scheme(scheme)
    refused = shadowing_error(scheme.spec)
    if refused is not None:
        report.findings.insert(0, Finding(scheme.spec.path, refused.line, refused.key or "",
                                          refused.reason))
    return report
