"""The tokens: in the settings file only (0600), printed once on the one stdout line, never
in the timing log, a report or stderr; the remote's source shown in the replay's words."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from app.engine.events import Next, SetMessage
from app.remote.tokens import Tokens
from app.ui.replay import event_text
from tests.conftest import SEED


@pytest.mark.slow
def test_serve_prints_one_line_and_the_tokens_go_nowhere_else(
    tmp_path: Path, timekeeper_home: Path
) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TIMEKEEPER_QUIT_AFTER_PAINT": "1",
        "TIMEKEEPER_HOME": str(timekeeper_home),
    }
    run = subprocess.run(
        [sys.executable, "-m", "app", str(SEED), "--serve", "--port", "0", "--osc-port", "0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    remote_lines = [line for line in run.stdout.splitlines() if line.startswith("remote:")]
    assert len(remote_lines) == 1
    line = remote_lines[0]
    settings_files = list(timekeeper_home.rglob("settings.toml"))
    assert len(settings_files) == 1
    settings = settings_files[0]
    assert stat.S_IMODE(settings.stat().st_mode) == 0o600
    data = tomllib.loads(settings.read_text())
    view, control = data["remote_view_token"], data["remote_control_token"]
    assert line.startswith("remote: viewer http://127.0.0.1:")
    assert line.endswith(f"/control#token={control}")
    assert f"/view#token={view} control " in line
    assert run.stdout.count(view) == 1 and run.stdout.count(control) == 1
    assert view not in run.stderr and control not in run.stderr
    logs = [p for p in timekeeper_home.rglob("*.jsonl")]
    assert logs
    for log in logs:
        text = log.read_text()
        assert view not in text and control not in text
        report = subprocess.run(
            [sys.executable, "-m", "app", "report", str(log), "--format", "json"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        assert view not in report.stdout and control not in report.stdout


def test_tokens_are_long_random_and_never_shown_by_repr() -> None:
    a, b = Tokens.generate(), Tokens.generate()
    assert len({a.view, a.control, b.view, b.control}) == 4
    assert all(len(t) >= 32 for t in (a.view, a.control))
    assert a.view not in repr(a) and a.control not in str(a)
    assert a.role_of(a.view) == "view" and a.role_of(a.control) == "control"
    assert a.role_of(b.control) is None and a.role_of("") is None and a.role_of(None) is None


def test_the_replay_names_a_remote_source() -> None:
    assert event_text(Next(1.0)) == "Next segment"
    assert event_text(Next(1.0, source="osc")) == "Next segment (remote: osc)"
    assert event_text(SetMessage(1.0, "Merci", source="http")) == ("Message «Merci» (remote: http)")
