"""What a subcommand module provides, so that app.cli.entry can collect them without a list
of names: each module's ``register`` adds its parsers and sets ``func`` to its handler. And
the parser they all share, whose usage errors keep the rule of exit 2 and one line."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import NoReturn, Protocol, TypeAlias

from app.cli.errors import ExitCode

# argparse's type for `add_subparsers()`; private in the stdlib, generic only for type checkers.
Subparsers: TypeAlias = "argparse._SubParsersAction[Parser]"

# A handler gets the parsed arguments and returns the exit code (an ExitCode, or Qt's code).
Handler: TypeAlias = Callable[[argparse.Namespace], int]


class VersionAction(argparse.Action):
    """``--version``: prints ``timekeeper <version>`` and exits, reading the version (from the
    installed package's metadata) only then, not whenever a parser is built."""

    def __init__(
        self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kw: object
    ) -> None:
        del kw  # argparse's default, required...: a version action has none
        super().__init__(
            option_strings, dest, nargs=0, help="show program's version number and exit"
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> NoReturn:
        from app import version

        print(f"timekeeper {version()}")  # on stdout, as argparse's own version action
        parser.exit()


class CommandModule(Protocol):
    """A module of app.cli that adds one group of subcommands."""

    def register(self, sub: Subparsers) -> None: ...


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage error is one line naming where the help is, not the
    usage block plus a line: a moderator reads one sentence (add_subparsers keeps the class)."""

    def error(self, message: str) -> NoReturn:
        self.exit(ExitCode.BAD_INPUT, f"{self.prog}: {message} (see {self.prog} --help)\n")
