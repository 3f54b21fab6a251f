"""A click on the control page's Next, in a real Chromium, moves the moderator window on: the
window (pytest-qt, fake clock) runs its real server on loopback, the page talks to it over the
WebSocket, the command crosses to the Qt thread by the queued signal and lands in the timing
log with its source, as a key press would."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.remote.helpers import remote_window

pytestmark = pytest.mark.slow


def _until(qtbot: QtBot, page: Any, expression: str, timeout: float = 10.0) -> None:
    """Poll the page while the Qt event loop keeps turning (the server's commands and the
    states it pushes are made on the Qt thread)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if page.evaluate(expression):
            return
        qtbot.wait(20)
    raise AssertionError(f"not true within {timeout} s: {expression}")


def test_next_on_the_control_page_moves_the_moderator_window_on(
    qtbot: QtBot, tmp_path: Path, seed_path: Path, browser: Any
) -> None:
    for remote in remote_window(qtbot, tmp_path, seed_path):
        h = remote.harness
        assert remote.command("start")[0] == 200
        ctx = browser.new_context(viewport={"width": 390, "height": 844})
        try:
            page = ctx.new_page()
            page.goto(f"{remote.base}/control#token={remote.control_token}")
            _until(qtbot, page, "document.body.dataset.connection === 'ok'")
            _until(qtbot, page, "!document.getElementById('b-next').disabled")
            assert h.snap.current == 0
            page.click("#b-next")
            qtbot.waitUntil(lambda h=h: h.snap.current == 1, timeout=5000)
            title = h.snap.segment.title
            assert h.window.current.title_label.text() == title  # what the moderator reads
            assert (h.events[-1].kind, h.events[-1].source) == ("next", "ws")
            assert ("next", "ws") in remote.logged_sources()  # on disk, with its source
            # The page hears it back: the window's new segment, on the remote's screen too.
            _until(qtbot, page, f"document.getElementById('title').textContent === {title!r}")
            # And the window's own undo takes the remote's Next back, the page follows.
            h.click("undo")
            assert h.snap.current == 0
            _until(qtbot, page, "TK.state().index === 0")
        finally:
            ctx.close()
