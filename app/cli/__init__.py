"""The `timekeeper` command: argparse, the subcommands, exit codes (ARCHITECTURE.md §5).

One module per group of subcommands (check, schema, import_export, report, replay), each with
a ``register(subparsers)``; app.cli.entry collects them, so the set of subcommand names is
whatever they register. The UI and the domain packages never import this package: they raise
their own errors, which app.cli.entry.main turns into exit codes.

``main`` is the console script (`timekeeper = "app.cli:main"`) and `python -m app`.
"""

from app.cli.entry import main
from app.cli.errors import BadInput, ExitCode

__all__ = ["BadInput", "ExitCode", "main"]
