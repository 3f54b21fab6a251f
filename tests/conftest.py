"""Shared test set-up: a private TIMEKEEPER_HOME per test and Qt offscreen.

Qt's platform is chosen before any QApplication exists; `make test` sets it too, this is for
a bare `pytest` run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "sessions" / "aict-2020-atelier-developpement-economique.toml"
# Copies of ../shared/programme/ (the seed workshop as it arrived, as text) and of
# ../shared/qt/two-screens.json (a laptop and a 1920x1080 projector for Qt's offscreen
# platform): a clone tests on its own, without the shared folder beside it.
DATA = REPO / "tests" / "data"
PROGRAMME = DATA / "aict-2020-atelier-developpement-economique.txt"
TWO_SCREENS = DATA / "two-screens.json"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def timekeeper_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own settings and logs folder; nothing touches the user's."""
    home = tmp_path / "tk-home"
    monkeypatch.setenv("TIMEKEEPER_HOME", str(home))
    return home


@pytest.fixture
def seed_path() -> Path:
    return SEED
