"""Output that holds: no lexicon value repeats a word the text has, short mentions keep short
forms, normalize of its own output is unchanged, align keeps different institutions apart
(issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from name_finding_cases import read_paragraphs

from translit.articles.align import align
from translit.articles.document import normalize

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("text", "lang", "to", "expected"), [
    ("Das Mariinski Teatr tanzt.", "de", "en", "Das Mariinsky Teatr tanzt."),
    ("Das Mariinski tanzt.", "de", "en", "Das Mariinsky tanzt."),
    ("Das Mariinski-Theater tanzt.", "de", "en", "Das Mariinsky Theatre tanzt."),
    ("Das Bolschoi-Ballett tanzt.", "de", "en", "Das Bolshoi-Ballett tanzt."),
    ("Im Bolschoi Theater.", "de", "en", "Im Bolshoi Theater."),
    ("The Mariinsky Theatre and the Bolshoi danced.", "en", "de",
     "The Mariinski-Theater and the Bolschoi danced."),
])
def test_a_lexicon_value_never_repeats_the_text(text: str, lang: str, to: str,
                                                expected: str) -> None:
    assert normalize(text, names_to=to, lang=lang).normalized == expected


def _texts() -> list[tuple[str, str]]:
    found = [(p.name, p.read_text(encoding="utf-8"))
             for p in sorted((ROOT / "samples").glob("*.txt"))]
    return found + [(f"paragraph {i}", p.text) for i, p in enumerate(read_paragraphs())]


@pytest.mark.parametrize("to", ["en", "de"])
def test_normalize_of_its_own_output_is_unchanged(to: str) -> None:
    changed = []
    for name, text in _texts():
        once = normalize(text, names_to=to, ref="2021-10-04")
        twice = normalize(once.normalized, names_to=to, ref="2021-10-04", lang=once.lang)
        if twice.normalized != once.normalized:
            changed.append(name)
    assert changed == []


def test_align_keeps_institutions_apart_and_joins_a_place_to_its_longer_name() -> None:
    en = normalize("The Bolshoi and the Mariinsky Theatre met at the Baikonur Cosmodrome.",
                   lang="en", source="en")
    de = normalize("Das Bolschoi und das Mariinski-Theater trafen sich in Baikonur.",
                   lang="de", source="de")
    labels = {group.label: [m.text for m in group.mentions] for group in align([en, de])}
    assert labels["Bolshoi"] == ["Bolshoi", "Bolschoi"]
    assert labels["Mariinsky Theatre"] == ["Mariinsky Theatre", "Mariinski-Theater"]
    assert labels["Baikonur Cosmodrome"] == ["Baikonur Cosmodrome", "Baikonur"]


def test_every_sample_of_the_generic_words_table() -> None:
    from translit.articles.align import place_key
    from translit.names.keys import name_key
    from translit.table_layer import read_toml

    data, _ = read_toml(ROOT / "tables" / "names" / "generic.toml")
    assert data["samples"]
    for name, expected in data["samples"].items():
        assert place_key(name_key(name)) == expected, name
