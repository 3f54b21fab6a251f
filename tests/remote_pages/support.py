"""Shared by the pages' browser tests, bench and screenshots: a server process on loopback and
Debian's Chromium driven by Playwright (never ``playwright install``: /usr/bin/chromium)."""

from __future__ import annotations

import contextlib
import json
import os
import re
import selectors
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
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

    def freeze(self) -> None:
        """SIGSTOP: the app hangs with its sockets open (no FIN, no pings), as a frozen app or
        a dropped Wi-Fi look to a page."""
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGCONT)

    def stop(self) -> None:
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.proc.pid, signal.SIGCONT)
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.kill(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        self._reap()


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


def post_command(urls: Urls, command: str, args: dict[str, Any] | None = None) -> int:
    """POST /api/v1/<command> with the control token; the HTTP status (409: changed nothing)."""
    data = json.dumps(args or {}).encode()
    request = urllib.request.Request(
        f"{urls.base}/api/v1/{command}",
        data=data,
        method="POST",
        headers={
            "Authorization": f"Bearer {urls.control_token}",
            "Content-Type": "application/json",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as r:
            status: int = r.status
            return status
    except urllib.error.HTTPError as exc:
        return exc.code


def get_state(urls: Urls) -> dict[str, Any]:
    with urllib.request.urlopen(
        f"{urls.base}/api/v1/state?token={urls.view_token}", timeout=5
    ) as r:
        data: dict[str, Any] = json.loads(r.read())
        return data


# Installed in the page once it is connected: for every state received, the instant the engine
# said the shown figure would change (the previous state's server_time + next_change_in: the
# engine's own second boundary, on the server's wall clock), and for every change of the figure
# in the DOM, the instant a MutationObserver saw it (performance.timeOrigin + now: the same
# machine's wall clock, read by Chromium; the offset between the two readings is measured).
FLIP_PROBE = """() => {
  window.__flips = [];
  let prev = TK.state();
  let due = null;
  let built = null;
  TK.onState((s) => {
    built = s.server_time * 1000;
    if (prev && prev.status === "running" && prev.next_change_in !== null &&
        s.display !== prev.display) {
      due = (prev.server_time + prev.next_change_in) * 1000;
    }
    prev = s;
  });
  const fig = document.getElementById("figure");
  new MutationObserver(() => {
    const t = performance.timeOrigin + performance.now();
    window.__flips.push({dom: t, due: due, built: built, text: fig.textContent});
    due = null;
  }).observe(fig, {childList: true, characterData: true, subtree: true});
  return true;
}"""


@dataclass
class Flips:
    latencies_ms: list[float]  # DOM change - the engine's boundary, clock offset taken off
    contract_ms: list[float]  # DOM change - (previous state's server_time + next_change_in)
    built_ms: list[float]  # DOM change - its state's server_time (the server's and browser's leg)
    texts: list[str]
    offset_ms: float  # the page's epoch clock minus Python's
    slack_ms: float  # how well that offset is known


def start_wall(home: Path) -> float:
    """The wall clock (epoch s) of the last Start in the app's timing log: the instant the
    engine's countdown began, as the engine stamped it (the log's ``wall``, to the µs)."""
    logs = sorted((home / "data" / "logs").glob("*.jsonl"), key=lambda p: p.stat().st_mtime)
    assert logs, f"no timing log under {home}"
    wall = None
    for line in logs[-1].read_text(encoding="utf-8").splitlines():
        event = json.loads(line)
        if event.get("type") == "start":
            wall = event["wall"]
    assert wall is not None, "no start event in the timing log"
    return datetime.fromisoformat(wall).timestamp()


def _seconds(text: str) -> int | None:
    if not re.fullmatch(r"\d+(:\d\d)+", text):
        return None
    total = 0
    for part in text.split(":"):
        total = total * 60 + int(part)
    return total


def measure_flips(
    page: Any, count: int, timeout: float, started: tuple[float, int] | None = None
) -> Flips:
    """Install FLIP_PROBE in a connected speaker view, wait for ``count`` figure changes that
    followed an engine boundary (bounded by ``timeout``), and give their latencies.

    ``started`` = (the Start's wall clock from the log, the segment's planned seconds), for a
    segment counting down since that Start with no pause or added time: the figure N (whole
    seconds, the ceiling rule) is due at start + planned - N exactly. That is the engine's own
    boundary, independent of what the server says; without it, the contract's
    ``server_time + next_change_in`` of the state before the flip is used."""
    assert page.evaluate(FLIP_PROBE)
    before = clock_offset_ms(page)
    flips: list[dict[str, Any]] = wait_js(
        page,
        f"window.__flips.filter(f => f.due !== null).length >= {count} && window.__flips",
        timeout,
    )
    after = clock_offset_ms(page)
    offset = (before[0] + after[0]) / 2.0
    slack = max(before[1], after[1]) + abs(before[0] - after[0]) / 2.0
    timed = [f for f in flips if f["due"] is not None]
    contract = [f["dom"] - offset - f["due"] for f in timed]
    latencies = contract
    if started is not None:
        start_s, planned = started
        latencies = []
        for f in timed:
            shown = _seconds(f["text"])
            assert shown is not None, f["text"]
            latencies.append(f["dom"] - offset - (start_s + planned - shown) * 1000.0)
    return Flips(
        latencies_ms=latencies,
        contract_ms=contract,
        built_ms=[f["dom"] - offset - f["built"] for f in timed],
        texts=[f["text"] for f in timed],
        offset_ms=offset,
        slack_ms=slack,
    )


def app_argv(port: int, session: Path | None = None) -> list[str]:
    """The real app with its server (``timekeeper SESSION --serve``), OSC on the next port."""
    from app import resources

    target = session if session is not None else resources.default_session()
    return [
        sys.executable, "-m", "app", str(target),
        "--serve", "--port", str(port), "--osc-port", str(free_port()),
    ]  # fmt: skip


def app_env(home: Path) -> dict[str, str]:
    """Its own settings, logs and tokens (TIMEKEEPER_HOME), offscreen."""
    return {"TIMEKEEPER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
