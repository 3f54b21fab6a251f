"""Fault tests keep the system's temporary folder private too (the log writer no longer uses it:
its fallback is the user's state folder, under TIMEKEEPER_HOME here)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faults.helpers import OPEN_SESSIONS, crash


@pytest.fixture(autouse=True)
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tempfile.gettempdir() inside the test's folder: nothing a test does leaks to /tmp."""
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    return system_tmp


@pytest.fixture(autouse=True)
def close_sessions() -> Iterator[None]:
    yield
    while OPEN_SESSIONS:
        crash(OPEN_SESSIONS.pop())
