"""`timekeeper schema`: the JSON Schema of the running-order format, for editors and scripts."""

from __future__ import annotations

import argparse
import json

from app.cli.errors import ExitCode
from app.cli.subcommand import Subparsers


def register(sub: Subparsers) -> None:
    """Add `schema`."""
    schema = sub.add_parser("schema", help="print the JSON Schema of the running-order format")
    schema.set_defaults(func=cmd_schema)


def cmd_schema(args: argparse.Namespace) -> int:
    from app.model import json_schema

    del args  # nothing to choose
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return ExitCode.OK
