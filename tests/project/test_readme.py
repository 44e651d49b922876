"""Every code example in README.md runs, and shows what it says.

- ``python`` blocks run statement by statement in one namespace; an expression followed by a
  value comment (``# 'Julija Peressild'``, on its line or the next) must give that value (its
  ``repr``, with ``...`` matching anything, as in doctests). Prose comments are left alone.
- ``console`` blocks run each ``$`` command (pipes included) through the shell, with
  ``translit`` meaning this checkout's sources, and compare what it prints with the lines
  under it (``...`` again matches anything). ``pip install`` lines are the Quick start,
  which CI runs itself.

Commands run in a folder that holds ``samples/`` and ``tables/`` of this checkout and the
README's own user table ``my-tables/de-press.toml``, written from its ``toml`` block.
"""

from __future__ import annotations

import ast
import doctest
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^( *)```(\w+)\n(.*?)^\1```$", re.M | re.S)
VALUE = re.compile(r"""^\s*#\s*(?P<value>['"\[{(\d-]|True\b|False\b|None\b).*$""")
CHECKER = doctest.OutputChecker()


def _blocks(language: str) -> list[str]:
    return [_dedent(indent, body) for indent, lang, body in FENCE.findall(README)
            if lang == language]


def _dedent(indent: str, body: str) -> str:
    return "".join(line[len(indent):] if line.startswith(indent) else line
                   for line in body.splitlines(keepends=True))


def _matches(expected: str, got: str) -> bool:
    return CHECKER.check_output(expected.strip() + "\n", got.strip() + "\n", doctest.ELLIPSIS)


@pytest.fixture()
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "samples").symlink_to(ROOT / "samples")
    (tmp_path / "tables").symlink_to(ROOT / "tables")
    table = _blocks("toml")[0]
    name = re.match(r"# (\S+)\n", table)
    assert name is not None, "the README's user table names its file in its first line"
    path = tmp_path / name.group(1)
    path.parent.mkdir(parents=True)
    path.write_text(table, encoding="utf-8")
    return tmp_path


def _checks(block: str) -> list[tuple[ast.stmt, str | None]]:
    """Each statement of ``block`` with the value comment that follows it, if any."""
    lines = block.splitlines()
    tree = ast.parse(block)
    out: list[tuple[ast.stmt, str | None]] = []
    for statement in tree.body:
        end = statement.end_lineno or statement.lineno
        comment = None
        own = lines[end - 1]
        inline = own.split("#", 1)[1] if "#" in own and not own.lstrip().startswith("#") else ""
        after = lines[end] if end < len(lines) else ""
        for candidate in (f"#{inline}" if inline else "", after):
            found = VALUE.match(candidate)
            if found is not None and isinstance(statement, ast.Expr):
                comment = candidate.split("#", 1)[1].strip()
                break
        out.append((statement, comment))
    return out


def test_readme_has_examples() -> None:
    python = _blocks("python")
    assert python and sum(c is not None for b in python for _, c in _checks(b)) >= 8
    assert sum(line.startswith("$ ") for b in _blocks("console") for line in b.splitlines()) >= 15


def test_value_comments_are_checked() -> None:
    """The checker itself: a wrong value comment fails, an ellipsis matches."""
    (statement, comment), = _checks("len('abc')   # 3\n")
    assert comment == "3" and isinstance(statement, ast.Expr)
    assert _matches("[{'kind': 'date', ...}]", "[{'kind': 'date', 'start': 3}]")
    assert not _matches("'Julija'", "'Julia'")
    assert _checks("x = 1  # 1\n")[0][1] is None  # an assignment shows no value


@pytest.mark.parametrize("index", range(len(_blocks("python"))))
def test_python_examples(index: int, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workdir)
    namespace: dict[str, object] = {}
    for statement, comment in _checks(_blocks("python")[index]):
        code = ast.Module(body=[statement], type_ignores=[])
        if comment is None:
            exec(compile(code, "README.md", "exec"), namespace)
            continue
        assert isinstance(statement, ast.Expr)
        value = eval(compile(ast.Expression(statement.value), "README.md", "eval"), namespace)
        assert _matches(comment, repr(value)), f"{ast.unparse(statement)}: {value!r}"


def _commands() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for block in _blocks("console"):
        command: str | None = None
        output: list[str] = []
        for line in [*block.splitlines(), "$ "]:
            if line.startswith("$ ") or line == "$":
                if command is not None and not command.startswith("pip "):
                    found.append((command, "\n".join(output)))
                command, output = line[2:], []
            else:
                output.append(line)
    return [(c, o) for c, o in found if c]


def _shell(command: str) -> str:
    """``command`` with ``translit`` run from this checkout's sources by this Python."""
    runner = f"{shlex.quote(sys.executable)} -m translit"
    return re.sub(r"(^|\|\s*)translit\b", lambda m: m.group(1) + runner, command)


@pytest.mark.parametrize(("command", "expected"), _commands(),
                         ids=[c[:60] for c, _ in _commands()])
def test_console_examples(command: str, expected: str, workdir: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TRANSLIT_TABLES": ""}
    result = subprocess.run(_shell(command), shell=True, cwd=workdir, env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert _matches(expected, result.stdout), result.stdout
