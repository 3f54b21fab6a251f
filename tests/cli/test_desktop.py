"""`timekeeper install-desktop [--remove]`: the launcher's Exec line follows the install kind
(bundle, pipx, venv, bare interpreter), and the real command writes and removes both files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from app.cli import desktop
from tests.cli.helpers import COMMAND, timekeeper


def test_a_bundle_starts_its_own_executable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    exe = tmp_path / "dist" / "timekeeper" / "timekeeper"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    assert desktop.current_launcher() == desktop.Launcher("bundle", (str(exe),))


def fake_env(tmp_path: Path, prefix: Path) -> Path:
    script = prefix / "bin" / "timekeeper"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    return script


def test_a_venv_starts_its_console_script(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    prefix = tmp_path / "my venv"
    script = fake_env(tmp_path, prefix)
    monkeypatch.setattr(sys, "prefix", str(prefix))
    monkeypatch.setattr(sys, "base_prefix", "/usr")
    launcher = desktop.current_launcher()
    assert launcher == desktop.Launcher("venv", (str(script),))
    entry = desktop.desktop_entry("[Desktop Entry]\nExec=timekeeper %f\nName=T\n", launcher)
    assert f'Exec="{script}" %f' in entry.splitlines()  # a space: quoted, as the spec asks
    assert f"TryExec={script}" in entry.splitlines()


def test_pipx_starts_the_command_it_put_on_the_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    prefix = tmp_path / ".local" / "share" / "pipx" / "venvs" / "timekeeper"
    script = fake_env(tmp_path, prefix)
    bin_dir = tmp_path / ".local" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "timekeeper").symlink_to(script)
    monkeypatch.setattr(sys, "prefix", str(prefix))
    monkeypatch.setattr(sys, "base_prefix", "/usr")
    launcher = desktop.current_launcher({"PIPX_BIN_DIR": str(bin_dir)})
    assert launcher == desktop.Launcher("pipx", (str(bin_dir / "timekeeper"),))
    # Not exposed (or another install's link): pipx's own environment.
    alone = desktop.current_launcher({"PIPX_BIN_DIR": str(tmp_path / "elsewhere")})
    assert alone == desktop.Launcher("pipx", (str(script),))


def test_without_a_console_script_python_runs_the_package(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "bare"))
    launcher = desktop.current_launcher()
    assert launcher == desktop.Launcher("python", (sys.executable, "-m", "app"))


@pytest.mark.parametrize(
    ("arg", "quoted"),
    [
        ("/opt/tk/timekeeper", "/opt/tk/timekeeper"),
        ("/home/a b/timekeeper", '"/home/a b/timekeeper"'),
        ('/x/"q"$', '"/x/\\\\"q\\\\"\\\\$"'),
        ("/x/100%", "/x/100%%"),
    ],
)
def test_exec_arguments_are_quoted_by_the_desktop_entry_rules(arg: str, quoted: str) -> None:
    assert desktop.exec_quote(arg) == quoted


@pytest.mark.slow
def test_the_command_installs_and_removes_the_launcher(tmp_path: Path) -> None:
    data = tmp_path / "xdg-data"
    env = {**os.environ, "XDG_DATA_HOME": str(data)}
    done = timekeeper("install-desktop", env=env)
    assert done.returncode == 0, done.stderr.decode()
    entry = data / "applications" / "timekeeper.desktop"
    icon = data / "icons" / "hicolor" / "scalable" / "apps" / "timekeeper.svg"
    lines = entry.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]" and "Icon=timekeeper" in lines
    assert f"Exec={COMMAND[0]}" in " ".join(lines)  # this checkout's .venv (or python -m app)
    assert icon.read_bytes().lstrip().startswith((b"<svg", b"<?xml"))
    assert timekeeper("install-desktop", env=env).returncode == 0  # again: replaces its own
    done = timekeeper("install-desktop", "--remove", env=env)
    assert done.returncode == 0, done.stderr.decode()
    assert not entry.exists() and not icon.exists()
    assert b"removed" in done.stdout
