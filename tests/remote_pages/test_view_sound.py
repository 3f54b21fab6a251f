"""The speaker view's sound cues in a real headless Chromium: nothing plays before the tap on
"Enable sound"; after it, the warning threshold crossed makes the page start the warning
sound (Web Audio) exactly once, however many states repeat that cue. The page never decides
a cue: it plays the STATE's ``cue`` (the engine's decision, app/engine/cues.py) once per id.

The spy, installed before any page script: every AudioBufferSourceNode.start and
HTMLMediaElement.play is recorded with the buffer's duration."""

from __future__ import annotations

import time
import wave
from typing import Any

import pytest

from app.resources import sounds_dir
from tests.remote_pages.conftest import AppServer
from tests.remote_pages.support import get_state, post_command, wait_js

pytestmark = pytest.mark.slow

SPY = """
window.__starts = [];
window.__plays = 0;
window.__contexts = 0;
(() => {
  const start = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (...args) {
    window.__starts.push(this.buffer ? this.buffer.duration : -1);
    return start.apply(this, args);
  };
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (...args) {
    window.__plays += 1;
    return play.apply(this, args);
  };
  const Ctx = window.AudioContext;
  window.AudioContext = class extends Ctx {
    constructor(...args) {
      super(...args);
      window.__contexts += 1;
    }
  };
})();
"""


def _seconds(cue: str) -> float:
    with wave.open(str(sounds_dir() / f"cue-{cue}.wav"), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


def _phase(page: Any, index: int, phase: str) -> None:
    wait_js(
        page,
        f"document.body.dataset.phase === {phase!r} && TK.state() && TK.state().index === {index}",
        timeout=10.0,
    )


def _quiet_for(page: Any, seconds: float) -> list[float]:
    """What the page started over ``seconds`` of states (one a second while it counts)."""
    time.sleep(seconds)
    return list(page.evaluate("window.__starts"))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_after_the_tap_the_warning_plays_once_and_nothing_before(
    page: Any, server: AppServer, lang: str
) -> None:
    page.add_init_script(SPY)
    urls = server.start()
    assert post_command(urls, "start") == 200
    page.goto(urls.page("view", lang))
    page.wait_for_selector("body[data-connection=ok]", timeout=10_000)
    button = page.locator("#sound")
    assert button.is_visible()
    assert button.text_content() == {"en": "Enable sound", "fr": "Activer le son"}[lang]

    # Before the tap: the opening (10') crosses its warning (−8 min 10 s: 01:50 left) and the
    # STATE says so, but the page plays nothing and opens no audio context.
    assert post_command(urls, "add", {"seconds": -490}) == 200
    _phase(page, 0, "warning")
    assert get_state(urls)["cue"]["name"] == "warning"
    assert _quiet_for(page, 1.5) == []
    assert page.evaluate("[window.__plays, window.__contexts]") == [0, 0]

    # The tap, on talk 1 (8'20", warning at 1'40" left): the cues are fetched and decoded.
    assert post_command(urls, "next") == 200
    _phase(page, 1, "normal")
    button.click()
    wait_js(page, "document.body.dataset.sound", timeout=10.0)
    assert page.evaluate("document.body.dataset.sound") == "on", page.errors
    assert button.text_content() == {"en": "Sound on", "fr": "Son activé"}[lang]
    assert page.evaluate("window.__starts") == []  # the tap itself plays nothing

    # Its warning crossed (−6 min 50 s: 01:30 left): the warning sound starts, once.
    assert post_command(urls, "add", {"seconds": -410}) == 200
    _phase(page, 1, "warning")
    wait_js(page, "window.__starts.length > 0", timeout=5.0)
    starts = _quiet_for(page, 2.5)  # two or three more states carry the same cue
    assert len(starts) == 1, starts
    assert starts[0] == pytest.approx(_seconds("warning"), abs=0.01)
    assert starts[0] != pytest.approx(_seconds("final"), abs=0.01)
    assert page.evaluate("window.__plays") == 0
    assert page.errors == []
