"""The remote server under abuse (issue #14, must-show 4): a client that never reads, 500
connections opened and dropped, malformed HTTP, a 10 MB body, a flood of commands over the
WebSocket and over OSC. Each time: the app keeps counting, the projector keeps flipping,
memory stays bounded, no command is applied twice, and the moderator sees a banner when
commands are refused."""

from __future__ import annotations

import contextlib
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.remote import server as server_module
from app.ui.projector import ProjectorWindow
from app.ui.settings import Settings
from tests.remote import rawws
from tests.remote.helpers import Remote, remote_window

MB = 1024 * 1024


@pytest.fixture
def remote(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> Iterator[Remote]:
    for remote in remote_window(qtbot, tmp_path, seed_path):
        projector = ProjectorWindow(remote.harness.controller, Settings())
        qtbot.addWidget(projector)
        projector.resize(960, 540)
        projector.show()
        remote.harness.window.projector_for_tests = projector  # type: ignore[attr-defined]
        remote.harness.controller.toggle()  # counting
        yield remote
        projector.close()


def rss() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


def still_counting(remote: Remote) -> None:
    """A second passes: the engine's figure turns, and the projector paints the new one."""
    h = remote.harness
    projector = h.window.projector_for_tests  # type: ignore[attr-defined]
    before = h.snap.countdown
    h.advance(1.0)
    after = h.snap.countdown
    assert after != before
    figure = projector.view.countdown()
    assert figure is not None and figure.text == after
    status, state = remote.http("GET", "/api/v1/state", token=remote.view_token)
    assert status == 200 and state["display"] == after


def server_of(remote: Remote) -> server_module.RemoteServer:
    server = remote.harness.window.remote.server
    assert server is not None
    return server


@pytest.mark.slow
def test_a_client_that_never_reads_is_dropped_and_memory_stays_bounded(remote: Remote) -> None:
    server = server_of(remote)
    lazy = rawws.connect(remote.port, remote.view_token, rcvbuf=4096)
    remote.qtbot.waitUntil(lambda: server.clients == 1)
    start = rss()
    for _ in range(600):  # ~600 states of ~5 KB each, far more than the socket holds
        remote.harness.advance(1.0)
    remote.qtbot.waitUntil(lambda: server.clients == 0, timeout=15000)
    assert rss() - start < 40 * MB
    lazy.close()
    still_counting(remote)


@pytest.mark.slow
def test_500_connections_opened_and_dropped(remote: Remote) -> None:
    server = server_of(remote)
    start = rss()
    for n in range(500):
        s = socket.create_connection(("127.0.0.1", remote.port), timeout=5)
        if n % 3 == 1:
            s.sendall(b"GET /api/v1/state HTTP/1.1\r\nHost: x\r\n")  # half a request
        elif n % 3 == 2:
            s.sendall(b"GET /api/v1/ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n")
        s.close()
        if n % 50 == 0:
            remote.qtbot.wait(1)
    opened = [rawws.connect(remote.port, remote.view_token) for _ in range(50)]
    remote.qtbot.waitUntil(lambda: server.clients == 50, timeout=10000)
    for s in opened:
        s.close()
    remote.qtbot.waitUntil(lambda: server.clients == 0, timeout=10000)
    assert rss() - start < 40 * MB
    still_counting(remote)


def raw_http(port: int, data: bytes, *, then: bytes | bytearray = b"") -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(data)
        if then:
            # The server may answer and close before the rest is sent: as it should.
            with contextlib.suppress(OSError):
                s.sendall(then)
        else:
            s.shutdown(socket.SHUT_WR)
        out = b""
        with contextlib.suppress(OSError):
            while chunk := s.recv(65536):
                out += chunk
                if b"\r\n\r\n" in out and then:
                    break
        return out


def test_malformed_http_is_refused_and_the_server_goes_on(remote: Remote) -> None:
    cases = [
        b"GARBAGE\r\n\r\n",
        b"GET / HTTP/9.9\r\n\r\n",
        b"GET /api/v1/state HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
        b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
        b"POST /api/v1/start HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(200),  # a TLS hello
    ]
    for case in cases:
        answer = remote.wait(remote.pool.submit(raw_http, remote.port, case))
        assert answer == b"" or answer.split(b" ")[1][:1] == b"4", (case[:40], answer[:80])
    assert remote.harness.events[-1].kind == "start"  # nothing else was applied
    still_counting(remote)


def test_a_10_mb_body_is_refused_unread(remote: Remote) -> None:
    control = remote.control_token
    head = (
        "POST /api/v1/message HTTP/1.1\r\nHost: x\r\n"
        f"Authorization: Bearer {control}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {10 * MB}\r\n\r\n"
    ).encode()
    body = bytearray(b'{"text": "') + b"x" * (10 * MB - 12) + b'"}'
    chunked = (
        "POST /api/v1/message HTTP/1.1\r\nHost: x\r\n"
        f"Authorization: Bearer {control}\r\nTransfer-Encoding: chunked\r\n\r\n"
    ).encode()
    chunks = b"".join(b"10000\r\n" + b"y" * 0x10000 + b"\r\n" for _ in range(160))
    start = rss()  # the 20 MB this test sends are made: what grows now is the server's
    answer = remote.wait(remote.pool.submit(raw_http, remote.port, head, then=body), 15000)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:80]
    assert rss() - start < 15 * MB  # the server never reads the 10 MB body into memory
    answer = remote.wait(remote.pool.submit(raw_http, remote.port, chunked, then=chunks), 15000)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:80]
    assert remote.harness.snap.message is None
    still_counting(remote)


def test_a_flood_over_the_websocket_is_metered_and_no_command_runs_twice(
    remote: Remote,
) -> None:
    h = remote.harness
    server = server_of(remote)
    before_run, before = server.commands_run, len(h.events)
    start = rss()
    flood = rawws.connect(remote.port, remote.control_token)
    flood.sendall(b"".join(rawws.command(n, "add", {"seconds": 1}) for n in range(5000)))
    remote.qtbot.waitUntil(
        lambda: h.window.banners.banner("remote-refused") is not None, timeout=10000
    )
    remote.qtbot.waitUntil(lambda: server._in_flight == 0, timeout=10000)
    remote.qtbot.wait(200)
    applied = [e for e in h.events[before:] if e.source == "ws"]
    assert len(applied) == server.commands_run - before_run  # each handed once, applied once
    assert 0 < len(applied) <= server_module.RATE_BURST + 10 * 10  # metered, not 5000
    assert all(e.kind == "adjust" for e in applied)
    banner = h.window.banners.banner("remote-refused")
    assert banner is not None and banner.isVisible()
    assert "refused" in banner.text
    assert rss() - start < 40 * MB
    flood.close()
    still_counting(remote)


def test_a_flood_over_osc_is_metered_and_no_command_runs_twice(remote: Remote) -> None:
    from pythonosc.osc_message_builder import OscMessageBuilder

    h = remote.harness
    server = server_of(remote)
    before_run, before = server.commands_run, len(h.events)
    builder = OscMessageBuilder("/timekeeper/add")
    builder.add_arg(1)
    datagram = builder.build().dgram
    start = rss()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        t0 = time.monotonic()
        for n in range(5000):
            s.sendto(datagram if n % 7 else b"\x00garbage", ("127.0.0.1", remote.osc_port))
        sent_s = time.monotonic() - t0
    remote.qtbot.waitUntil(
        lambda: h.window.banners.banner("remote-refused") is not None, timeout=10000
    )
    remote.qtbot.waitUntil(lambda: server._in_flight == 0, timeout=10000)
    remote.qtbot.wait(200)
    applied = [e for e in h.events[before:] if e.source == "osc"]
    assert len(applied) == server.commands_run - before_run
    assert 0 < len(applied) <= server_module.RATE_BURST + 10 * (sent_s + 2)
    assert rss() - start < 40 * MB
    still_counting(remote)
