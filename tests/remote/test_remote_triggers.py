"""Outgoing triggers (issue #14): an OSC message when a segment starts, an HTTP request on
warning; sent off the Qt thread; a failure is a banner, the countdown goes on."""

from __future__ import annotations

import contextlib
import socket
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.remote.triggers import moments
from app.ui.settings import Settings, Trigger
from tests.remote.helpers import remote_window


def test_moments_read_off_two_states() -> None:
    base = {"status": "ready", "index": 0, "phase": "normal", "title": "a"}
    running = {**base, "status": "running"}
    assert moments(base, running) == ["start"]
    assert moments(running, {**running, "index": 1}) == ["start"]
    assert moments(running, {**running, "phase": "warning"}) == ["warning"]
    assert moments(running, {**running, "phase": "final"}) == ["final"]
    assert moments(running, {**running, "phase": "overtime"}) == ["overtime"]
    assert moments(running, {**running, "status": "ended"}) == ["end"]
    assert moments(running, running) == [] and moments(None, running) == []


def test_an_osc_cue_on_start_and_a_failing_http_trigger_shown_as_a_banner(
    qtbot: QtBot, tmp_path: Path, seed_path: Path
) -> None:
    lamp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    lamp.bind(("127.0.0.1", 0))
    lamp.setblocking(False)
    dead = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    dead.bind(("127.0.0.1", 0))  # bound, never listening: connections are refused
    settings = Settings(
        remote_triggers=[
            Trigger(on="start", kind="osc", port=lamp.getsockname()[1], address="/cue/go"),
            Trigger(on="warning", kind="http", url=f"http://127.0.0.1:{dead.getsockname()[1]}/"),
        ]
    )
    received: list[bytes] = []

    def got() -> bool:
        with contextlib.suppress(BlockingIOError):
            received.append(lamp.recv(1024))
        return bool(received)

    for remote in remote_window(qtbot, tmp_path, seed_path, settings=settings):
        h = remote.harness
        h.controller.toggle()
        h.advance(0.5)
        qtbot.waitUntil(got, timeout=5000)
        assert received[0].startswith(b"/cue/go\x00")
        assert b"start" in received[0]
        h.advance(h.snap.remaining_s - h.snap.warning_at_s + 0.1)  # into the warning phase
        banners = h.window.banners
        qtbot.waitUntil(lambda b=banners: b.banner("remote-trigger") is not None, timeout=5000)
        banner = banners.banner("remote-trigger")
        assert banner is not None and "warning trigger" in banner.text
        before = h.snap.countdown
        h.advance(1.0)
        assert h.snap.countdown != before  # the countdown went on
    lamp.close()
    dead.close()
