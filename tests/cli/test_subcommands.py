"""The command's surface: every subcommand a module registers is listed by `--help`, and what
is not a command (a mistyped name, a missing file, a bad option) ends with exit 2 and one line.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from app.cli.entry import build_parser, subcommand_names
from tests.cli.helpers import assert_bad_input, timekeeper

pytestmark = pytest.mark.slow

# ARCHITECTURE.md §5: what the README and the scripts rely on; a module left out of COMMAND_MODULES
# would drop its subcommand from the parser without any other test noticing.
DOCUMENTED = {
    "check",
    "schema",
    "import",
    "export",
    "report",
    "replay",
    "install-desktop",
    "edit",
}


def test_every_registered_subcommand_is_listed_by_help() -> None:
    names = subcommand_names(build_parser())
    assert set(names) >= DOCUMENTED
    done = timekeeper("--help")
    assert done.returncode == 0
    listed = re.findall(r"^    ([\w-]+)\s+\S", done.stdout.decode(), re.MULTILINE)
    assert listed == list(names)


def test_a_mistyped_subcommand_names_the_real_ones(tmp_path: Path) -> None:
    done = timekeeper("repot", tmp_path / "session.jsonl")
    err = assert_bad_input(done, "repot", "neither a subcommand", "nor a running order")
    for name in subcommand_names(build_parser()):
        assert name in err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("check", "gone.toml"), ("gone.toml", "no such file")),
        (("export", "gone.toml"), ("gone.toml", "no such file")),
        (("import", "gone.txt"), ("gone.txt",)),
        (("report", "gone.jsonl"), ("gone.jsonl",)),
        (("report",), ("required: log", "see timekeeper report --help")),
        (("report", "x.jsonl", "--format", "docx"), ("invalid choice: 'docx'",)),
        (("--bogus",), ("unrecognized arguments: --bogus",)),
    ],
)
def test_bad_input_is_exit_2_and_one_line(
    tmp_path: Path, args: tuple[str, ...], words: tuple[str, ...]
) -> None:
    in_tmp = [str(tmp_path / a) if a.startswith("gone") else a for a in args]
    assert_bad_input(timekeeper(*in_tmp), *words)


def test_the_window_on_a_missing_running_order_is_bad_input(tmp_path: Path) -> None:
    """The moderator's window cannot open a file that is not there, and no log holds its plan:
    the UI raises, and the command line says so in one line."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    missing = tmp_path / "atelier.toml"
    assert_bad_input(timekeeper(missing, env=env), str(missing), "no such file")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display check is Linux's")
def test_the_window_without_a_display_is_bad_input(seed_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env["WAYLAND_DISPLAY"] = ""
    assert_bad_input(timekeeper(seed_path, env=env), "no display found", "QT_QPA_PLATFORM")


def test_the_format_names_the_parser_offers_are_the_readers_and_writers_own() -> None:
    """The parser names them without loading the importers and the reports (start-up)."""
    from app.cli import import_export, report
    from app.importers.api import FORMATS as READ
    from app.reports.formats import FORMATS as WRITTEN

    assert import_export.FORMATS == READ and report.FORMATS == WRITTEN


def test_the_moderator_window_starts_without_the_importers_and_the_reports() -> None:
    import subprocess
    import sys

    code = (
        "import sys, app.cli.entry, app.ui.application; "
        "print(sorted(m for m in sys.modules if m.startswith(('app.importers.', 'app.reports'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_command_line_starts_without_the_layers_below_it() -> None:
    """`timekeeper --version` and the parser load none of the model, engine, log, UI or
    pydantic (each handler loads what it needs), and the version is read only when asked:
    start-up costs what it cost before the cli package (tests/bench/compare.py measures it)."""
    import subprocess

    below = ("app.model", "app.engine", "app.timing_log", "app.ui", "app.reports", "app.files")
    below += ("app.importers", "pydantic", "importlib.metadata", "subprocess", "PySide6")
    code = (
        "import sys, app.cli; from app.cli.entry import build_parser; build_parser(); "
        f"print(sorted(m for m in sys.modules if m.startswith({below!r})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    from importlib.metadata import version

    done = timekeeper("--version")
    assert done.returncode == 0 and done.stderr == b""
    assert done.stdout.decode().strip() == f"timekeeper {version('timekeeper')}"
