"""Two screens: the projector window's placement and hot-plug, in their own Qt process.

pytest-qt makes one QApplication per process and the offscreen platform reads its screen
layout once, when that application is created; so the two-screen tests run in a child pytest
with ``QT_QPA_PLATFORM=offscreen:configfile=<two-screens.json>``. The child's module lives
in ``screens_inner/`` under a name the normal collection skips.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, TWO_SCREENS

INNERS = Path(__file__).resolve().parent / "screens_inner"
INNER = INNERS / "projector_two_screens.py"
X11_INNER = INNERS / "projector_x11_hotplug.py"


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


# What the real unplug test runs, and the Debian package that provides it
# (resources/debian-packages.txt, installed by `make test-tools`).
X11_TOOLS = {"Xvfb": "xvfb", "xrandr": "x11-xserver-utils"}


def _xcb_plugin() -> Path:
    from PySide6.QtCore import QLibraryInfo

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    return plugins / "platforms" / "libqxcb.so"


def _x11_missing() -> str | None:
    """Why the real X11 unplug test cannot run here, or None. Each reason names exactly what
    is missing: a tool, or the shared libraries Qt's xcb platform plugin fails to load
    (as the dynamic loader reports them, so no library it needs goes unchecked)."""
    if not sys.platform.startswith("linux"):
        return f"X11 hot-plug runs on Linux only (this is {sys.platform})"
    for tool, package in X11_TOOLS.items():
        if shutil.which(tool) is None:
            return f"{tool} is not installed (Debian package {package})"
    plugin = _xcb_plugin()
    if not plugin.is_file():
        return f"Qt's xcb platform plugin is missing: {plugin}"
    if shutil.which("ldd") is None:
        return "ldd is not installed: cannot check what Qt's xcb plugin needs"
    ldd = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=False)
    unresolved = sorted(
        {line.split()[0] for line in ldd.stdout.splitlines() if "not found" in line}
    )
    if ldd.returncode != 0 or unresolved:
        found = ", ".join(unresolved) or ldd.stderr.strip()
        return f"Qt's xcb platform plugin cannot load: {found} (make test-tools installs them)"
    return None


X11_MISSING = _x11_missing()


@pytest.fixture
def xvfb() -> Iterator[str]:
    """A private X server; ``-noreset`` keeps its RandR monitors between clients."""
    read, write = os.pipe()
    server = subprocess.Popen(
        [*("Xvfb", "-displayfd", str(write), "-screen", "0", "1824x768x24"), "-noreset"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.slow
@pytest.mark.skipif(X11_MISSING is not None, reason=str(X11_MISSING))
def test_projector_follows_a_real_unplug_and_replug_on_x11(xvfb: str) -> None:
    env = dict(os.environ, DISPLAY=xvfb, QT_QPA_PLATFORM="xcb")
    result = subprocess.run(
        [sys.executable, str(X11_INNER)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    steps = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert steps == [
        '{"step": "placed", "screen": "projector", "full": true}',
        '{"step": "unplugged", "screen": "laptop", "full": false}',
        '{"step": "plugged", "screen": "projector", "full": true}',
    ]
