"""Plays the cues without ever blocking the caller: a worker thread hands each WAV file to the
system's own player program (README, "Sound cues": why a program and not a library).

The first of ``pw-play`` (PipeWire), ``paplay`` (PulseAudio, also PipeWire's pulse server),
``aplay`` (ALSA) found on PATH plays the file; ``TIMEKEEPER_SOUND_PLAYER`` names another (a
test's fake, or ``ffplay -nodisp -autoexit`` on a system with none of them). ``play`` only puts
the cue on a queue (a few microseconds on the Qt thread); the worker runs the program, waits
for it and, if it fails (no program, no audio device, a server that is not running), says so
once, in one sentence, to ``on_problem`` (called on the worker thread: the Qt side turns it
into a queued signal and a banner). A cue that cannot play is dropped: nothing waits for it.
"""

from __future__ import annotations

import os
import queue
import shlex
import shutil
import subprocess
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from app.engine.cues import Cue
from app.resources import sound_file
from app.sound.synth import file_name

PROGRAMS: tuple[tuple[str, ...], ...] = (
    ("pw-play",),
    ("paplay",),
    ("aplay", "-q"),
)
ENV_PLAYER = "TIMEKEEPER_SOUND_PLAYER"
NO_PROGRAM = (
    "no sound player program was found (pw-play, paplay or aplay: install "
    "pipewire-bin, pulseaudio-utils or alsa-utils)"
)
TIMEOUT_S = 10.0  # a cue lasts about a second; a player stuck longer is given up on


class _Marker:
    """Put on the queue by ``wait_idle``: set when the worker reaches it."""

    def __init__(self, done: threading.Event) -> None:
        self.done = done


_NO_PROGRAM = _Marker(threading.Event())  # queued at the start when there is no program


def find_program(env: dict[str, str] | None = None) -> tuple[str, ...] | None:
    """The command line a cue file is appended to; None when there is no player here."""
    environ = os.environ if env is None else env
    named = environ.get(ENV_PLAYER, "").strip()
    if named:
        words = tuple(shlex.split(named))
        return words if shutil.which(words[0]) else None
    for program in PROGRAMS:
        if shutil.which(program[0]):
            return program
    return None


def cue_path(cue: Cue) -> Path:
    return sound_file(file_name(cue))


def _why(program: Sequence[str], result: subprocess.CompletedProcess[bytes]) -> str:
    """One line: the player's own last words (``aplay: main:831: audio open error: No such
    file or directory``), else its exit status."""
    text = result.stderr.decode("utf-8", "replace").strip().splitlines()
    last = text[-1].strip() if text else ""
    return last or f"{program[0]} exited with status {result.returncode}"


class CuePlayer:
    """One worker thread and its queue; ``close`` ends it (the app's shutdown)."""

    def __init__(
        self,
        on_problem: Callable[[str], None],
        *,
        program: Sequence[str] | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self._on_problem = on_problem
        self._program = tuple(program) if program is not None else find_program(env)
        self._queue: queue.SimpleQueue[Cue | _Marker | None] = queue.SimpleQueue()
        self._told = False
        self.played: list[Cue] = []  # what the player program took (tests read it)
        self.problem: str | None = None
        self._thread = threading.Thread(target=self._work, name="sound-cues", daemon=True)
        self._thread.start()
        if self._program is None:  # known at once: said before the first cue is due
            self._queue.put(_NO_PROGRAM)

    @property
    def program(self) -> tuple[str, ...] | None:
        return self._program

    def play(self, cue: Cue) -> None:
        """Queue ``cue``; returns at once."""
        self._queue.put(cue)

    def close(self, timeout_s: float = 0.0) -> None:
        """Stop the worker after what is queued (a cue playing is left to end by itself);
        waits ``timeout_s`` at most for it (the Qt thread never does: 0)."""
        self._queue.put(None)
        self._thread.join(timeout_s)

    def wait_idle(self, timeout_s: float = 5.0) -> None:
        """Until everything queued so far has been played or dropped (tests, the test button's
        own tests): a marker goes through the queue."""
        done = threading.Event()
        self._queue.put(_Marker(done))
        done.wait(timeout_s)

    def _work(self) -> None:
        while True:
            cue = self._queue.get()
            if cue is None:
                return
            if cue is _NO_PROGRAM or (self._program is None and not isinstance(cue, _Marker)):
                self._tell(NO_PROGRAM)
                continue
            if isinstance(cue, _Marker):
                cue.done.set()
                continue
            self._play_one(cue)

    def _play_one(self, cue: Cue) -> None:
        assert self._program is not None
        command = [*self._program, str(cue_path(cue))]
        try:
            result = subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                timeout=TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            self._tell(f"{self._program[0]} could not run ({exc})")
            return
        if result.returncode != 0:
            self._tell(_why(self._program, result))
            return
        self.played.append(cue)
        self.problem = None

    def _tell(self, problem: str) -> None:
        """Say a problem once (a device missing at every cue is one banner, not one a cue)."""
        self.problem = problem
        if not self._told:
            self._told = True
            self._on_problem(problem)
