"""Two screens: the projector window's placement and hot-plug, in their own Qt process.

pytest-qt makes one QApplication per process and the offscreen platform reads its screen
layout once, when that application is created; so the two-screen tests run in a child pytest
with ``QT_QPA_PLATFORM=offscreen:configfile=<two-screens.json>``. The child's module lives
in ``screens_inner/`` under a name the normal collection skips.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, TWO_SCREENS

INNER = Path(__file__).resolve().parent / "screens_inner" / "projector_two_screens.py"


@pytest.mark.slow
def test_projector_placement_on_two_screens() -> None:
    assert TWO_SCREENS.is_file(), f"missing {TWO_SCREENS}"
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={TWO_SCREENS.resolve()}"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(INNER)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert " passed" in result.stdout and "skipped" not in result.stdout, result.stdout
