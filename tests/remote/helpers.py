"""The remote server's tests: a moderator window on a fake clock with its server on loopback
(ephemeral ports), and clients that run on a thread of their own (the test's thread is the
Qt thread, which must keep turning for the queued commands to run)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import os
import threading
import urllib.error
import urllib.request
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pytestqt.qtbot import QtBot

from app.engine.clock import FakeClock
from app.model import load_running_order
from app.timing_log.reader import read_log
from app.ui.remote_bridge import Listening
from app.ui.settings import Settings
from tests.ui.moderator_harness import SEED_START, Harness, make_controller, open_window

T = TypeVar("T")
WAIT_MS = 5000


class Loop:
    """An asyncio loop on a thread, for WebSocket clients."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


@dataclass
class Remote:
    harness: Harness
    listening: Listening
    pool: concurrent.futures.ThreadPoolExecutor
    loop: Loop

    @property
    def qtbot(self) -> QtBot:
        return self.harness.qtbot

    @property
    def port(self) -> int:
        server = self.harness.window.remote.server
        assert server is not None
        return server.port

    @property
    def osc_port(self) -> int:
        server = self.harness.window.remote.server
        assert server is not None and server.osc_port is not None
        return server.osc_port

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def view_token(self) -> str:
        return self.listening.viewer.split("#token=")[1]

    @property
    def control_token(self) -> str:
        return self.listening.control.split("#token=")[1]

    def wait(self, future: concurrent.futures.Future[T], timeout_ms: int = WAIT_MS) -> T:
        """The future's result, the Qt event loop turning meanwhile."""
        self.qtbot.waitUntil(future.done, timeout=timeout_ms)
        return future.result()

    def http(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, Any]:
        """(status, JSON body) of one request, made on a pool thread."""

        def go() -> tuple[int, Any]:
            request = urllib.request.Request(self.base + path, data=body, method=method)
            for key, value in (headers or {}).items():
                request.add_header(key, value)
            if token is not None:
                request.add_header("Authorization", f"Bearer {token}")
            try:
                with urllib.request.urlopen(request, timeout=5) as response:
                    return response.status, json.loads(response.read() or b"null")
            except urllib.error.HTTPError as error:
                raw = error.read()
                try:
                    return error.code, json.loads(raw)
                except ValueError:
                    return error.code, raw

        return self.wait(self.pool.submit(go))

    def command(self, name: str, args: dict[str, Any] | None = None) -> tuple[int, Any]:
        body = json.dumps(args).encode() if args is not None else None
        return self.http("POST", f"/api/v1/{name}", token=self.control_token, body=body)

    def logged_sources(self) -> list[tuple[str, str]]:
        """(kind, source) of every event in the timing log on disk."""
        log = read_log(self.harness.controller.log_path)
        return [(e.kind, e.source) for e in log.events]


def remote_window(
    qtbot: QtBot, tmp_path: Path, seed_path: Path, *, settings: Settings | None = None
) -> Iterator[Remote]:
    clock = FakeClock(wall=SEED_START)
    logs = tmp_path / "logs"
    controller = make_controller(load_running_order(seed_path), clock, logs)
    harness = open_window(qtbot, controller, clock, logs, settings=settings)
    listening = harness.window.start_remote(port=0, osc_port=0)
    assert listening is not None
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=8)
    loop = Loop()
    try:
        yield Remote(harness, listening, pool, loop)
    finally:
        harness.window.remote.stop()
        pool.shutdown(wait=True, cancel_futures=True)
        loop.close()
        harness.window.quit_now()
        controller.shutdown()


def listening_sockets() -> list[str]:
    """This process's sockets in the kernel's tables that listen (TCP) or are bound (UDP)."""
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table in ("tcp", "tcp6", "udp", "udp6"):
        try:
            lines = Path(f"/proc/net/{table}").read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            state, inode = fields[3], fields[9]
            listening = state == "0A" if table.startswith("tcp") else state == "07"
            if inode in inodes and listening:
                found.append(f"{table} {fields[1]}")
    return found
