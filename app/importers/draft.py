"""What every importer builds: a draft running order plus the report of what was guessed.

An importer reads its format into a ``Draft`` (parts, items, speakers, durations in seconds or
None for "shares the part's budget"), noting in an ``ImportDiagnostics`` every guess (a
warning) and every line it could not understand (a problem). ``finish`` turns the draft into
the running-order file: checks the budgets, fills unknown lengths with an assumed duration
(warned), writes the TOML in human form and validates it through the same loader as
``timekeeper check``.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import tomli_w
from pydantic import ValidationError

from app.importers.times_in_text import show_clock
from app.importers.words import guess_kind
from app.model.durations import format_duration
from app.model.errors import RunningOrderError, validation_problem
from app.model.loader import parse_running_order
from app.model.plan import Plan
from app.model.schema import MAX_SLOT_S, RunningOrderFile, SegmentKind, slot_seconds

ASSUMED_S = 10 * 60  # the length given to an item whose length nothing tells
ASSUMED_START = dt.time(9, 0)


@dataclass(frozen=True)
class Diagnostic:
    """One warning or problem, tied to a line of the input when there is one.

    ``item`` is the index (in the plan's segments) of the segment the line became or belongs
    to, set by ``finish``: the editor shows the warning on that row. ``unit`` names what
    ``line`` counts (« row » in a workbook); ``page`` and ``page_line`` where a PDF's line is
    (``line`` counts the lines of the whole text, as the importer read them).
    """

    line: int | None
    message: str
    item: int | None = None
    unit: str = "line"
    page: int | None = None
    page_line: int | None = None

    @property
    def where(self) -> str:
        """« line 12 », « row 4 », « page 2, line 40 », or empty."""
        if self.line is None:
            return ""
        if self.page is not None:
            return f"page {self.page}, line {self.page_line}"
        return f"{self.unit} {self.line}"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


_LINE_REF = re.compile(r"\bline (\d+)\b")


@dataclass
class ImportDiagnostics:
    """What an import guessed (warnings) and could not read (problems), line by line.

    The CLI prints both and refuses to write without --force when there are problems; the
    TOML's header comments repeat them for the person who will correct the file.
    """

    warnings: list[Diagnostic] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    unit: str = "line"  # what the line numbers count: « row » for a workbook
    pages: dict[int, tuple[int, int]] = field(default_factory=dict)  # a PDF's line -> page

    def at(self, line: int | None, message: str) -> Diagnostic:
        page, page_line = self.pages.get(line, (None, None)) if line is not None else (None, None)
        if self.pages:  # « line 61 » in the message, said as the page and its line too
            message = _LINE_REF.sub(lambda m: self._on_page(int(m[1]), page) or m[0], message)
        return Diagnostic(line, message, unit=self.unit, page=page, page_line=page_line)

    def _on_page(self, line: int, page: int | None) -> str:
        where = self.pages.get(line)
        if where is None:
            return ""
        return f"line {where[1]}" if where[0] == page else f"page {where[0]}, line {where[1]}"

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(self.at(line, message))

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(self.at(line, message))

    def adopt(self, other: ImportDiagnostics) -> None:
        """Take another stage's warnings and problems first, in this report's units."""
        self.warnings[:0] = [self.at(d.line, d.message) for d in other.warnings]
        self.problems[:0] = [self.at(d.line, d.message) for d in other.problems]


class ImportFailure(Exception):
    """Nothing usable could be made of the input. ``problems`` say where and why."""

    def __init__(self, source: str, summary: str, problems: list[Diagnostic] | None = None):
        self.source = source
        self.summary = summary
        self.problems = list(problems or [])
        lines = sorted({p.line for p in self.problems if p.line is not None})
        where = ""
        if lines:
            shown = ", ".join(str(n) for n in lines[:12]) + (", ..." if len(lines) > 12 else "")
            where = f" (line{'s' if len(lines) > 1 else ''} {shown})"
        super().__init__(f"{source}: {summary}{where}")


@dataclass(frozen=True)
class Choice:
    """One session the input holds: pass ``day`` and ``room`` back to ``import_file``."""

    day: str | None
    room: str | None
    label: str  # what to show a person: « --day 2024-05-16 --room 'Salle A' (5 events) »


class ChoiceNeeded(ImportFailure):
    """The input holds several sessions (days, rooms): the user must pick one.

    ``options`` are the choices (for a dialog), ``choices`` their labels (for the CLI).
    """

    def __init__(self, source: str, summary: str, options: list[Choice]):
        super().__init__(source, summary)
        self.options = options
        self.choices = [o.label for o in options]


@dataclass
class DraftSpeaker:
    name: str
    role: str = ""
    organisation: str = ""
    note: str = ""


@dataclass
class DraftItem:
    title: str
    line: int | None = None
    kind: SegmentKind | None = None  # None: guessed from the title
    duration: int | None = None  # None: a share of the part's budget
    speakers: list[DraftSpeaker] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # The timer fields a sheet may give (timer, ends_at, end_action), as the running order
    # writes them: checked by the sheet reader, written as they are.
    timing: dict[str, str] = field(default_factory=dict)


@dataclass
class DraftPart:
    title: str
    line: int | None = None
    budget: int | None = None
    kind: SegmentKind | None = None
    speakers: list[DraftSpeaker] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    items: list[DraftItem] = field(default_factory=list)
    timing: dict[str, str] = field(default_factory=dict)  # a part without segments: as an item


@dataclass
class DraftSession:
    title: str = ""
    event: str = ""
    date: dt.date | None = None
    start: dt.time | None = None
    hard_end: dt.time | None = None
    timezone: str | None = None
    language: str = "fr"
    venue: str = ""
    room: str = ""


@dataclass
class Draft:
    session: DraftSession
    parts: list[DraftPart] = field(default_factory=list)


@dataclass
class ImportResult:
    """What ``import_file`` returns: the document, its TOML text, the plan and the report."""

    source: str
    document: RunningOrderFile
    toml_text: str
    plan: Plan
    warnings: list[Diagnostic]
    problems: list[Diagnostic]  # lines not understood: left out of the document

    @property
    def complete(self) -> bool:
        return not self.problems


def _notes(parts: list[str]) -> str:
    return "\n".join(p.strip() for p in parts if p.strip())


def _speakers(people: list[DraftSpeaker]) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for person in people:
        entry = {"name": person.name.strip()}
        for key in ("role", "organisation", "note"):
            value = getattr(person, key).strip()
            if value:
                entry[key] = value
        out.append(entry)
    return out


def _check_budgets(draft: Draft, report: ImportDiagnostics) -> None:
    """Fill unknown lengths (warned) and reconcile items with their part's budget."""
    language = draft.session.language
    for part in draft.parts:
        if not part.items:
            if part.budget is None:
                part.budget = ASSUMED_S
                report.warn(
                    part.line,
                    f"the length of {part.title!r} is unknown: assumed "
                    f"{format_duration(ASSUMED_S)}, correct it in the file",
                )
            continue
        explicit = sum(i.duration for i in part.items if i.duration is not None)
        shared = [i for i in part.items if i.duration is None]
        if part.budget is None:
            for item in shared:
                item.duration = ASSUMED_S
                report.warn(
                    item.line,
                    f"the length of {item.title!r} is unknown: assumed "
                    f"{format_duration(ASSUMED_S)}, correct it in the file",
                )
            continue
        left = part.budget - explicit
        if left < 0 or (shared and left < len(shared)):
            report.problem(
                part.line,
                f"the items of {part.title!r} take {format_duration(explicit)}, more than its "
                f"{format_duration(part.budget)}",
            )
            part.budget = None
            for item in shared:
                item.duration = ASSUMED_S
            continue
        if not shared and left > 0:
            title = "Temps libre" if language == "fr" else "Free time"
            part.items.append(DraftItem(title=title, line=part.line, kind=SegmentKind.OTHER))
            report.warn(
                part.line,
                f"the items of {part.title!r} take {format_duration(explicit)} of its "
                f"{format_duration(part.budget)}: the {format_duration(left)} left became "
                f"{title!r}",
            )


def to_data(draft: Draft, report: ImportDiagnostics) -> dict[str, Any]:
    """The running-order file as plain data, durations in human form."""
    _check_budgets(draft, report)
    s = draft.session
    start = s.start
    if start is None:
        start = ASSUMED_START
        report.warn(None, f"no start time found: assumed {show_clock(start, s.language)}")
    session: dict[str, Any] = {"title": s.title.strip() or "Programme"}
    if s.event.strip():
        session["event"] = s.event.strip()
    if s.date is not None:
        session["date"] = s.date
    session["start"] = start.strftime("%H:%M") if start.second == 0 else start.isoformat()
    hard_end = s.hard_end
    if hard_end is not None and (hard_end == start or slot_seconds(start, hard_end) > MAX_SLOT_S):
        report.warn(None, f"the end of the slot {hard_end:%H:%M} is not after the start: ignored")
        hard_end = None
    if hard_end is not None:
        session["hard_end"] = (
            hard_end.strftime("%H:%M") if hard_end.second == 0 else hard_end.isoformat()
        )
    if s.timezone:
        session["timezone"] = s.timezone
    session["language"] = s.language
    if s.venue.strip():
        session["venue"] = s.venue.strip()
    if s.room.strip():
        session["room"] = s.room.strip()
    parts: list[dict[str, Any]] = []
    for part in draft.parts:
        entry: dict[str, Any] = {"title": part.title.strip()}
        # A fixed end sets the duration (the model refuses both): the end is kept.
        if part.budget is not None and not (not part.items and "ends_at" in part.timing):
            entry["budget"] = format_duration(part.budget)
        if not part.items:
            kind = part.kind or guess_kind(part.title)
            entry["kind"] = kind.value
        notes = _notes(part.notes)
        if notes:
            entry["notes"] = notes
        if not part.items and part.speakers:
            entry["speakers"] = _speakers(part.speakers)
        if not part.items:
            entry.update(part.timing)
        if part.items:
            segments: list[dict[str, Any]] = []
            for item in part.items:
                seg: dict[str, Any] = {"title": item.title.strip()}
                seg["kind"] = (item.kind or guess_kind(item.title)).value
                if item.duration is not None and "ends_at" not in item.timing:
                    seg["duration"] = format_duration(item.duration)
                notes = _notes(item.notes)
                if notes:
                    seg["notes"] = notes
                if item.speakers:
                    seg["speakers"] = _speakers(item.speakers)
                seg.update(item.timing)
                segments.append(seg)
            entry["segments"] = segments
        parts.append(entry)
    return {"format": 1, "session": session, "parts": parts}


def finish(draft: Draft, report: ImportDiagnostics, source: str, origin: str) -> ImportResult:
    """Validate the draft into a document, write its TOML, and resolve it like `check` does."""
    if not draft.parts:
        raise ImportFailure(source, "no programme found", report.problems)
    data = to_data(draft, report)
    _warn_overrun(draft, report)
    _tie_to_items(draft, report)
    try:
        document = RunningOrderFile.model_validate(data)
    except ValidationError as exc:  # in words, never pydantic's dump (app.model.errors)
        path, problem = validation_problem(exc)
        raise ImportFailure(
            source, f"the imported running order is not valid: {path}: {problem}"
        ) from None
    header = [f"# Imported from {origin} by `timekeeper import`."]
    if report.warnings or report.problems:
        header.append("# Guessed or left out while importing (line numbers are the source's):")
        for diag in report.problems:
            header.append(f"#   not understood, {diag}")
        for diag in report.warnings:
            header.append(f"#   guessed, {diag}")
    header.append("# A part's budget is shared by the segments inside it that have no duration.")
    body = to_toml(data)
    text = "\n".join(_comment_safe(line) for line in header) + "\n" + body
    try:
        plan = parse_running_order(text.encode("utf-8"), source)
    except RunningOrderError as exc:
        raise ImportFailure(source, f"the imported running order does not check: {exc}") from None
    return ImportResult(
        source=source,
        document=document,
        toml_text=text,
        plan=plan,
        warnings=list(report.warnings),
        problems=list(report.problems),
    )


def to_toml(data: dict[str, Any]) -> str:
    """The file in the seed's layout: one table per part, segment and speaker.

    tomli-w writes every value (quoting, dates, multi-line notes); the layout is fixed here so
    that every part reads the same way (tomli-w alone would inline the short ones), and so that
    the loader can point at a line when the user's edit breaks something.
    """
    out: list[str] = []

    def scalars(table: dict[str, Any]) -> None:
        for key, value in table.items():
            if key in ("session", "parts", "segments", "speakers"):
                continue
            out.append(tomli_w.dumps({key: value}, multiline_strings=True).rstrip("\n"))

    scalars(data)
    out += ["", "[session]"]
    scalars(data["session"])
    for part in data["parts"]:
        out += ["", "[[parts]]"]
        scalars(part)
        for person in part.get("speakers", []):
            out += ["", "[[parts.speakers]]"]
            scalars(person)
        for segment in part.get("segments", []):
            out += ["", "[[parts.segments]]"]
            scalars(segment)
            for person in segment.get("speakers", []):
                out += ["", "[[parts.segments.speakers]]"]
                scalars(person)
    return "\n".join(out) + "\n"


def _tie_to_items(draft: Draft, report: ImportDiagnostics) -> None:
    """Each warning and problem tied to the segment its line became or sits under (the last
    segment that starts at or above the line): the editor shows it on that row."""
    starts: list[tuple[int, int]] = []  # (source line, segment index)
    index = 0
    for part in draft.parts:
        if not part.items:
            if part.line is not None:
                starts.append((part.line, index))
            index += 1
            continue
        if part.line is not None:
            starts.append((part.line, index))
        for item in part.items:
            if item.line is not None:
                starts.append((item.line, index))
            index += 1
    starts.sort()
    lines = [line for line, _ in starts]

    def tie(diag: Diagnostic) -> Diagnostic:
        if diag.line is None or diag.item is not None:
            return diag
        exact = bisect.bisect_left(lines, diag.line)
        if exact < len(lines) and lines[exact] == diag.line:
            # the first segment the line made (a break before the item it starts, a talk
            # before its questions)
            return dataclasses.replace(diag, item=starts[exact][1])
        at = bisect.bisect_right(lines, diag.line) - 1
        if at < 0:
            return diag
        return dataclasses.replace(diag, item=starts[at][1])

    report.warnings[:] = [tie(d) for d in report.warnings]
    report.problems[:] = [tie(d) for d in report.problems]


def _comment_safe(line: str) -> str:
    return " ".join(line.splitlines())


def _warn_overrun(draft: Draft, report: ImportDiagnostics) -> None:
    s = draft.session
    if s.start is None or s.hard_end is None:
        return
    total = 0
    for part in draft.parts:
        if part.budget is not None:
            total += part.budget
        else:
            total += sum(i.duration or 0 for i in part.items)
    if total > slot_seconds(s.start, s.hard_end):
        report.warn(
            None,
            f"the programme ends after the end of the slot ({show_clock(s.hard_end, s.language)})",
        )
