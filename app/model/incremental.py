"""Resolution part by part, for an editor that resolves again at each keystroke.

``resolve`` (app/model/resolve.py) stays the one definition of budgets, shares, thresholds and
clock times: this module calls it on each part alone (a one-part running order with the same
session) and keeps the result while the validated ``Part`` is the same object, then puts the
parts end to end, shifting each segment's index and offset. A keystroke in a 500-segment
running order then resolves one part and shifts the others, instead of building 500 segments
and their speakers again. ``tests/model/test_incremental.py`` holds it equal to ``resolve``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.model.plan import Plan, PlannedPart, PlannedSegment
from app.model.resolve import BudgetError, resolve
from app.model.schema import Part, RunningOrderFile, Session, Thresholds


@dataclass(frozen=True)
class _Resolved:
    part: Part
    session_key: object
    plan: Plan  # the part alone: offsets from 0, indices from 0


_FIRST_PART = re.compile(r"^parts\[0\]")


def _moved(seg: PlannedSegment, **where: int) -> PlannedSegment:
    """``seg`` at another index, part or offset: a shallow copy with those fields changed,
    as ``model_copy(update=...)`` makes it (frozen, no validation), without its general
    machinery: a keystroke moves every segment after the edited one."""
    moved = object.__new__(PlannedSegment)
    object.__setattr__(moved, "__dict__", {**seg.__dict__, **where})
    object.__setattr__(moved, "__pydantic_fields_set__", seg.__pydantic_fields_set__)
    object.__setattr__(moved, "__pydantic_extra__", None)
    object.__setattr__(moved, "__pydantic_private__", None)
    return moved


def _has_ends_at(part: Part) -> bool:
    return part.ends_at is not None or any(seg.ends_at is not None for seg in part.segments or ())


class PartwiseResolver:
    """``resolve`` with memory: give it the same validated Part objects, it reuses them."""

    def __init__(self, defaults: Thresholds | None = None) -> None:
        self.defaults = defaults
        self._done: list[_Resolved] = []
        self.resolved_parts = 0  # how many parts the last call resolved (tests, bench)

    def resolve(self, session: Session, parts: list[Part]) -> Plan:
        """The Plan of ``session`` and ``parts``; raises BudgetError naming the part."""
        if any(_has_ends_at(part) for part in parts):
            # A fixed end depends on where its part starts, which the parts before it decide:
            # such a running order is resolved whole (the one definition, resolve()).
            self._done = []
            self.resolved_parts = len(parts)
            whole = RunningOrderFile.model_construct(format=1, session=session, parts=parts)
            return resolve(whole, self.defaults)
        key = (session.thresholds, session.start, self.defaults)
        done: list[_Resolved] = []
        self.resolved_parts = 0
        for p, part in enumerate(parts):
            kept = self._done[p] if p < len(self._done) else None
            if kept is not None and kept.part is part and kept.session_key == key:
                done.append(kept)
                continue
            self.resolved_parts += 1
            alone = RunningOrderFile.model_construct(format=1, session=session, parts=[part])
            try:
                plan = resolve(alone, self.defaults)
            except BudgetError as exc:
                raise BudgetError(_FIRST_PART.sub(f"parts[{p}]", exc.path), str(exc)) from None
            done.append(_Resolved(part, key, plan))
        self._done = done
        return self._joined(session, done)

    def _joined(self, session: Session, done: list[_Resolved]) -> Plan:
        segments: list[PlannedSegment] = []
        planned_parts: list[PlannedPart] = []
        offset = 0
        for p, item in enumerate(done):
            first = len(segments)
            for seg in item.plan.segments:
                index = len(segments)
                if seg.index != index or seg.part != p or seg.offset_s != offset:
                    seg = _moved(seg, index=index, part=p, offset_s=offset)
                segments.append(seg)
                offset += seg.planned_s
            (alone,) = item.plan.parts
            if alone.index != p or alone.first != first:
                alone = alone.model_copy(update={"index": p, "first": first})
            planned_parts.append(alone)
        if not done:
            raise ValueError("a plan has at least one part and one segment")
        # The session's fields as resolve() writes them (from the first part's own plan).
        return done[0].plan.model_copy(
            update={"parts": tuple(planned_parts), "segments": tuple(segments)}
        )
