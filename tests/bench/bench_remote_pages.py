"""Flip latency to the browser: from the engine's second boundary to the speaker view's figure
changing in a real Chromium's DOM (Debian's /usr/bin/chromium through Playwright), with 1 and
with 50 WebSocket clients (the Chromium page + 49 plain WebSocket clients that say hello and
read every frame, as a page does). The boundary is the engine's own: the previous state's
``server_time + next_change_in``; the DOM instant is a MutationObserver's
``performance.timeOrigin + performance.now()``; the two clocks' offset is measured by round
trips and taken off (tests/remote_pages/support.py). The 49 clients' own receive latencies
(boundary -> frame read, in Python) are printed too.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from tests.bench.figures import Figure
from tests.remote_pages.support import (
    ServerProcess,
    Urls,
    app_argv,
    app_env,
    free_port,
    get_state,
    launch_chromium,
    measure_flips,
    post_command,
    start_wall,
)

FLIPS = 60  # per run: a minute of counting (the p99 of 60 is the second worst)


def _pct(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    k = max(0, min(len(ordered) - 1, round(p / 100.0 * (len(ordered) - 1))))
    return ordered[k]


class WsCrowd:
    """``n`` plain WebSocket clients in a thread of their own (aiohttp): hello, then read."""

    def __init__(self, urls: Urls, n: int) -> None:
        self.urls = urls
        self.n = n
        self.latencies_ms: list[float] = []
        self.connected = 0
        self._loop = asyncio.new_event_loop()
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> WsCrowd:
        self._thread.start()
        deadline = time.monotonic() + 30.0
        while self.connected < self.n and time.monotonic() < deadline:
            time.sleep(0.05)
        assert self.connected == self.n, f"{self.connected} of {self.n} clients connected"
        if self.n:
            time.sleep(3.5)  # the address's rate bucket full again for the page's requests
        return self

    def __exit__(self, *exc: object) -> None:
        if self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout=20.0)

    def _run(self) -> None:
        self._loop.run_until_complete(self._main())
        self._loop.close()

    async def _main(self) -> None:
        import aiohttp

        self._stop = asyncio.Event()
        url = self.urls.base.replace("http://", "ws://") + "/api/v1/ws"
        async with aiohttp.ClientSession() as session:
            tasks = [asyncio.create_task(self._client(session, url)) for _ in range(self.n)]
            await self._stop.wait()
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _client(self, session: Any, url: str) -> None:
        import aiohttp

        # All of them come from 127.0.0.1, and the server limits requests per address (10 a
        # second, bursts of 30): the ones refused (429) try again, as a page does.
        for _ in range(100):
            try:
                ws = await session.ws_connect(url)
                break
            except aiohttp.WSServerHandshakeError:
                await asyncio.sleep(0.2)
        else:
            return
        async with ws:
            await ws.send_str(json.dumps({"type": "hello", "token": self.urls.view_token}))
            self.connected += 1
            prev: dict[str, Any] | None = None
            async for msg in ws:
                got = time.time() * 1000.0
                data = json.loads(msg.data)
                if data.get("type") != "state":
                    continue
                s = data["state"]
                if (
                    prev is not None
                    and prev["status"] == "running"
                    and prev["next_change_in"] is not None
                    and s["display"] != prev["display"]
                ):
                    due = (prev["server_time"] + prev["next_change_in"]) * 1000.0
                    self.latencies_ms.append(got - due)
                prev = s


def _one_run(
    browser: Any, urls: Urls, clients: int, started: tuple[float, int]
) -> tuple[list[float], list[float], list[float]]:
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    try:
        with WsCrowd(urls, clients - 1) as crowd:
            page.goto(urls.page("view"))
            page.wait_for_selector("body[data-connection=ok]", timeout=10_000)
            flips = measure_flips(page, FLIPS, timeout=FLIPS + 15.0, started=started)
            return flips.latencies_ms, flips.built_ms, list(crowd.latencies_ms)
    finally:
        ctx.close()


def run() -> list[Figure]:
    from playwright.sync_api import sync_playwright

    home = Path(tempfile.mkdtemp(prefix="timekeeper-bench-remote-"))
    server = ServerProcess(app_argv(free_port()), env=app_env(home))
    urls = server.start()
    figures: list[Figure] = []
    try:
        post_command(urls, "start")
        started = (start_wall(home), int(get_state(urls)["segments"][0]["planned_s"]))
        with sync_playwright() as pw:
            browser = launch_chromium(pw)
            try:
                for clients in (1, 50):
                    dom, built, ws = _one_run(browser, urls, clients, started)
                    label = f"remote flip, boundary -> Chromium DOM, {clients} WS client(s)"
                    if clients > 1:
                        label += " (1 page + 49 plain)"
                    p50, p99 = statistics.median(dom), _pct(dom, 99)
                    figures.append(Figure(f"{label}: p50", p50, "ms"))
                    ok = p99 <= 20.0 if clients == 50 else None
                    target = "<= 20 ms" if clients == 50 else ""
                    figures.append(
                        Figure(f"{label}: p99 ({len(dom)} flips)", p99, "ms", target, ok)
                    )
                    figures.append(
                        Figure(
                            f"  of which state built (server_time) -> DOM, {clients} client(s):"
                            " p50",
                            statistics.median(built),
                            "ms",
                        )
                    )
                    if ws:
                        figures.append(
                            Figure(
                                f"remote flip, boundary -> frame read by {clients - 1} plain WS"
                                f" clients: p99 ({len(ws)} frames)",
                                _pct(ws, 99),
                                "ms",
                            )
                        )
            finally:
                browser.close()
    finally:
        server.stop()
        shutil.rmtree(home, ignore_errors=True)
    if hasattr(os, "getloadavg"):
        figures.append(
            Figure("load average (1 min) after the remote pages' bench", os.getloadavg()[0], "")
        )
    return figures


if __name__ == "__main__":
    from tests.bench.figures import table

    print(table(run()))
