"""`python -m tests.bench`: run every tests/bench/bench_*.py module's ``run()`` and print one
table of figures at the end. Exit 1 when a figure misses its target or a module fails."""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import time
import traceback

import tests.bench
from tests.bench.figures import Figure, table


def main() -> int:
    names = sorted(
        m.name for m in pkgutil.iter_modules(tests.bench.__path__) if m.name.startswith("bench_")
    )
    figures: list[Figure] = []
    broken: list[str] = []
    for name in names:
        started = time.perf_counter()
        print(f"running {name} ...", file=sys.stderr, flush=True)
        try:
            module = importlib.import_module(f"tests.bench.{name}")
            figures.extend(module.run())
        except Exception:
            traceback.print_exc()
            broken.append(name)
            figures.append(Figure(f"{name} (failed, see above)", float("nan"), "", "", False))
        print(f"  {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    print(table(figures))
    if hasattr(os, "getloadavg"):
        # Figures are wall-clock times: on a busy machine they say more about the machine.
        load = os.getloadavg()[0]
        print(f"\nload average {load:.1f} on {os.cpu_count()} CPU(s) while measuring")
    missed = [f.name for f in figures if f.ok is False]
    if missed:
        print(f"\n{len(missed)} figure(s) missed their target: {', '.join(missed)}")
    return 1 if missed or broken else 0


if __name__ == "__main__":
    sys.exit(main())
