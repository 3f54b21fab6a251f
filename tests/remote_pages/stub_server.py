"""A throwaway stand-in for the remote server (REMOTE_CONTRACT.md), for the pages' tests only.

The real server lives in app/remote/ (another branch). Until it is merged, the pages are
developed and tested against this: the real engine (a ``Session`` on the system clock, the
seed running order), the contract's STATE built from its ``Snapshot``, the WebSocket's hello,
state pushes at ``Snapshot.next_shown_change_in``, pings every second, and commands. It is not
a product: no HTTP API, no rate limits, no OSC.

Run as ``python -m tests.remote_pages.stub_server --port N [--resume FILE]``: it prints the
contract's ``remote: viewer ... control ...`` line. ``--resume FILE`` keeps the session's start
(wall clock) and the commands given in FILE, so a killed stub started again carries on where
the session is, as the app resumes from its timing log.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web

from app import resources
from app.engine.clock import SystemClock
from app.engine.session import Session
from app.engine.snapshot import Snapshot
from app.engine.timeline import Timeline
from app.model.loader import load_running_order

PAGES = resources.resources_dir() / "remote"
VIEW_TOKEN = "view-token-stub"
CONTROL_TOKEN = "control-token-stub"
PRESETS = ["Merci de conclure", "Plus qu'une minute", "Place aux questions"]
CSP = (
    "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
    "style-src 'self'; script-src 'self'; base-uri 'none'; frame-ancestors 'none'"
)
PHASE_TEXT = {
    "fr": {
        "normal": "",
        "warning": "Bientôt la fin",
        "final": "Concluez",
        "overtime": "Temps dépassé",
    },
    "en": {"normal": "", "warning": "Nearly time", "final": "Wrap up", "overtime": "Over time"},
}


def _hm(d: datetime) -> str:
    return d.strftime("%H:%M")


class Stub:
    def __init__(self, session_file: Path, resume: Path | None) -> None:
        self.plan = load_running_order(session_file).plan
        self.clock = SystemClock()
        self.resume = resume
        self.commands: list[tuple[float, str, dict[str, Any]]] = []
        origin_wall = self.clock.wall()
        origin_mono = self.clock.monotonic()
        if resume is not None and resume.exists():
            saved = json.loads(resume.read_text(encoding="utf-8"))
            origin_wall = datetime.fromisoformat(saved["origin_wall"])
            origin_mono = self.clock.monotonic() - (self.clock.wall() - origin_wall).total_seconds()
            self.commands = [(c[0], c[1], c[2]) for c in saved["commands"]]
        self.session = Session(
            Timeline(self.plan, planned_start_t=0.0),
            self.clock,
            origin_mono=origin_mono,
            origin_wall=origin_wall,
        )
        for t, name, args in self.commands:  # replayed at their own session times
            real_now = self.session.now
            self.session.now = lambda t=t: t  # type: ignore[method-assign]
            self._give(name, args)
            self.session.now = real_now  # type: ignore[method-assign]
        self.clients: set[web.WebSocketResponse] = set()
        self.wake = asyncio.Event()

    def _save(self) -> None:
        if self.resume is None:
            return
        data = {
            "origin_wall": self.session.origin_wall.isoformat(),
            "commands": self.commands,
        }
        tmp = self.resume.with_suffix(".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        tmp.replace(self.resume)

    def _give(self, name: str, args: dict[str, Any]) -> bool:
        s = self.session
        if name == "add":
            return s.adjust(int(args["seconds"]))
        if name == "message":
            return s.message(str(args["text"]), bool(args.get("blink", False)))
        if name == "goto":
            return s.goto(int(args["index"]))
        method = {
            "start": s.start,
            "pause": s.pause,
            "toggle": s.toggle,
            "next": s.next,
            "previous": s.previous,
            "blackout": s.blackout,
            "clear-message": s.clear_message,
            "undo": s.undo,
        }.get(name)
        if method is None:
            raise ValueError(f"unknown command {name!r}")
        return bool(method())

    def command(self, name: str, args: dict[str, Any]) -> bool:
        t = self.session.now()
        taken = self._give(name, args)
        if taken:
            self.commands.append((t, name, args))
            self._save()
        return taken

    # -- STATE ------------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        snap = self.session.snapshot()
        server_time = time.time()  # the same instant as the snapshot, to the microsecond
        return self._state(snap, server_time)

    def _speakers(self, index: int) -> list[dict[str, str]]:
        seg = self.plan.segments[index]
        return [
            {"name": p.name, "role": p.role, "organisation": p.organisation} for p in seg.speakers
        ]

    def _state(self, snap: Snapshot, server_time: float) -> dict[str, Any]:
        plan = self.plan
        s = self.session
        seg = snap.segment
        lang = plan.language if plan.language in ("fr", "en") else "en"
        nxt = snap.next_segment

        def clock_of(t: float | None) -> str | None:
            return None if t is None else _hm(s.wall_of(t))

        segments = []
        for g in plan.segments:
            segments.append(
                {
                    "index": g.index,
                    "part": plan.parts[g.part].title,
                    "title": g.title,
                    "kind": str(g.kind),
                    "speakers": self._speakers(g.index),
                    "planned_s": g.planned_s,
                    "planned_start": clock_of(snap.planned_start_of(g.index)),
                    "projected_start": clock_of(snap.projected_start_of(g.index)),
                    "actual_s": snap.actual_of(g.index),
                    "state": str(snap.row_state(g.index)),
                    "over_countdown_s": snap.over_countdown_of(g.index),
                    "start_delay_s": snap.start_delay_of(g.index),
                }
            )
        hard = snap.hard_end_t
        return {
            "version": 1,
            "server_time": server_time,
            "status": str(snap.status),
            "index": snap.current,
            "title": seg.title,
            "kind": str(seg.kind),
            "part": snap.part.title,
            "speakers": self._speakers(snap.current),
            "display": snap.countdown,
            "phase": str(snap.phase),
            "phase_text": PHASE_TEXT[lang][str(snap.phase)],
            "remaining_s": snap.remaining_s,
            "next_change_in": snap.next_change_in,
            "next": None
            if nxt is None
            else {"index": nxt.index, "title": nxt.title, "speakers": self._speakers(nxt.index)},
            "message": None
            if snap.message is None
            else {"text": snap.message, "blink": snap.blink},
            "blackout": snap.blackout,
            "clock": _hm(s.wall_of(snap.t)),
            "late_s": snap.late_s,
            "planned_end": clock_of(snap.planned_end_t),
            "projected_end": clock_of(snap.projected_end_t),
            "hard_end": clock_of(hard),
            "language": lang,
            "session": {
                "title": plan.title,
                "event": plan.event,
                "date": None if plan.date is None else plan.date.isoformat(),
            },
            "presets": PRESETS,
            "segments": segments,
        }

    # -- pushing ----------------------------------------------------------------------------

    async def broadcast(self) -> None:
        if not self.clients:
            return
        text = json.dumps({"type": "state", "state": self.state()})
        for ws in list(self.clients):
            with contextlib.suppress(ConnectionError, RuntimeError):
                await ws.send_str(text)

    async def ticker(self) -> None:
        """Push at each instant a shown figure changes (the tick driver's instants)."""
        while True:
            snap = self.session.snapshot()
            offset = s_offset(self.session.origin_wall)
            wait = snap.next_shown_change_in(offset) + 0.0005
            self.wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), timeout=min(wait, 60.0))
                continue  # a command re-aims the ticker (it pushed already)
            await self.broadcast()

    async def pinger(self) -> None:
        while True:
            await asyncio.sleep(1.0)
            text = json.dumps({"type": "ping", "server_time": time.time()})
            for ws in list(self.clients):
                with contextlib.suppress(ConnectionError, RuntimeError):
                    await ws.send_str(text)

    # -- HTTP -------------------------------------------------------------------------------

    async def page(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["page"]
        return web.FileResponse(PAGES / f"{name}.html", headers={"Content-Security-Policy": CSP})

    async def static(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        path = PAGES / name
        if "/" in name or not path.is_file():
            raise web.HTTPNotFound()
        return web.FileResponse(path, headers={"Content-Security-Policy": CSP})

    async def get_state(self, request: web.Request) -> web.StreamResponse:
        return web.json_response(self.state())

    async def websocket(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(heartbeat=None)
        await ws.prepare(request)
        role = None
        async for msg in ws:
            if msg.type is not WSMsgType.TEXT:
                break
            data = json.loads(msg.data)
            if role is None:
                if data.get("type") != "hello":
                    await ws.close(code=4401)
                    break
                token = data.get("token")
                if token == CONTROL_TOKEN:
                    role = "control"
                elif token == VIEW_TOKEN:
                    role = "view"
                else:
                    await ws.close(code=4403)
                    break
                self.clients.add(ws)
                await ws.send_str(json.dumps({"type": "state", "state": self.state()}))
                continue
            if data.get("type") == "command":
                ident = data.get("id")
                if role != "control":
                    await ws.send_str(
                        json.dumps(
                            {
                                "type": "result",
                                "id": ident,
                                "ok": False,
                                "error": "a view token cannot control",
                            }
                        )
                    )
                    continue
                try:
                    taken = self.command(str(data.get("command")), dict(data.get("args") or {}))
                except (ValueError, KeyError, TypeError) as exc:
                    await ws.send_str(
                        json.dumps({"type": "result", "id": ident, "ok": False, "error": str(exc)})
                    )
                    continue
                if not taken:
                    await ws.send_str(
                        json.dumps(
                            {
                                "type": "result",
                                "id": ident,
                                "ok": False,
                                "error": "that changes nothing now",
                            }
                        )
                    )
                    continue
                await ws.send_str(
                    json.dumps({"type": "result", "id": ident, "ok": True, "state": self.state()})
                )
                self.wake.set()
                await self.broadcast()
        self.clients.discard(ws)
        return ws


def s_offset(origin_wall: datetime) -> float:
    return origin_wall.second + origin_wall.microsecond / 1e6


async def serve(stub: Stub, host: str, port: int) -> None:
    app = web.Application()
    app.router.add_get("/static/{name}", stub.static)
    app.router.add_get("/api/v1/state", stub.get_state)
    app.router.add_get("/api/v1/ws", stub.websocket)
    app.router.add_get("/{page:(view|backstage|agenda|control)}", stub.page)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    base = f"http://{host}:{port}"
    print(
        f"remote: viewer {base}/view#token={VIEW_TOKEN}"
        f" control {base}/control#token={CONTROL_TOKEN}",
        flush=True,
    )
    await asyncio.gather(stub.ticker(), stub.pinger())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8650)
    parser.add_argument("--session", type=Path, default=resources.default_session())
    parser.add_argument("--resume", type=Path, default=None)
    parser.add_argument("--start", action="store_true", help="start the session at once")
    args = parser.parse_args()

    async def go() -> None:
        stub = Stub(args.session, args.resume)
        if args.start and not stub.commands:
            stub.command("start", {})
        await serve(stub, "127.0.0.1", args.port)

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(go())


if __name__ == "__main__":
    sys.exit(main())
