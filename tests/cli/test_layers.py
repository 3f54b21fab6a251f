"""app.cli sits on top: it imports the UI and the domain packages, none of them imports it.

The CLI once lent its error type and exit codes to app/importers/commands.py, which imported
app.cli while app.cli imported it; the walk below catches any such import again.
"""

from __future__ import annotations

import ast

from tests.conftest import REPO

APP = REPO / "app"


def cli_imports(source: str, name: str) -> list[str]:
    """``name:line`` of every import of app.cli (any form) in ``source``."""
    hits = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module]
            if node.module == "app":
                modules += [f"app.{alias.name}" for alias in node.names]
        else:
            continue
        if any(m == "app.cli" or m.startswith("app.cli.") for m in modules):
            hits.append(f"{name}:{node.lineno}")
    return hits


def test_nothing_below_the_cli_imports_it() -> None:
    files = [
        f
        for f in sorted(APP.rglob("*.py"))
        if f.relative_to(APP).parts[0] != "cli" and f.name != "__main__.py"
    ]
    assert len(files) > 40  # the walk did find the packages
    offending = [
        hit
        for f in files
        for hit in cli_imports(f.read_text(encoding="utf-8"), str(f.relative_to(REPO)))
    ]
    assert offending == []


def test_the_walk_sees_every_way_of_importing_the_cli() -> None:
    source = (
        "import app.cli\n"
        "from app.cli.errors import BadInput\n"
        "def late():\n"
        "    from app import cli\n"
        "from app import clipboard, model\n"  # other modules: not the CLI
        "import app.client\n"
    )
    assert [hit.split(":")[1] for hit in cli_imports(source, "probe.py")] == ["1", "2", "4"]
