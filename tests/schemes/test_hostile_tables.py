"""Hostile user tables (issue 13): deep ``extends`` chains, special and huge files, big tables,
folders added again and again, a user table that shadows a built-in one, missing folders.

Each test counts work or bytes, never wall time: reads of table files, builds of the line
index, function calls, cache clears. A FIFO that would block is unblocked by a watchdog, so a
regression fails the test instead of hanging it.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import product
from pathlib import Path
from typing import Any

import pytest
from work_counter import count_calls

import translit
from translit import table_layer
from translit.cli.main import main
from translit.errors import TableError
from translit.schemes import checks, lint
from translit.schemes.loader import MAX_EXTENDS
from translit.schemes.registry import add_tables, get_scheme, load_table

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero")

LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
LATIN = "abvgdeejziiklmnoprstufhccss_y_eua"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every table file the table layer reads from now on."""
    seen: list[Path] = []
    real = table_layer.read_bytes

    def counted(path: str | Path) -> bytes:
        seen.append(Path(path))
        return real(path)

    monkeypatch.setattr(table_layer, "read_bytes", counted)
    return seen


@contextmanager
def _watchdog(fifo: Path, seconds: float = 20.0) -> Iterator[None]:
    """Unblock every reader stuck on ``fifo``, each ``seconds`` (a writer opens and closes it,
    so the reader gets end of file), and fail the test if one was stuck."""
    stuck: list[bool] = []
    done = threading.Event()

    def unblock() -> None:
        while not done.wait(seconds):
            try:
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
                stuck.append(True)
            except OSError:  # no reader has it open: nothing is stuck
                pass

    guard = threading.Thread(target=unblock, daemon=True)
    guard.start()
    try:
        yield
    finally:
        done.set()
        guard.join()
    assert not stuck, f"a reader blocked on {fifo}"


# -- extends chains ------------------------------------------------------------------------------

def _chain(folder: Path, length: int) -> Path:
    """``c0`` extends ``c1`` … extends ``c{length-1}``, which extends the built-in ``de``."""
    for index in range(length):
        parent = f"c{index + 1}" if index < length - 1 else "de"
        _write(folder / f"c{index}.toml",
               f'[scheme]\nextends = "{parent}"\n[words]\n"ж{index}" = "x{index}"\n')
    return folder / "c0.toml"


def test_a_chain_of_a_thousand_tables_is_one_table_error(tmp_path: Path,
                                                         reads: list[Path]) -> None:
    first = _chain(tmp_path, 1000)
    with pytest.raises(TableError) as caught:
        load_table(first)
    error = caught.value
    assert error.path == str(tmp_path / f"c{MAX_EXTENDS - 1}.toml")
    assert (error.line, error.key) == (2, "scheme.extends")
    assert f"longer than {MAX_EXTENDS} tables (from {first})" in str(error)
    assert "\n" not in str(error)
    assert len(reads) == MAX_EXTENDS  # the chain is read no further than the limit


def test_a_chain_at_the_limit_reads_and_merges(tmp_path: Path) -> None:
    scheme = load_table(_chain(tmp_path, MAX_EXTENDS - 1))  # and the built-in de: the limit
    assert scheme.transliterate("Юлия") == "Julija"
    assert all(scheme.spec.words[f"ж{i}"] == f"x{i}" for i in range(MAX_EXTENDS - 1))


def test_a_deep_chain_on_the_command_line_is_one_line(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    _chain(tmp_path, 1000)
    code, out, err = _cli(["--tables", str(tmp_path), "convert", "--to", "c0", "Юлия"], capsys)
    assert (code, out) == (1, "")
    assert err.startswith(f"translit: {tmp_path / f'c{MAX_EXTENDS - 1}.toml'}:2: scheme.extends:")
    assert err.count("\n") == 1


# -- special files, huge files, lazy folders -----------------------------------------------------

@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A user folder with a FIFO, a link to /dev/zero, a sparse file past the limit and a
    broken table, each named like a scheme."""
    folder = tmp_path / "hostile"
    (folder / "schemes").mkdir(parents=True)
    os.mkfifo(folder / "schemes" / "fifo.toml")
    (folder / "schemes" / "zero.toml").symlink_to("/dev/zero")
    with open(folder / "schemes" / "huge.toml", "wb") as huge:
        huge.truncate(table_layer.MAX_TABLE_BYTES + 1)  # sparse: no byte is written
    _write(folder / "schemes" / "broken.toml", '[letters]\n"а" = \n')
    return folder


@pytest.mark.parametrize(("scheme", "problem"), [
    ("fifo", "not a regular file (a FIFO)"),
    ("zero", "not a regular file (a character device)"),
    ("huge", "larger than 16 MiB, the limit of a table file"),
])
def test_a_special_or_huge_file_is_one_table_error(hostile: Path, scheme: str, problem: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    real_open = os.open

    def counted_open(path: Any, *args: Any, **kwargs: Any) -> int:
        opened.append(str(path))
        return real_open(path, *args, **kwargs)

    add_tables(hostile)
    monkeypatch.setattr(os, "open", counted_open)
    path = hostile / "schemes" / f"{scheme}.toml"
    with _watchdog(hostile / "schemes" / "fifo.toml"), pytest.raises(TableError) as caught:
        get_scheme(scheme)
    assert str(caught.value) == f"{path}: {problem}"
    assert str(path) not in opened  # refused by its kind and size, not by reading it


@pytest.mark.parametrize("scheme", ["fifo", "zero", "huge"])
def test_a_special_file_on_the_command_line_is_one_line(hostile: Path, scheme: str,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    with _watchdog(hostile / "schemes" / "fifo.toml"):
        code, out, err = _cli(["--tables", str(hostile), "convert", "--to", scheme, "а"], capsys)
        given_alone = _cli(["--tables", str(hostile / "schemes" / f"{scheme}.toml"), "convert",
                            "--to", "de", "а"], capsys)
    assert (code, out) == (1, "")
    assert err.startswith(f"translit: {hostile / 'schemes' / scheme}.toml: ")
    assert err.count("\n") == 1
    assert given_alone[0] == 1 and given_alone[2] == err  # read at once, the same line


def test_a_builtin_scheme_reads_nothing_of_a_user_folder(hostile: Path, reads: list[Path],
                                                         capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    with _watchdog(hostile / "schemes" / "fifo.toml"):
        schemes = add_tables(hostile)
        assert translit.transliterate("Юлия", "de") == "Julija"
        assert len(schemes) == 4  # listed, not read
        table_layer.reset()
        code, out, err = _cli(["--tables", str(hostile), "convert", "--to", "de", "Юлия"],
                              capsys)
        assert (code, out, err) == (0, "Julija\n", "")
        table_layer.reset()
        monkeypatch.setenv(table_layer.ENV_VARIABLE, str(hostile))
        assert translit.transliterate("Юлия", "en") == "Yulia"
    assert not [path for path in reads if hostile in path.parents]
    with pytest.raises(TableError, match=r"broken\.toml:2: invalid TOML"):
        get_scheme("broken")  # the broken table is there, and read when it is asked for


def test_a_special_file_where_a_zone_table_should_be(tmp_path: Path) -> None:
    folder = tmp_path / "zones"
    folder.mkdir()
    os.mkfifo(folder / "zones.toml")
    add_tables(folder)
    with _watchdog(folder / "zones.toml"), pytest.raises(TableError) as caught:
        translit.find_dates("at 10:00 Gotham time", ref="2021-10-04", lang="en")
    assert str(caught.value) == f"{folder / 'zones.toml'}: not a regular file (a FIFO)"


# -- check and lint: one line index per file -----------------------------------------------------

def _words(count: int) -> list[str]:
    return ["".join(w) for w in product(LETTERS[:26], repeat=3)][:count]


def _big_table(path: Path, count: int) -> Path:
    """A table whose every [words] entry is redundant and every sample fails: a finding each."""
    rules = dict(zip(LETTERS, LATIN, strict=True))
    letters = "".join(f'"{c}" = "{rules[c]}"\n' for c in LETTERS)
    words = _words(count)
    body = "".join(f'"{w}" = "{"".join(rules[c] for c in w)}"\n' for w in words)
    samples = "".join(f'"{w}" = "wrong"\n' for w in words)
    return _write(path, f'[scheme]\ntitle = "big"\n[letters]\n{letters}[words]\n{body}'
                        f'[samples]\n{samples}')


def test_check_of_ten_thousand_entries_builds_one_index(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[int] = []
    looked_up: list[int] = []
    real_init, real_line = table_layer.LineIndex.__init__, table_layer.LineIndex.line

    def init(self: table_layer.LineIndex, text: str) -> None:
        built.append(len(text))
        real_init(self, text)

    def line(self: table_layer.LineIndex, *args: Any, **kwargs: Any) -> int | None:
        looked_up.append(1)
        return real_line(self, *args, **kwargs)

    monkeypatch.setattr(table_layer.LineIndex, "__init__", init)
    monkeypatch.setattr(table_layer.LineIndex, "line", line)
    path = _big_table(tmp_path / "big.toml", 10_000)
    report = checks.check_table(path)
    assert len(report.findings) == len(report.failures) == 10_000
    assert built == [len(path.read_text(encoding="utf-8"))]  # one index of the one file
    assert len(looked_up) == len(report.findings) + len(report.failures)
    lines = path.read_text(encoding="utf-8").splitlines()
    last_word, last_failure = report.findings[-1], report.failures[-1]
    assert last_word.line is not None and last_failure.line is not None
    assert lines[last_word.line - 1].startswith(f'"{_words(10_000)[-1]}" = "')
    assert lines[last_failure.line - 1] == f'"{last_failure.source}" = "wrong"'


@pytest.mark.parametrize("step", ["lint", "check"])
def test_check_and_lint_grow_linearly(step: str, tmp_path: Path) -> None:
    def work(count: int) -> int:
        path = _big_table(tmp_path / f"t{count}.toml", count)
        if step == "check":
            return count_calls(checks.check_table, path)
        scheme = load_table(path)
        scheme.transliterate("абв")  # the engine is built before counting
        return count_calls(lint.lint_scheme, scheme)

    small, large = work(250), work(1000)
    assert large <= 1.5 * 4 * small, (small, large)


# -- add_tables again and again ------------------------------------------------------------------

def test_adding_the_same_folder_again_is_a_no_op(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _write(tmp_path / "mine" / "de-press.toml",
                    '[scheme]\nextends = "de"\n[words]\n"алексей" = "alexej"\n').parent
    add_tables(folder)
    assert translit.transliterate("Алексей", "de-press") == "Alexej"
    state = table_layer.state()
    clears: list[int] = []
    monkeypatch.setattr(table_layer.caching, "clear_all", lambda: clears.append(1))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "link").symlink_to(folder)
    for name in [folder, "mine", "mine/", "./mine", "link", *[folder] * 4000]:
        add_tables(name)
    assert (table_layer.state(), clears) == (state, [])  # no cache was emptied
    assert table_layer.user_folders() == [folder]


# -- no silent surprises -------------------------------------------------------------------------

def test_a_user_scheme_with_a_builtin_id_needs_override(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    table = _write(tmp_path / "mine" / "schemes" / "de.toml",
                   '[scheme]\nextends = "de"\n[words]\n"юлия" = "Jule"\n')
    add_tables(tmp_path / "mine")
    message = (f"{table}: scheme.override: replaces the built-in scheme 'de': write override = "
               "true in [scheme] to mean it, or give the table another file name")
    with pytest.raises(TableError) as caught:
        translit.transliterate("Юлия", "de")
    assert str(caught.value) == message
    assert _cli(["convert", "--to", "de", "Юлия"], capsys) == (1, "", f"translit: {message}\n")
    code, out, _ = _cli(["check", str(table)], capsys)
    assert code == 1 and out.startswith(message + "\n")
    table.write_text('[scheme]\noverride = true\nextends = "de"\n[words]\n"юлия" = "Jule"\n',
                     encoding="utf-8")
    table_layer.reset()
    add_tables(tmp_path / "mine")
    assert translit.transliterate("Юлия Пересильд", "de") == "Jule Peressild"
    assert "override" not in get_scheme("de").meta


def test_override_must_be_true_or_false(tmp_path: Path) -> None:
    table = _write(tmp_path / "de.toml", '[scheme]\nextends = "de"\noverride = "yes"\n')
    with pytest.raises(TableError, match=r"de\.toml:3: scheme\.override: must be true or false"):
        load_table(table)


def test_extending_its_own_id_extends_the_builtin(tmp_path: Path) -> None:
    lower = _write(tmp_path / "lower" / "de.toml",
                   '[scheme]\noverride = true\nextends = "de"\n[words]\n"пересильд" = "Lower"\n')
    upper = _write(tmp_path / "upper" / "de.toml",
                   '[scheme]\noverride = true\nextends = "de"\n[words]\n"юлия" = "Upper"\n')
    add_tables(lower.parent)
    add_tables(upper.parent)
    assert translit.transliterate("Юлия Пересильд", "de") == "Upper Peressild"  # not "Lower"
    mine = _write(tmp_path / "alone" / "mine.toml", '[scheme]\nextends = "mine"\n')
    with pytest.raises(TableError, match=r"mine\.toml:2: scheme\.extends: extends unknown "
                                         r"table 'mine'"):
        load_table(mine)  # no built-in of that id to extend


@pytest.mark.parametrize("kind", ["missing", "file"])
def test_a_missing_folder_of_the_variable_is_an_error(kind: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "tables"
    if kind == "file":
        folder.write_text("", encoding="utf-8")
    monkeypatch.setenv(table_layer.ENV_VARIABLE, os.pathsep.join([str(tmp_path), str(folder)]))
    problem = "no such folder" if kind == "missing" else "not a folder"
    message = f"{folder}: {problem} (named in TRANSLIT_TABLES)"
    for _ in range(2):  # on every call, not only when the variable changes
        with pytest.raises(TableError) as caught:
            translit.transliterate("Юлия", "de")
        assert str(caught.value) == message
    assert _cli(["convert", "--to", "de", "Юлия"], capsys) == (1, "", f"translit: {message}\n")
    folder.unlink(missing_ok=True)
    folder.mkdir()
    assert translit.transliterate("Юлия", "de") == "Julija"  # mended: works again


def test_a_missing_tables_folder_is_an_error(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing"
    with pytest.raises(TableError) as caught:
        add_tables(missing)
    assert str(caught.value) == f"{missing}: no such table file or folder"
    assert _cli(["--tables", str(missing), "convert", "--to", "de", "Юлия"], capsys) \
        == (1, "", f"translit: {missing}: no such table file or folder\n")
    assert table_layer.user_folders() == []
