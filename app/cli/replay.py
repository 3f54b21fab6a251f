"""`timekeeper replay LOG`: a timing log replayed in a window of its own.

For tests and scripted screenshots, TIMEKEEPER_REPLAY_QUIT_AFTER_PAINT=1 in the environment
makes the window quit as soon as it has painted once (exit 0), so that the real command can
be run without anyone closing the window. It is not an option: users never need it.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from app.cli.errors import BadInput
from app.cli.subcommand import Subparsers

QUIT_AFTER_PAINT_ENV = "TIMEKEEPER_REPLAY_QUIT_AFTER_PAINT"


def register(sub: Subparsers) -> None:
    """Add `replay`."""
    replay = sub.add_parser("replay", help="replay a timing log in a window")
    replay.add_argument("log", type=Path)
    replay.set_defaults(func=cmd_replay)


def cmd_replay(args: argparse.Namespace) -> int:
    # Qt is imported only here, once we know a window can open (see app.ui.launch).
    from app.ui.launch import platform_problem

    problem = platform_problem()
    if problem is not None:
        raise BadInput(problem)
    if not args.log.exists():
        raise BadInput(f"{args.log}: no such timing log")
    from app.inputs import regular_file_problem

    not_regular = regular_file_problem(args.log, "a .jsonl timing log")
    if not_regular is not None:  # a FIFO, a device, a folder: said as such, never waited on
        raise BadInput(not_regular)
    from app.ui.replay import run_replay

    return run_replay(args.log, quit_after_paint=os.environ.get(QUIT_AFTER_PAINT_ENV) == "1")
