"""One table layer: a user folder means the same thing to every command, to the Python API,
with ``--jobs`` and through ``TRANSLIT_TABLES``, in one documented precedence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import run_cli

import translit
from translit import table_layer
from translit.errors import TableError
from translit.names.lexicon import lexicon
from translit.temporal.zones import load_zone_table

GOTHAM = '[phrases.en]\n"gotham time" = "America/New_York"\n'
TEXT = "Batman landed at 10:55 a.m. Gotham time on Oct. 5."
LEXICON = ('[[entry]]\nkind = "place"\ncyrillic = "Готэм"\nen = "Gotham City"\n'
           'de = "Gotham-Stadt"\nsource = "test"\n')
SCHEME = ('[scheme]\ntitle = "{title}"\noverride = true\nextends = "de"\n\n[words]\n'
          '"юлия" = "{word}"\n')
"""A user ``de`` that replaces the built-in one (so it says ``override = true``)."""


def _folder(root: Path, name: str, *, zones: bool = True, lexicon_entry: bool = False,
            scheme: str | None = None) -> Path:
    folder = root / name
    folder.mkdir()
    if zones:
        (folder / "zones.toml").write_text(GOTHAM, encoding="utf-8")
    if lexicon_entry:
        (folder / "names" / "lexicon").mkdir(parents=True)
        (folder / "names" / "lexicon" / "gotham.toml").write_text(LEXICON, encoding="utf-8")
    if scheme is not None:
        (folder / "schemes").mkdir()
        (folder / "schemes" / "de.toml").write_text(
            SCHEME.format(title=name, word=scheme), encoding="utf-8")
    return folder


def _gotham_value() -> str | None:
    spans = translit.find_dates(TEXT, ref="2021-10-04", lang="en")
    return spans[0]["value"] if spans else None


def test_without_a_user_folder_gotham_time_is_no_zone() -> None:
    assert _gotham_value() != "2021-10-05T14:55Z"


def test_add_tables_reaches_the_date_finder(tmp_path: Path) -> None:
    translit.add_tables(_folder(tmp_path, "mine"))
    assert _gotham_value() == "2021-10-05T14:55Z"
    assert translit.normalize(TEXT, ref="2021-10-04", lang="en").normalized \
        == "Batman landed at 2021-10-05T14:55Z."


def test_the_environment_variable_reaches_the_date_finder(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(table_layer.ENV_VARIABLE, str(_folder(tmp_path, "env")))
    assert _gotham_value() == "2021-10-05T14:55Z"
    monkeypatch.delenv(table_layer.ENV_VARIABLE)
    assert _gotham_value() != "2021-10-05T14:55Z"  # the caches follow the variable back


def test_lexicon_of_a_user_folder(tmp_path: Path) -> None:
    translit.add_tables(_folder(tmp_path, "mine", zones=False, lexicon_entry=True))
    assert translit.convert("Готэм", to="de") == "Gotham-Stadt"
    assert any(entry.cyrillic == "Готэм" for entry in lexicon().entries)


def test_precedence_added_over_variable_over_builtin(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert translit.transliterate("Юлия", "de") == "Julija"
    monkeypatch.setenv(table_layer.ENV_VARIABLE, str(_folder(tmp_path, "env", scheme="jul")))
    assert translit.transliterate("Юлия", "de") == "Jul"
    translit.add_tables(_folder(tmp_path, "first", scheme="first"))
    translit.add_tables(_folder(tmp_path, "second", scheme="second"))
    assert translit.transliterate("Юлия", "de") == "Second"  # the latest added wins
    assert translit.get_scheme("de").title == "second"


def test_adding_a_folder_again_moves_it_first(tmp_path: Path) -> None:
    first = _folder(tmp_path, "first", scheme="first")
    second = _folder(tmp_path, "second", scheme="second")
    for _ in range(50):
        translit.add_tables(first)
        translit.add_tables(second)
    assert table_layer.user_folders() == [second, first]
    translit.add_tables(first)
    assert translit.transliterate("Юлия", "de") == "First"


def test_every_cache_follows_the_layer(tmp_path: Path) -> None:
    before, zones = lexicon(), load_zone_table()
    state = table_layer.state()
    translit.add_tables(_folder(tmp_path, "mine", lexicon_entry=True))
    assert table_layer.state() != state
    assert lexicon() is not before and load_zone_table() is not zones
    table_layer.reset()
    assert _gotham_value() != "2021-10-05T14:55Z"


def test_a_bad_user_table_names_file_and_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "bad", zones=False)
    (folder / "zones.toml").write_text('[phrases.en]\n"gotham time" = \n', encoding="utf-8")
    translit.add_tables(folder)
    with pytest.raises(TableError, match=r"bad/zones\.toml:2: invalid TOML"):
        _gotham_value()


def test_special_files_are_not_read(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "mine", zones=False)
    (folder / "zones.toml").mkdir()  # a folder where a file should be: not a table
    translit.add_tables(folder)
    assert table_layer.files("zones.toml") == [table_layer.builtin_dir() / "zones.toml"]


@pytest.mark.parametrize("where", ["before", "after"])
def test_tables_option_before_or_after_the_command(where: str, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    folder = str(_folder(tmp_path, "mine"))
    command = ["normalize", "--lang", "en", "--ref-date", "2021-10-04", "--format", "text"]
    argv = ["--tables", folder, *command] if where == "before" else [*command, "--tables", folder]
    code, out, err = run_cli(argv, capsys, monkeypatch, TEXT.encode())
    assert (code, out) == (0, "Batman landed at 2021-10-05T14:55Z.\n"), err


def test_both_tables_options_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    zones = str(_folder(tmp_path, "zones"))
    scheme = str(_folder(tmp_path, "scheme", zones=False, scheme="both"))
    code, out, err = run_cli(["--tables", zones, "convert", "--tables", scheme, "--to", "de",
                              "Юлия"], capsys)
    assert (code, out) == (0, "Both\n"), err
    assert _gotham_value() == "2021-10-05T14:55Z"


def test_align_sees_the_user_zone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(TEXT + "\n", encoding="utf-8")
    two.write_text("Batman landete am 5. Oktober 2021 um 16:55 Uhr MESZ.\n", encoding="utf-8")
    folder = str(_folder(tmp_path, "mine"))
    code, out, err = run_cli(["align", "--tables", folder, "--ref-date", "2021-10-04",
                              "--format", "json", str(one), str(two)], capsys)
    assert code == 0, err
    groups = json.loads(out)["groups"]
    assert "2021-10-05" in [group["label"] for group in groups], out
    forms = [m["text"] for g in groups for m in g["mentions"]]
    assert "10:55 a.m. Gotham time on Oct. 5" in forms


def test_worker_processes_see_the_user_folder(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    files = []
    for index in range(3):
        path = tmp_path / f"doc{index}.txt"
        path.write_text(TEXT + "\n", encoding="utf-8")
        files.append(str(path))
    folder = str(_folder(tmp_path, "mine"))
    code, out, err = run_cli(["--tables", folder, "normalize", "--jobs", "2", "--lang", "en",
                              "--ref-date", "2021-10-04", *files], capsys)
    assert code == 0, err
    values = [json.loads(line)["spans"][0]["value"] for line in out.splitlines()]
    assert values == ["2021-10-05T14:55Z"] * 3
