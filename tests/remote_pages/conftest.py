"""Fixtures of the pages' browser tests: Debian's Chromium through Playwright, one per module,
and a server process on loopback (the stand-in of tests/remote_pages/stub_server.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.remote_pages.support import CHROMIUM, ServerProcess, free_port, launch_chromium


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if shutil.which(CHROMIUM) is None:
        pytest.skip(f"{CHROMIUM} is not installed (resources/debian-packages.txt: chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = launch_chromium(pw)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page whose console errors (a CSP refusal among them) are kept in .errors."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    p = ctx.new_page()
    errors: list[str] = []
    p.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.errors = errors
    try:
        yield p
    finally:
        ctx.close()


class Stub:
    """Start, kill and start again a stand-in server, on one port, resuming from one file."""

    def __init__(self, tmp: Path, session: Path | None = None) -> None:
        self.port = free_port()
        self.resume = tmp / "resume.json"
        self.session = session
        self.proc: ServerProcess | None = None

    def start(self) -> Any:
        from tests.remote_pages.support import stub_argv

        argv = stub_argv(self.port, self.resume)
        if self.session is not None:
            argv += ["--session", str(self.session)]
        self.proc = ServerProcess(argv)
        return self.proc.start()

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.kill()

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.stop()


@pytest.fixture
def stub(tmp_path: Path) -> Iterator[Stub]:
    s = Stub(tmp_path)
    try:
        yield s
    finally:
        s.stop()
