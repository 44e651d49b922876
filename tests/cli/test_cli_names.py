"""The name commands (match, key) and Latin input to convert, in-process and as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import run_cli

ROOT = Path(__file__).resolve().parents[2]


run = run_cli


def test_convert_latin_to_german(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["convert", "--from", "auto", "--to", "de", "Yulia Peresild"], capsys)
    assert (code, out, err) == (0, "Julija Peressild\n", "")


def test_convert_from_a_named_scheme_streams_lines(capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"Anton Shkaplerov\n\nOleg Novitsky\n"
    code, out, _ = run(["convert", "--from", "en", "--to", "de"], capsys, monkeypatch, data)
    assert (code, out) == (0, "Anton Schkaplerow\n\nOleg Nowizki\n")


def test_convert_to_cyrillic_and_candidates(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["convert", "--to", "cyrillic", "Nowizki"], capsys)
    assert (code, out) == (0, "Новицкий\n")
    code, out, _ = run(["convert", "--to", "cyrillic", "--candidates", "3", "Nowizki"], capsys)
    record = json.loads(out)
    assert code == 0 and len(record["candidates"]) == 3
    assert record["candidates"][0] == {"text": "Новицкий", "score": pytest.approx(
        record["candidates"][0]["score"]), "schemes": ["de"]}


def test_convert_no_lexicon(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["convert", "--from", "auto", "--to", "de", "Moscow"], capsys)[1] == "Moskau\n"
    code, out, _ = run(["convert", "--from", "auto", "--to", "de", "--no-lexicon", "Moscow"],
                       capsys)
    assert code == 0 and out != "Moskau\n"


def test_without_from_only_cyrillic_is_converted(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["convert", "--to", "de", "Yulia Peresild и Юлия Пересильд"], capsys)
    assert (code, out) == (0, "Yulia Peresild i Julija Peressild\n")


def test_candidates_needs_cyrillic_target(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["convert", "--to", "de", "--candidates", "2", "Nowizki"], capsys)
    assert code == 2 and out == "" and err == "translit: --candidates needs --to cyrillic\n"


def test_unknown_source_scheme_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["convert", "--from", "xx", "--to", "de", "Nowizki"], capsys)
    assert code == 2 and "unknown scheme 'xx'" in err


def test_match_two_names(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["match", "Anton Shkaplerov", "Anton Schkaplerow"], capsys)
    assert code == 0 and out.startswith("same\t")
    code, out, _ = run(["match", "--format", "jsonl", "Medvedev", "Medvedeva"], capsys)
    record = json.loads(out)
    assert (record["same"], record["verdict"]) == (False, "related")


def test_match_pairs_from_stdin(capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    data = ("Anton Shkaplerov\tAnton Schkaplerow\nOleg Novikov\tOleg Novitsky\n\n"
            "D. Rogozin\tРогозин, Дмитрий\n").encode()
    code, out, _ = run(["match", "-"], capsys, monkeypatch, data)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [r["same"] for r in records] == [True, False, True]
    assert all(0 <= r["score"] <= 1 and r["why"] for r in records)


def test_match_line_without_tab_is_an_error(capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(["match", "-"], capsys, monkeypatch, b"just one name\n")
    assert code == 1 and "line 1: expected two names separated by a tab" in err
    assert err.count("\n") == 1


def test_match_needs_two_names(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["match", "Anton"], capsys)
    assert code == 2 and "match needs two names" in err


def test_key(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(["key", "Юлия Пересильд", "Julija Peressild", "Yulia Peresild"], capsys)
    assert code == 0 and len(set(out.splitlines())) == 1
    code, out, _ = run(["key"], capsys, monkeypatch, "Rogozin, Dmitry\nДмитрий Рогозин\n".encode())
    assert out.splitlines() == ["dmitri rogosin", "dmitri rogosin"]


def test_match_as_a_real_subprocess() -> None:
    result = subprocess.run([sys.executable, "-m", "translit", "match", "-"], cwd=ROOT,
                            input="Yulia Peresild\tJulija Peressild\n", capture_output=True,
                            text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["same"] is True
