"""The command line, in-process and once as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import run_cli

run = run_cli


def test_convert_text_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["convert", "--to", "de", "Антон", "Шкаплеров"], capsys)
    assert (code, out, err) == (0, "Anton Schkaplerow\n", "")


def test_convert_streams_stdin_line_by_line(capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    data = "Юлия Пересильд\n\nTom Cruise\nПётр Дубров".encode()
    code, out, _ = run(["convert", "--to", "de"], capsys, monkeypatch, data)
    assert code == 0
    assert out == "Julija Peressild\n\nTom Cruise\nPjotr Dubrow\n"


def test_convert_jsonl_and_trace(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["convert", "--to", "de", "--format", "jsonl", "--trace", "Пётр"], capsys)
    record = json.loads(out)
    assert code == 0 and record["output"] == "Pjotr"
    assert [s["output"] for s in record["trace"]] == ["P", "jo", "t", "r"]


def test_unknown_scheme_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["convert", "--to", "xx", "Юлия"], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "unknown scheme 'xx'; known schemes:" in err
    assert "de" in err and "Traceback" not in err


def test_invalid_utf8_names_the_byte_offset(capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(["convert", "--to", "de"], capsys, monkeypatch, b"ok\nab\xffc\n")
    assert code == 1
    assert err == "translit: <stdin>: byte 5: invalid UTF-8 (byte 0xff); use --errors replace\n"


def test_invalid_utf8_replaced_on_request(capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(["convert", "--to", "de", "--errors", "replace"], capsys, monkeypatch,
                       "Юл\xff".encode("latin-1") if False else "Юл".encode() + b"\xff\n")
    assert code == 0 and out == "Jul\ufffd\n"


def test_input_file_and_atomic_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.txt"
    source.write_text("Клим Шипенко\n", encoding="utf-8")
    target = tmp_path / "out.txt"
    target.write_text("previous\n", encoding="utf-8")
    code, _, _ = run(["convert", "--to", "en", "-i", str(source), "-o", str(target)], capsys)
    assert code == 0 and target.read_text(encoding="utf-8") == "Klim Shipenko\n"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff")
    code, _, err = run(["convert", "--to", "en", "-i", str(bad), "-o", str(target)], capsys)
    assert code == 1 and f"{bad}: byte 0" in err
    assert target.read_text(encoding="utf-8") == "Klim Shipenko\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "in.txt", "out.txt"]
    assert source.read_text(encoding="utf-8") == "Клим Шипенко\n"


def test_missing_input_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["convert", "--to", "en", "-i", str(tmp_path / "nope.txt")], capsys)
    assert code == 1 and err == f"translit: {tmp_path / 'nope.txt'}: no such file\n"


def test_schemes_lists_every_table_grouped_by_the_language_it_reads(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["schemes"], capsys)
    assert code == 0
    groups: dict[str, list[str]] = {}
    for line in out.splitlines():
        if line.startswith("# "):
            current = groups.setdefault(line[2:], [])
        elif line:
            current.append(line.split()[0])
    assert list(groups) == ["Russian (ru)", "Belarusian (be)", "Ukrainian (uk)"]
    assert {"en", "de", "fr", "bgn", "alalc", "iso9", "icao", "scientific"} == set(
        groups["Russian (ru)"])
    assert {"uk-national", "uk-de"} <= set(groups["Ukrainian (uk)"])


def test_check_reports_failures_with_file_and_line(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "mine.toml"
    table.write_text('[scheme]\nextends = "de"\n[samples]\n"Юлия" = "Julija" # ok\n'
                     '"Пересильд" = "Peresild" # wrong on purpose\n', encoding="utf-8")
    code, out, _ = run(["check", str(table)], capsys)
    assert code == 1
    assert f"{table}:5: sample 'Пересильд' gave 'Peressild', expected 'Peresild'" in out
    assert out.rstrip().endswith("1 of 2 samples fail")


def test_check_builtin_tables_pass(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check"], capsys)
    assert code == 0, out
    assert "all pass" in out


def test_malformed_table_is_one_line_exit_1(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "broken.toml").write_text('[letters]\n"а" = \n', encoding="utf-8")
    code, _, err = run(["--tables", str(tmp_path), "convert", "--to", "broken", "а"], capsys)
    assert code == 1 and err.count("\n") == 1
    assert f"{tmp_path / 'broken.toml'}:2: invalid TOML" in err


def test_user_tables_from_the_command_line(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "de-press.toml").write_text(
        '[scheme]\nextends = "de"\n[words]\n"алексей" = "alexej"\n', encoding="utf-8")
    code, out, _ = run(["convert", "--tables", str(tmp_path), "--to", "de-press",
                        "Алексей Навальный"], capsys)
    assert (code, out) == (0, "Alexej Nawalny\n")


def test_usage_error_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["convert"], capsys)
    assert code == 2 and "--to" in err


def test_real_subprocess_pipe() -> None:
    result = subprocess.run([sys.executable, "-m", "translit", "convert", "--to", "en"],
                            input="Олег Новицкий\nДмитрий Рогозин\n".encode(),
                            capture_output=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == "Oleg Novitsky\nDmitry Rogozin\n"
    bad = subprocess.run([sys.executable, "-m", "translit", "convert", "--to", "nope", "x"],
                         capture_output=True, check=False, timeout=60)
    assert bad.returncode == 2 and b"Traceback" not in bad.stderr
