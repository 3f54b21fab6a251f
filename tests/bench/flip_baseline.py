"""`python -m tests.bench.flip_baseline [N]`: bench_ui's projector flip alone (server off),
N runs, to set beside bench_remote's flip with the server on (interleave them: the machine's
load moves more than either)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.bench import bench_ui
from tests.bench.figures import table


def main(runs: int) -> None:
    figures = []
    with tempfile.TemporaryDirectory(prefix="tk-bench-flip-") as tmp:
        for i in range(runs):
            flip, _ = bench_ui._run_child(Path(tmp), f"flip{i}", ["flip", "20"], 80)
            figures += bench_ui._flip_figures(flip)[:2]
    print(table(figures))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
