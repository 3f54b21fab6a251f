"""Shared helpers for the importer tests: run the CLI in-process, read plans as `check` does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.cli import main

DATA = Path(__file__).resolve().parent / "data"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """Run `timekeeper ARGV` in this process: (exit code, stdout, stderr)."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def check_json(capsys: pytest.CaptureFixture[str], path: Path) -> dict[str, Any]:
    code, out, err = run(capsys, "check", "--json", path)
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def segments(plan: dict[str, Any]) -> list[tuple[str, str, int]]:
    """(title, kind, planned seconds) of each segment."""
    return [(s["title"], s["kind"], s["planned_s"]) for s in plan["segments"]]


def speakers(plan: dict[str, Any]) -> list[list[tuple[str, str]]]:
    """Per segment: (name, "role, organisation") of each speaker."""
    out = []
    for seg in plan["segments"]:
        out.append(
            [
                (p["name"], ", ".join(x for x in (p["role"], p["organisation"]) if x))
                for p in seg["speakers"]
            ]
        )
    return out


def import_to(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, *extra: str
) -> tuple[dict[str, Any], str]:
    """Import a fixture to a TOML file and return (check --json of it, stderr of the import)."""
    out_path = tmp_path / (Path(name).stem + "-" + "-".join(extra).replace("/", "_") + ".toml")
    code, out, err = run(capsys, "import", DATA / name, "-o", out_path, *extra)
    assert code == 0, err
    assert out == ""
    return check_json(capsys, out_path), err
