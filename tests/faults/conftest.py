"""Fault tests keep the system's temporary folder (the log writer's fallback) private too."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faults.helpers import OPEN_SESSIONS, crash


@pytest.fixture(autouse=True)
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tempfile.gettempdir() inside the test's folder: the fallback logs land there."""
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    return system_tmp


@pytest.fixture(autouse=True)
def close_sessions() -> Iterator[None]:
    yield
    while OPEN_SESSIONS:
        crash(OPEN_SESSIONS.pop())
