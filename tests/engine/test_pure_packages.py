"""The pure packages never see Qt (ARCHITECTURE.md §2): `check`, `report` and `import` run on a
machine without a display, and the engine is tested without a QApplication."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import REPO

PURE = ("app/model", "app/engine", "app/timing_log", "app/importers")
QT = ("PySide6", "shiboken6")


def _qt_imports(source: str, name: str) -> list[str]:
    """``name:line: module`` for each import of Qt in ``source``, however it is written."""
    found = []
    tree = ast.parse(source, filename=name)
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and (
                (isinstance(node.func, ast.Name) and node.func.id == "__import__")
                or (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
            )
        ):
            names = [node.args[0].value]
        for module in names:
            if module.split(".")[0] in QT:
                found.append(f"{name}:{node.lineno}: {module}")
    return found


def test_no_pure_package_imports_qt() -> None:
    files = [f for package in PURE for f in sorted((REPO / package).rglob("*.py"))]
    assert len(files) > 20  # the walk did find the packages
    offending = [
        hit
        for f in files
        for hit in _qt_imports(f.read_text(encoding="utf-8"), str(f.relative_to(REPO)))
    ]
    assert offending == []


def test_the_walk_sees_every_way_of_importing_qt() -> None:
    source = (
        "import PySide6.QtCore\n"
        "from shiboken6 import isValid\n"
        "def late():\n"
        "    from PySide6 import QtGui\n"
        "importlib.import_module('PySide6.QtGui')\n"
        "__import__('shiboken6')\n"
        "import PySide6x, json\n"  # a different package: not Qt
    )
    assert [hit.split(":")[1] for hit in _qt_imports(source, "probe.py")] == [
        "1", "2", "4", "5", "6"
    ]  # fmt: skip


def test_the_engine_the_log_and_the_report_command_load_without_qt() -> None:
    code = (
        "import argparse, sys\n"
        "import app.model, app.engine, app.timing_log.live, app.cli\n"
        "import app.reports.model, app.reports.formats, app.reports.summary\n"
        "from app.cli.entry import build_parser\n"
        "build_parser().parse_args(['report', 'x.jsonl', '--format', 'pdf'])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(bad)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
