"""The timing-log file format (ARCHITECTURE.md §4), versioned as Picard versions its files.

JSON Lines, UTF-8, append-only. Line 1 is the header; every later line is one event:

    {"type": "header", "schema": 1, "app_version": "0.1.0", "created": "...+02:00",
     "session_slug": "...", "source": "...", "source_sha256": "...",
     "origin_wall": "...+02:00", "planned_start": "...+02:00", "plan": {...}}
    {"seq": 1, "t": 0.0, "wall": "2020-09-22T16:00:03.120000+02:00", "type": "start"}

``t`` is the monotonic offset in seconds from ``origin_wall``; the engine folds on ``t`` only.
``plan`` is the fully resolved running order, so a log replays on its own.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date, datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, field_validator

from app.engine.events import Event, event_to_dict
from app.model.plan import Plan

SCHEMA_VERSION = 1
SUFFIX = ".jsonl"
# Bounds on the header's dates (see LogHeader._plausible): wide of any real session.
MIN_YEAR, MAX_YEAR = 1900, 2999


class LogHeader(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    type: Literal["header"] = "header"
    schema_version: int = SCHEMA_VERSION
    app_version: str
    created: datetime
    session_slug: str
    source: str = ""
    source_sha256: str = ""
    origin_wall: datetime
    planned_start: datetime
    plan: Plan

    @field_validator("created", "origin_wall", "planned_start")
    @classmethod
    def _plausible(cls, value: datetime) -> datetime:
        """A session's dates leave room for its time line: every clock time of a report is
        one of these plus up to a few thousand years of plan (year 9999 would overflow)."""
        if not MIN_YEAR <= value.year <= MAX_YEAR:
            raise ValueError(
                f"expected a date between the years {MIN_YEAR} and {MAX_YEAR}, "
                f"got {value.isoformat()}"
            )
        return value

    @property
    def planned_start_t(self) -> float:
        """Where the planned start lies on the session's time line."""
        return (self.planned_start - self.origin_wall).total_seconds()

    @property
    def on_planned_date(self) -> bool:
        """Whether the session runs on its planned date (a plan without a date: always);
        auto anchoring reads it (ARCHITECTURE.md §3)."""
        return self.plan.date is None or self.planned_start.date() == self.plan.date

    def to_line(self) -> str:
        data = self.model_dump(mode="json", by_alias=True)
        data["schema"] = data.pop("schema_version")
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LogHeader:
        data = dict(data)
        data["schema_version"] = data.pop("schema", None)
        return cls.model_validate(data)


def event_line(seq: int, event: Event, wall: datetime) -> str:
    record: dict[str, Any] = {"seq": seq, "t": round(event.t, 6), "wall": wall.isoformat()}
    record.update(event_to_dict(event))
    record["t"] = round(event.t, 6)
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def slugify(text: str) -> str:
    """A file-name-safe slug: ASCII letters, digits and dashes."""
    flat = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", flat).strip("-").lower()
    return slug[:60] or "session"


def planned_start_for(plan: Plan, now: datetime) -> datetime:
    """The planned start as an aware datetime: on the plan's date when that is today, else
    today (a rehearsal or a re-run of an old programme is timed against today's clock).

    Past midnight, a session that runs past it and whose slot is not over yet began yesterday:
    at 00:30 an evening of 20:00 to 01:00 is yesterday's, not one starting in 19 h 30.
    """
    local_now = now.astimezone()
    today = local_now.date()
    day: date = today
    if plan.date != today:
        span = max(plan.total_s, plan.slot_s or 0)
        yesterday = datetime.combine(today - timedelta(days=1), plan.start, local_now.tzinfo)
        if plan.day_at(span) > 0 and local_now < yesterday + timedelta(seconds=span):
            day = yesterday.date()
    return datetime.combine(day, plan.start, tzinfo=local_now.tzinfo)


def log_file_name(created: datetime, slug: str) -> str:
    return f"{created:%Y-%m-%d_%H%M%S}_{slug}{SUFFIX}"


def wall_at(header: LogHeader, t: float) -> datetime:
    return header.origin_wall + timedelta(seconds=t)
