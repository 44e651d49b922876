"""Wheel build hook: compile translit's hot modules with mypyc, or ship pure Python.

The modules of the folders named by ``compile`` in
``[tool.hatch.build.targets.wheel.hooks.custom]`` are compiled to C extensions (which Python
imports instead of the ``.py`` files next to them).
The ``.py`` sources stay in the wheel, so nothing changes for the reader of a traceback, and
the package works the same either way: the test suite runs the sources, and
``tests/project/test_wheel.py`` checks the compiled wheel against them.

Set ``TRANSLIT_PURE_PYTHON=1`` to build a pure-Python wheel. Without a C compiler, or if
compiling fails for any other reason, the build says so on stderr and ships pure Python.
Editable installs are never compiled (the sources are what you edit).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# Run in a child process: a crash or a missing compiler cannot take the build down with it.
_COMPILE = """
import os, sys
from setuptools import Distribution
from mypyc.build import mypycify
build_lib, build_temp, opt_level, *paths = sys.argv[1:]
dist = Distribution({"name": "translit",
                     "ext_modules": mypycify(paths, opt_level=opt_level, target_dir=build_temp)})
command = dist.get_command_obj("build_ext")
command.build_lib, command.build_temp = build_lib, build_temp
command.parallel = os.cpu_count() or 1
dist.run_command("build_ext")
"""


class MypycBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compiles the configured modules into the wheel (see the module docstring)."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        if os.environ.get("TRANSLIT_PURE_PYTHON", "") not in ("", "0"):
            self.app.display_info("translit: TRANSLIT_PURE_PYTHON is set, building pure Python")
            return
        paths = self._sources()
        out = self._out = Path(tempfile.mkdtemp(prefix="translit-mypyc-"))
        build_lib, build_temp = out / "lib", out / "temp"
        self.app.display_info(f"translit: compiling {len(paths)} modules with mypyc")
        result = subprocess.run(
            [sys.executable, "-c", _COMPILE, str(build_lib), str(build_temp),
             str(self.config.get("opt-level", "3")), *paths],
            cwd=self.root, capture_output=True, text=True, check=False)
        built = sorted(build_lib.rglob("*.so")) + sorted(build_lib.rglob("*.pyd"))
        if result.returncode != 0 or not built:
            tail = (result.stderr or result.stdout).strip().splitlines()[-3:]
            print("translit: mypyc compilation failed, building pure Python instead: "
                  + " | ".join(tail), file=sys.stderr)
            return
        for path in built:
            build_data["force_include"][str(path)] = path.relative_to(build_lib).as_posix()
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        out = getattr(self, "_out", None)
        if out is not None:
            shutil.rmtree(out, ignore_errors=True)

    def _sources(self) -> list[str]:
        """Every module of the configured folders (relative to the project), recursively, but
        for package ``__init__`` files."""
        root = Path(self.root)
        found: list[str] = []
        for folder in self.config.get("compile", []):
            for path in sorted((root / folder).rglob("*.py")):
                name = path.relative_to(root).as_posix()
                if path.name != "__init__.py" and name not in found:
                    found.append(name)
        return found
