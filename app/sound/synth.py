"""The three cues, synthesised: no recording, only the standard library (math, array, wave).

``python -m app.sound.synth`` (``make sounds``) writes them to ``resources/sounds/*.wav``,
the files the app plays (read through ``app.resources.sound_file``). The same code renders
them to a buffer for the tests (length, loudness, no click at either end) and for the check
that the shipped files are what this code makes.

Each is a small bell: a few inharmonic partials, each decaying exponentially, with a 5 ms
attack so that it starts without a click, and faded to silence at its end. Mono, 16 bit,
22 050 Hz: a cue is a few tens of kilobytes.

- WARNING: one soft stroke (A5), 0.4 s: "time to wrap up".
- FINAL: two strokes, higher (C#6), 0.7 s: "conclude now".
- ZERO: three falling strokes, the last one held, 1.3 s: "time is up".
"""

from __future__ import annotations

import io
import math
import sys
import wave
from array import array
from pathlib import Path

from app.engine.cues import Cue

RATE = 22_050
PEAK = 0.7  # of full scale: loud enough in a room, far from clipping
ATTACK_S = 0.005
FADE_S = 0.02
# A bell's partials (ratio to the fundamental, relative amplitude, decay time in seconds).
PARTIALS: tuple[tuple[float, float, float], ...] = (
    (1.0, 1.0, 0.35),
    (2.0, 0.45, 0.22),
    (2.76, 0.25, 0.15),
    (5.4, 0.08, 0.08),
)
# Each cue: strokes of (start in seconds, fundamental in Hz, decay scale), and its length.
SCORES: dict[Cue, tuple[tuple[tuple[float, float, float], ...], float]] = {
    Cue.WARNING: (((0.0, 880.0, 1.0),), 0.4),
    Cue.FINAL: (((0.0, 1108.7, 0.8), (0.3, 1108.7, 1.0)), 0.7),
    Cue.ZERO: (((0.0, 1318.5, 0.7), (0.22, 987.8, 0.7), (0.44, 659.3, 2.0)), 1.3),
}


def render(cue: Cue) -> list[float]:
    """The cue's samples, in [-1, 1], normalised to ``PEAK``."""
    strokes, length_s = SCORES[cue]
    n = round(length_s * RATE)
    out = [0.0] * n
    for start_s, freq, scale in strokes:
        first = round(start_s * RATE)
        for i in range(first, n):
            t = (i - first) / RATE
            value = 0.0
            for ratio, amp, decay in PARTIALS:
                value += (
                    amp * math.exp(-t / (decay * scale)) * math.sin(2 * math.pi * freq * ratio * t)
                )
            out[i] += value * min(1.0, t / ATTACK_S)
    fade = round(FADE_S * RATE)
    for k in range(fade):  # the last samples to silence: no click when the player stops
        out[n - 1 - k] *= k / fade
    top = max(abs(x) for x in out)
    return [x * PEAK / top for x in out]


def pcm16(samples: list[float]) -> bytes:
    data = array("h", (round(x * 32767) for x in samples))
    if sys.byteorder == "big":  # WAV is little-endian
        data.byteswap()
    return data.tobytes()


def wav_bytes(cue: Cue) -> bytes:
    """The cue as a WAV file (mono, 16 bit, ``RATE``)."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(pcm16(render(cue)))
    return buffer.getvalue()


def file_name(cue: Cue) -> str:
    return f"cue-{cue.value}.wav"


def main(argv: list[str] | None = None) -> int:
    """Write the three WAV files to the folder given (default: the checkout's sounds)."""
    from app.files import write_atomic

    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "resources" / "sounds"
    folder.mkdir(parents=True, exist_ok=True)
    for cue in Cue:
        path = folder / file_name(cue)
        write_atomic(path, wav_bytes(cue), force=True, mode=0o644)
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
