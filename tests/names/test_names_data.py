"""Validate the Russian name data in ``tables/names/``: surnames, given names and morphology.

The checks re-implement the rules of ``morphology.toml`` (longest matching ending wins) and hold
every surname, given name and sample to them, so a typo in any of the three files fails here.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from translit.table_layer import builtin_dir

TITLE_CYRILLIC = re.compile(r"[А-ЯЁ][а-яё]+")
LOWER_CYRILLIC = re.compile(r"[а-яё]*")
SURNAME_COLUMNS = ["rank", "surname", "feminine"]
MIN_SURNAMES = 2200
MIN_GIVEN_NAMES = 320
GENDERS = {"m", "f", "mf"}


def names_dir() -> Path:
    return builtin_dir() / "names"


def read_text(name: str) -> str:
    return (names_dir() / name).read_text(encoding="utf-8")


@cache
def surname_rows() -> tuple[dict[str, str], ...]:
    lines = [line for line in read_text("surnames.tsv").splitlines() if not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    assert reader.fieldnames == SURNAME_COLUMNS
    return tuple(reader)


@cache
def given_names() -> dict[str, dict[str, Any]]:
    names: dict[str, dict[str, Any]] = tomllib.loads(read_text("given_names.toml"))["names"]
    return names


@cache
def morphology() -> dict[str, Any]:
    return tomllib.loads(read_text("morphology.toml"))


def surname_rules(*genders: str) -> list[dict[str, Any]]:
    """The ``[[surname]]`` entries of the given genders, longest ending first."""
    rules = [r for r in morphology()["surname"] if r["gender"] in genders]
    return sorted(rules, key=lambda r: -len(r["ending"]))


def feminine_of(surname: str) -> str:
    """The feminine form the morphology table gives for a masculine surname."""
    exceptions: dict[str, str] = morphology().get("exceptions", {})
    if surname in exceptions:
        return exceptions[surname]
    lowered = surname.lower()
    for rule in surname_rules("m", "mf"):
        ending: str = rule["ending"]
        if lowered.endswith(ending):
            feminine: str = rule["feminine"]
            return surname[: len(surname) - len(ending)] + feminine
    assert morphology()["default"]["feminine"] == "same"
    return surname


def masculine_candidates(feminine: str) -> list[str]:
    """The masculine surnames a feminine form may come from (empty: not a feminine form)."""
    lowered = feminine.lower()
    for rule in surname_rules("f"):
        if lowered.endswith(rule["ending"]):
            stem = feminine[: len(feminine) - len(rule["ending"])]
            return [stem + ending for ending in rule["masculine"]]
    return []


def gender_of(surname: str) -> str:
    """The gender of the longest matching ending, or "mf" when none matches."""
    lowered = surname.lower()
    for rule in surname_rules("m", "f", "mf"):
        if lowered.endswith(rule["ending"]):
            gender: str = rule["gender"]
            return gender
    return "mf"


def patronymic_of(name: str) -> list[str]:
    """[son's, daughter's] patronymic for a masculine given name, by the morphology rules."""
    exceptions: dict[str, list[str]] = morphology()["patronymic_exceptions"]
    if name in exceptions:
        return list(exceptions[name])
    rules = sorted(morphology()["patronymic"], key=lambda r: -len(r["ending"]))
    for rule in rules:
        if name.endswith(rule["ending"]):
            stem = name[: len(name) - rule["strip"]]
            return [stem + rule["masculine"], stem + rule["feminine"]]
    raise AssertionError(f"no patronymic rule for {name!r}")


# ---- the files themselves ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["surnames.tsv", "given_names.toml", "morphology.toml"])
def test_file_has_provenance_header(name: str) -> None:
    lines = read_text(name).splitlines()
    assert lines[0].startswith("# "), f"{name} must start with a comment header"
    header = [line for line in lines[:40] if line.startswith("#")]
    assert len(header) >= 5, f"{name}: the comment header should say where the data comes from"


def test_readme_exists() -> None:
    text = read_text("README.md")
    for name in ("surnames.tsv", "given_names.toml", "morphology.toml"):
        assert name in text


# ---- surnames.tsv -------------------------------------------------------------------------


def test_surname_count() -> None:
    assert len(surname_rows()) >= MIN_SURNAMES


def test_ranks_are_consecutive() -> None:
    ranks = [int(row["rank"]) for row in surname_rows()]
    assert ranks == list(range(1, len(ranks) + 1))


def test_surnames_are_distinct() -> None:
    counts = Counter(row["surname"] for row in surname_rows())
    assert [s for s, n in counts.items() if n > 1] == []


def test_no_surname_twice_with_and_without_yo() -> None:
    counts = Counter(row["surname"].replace("ё", "е") for row in surname_rows())
    assert [s for s, n in counts.items() if n > 1] == []


def test_surnames_are_title_case_cyrillic() -> None:
    bad = [
        (row["rank"], row["surname"], row["feminine"])
        for row in surname_rows()
        if not all(TITLE_CYRILLIC.fullmatch(row[key]) for key in ("surname", "feminine"))
    ]
    assert bad == []


def test_most_frequent_surnames_come_first() -> None:
    top = [row["surname"] for row in surname_rows()[:10]]
    assert top[:4] == ["Смирнов", "Иванов", "Кузнецов", "Попов"]
    assert {"Петров", "Соколов", "Михайлов", "Новиков"} <= set(top)


def test_known_surnames_are_present() -> None:
    present = {row["surname"]: row["feminine"] for row in surname_rows()}
    expected = {
        "Шкаплеров": "Шкаплерова",
        "Пересильд": "Пересильд",
        "Новицкий": "Новицкая",
        "Дубров": "Дуброва",
        "Терешков": "Терешкова",
        "Гагарин": "Гагарина",
        "Королёв": "Королёва",
        "Хрущёв": "Хрущёва",
        "Горбачёв": "Горбачёва",
        "Ельцин": "Ельцина",
        "Эрнст": "Эрнст",
        "Достоевский": "Достоевская",
        "Толстой": "Толстая",
        "Шипенко": "Шипенко",
        "Черных": "Черных",
    }
    assert {name: present.get(name) for name in expected} == expected


def test_feminine_forms_follow_morphology() -> None:
    bad = [
        (row["surname"], row["feminine"], feminine_of(row["surname"]))
        for row in surname_rows()
        if row["feminine"] != feminine_of(row["surname"])
    ]
    assert bad == []


def test_changed_feminine_forms_lead_back_to_the_masculine() -> None:
    exceptions = morphology().get("exceptions", {})
    bad = [
        (row["surname"], row["feminine"])
        for row in surname_rows()
        if row["feminine"] != row["surname"]
        and row["surname"] not in exceptions
        and row["surname"] not in masculine_candidates(row["feminine"])
    ]
    assert bad == []


def test_most_surnames_have_a_typical_russian_ending() -> None:
    typical = {r["ending"] for r in surname_rules("m") if r["weight"] >= 0.5}
    rows = surname_rows()
    hits = sum(any(row["surname"].lower().endswith(e) for e in typical) for row in rows)
    assert hits / len(rows) > 0.75


# ---- given_names.toml ---------------------------------------------------------------------


def test_given_name_count() -> None:
    names = given_names()
    assert len(names) >= MIN_GIVEN_NAMES
    genders = Counter(entry["gender"] for entry in names.values())
    assert genders["m"] >= 100
    assert genders["f"] >= 100


def test_given_names_are_well_formed() -> None:
    allowed = {"gender", "variants", "patronymic", "frequency"}
    for name, entry in given_names().items():
        assert TITLE_CYRILLIC.fullmatch(name), name
        assert set(entry) <= allowed, (name, set(entry) - allowed)
        assert entry["gender"] in {"m", "f"}, name
        assert isinstance(entry["frequency"], int), name
        assert 1 <= entry["frequency"] <= 5, name
        variants = entry["variants"]
        assert isinstance(variants, list), name
        assert all(TITLE_CYRILLIC.fullmatch(v) for v in variants), name
        assert len(variants) == len(set(variants)), name
        assert name not in variants, name


def test_old_and_rare_names_are_present() -> None:
    names = given_names()
    for name in ("Ефим", "Савва", "Фома", "Капитолина"):
        assert name in names
        assert names[name]["frequency"] >= 3


def test_masculine_names_have_a_patronymic_pair() -> None:
    for name, entry in given_names().items():
        if entry["gender"] == "f":
            assert "patronymic" not in entry, name
            continue
        pair = entry.get("patronymic")
        assert isinstance(pair, list), f"{name}: no patronymic"
        assert len(pair) == 2, name
        son, daughter = pair
        assert TITLE_CYRILLIC.fullmatch(son) and TITLE_CYRILLIC.fullmatch(daughter), name
        assert son.endswith("ич"), name
        assert daughter.endswith(("вна", "ична")), name


def test_patronymics_follow_morphology() -> None:
    bad = [
        (name, entry["patronymic"], patronymic_of(name))
        for name, entry in given_names().items()
        if entry["gender"] == "m" and entry["patronymic"] != patronymic_of(name)
    ]
    assert bad == []


@pytest.mark.parametrize(
    ("name", "pair"),
    [
        ("Пётр", ["Петрович", "Петровна"]),
        ("Илья", ["Ильич", "Ильинична"]),
        ("Лев", ["Львович", "Львовна"]),
        ("Павел", ["Павлович", "Павловна"]),
        ("Никита", ["Никитич", "Никитична"]),
        ("Юрий", ["Юрьевич", "Юрьевна"]),
        ("Сергей", ["Сергеевич", "Сергеевна"]),
        ("Дмитрий", ["Дмитриевич", "Дмитриевна"]),
    ],
)
def test_given_name_patronymic_examples(name: str, pair: list[str]) -> None:
    assert given_names()[name]["patronymic"] == pair


# ---- morphology.toml ----------------------------------------------------------------------


def test_surname_endings_are_well_formed() -> None:
    seen: set[tuple[str, str]] = set()
    for rule in morphology()["surname"]:
        ending, gender = rule["ending"], rule["gender"]
        assert ending and LOWER_CYRILLIC.fullmatch(ending), rule
        assert gender in GENDERS, rule
        assert (ending, gender) not in seen, rule
        seen.add((ending, gender))
        assert 0 <= rule["weight"] <= 1, rule
        if gender == "m":
            assert LOWER_CYRILLIC.fullmatch(rule["feminine"]), rule
            assert rule["feminine"] != ending, rule
        elif gender == "mf":
            assert rule["feminine"] == ending, rule
        else:
            assert rule["masculine"], rule
            assert all(LOWER_CYRILLIC.fullmatch(m) for m in rule["masculine"]), rule


def test_every_changing_ending_has_a_feminine_entry() -> None:
    for rule in surname_rules("m"):
        stem = "Тест"
        assert stem + rule["ending"] in masculine_candidates(stem + rule["feminine"]), rule


def test_patronymic_rules_are_well_formed() -> None:
    for rule in morphology()["patronymic"]:
        assert LOWER_CYRILLIC.fullmatch(rule["ending"]), rule
        assert 0 <= rule["strip"] <= len(rule["ending"]) or rule["ending"] == "", rule
        assert rule["masculine"].endswith("ич"), rule
        assert rule["feminine"].endswith("на"), rule
    assert any(rule["ending"] == "" for rule in morphology()["patronymic"])


def test_feminine_samples_hold() -> None:
    samples: dict[str, str] = morphology()["samples"]["feminine"]
    assert samples
    assert {m: feminine_of(m) for m in samples} == samples


def test_masculine_samples_hold() -> None:
    samples: dict[str, str] = morphology()["samples"]["masculine"]
    assert samples
    bad = {f: m for f, m in samples.items() if m not in masculine_candidates(f)}
    assert bad == {}


def test_gender_samples_hold() -> None:
    samples: dict[str, str] = morphology()["samples"]["gender"]
    assert samples
    assert {s: gender_of(s) for s in samples} == samples


def test_patronymic_samples_hold() -> None:
    samples: dict[str, list[str]] = morphology()["samples"]["patronymic"]
    assert samples
    assert {n: patronymic_of(n) for n in samples} == samples


def test_patronymic_samples_agree_with_given_names() -> None:
    names = given_names()
    for name, pair in morphology()["samples"]["patronymic"].items():
        assert name in names, name
        assert names[name]["patronymic"] == pair, name
