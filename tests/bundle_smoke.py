"""`make dist`'s last step: the PyInstaller bundle, run as a user would, from another folder.

    python -m tests.bundle_smoke dist/timekeeper/timekeeper

Checks that ``--version`` answers, that ``check --json`` with a fresh TIMEKEEPER_HOME prints
the seed workshop's plan, and that the window opens offscreen in French and paints
(TIMEKEEPER_QUIT_AFTER_PAINT, app/ui/application.py) with the platform's tick timer; prints
the bundle's size and its start-up time (spawn to the moderator window's first paint,
median of 3) against the
targets (200 MB, 1 s). Exit 1 when a check fails or a target is missed. Not a pytest module:
the bundle is built by `make dist`, never by `make test`.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZE_TARGET_MB = 200
START_TARGET_S = 1.0


def folder_mb(folder: Path) -> float:
    """Bytes on disk once: the symbolic links PyInstaller makes are not counted again."""
    return (
        sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    )


def main(argv: list[str]) -> int:
    exe = Path(argv[0] if argv else "dist/timekeeper/timekeeper").resolve()
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "TIMEKEEPER_HOME": str(Path(tmp) / "home")}
        env.pop("PYTHONPATH", None)

        def run(
            *args: str, extra: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [str(exe), *args], cwd=tmp, env={**env, **(extra or {})},
                capture_output=True, text=True, timeout=60, check=False,
            )  # fmt: skip

        version = run("--version")
        print(f"bundle: {version.stdout.strip() or version.stderr.strip()}")
        plan = run("check", "--json")
        try:
            segments = json.loads(plan.stdout)["segments"]
            print(f"bundle: check --json prints the seed plan ({len(segments)} segments)")
        except (ValueError, KeyError):
            failures.append(f"check --json: {plan.stderr.strip()}")
        gui = {"QT_QPA_PLATFORM": "offscreen", "TIMEKEEPER_QUIT_AFTER_PAINT": "1"}
        times = []
        for _ in range(3):
            start = time.perf_counter()
            with subprocess.Popen(
                [str(exe), "--lang", "fr"], cwd=tmp, env={**env, **gui}, text=True,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            ) as proc:  # fmt: skip
                assert proc.stdout is not None and proc.stderr is not None
                first = proc.stdout.readline()  # "window: ...", printed at the first paint
                times.append(time.perf_counter() - start)
                out, err = proc.stdout.read(), proc.stderr.read()  # a few lines: no deadlock
                proc.wait(timeout=60)
            lines = dict(line.split(": ", 1) for line in (first + out).splitlines() if ": " in line)
            if proc.returncode != 0 or lines.get("projector") != "Timekeeper — Projecteur":
                failures.append(f"window: exit {proc.returncode}, {first}{out} {err}")
                break
        else:
            print(f"bundle: window painted offscreen in French, tick timer {lines.get('tick')}")
    size = folder_mb(exe.parent)
    start_s = statistics.median(times) if times else float("inf")
    print(f"bundle: size {size:.0f} MB (target <= {SIZE_TARGET_MB} MB)")
    print(f"bundle: start-up to first paint, median of 3: {start_s:.2f} s (target <= 1 s)")
    if size > SIZE_TARGET_MB:
        failures.append(f"size {size:.0f} MB over {SIZE_TARGET_MB} MB")
    if start_s > START_TARGET_S:
        failures.append(f"start-up {start_s:.2f} s over {START_TARGET_S} s")
    for failure in failures:
        print(f"bundle: FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
