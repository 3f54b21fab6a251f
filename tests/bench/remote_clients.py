"""bench_remote's WebSocket clients, in a process of their own (their CPU is not the app's):
``python tests/bench/remote_clients.py URL N SECONDS``. Each client says hello with the view
token and reads every message; each state's arrival is stamped on CLOCK_BOOTTIME (the
engine's clock, system-wide) with the figure it carries. Prints ``RESULT {json}`` at the end:
per client, [[arrival, display], ...]."""

from __future__ import annotations

import asyncio
import json
import sys
import time
from typing import Any

import aiohttp


def now() -> float:
    return time.clock_gettime(time.CLOCK_BOOTTIME)


async def client(ws_url: str, token: str, seconds: float, out: list[list[Any]]) -> None:
    async with aiohttp.ClientSession() as http, http.ws_connect(ws_url) as ws:
        await ws.send_str(json.dumps({"type": "hello", "token": token}))
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            try:
                msg = await ws.receive(timeout=left)
            except TimeoutError:
                break
            if msg.type != aiohttp.WSMsgType.TEXT:
                break
            at = now()
            # Only the figure, without decoding the whole STATE: 50 clients share this one
            # process, and a full decode each would delay the next client's stamp.
            text = msg.data
            if text.startswith('{"type": "state"'):
                start = text.index('"display": "') + 12
                out.append([at, text[start : text.index('"', start)]])


async def main(url: str, n: int, seconds: float) -> dict[str, Any]:
    base, token = url.split("/view#token=")
    ws_url = base.replace("http://", "ws://") + "/api/v1/ws"
    received: list[list[list[Any]]] = [[] for _ in range(n)]
    await asyncio.gather(*(client(ws_url, token, seconds, received[i]) for i in range(n)))
    return {"received": received}


if __name__ == "__main__":
    result = asyncio.run(main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3])))
    print("RESULT " + json.dumps(result), flush=True)
