"""``translit normalize``: in-process and once as a real subprocess."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from translit.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ("MOSCOW, July 01, 2021 — Roscosmos said the crew will launch on Oct. 5 at "
           "11:55 a.m. Moscow time and spend almost two weeks aboard.\n")


def run(argv: list[str], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch | None = None, stdin: bytes | None = None
        ) -> tuple[int, str, str]:
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_jsonl_one_object_per_document(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text("am 5. Oktober um 10.55 Uhr MESZ", encoding="utf-8")
    code, out, err = run(["normalize", "--ref-date", "2021-10-04", str(first), str(second)],
                         capsys)
    assert (code, err) == (0, "")
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["source"] for r in records] == [str(first), str(second)]
    assert [r["lang"] for r in records] == ["en", "de"]
    assert records[0]["ref"] == "2021-10-04"
    assert set(records[0]) == {"source", "ref", "lang", "text", "spans"}
    assert [s["value"] for s in records[0]["spans"] if s["kind"] != "name"] == [
        "2021-07-01", "2021-10-05T08:55Z", "P2W"]
    assert records[1]["text"] == "am 2021-10-05T08:55Z"


def test_dateline_is_the_reference_without_ref_date(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(["normalize"], capsys, monkeypatch, ARTICLE.encode())
    record = json.loads(out)
    assert (code, record["source"], record["ref"]) == (0, "<stdin>", "2021-07-01")


def test_text_format_rewrites_in_place(capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(["normalize", "--format", "text", "--lang", "en", "-"], capsys,
                       monkeypatch, ARTICLE.encode())
    assert code == 0
    assert out == ("MOSCOW, 2021-07-01 — Roscosmos said the crew will launch on "
                   "2021-10-05T08:55Z and spend P2W aboard.\n")


def test_json_format_and_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.json"
    code, out, _ = run(["normalize", "--format", "json", "--ref-date", "2021-10-04",
                        "--lang", "ru", "-o", str(target)], capsys, monkeypatch,
                       "Вчера экипаж прибыл на Байконур.".encode())
    assert (code, out) == (0, "")
    records = json.loads(target.read_text(encoding="utf-8"))
    assert records[0]["spans"][0]["value"] == "2021-10-03"


def test_no_reference_leaves_relative_unresolved(capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = run(["normalize", "--lang", "en"], capsys, monkeypatch, b"See you tomorrow.")
    span = json.loads(out)["spans"][0]
    assert span["value"] is None and span["unresolved"]


def test_region_option(capsys: pytest.CaptureFixture[str],
                       monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = run(["normalize", "--lang", "en", "--region", "gb"], capsys, monkeypatch,
                    b"on 10/4/2021")
    assert json.loads(out)["spans"][0]["value"] == "2021-04-10"


def test_slash_dates_follow_the_dateline_without_region(capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = run(["normalize", "--lang", "en", "--format", "text"], capsys, monkeypatch,
                    "LONDON, Oct. 4, 2021 — signed on 10/4/2021, filmed Oct. 5-17.".encode())
    assert out == "LONDON, 2021-10-04 — signed on 2021-04-10, filmed 2021-10-05/2021-10-17.\n"


@pytest.mark.parametrize(("argv", "code", "message"), [
    (["normalize", "--ref-date", "04.10.2021"], 2, "translit: reference date must be "
     "YYYY-MM-DD, not '04.10.2021'\n"),
    (["normalize", "/no/such/file.txt"], 1,
     "translit: /no/such/file.txt: no such file or directory\n"),
])
def test_errors_are_one_line(argv: list[str], code: int, message: str,
                             capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    result = run(argv, capsys, monkeypatch, b"")
    assert (result[0], result[2]) == (code, message)


def test_invalid_utf8_strict_and_replace(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"On Oct. 5 \xff")
    code, _, err = run(["normalize", "--ref-date", "2021-10-04", str(bad)], capsys)
    assert code == 1 and "byte 10" in err and err[-1] == "\n" and err.count("\n") == 1
    code, out, _ = run(["normalize", "--errors", "replace", "--ref-date", "2021-10-04",
                        str(bad)], capsys)
    assert code == 0 and json.loads(out)["spans"][0]["value"] == "2021-10-05"


def test_user_zone_table_through_tables_option(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "tables"
    (folder / "schemes").mkdir(parents=True)  # a user folder is laid out like tables/
    (folder / "zones.toml").write_text('[phrases.en]\n"houston time" = "America/Chicago"\n',
                                       encoding="utf-8")
    _, out, err = run(["--tables", str(folder), "normalize", "--lang", "en", "--ref-date",
                       "2021-10-04"], capsys, monkeypatch,
                      b"at 3:55 a.m. Houston time on Oct. 5")
    assert json.loads(out)["spans"][0]["value"] == "2021-10-05T08:55Z", err


def test_subprocess() -> None:
    result = subprocess.run([sys.executable, "-m", "translit", "normalize", "--format", "text",
                             "--ref-date", "2021-10-04"], input=ARTICLE.encode(), cwd=ROOT,
                            capture_output=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    assert b"2021-10-05T08:55Z" in result.stdout


def test_a_pipe_given_as_a_file_is_read_once(tmp_path: Path) -> None:
    """``translit normalize <(cmd)``: a pipe can be read only once, so no UTF-8 check reads it
    ahead and leaves the run an empty input."""
    import os
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def feed() -> None:
        fifo.write_text(ARTICLE, encoding="utf-8")

    writer = threading.Thread(target=feed)
    writer.start()
    done = subprocess.run([sys.executable, "-m", "translit", "normalize", "--format", "text",
                           str(fifo)], capture_output=True, text=True, timeout=120, check=False)
    writer.join(timeout=10)
    assert (done.returncode, done.stderr) == (0, "")
    assert "Roscosmos" in done.stdout or "Roskosmos" in done.stdout
