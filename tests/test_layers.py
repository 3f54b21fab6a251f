"""The layers of ARCHITECTURE.md, held: every module's imports (at module level and inside
functions, however written) against the one-way rule, and no import cycle between modules.

    model <- engine <- timing_log <- reports <- ui / cli;   importers -> model only

The engine's transition rules (``app.engine._state``) are private to the engine. The pure
packages (model, engine, timing_log, importers, reports but reports.qt) never see Qt;
``app.reports.qt`` paints with QtGui only (no widgets); ``app.i18n`` (QtCore) serves the
windows and the Qt report formats. ``app`` (the version), ``app.paths`` (user folders) and
``app.files`` (the one safe way to write a file) are below everything. The ruff.toml in each
package says the same to ruff at lint time.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

APP = REPO / "app"
QT = ("PySide6", "shiboken6")
BASE = frozenset({"app", "app.paths", "app.resources", "app.files", "app.inputs"})

# For each layer (a package, or a module of its own), the app layers it may import.
ALLOWED: dict[str, frozenset[str]] = {
    "app.model": frozenset(),
    "app.engine": frozenset({"app.model"}),
    "app.timing_log": frozenset({"app.model", "app.engine"}),
    "app.importers": frozenset({"app.model"}),
    "app.reports": frozenset({"app.model", "app.engine", "app.timing_log"}),
    "app.reports.qt": frozenset(
        {"app.model", "app.engine", "app.timing_log", "app.reports", "app.i18n"}
    ),
    "app.i18n": frozenset(),
    "app.sound": frozenset({"app.model", "app.engine"}),  # the cues' synthesis and player
    # The remote server: beside the windows, no Qt (its Qt side is app/ui/remote_bridge.py).
    "app.remote": frozenset({"app.model", "app.engine", "app.timing_log", "app.reports"}),
    "app.ui": frozenset(
        {"app.model", "app.engine", "app.timing_log", "app.reports", "app.reports.qt", "app.i18n"}
        | {"app.importers", "app.sound", "app.remote"}
    ),
    "app.cli": frozenset(
        {"app.model", "app.engine", "app.timing_log", "app.reports", "app.reports.qt"}
        | {"app.i18n", "app.importers", "app.ui", "app.sound", "app.remote"}
    ),
    "app.__main__": frozenset({"app.cli"}),  # `python -m app`
}
QT_ALLOWED = {
    "app.reports.qt": ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtSvg"),
    "app.i18n": ("PySide6.QtCore",),
    "app.ui": QT,
    "app.cli": QT,
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> str:
    """The longest layer name that contains ``module`` (app.reports.qt before app.reports)."""
    best = ""
    for layer in (*ALLOWED, *BASE):
        if (module == layer or module.startswith(layer + ".")) and len(layer) > len(best):
            best = layer
    return best


def imports_of(source: str, module: str) -> Iterator[tuple[int, str, bool]]:
    """(line, imported module, at module level) for every import in ``source``."""
    tree = ast.parse(source)
    top = {id(node) for node in tree.body}
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this module's package
                base = module.split(".")[: -node.level]
                names = [".".join([*base, node.module] if node.module else base)]
            elif node.module:
                names = [node.module]
                if node.module == "app":  # from app import engine: the submodule
                    names += [f"app.{alias.name}" for alias in node.names]
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
        for name in names:
            yield node.lineno, name, id(node) in top


def violations(source: str, module: str) -> list[str]:
    """Each import of ``module``'s source that breaks the layers, as ``line: why``."""
    layer = layer_of(module)
    out = []
    for line, name, _ in imports_of(source, module):
        root = name.split(".")[0]
        if root in QT:
            allowed = QT_ALLOWED.get(layer, ())
            if not any(name == q or name.startswith(q + ".") for q in allowed):
                out.append(f"{line}: {name} (no Qt in {layer or module})")
            continue
        if root != "app":
            continue
        if name.startswith("app.engine._") and layer != "app.engine":
            out.append(f"{line}: {name} (the engine's private modules)")
            continue
        target = layer_of(name)
        if target in BASE or target == layer:
            continue
        if target not in ALLOWED.get(layer, frozenset()):
            out.append(f"{line}: {name} ({layer} may not import {target})")
    return out


def app_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(APP.rglob("*.py"))}


def test_every_module_keeps_to_its_layer() -> None:
    modules = app_modules()
    assert len(modules) > 60 and all(layer_of(m) for m in modules)  # every module has a layer
    bad = [
        f"{modules[m].relative_to(REPO)}:{hit}"
        for m in modules
        for hit in violations(modules[m].read_text(encoding="utf-8"), m)
    ]
    assert bad == []


def test_no_import_cycle_between_modules() -> None:
    """Module-level imports form no cycle (an import inside a function, made when it runs,
    is how a module defers a heavy or optional dependency: not a cycle at import time)."""
    modules = app_modules()
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for m, path in modules.items():
        for _, name, top in imports_of(path.read_text(encoding="utf-8"), m):
            while name and name not in modules:  # from app.engine.x import y: app.engine.x
                name = name.rpartition(".")[0]
            if top and name and name != m and not m.startswith(name + "."):
                graph[m].add(name)
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    assert cycles == []


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        ("app.ui.x", "from app.engine._state import State\n", ["1: app.engine._state"]),
        (
            "app.engine.x",
            "def f():\n    from PySide6.QtCore import QObject\n",
            ["2: PySide6.QtCore"],
        ),
        ("app.importers.x", "import app.engine.events\n", ["1: app.engine.events"]),
        ("app.timing_log.x", "from app import reports\n", ["1: app.reports"]),
        ("app.reports.model", "from PySide6 import QtGui\n", ["1: PySide6"]),
        ("app.reports.qt.x", "from PySide6.QtWidgets import QWidget\n", ["1: PySide6.QtWidgets"]),
        ("app.reports.qt.x", "__import__('app.ui.chart')\n", ["1: app.ui.chart"]),
        ("app.model.x", "import importlib\nimportlib.import_module('app.cli')\n", ["2: app.cli"]),
        ("app.ui.x", "from app import cli\n", ["1: app.cli"]),  # nothing below the CLI
        ("app.importers.x", "from app.cli.errors import BadInput\n", ["1: app.cli.errors"]),
        ("app.engine.x", "import shiboken6\n", ["1: shiboken6"]),
        ("app.remote.x", "from PySide6.QtCore import QObject\n", ["1: PySide6.QtCore"]),
        ("app.remote.x", "from app.ui import controller\n", ["1: app.ui"]),
        ("app.ui.x", "from app.engine import Timeline\nimport app.paths\n", []),
        ("app.reports.qt.x", "from PySide6.QtGui import QPainter\n", []),
    ],
)
def test_the_walk_catches_each_kind_of_forbidden_import(
    module: str, source: str, expected: list[str]
) -> None:
    found = [hit.split(" (")[0] for hit in violations(source, module)]
    assert found == expected
