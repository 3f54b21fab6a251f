"""The remote server: aiohttp (HTTP + WebSocket) and OSC in a thread with its own asyncio loop.

It never touches the engine. The Qt side of the bridge (``app/ui/remote_bridge.py``) hands it
each new STATE (``publish``, thread-safe: ``loop.call_soon_threadsafe``) and runs the commands
it receives (``Hooks.submit``: a queued signal to the Qt thread, answered through a
``concurrent.futures.Future``). The Qt thread never waits on this one.

What keeps a hostile or broken client from hurting the room (issue #14, faults):
- bodies over ``BODY_LIMIT`` are refused (413) before they are read; WebSocket messages too;
- a token bucket per client address (HTTP, OSC) and per WebSocket connection: over it, 429;
- every WebSocket client has a bounded send queue: a client that does not read is dropped,
  its messages are never buffered without bound; at most ``MAX_CLIENTS`` at once;
- at most ``MAX_IN_FLIGHT`` commands wait for the Qt thread at once; more are refused;
- no access log (a ``?token=`` query would land in it), tokens never in an error message.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import ipaddress
import json
import re
import socket
import threading
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web

from app.remote.commands import COMMANDS, Command, CommandError, osc_args, parse_command
from app.remote.limits import Buckets
from app.remote.tokens import Role, Tokens

DEFAULT_PORT = 8650
DEFAULT_OSC_PORT = 8651
BODY_LIMIT = 16 * 1024
WS_MESSAGE_LIMIT = 16 * 1024
SEND_QUEUE = 32  # messages waiting for one WebSocket client; more and it is dropped
SEND_TIMEOUT_S = 5.0  # a send that does not drain in this long drops the client too
MAX_CLIENTS = 200
MAX_IN_FLIGHT = 16
HELLO_TIMEOUT_S = 3.0
PING_EVERY_S = 1.0
COMMAND_TIMEOUT_S = 3.0
RATE_PER_S = 10.0  # commands and requests a client may send a second, on average
RATE_BURST = 30.0
CONNECT_PER_S = 20.0
CONNECT_BURST = 120.0
REFUSED_WINDOW_S = 10.0  # the moderator's banner stays while refusals are this recent

CSP = (
    "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
    "style-src 'self'; script-src 'self'; media-src 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
PAGES = {"/view": "view.html", "/backstage": "backstage.html", "/agenda": "agenda.html"}
PAGES["/control"] = "control.html"
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".webmanifest": "application/manifest+json",
    ".wav": "audio/wav",
}
_ASSET = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,100}$")
OSC_PREFIX = "/timekeeper/"


@dataclass(frozen=True, slots=True)
class CommandResult:
    """The Qt thread's answer: whether the command changed anything, and the new STATE."""

    changed: bool
    state: dict[str, Any]
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Stats:
    """What the moderator window shows: devices connected, commands refused lately."""

    clients: int
    refused: int  # since the server started
    last_refusal: str | None  # why the latest refusal (no token, rate limit, ...), or None
    refusing: bool  # a refusal in the last REFUSED_WINDOW_S


@dataclass(slots=True)
class Hooks:
    """Called on the server's thread: both must be thread-safe and never block."""

    submit: Callable[[Command], concurrent.futures.Future[CommandResult]]
    stats: Callable[[Stats], None] = lambda _stats: None


@dataclass(slots=True)
class Config:
    bind: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    osc_port: int | None = DEFAULT_OSC_PORT  # None: no OSC
    osc_allowed: tuple[str, ...] = ("127.0.0.1", "::1")
    pages_dir: Path | None = None
    sounds_dir: Path | None = None  # the cues' WAV files, served as /static/cue-*.wav
    rate_per_s: float = RATE_PER_S
    rate_burst: float = RATE_BURST


@dataclass(eq=False)
class _Client:
    ws: web.WebSocketResponse
    role: Role
    queue: asyncio.Queue[str] = field(default_factory=lambda: asyncio.Queue(SEND_QUEUE))
    dropped: bool = False


def advertised_host(bind: str) -> str:
    """The address to put in the links: the bound one, or for a wildcard the address this
    machine is reached at on the local network (no packet is sent to find it)."""
    if bind in ("0.0.0.0", "::", ""):
        with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # TEST-NET: routing only, nothing sent
            return str(s.getsockname()[0])
        return socket.gethostname()
    return bind


def _url_host(host: str) -> str:
    try:
        return f"[{host}]" if ipaddress.ip_address(host).version == 6 else host
    except ValueError:
        return host


class RemoteServer:
    """``start()`` listens (or raises OSError), ``publish(state)`` pushes, ``stop()`` ends."""

    def __init__(self, config: Config, tokens: Tokens, hooks: Hooks) -> None:
        self.config = config
        self._tokens = tokens
        self.hooks = hooks
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._stop: asyncio.Event | None = None
        self._clients: set[_Client] = set()
        self._state_text: str | None = None
        self._state: dict[str, Any] | None = None
        self._buckets = Buckets(config.rate_per_s, config.rate_burst, time.monotonic)
        # New WebSocket connections, per address: a room's devices reconnecting at once after
        # the app restarts come from many addresses; this bounds one address's storm.
        self._connections = Buckets(CONNECT_PER_S, CONNECT_BURST, time.monotonic)
        self._in_flight = 0
        self._refused = 0
        self._last_refusal: str | None = None
        self._refused_at = -1e9
        self._stats_sent: Stats | None = None
        self._stats_at = 0.0
        self._published_at = -1e9
        self.port = 0
        self.osc_port: int | None = None
        self.host = advertised_host(config.bind)
        self.commands_run = 0  # commands handed to the Qt thread (tests: none twice)
        self._osc_transport: asyncio.BaseTransport | None = None
        self._tasks: set[asyncio.Task[object]] = set()

    # -- the Qt side's calls (any thread) ----------------------------------------------------

    def start(self, timeout_s: float = 10.0) -> None:
        self._thread = threading.Thread(target=self._run, name="timekeeper-remote", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout_s):
            raise OSError("the remote server did not start in time")
        if self._error is not None:
            error = self._error
            self._thread.join(timeout_s)
            raise error if isinstance(error, OSError) else OSError(repr(error))

    def stop(self, timeout_s: float = 5.0) -> None:
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(stop.set)
        if self._thread is not None:
            self._thread.join(timeout_s)
        self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def publish(self, state: dict[str, Any]) -> None:
        """Push ``state`` (never changed after this call) to every client. Never blocks."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                loop.call_soon_threadsafe(self._publish, state)

    def set_tokens(self, tokens: Tokens) -> None:
        """New tokens: every connected client (of the old ones) is dropped."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._rotate, tokens)
        else:
            self._tokens = tokens

    def urls(self, tokens: Tokens) -> tuple[str, str]:
        base = f"http://{_url_host(self.host)}:{self.port}"
        return f"{base}/view#token={tokens.view}", f"{base}/control#token={tokens.control}"

    @property
    def clients(self) -> int:
        return len(self._clients)

    # -- the server's thread ------------------------------------------------------------------

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._main())
        except BaseException as exc:  # reported to start(), never a traceback on stderr
            self._error = exc
        finally:
            self._ready.set()
            with contextlib.suppress(BaseException):  # connections still open: cut, quietly
                pending = asyncio.all_tasks(loop)
                for task in pending:
                    task.cancel()
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
                loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _main(self) -> None:
        self._stop = asyncio.Event()
        app = web.Application(client_max_size=BODY_LIMIT, middlewares=[self._headers])
        app.router.add_get("/api/v1/state", self._get_state)
        app.router.add_get("/api/v1/ws", self._websocket)
        app.router.add_post("/api/v1/{command}", self._post_command)
        for path in PAGES:
            app.router.add_get(path, self._page)
        app.router.add_get("/", self._root)
        app.router.add_get("/static/{name}", self._asset)
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.config.bind, self.config.port, backlog=128)
            await site.start()
            self.port = int(runner.addresses[0][1])
            if self.config.osc_port is not None:
                await self._start_osc()
            ping = asyncio.create_task(self._pinger())
            self._ready.set()
            await self._stop.wait()
            ping.cancel()
        finally:
            for client in list(self._clients):
                await self._drop(client, WSCloseCode.GOING_AWAY, "server stopped")
            if self._osc_transport is not None:
                self._osc_transport.close()
            await runner.cleanup()

    # -- pushing ---------------------------------------------------------------------------

    def _publish(self, state: dict[str, Any]) -> None:
        self._published_at = time.monotonic()
        self._state = state
        self._state_text = json.dumps({"type": "state", "state": state}, ensure_ascii=False)
        for client in list(self._clients):
            self._enqueue(client, self._state_text)

    def _spawn(self, coro: Coroutine[Any, Any, object]) -> None:
        """A background task, held until it is done (asyncio keeps only a weak reference)."""
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _enqueue(self, client: _Client, text: str) -> None:
        if client.dropped:
            return
        try:
            client.queue.put_nowait(text)
        except asyncio.QueueFull:  # a client that does not read: dropped, not buffered
            self._discard(client)

    def _discard(self, client: _Client) -> None:
        if client.dropped:
            return
        client.dropped = True
        self._clients.discard(client)
        self._spawn(self._drop(client, WSCloseCode.POLICY_VIOLATION, "too slow"))
        self._send_stats()

    async def _drop(self, client: _Client, code: int, why: str) -> None:
        client.dropped = True
        self._clients.discard(client)
        with contextlib.suppress(Exception):
            await asyncio.wait_for(client.ws.close(code=code, message=why.encode()), 1.0)
        if not client.ws.closed:  # it never answered the close: cut it
            transport = client.ws._req.transport if client.ws._req is not None else None
            if transport is not None:
                transport.abort()

    async def _pinger(self) -> None:
        """A ping each second in which no state went out: every client hears from the server
        at least every two seconds (a page says "connection lost" after 2.5 s of silence),
        and while the countdown runs, its states (one a second) are the only traffic, so the
        server does nothing between two of the room's flips."""
        while True:
            await asyncio.sleep(PING_EVERY_S)
            if time.monotonic() - self._published_at >= PING_EVERY_S * 0.9:
                text = json.dumps({"type": "ping", "server_time": time.time()})
                for client in list(self._clients):
                    self._enqueue(client, text)
            self._send_stats()

    def _rotate(self, tokens: Tokens) -> None:
        self._tokens = tokens
        for client in list(self._clients):
            client.dropped = True
            self._clients.discard(client)
            self._spawn(self._drop(client, 4403, "the tokens were changed"))
        self._send_stats()

    # -- the moderator's figures --------------------------------------------------------------

    def _refuse(self, why: str) -> None:
        self._refused += 1
        self._last_refusal = why
        self._refused_at = time.monotonic()
        self._send_stats()

    def _send_stats(self) -> None:
        stats = Stats(
            clients=len(self._clients),
            refused=self._refused,
            last_refusal=self._last_refusal,
            refusing=time.monotonic() - self._refused_at < REFUSED_WINDOW_S,
        )
        # Counts of refusals change fast in a flood: the window hears of a new count at most
        # once a second, of a change of clients or of refusing at once.
        old, now = self._stats_sent, time.monotonic()
        same = old is not None and (old.clients, old.refusing) == (stats.clients, stats.refusing)
        if same and old is not None and (old.refused == stats.refused or now - self._stats_at < 1):
            return
        self._stats_sent, self._stats_at = stats, now
        self.hooks.stats(stats)

    # -- HTTP ------------------------------------------------------------------------------

    @web.middleware
    async def _headers(
        self, request: web.Request, handler: Callable[[web.Request], Any]
    ) -> web.StreamResponse:
        try:
            response: web.StreamResponse = await handler(request)
        except web.HTTPException as exc:  # 404, 405, 413: as JSON, with the same headers
            if exc.status < 400:
                raise
            sentence = "the request is too large" if exc.status == 413 else exc.reason.lower()
            response = _error(exc.status, sentence)
        if not response.prepared:
            _secure(response)
        return response

    def _token_of(self, request: web.Request) -> str | None:
        auth = request.headers.get("Authorization", "")
        if auth.lower().startswith("bearer "):
            return auth[7:].strip()
        token = request.query.get("token")
        return token if token else None

    def _limited(self, key: object) -> bool:
        if self._buckets.take(key):
            return False
        self._refuse("rate limit")
        return True

    def _auth(self, request: web.Request, need: Role) -> web.Response | None:
        """None when the request may go on, else the answer (401, 403, 429)."""
        if self._limited(request.remote):
            return _error(429, "too many requests: slow down")
        token = self._token_of(request)
        if token is None:
            if need == "control":
                self._refuse("no token")
            return _error(401, "a token is needed (Authorization: Bearer <token> or ?token=)")
        role = self._tokens.role_of(token)
        if role is None or (need == "control" and role != "control"):
            if need == "control":
                self._refuse("wrong token")
            return _error(403, "this token does not allow that")
        return None

    async def _get_state(self, request: web.Request) -> web.Response:
        refused = self._auth(request, "view")
        if refused is not None:
            return refused
        return _json(200, self._state or {})

    async def _post_command(self, request: web.Request) -> web.Response:
        refused = self._auth(request, "control")
        if refused is not None:
            return refused
        name = request.match_info["command"]
        raw = await request.read()  # bounded by client_max_size (413 beyond)
        try:
            args = json.loads(raw) if raw.strip() else {}
        except (ValueError, RecursionError):
            return _error(400, "the body must be a JSON object")
        try:
            command = parse_command(name, args, "http")
        except CommandError as exc:
            return _error(404 if name not in COMMANDS else 400, str(exc))
        result, error = await self._run_command(command)
        if result is None:
            return _error(503, error or "the app did not answer")
        if result.error is not None:
            return _json(400, {"error": result.error})
        if not result.changed:
            return _json(409, {"error": "that changes nothing now", "state": result.state})
        return _json(200, result.state)

    async def _run_command(self, command: Command) -> tuple[CommandResult | None, str | None]:
        """Hand ``command`` to the Qt thread once, and wait (here, not there) for its answer."""
        if self._in_flight >= MAX_IN_FLIGHT:
            self._refuse("too many commands at once")
            return None, "too many commands at once: slow down"
        self._in_flight += 1
        try:
            future = self.hooks.submit(command)
            self.commands_run += 1
            try:
                return await asyncio.wait_for(asyncio.wrap_future(future), COMMAND_TIMEOUT_S), None
            except TimeoutError:
                return None, "the app did not answer in time"
            except Exception:  # the app failed to run it: said in one sentence, no traceback
                return None, "the app could not run that command"
        finally:
            self._in_flight -= 1

    async def _root(self, request: web.Request) -> web.Response:
        return web.Response(text="Timekeeper remote: /view, /backstage, /agenda, /control\n")

    async def _page(self, request: web.Request) -> web.Response:
        return self._file(PAGES[request.path], placeholder=request.path.strip("/"))

    async def _asset(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if not _ASSET.match(name) or ".." in name:
            return _error(404, "no such file")
        if name.endswith(".wav"):  # the sound cues, for the speaker view's Web Audio
            if self.config.sounds_dir is None:
                return _error(404, "no such file")
            return self._file(name, folder=self.config.sounds_dir)
        return self._file(name)

    def _file(
        self, name: str, placeholder: str | None = None, *, folder: Path | None = None
    ) -> web.Response:
        folder = self.config.pages_dir if folder is None else folder
        path = None if folder is None else folder / name
        kind = CONTENT_TYPES.get(Path(name).suffix.lower())
        if path is None or kind is None or not path.is_file() or path.is_symlink():
            if placeholder is not None:
                return web.Response(
                    body=_placeholder(placeholder), content_type="text/html", charset="utf-8"
                )
            return _error(404, "no such file")
        try:
            data = path.read_bytes()
        except OSError:
            return _error(404, "no such file")
        response = web.Response(body=data)
        response.headers["Content-Type"] = kind
        response.headers["Cache-Control"] = "no-cache"
        return response

    # -- WebSocket -------------------------------------------------------------------------

    def _origin_ok(self, request: web.Request) -> bool:
        origin = request.headers.get("Origin")
        if origin is None:
            return True  # not a browser (curl, Companion): the token still decides
        return origin == f"http://{request.host}"

    async def _websocket(self, request: web.Request) -> web.StreamResponse:
        if not self._origin_ok(request):
            self._refuse("foreign origin")
            return _error(403, "this page's origin may not connect")
        if not self._connections.take(request.remote):
            self._refuse("too many connections")
            return _error(429, "too many connections: slow down")
        if len(self._clients) >= MAX_CLIENTS:
            self._refuse("too many devices")
            return _error(503, "too many devices connected")
        # No permessage-deflate: each client would compress the same STATE again (and aiohttp
        # sends big ones to a thread pool); a few KB a second is nothing on a LAN.
        ws = web.WebSocketResponse(max_msg_size=WS_MESSAGE_LIMIT, autoping=True, compress=False)
        _secure(ws)
        await ws.prepare(request)
        _small_buffers(request)
        token = self._token_of(request)
        role: Role | None = None
        if token is not None:
            role = self._tokens.role_of(token)
            if role is None:
                await ws.close(code=4403, message=b"wrong token")
                return ws
        else:
            role = await self._hello(ws)
            if role is None:
                return ws
        client = _Client(ws, role)
        self._clients.add(client)
        self._send_stats()
        writer = asyncio.create_task(self._writer(client))
        if self._state_text is not None:
            self._enqueue(client, self._state_text)
        try:
            await self._reader(client)
        finally:
            writer.cancel()
            if not client.dropped:
                self._clients.discard(client)
                client.dropped = True
                self._send_stats()
            with contextlib.suppress(Exception):
                await ws.close()
        return ws

    async def _hello(self, ws: web.WebSocketResponse) -> Role | None:
        try:
            msg = await ws.receive(timeout=HELLO_TIMEOUT_S)
        except TimeoutError:
            await ws.close(code=4401, message=b"no hello")
            return None
        data = _json_message(msg)
        token = data.get("token") if data and data.get("type") == "hello" else None
        if not isinstance(token, str) or not token:
            await ws.close(code=4401, message=b"a hello with a token is needed")
            return None
        role = self._tokens.role_of(token)
        if role is None:
            self._refuse("wrong token")
            await ws.close(code=4403, message=b"wrong token")
        return role

    async def _writer(self, client: _Client) -> None:
        with contextlib.suppress(Exception):
            while True:
                text = await client.queue.get()
                try:
                    await asyncio.wait_for(client.ws.send_str(text), SEND_TIMEOUT_S)
                except (TimeoutError, ConnectionError):
                    self._discard(client)
                    return

    async def _reader(self, client: _Client) -> None:
        ws = client.ws
        key = id(client)
        async for msg in ws:
            if client.dropped:
                return
            if msg.type != WSMsgType.TEXT:
                continue
            data = _json_message(msg)
            if data is None or data.get("type") != "command":
                continue
            ident = data.get("id")
            if not self._buckets.take(key):
                self._refuse("rate limit")
                self._reply(client, ident, error="too many commands: slow down")
                continue
            if client.role != "control":
                self._refuse("view token")
                self._reply(client, ident, error="this token does not allow commands")
                continue
            name = data.get("command")
            try:
                command = parse_command(str(name), data.get("args"), "ws")
            except CommandError as exc:
                self._reply(client, ident, error=str(exc))
                continue
            self._spawn(self._ws_command(client, ident, command))

    async def _ws_command(self, client: _Client, ident: Any, command: Command) -> None:
        result, error = await self._run_command(command)
        if result is None:
            self._reply(client, ident, error=error or "the app did not answer")
        elif result.error is not None:
            self._reply(client, ident, error=result.error)
        elif not result.changed:
            self._reply(client, ident, error="that changes nothing now", state=result.state)
        else:
            self._reply(client, ident, state=result.state)

    def _reply(
        self,
        client: _Client,
        ident: Any,
        *,
        error: str | None = None,
        state: dict[str, Any] | None = None,
    ) -> None:
        if not isinstance(ident, int | str) or isinstance(ident, bool):
            ident = None
        out: dict[str, Any] = {"type": "result", "id": ident, "ok": error is None}
        if error is not None:
            out["error"] = error
        if state is not None:
            out["state"] = state
        self._enqueue(client, json.dumps(out, ensure_ascii=False))

    # -- OSC -------------------------------------------------------------------------------

    async def _start_osc(self) -> None:
        from pythonosc.dispatcher import Dispatcher
        from pythonosc.osc_server import AsyncIOOSCUDPServer

        dispatcher = Dispatcher()
        dispatcher.set_default_handler(self._osc, needs_reply_address=True)
        assert self._loop is not None and self.config.osc_port is not None
        loop = asyncio.get_running_loop()
        server = AsyncIOOSCUDPServer(
            (self.config.bind, self.config.osc_port),
            dispatcher,
            loop,  # type: ignore[arg-type]  # typed BaseEventLoop, any loop works
        )
        transport, _protocol = await server.create_serve_endpoint()
        self._osc_transport = transport
        self.osc_port = int(transport.get_extra_info("sockname")[1])

    def _osc_allowed(self, host: str) -> bool:
        allowed = self.config.osc_allowed
        if host in allowed:
            return True
        with contextlib.suppress(ValueError):
            ip = ipaddress.ip_address(host)
            if ip.version == 6 and ip.ipv4_mapped is not None:
                return str(ip.ipv4_mapped) in allowed
        return False

    def _osc(self, client: tuple[str, int], address: str, *values: Any) -> None:
        host = client[0]
        if not self._osc_allowed(host):
            self._refuse("OSC from an address not allowed")
            return
        if not address.startswith(OSC_PREFIX):
            return
        if not self._buckets.take(("osc", host)):
            self._refuse("rate limit")
            return
        name = address[len(OSC_PREFIX) :]
        try:
            command = parse_command(name, osc_args(name, list(values)), "osc")
        except CommandError:
            return
        self._spawn(self._run_command(command))


SEND_BUFFER = 64 * 1024


def _small_buffers(request: web.Request) -> None:
    """Keep what waits for one client small (kernel and transport): a client that stops
    reading is then seen within a few states, and dropped, instead of megabytes piling up."""
    transport = request.transport
    if transport is None:
        return
    sock = transport.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER)
    with contextlib.suppress(AttributeError, NotImplementedError):
        transport.set_write_buffer_limits(high=SEND_BUFFER)


def _secure(response: web.StreamResponse) -> None:
    headers = response.headers
    headers["Content-Security-Policy"] = CSP
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "no-referrer"
    headers["X-Frame-Options"] = "DENY"


def _json(status: int, data: dict[str, Any]) -> web.Response:
    response = web.Response(
        status=status,
        text=json.dumps(data, ensure_ascii=False),
        content_type="application/json",
    )
    response.headers["Cache-Control"] = "no-store"
    return response


def _error(status: int, sentence: str) -> web.Response:
    return _json(status, {"error": sentence})


def _json_message(msg: Any) -> dict[str, Any] | None:
    if msg.type != WSMsgType.TEXT:
        return None
    try:
        data = json.loads(msg.data)
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _placeholder(name: str) -> bytes:
    """Until resources/remote/ has the page: a page that says so (no script, no style)."""
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Timekeeper</title></head>"
        f"<body><p>Timekeeper remote: the {name} page is not installed.</p></body></html>"
    ).encode()
