"""``make screenshots-remote``: every remote page at 390×844 (phone, portrait) and 1024×768
(tablet, landscape), and the speaker view at 844×390 (phone, landscape), in French and in
English, from the real app serving on loopback (its own TIMEKEEPER_HOME):
screenshots/remote/<page>-<width>x<height>-<lang>.png.

The session is started and a message is shown, so every part of each page has something in it.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.remote_pages.support import (
    ServerProcess,
    app_argv,
    app_env,
    free_port,
    launch_chromium,
    post_command,
    wait_js,
)

PAGES = ("view", "backstage", "agenda", "control")
SIZES = ((390, 844), (1024, 768), (844, 390))
LANGS = ("fr", "en")


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="timekeeper-shots-"))
    server = ServerProcess(app_argv(free_port()), env=app_env(home))
    urls = server.start()
    try:
        post_command(urls, "start")
        with sync_playwright() as pw:
            browser = launch_chromium(pw)
            try:
                page = browser.new_page()
                page.goto(urls.page("control"))
                page.wait_for_selector("#b-next:not([disabled])", timeout=10_000)
                page.click("#b-next")  # a done row in the running order
                page.locator(".btn-preset").first.click()
                wait_js(page, "document.getElementById('shown').textContent.includes('conclure')")
                page.close()
                for name in PAGES:
                    for w, h in SIZES:
                        if (w, h) == (844, 390) and name != "view":
                            continue
                        for lang in LANGS:
                            ctx = browser.new_context(viewport={"width": w, "height": h})
                            p = ctx.new_page()
                            p.goto(urls.page(name, lang))
                            p.wait_for_selector("body[data-connection=ok]", timeout=10_000)
                            time.sleep(0.2)  # fonts laid out
                            target = out / f"{name}-{w}x{h}-{lang}.png"
                            p.screenshot(path=str(target), full_page=name != "view")
                            print(target)
                            ctx.close()
                # The speaker view in each phase and state (the word and the mark, not only
                # the colour): minutes taken off the segment with -1 min, as the moderator does.
                ctx = browser.new_context(viewport={"width": 390, "height": 844})
                p = ctx.new_page()
                p.goto(urls.page("view", "en"))
                p.wait_for_selector("body[data-connection=ok]", timeout=10_000)
                post_command(urls, "clear-message")
                steps = (
                    ("warning", [("add", {"seconds": -420})]),
                    ("final", [("add", {"seconds": -30})]),
                    ("overtime", [("add", {"seconds": -60})]),
                    ("paused", [("pause", {})]),
                    ("blink", [("message", {"text": "Merci de conclure", "blink": True})]),
                    ("blackout", [("blackout", {})]),
                )
                for label, commands in steps:
                    for name, args in commands:
                        post_command(urls, name, args)
                    time.sleep(0.4)
                    target = out / f"view-390x844-en-{label}.png"
                    p.screenshot(path=str(target))
                    print(target)
                post_command(urls, "blackout")
                ctx.close()
                # The app gone: what a page shows then (the red band, the dimmed figure).
                pages = []
                for lang in LANGS:
                    ctx = browser.new_context(viewport={"width": 390, "height": 844})
                    p = ctx.new_page()
                    p.goto(urls.page("view", lang))
                    p.wait_for_selector("body[data-connection=ok]", timeout=10_000)
                    pages.append((lang, ctx, p))
                server.kill()
                for lang, ctx, p in pages:
                    p.wait_for_selector("body[data-connection=lost]", timeout=10_000)
                    target = out / f"view-390x844-{lang}-connection-lost.png"
                    p.screenshot(path=str(target))
                    print(target)
                    ctx.close()
            finally:
                browser.close()
    finally:
        server.stop()
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots/remote")))
