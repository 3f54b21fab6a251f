"""Fixtures of the pages' browser tests: Debian's Chromium through Playwright, one per module,
and the real app with its server, in a process of its own, on loopback."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.remote_pages.support import (
    CHROMIUM,
    ServerProcess,
    Urls,
    app_argv,
    app_env,
    free_port,
    launch_chromium,
)


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


class AppServer:
    """The real app (``timekeeper SESSION --serve``) in a process of its own, on loopback: it
    can be killed as a crash is, and started again on the same port, settings and logs, when
    it resumes the session from its timing log (same tokens: they are in its settings)."""

    def __init__(self, tmp: Path, session: Path | None = None) -> None:
        self.port = free_port()
        self.home = tmp / "home"
        self.home.mkdir(exist_ok=True)
        self.session = session
        self.proc: ServerProcess | None = None

    def start(self) -> Urls:
        self.proc = ServerProcess(app_argv(self.port, self.session), env=app_env(self.home))
        return self.proc.start()

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.kill()

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.stop()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[AppServer]:
    s = AppServer(tmp_path)
    try:
        yield s
    finally:
        s.stop()
