"""Running the real `timekeeper` command in a subprocess, as a user or a script does.

The console script installed next to the interpreter (.venv/bin/timekeeper, from
`timekeeper = "app.cli:main"`) when it is there, else `python -m app`, which runs the same main.
The environment is the test's (conftest: a private TIMEKEEPER_HOME, Qt offscreen) unless given.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import IO

from tests.conftest import REPO

SCRIPT = Path(sys.executable).with_name("timekeeper")
COMMAND = [str(SCRIPT)] if SCRIPT.is_file() else [sys.executable, "-m", "app"]


def timekeeper(
    *args: str | Path,
    env: dict[str, str] | None = None,
    stdout: int | IO[bytes] = subprocess.PIPE,
    timeout: float = 60,
) -> subprocess.CompletedProcess[bytes]:
    """Run `timekeeper ARGS...` to its end; stderr is always captured."""
    return subprocess.run(
        [*COMMAND, *map(str, args)],
        stdout=stdout,
        stderr=subprocess.PIPE,
        cwd=REPO,
        env=env,
        timeout=timeout,
        check=False,
    )


def assert_bad_input(done: subprocess.CompletedProcess[bytes], *words: str) -> str:
    """Exit 2, nothing on stdout, one line on stderr (no traceback) holding ``words``."""
    err = done.stderr.decode("utf-8", errors="replace")
    assert done.returncode == 2, err
    assert not done.stdout
    assert err.count("\n") == 1 and err.startswith("timekeeper"), err
    assert "Traceback" not in err
    for word in words:
        assert word in err
    return err
