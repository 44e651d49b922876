"""``translit check`` lints tables: dead rules, shadowed keys, unmapped letters, redundancy."""

from __future__ import annotations

from pathlib import Path

import pytest

from translit import TableError, load_table
from translit.schemes.checks import check_table
from translit.schemes.lint import lint_scheme
from translit.schemes.registry import list_schemes

FULL = "\n".join(f'"{c}" = "{c}"' for c in "абвгдеёжзийклмнопрстуфхцчшщъыьэюя")


def lint(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "t.toml"
    path.write_text(body, encoding="utf-8")
    return [str(f) for f in lint_scheme(load_table(path))]


def test_builtin_tables_are_lint_clean() -> None:
    for scheme in list_schemes():
        assert lint_scheme(scheme) == [], scheme.id


def test_rule_after_a_wider_rule_never_fires(tmp_path: Path) -> None:
    body = (f'[letters]\n{FULL}\n[[context]]\nfrom = "е"\nto = "je"\nafter = "vowel"\n'
            '[[context]]\nfrom = "е"\nto = "ä"\nafter = "а"\n')
    found = lint(tmp_path, body)
    assert len(found) == 1
    assert found[0].endswith(":39: context[1]: can never fire: context[0] е→je always wins")


def test_rule_shadowed_by_longer_keys(tmp_path: Path) -> None:
    body = (f'[letters]\n{FULL}\n"йа" = "ja"\n[[context]]\nfrom = "й"\nto = "j"\n'
            'before = "а"\n')
    assert lint(tmp_path, body) == [
        f"{tmp_path / 't.toml'}:36: context[0]: can never fire: shadowed by the longer keys йа"]


def test_unmapped_letters_and_redundant_words(tmp_path: Path) -> None:
    body = '[letters]\n"а" = "a"\n"б" = "b"\n[words]\n"баба" = "baba"\n'
    found = lint(tmp_path, body)
    assert "letters: no mapping for вгдеёжзийклмнопрстуфхцчшщъыьэюя" in found[0]
    assert found[1].endswith(":5: words.баба: redundant: the rules give the same output")


def test_contradictory_rules_are_an_error(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text(f'[letters]\n{FULL}\n[[context]]\nfrom = "с"\nto = "ss"\nafter = "vowel"\n'
                    '[[context]]\nfrom = "с"\nto = "z"\nafter = "vowel"\n', encoding="utf-8")
    with pytest.raises(TableError, match=r"t.toml:39: context\[1\]: same 'from' and conditions"):
        load_table(path)


def test_check_fails_on_lint_findings(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text('[letters]\n"а" = "a"\n[samples]\n"а" = "a" # x\n', encoding="utf-8")
    report = check_table(path)
    assert not report.ok and report.summary().endswith("1 samples, all pass, 1 lint findings")
