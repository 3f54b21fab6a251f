"""The wheel carries the whole app: built from a copy of this checkout, installed into a fresh
virtual environment in a temporary folder, and run from another folder, as a user would.

The copy (not this folder) is built so that nothing left in ``build/`` or the checkout's own
``.qm`` can slip in: the wheel's build step maps ``resources/`` and ``sessions/`` into the
package and compiles the French ``.qm`` itself (setup.py). The dependencies come from pip's
cache, or PyPI when they are not cached; with neither, the test is skipped and says why.
About 15 s on 2 cores with the dependencies cached (wheel 1.5 s, venv and install 10 s, the
four runs 1.2 s).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow

# What a checkout holds that a build must not see (ignored files, tools' caches).
NOT_SOURCE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".*_cache",
    ".hypothesis",
    "*.qm",
    "_data",
    "screenshots",
    "out",
)


def run(
    *cmd: str | Path, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(c) for c in cmd],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def pypi_reachable() -> bool:
    try:
        socket.create_connection(("pypi.org", 443), timeout=5).close()
    except OSError:
        return False
    return True


def bin_of(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / name


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel installed; returns its folder."""
    setuptools = tuple(int(p) for p in version("setuptools").split(".")[:2])
    if setuptools < (77, 0):
        pytest.skip(
            f"setuptools {version('setuptools')} < 77 in this environment: `make` installs it"
        )
    tmp = tmp_path_factory.mktemp("packaging")
    src = tmp / "src"
    shutil.copytree(REPO, src, ignore=NOT_SOURCE)
    built = run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
        "-w", tmp / "wheels", src, cwd=tmp,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = (tmp / "wheels").glob("timekeeper-*.whl")
    venv = tmp / "venv"
    made = run(sys.executable, "-m", "venv", venv, cwd=tmp)
    assert made.returncode == 0, made.stderr
    pip = [bin_of(venv, "python"), "-m", "pip", "install", "--quiet"]
    done = run(*pip, "--no-index", "--find-links", tmp / "wheels", wheel, cwd=tmp)
    if done.returncode != 0:  # the dependencies are not beside the wheel: pip's cache, or PyPI
        done = run(*pip, wheel, cwd=tmp)
    if done.returncode != 0 and not pypi_reachable():
        pytest.skip("PyPI is unreachable and pip's cache lacks the dependencies: " + done.stderr)
    assert done.returncode == 0, done.stdout + done.stderr
    return venv


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """Another folder than the checkout, with a fresh TIMEKEEPER_HOME (conftest's)."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def test_the_installed_version_is_pyprojects(installed: Path, elsewhere: Path) -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    done = run(bin_of(installed, "timekeeper"), "--version", cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"timekeeper {project['version']}"


def test_the_installed_package_reads_its_own_data(installed: Path, elsewhere: Path) -> None:
    code = (
        "import app, app.resources as r; "
        "print(app.__file__); print(r.source()); print(r.default_session()); "
        "print((r.translations_dir() / 'timekeeper_fr.qm').is_file()); "
        "print(r.icon_file().is_file()); print(r.sound_file('cue-zero.wav').is_file())"
    )
    done = run(bin_of(installed, "python"), "-c", code, cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    where, source, seed, qm, icon, sound = done.stdout.split("\n")[:6]
    assert Path(where).is_relative_to(installed), where  # not this checkout
    assert source == "package"
    assert Path(seed).is_relative_to(installed) and Path(seed).is_file()
    assert qm == "True" and icon == "True" and sound == "True"


def test_check_with_no_argument_prints_the_seed_plan(installed: Path, elsewhere: Path) -> None:
    done = run(bin_of(installed, "timekeeper"), "check", "--json", cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    plan = json.loads(done.stdout)
    assert plan["start"] == "16:00" and plan["slot_end"] == "17:30"
    assert [s["planned_s"] for s in plan["segments"]] == [600, 500, 500, 500, 900, 900, 900, 300]


def test_the_window_opens_in_french(installed: Path, elsewhere: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TIMEKEEPER_QUIT_AFTER_PAINT": "1"}
    done = run(bin_of(installed, "timekeeper"), "--lang", "fr", cwd=elsewhere, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(": ", 1) for line in done.stdout.splitlines() if ": " in line)
    assert lines["projector"] == "Timekeeper — Projecteur"
    assert lines["menus"] == "&Fichier | &Réglages | &Minutage | &Aide"
    assert lines["tick"] == ("timerfd" if sys.platform.startswith("linux") else "qtimer")
    assert "translation is missing" not in done.stderr
