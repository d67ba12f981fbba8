"""studyapp.core never loads Qt: checked by importing all of it in a clean interpreter."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]

IMPORT_ALL_OF_CORE = """
import importlib, pkgutil, sys
import studyapp.core as core

# env.py only runs inside Alembic (it needs Alembic's migration context).
SKIP = {"studyapp.core.migrations.env"}
names = [info.name for info in pkgutil.walk_packages(core.__path__, "studyapp.core.")]
for name in names:
    if name not in SKIP:
        importlib.import_module(name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt6"))
print(len(names), " ".join(qt))
"""


def test_importing_all_of_core_loads_no_qt():
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL_OF_CORE],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    count, _, qt_modules = result.stdout.strip().partition(" ")
    assert int(count) >= 10, result.stdout  # the walk really found the package
    assert qt_modules == "", f"studyapp.core imported Qt: {qt_modules}"


def _lint_imports() -> str | None:
    beside_python = Path(sys.executable).with_name("lint-imports")
    if beside_python.exists():
        return str(beside_python)
    return shutil.which("lint-imports")


def test_import_linter_contracts_hold():
    command = _lint_imports()
    if command is None:
        pytest.skip("import-linter is not installed")
    result = subprocess.run(
        [command, "--no-cache"], capture_output=True, text=True, timeout=300, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
