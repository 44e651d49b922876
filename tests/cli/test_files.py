"""Files on the command line: bad input gets one precise line, output is atomic, input untouched.

Covers ``convert``, ``normalize``, ``align`` and ``check`` on invalid UTF-8, binary, empty,
missing and unreadable files, an interrupted write (in-process and a killed subprocess) and
hashes of every input before and after.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import run_cli, wait_for_temporary_file

from translit.articles import batch, document

ROOT = Path(__file__).resolve().parents[2]
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
ARTICLE = "Julija Peressild flog am 5. Oktober 2021 zur ISS.\n\nKlim Schipenko auch.\n"
Command = list[str]


def _commands(path: Path, other: Path) -> dict[str, Command]:
    """Each command reading ``path`` (``other`` is a second, good document for align)."""
    return {
        "convert": ["convert", "--to", "de", "-i", str(path)],
        "normalize": ["normalize", "--ref-date", "2021-10-04", str(path)],
        "align": ["align", str(path), str(other)],
    }


@pytest.fixture()
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _one_line(err: str) -> str:
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("command", ["convert", "normalize", "align"])
@pytest.mark.parametrize(("content", "offset", "byte"), [
    (b"ok\nab\xffc\n", 5, "0xff"), (BINARY, 0, "0x89"), ("Юлия".encode() + b"\xd0", 8, "0xd0"),
])
def test_invalid_utf8_and_binary_files(command: str, content: bytes, offset: int, byte: str,
                                       tmp_path: Path, good: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, out, err = run_cli(_commands(bad, good)[command], capsys)
    assert code == 1 and out in ("", "ok\n")  # convert streams the lines before the bad one
    assert _one_line(err) == (f"translit: {bad}: byte {offset}: invalid UTF-8 (byte {byte}); "
                              "use --errors replace\n")


def test_invalid_utf8_in_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "mine.toml"
    table.write_bytes(b'[letters]\n"\xd0" = "a"\n')
    code, out, err = run_cli(["check", str(table)], capsys)
    assert code == 1 and out == f"{table}: not UTF-8 at byte 11\n" and err == ""
    table.write_bytes(BINARY)
    code, out, _ = run_cli(["check", str(table)], capsys)
    assert code == 1 and out == f"{table}: not UTF-8 at byte 0\n"


@pytest.mark.parametrize("command", ["convert", "normalize", "align"])
def test_empty_files_warn_in_one_line(command: str, tmp_path: Path, good: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, _, err = run_cli(_commands(empty, good)[command], capsys)
    assert code == 0
    assert _one_line(err) == f"translit: {empty}: warning: empty file\n"


def test_empty_table_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "empty.toml"
    table.write_bytes(b"")
    code, out, _ = run_cli(["check", str(table)], capsys)
    assert code == 1
    assert out == f"{table}:1: letters: a table without 'extends' needs a [letters] section\n" \
        or out == f"{table}: letters: a table without 'extends' needs a [letters] section\n"


@pytest.mark.parametrize(("command", "message"), [
    ("convert", "no such file"), ("normalize", "no such file or directory"),
    ("align", "no such file"),
])
def test_missing_files(command: str, message: str, tmp_path: Path, good: Path,
                       capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.txt"
    code, out, err = run_cli(_commands(missing, good)[command], capsys)
    assert code == 1 and out == ""
    assert _one_line(err) == f"translit: {missing}: {message}\n"


def test_missing_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["check", str(tmp_path / "missing.toml")], capsys)
    assert code == 1
    assert out == f"{tmp_path / 'missing.toml'}: cannot read table: No such file or directory\n"


@pytest.mark.parametrize("command", ["convert", "normalize", "align"])
def test_broken_symlinks(command: str, tmp_path: Path, good: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    code, _, err = run_cli(_commands(link, good)[command], capsys)
    assert code == 1 and _one_line(err) == f"translit: {link}: broken symbolic link\n"


@pytest.mark.parametrize("command", ["convert", "normalize", "align"])
def test_a_path_through_a_file(command: str, tmp_path: Path, good: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    inside = good / "inner.txt"  # a file is not a folder: ENOTDIR, whoever runs the test
    code, _, err = run_cli(_commands(inside, good)[command], capsys)
    assert code == 1 and _one_line(err).startswith(f"translit: {inside}: ")


def test_a_directory_as_input_file(tmp_path: Path, good: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["convert", "--to", "de", "-i", str(tmp_path)], ["align", str(tmp_path),
                                                                    str(good)]):
        code, _, err = run_cli(argv, capsys)
        assert code == 1 and _one_line(err) == f"translit: {tmp_path}: is a directory\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files without permission")
@pytest.mark.parametrize("command", ["convert", "normalize", "align"])
def test_unreadable_file(command: str, tmp_path: Path, good: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("x", encoding="utf-8")
    locked.chmod(0)
    code, _, err = run_cli(_commands(locked, good)[command], capsys)
    assert code == 1 and _one_line(err) == f"translit: {locked}: permission denied\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists folders without permission")
def test_unreadable_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "locked"
    (folder / "inner").mkdir(parents=True)
    (folder / "inner" / "a.txt").write_text("x", encoding="utf-8")
    folder.chmod(0)
    try:
        code, _, err = run_cli(["normalize", str(folder)], capsys)
    finally:
        folder.chmod(0o755)
    assert code == 1 and _one_line(err) == f"translit: {folder}: permission denied\n"


def test_permission_denied_as_the_os_reports_it(tmp_path: Path, good: Path,
                                                capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """What an unreadable file and folder give, even when the tests run as root."""
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    def refuse_listing(self: Path, pattern: str) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    locked = tmp_path / "locked.txt"
    locked.write_text("x", encoding="utf-8")
    monkeypatch.setattr(Path, "open", refuse)
    for command, argv in _commands(locked, good).items():
        code, _, err = run_cli(argv, capsys)
        assert code == 1, command
        assert _one_line(err) == f"translit: {locked}: permission denied\n", command
    monkeypatch.setattr(Path, "rglob", refuse_listing)
    code, _, err = run_cli(["normalize", str(tmp_path)], capsys)
    assert code == 1 and _one_line(err) == f"translit: {tmp_path}: permission denied\n"


def test_output_folder_that_cannot_be_written(tmp_path: Path, good: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "no-such-folder" / "out.jsonl"
    code, _, err = run_cli(["normalize", str(good), "-o", str(target)], capsys)
    assert code == 1
    assert _one_line(err) == f"translit: {target}: cannot write: No such file or directory\n"


@pytest.mark.parametrize("command", ["convert", "normalize", "align"])
def test_output_never_overwrites_an_input(command: str, tmp_path: Path, good: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    before = good.read_bytes()
    code, _, err = run_cli([*_commands(good, tmp_path / "other.txt")[command], "-o", str(good)]
                           if command != "align" else
                           ["align", str(good), str(good), "-o", str(good)], capsys)
    assert code == 2 and _one_line(err) == (
        f"translit: {good}: output would overwrite an input file\n")
    assert good.read_bytes() == before


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def test_inputs_are_never_modified(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (inputs / "b.txt").write_bytes("\ufeffЮлия Пересильд\r\n5 октября\r\n".encode())
    (inputs / "c.txt").write_bytes(b"bad \xff byte")
    (inputs / "mine.toml").write_text('[scheme]\nextends = "de"\n[words]\n"юлия" = "Julia"\n'
                                      '[samples]\n"Юлия" = "Julia"\n', encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    before = _digest(inputs)
    runs: list[Command] = [
        ["convert", "--to", "de", "-i", str(inputs / "b.txt"), "-o", str(out / "1")],
        ["convert", "--to", "cyrillic", "-i", str(inputs / "a.txt"), "-o", str(out / "2")],
        ["convert", "--to", "de", "--errors", "replace", "-i", str(inputs / "c.txt")],
        ["normalize", str(inputs), "-o", str(out / "3")],
        ["normalize", "--errors", "replace", "--format", "text", str(inputs / "a.txt"),
         str(inputs / "b.txt"), str(inputs / "c.txt")],
        ["align", "--all", str(inputs / "a.txt"), str(inputs / "b.txt"), "-o", str(out / "4")],
        ["check", str(inputs / "mine.toml")],
        ["--tables", str(inputs / "mine.toml"), "convert", "--to", "mine", "Юлия"],
    ]
    codes = [run_cli(argv, capsys)[0] for argv in runs]
    assert codes == [0, 0, 0, 1, 0, 0, 0, 0]  # normalize of the folder stops at c.txt
    assert _digest(inputs) == before


def test_interrupted_write_keeps_the_previous_output(tmp_path: Path, good: Path,
                                                     capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("previous\n", encoding="utf-8")
    calls = []
    real = document.normalize

    def failing(text: str, **options: object) -> document.Document:
        calls.append(text)
        if len(calls) == 3:
            raise KeyboardInterrupt  # as if Ctrl-C came in the middle of the run
        return real(text, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "normalize", failing)
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    files = [str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt", "d.txt")]
    code, _, err = run_cli(["normalize", *files, "-o", str(target)], capsys)
    assert (code, err) == (130, "translit: interrupted\n")
    assert len(calls) == 3  # two documents were written to the temporary file
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "a.txt", "b.txt", "c.txt", "d.txt", "good.txt", "out.jsonl"]


def test_killed_subprocess_keeps_the_previous_output(tmp_path: Path) -> None:
    source = tmp_path / "big.txt"
    source.write_text(ARTICLE * 20000, encoding="utf-8")  # ~1.5 MB, seconds of work
    target = tmp_path / "out.jsonl"
    target.write_text("previous\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-c", "from translit.cli.main import run; run()", "normalize",
         "--format", "text", "-o", str(target), str(source)],
        cwd=ROOT, stderr=subprocess.PIPE)
    wait_for_temporary_file(tmp_path, process)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130 and err == b"translit: interrupted\n"
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt", "out.jsonl"]
