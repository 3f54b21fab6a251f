"""The speaker view's sound cues, server side: the STATE's ``cue`` is the engine's decision
(app/engine/cues.py) over the snapshots the bridge pushes, one per crossing with an id a page
plays once; the WAV files are served under /static/ with a CSP that lets media in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.resources import sounds_dir
from tests.remote.helpers import Remote, remote_window
from tests.ui.test_cues import run


@pytest.fixture
def remote(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> Iterator[Remote]:
    yield from remote_window(qtbot, tmp_path, seed_path)


def state(remote: Remote) -> dict[str, Any]:
    status, body = remote.http("GET", "/api/v1/state", token=remote.view_token)
    assert status == 200
    return body  # type: ignore[no-any-return]


def cue_of(remote: Remote) -> tuple[int, str, int] | None:
    cue = state(remote)["cue"]
    return None if cue is None else (cue["id"], cue["name"], cue["segment"])


@pytest.mark.slow
def test_the_state_carries_each_cue_once_with_a_new_id(remote: Remote) -> None:
    h = remote.harness
    assert h.controller.bell is None  # the app's own cues are off: the pages' are not
    assert cue_of(remote) is None
    h.controller.toggle()
    run(h, 470)  # 02:10 left in the opening (10')
    assert cue_of(remote) is None
    run(h, 11)  # 01:59: the warning
    first = state(remote)["cue"]
    assert (first["id"], first["name"], first["segment"]) == (1, "warning", 0)
    assert abs(first["at"] - state(remote)["server_time"]) < 60
    run(h, 20)
    assert cue_of(remote) == (1, "warning", 0)  # it stays, same id: a page plays it once
    h.controller.adjust(60)  # back over the threshold ...
    run(h, 5)
    h.controller.adjust(-60)  # ... and forward again: no new cue
    h.controller.undo()
    h.controller.adjust(-60)
    assert cue_of(remote) == (1, "warning", 0)
    run(h, 70)  # 00:24: past the final threshold (00:30)
    assert cue_of(remote) == (2, "final", 0)
    run(h, 30)  # zero
    assert cue_of(remote) == (3, "zero", 0)
    h.controller.next()  # talk 1: nothing until its own warning
    run(h, 5)
    assert cue_of(remote) == (3, "zero", 0)


def test_the_cue_sounds_are_served_as_wav(remote: Remote) -> None:
    import urllib.error
    import urllib.request

    def get(name: str) -> tuple[int, str, bytes]:
        try:
            with urllib.request.urlopen(f"{remote.base}/static/{name}", timeout=5) as r:
                return r.status, r.headers["Content-Type"], r.read()
        except urllib.error.HTTPError as error:
            return error.code, "", b""

    for cue in ("warning", "final", "zero"):
        name = f"cue-{cue}.wav"
        status, kind, body = remote.wait(remote.pool.submit(get, name))
        assert (status, kind) == (200, "audio/wav")
        assert body == (sounds_dir() / name).read_bytes()
    assert remote.wait(remote.pool.submit(get, "cue-nope.wav"))[0] == 404
    assert remote.wait(remote.pool.submit(get, "view.wav"))[0] == 404
