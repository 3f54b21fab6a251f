"""The `timekeeper` entry point: which parser reads the arguments, and which exit code ends it.

Subcommands come from the modules in COMMAND_MODULES, each registering its own parsers, so a
new subcommand is a new module added there and its name is known from its parser alone. Every
error a user's input can cause is turned into exit 2 and one line on stderr here, in
``main``, and nowhere else: the layers below raise their own errors and never import app.cli.

Qt is imported only by the handlers that open a window, so that `check`, `report` and `schema`
work on a machine without a display.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from app.cli import check, desktop, edit, import_export, replay, report, schema
from app.cli.errors import BadInput, ExitCode
from app.cli.gui import gui_parser
from app.cli.subcommand import CommandModule, Handler, Parser, VersionAction

# In the order `timekeeper --help` lists them.
COMMAND_MODULES: tuple[CommandModule, ...] = (
    check,
    schema,
    import_export,
    report,
    replay,
    desktop,
    edit,
)


def bad_input_errors() -> tuple[type[Exception], ...]:
    """Errors whose message is written for the user (it names the file and what to do):
    exit 2. Their modules are loaded here, when an error is being handled, not at start-up
    (`timekeeper --version` and the parser load none of the layers below)."""
    from app.files import FileWriteError
    from app.importers.draft import ImportFailure
    from app.importers.export import ExportError
    from app.inputs import InputError
    from app.model import RunningOrderError
    from app.paths import PrivateFolderError
    from app.timing_log.errors import LogError
    from app.ui.launch import NoDisplay

    return (
        BadInput,
        RunningOrderError,
        LogError,
        FileWriteError,
        NoDisplay,
        PrivateFolderError,  # a folder that is a symlink or another user's: one sentence
        InputError,  # app.inputs: a FIFO, a device, a folder, a file past its size limit
        ImportFailure,
        ExportError,
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser of every subcommand; building it imports no Qt."""
    parser = Parser(
        prog="timekeeper",
        description="Countdown, speaker display and timing log for a live workshop.",
    )
    parser.add_argument("--version", action=VersionAction)
    sub = parser.add_subparsers(dest="command")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def subcommand_names(parser: argparse.ArgumentParser) -> tuple[str, ...]:
    """The names the modules registered, read back from the parser (never kept by hand)."""
    return tuple(
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    )


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    """A subcommand's name first means the subcommand; anything else opens the window."""
    parser = build_parser()
    names = subcommand_names(parser)
    first = next((a for a in argv if not a.startswith("-")), None)
    if first in names or (argv and argv[0] in ("-h", "--help")):
        return parser.parse_args(argv)
    word = argv[0] if argv else ""
    if word and not word.startswith("-") and not Path(word).suffix and not Path(word).exists():
        # A mistyped subcommand, not a running order: say so before any window is tried.
        raise BadInput(f"{word}: neither a subcommand ({', '.join(names)}) nor a running order")
    return gui_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit code (the console script passes it to sys.exit)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _parse(argv)
        func: Handler = args.func
        return func(args)
    except SystemExit as exc:  # argparse: --help, --version, usage errors (it printed them)
        code = exc.code
        return code if isinstance(code, int) else ExitCode.BAD_INPUT
    except KeyboardInterrupt:
        return ExitCode.FAILURE
    except BrokenPipeError:
        return ExitCode.OK
    except Exception as exc:  # the last line of defence: no traceback for users
        from app.cli.terminal import printable

        if isinstance(exc, bad_input_errors()):
            # The message may quote the file (a key, a value): shown escaped, on one line.
            print(f"timekeeper: {printable(str(exc))}", file=sys.stderr)
            return ExitCode.BAD_INPUT
        print(
            f"timekeeper: unexpected error ({type(exc).__name__}: {printable(str(exc))}); "
            "please report it with the command you ran",
            file=sys.stderr,
        )
        return ExitCode.FAILURE
