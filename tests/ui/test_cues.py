"""Sound cues in the app: the three cues rendered and measured, played through a real player
program (a script standing in for aplay, named by TIMEKEEPER_SOUND_PLAYER) by the live
controller at each crossing, never with cues off; a missing device is a banner; the sound
subsystem is not loaded at start-up with cues off.
"""

from __future__ import annotations

import math
import os
import stat
import subprocess
import sys
import wave
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.engine.cues import Cue
from app.model import load_running_order
from app.resources import sounds_dir
from app.sound import synth
from app.sound.player import ENV_PLAYER, CuePlayer
from app.ui.settings import Settings
from tests.conftest import REPO
from tests.ui.moderator_harness import SEED_START, Harness, make_controller, open_window

MARGIN_S = 0.0002

# -- the sounds themselves ---------------------------------------------------------------------

# (shortest, longest) in seconds: a cue is short, the zero one the longest.
LENGTHS = {Cue.WARNING: (0.25, 0.6), Cue.FINAL: (0.4, 0.9), Cue.ZERO: (0.8, 1.6)}


@cache
def rendered(cue: Cue) -> list[float]:
    return synth.render(cue)


def rms_dbfs(samples: list[float]) -> float:
    return 20 * math.log10(math.sqrt(sum(x * x for x in samples) / len(samples)))


@pytest.mark.parametrize("cue", list(Cue))
def test_each_cue_renders_to_a_short_sound_of_bounded_loudness(cue: Cue) -> None:
    samples = rendered(cue)
    seconds = len(samples) / synth.RATE
    low, high = LENGTHS[cue]
    assert low <= seconds <= high
    peak = max(abs(x) for x in samples)
    assert 0.5 <= peak <= 0.9  # heard in a room, never clipped
    assert -20.0 <= rms_dbfs(samples) <= -9.0
    # No click at either end: it starts from silence and is faded out.
    assert abs(samples[0]) < 0.01 and max(abs(x) for x in samples[-10:]) < 0.01
    # The three are told apart by length as well as by pitch.
    lengths = sorted(len(rendered(c)) for c in Cue)
    assert len(set(lengths)) == 3


@pytest.mark.parametrize("cue", list(Cue))
def test_the_shipped_files_are_what_the_script_makes(cue: Cue) -> None:
    path = sounds_dir() / synth.file_name(cue)
    assert path.read_bytes() == synth.wav_bytes(cue)  # `make sounds` was run after any change
    with wave.open(str(path), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, synth.RATE)
        assert wav.getnframes() == len(rendered(cue))


# -- the player ------------------------------------------------------------------------------


@pytest.fixture
def fake_player(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A player program that notes the file it was asked to play: what aplay would get."""
    played = tmp_path / "played.txt"
    script = tmp_path / "fake-aplay"
    script.write_text(f'#!/bin/sh\necho "$1" >> "{played}"\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv(ENV_PLAYER, str(script))
    return played


def played_cues(played: Path) -> list[str]:
    if not played.exists():
        return []
    return [Path(line).stem.removeprefix("cue-") for line in played.read_text().splitlines()]


def test_a_player_with_no_device_says_so_once_and_never_raises(tmp_path: Path) -> None:
    # What aplay does here (no sound card): exit 1 with its reason on stderr.
    script = tmp_path / "no-device"
    script.write_text(
        "#!/bin/sh\necho 'ALSA lib pcm.c:2666: Unknown PCM default' >&2\n"
        "echo 'aplay: main:831: audio open error: No such file or directory' >&2\nexit 1\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    told: list[str] = []
    player = CuePlayer(told.append, program=[str(script)])
    for cue in Cue:
        player.play(cue)
    player.wait_idle()
    player.close()
    assert told == ["aplay: main:831: audio open error: No such file or directory"]
    assert player.played == []


def test_no_player_program_is_one_sentence() -> None:
    told: list[str] = []
    player = CuePlayer(told.append, env={ENV_PLAYER: "/nonexistent/player"})
    assert player.program is None
    player.play(Cue.ZERO)
    player.wait_idle()
    player.close()
    assert len(told) == 1 and "no sound player program" in told[0]


def test_play_returns_at_once_whatever_the_player_does(tmp_path: Path) -> None:
    """The tick's side of a cue is a queue put: a player that takes a second (a real cue's
    length) does not hold the caller."""
    import time

    script = tmp_path / "slow"
    script.write_text("#!/bin/sh\nsleep 1\n", encoding="utf-8")
    script.chmod(0o755)
    player = CuePlayer(lambda _: None, program=[str(script)])
    before = time.perf_counter()
    for cue in Cue:
        player.play(cue)
    spent = time.perf_counter() - before
    player.close(timeout_s=0)
    assert spent < 0.05


# -- the live session ------------------------------------------------------------------------


@pytest.fixture
def harness(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> Iterator[Harness]:
    yield from _window(qtbot, tmp_path, seed_path, Settings())


def _window(qtbot: QtBot, tmp_path: Path, seed_path: Path, settings: Settings) -> Iterator[Harness]:
    from app.engine.clock import FakeClock

    clock = FakeClock(wall=SEED_START)
    logs = tmp_path / "logs"
    controller = make_controller(load_running_order(seed_path), clock, logs)
    h = open_window(qtbot, controller, clock, logs, settings=settings)
    yield h
    h.window.quit_now()
    h.controller.shutdown()


def run(h: Harness, seconds: float, every: float = 0.0) -> None:
    """Let time pass as the tick driver would: a refresh at every shown change (``every``:
    at most one refresh that often, a coarser look that still sees each phase)."""
    end = h.clock.monotonic() + seconds
    while True:
        step = max(every, h.controller.last.next_shown_change_in() + MARGIN_S)
        if h.clock.monotonic() + step > end:
            h.advance(end - h.clock.monotonic())
            return
        h.advance(step)


@pytest.mark.slow
def test_cues_on_ring_each_crossing_once_through_undo_and_a_minute(
    qtbot: QtBot, tmp_path: Path, seed_path: Path, fake_player: Path
) -> None:
    gen = _window(qtbot, tmp_path, seed_path, Settings(cues=True))
    h = next(gen)
    try:
        assert h.controller.bell is not None
        h.controller.toggle()  # start
        run(h, 450)  # 02:30 left
        h.controller.adjust(-60)  # 01:30: the warning, by the control
        h.controller.undo()  # 02:30 again: not rung again at 02:00
        run(h, 35)
        h.controller.adjust(60)  # back over the threshold and forward again
        run(h, 65)
        h.controller.adjust(-60)
        run(h, 200)  # final, zero and overtime
        bell = h.controller.bell
        assert [d.cue for d in bell.rung] == [Cue.WARNING, Cue.FINAL, Cue.ZERO]
        bell.player.wait_idle()
        assert played_cues(fake_player) == ["warning", "final", "zero"]
    finally:
        next(gen, None)


@pytest.mark.slow
def test_cues_off_play_nothing_and_load_no_sound(harness: Harness, fake_player: Path) -> None:
    h = harness
    assert h.controller.bell is None and not h.window.menus.cues_action.isChecked()
    h.controller.toggle()
    run(h, 700, every=10)
    assert played_cues(fake_player) == []
    # Switched on from the menu, mid-segment in overtime: nothing already past rings.
    h.window.menus.cues_action.trigger()
    assert h.window.settings.cues and h.controller.bell is not None
    h.controller.next()
    run(h, 500, every=5)  # talk 1 crosses its warning, final, zero
    h.controller.bell.player.wait_idle()
    assert played_cues(fake_player) == ["warning", "final", "zero"]
    h.window.menus.cues_action.trigger()  # off again
    assert h.controller.bell is None and not h.window.settings.cues


def test_the_test_button_plays_the_three_cues(harness: Harness, fake_player: Path) -> None:
    harness.window.menus.test_cues_action.trigger()
    tester = harness.window._cue_tester
    assert tester is not None
    tester.player.wait_idle()
    assert played_cues(fake_player) == ["warning", "final", "zero"]


def test_no_audio_device_is_a_banner(
    harness: Harness, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "no-device"
    script.write_text(
        "#!/bin/sh\necho 'aplay: main:831: audio open error: No such file or directory' >&2\n"
        "exit 1\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    monkeypatch.setenv(ENV_PLAYER, str(script))
    harness.window.menus.test_cues_action.trigger()
    qtbot.waitUntil(lambda: harness.window.banners.banner("sound") is not None, timeout=5000)
    banner = harness.window.banners.banner("sound")
    assert banner is not None
    assert banner.text == (
        "Sound cues cannot play: aplay: main:831: audio open error: No such file or "
        "directory. The countdown goes on."
    )


LOADED = (
    "import os, sys\n"
    "from app.ui.application import run_application\n"
    "run_application(None)\n"
    "print(sorted(m for m in sys.modules if m.startswith('app.sound') or m == 'app.ui.cues'))\n"
)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ("", "[]"),
        ("cues = true\n", "['app.sound', 'app.sound.player', 'app.sound.synth', 'app.ui.cues']"),
    ],
)
def test_the_sound_subsystem_is_loaded_only_with_cues_on(
    tmp_path: Path, settings: str, expected: str
) -> None:
    home = tmp_path / "home"
    env = {
        **os.environ,
        "TIMEKEEPER_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "TIMEKEEPER_QUIT_AFTER_PAINT": "1",
    }
    # Where app.paths puts the settings under TIMEKEEPER_HOME.
    found = subprocess.run(
        [sys.executable, "-c", "from app import paths; print(paths.settings_file())"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    settings_file = Path(found.stdout.strip())
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text(settings, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", LOADED],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == expected


# -- per session: the running order's `[session] cues` ------------------------------------------


def _seed_with(tmp_path: Path, seed_path: Path, line: str) -> Path:
    """The seed workshop with one more line in its [session] table."""
    text = seed_path.read_text(encoding="utf-8").replace("[session]\n", f"[session]\n{line}\n", 1)
    path = tmp_path / "seed-cues.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _session_window(qtbot: QtBot, tmp_path: Path, source: Path, settings: Settings) -> Harness:
    from app.engine.clock import FakeClock

    clock = FakeClock(wall=SEED_START)
    logs = tmp_path / "logs"
    controller = make_controller(load_running_order(source), clock, logs)
    return open_window(qtbot, controller, clock, logs, settings=settings)


@pytest.mark.slow
def test_a_session_with_cues_true_rings_with_the_setting_off(
    qtbot: QtBot, tmp_path: Path, seed_path: Path, fake_player: Path
) -> None:
    source = _seed_with(tmp_path, seed_path, "cues = true")
    assert load_running_order(source).plan.cues is True
    h = _session_window(qtbot, tmp_path, source, Settings())  # the app's setting: off
    try:
        bell = h.controller.bell
        assert bell is not None and h.window.menus.cues_action.isChecked()
        assert not h.window.settings.cues  # the setting itself is left as it was
        h.controller.toggle()
        run(h, 620, every=5)  # the opening's warning, final and zero
        assert [d.cue for d in bell.rung] == [Cue.WARNING, Cue.FINAL, Cue.ZERO]
        bell.player.wait_idle()
        assert played_cues(fake_player) == ["warning", "final", "zero"]
    finally:
        h.window.quit_now()
        h.controller.shutdown()


def test_a_session_with_cues_false_stays_silent_with_the_setting_on(
    qtbot: QtBot, tmp_path: Path, seed_path: Path, fake_player: Path
) -> None:
    source = _seed_with(tmp_path, seed_path, "cues = false")
    h = _session_window(qtbot, tmp_path, source, Settings(cues=True))
    try:
        assert h.controller.bell is None and not h.window.menus.cues_action.isChecked()
        h.controller.toggle()
        run(h, 620, every=10)
        assert played_cues(fake_player) == []
    finally:
        h.window.quit_now()
        h.controller.shutdown()


@pytest.mark.parametrize("setting", [False, True])
def test_without_the_field_the_setting_decides_as_before(
    qtbot: QtBot, tmp_path: Path, seed_path: Path, fake_player: Path, setting: bool
) -> None:
    assert load_running_order(seed_path).plan.cues is None
    h = _session_window(qtbot, tmp_path, seed_path, Settings(cues=setting))
    try:
        assert (h.controller.bell is not None) is setting
        assert h.window.menus.cues_action.isChecked() is setting
    finally:
        h.window.quit_now()
        h.controller.shutdown()


def test_opening_another_running_order_follows_its_cues(
    qtbot: QtBot, tmp_path: Path, seed_path: Path, fake_player: Path
) -> None:
    h = _session_window(qtbot, tmp_path, seed_path, Settings())
    try:
        assert h.controller.bell is None
        h.controller.load(load_running_order(_seed_with(tmp_path, seed_path, "cues = true")))
        assert h.controller.bell is not None and h.window.menus.cues_action.isChecked()
        h.controller.load(load_running_order(seed_path))  # no field: the setting (off)
        assert h.controller.bell is None
    finally:
        h.window.quit_now()
        h.controller.shutdown()
