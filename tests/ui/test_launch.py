"""Qt that cannot open a window gets one sentence naming the fix, not Qt's abort message."""

from __future__ import annotations

import ctypes.util
import os
import subprocess
import sys

import pytest

from app.ui import launch
from tests.conftest import REPO


def test_no_display_says_how_to_run_without_one() -> None:
    problem = launch.platform_problem({})
    assert problem is not None and "DISPLAY" in problem and "offscreen" in problem


def test_a_missing_xcb_library_names_its_debian_package(monkeypatch: pytest.MonkeyPatch) -> None:
    real = ctypes.util.find_library
    monkeypatch.setattr(
        ctypes.util, "find_library", lambda name: None if name == "xcb-cursor" else real(name)
    )
    problem = launch.platform_problem({"DISPLAY": ":0"})
    assert problem is not None
    assert "libxcb-cursor0" in problem and "apt install libxcb-cursor0" in problem


@pytest.mark.parametrize(
    "env", [{"QT_QPA_PLATFORM": "offscreen"}, {"WAYLAND_DISPLAY": "wayland-0"}]
)
def test_platforms_that_need_no_xcb_are_let_through(env: dict[str, str]) -> None:
    assert launch.platform_problem(env) is None


def test_the_command_exits_2_with_one_line_and_no_traceback(tmp_path: object) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run(
        [sys.executable, "-m", "app"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "DISPLAY" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
