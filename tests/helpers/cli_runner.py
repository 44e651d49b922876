"""Run the command line in-process with captured output and an optional fake stdin."""

from __future__ import annotations

import io
import sys

import pytest

from translit.cli.main import main


class FakeStdin(io.TextIOWrapper):
    """A stdin that is not a terminal, over the given bytes."""

    def isatty(self) -> bool:
        return False


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str],
            monkeypatch: pytest.MonkeyPatch | None = None, stdin: bytes | None = None
            ) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``translit ARGV``."""
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", FakeStdin(io.BytesIO(stdin), encoding="utf-8"))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err
