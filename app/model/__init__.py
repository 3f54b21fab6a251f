"""The running order: file format, duration parsing, budget resolution and loading.

Pure Python: no Qt here (the UI imports this package, never the other way round).
"""

from app.model.durations import DurationError, format_duration, parse_duration
from app.model.errors import RunningOrderError
from app.model.loader import LoadedRunningOrder, load_running_order, parse_running_order
from app.model.plan import Plan, PlannedPart, PlannedSegment, PlannedSpeaker
from app.model.schema import EndAction, RunningOrderFile, SegmentKind, json_schema

__all__ = [
    "DurationError",
    "EndAction",
    "LoadedRunningOrder",
    "Plan",
    "PlannedPart",
    "PlannedSegment",
    "PlannedSpeaker",
    "RunningOrderError",
    "RunningOrderFile",
    "SegmentKind",
    "format_duration",
    "json_schema",
    "load_running_order",
    "parse_duration",
    "parse_running_order",
]
