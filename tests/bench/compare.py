"""`make bench-compare BEFORE=<dir>`: the bench figures of two trees, measured in turns on one
machine, side by side: figure, before (median), after (median), ratio, and whether the after
figure is within 10 % of the before one.

``<dir>`` is another checkout of Timekeeper with its own ``.venv`` (e.g. made with
``git worktree add --detach ../before <commit>`` and ``make -C ../before translations``); the
"after" tree is this one unless ``--after`` names another. Each tree is measured by its own
code and its own interpreter: every child process runs in the tree's folder with the tree's
``.venv/bin/python``, so ``tests.bench`` and ``app`` are the tree's own.

Three kinds of figure, because the machine is shared (2 cores, other jobs running tests):

- **instructions** (load-independent): the pure-Python work counted by valgrind's callgrind,
  only while the measured call runs (``--collect-atstart=no --toggle-collect=starmap_next``:
  the probe calls the work through ``itertools.starmap``, which nothing else in the process
  uses, after one warm-up call outside the count). The CLI start-up figures count the whole
  process. Both trees read the same logs, written once by the "before" tree's own bench code
  (so the older reader can read them too).
- **memory** (load-independent): tracemalloc's figures of ``bench_memory`` (what 10,000
  events keep) and peak RSS (the app's VmHWM in ``bench_ui``; getrusage's ru_maxrss of a
  ``timekeeper report`` process).
- **wall** (noisy under load): flip p99 and CPU while counting from ``bench_ui``, start-up.
  Rounds alternate the order (before, after; after, before; ...) so a change of load hits
  both trees alike; the median of the rounds is shown, and the spread (min-max) with
  ``--spread``.

Run: ``python -m tests.bench.compare BEFORE [--after DIR] [--rounds N] [--only KIND]``.
Exit 1 when a load-independent figure is more than 10 % worse after.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 1.10  # after / before: "no figure more than 10 % worse"

# Runs ``tests.bench.<module>.run()`` in a tree and prints its figures as JSON. Names that
# repeat (bench_ui's two "the same, p99" lines) are keyed by the line before them.
FIGURES_CHILD = r"""
import importlib, json, sys
module = importlib.import_module("tests.bench." + sys.argv[1])
out, previous = {}, ""
for f in module.run():
    key = f.name if f.name not in out else previous + " / " + f.name
    if f.name.startswith("flip: the same"):
        key = previous + " / " + f.name
    else:
        previous = f.name
    out[key] = [f.value, f.unit]
print("@@FIGURES@@" + json.dumps(out))
"""

# Writes the two logs every instruction probe reads, with the tree's own bench code.
LOGS_CHILD = r"""
import sys
from pathlib import Path
from tests.bench.bench_engine import _long_log
from tests.bench.bench_replay import make_log
folder = Path(sys.argv[1])
_long_log(folder).rename(folder / "report.jsonl")
make_log(folder / "replay.jsonl")
"""

# The instruction probes named on the command line, in one process: for each, its setup, one
# warm-up call, then the measured call through itertools.starmap (callgrind counts only inside
# starmap_next, and dumps after each). Works on both the Engine-era tree (app.engine.Engine,
# app.timing_log.report, app.ui.replay.Timeline) and the Timeline-era one (app.engine.Timeline,
# app.reports).
PROBE_CHILD = r"""
import itertools, os, sys
from pathlib import Path
folder, probes = sys.argv[1], sys.argv[2:]
report_log, replay_log = folder + "/report.jsonl", folder + "/replay.jsonl"
try:
    from app.engine import Timeline as Engine
    TIMELINE = True
except ImportError:
    from app.engine import Engine
    TIMELINE = False
from app.timing_log.reader import read_log


def fold(plan, events):
    engine = Engine(plan, events)
    if TIMELINE:
        engine.final()  # a Timeline folds when first read
    return engine


def measured(work):
    list(itertools.starmap(work, [()]))


def warm_and_measure(work):
    work()
    measured(work)


def snapshots(engine):
    t0, calls = engine.last_t, 1000
    def work():
        for i in range(calls):
            engine.snapshot(t0 + 0.37 * i)
    return work


def probe(name):
    if name in ("snapshot-seed", "snapshot-500"):
        from tests.bench import bench_engine as b
        seed = name == "snapshot-seed"
        warm_and_measure(snapshots(b._seed_engine() if seed else b._big_engine(b._big_plan(500))))
    elif name == "read-log":
        warm_and_measure(lambda: read_log(report_log))
    elif name == "report":
        if TIMELINE:
            from app.reports.formats import render
            from app.reports.model import build_report
        else:
            from app.timing_log.report import build_report, render
        warm_and_measure(lambda: render(build_report(read_log(report_log)), "json"))
    elif name == "recovery":
        log = read_log(report_log)
        plan, events = log.header.plan, log.events[:-1]  # the day before its end: a crash
        warm_and_measure(lambda: fold(plan, events))
    elif name == "undo":
        from datetime import timedelta
        from app.engine import FakeClock
        from app.engine.session import Session
        log = read_log(report_log)
        sessions = []
        for _ in range(2):
            engine = fold(log.header.plan, log.events[:-1])
            clock = FakeClock(monotonic=0.0)
            sessions.append(Session(engine, clock, origin_mono=-engine.last_t,
                                    origin_wall=clock.wall() - timedelta(seconds=engine.last_t)))
        sessions[0].undo()
        measured(sessions[1].undo)
    elif name == "replay":  # two dumps: the window opened and painted, then the first seek
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication
        from app.ui.replay import ReplayWindow
        app = QApplication(sys.argv[:1])
        windows = []
        def open_window():
            window = ReplayWindow(read_log(replay_log), Path(replay_log), language="en")
            window.show()
            window.grab()
            windows.append(window)
        warm_and_measure(open_window)
        app.processEvents()
        window = windows[-1]
        measured(lambda: window.timeline.snapshot(window.end_t))
    elif name == "projector":  # one second turning on the projector view, painted at once
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication
        from app.ui.projector import ProjectorView
        from tests.bench.bench_engine import _seed_engine
        app = QApplication.instance() or QApplication(sys.argv[:1])
        engine = _seed_engine()
        t0 = engine.last_t + 0.5
        view = ProjectorView()
        view.resize(1920, 1080)
        view.show()
        app.processEvents()
        seconds = iter(range(100))
        def flip():
            view.render(engine.snapshot(t0 + next(seconds)), at_once=True)
        for _ in range(4):  # laid out, glyphs cached
            flip()
            app.processEvents()
        measured(flip)
    else:
        raise SystemExit("unknown probe " + name)


for name in probes:
    probe(name)
"""


@dataclass(frozen=True)
class Spec:
    label: str
    kind: str  # "instructions" | "memory" | "wall"
    unit: str
    # ``after / before`` above LIMIT fails only for load-independent figures.
    note: str = ""


@dataclass
class Samples:
    before: list[float] = field(default_factory=list)
    after: list[float] = field(default_factory=list)


# Figures read from a tree's own bench module: (module, the start of its name in the module's
# output: "(30 s wall)", "p99 of 22" vary with the run) -> what we show.
BENCH_FIGURES: dict[tuple[str, str], Spec] = {
    ("bench_memory", "memory: kept after 10,000 events (8 h, 500 segments)"): Spec(
        "memory kept after 10,000 events (tracemalloc)", "memory", "MB"
    ),
    ("bench_memory", "memory: peak growth per 1,000 events after warm-up"): Spec(
        "memory: peak growth per 1,000 events (tracemalloc)", "memory", "KB"
    ),
    ("bench_memory", "snapshot: bytes allocated per call at event 10,000"): Spec(
        "snapshot: bytes allocated per call at event 10,000", "memory", "KB"
    ),
    ("bench_ui", "peak RSS, both windows, counting (VmHWM)"): Spec(
        "peak RSS, both windows, counting (VmHWM)", "memory", "MB"
    ),
    (
        "bench_ui",
        "flip: boundary -> projector view 1920x1080 (p50) / flip: the same, p99",
    ): Spec("flip p99: projector view", "wall", "ms"),
    (
        "bench_ui",
        "flip: boundary -> moderator countdown (window repaint) (p50) / flip: the same, p99",
    ): Spec("flip p99: moderator countdown", "wall", "ms"),
    ("bench_ui", "flip: boundary -> projector view 1920x1080 (p50)"): Spec(
        "flip p50: projector view", "wall", "ms"
    ),
    ("bench_ui", "CPU counting, both windows"): Spec(
        "CPU while counting, both windows", "wall", "%"
    ),
    ("bench_ui", "CPU: one wake-up's cycle, median (a loaded machine inflates some)"): Spec(
        "CPU: one wake-up's cycle, median", "wall", "ms"
    ),
    ("bench_ui", "start-up: spawn -> first window painted"): Spec(
        "start-up: spawn -> first window painted", "wall", "s"
    ),
}

# Instruction probes (PROBE_CHILD) and whole-process counts: name -> (spec, per-call divisor).
PROBES: dict[str, tuple[Spec, int]] = {
    "snapshot-seed": (Spec("snapshot, seed workshop (per call)", "instructions", "Ir"), 1000),
    "snapshot-500": (
        Spec("snapshot, 500-segment running order (per call)", "instructions", "Ir"),
        1000,
    ),
    "read-log": (Spec("read_log of a 10,000-event log", "instructions", "MIr"), 1),
    "report": (Spec("report of a 10,000-event log (read, fold, json)", "instructions", "MIr"), 1),
    "recovery": (Spec("recovery: engine rebuilt from that log", "instructions", "MIr"), 1),
    "undo": (Spec("undo at the end of that log", "instructions", "MIr"), 1),
    "replay": (Spec("replay: open + first paint (10k events)", "instructions", "MIr"), 1),
    "replay-seek": (Spec("replay: first seek to the end", "instructions", "MIr"), 1),
    "projector": (
        Spec("projector view 1920x1080: one second's repaint (flip)", "instructions", "MIr"),
        1,
    ),
}
PROCESSES: dict[str, tuple[Spec, list[str]]] = {
    "import-cli": (
        Spec("CLI start-up: python -c 'import app.cli' (process)", "instructions", "MIr"),
        [".venv/bin/python", "-c", "import app.cli"],
    ),
    "version": (
        Spec("CLI start-up: timekeeper --version (process)", "instructions", "MIr"),
        [".venv/bin/timekeeper", "--version"],
    ),
    "report-cli": (
        Spec("timekeeper report LOG --format json (process)", "instructions", "MIr"),
        [".venv/bin/timekeeper", "report", "{folder}/report.jsonl", "--format", "json"],
    ),
}
RSS: dict[str, tuple[Spec, list[str]]] = {
    "report-rss": (
        Spec("peak RSS: timekeeper report LOG --format json", "memory", "MB"),
        [".venv/bin/timekeeper", "report", "{folder}/report.jsonl", "--format", "json"],
    ),
}


def _env(tree: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHONHASHSEED="0",
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONPATH=str(tree),
    )
    env.pop("VIRTUAL_ENV", None)
    return env


def _python(tree: Path) -> str:
    return str(tree / ".venv" / "bin" / "python")


def _run(tree: Path, args: list[str], timeout: float) -> str:
    done = subprocess.run(
        args, cwd=tree, env=_env(tree), capture_output=True, text=True, timeout=timeout
    )
    if done.returncode != 0:
        raise RuntimeError(f"{tree}: {' '.join(args[:4])} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def bench_module(tree: Path, module: str) -> dict[str, float]:
    out = _run(tree, [_python(tree), "-c", FIGURES_CHILD, module], timeout=900)
    line = next(x for x in out.splitlines() if x.startswith("@@FIGURES@@"))
    return {k: v[0] for k, v in json.loads(line[len("@@FIGURES@@") :]).items()}


def _callgrind(tree: Path, command: list[str], *, toggle: bool) -> list[int]:
    """Instructions counted by callgrind: one number per dump (with ``toggle``, the collection
    is split per measured call by --dump-after=starmap_next)."""
    with tempfile.TemporaryDirectory(prefix="tk-cg-") as tmp:
        out = Path(tmp) / "cg.out"
        valgrind = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]
        if toggle:
            valgrind += [
                "--collect-atstart=no",
                "--toggle-collect=starmap_next",
                "--dump-after=starmap_next",
            ]
        _run(tree, [*valgrind, *command], timeout=1800)
        counts = []
        for path in sorted(Path(tmp).glob("cg.out*"), key=lambda p: _part(p)):
            for line in path.read_text().splitlines():
                if line.startswith("summary:") or line.startswith("totals:"):
                    counts.append(int(line.split()[1]))
                    break
        # A toggled run dumps at each starmap_next exit: the measured call, then the (tiny)
        # StopIteration call, for each measured call; and an empty dump at exit.
        return [c for c in counts if c > 0][0::2] if toggle else counts


def _part(path: Path) -> int:
    tail = path.name.rsplit(".", 1)[-1]
    return int(tail) if tail.isdigit() else 0


PURE_PROBES = ("snapshot-seed", "snapshot-500", "read-log", "report", "recovery", "undo")


def probe_counts(tree: Path, folder: Path) -> dict[str, float]:
    """Every instruction figure of one tree: the pure probes in one process, replay (Qt) in
    another, each CLI process on its own; two at a time (counts do not depend on load)."""
    probe = [_python(tree), "-c", PROBE_CHILD, str(folder)]
    jobs: dict[str, tuple[list[str], bool]] = {
        "pure": ([*probe, *PURE_PROBES], True),
        "replay": ([*probe, "replay", "projector"], True),
    }
    for name, (_, command) in PROCESSES.items():
        argv = [str(tree / a) if a.startswith(".venv/") else a.format(folder=folder)
                for a in command]  # fmt: skip
        jobs[name] = (argv, False)
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {
            name: pool.submit(_callgrind, tree, argv, toggle=toggle)
            for name, (argv, toggle) in jobs.items()
        }
        results = {name: f.result() for name, f in futures.items()}
    out: dict[str, float] = {}
    pure = results.pop("pure")
    assert len(pure) == len(PURE_PROBES), pure
    for name, count in zip(PURE_PROBES, pure, strict=True):
        out[name] = count / PROBES[name][1]
    replay = results.pop("replay")
    assert len(replay) == 3, replay
    out["replay"], out["replay-seek"], out["projector"] = replay
    for name, counts in results.items():
        out[name] = counts[0]
    return out


def peak_rss_mb(tree: Path, argv: list[str]) -> float:
    """ru_maxrss of one child, started through a small launcher (so that what the child had
    before its exec, a copy of this process, is the launcher's: a few MB)."""
    launcher = (
        "import os, resource, sys\n"
        "pid = os.spawnv(os.P_NOWAIT, sys.argv[1], sys.argv[1:])\n"
        "_, status, usage = os.wait4(pid, 0)\n"
        "print('@@RSS@@', usage.ru_maxrss)\n"
        "sys.exit(os.waitstatus_to_exitcode(status))\n"
    )
    out = _run(tree, ["/usr/bin/python3", "-c", launcher, *argv], timeout=300)
    kb = int(next(x for x in out.splitlines() if x.startswith("@@RSS@@")).split()[1])
    return kb / 1024


def _scale(spec: Spec, value: float) -> float:
    return value / 1e6 if spec.unit == "MIr" else value


def measure_round(tree: Path, folder: Path, kinds: set[str]) -> dict[str, float]:
    figures: dict[str, float] = {}
    modules = {m for (m, _), s in BENCH_FIGURES.items() if s.kind in kinds}
    for module in sorted(modules, reverse=True):  # bench_ui (wall) first, on a quiet start
        print(f"  {tree.name}: {module}", file=sys.stderr, flush=True)
        values = bench_module(tree, module)
        for (m, start), spec in BENCH_FIGURES.items():
            found = [key for key in values if key.startswith(start)] if m == module else []
            if found:
                figures[spec.label] = values[found[0]]
    if "memory" in kinds:
        for spec, command in RSS.values():
            argv = [str(tree / a) if a.startswith(".venv/") else a.format(folder=folder)
                    for a in command]  # fmt: skip
            figures[spec.label] = peak_rss_mb(tree, argv)
    if "instructions" in kinds:
        print(f"  {tree.name}: callgrind probes", file=sys.stderr, flush=True)
        counts = probe_counts(tree, folder)
        for name, value in counts.items():
            spec = PROBES[name][0] if name in PROBES else PROCESSES[name][0]
            figures[spec.label] = _scale(spec, value)
    return figures


def all_specs() -> list[Spec]:
    return [
        *(s for s, _ in PROBES.values()),
        *(s for s, _ in PROCESSES.values()),
        *(s for s in BENCH_FIGURES.values() if s.kind == "memory"),
        *(s for s, _ in RSS.values()),
        *(s for s in BENCH_FIGURES.values() if s.kind == "wall"),
    ]


def _fmt(value: float) -> str:
    if value != value:  # nan
        return "-"
    return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"


def table(samples: dict[str, Samples], rounds: int, spread: bool) -> tuple[str, list[str]]:
    rows = [("figure", "method", "before", "after", "unit", "ratio", "<= 1.10 x")]
    worse: list[str] = []
    for spec in all_specs():
        s = samples.get(spec.label)
        if s is None or not s.before or not s.after:
            continue
        b, a = statistics.median(s.before), statistics.median(s.after)
        ratio = a / b if b else float("nan")
        ok = ratio <= LIMIT
        method = {"instructions": "callgrind", "memory": "memory", "wall": "wall (noisy)"}[
            spec.kind
        ]
        verdict = "yes" if ok else ("NO" if spec.kind != "wall" else "no (noisy)")
        if not ok:
            worse.append(spec.label)
        before, after = _fmt(b), _fmt(a)
        if spread and len(s.before) > 1:
            before += f" [{_fmt(min(s.before))}-{_fmt(max(s.before))}]"
            after += f" [{_fmt(min(s.after))}-{_fmt(max(s.after))}]"
        rows.append((spec.label, method, before, after, spec.unit, f"{ratio:.3f}", verdict))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [c.ljust(w) if i in (0, 1, 4, 6) else c.rjust(w)
                 for i, (c, w) in enumerate(zip(row, widths, strict=True))]  # fmt: skip
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    del rounds
    return "\n".join(lines), worse


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.compare", description=__doc__)
    parser.add_argument("before", type=Path, help="the tree before (with its own .venv)")
    parser.add_argument("--after", type=Path, default=ROOT, help="the tree after (this one)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of wall/memory figures")
    parser.add_argument("--instruction-rounds", type=int, default=1,
                        help="rounds of callgrind counts (nearly exact: 1 is enough)")  # fmt: skip
    parser.add_argument("--only", choices=["instructions", "memory", "wall"], action="append")
    parser.add_argument("--spread", action="store_true", help="show min-max of the rounds")
    args = parser.parse_args(argv)
    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    for name, tree in trees.items():
        if not (tree / ".venv" / "bin" / "python").exists():
            parser.error(f"{name} tree {tree} has no .venv (run `make translations` in it)")
    kinds = set(args.only or ["instructions", "memory", "wall"])
    if "instructions" in kinds and shutil.which("valgrind") is None:
        parser.error("valgrind is not installed (apt-get install valgrind)")
    started = time.monotonic()
    samples: dict[str, Samples] = {}
    with tempfile.TemporaryDirectory(prefix="tk-bench-compare-") as tmp:
        folder = Path(tmp)
        _run(trees["before"], [_python(trees["before"]), "-c", LOGS_CHILD, str(folder)], 600)
        rounds = max(args.rounds, args.instruction_rounds)
        for n in range(rounds):
            order = ["before", "after"] if n % 2 == 0 else ["after", "before"]
            round_kinds = {k for k in kinds if k != "instructions" or n < args.instruction_rounds}
            round_kinds = {k for k in round_kinds if k == "instructions" or n < args.rounds}
            print(f"round {n + 1}/{rounds}: {' then '.join(order)}", file=sys.stderr, flush=True)
            for side in order:
                for label, value in measure_round(trees[side], folder, round_kinds).items():
                    getattr(samples.setdefault(label, Samples()), side).append(value)
    text, worse = table(samples, rounds, args.spread)
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"before: {trees['before']}\nafter:  {trees['after']}")
    measured = (
        [f"{args.instruction_rounds} of instruction counts"] if "instructions" in kinds else []
    )
    if kinds - {"instructions"}:
        measured.insert(
            0, f"{args.rounds} interleaved of {'/'.join(sorted(kinds - {'instructions'}))}"
        )
    print(f"{when}; rounds: {', '.join(measured)}; medians; "
          f"{time.monotonic() - started:.0f} s; load average {load:.1f} on "
          f"{os.cpu_count()} CPU(s) at the end\n")  # fmt: skip
    print(text)
    hard = [
        label for label in worse if next(s for s in all_specs() if s.label == label).kind != "wall"
    ]
    if worse:
        print(f"\nmore than 10 % worse: {', '.join(worse)}")
        print("(wall figures are noisy on a shared machine: read them with their spread)")
    return 1 if hard else 0


if __name__ == "__main__":
    sys.exit(main())
