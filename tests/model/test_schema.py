"""`timekeeper schema`: a JSON Schema of the running-order format that editors can use.

The venv has no JSON Schema library, so a small validator below covers the keywords the schema
uses (and refuses any other, so that it never passes a document by ignoring a rule).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.model import SegmentKind, json_schema, parse_duration

REPO = Path(__file__).resolve().parents[2]

_ANNOTATIONS = {"title", "description", "default", "examples", "$schema", "$defs", "format"}
_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def schema_errors(
    value: Any, schema: dict[str, Any], root: dict[str, Any], at: str = ""
) -> list[str]:
    """Where ``value`` breaks ``schema`` (draft 2020-12 subset); empty when it is valid."""
    errors: list[str] = []
    unknown = set(schema) - _ANNOTATIONS - {
        "$ref", "type", "properties", "required", "additionalProperties", "items", "anyOf",
        "enum", "const", "minItems", "maxItems", "minLength", "maxLength", "minimum", "maximum",
    }  # fmt: skip
    assert not unknown, f"validator does not know {unknown}"
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        errors += schema_errors(value, root["$defs"][name], root, at)
    if "type" in schema:
        ok = isinstance(value, _TYPES[schema["type"]])
        if schema["type"] in ("integer", "number") and isinstance(value, bool):
            ok = False
        if not ok:
            return [f"{at}: expected {schema['type']}, got {value!r}"]
    if "anyOf" in schema and all(schema_errors(value, s, root, at) for s in schema["anyOf"]):
        errors.append(f"{at}: matches none of anyOf")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{at}: {value!r} not in {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        errors.append(f"{at}: {value!r} is not {schema['const']!r}")
    if isinstance(value, str) and not (
        schema.get("minLength", 0) <= len(value) <= schema.get("maxLength", len(value))
    ):
        errors.append(f"{at}: length {len(value)} out of range")
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and not schema.get("minimum", value) <= value <= schema.get("maximum", value)
    ):
        errors.append(f"{at}: {value} out of range")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", 1e9):
            errors.append(f"{at}: {len(value)} items out of range")
        for index, item in enumerate(value):
            if "items" in schema:
                errors += schema_errors(item, schema["items"], root, f"{at}[{index}]")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                errors.append(f"{at}.{key}: required")
        for key, item in value.items():
            if key in properties:
                errors += schema_errors(item, properties[key], root, f"{at}.{key}")
            elif schema.get("additionalProperties", True) is False:
                errors.append(f"{at}.{key}: not allowed")
    return errors


def as_json(value: Any) -> Any:
    """TOML values as they would be written in a JSON running order."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return json_schema()


@pytest.fixture
def seed(seed_path: Path) -> dict[str, Any]:
    return as_json(tomllib.loads(seed_path.read_text(encoding="utf-8")))  # type: ignore[no-any-return]


def test_schema_command_prints_the_schema_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    printed = json.loads(out)
    assert printed == json.loads(json.dumps(json_schema()))
    assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert printed["type"] == "object"
    assert set(printed["required"]) == {"session", "parts"}


@pytest.mark.slow
def test_the_schema_command_prints_json_from_a_shell() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "schema"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads(result.stdout)["title"] == "Timekeeper running order"


def test_schema_describes_session_parts_segments_and_speakers(schema: dict[str, Any]) -> None:
    defs = schema["$defs"]
    assert {"title", "start", "hard_end", "date", "timezone"} <= set(defs["Session"]["properties"])
    assert {"title", "start"} == set(defs["Session"]["required"])
    assert {"title", "budget", "segments", "speakers", "kind"} <= set(defs["Part"]["properties"])
    assert {"title", "kind", "duration", "speakers", "notes"} <= set(defs["Segment"]["properties"])
    assert {"name", "role", "organisation"} <= set(defs["Speaker"]["properties"])
    assert set(defs["SegmentKind"]["enum"]) == {k.value for k in SegmentKind}
    assert {"qa", "break"} <= set(defs["SegmentKind"]["enum"])
    duration = defs["Segment"]["properties"]["duration"]["anyOf"][0]
    assert "8'20\"" in duration["description"]
    for model in ("Session", "Part", "Segment", "Speaker", "Thresholds"):
        assert defs[model]["additionalProperties"] is False, model  # typos are caught


def test_every_duration_example_in_the_schema_is_accepted(schema: dict[str, Any]) -> None:
    duration = schema["$defs"]["Segment"]["properties"]["duration"]["anyOf"][0]
    assert len(duration["examples"]) >= 5
    for example in duration["examples"]:
        assert parse_duration(example) > 0


def test_the_seed_workshop_validates_against_the_schema(
    schema: dict[str, Any], seed: dict[str, Any]
) -> None:
    assert schema_errors(seed, schema, schema) == []


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["parts"][1].update(budjet="40'"), ".parts[1].budjet"),
        (lambda d: d["session"].pop("start"), ".session.start"),
        (lambda d: d["parts"][1]["segments"][3].update(kind="questions"), ".kind"),
        (lambda d: d["parts"][0].update(budget=1441), ".parts[0].budget"),
        (lambda d: d.update(parts=[]), ".parts"),
        (lambda d: d.update(format=2), ".format"),
    ],
    ids=["typo", "missing-start", "unknown-kind", "over-a-day", "no-parts", "newer-format"],
)
def test_the_schema_refuses_what_the_loader_refuses(
    schema: dict[str, Any], seed: dict[str, Any], change: Any, where: str
) -> None:
    change(seed)
    errors = schema_errors(seed, schema, schema)
    assert any(where in e for e in errors), errors


def test_clock_times_in_the_schema_are_strings(schema: dict[str, Any]) -> None:
    start = schema["$defs"]["Session"]["properties"]["start"]
    assert start["type"] == "string"
    assert all(re.fullmatch(r"\d\dh?:?\d\d", e) for e in start["examples"])
