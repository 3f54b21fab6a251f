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
    parser.add_argument(
        "--serve",
        action="store_true",
        help="start the remote server (phones, tablets, control desk; README: Remote)",
    )
    parser.add_argument(
        "--bind", metavar="ADDR", help="address to listen on (default 127.0.0.1; 0.0.0.0: the LAN)"
    )
    parser.add_argument("--port", type=_port, metavar="N", help="HTTP port (default 8650)")
    parser.add_argument("--osc-port", type=_port, metavar="N", help="OSC port (default 8651)")
    parser.add_argument(
        "--edit", action="store_true", help="open the running-order editor instead (prepare mode)"
    )
    parser.add_argument("--version", action=VersionAction)
    parser.set_defaults(func=cmd_gui)
    return parser


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, got {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 0 to 65535, got {value}")
    return value


def cmd_gui(args: argparse.Namespace) -> int:
    # Qt is imported only now: `check`, `report` and `schema` work on a machine without one.
    if args.edit:
        from app.cli.edit import cmd_edit

        return cmd_edit(args)
    from app.ui.launch import run_gui

    return run_gui(args)
