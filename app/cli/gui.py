"""`timekeeper [SESSION] [--lang fr|en]`: the moderator's window, the command without a
subcommand (what the desktop file and `make run` start). Not a subcommand, so not registered:
app.cli.entry falls back to this parser when the first word is no subcommand's name."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.subcommand import Parser, VersionAction


def gui_parser() -> argparse.ArgumentParser:
    """The parser of the window's arguments."""
    parser = Parser(prog="timekeeper", description="Open the moderator window.")
    parser.add_argument("session", nargs="?", type=Path, help="running order (.toml or .json)")
    parser.add_argument("--lang", choices=("fr", "en"), help="language of the interface")
    parser.add_argument("--version", action=VersionAction)
    parser.set_defaults(func=cmd_gui)
    return parser


def cmd_gui(args: argparse.Namespace) -> int:
    # Qt is imported only now: `check`, `report` and `schema` work on a machine without one.
    from app.ui.launch import run_gui

    return run_gui(args)
