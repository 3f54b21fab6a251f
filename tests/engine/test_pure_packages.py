"""The pure packages never see Qt, even at run time: `check`, `report` and `import` run on a
machine without a display, and the engine is tested without a QApplication. (What each module
imports is held by tests/test_layers.py; this runs the imports for real.)"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_the_engine_the_log_and_the_report_command_load_without_qt() -> None:
    code = (
        "import argparse, sys\n"
        "import app.model, app.engine, app.timing_log.live, app.cli, app.importers\n"
        "import app.engine.cues, app.sound.synth, app.sound.player\n"
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
