"""Reading tables: validation errors name file, line and key; extends merges."""

from __future__ import annotations

from pathlib import Path

import pytest

from translit import TableError, add_tables, load_table, transliterate
from translit.errors import TranslitError


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_table_extends_de_with_one_exception(tmp_path: Path) -> None:
    write(tmp_path, "de-press.toml", '[scheme]\ntitle = "House style"\nextends = "de"\n'
          '[words]\n"алексей" = "alexej"\n[samples]\n"Алексей Навальный" = "Alexej Nawalny" # us\n')
    schemes = add_tables(tmp_path)
    assert [s.id for s in schemes] == ["de-press"]
    assert transliterate("Алексей Навальный", "de-press") == "Alexej Nawalny"
    assert transliterate("Юлия Пересильд", "de-press") == "Julija Peressild"
    assert schemes[0].meta["language"] == "de"


def test_child_context_rule_replaces_the_parents(tmp_path: Path) -> None:
    path = write(tmp_path, "noss.toml", '[scheme]\nextends = "de"\n[[context]]\nfrom = "с"\n'
                 'to = "s"\nafter = "vowel"\nbefore = "vowel"\n')
    assert load_table(path).transliterate("Пересильд") == "Peresild"


def test_invalid_toml_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.toml", '[letters]\n"а" = "a"\n"б" = \n')
    with pytest.raises(TableError) as caught:
        load_table(path)
    assert caught.value.line == 3
    assert str(caught.value).startswith(f"{path}:3: invalid TOML")


def test_duplicate_key_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "dup.toml", '[letters]\n"а" = "a"\n"а" = "b"\n')
    with pytest.raises(TableError, match=r"dup.toml:3: invalid TOML"):
        load_table(path)


@pytest.mark.parametrize(("body", "line", "key"), [
    ('[letters]\n"а" = "a"\n"Б" = "b"\n', 3, "letters.Б"),
    ('[letters]\n"а" = "a"\n"б" = 1\n', 3, "letters.б"),
    ('[letters]\n"а" = "a"\n[[context]]\nfrom = "а"\nto = "b"\nafter = "vowels"\n', 3,
     "context[0].after"),
    ('[letters]\n"а" = "a"\n[[context]]\nfrom = "а"\nto = "b"\n', 3, "context[0]"),
    ('[letters]\n"а" = "a"\n[[context]]\nfrom = "а"\nto = "b"\nafter = "start"\nwhen = 1\n', 3,
     "context[0].when"),
    ('[letter]\n"а" = "a"\n', 1, "letter"),
    ('[scheme]\ntitle = 3\n[letters]\n"а" = "a"\n', 2, "scheme.title"),
    ('[scheme]\ntitle = "x"\n', None, "letters"),
])
def test_validation_errors_name_line_and_key(tmp_path: Path, body: str, line: int | None,
                                             key: str) -> None:
    path = write(tmp_path, "t.toml", body)
    with pytest.raises(TableError) as caught:
        load_table(path)
    assert caught.value.key == key
    assert caught.value.line == line
    assert isinstance(caught.value, ValueError)


def test_extends_cycle_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", '[scheme]\nextends = "b"\n')
    write(tmp_path, "b.toml", '[scheme]\nextends = "a"\n')
    with pytest.raises(TableError, match=r"cycle: a\.toml -> b\.toml -> a\.toml"):
        load_table(tmp_path / "a.toml")


def test_extends_unknown_parent(tmp_path: Path) -> None:
    path = write(tmp_path, "a.toml", '[scheme]\nextends = "nope"\n')
    with pytest.raises(TableError, match=r"a.toml:2: scheme.extends: extends unknown table"):
        load_table(path)


def test_not_utf8_and_missing(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_bytes(b'[letters]\n"\xff" = "a"\n')
    with pytest.raises(TableError, match="not UTF-8 at byte 11"):
        load_table(path)
    with pytest.raises(TranslitError, match="no such table"):
        add_tables(tmp_path / "missing")


def test_unknown_scheme_names_the_known_ones() -> None:
    with pytest.raises(TranslitError, match=r"unknown scheme 'xx'; known schemes: .*de"):
        transliterate("Юлия", "xx")


def test_the_worked_example_in_tables_readme_works(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[2] / "tables" / "README.md").read_text(
        encoding="utf-8")
    section = readme.split("## Worked example", 1)[1]
    table = section.split("```toml\n", 1)[1].split("```", 1)[0]
    folder = tmp_path / "my-tables"
    folder.mkdir()
    (folder / "de-press.toml").write_text(table, encoding="utf-8")
    from translit.schemes.checks import check_table

    assert check_table(folder / "de-press.toml").ok
    add_tables(folder)
    assert transliterate("Алексей Навальный", "de-press") == "Alexej Nawalny"
