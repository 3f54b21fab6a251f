"""A WebSocket client on a bare socket: for the faults a real client library would smooth
over (one that never reads, a tiny receive buffer)."""

from __future__ import annotations

import base64
import json
import os
import socket
import struct
from typing import Any


def frame(text: str) -> bytes:
    """One masked text frame, as a client must send it."""
    payload = text.encode()
    mask = os.urandom(4)
    head = bytes([0x81])
    n = len(payload)
    if n < 126:
        head += bytes([0x80 | n])
    elif n < 65536:
        head += bytes([0x80 | 126]) + struct.pack("!H", n)
    else:
        head += bytes([0x80 | 127]) + struct.pack("!Q", n)
    return head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def connect(port: int, token: str, *, rcvbuf: int | None = None) -> socket.socket:
    """Open /api/v1/ws, read the handshake's answer, say hello; nothing read after that."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    sock.settimeout(5)
    sock.connect(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(
        (
            "GET /api/v1/ws HTTP/1.1\r\n"
            f"Host: 127.0.0.1:{port}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        ).encode()
    )
    answer = b""
    while b"\r\n\r\n" not in answer:
        chunk = sock.recv(1)
        if not chunk:
            raise ConnectionError("closed during the handshake")
        answer += chunk
    assert answer.startswith(b"HTTP/1.1 101"), answer
    sock.sendall(frame(json.dumps({"type": "hello", "token": token})))
    return sock


def command(ident: int, name: str, args: dict[str, Any] | None = None) -> bytes:
    return frame(json.dumps({"type": "command", "id": ident, "command": name, "args": args or {}}))
