"""The remote server's cost to the room (issue #14, must-show 3, the server's side): the real
app (tests/bench/ui_child.py, `--serve` on ephemeral ports) with 50 WebSocket clients in a
process of their own (tests/bench/remote_clients.py, so their CPU is not the app's).

Figures:
- CPU while counting, server on, 50 clients connected and reading every push: the app
  process's CPU time over CPU_S of wall time (every thread: Qt's and the server's).
- peak RSS of the app with the server on and 50 clients (VmHWM).
- projector flip with the server on and 50 clients: boundary -> projector repaint done, p99
  (bench_ui's measure, the same boundaries).
- boundary -> the new figure received by a WebSocket client, p50 and p99 over every client
  and every boundary: the server's side of the page's latency (the DOM's part is measured by
  the pages' Chromium bench).
- start-up with the server off: as bench_ui measures it, and no module of the network stack
  (aiohttp, segno, python-osc) loaded when the first window has painted.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.bench import bench_ui
from tests.bench.bench_ui import ROOT, SCREENS, ChildFailed, _at_most, _flip_figures, _rank
from tests.bench.figures import Figure

CHILD = Path(__file__).with_name("ui_child.py")
CLIENTS = Path(__file__).with_name("remote_clients.py")
N_CLIENTS = 50
FLIP_S = 20.0
CPU_S = 30.0
SETTLE_S = 6.0  # ui_child's SETTLE_MS when serving: the clients connect meanwhile
CPU_PCT = 1.0
RSS_MB = 130.0
FLIP_P99_MS = 5.0
WS_P99_MS = 20.0


def _served_child(
    folder: Path, name: str, args: list[str], seconds: float
) -> tuple[dict[str, Any], dict[str, Any]]:
    """ui_child with the server on, and the clients once it prints its line."""
    home = folder / name
    home.mkdir()
    screens = folder / "screens.json"
    if not screens.exists():
        screens.write_text(json.dumps(SCREENS), encoding="utf-8")
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screens}"
    env["TIMEKEEPER_HOME"] = str(home)
    env["TIMEKEEPER_BENCH_SERVE"] = "1"
    out_path, err_path = home / "stdout", home / "stderr"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, str(CHILD), *args], cwd=ROOT, env=env, stdout=out, stderr=err
        )
        line = None
        deadline = time.monotonic() + 30
        while line is None and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
            text = out_path.read_text(encoding="utf-8", errors="replace")
            line = next((x for x in text.splitlines() if x.startswith("remote: viewer ")), None)
        if line is None:
            proc.kill()
            proc.wait()
            raise ChildFailed("the app did not print its remote line:\n" + err_path.read_text())
        viewer = line.split()[2]
        clients = subprocess.run(
            [sys.executable, str(CLIENTS), viewer, str(N_CLIENTS), f"{SETTLE_S + seconds + 3:g}"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=SETTLE_S + seconds + 60,
        )
        code = proc.wait(60)
    stdout = out_path.read_text(encoding="utf-8", errors="replace")
    results = [x for x in stdout.splitlines() if x.startswith("RESULT ")]
    client_results = [x for x in clients.stdout.splitlines() if x.startswith("RESULT ")]
    if code != 0 or not results or not client_results:
        raise ChildFailed(
            f"ui_child {' '.join(args)} exited with {code}:\n{err_path.read_text()[-2000:]}"
            f"\nclients: {clients.stderr[-2000:]}"
        )
    return json.loads(results[-1][7:]), json.loads(client_results[-1][7:])


def _ws_figures(flip: dict[str, Any], clients: dict[str, Any]) -> list[Figure]:
    boundaries = flip["boundaries"]
    latencies: list[float] = []
    missed = 0
    for received in clients["received"]:
        for at, figure in boundaries:
            first = next((t for t, shown in received if shown == figure and t >= at - 0.5), None)
            if first is None:
                missed += 1
                continue
            latencies.append((first - at) * 1e3)
    if not latencies:
        raise ChildFailed("no client received a pushed figure")
    early = sum(1 for x in latencies if x < 0)
    n = len(clients["received"])
    return [
        Figure(
            f"remote: boundary -> figure received by a WS client, {n} clients (p50)",
            _rank(latencies, 0.5),
            "ms",
        ),
        _at_most(
            f"remote: the same, p99 of {len(latencies)}", _rank(latencies, 0.99), "ms", WS_P99_MS
        ),
        Figure(
            "remote: figures received early or never",
            early + missed,
            "",
            "= 0",
            early + missed == 0,
        ),
    ]


def run() -> list[Figure]:
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="tk-bench-remote-") as tmp:
        folder = Path(tmp)
        flip, flip_clients = _served_child(folder, "flip", ["flip", f"{FLIP_S:g}"], FLIP_S)
        cpu, _ = _served_child(folder, "cpu", ["cpu", f"{CPU_S:g}"], CPU_S + 1)
        startups = [
            bench_ui._run_child(folder, f"startup{i}", ["startup"], 60)
            for i in range(bench_ui.STARTUP_RUNS)
        ]
    if flip.get("remote_clients") != N_CLIENTS or cpu.get("remote_clients") != N_CLIENTS:
        raise ChildFailed(
            f"expected {N_CLIENTS} clients connected, got {flip.get('remote_clients')} "
            f"and {cpu.get('remote_clients')}"
        )
    projector = [f for f in _flip_figures(flip) if f.name.startswith("flip: ")][:2]
    figures += [
        Figure(
            f.name.replace("flip:", f"server on, {N_CLIENTS} WS clients, flip:"),
            f.value,
            f.unit,
            f.target,
            f.ok,
        )
        for f in projector
    ]
    figures += _ws_figures(flip, flip_clients)
    pct = cpu["cpu_s"] / cpu["wall_s"] * 100
    figures.append(
        _at_most(f"remote: CPU counting, server on, {N_CLIENTS} WS clients", pct, "%", CPU_PCT)
    )
    figures.append(
        _at_most(
            "remote: peak RSS, server on, 50 clients (VmHWM)", cpu["vm_hwm_kb"] / 1024, "MB", RSS_MB
        )
    )
    shown = [r["painted"] - spawned for r, spawned in startups]
    figures.append(
        _at_most(
            "remote off: start-up, spawn -> first window painted (median)",
            statistics.median(shown),
            "s",
            bench_ui.STARTUP_S,
        )
    )
    loaded = sorted({m for r, _ in startups for m in r.get("network_modules", [])})
    figures.append(
        Figure("remote off: network modules loaded at start-up", len(loaded), "", "= 0", not loaded)
    )
    return figures


if __name__ == "__main__":
    from tests.bench.figures import table

    print(table(run()))
