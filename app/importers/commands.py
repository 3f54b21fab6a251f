"""`timekeeper import` and `timekeeper export` (filled in by the importers work)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    """Add the import/export subcommands to the CLI's subparsers."""
    del sub


_ = argparse
