"""Every sample of every built-in scheme table is a test."""

from __future__ import annotations

import pytest

from translit.schemes.loader import read_table
from translit.schemes.registry import get_scheme
from translit.table_layer import builtin_dir

SCHEME_FILES = sorted((builtin_dir() / "schemes").glob("*.toml"))
CASES = [(path.stem, source, expected)
         for path in SCHEME_FILES
         for source, expected in read_table(path).samples.items()]
REQUIRED = ("en", "de", "fr", "bgn", "alalc", "iso9", "icao", "scientific")


@pytest.mark.parametrize(("scheme", "source", "expected"), CASES,
                         ids=[f"{s}:{src}" for s, src, _ in CASES])
def test_sample(scheme: str, source: str, expected: tuple[str, ...]) -> None:
    assert get_scheme(scheme).transliterate(source) in expected


@pytest.mark.parametrize("scheme", REQUIRED)
def test_scheme_has_25_samples_and_metadata(scheme: str) -> None:
    spec = get_scheme(scheme).spec
    assert len(spec.samples) >= 25
    for key in ("title", "language", "standard", "citation"):
        assert spec.meta.get(key), f"{scheme}: missing [scheme] {key}"


@pytest.mark.parametrize("path", SCHEME_FILES, ids=[p.stem for p in SCHEME_FILES])
def test_every_sample_has_a_source_comment(path: object) -> None:
    spec = read_table(str(path))
    lines = spec.text.splitlines()
    inside = False
    for line in lines:
        if line.startswith("["):
            inside = line.strip() == "[samples]"
            continue
        if inside and "=" in line and not line.lstrip().startswith("#"):
            assert "#" in line.split("=", 1)[1], f"{path}: sample without provenance: {line}"


def test_iso9_is_reversible() -> None:
    assert get_scheme("iso9").reversible
