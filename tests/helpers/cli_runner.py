"""Run the command line in-process with captured output and an optional fake stdin."""

from __future__ import annotations

import io
import subprocess
import sys
import time
from pathlib import Path

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


def wait_for_temporary_file(folder: Path, process: subprocess.Popen[bytes],
                            timeout: float = 60) -> None:
    """Wait until ``process`` has opened its temporary output file in ``folder`` (it must still
    be running then)."""
    deadline = time.monotonic() + timeout
    while not [p for p in folder.iterdir() if p.name.endswith(".tmp")]:
        assert process.poll() is None, "finished before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.01)
