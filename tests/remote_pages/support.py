"""Shared by the pages' browser tests, bench and screenshots: a server process on loopback and
Debian's Chromium driven by Playwright (never ``playwright install``: /usr/bin/chromium)."""

from __future__ import annotations

import os
import re
import selectors
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LINE = re.compile(r"^remote: viewer (\S+) control (\S+)$")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def launch_chromium(pw: Playwright) -> Browser:
    return pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


@dataclass
class Urls:
    viewer: str
    control: str

    @property
    def base(self) -> str:
        return self.viewer.split("/view#", 1)[0]

    @property
    def view_token(self) -> str:
        return self.viewer.split("#token=", 1)[1]

    @property
    def control_token(self) -> str:
        return self.control.split("#token=", 1)[1]

    def page(self, name: str, lang: str | None = None) -> str:
        token = self.control_token if name == "control" else self.view_token
        url = f"{self.base}/{name}#token={token}"
        return url + (f"&lang={lang}" if lang else "")


class ServerProcess:
    """A server in its own process (so a test can kill it as the app dies), on loopback."""

    def __init__(self, argv: Sequence[str], env: dict[str, str] | None = None) -> None:
        self.argv = list(argv)
        self.env = {**os.environ, **(env or {})}
        self.proc: subprocess.Popen[str] | None = None
        self.urls: Urls | None = None
        self.output: list[str] = []
        self._drain: threading.Thread | None = None

    def start(self, timeout: float = 20.0) -> Urls:
        self.proc = subprocess.Popen(
            self.argv,
            cwd=REPO,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        assert self.proc.stdout is not None
        deadline = time.monotonic() + timeout
        sel = selectors.DefaultSelector()
        sel.register(self.proc.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if not sel.select(timeout=max(0.0, deadline - time.monotonic())):
                continue
            line = self.proc.stdout.readline()
            if not line:
                break
            self.output.append(line)
            m = LINE.match(line.strip())
            if m:
                self.urls = Urls(m.group(1), m.group(2))
                sel.close()
                # Keep reading what it prints, so a full pipe never blocks it.
                self._drain = threading.Thread(target=self._read_rest, daemon=True)
                self._drain.start()
                return self.urls
        sel.close()
        self.kill()
        raise AssertionError(f"the server did not print its line: {''.join(self.output)!r}")

    def _read_rest(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        for line in self.proc.stdout:
            self.output.append(line)

    def _reap(self) -> None:
        assert self.proc is not None
        if self._drain is not None:
            self._drain.join(timeout=5)
            self._drain = None
        if self.proc.stdout is not None and not self.proc.stdout.closed:
            self.proc.stdout.close()

    def kill(self) -> None:
        """Abruptly, as a crash: SIGKILL, no goodbye to the clients."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)
        self._reap()

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.kill(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        self._reap()


def stub_argv(port: int, resume: Path | None = None, start: bool = True) -> list[str]:
    argv = [sys.executable, "-m", "tests.remote_pages.stub_server", "--port", str(port)]
    if resume is not None:
        argv += ["--resume", str(resume)]
    if start:
        argv.append("--start")
    return argv


def clock_offset_ms(page: Any, rounds: int = 5) -> tuple[float, float]:
    """The page's epoch clock (performance.timeOrigin + now) minus Python's time.time(), in ms,
    and its uncertainty: the tightest bracket of ``rounds`` round trips (same machine clock,
    but Chromium reads it its own way: a navigation-time origin plus a monotonic count)."""
    best: tuple[float, float] | None = None
    for _ in range(rounds):
        before = time.time() * 1000.0
        page_t = float(page.evaluate("performance.timeOrigin + performance.now()"))
        after = time.time() * 1000.0
        half = (after - before) / 2.0
        offset = page_t - (before + half)
        if best is None or half < best[1]:
            best = (offset, half)
    assert best is not None
    return best


def wait_js(page: Any, expression: str, timeout: float = 5.0, step: float = 0.02) -> Any:
    """Poll ``expression`` in the page until it is truthy (bounded). Page.evaluate runs through
    the DevTools protocol, which the pages' CSP (no 'unsafe-eval') does not stop, whereas
    Playwright's wait_for_function evaluates strings in the page and is refused."""
    deadline = time.monotonic() + timeout
    value: Any = None
    while time.monotonic() < deadline:
        value = page.evaluate(expression)
        if value:
            return value
        time.sleep(step)
    raise AssertionError(f"not true within {timeout} s: {expression} (last: {value!r})")
