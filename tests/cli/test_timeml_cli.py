"""``translit normalize --format timeml``: one input to stdout or ``-o`` (atomically), the
original text (names untouched), the options, and one-line errors."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import pytest
from cli_runner import run_cli

import translit
import translit.cli.normalize as command

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ("MOSCOW, Oct. 4, 2021 — Julija Peressild flies on Oct. 5 at 11:55 a.m. Moscow "
           "time & stays almost two weeks.\n")


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "soyuz.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _text_of(document: str) -> str:
    text = ET.fromstring(document).find("TEXT")
    assert text is not None
    return "".join(text.itertext())


def test_one_file_to_stdout_is_to_timeml_of_its_text(
        article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["normalize", "--format", "timeml", str(article)], capsys)
    assert (code, err) == (0, "")
    assert out == translit.to_timeml(ARTICLE, doc_id="soyuz")
    assert _text_of(out) == ARTICLE  # the original text: the name is not rewritten
    assert "Julija Peressild" in out and "Yulia" not in out


def test_stdin_has_no_docid(capsys: pytest.CaptureFixture[str],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run_cli(["normalize", "--format", "timeml"], capsys, monkeypatch,
                           ARTICLE.encode())
    root = ET.fromstring(out)
    assert code == 0 and root.find("DOCID") is None
    assert root.findtext("DCT/TIMEX3") == "2021-10-04"


def test_ref_date_lang_region_and_kinds_apply(article: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["normalize", "--format", "timeml", "--ref-date", "2021-10-01",
                            "--lang", "en", "--region", "US", "--kinds", "name,duration",
                            str(article)], capsys)
    root = ET.fromstring(out)
    assert code == 0 and root.findtext("DCT/TIMEX3") == "2021-10-01"
    assert [t.get("type") for t in root.iter("TIMEX3")] == ["DATE", "DURATION"]  # DCT, then
    assert _text_of(out) == ARTICLE


def test_output_file_is_written_through_atomic_output(
        article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "soyuz.tml"
    target.write_text("previous\n", encoding="utf-8")
    target.chmod(0o640)
    used: list[str] = []
    real = command.atomic_output

    @contextlib.contextmanager
    def spy(path: str) -> Iterator[TextIO]:
        used.append(path)
        with real(path) as out:
            yield out

    monkeypatch.setattr(command, "atomic_output", spy)
    code, out, err = run_cli(["normalize", "--format", "timeml", "-o", str(target),
                              str(article)], capsys)
    assert (code, out, err, used) == (0, "", "", [str(target)])
    assert target.read_text(encoding="utf-8") == translit.to_timeml(ARTICLE, doc_id="soyuz")
    assert target.stat().st_mode & 0o777 == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_refused_character_names_file_and_place_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad, target = tmp_path / "bad.txt", tmp_path / "out.tml"
    bad.write_text("Oct. 5\nbell \x07 here\n", encoding="utf-8")
    target.write_text("previous\n", encoding="utf-8")
    code, out, err = run_cli(["normalize", "--format", "timeml", "-o", str(target), str(bad)],
                             capsys)
    assert (code, out) == (1, "")
    assert err == (f"translit: {bad}: line 2, column 6 (character 12): U+0007 cannot be "
                   "written in XML 1.0 (TimeML); remove it\n")
    assert target.read_text(encoding="utf-8") == "previous\n"


def test_several_inputs_are_a_usage_error(article: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Oct. 5", encoding="utf-8")
    for argv in ([str(article), str(other)], [str(tmp_path)]):
        code, out, err = run_cli(["normalize", "--format", "timeml", *argv], capsys)
        assert (code, out) == (2, "")
        assert err == ("translit: --format timeml writes one document per file: give one "
                       "input, not 2 (run it once per file)\n")


def test_a_folder_with_one_file_is_one_input(article: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["normalize", "--format", "timeml", str(tmp_path)], capsys)
    assert code == 0 and ET.fromstring(out).findtext("DOCID") == "soyuz"


@pytest.mark.parametrize(("argv", "code", "message"), [
    (["--ref-date", "soon"], 2, "translit: reference date must be YYYY-MM-DD, not 'soon'\n"),
    (["--region", "usa"], 2, "translit: --region: unknown region 'usa'"),
    (["--spark"], 2, "translit: --spark writes a folder: give it with -o/--output\n"),
    (["missing.txt"], 1, "translit: missing.txt: no such file or directory\n"),
])
def test_errors_are_one_line(argv: list[str], code: int, message: str, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    got, out, err = run_cli(["normalize", "--format", "timeml", *argv], capsys)
    assert (got, out) == (code, "")
    assert err.startswith(message) and err.count("\n") == 1


def test_invalid_utf8_names_the_byte(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Oct. 5 \xff")
    code, out, err = run_cli(["normalize", "--format", "timeml", str(bad)], capsys)
    assert (code, out) == (1, "")
    assert err == f"translit: {bad}: byte 7: invalid UTF-8 (byte 0xff); use --errors replace\n"
    code, out, _ = run_cli(["normalize", "--format", "timeml", "--errors", "replace", str(bad)],
                           capsys)
    assert code == 0 and _text_of(out) == "Oct. 5 \ufffd"


def test_subprocess(article: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "translit", "normalize", "--format", "timeml",
                             str(article)], capture_output=True, text=True, check=False,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert (result.returncode, result.stderr) == (0, "")
    assert _text_of(result.stdout) == ARTICLE
