"""``-o`` under hostile use: links, devices, FIFOs, descriptors, modes, hard links, full disks,
folders, stale temporary files, and ``convert``'s TEXT arguments that name files (issue 13)."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from cli_runner import run_cli, wait_for_temporary_file

from translit.articles.output import atomic_output, descriptor, remove_stale, umask

ROOT = Path(__file__).resolve().parents[2]
NAME = "Юлия Пересильд\n"
CONVERT = ["convert", "--to", "de", "-i"]


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    path = tmp_path / "in.txt"
    path.write_text(NAME, encoding="utf-8")
    return path


def _translit(*argv: str, cwd: Path, stdout: object = subprocess.PIPE
              ) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "translit", *argv], cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=stdout,
                          stderr=subprocess.PIPE, check=False, timeout=120)


def test_a_symbolic_link_is_written_through(source: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    real, link = tmp_path / "real.txt", tmp_path / "link.txt"
    real.write_text("old\n", encoding="utf-8")
    link.symlink_to(real.name)
    assert run_cli([*CONVERT, str(source), "-o", str(link)], capsys)[0] == 0
    assert link.is_symlink() and os.readlink(link) == "real.txt"
    assert real.read_text(encoding="utf-8") == "Julija Peressild\n"


def test_a_link_to_a_new_file_creates_the_target(source: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to("made.txt")
    assert run_cli([*CONVERT, str(source), "-o", str(link)], capsys)[0] == 0
    assert link.is_symlink() and (tmp_path / "made.txt").read_text(encoding="utf-8") == \
        "Julija Peressild\n"


def test_an_existing_file_keeps_its_mode(source: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    assert run_cli([*CONVERT, str(source), "-o", str(target)], capsys)[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_new_file_gets_the_umask_mode(source: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    old = os.umask(0o027)
    try:
        assert umask() == 0o027
        target = tmp_path / "new.txt"
        assert run_cli([*CONVERT, str(source), "-o", str(target)], capsys)[0] == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o640
    finally:
        os.umask(old)


def test_hard_links_keep_sharing_the_file(source: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    target, other = tmp_path / "out.txt", tmp_path / "other-name.txt"
    target.write_text("a much longer previous content than the output\n", encoding="utf-8")
    os.link(target, other)
    assert run_cli([*CONVERT, str(source), "-o", str(target)], capsys)[0] == 0
    assert other.read_text(encoding="utf-8") == "Julija Peressild\n"
    assert os.path.samefile(target, other)


def test_a_fifo_is_written_as_a_stream(source: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = _translit(*CONVERT, str(source), "-o", str(fifo), cwd=tmp_path)
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert received == [b"Julija Peressild\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt", "pipe"]


def test_a_device_is_written_not_replaced(source: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    device = tmp_path / "null"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a copy of /dev/null
    except PermissionError:
        device = Path("/dev/null")  # not root: the system's own, which must survive too
    before = device.lstat()
    assert run_cli([*CONVERT, str(source), "-o", str(device)], capsys)[0] == 0
    after = device.lstat()
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    assert after.st_ino == before.st_ino


def test_dev_stdout_is_the_descriptor_not_its_file(source: Path, tmp_path: Path) -> None:
    """With stdout sent to a regular file, ``-o /dev/stdout`` appends to what the file holds
    instead of replacing the file (which would lose what others wrote to it)."""
    log = tmp_path / "log.txt"
    with log.open("w", encoding="utf-8") as stream:
        stream.write("before\n")
        stream.flush()
        result = _translit(*CONVERT, str(source), "-o", "/dev/stdout", cwd=tmp_path,
                           stdout=stream)
    assert result.returncode == 0, result.stderr
    assert log.read_text(encoding="utf-8") == "before\nJulija Peressild\n"
    assert descriptor("/dev/stdout") == 1 and descriptor(str(log)) is None


def test_a_full_disk_is_one_line(source: Path, tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "wb") as full:
        to_stdout = _translit(*CONVERT, str(source), cwd=tmp_path, stdout=full)
    to_file = _translit(*CONVERT, str(source), "-o", "/dev/full", cwd=tmp_path)
    assert (to_stdout.returncode, to_stdout.stderr) == (
        1, b"translit: <stdout>: cannot write: No space left on device\n")
    assert (to_file.returncode, to_file.stderr) == (
        1, b"translit: /dev/full: cannot write: No space left on device\n")


def test_a_folder_as_output_is_one_line(source: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    for argv in ([*CONVERT, str(source)], ["normalize", str(source)],
                 ["align", str(source), str(source)]):
        code, _, err = run_cli([*argv, "-o", str(folder)], capsys)
        assert (code, err) == (1, f"translit: {folder}: is a directory\n"), argv
    assert list(folder.iterdir()) == []


def test_convert_never_overwrites_a_file_named_as_text(source: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    link = tmp_path / "alias.txt"
    link.symlink_to(source)
    for output in ("in.txt", str(source), "alias.txt"):
        code, _, err = run_cli(["convert", "--to", "de", "in.txt", "-o", output], capsys)
        assert code == 2 and "output would overwrite a file named as TEXT" in err, output
    assert source.read_text(encoding="utf-8") == NAME
    # TEXT that names no file is still text, written where -o says
    assert run_cli(["convert", "--to", "de", "Пётр", "-o", "out.txt"], capsys)[0] == 0
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "Pjotr\n"


def test_stale_temporary_files_of_dead_runs_are_removed(source: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    target = tmp_path / "out.txt"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    stale = tmp_path / f".out.txt.{dead}.0badc0de.tmp"
    alive = tmp_path / f".out.txt.{os.getppid()}.0badc0de.tmp"  # a running process's
    other = tmp_path / ".out.txt.notours.tmp"
    for path in (stale, alive, other):
        path.write_text("partial", encoding="utf-8")
    assert run_cli([*CONVERT, str(source), "-o", str(target)], capsys)[0] == 0
    assert not stale.exists() and alive.exists() and other.exists()
    assert remove_stale(target) == []


def test_a_killed_run_leaves_a_temporary_file_the_next_run_removes(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Julija Peressild flog am 5. Oktober 2021 zur ISS.\n" * 40000,
                   encoding="utf-8")
    target = tmp_path / "out.txt"
    process = subprocess.Popen([sys.executable, "-m", "translit", "normalize", "--format",
                                "text", "-o", str(target), str(big)], cwd=tmp_path,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    wait_for_temporary_file(tmp_path, process)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    assert [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    small = tmp_path / "small.txt"
    small.write_text("Пётр\n", encoding="utf-8")
    assert _translit(*CONVERT, str(small), "-o", str(target), cwd=tmp_path).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt", "out.txt", "small.txt"]


def test_atomic_output_in_python_keeps_the_old_file_on_error(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_output(str(target)) as out:
        out.write("half")
        raise RuntimeError("stop")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_an_empty_folder_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "notes.md").write_text("not a text file", encoding="utf-8")
    code, out, err = run_cli(["normalize", str(folder)], capsys)
    assert (code, out, err) == (1, "", f"translit: {folder}: no text files (*.txt) in this "
                                       "folder\n")


def test_a_folder_with_bad_files_names_them_all_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Julija Peressild.\n", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"bad \xff\n")
    (folder / "c.txt").write_text("Klim Schipenko.\n", encoding="utf-8")
    (folder / "d.txt").write_bytes("Юлия".encode() + b"\xd0")
    target = tmp_path / "out.txt"
    for output in ("-", str(target)):
        code, out, err = run_cli(["normalize", "--format", "text", str(folder), "-o", output],
                                 capsys)
        assert (code, out) == (1, "")
        assert err == (f"translit: {folder / 'b.txt'}: byte 4: invalid UTF-8 (byte 0xff); use "
                       "--errors replace\n"
                       f"translit: {folder / 'd.txt'}: byte 8: invalid UTF-8 (byte 0xd0); use "
                       "--errors replace\n")
    assert not target.exists()
    code, out, _ = run_cli(["normalize", "--format", "text", "--errors", "replace", str(folder)],
                           capsys)
    assert code == 0 and out.count("\n") == 4


def test_titles_escape_control_characters(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    name = tmp_path / "a\x1b[31m\nb.txt"
    name.write_text("Julija Peressild.\n", encoding="utf-8")
    code, out, _ = run_cli(["normalize", "--format", "annotated", str(name)], capsys)
    assert code == 0
    title = out.splitlines()[0]
    assert "\x1b" not in out and title.startswith("== ") and "a\\x1b[31m\\nb.txt" in title
