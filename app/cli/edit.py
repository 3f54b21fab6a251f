"""`timekeeper edit [SESSION]` (or `timekeeper --edit [SESSION]`): prepare mode, the
running-order editor in a window of its own, without starting a session."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.errors import BadInput
from app.cli.subcommand import Subparsers


def register(sub: Subparsers) -> None:
    """Add `edit`."""
    edit = sub.add_parser("edit", help="edit a running order (or a new one) in a window")
    edit.add_argument("session", nargs="?", type=Path, help="running order (.toml or .json)")
    edit.add_argument("--lang", choices=("fr", "en"), help="language of the interface")
    edit.set_defaults(func=cmd_edit)


def cmd_edit(args: argparse.Namespace) -> int:
    # Qt is imported only here, once we know a window can open (see app.ui.launch).
    from app.ui.launch import platform_problem

    problem = platform_problem()
    if problem is not None:
        raise BadInput(problem)
    session: Path | None = args.session
    if session is not None and not session.exists():
        raise BadInput(f"{session}: no such running order")
    from app.ui.editor.app import run_editor

    return run_editor(session, language=args.lang)
