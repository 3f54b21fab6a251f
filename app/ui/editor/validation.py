"""The editor's data checked as a file on disk is: the same pydantic model, the same resolution.

The data is the file's shape in plain Python (dicts, lists, strings, numbers), as tomllib or
tomlkit read it. A check returns the resolved Plan when the data is valid, and otherwise every
error keyed by its field path (a tuple such as ``("parts", 1, "segments", 0, "duration")``),
in words (``app.model.errors``), so that each is shown at its field.

Incremental: a keystroke changes one field of one segment, and a 500-segment running order
would otherwise validate all 500 segments each time. Parts are validated one by one and the
validated ``Part`` is kept while the part's data is unchanged (compared by value), so a
keystroke validates one part; then the whole is assembled with ``model_construct`` (already
valid pieces) and resolved by ``app.model.resolve`` — clock times and budgets never computed here.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from app.model.errors import describe_error, dotted_path
from app.model.incremental import PartwiseResolver
from app.model.plan import Plan
from app.model.resolve import BudgetError
from app.model.schema import Part, Segment, Session, Thresholds

Path = tuple[int | str, ...]

MAX_PARTS = 500


@dataclass(frozen=True)
class Checked:
    """What a check found: the plan (None when invalid) and the errors at their fields."""

    plan: Plan | None
    errors: dict[Path, str] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return self.plan is not None

    def first(self) -> tuple[Path, str] | None:
        return next(iter(self.errors.items()), None)

    def errors_under(self, prefix: Path) -> dict[Path, str]:
        n = len(prefix)
        return {p: m for p, m in self.errors.items() if p[:n] == prefix}


def path_text(path: Path) -> str:
    """``parts[1].segments[0].duration``: the path as the loader's messages write it."""
    return dotted_path(path)


def describe_path(data: dict[str, Any], path: Path, words: dict[str, str] | None = None) -> str:
    """Where a field is, as a person finds it in the editor: "part 2 'Témoignages', segment 4
    'Échanges avec la salle', duration" (the file's dotted path when it names no row).
    ``words`` gives the words in the interface's language (English when None)."""
    say = words or {}
    parts: list[str] = []
    node: Any = data
    rest = list(path)
    while rest:
        step = rest.pop(0)
        if step in ("parts", "segments", "speakers") and rest and isinstance(rest[0], int):
            index = int(rest.pop(0))
            items = node.get(step) if isinstance(node, dict) else None
            node = items[index] if isinstance(items, list) and index < len(items) else {}
            name = (
                node.get("name" if step == "speakers" else "title")
                if isinstance(node, dict)
                else None
            )
            label = {"parts": "part", "segments": "segment", "speakers": "speaker"}[str(step)]
            shown = (
                say.get(label, label + " {n}").format(n=index + 1)
                if words
                else f"{label} {index + 1}"
            )
            parts.append(shown + (f" {_quoted(name)}" if name else ""))
        else:
            node = node.get(step) if isinstance(node, dict) else None
            key = str(step)
            parts.append(say.get(key, key.replace("_", " ")))
    return ", ".join(parts) or say.get("", "the running order")


def _quoted(name: object) -> str:
    text = str(name)
    return repr(text if len(text) <= 40 else text[:37] + "...")


_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def path_of(text: str) -> Path:
    """The tuple of a dotted path (``parts[1].budget`` -> ("parts", 1, "budget"))."""
    return tuple(int(n) if n else name for name, n in _STEP.findall(text))


def _errors(exc: ValidationError, prefix: Path) -> dict[Path, str]:
    found: dict[Path, str] = {}
    for error in exc.errors(include_url=False):
        loc = tuple(
            x for x in error["loc"] if isinstance(x, int) or ("[" not in x and "-" not in x)
        )
        path = prefix + loc
        if error["type"] == "extra_forbidden":
            message = "unknown key (the editor keeps it, but the file will not load)"
        else:
            message = describe_error(error, path_text(path))
        found.setdefault(path, message)
    return found


class Checker:
    """Checks the editor's data; keeps each validated part while its data is unchanged."""

    def __init__(self, defaults: Thresholds | None = None) -> None:
        self.defaults = defaults
        self.resolver = PartwiseResolver(defaults)
        self._parts: list[tuple[dict[str, Any], Part]] = []
        # A changed part's segments, validated one by one and kept while unchanged: a
        # keystroke in a part of 500 segments validates one segment, not 500.
        self._segments: dict[int, list[tuple[dict[str, Any], Segment] | None]] = {}
        self.validated_parts = 0  # how many parts the last check validated (tests, bench)

    def _part(self, i: int, raw: Any, errors: dict[Path, str]) -> Part | None:
        """Part ``i`` validated, its segments from the cache where unchanged; None (and the
        errors) when a segment is wrong. Raises ValidationError for the part's own fields."""
        segments = raw.get("segments") if isinstance(raw, dict) else None
        if not (isinstance(segments, list) and all(isinstance(x, dict) for x in segments)):
            self._segments.pop(i, None)
            return Part.model_validate(raw)
        old = self._segments.get(i, [])
        kept: list[tuple[dict[str, Any], Segment] | None] = []
        valid: list[Segment] = []
        wrong = False
        for j, item in enumerate(segments):
            before = old[j] if j < len(old) else None
            if before is not None and before[0] == item:
                kept.append(before)
                valid.append(before[1])
                continue
            try:
                segment = Segment.model_validate(item)
            except ValidationError as exc:
                errors.update(_errors(exc, ("parts", i, "segments", j)))
                kept.append(None)
                wrong = True
                continue
            kept.append((copy.deepcopy(item), segment))
            valid.append(segment)
        self._segments[i] = kept
        if wrong:
            return None
        # Validated Segment objects are taken as they are (pydantic does not validate a model
        # instance again): the part's own fields and rules are checked here.
        return Part.model_validate({**raw, "segments": valid})

    def check(self, data: dict[str, Any]) -> Checked:
        errors: dict[Path, str] = {}
        session: Session | None = None
        try:
            session = Session.model_validate(data.get("session", {}))
        except ValidationError as exc:
            errors.update(_errors(exc, ("session",)))
        extra = [k for k in data if k not in ("format", "session", "parts")]
        for key in extra:
            errors[(key,)] = "unknown key (the editor keeps it, but the file will not load)"
        if data.get("format", 1) != 1:
            errors[("format",)] = "this version of Timekeeper reads format 1"
        raw_parts = data.get("parts", [])
        if not raw_parts:
            errors[("parts",)] = "expected at least one part"
        elif len(raw_parts) > MAX_PARTS:
            errors[("parts",)] = f"expected at most {MAX_PARTS} parts"
        parts: list[Part] = []
        cache: list[tuple[dict[str, Any], Part]] = []
        self.validated_parts = 0
        for i, raw in enumerate(raw_parts):
            kept = self._parts[i] if i < len(self._parts) else None
            if kept is not None and kept[0] == raw:
                parts.append(kept[1])
                cache.append(kept)
                continue
            self.validated_parts += 1
            try:
                part = self._part(i, raw, errors)
            except ValidationError as exc:
                errors.update(_errors(exc, ("parts", i)))
                continue
            if part is None:
                continue
            parts.append(part)
            cache.append((copy.deepcopy(raw), part))
        self._parts = cache
        for stale in [k for k in self._segments if k >= len(raw_parts)]:
            del self._segments[stale]
        if errors or session is None:
            return Checked(None, errors)
        try:
            plan = self.resolver.resolve(session, parts)
        except BudgetError as exc:
            return Checked(None, {path_of(exc.path): str(exc)})
        except ValueError as exc:  # the Plan's own consistency check: says what is wrong
            return Checked(None, {("parts",): str(exc)})
        return Checked(plan, {})
