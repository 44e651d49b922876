"""The floor plan holds: packages by concern, imports pointing one way, no private names across
packages, and a public API whose names are what they document whatever was imported first.

Imports are read from the source (``ast``), those inside functions and under ``TYPE_CHECKING``
included, so a cycle cannot hide in a function body.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "translit"
FACADE = {"translit", "translit.__main__"}
"""The public API and the ``python -m`` entry: they stand above every package."""
TOP = "translit"
"""What everything uses: errors, the table layer, caching, build info."""
ORDER = ["schemes", "names", "text", "temporal", "articles", "spark", "cli"]
"""Packages from the bottom up; a package imports only top-level modules and those before it."""


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(module: str) -> list[tuple[str, str]]:
    """(module imported, name imported or "") for every import of translit in ``module``."""
    found: list[tuple[str, str]] = []
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(TOP):
            for alias in node.names:
                inner = f"{node.module}.{alias.name}"
                found.append((inner, "") if inner in MODULES else (node.module, alias.name))
        elif isinstance(node, ast.Import):
            found.extend((a.name, "") for a in node.names if a.name.startswith(TOP))
    return [(m, n) for m, n in found if m in MODULES and m != module]


def _package(module: str) -> str:
    """``schemes``, ``names``, … for a module of a package; ``top`` for a top-level module."""
    if module in FACADE:
        return "facade"
    parts = module.split(".")
    return parts[1] if (PACKAGE / parts[1]).is_dir() else "top"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_tests_see_every_module() -> None:
    assert {"translit.table_layer", "translit.schemes.registry", "translit.text.finder",
            "translit.temporal.rules.dates", "translit.cli.main"} <= set(MODULES)
    assert _cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]


def test_no_import_cycle_between_modules() -> None:
    graph = {module: {m for m, _ in _imports(module)} for module in MODULES}
    assert _cycles(graph) == []


def test_packages_import_downward_only() -> None:
    rank = {name: index for index, name in enumerate(ORDER)}
    wrong = []
    for module in MODULES:
        source = _package(module)
        for imported, _ in _imports(module):
            target = _package(imported)
            if source in ("facade", target) or target == "top":
                continue
            if source == "top" or target == "facade" or rank[target] >= rank[source]:
                wrong.append(f"{module} -> {imported}")
    assert wrong == []


def test_no_private_name_crosses_a_package() -> None:
    crossing = [f"{module} -> {imported}.{name}" for module in MODULES
                for imported, name in _imports(module)
                if name.startswith("_") and _package(imported) != _package(module)]
    assert crossing == []


def test_flat_modules_are_only_what_everything_uses() -> None:
    flat = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert flat == ["__init__.py", "__main__.py", "buildinfo.py", "caching.py", "errors.py",
                    "table_layer.py"]
    assert sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__") \
        == sorted(ORDER)


PROBE = """
import importlib, json, pkgutil, sys
import translit
if sys.argv[1] == "after":
    for info in pkgutil.walk_packages(translit.__path__, "translit."):
        if info.name != "translit.__main__":
            importlib.import_module(info.name)
first = {name: getattr(translit, name) for name in translit.__all__}
out = {}
for name, value in first.items():
    kind = type(value).__name__
    out[name] = [kind, getattr(value, "__module__", ""), getattr(value, "__name__", "")]
print(json.dumps(out))
"""


def public_names(python: list[str], order: str, cwd: Path, env: dict[str, str] | None = None
                 ) -> dict[str, list[str]]:
    """What each name of ``translit.__all__`` is (type, module, name) in a fresh ``python``,
    ``before`` or ``after`` every submodule of translit has been imported."""
    result = subprocess.run([*python, "-c", PROBE, order], cwd=cwd, capture_output=True,
                            text=True, check=True, env=env)
    found: dict[str, list[str]] = json.loads(result.stdout)
    return found


def check_public_names(found: dict[str, list[str]]) -> None:
    """Every public name is a function or class of that name (compiled ones included)."""
    assert [name for name, (kind, _, _) in found.items() if kind == "module"] == []
    for name, (kind, _, qualname) in found.items():
        if name != "__version__":
            assert kind in ("function", "builtin_function_or_method", "type") \
                or kind.endswith("Meta"), (name, kind)
            assert qualname == name, name


@pytest.mark.parametrize("order", ["before", "after"])
def test_public_names_hold_whatever_was_imported(order: str) -> None:
    """Each name of ``translit.__all__`` is the function or class it documents, before and after
    every submodule has been imported (a submodule named like a function used to replace it)."""
    check_public_names(public_names([sys.executable], order, ROOT))
