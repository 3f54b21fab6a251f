"""Outgoing triggers: an OSC or HTTP message when a segment starts, on warning, final,
overtime and end (settings ``remote_triggers``), e.g. to light a cue lamp.

``moments`` (pure) reads what happened between two STATEs; ``Triggers`` sends the messages
from a thread of its own (a bounded queue: a dead lamp never slows the Qt thread, and a
backlog is dropped, not kept), and reports a failure through ``on_error`` (one sentence).
"""

from __future__ import annotations

import contextlib
import json
import queue
import threading
import urllib.request
from collections.abc import Callable
from typing import Any

MOMENTS = ("start", "warning", "final", "overtime", "end")
QUEUE = 64
TIMEOUT_S = 2.0


def moments(old: dict[str, Any] | None, new: dict[str, Any]) -> list[str]:
    """The moments the session passed between ``old`` and ``new`` (in that order)."""
    if old is None:
        return []
    out = []
    running = new["status"] == "running"
    if running and (old["status"] == "ready" or old["index"] != new["index"]):
        out.append("start")
    if new["status"] == "ended" and old["status"] != "ended":
        out.append("end")
    if running and new["phase"] != old["phase"] and new["phase"] in ("warning", "final"):
        out.append(new["phase"])
    if running and new["phase"] == "overtime" and old["phase"] != "overtime":
        out.append("overtime")
    return out


class Triggers:
    def __init__(self, triggers: list[dict[str, Any]], on_error: Callable[[str], None]) -> None:
        self.triggers = triggers
        self.on_error = on_error
        self.sent = 0
        self._queue: queue.Queue[tuple[dict[str, Any], dict[str, Any]] | None] = queue.Queue(QUEUE)
        self._thread: threading.Thread | None = None
        if triggers:
            self._thread = threading.Thread(target=self._run, name="timekeeper-triggers")
            self._thread.daemon = True
            self._thread.start()

    def observe(self, old: dict[str, Any] | None, new: dict[str, Any]) -> None:
        """On the Qt thread: queue the messages for what just happened; never waits."""
        if not self.triggers:
            return
        for moment in moments(old, new):
            event = {"event": moment, "index": new["index"], "title": new["title"]}
            for trigger in self.triggers:
                if trigger["on"] == moment:
                    try:
                        self._queue.put_nowait((trigger, event))
                    except queue.Full:
                        self.on_error("outgoing triggers are backing up; some were dropped")

    def close(self) -> None:
        if self._thread is not None:
            with contextlib.suppress(queue.Full):
                self._queue.put_nowait(None)
            self._thread.join(TIMEOUT_S + 1)

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            trigger, event = item
            try:
                send(trigger, event)
                self.sent += 1
            except (OSError, ValueError) as exc:
                self.on_error(f"the {event['event']} trigger could not be sent ({exc})")


def send(trigger: dict[str, Any], event: dict[str, Any]) -> None:
    if trigger["kind"] == "http":
        url = trigger["url"]
        if not url.startswith(("http://", "https://")):
            raise ValueError("the trigger's url must start with http:// or https://")
        body = json.dumps(event, ensure_ascii=False).encode()
        request = urllib.request.Request(
            url, data=body, headers={"Content-Type": "application/json"}, method="POST"
        )
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            response.read(1024)
        return
    from pythonosc.udp_client import SimpleUDPClient

    client = SimpleUDPClient(trigger["host"], trigger["port"])
    try:
        client.send_message(trigger["address"], list(trigger["args"]) or [event["event"]])
    finally:
        client.close()
