"""The remote server for real, on loopback (issue #14, must-show 1): the STATE is the
engine's snapshot, every command through HTTP, WebSocket and OSC drives the engine and lands
in the timing log with its source, undo in the window takes a remote command back, the
tokens and the Origin are checked, nothing listens while the server is off."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from pytestqt.qtbot import QtBot

from app.engine import Status
from tests.conftest import REPO
from tests.remote.helpers import Remote, listening_sockets, remote_window
from tests.ui.moderator_harness import seed_window


@pytest.fixture
def remote(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> Iterator[Remote]:
    yield from remote_window(qtbot, tmp_path, seed_path)


def assert_state_is_snapshot(remote: Remote, state: dict[str, Any]) -> None:
    snap = remote.harness.controller.last
    clock_of = remote.harness.window.clock_of
    assert state["version"] == 1
    assert state["status"] == snap.status.value
    assert state["index"] == snap.current
    assert state["title"] == snap.segment.title
    assert state["part"] == snap.part.title
    assert state["display"] == snap.countdown
    assert state["phase"] == snap.phase.value
    assert state["remaining_s"] == snap.remaining_s
    assert state["next_change_in"] == snap.next_change_in
    assert state["late_s"] == snap.late_s
    assert state["blackout"] == snap.blackout
    assert state["clock"] == clock_of(snap.t)
    assert state["planned_end"] == clock_of(snap.planned_end_t)
    assert state["projected_end"] == clock_of(snap.projected_end_t)
    assert state["hard_end"] == (None if snap.hard_end_t is None else clock_of(snap.hard_end_t))
    assert state["message"] == (
        None if snap.message is None else {"text": snap.message, "blink": snap.blink}
    )
    nxt = snap.next_segment
    assert (state["next"] or {}).get("index") == (None if nxt is None else nxt.index)
    assert len(state["segments"]) == len(snap.plan.segments)
    for row in state["segments"]:
        i = row["index"]
        assert row["planned_s"] == snap.planned_of(i)
        assert row["actual_s"] == snap.actual_of(i)
        assert row["planned_start"] == clock_of(snap.planned_start_of(i))
        projected = snap.projected_start_of(i)
        assert row["projected_start"] == (None if projected is None else clock_of(projected))
        assert row["over_countdown_s"] == snap.over_countdown_of(i)
        assert row["start_delay_s"] == snap.start_delay_of(i)
        assert row["state"] in ("done", "current", "upcoming")


def test_the_state_json_is_the_engines_snapshot(remote: Remote) -> None:
    status, state = remote.http("GET", "/api/v1/state", token=remote.view_token)
    assert status == 200
    assert_state_is_snapshot(remote, state)
    remote.harness.controller.toggle()
    remote.harness.advance(125.4)  # into the segment, then next and over its end
    remote.harness.controller.message("Merci de conclure")
    remote.harness.controller.next()
    remote.harness.advance(30.2)
    status, state = remote.http("GET", "/api/v1/state", token=remote.view_token)
    assert status == 200 and state["status"] == "running" and state["index"] == 1
    assert_state_is_snapshot(remote, state)
    remote.harness.advance(3000)  # overtime: "+..." as the projector shows it
    _, state = remote.http("GET", "/api/v1/state", token=remote.view_token)
    assert state["display"].startswith("+") and state["phase"] == "overtime"
    assert_state_is_snapshot(remote, state)


def test_every_command_over_http_drives_the_engine_and_is_logged_with_its_source(
    remote: Remote,
) -> None:
    h = remote.harness
    steps: list[tuple[str, dict[str, Any] | None, str]] = [
        ("start", None, "start"),
        ("pause", None, "pause"),
        ("start", None, "resume"),
        ("toggle", None, "pause"),
        ("toggle", None, "resume"),
        ("next", None, "next"),
        ("previous", None, "previous"),
        ("goto", {"index": 3}, "goto"),
        ("add", {"seconds": 60}, "adjust"),
        ("add", {"seconds": -30}, "adjust"),
        ("blackout", None, "blackout"),
        ("blackout", None, "blackout"),
        ("message", {"text": "Merci de conclure", "blink": True}, "message"),
        ("clear-message", None, "message_clear"),
        ("undo", None, "undo"),
    ]
    for name, args, kind in steps:
        before = len(h.events)
        status, state = remote.command(name, args)
        assert status == 200, (name, state)
        assert h.events[-1].kind == kind and h.events[-1].source == "http"
        assert len(h.events) == before + 1  # applied once
        assert_state_is_snapshot(remote, state)
    assert h.snap.current == 3 and h.snap.message == "Merci de conclure"  # the clear undone
    logged = remote.logged_sources()
    assert [k for k, s in logged if s == "http"] == [kind for _, _, kind in steps]


def test_a_command_that_changes_nothing_is_409_and_bad_args_400(remote: Remote) -> None:
    status, body = remote.command("pause")
    assert status == 409 and body["state"]["status"] == "ready"
    assert remote.command("goto", {"index": 999})[0] == 400
    assert remote.command("goto", {})[0] == 400
    assert remote.command("add", {"seconds": "lots"})[0] == 400
    assert remote.command("message", {"text": ""})[0] == 400
    status, _ = remote.http("POST", "/api/v1/add", token=remote.control_token, body=b"{not json")
    assert status == 400
    assert remote.command("explode")[0] == 404
    assert remote.harness.events[1:] == ()  # nothing was logged (0: no event at all)


def test_tokens_missing_401_wrong_or_view_403(remote: Remote) -> None:
    assert remote.http("GET", "/api/v1/state")[0] == 401
    assert remote.http("GET", "/api/v1/state", token="x" * 32)[0] == 403
    assert remote.http("POST", "/api/v1/start")[0] == 401
    assert remote.http("POST", "/api/v1/start", token="x" * 32)[0] == 403
    assert remote.http("POST", "/api/v1/start", token=remote.view_token)[0] == 403
    status, _ = remote.http("GET", f"/api/v1/state?token={remote.view_token}")
    assert status == 200
    assert remote.harness.snap.status is Status.READY  # no command went through


def test_every_response_has_the_csp_and_security_headers(remote: Remote) -> None:
    import urllib.request

    def go() -> dict[str, str]:
        with urllib.request.urlopen(remote.base + "/view", timeout=5) as response:
            return dict(response.headers)

    headers = remote.wait(remote.pool.submit(go))
    assert headers["Content-Security-Policy"] == (
        "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
        "style-src 'self'; script-src 'self'; media-src 'self'; base-uri 'none'; "
        "frame-ancestors 'none'"
    )
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"


async def ws_session(
    remote: Remote,
    token: str | None,
    messages: list[dict[str, Any]],
    *,
    want: int,
    origin: str | None = None,
    hello: bool = True,
) -> tuple[list[dict[str, Any]], int | None]:
    """Connect, say hello, send ``messages``, collect until ``want`` results came back."""
    headers = {"Origin": origin} if origin else {}
    got: list[dict[str, Any]] = []
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(f"ws://127.0.0.1:{remote.port}/api/v1/ws", headers=headers) as ws,
    ):
        if hello:
            await ws.send_str(json.dumps({"type": "hello", "token": token}))
        for message in messages:
            await ws.send_str(json.dumps(message))
        results = 0
        while results < want:
            msg = await ws.receive(timeout=5)
            if msg.type != aiohttp.WSMsgType.TEXT:
                break
            data = json.loads(msg.data)
            got.append(data)
            results += data["type"] == "result"
        if results < want:
            return got, ws.close_code
        return got, None


def test_every_command_over_the_websocket_drives_the_engine_with_its_source(
    remote: Remote,
) -> None:
    h = remote.harness
    names = [
        ("start", {}),
        ("pause", {}),
        ("toggle", {}),
        ("next", {}),
        ("previous", {}),
        ("goto", {"index": 2}),
        ("add", {"seconds": 60}),
        ("blackout", {}),
        ("message", {"text": "Plus qu'une minute"}),
        ("clear-message", {}),
        ("undo", {}),
    ]
    messages = [
        {"type": "command", "id": n, "command": name, "args": args}
        for n, (name, args) in enumerate(names)
    ]
    got, _ = remote.wait(
        remote.loop.submit(ws_session(remote, remote.control_token, messages, want=len(names)))
    )
    assert got[0]["type"] == "state"  # on connect
    results = {m["id"]: m for m in got if m["type"] == "result"}
    assert all(results[n]["ok"] for n in range(len(names))), results
    assert sorted(results) == list(range(len(names)))
    ws_kinds = [e.kind for e in h.events if e.source == "ws"]
    assert ws_kinds == [
        "start",
        "pause",
        "resume",
        "next",
        "previous",
        "goto",
        "adjust",
        "blackout",
        "message",
        "message_clear",
        "undo",
    ]
    assert [k for k, s in remote.logged_sources() if s == "ws"] == ws_kinds
    assert any(m["type"] == "state" and m["state"]["status"] == "running" for m in got)


def test_the_websocket_pushes_each_shown_change(remote: Remote) -> None:
    async def watch() -> list[dict[str, Any]]:
        async with (
            aiohttp.ClientSession() as http,
            http.ws_connect(f"ws://127.0.0.1:{remote.port}/api/v1/ws") as ws,
        ):
            await ws.send_str(json.dumps({"type": "hello", "token": remote.view_token}))
            states: list[dict[str, Any]] = []
            while len(states) < 3:
                data = json.loads((await ws.receive(timeout=5)).data)
                if data["type"] == "state":
                    states.append(data["state"])
            return states

    future = remote.loop.submit(watch())
    remote.qtbot.waitUntil(lambda: remote.harness.window.remote.stats is not None)
    remote.qtbot.waitUntil(lambda: remote.harness.window.remote.stats.clients == 1)
    assert remote.harness.window.remote_panel.devices.text().endswith("1")
    remote.harness.controller.toggle()
    remote.harness.advance(1.0)
    states = remote.wait(future)
    assert [s["display"] for s in states] == ["10:00", "10:00", "09:59"]
    assert [s["status"] for s in states] == ["ready", "running", "running"]


def test_the_websocket_refuses_a_foreign_origin_and_bad_tokens(remote: Remote) -> None:
    async def foreign() -> int:
        async with aiohttp.ClientSession() as http:
            try:
                await http.ws_connect(
                    f"ws://127.0.0.1:{remote.port}/api/v1/ws",
                    headers={"Origin": "http://evil.example"},
                )
            except aiohttp.WSServerHandshakeError as exc:
                return exc.status
        return 0

    assert remote.wait(remote.loop.submit(foreign())) == 403
    _, code = remote.wait(remote.loop.submit(ws_session(remote, "x" * 32, [], want=1)))
    assert code == 4403
    _, code = remote.wait(remote.loop.submit(ws_session(remote, "", [], want=1)))
    assert code == 4401
    own = f"http://127.0.0.1:{remote.port}"
    got, _ = remote.wait(
        remote.loop.submit(
            ws_session(
                remote,
                remote.view_token,
                [{"type": "command", "id": 1, "command": "start"}],
                want=1,
                origin=own,
            )
        )
    )
    result = next(m for m in got if m["type"] == "result")
    assert result["ok"] is False  # a view token never controls
    assert remote.harness.snap.status is Status.READY


def test_osc_commands_drive_the_engine_with_their_source(remote: Remote) -> None:
    from pythonosc.udp_client import SimpleUDPClient

    h = remote.harness
    client = SimpleUDPClient("127.0.0.1", remote.osc_port)
    sent = [
        ("/timekeeper/start", [], "start"),
        ("/timekeeper/pause", [], "pause"),
        ("/timekeeper/toggle", [], "resume"),
        ("/timekeeper/next", [], "next"),
        ("/timekeeper/previous", [], "previous"),
        ("/timekeeper/blackout", [], "blackout"),
        ("/timekeeper/blackout", [], "blackout"),
        ("/timekeeper/add", [60], "adjust"),
        ("/timekeeper/add", [-60], "adjust"),
        ("/timekeeper/message", ["Merci de conclure"], "message"),
        ("/timekeeper/goto", [2], "goto"),
        ("/timekeeper/clear-message", [], "message_clear"),
        ("/timekeeper/undo", [], "undo"),
    ]
    for address, args, kind in sent:
        before = len(h.events)
        client.send_message(address, args)
        remote.qtbot.waitUntil(lambda b=before: len(h.events) == b + 1, timeout=5000)
        assert h.events[-1].kind == kind and h.events[-1].source == "osc"
    client.close()
    assert h.snap.message == "Merci de conclure"  # the clear was undone
    assert [k for k, s in remote.logged_sources() if s == "osc"] == [k for _, _, k in sent]


def test_undo_in_the_window_takes_back_a_remote_command(remote: Remote) -> None:
    h = remote.harness
    assert remote.command("start")[0] == 200
    assert remote.command("next")[0] == 200
    assert h.snap.current == 1
    h.click("undo")  # the moderator's Undo button
    assert h.snap.current == 0 and h.snap.status is Status.RUNNING
    assert h.events[-1].kind == "undo" and h.events[-1].source == "key"
    _, state = remote.http("GET", "/api/v1/state", token=remote.view_token)
    assert state["index"] == 0  # the pages are told


def test_rotating_the_tokens_drops_the_old_ones(remote: Remote) -> None:
    old_view, old_control = remote.view_token, remote.control_token
    remote.harness.window.remote_panel.rotate.click()
    listening = remote.harness.window.remote.listening
    assert listening is not None
    assert remote.http("GET", "/api/v1/state", token=old_view)[0] == 403
    assert remote.http("POST", "/api/v1/start", token=old_control)[0] == 403
    remote.listening = listening
    assert remote.http("GET", "/api/v1/state", token=remote.view_token)[0] == 200
    settings = remote.harness.window.settings
    assert settings.remote_control_token == remote.control_token != old_control


def test_nothing_listens_with_the_server_off(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> None:
    for harness in seed_window(qtbot, tmp_path, seed_path):
        assert listening_sockets() == []
        assert harness.window.remote.server is None
        harness.window.toggle_remote()
        assert listening_sockets() != []
        harness.window.toggle_remote()
        assert listening_sockets() == []


@pytest.mark.slow
def test_the_network_stack_is_not_imported_while_the_server_is_off() -> None:
    code = (
        "import sys\n"
        "from tests.ui.moderator_harness import *\n"
        "import app.ui.application, app.ui.moderator, app.ui.remote_bridge, app.cli\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from app.engine.clock import FakeClock\n"
        "from app.model import load_running_order\n"
        "from app.ui.moderator import open_windows\n"
        "from app.ui.settings import Settings\n"
        "import pathlib, tempfile\n"
        "qa = QApplication([])\n"
        "clock = FakeClock(wall=SEED_START)\n"
        "logs = pathlib.Path(tempfile.mkdtemp())\n"
        "c = make_controller(load_running_order(pathlib.Path(sys.argv[1])), clock, logs)\n"
        "w, p = open_windows(c, Settings())\n"
        "c.refresh()\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('aiohttp', 'segno', 'pythonosc', 'app.remote') or m.startswith('app.remote.'))\n"
        "print(bad)\n"
        "w.remote.start(port=0, osc_port=0)\n"
        "print('aiohttp' in sys.modules and 'pythonosc' in sys.modules)\n"
        "w.remote.stop(); c.shutdown()\n"
    )
    from tests.conftest import SEED

    out = subprocess.run(
        [sys.executable, "-c", code, str(SEED)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert out.stdout.split() == ["[]", "True"]


@pytest.mark.slow
def test_a_quiet_server_pings_every_second(remote: Remote) -> None:
    """Nothing shown changes (the fake clock stands still): pings keep the pages sure the
    app is there (a page says "connection lost" after 2.5 s without a message)."""

    async def listen() -> list[dict[str, Any]]:
        async with (
            aiohttp.ClientSession() as http,
            http.ws_connect(f"ws://127.0.0.1:{remote.port}/api/v1/ws") as ws,
        ):
            await ws.send_str(json.dumps({"type": "hello", "token": remote.view_token}))
            got = []
            while sum(m["type"] == "ping" for m in got) < 2:
                got.append(json.loads((await ws.receive(timeout=2.5)).data))
            return got

    got = remote.wait(remote.loop.submit(listen()), timeout_ms=8000)
    assert got[0]["type"] == "state"
    pings = [m for m in got if m["type"] == "ping"]
    assert all(isinstance(m["server_time"], float) for m in pings)


def test_rotating_drops_every_connected_websocket(remote: Remote) -> None:
    async def connected_then_dropped() -> int | None:
        async with (
            aiohttp.ClientSession() as http,
            http.ws_connect(f"ws://127.0.0.1:{remote.port}/api/v1/ws") as ws,
        ):
            await ws.send_str(json.dumps({"type": "hello", "token": remote.control_token}))
            while True:
                msg = await ws.receive(timeout=5)
                if msg.type != aiohttp.WSMsgType.TEXT:
                    return ws.close_code

    future = remote.loop.submit(connected_then_dropped())
    bridge = remote.harness.window.remote
    remote.qtbot.waitUntil(lambda: bridge.stats is not None and bridge.stats.clients == 1)
    remote.harness.window.remote_panel.rotate.click()
    assert remote.wait(future) == 4403
    remote.qtbot.waitUntil(lambda: bridge.stats is not None and bridge.stats.clients == 0)


def test_a_port_already_taken_is_a_banner_not_a_traceback(
    qtbot: QtBot, tmp_path: Path, seed_path: Path
) -> None:
    import socket

    taken = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    for harness in seed_window(qtbot, tmp_path, seed_path):
        assert harness.window.start_remote(port=taken.getsockname()[1], osc_port=0) is None
        banner = harness.window.banners.banner("remote")
        assert banner is not None and "could not start" in banner.text
        assert not harness.window.menus.remote_action.isChecked()
        assert harness.window.remote.server is None
    taken.close()
