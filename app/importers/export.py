"""A running order written back as a programme: plain text for speakers, or CSV for a sheet.

The text form reads like the seed programme (« I/ Témoignages (40') », « - Titre (15') »,
« ➔ Nom, fonction, organisation ») and ``timekeeper import`` reads it back to the same plan:
each line is checked against the importer's own reading, and written in a plainer keyed form
(« Intervenant : ... », « fonction : ... ») or with its title between « » when the natural form
would be misread. Phase thresholds and end actions are settings of the moderator, not part of a
programme: they are not written (``export_warnings`` says when a plan has some).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from app.importers.spreadsheet import ENGLISH_HEADERS, FRENCH_HEADERS
from app.importers.text import read_line
from app.importers.times_in_text import english_date, french_date, show_clock
from app.importers.words import guess_kind
from app.model.durations import format_duration
from app.model.plan import Plan, PlannedSegment, PlannedSpeaker
from app.model.resolve import thresholds_for
from app.model.schema import Anchor, EndAction, Thresholds, TimerType
from app.model.text import neutralise_cell


def _title_reads_back(title: str) -> bool:
    """Whether a title alone on the first line is read back as the title."""
    from app.importers.draft import ImportFailure
    from app.importers.text import import_text

    probe = f"{title}\n\nDÉROULÉ\n\nI/ Probe (10')\n"
    try:
        draft, _ = import_text(probe, "probe")
    except ImportFailure:
        return False
    return draft.session.title == title and [p.title for p in draft.parts] == ["Probe"]


class ExportError(ValueError):
    """A running order the text form cannot carry faithfully (named in the message)."""


@dataclass(frozen=True)
class _Words:
    title: str
    event: str
    venue: str
    room: str
    timezone: str
    time: str
    marker: str
    speaker: str
    role: str
    organisation: str
    note: str
    notes: str
    kind: str
    open_quote: str
    close_quote: str


_FR = _Words(
    title="Titre :",
    event="Événement :",
    venue="Lieu :",
    room="Salle :",
    timezone="Fuseau horaire :",
    time="Horaire :",
    marker="DÉROULÉ",
    speaker="Intervenant :",
    role="fonction :",
    organisation="organisation :",
    note="note :",
    notes="notes :",
    kind="type :",
    open_quote="« ",
    close_quote=" »",
)
_EN = _Words(
    title="Title:",
    event="Event:",
    venue="Venue:",
    room="Room:",
    timezone="Time zone:",
    time="Time:",
    marker="RUNNING ORDER",
    speaker="Speaker:",
    role="role:",
    organisation="organisation:",
    note="note:",
    notes="notes:",
    kind="type:",
    open_quote="“",
    close_quote="”",
)

_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def export_warnings(plan: Plan, sheet: bool = False) -> list[str]:
    """What the text form (or, ``sheet``, the CSV and .xlsx forms) leaves out of this plan."""
    out: list[str] = []
    for seg in plan.segments:
        default = thresholds_for(seg.planned_s, Thresholds(), None)
        if (seg.warning_s, seg.final_s) != default:
            out.append(f"phase thresholds of {seg.title!r} are not part of the export")
        if sheet:  # the sheet has columns for the timer fields
            continue
        if seg.end_action is not EndAction.HOLD:
            out.append(f"the end action of {seg.title!r} is not part of the export")
        if seg.timer is not TimerType.COUNTDOWN:
            out.append(f"the {seg.timer.value} timer of {seg.title!r} is not part of the export")
        if seg.ends_at is not None:
            out.append(
                f"the end time {seg.ends_at:%H:%M} of {seg.title!r} is exported as its duration"
            )
    if plan.anchor is not Anchor.AUTO or plan.roll:
        out.append("the session's anchor and roll mode are not part of the export")
    if plan.cues is not None:
        out.append("the session's sound cues setting is not part of the export")
    return out


def _single(plan: Plan, part_index: int) -> PlannedSegment | None:
    """The segment of a part written without segments (« IV/ Conclusion (5') »), if it is."""
    part = plan.parts[part_index]
    if part.count != 1:
        return None
    seg = plan.segments[part.first]
    if seg.explicit and seg.title == part.title and not part.notes:
        return seg
    return None


def _quoted(words: _Words, title: str) -> str:
    return f"{words.open_quote}{title}{words.close_quote}"


def _heading(words: _Words, number: str, title: str, budget: int, clock: str) -> str:
    for shown in (title, _quoted(words, title)):
        line = f"{clock}{number} {shown} ({format_duration(budget)})"
        entry = read_line(line)
        if (
            entry.shape == "heading"
            and entry.title == title
            and entry.duration is not None
            and entry.duration.seconds == budget
            and entry.duration.questions_s is None
            and not entry.people
            and not entry.notes
        ):
            return line
    raise ExportError(f"the part title {title!r} cannot be written in the text form")


def _item(words: _Words, seg: PlannedSegment) -> str:
    suffix = f" ({format_duration(seg.planned_s)})" if seg.explicit else ""
    for shown in (seg.title, _quoted(words, seg.title)):
        line = f"   - {shown}{suffix}"
        entry = read_line(line)
        found = entry.duration
        seconds = found.seconds if found is not None else None
        if (
            entry.shape == "item"
            and entry.title == seg.title
            and seconds == (seg.planned_s if seg.explicit else None)
            and (found is None or found.questions_s is None)
            and not entry.people
            and not entry.notes
            and entry.loose_people is None
        ):
            return line
    raise ExportError(f"the segment title {seg.title!r} cannot be written in the text form")


def _reads_as(line: str, person: PlannedSpeaker) -> bool:
    entry = read_line(line)
    read: list[tuple[str, str, str]] = []
    if entry.shape == "person":
        read = [(p.name, p.role, p.organisation) for p in entry.people]
    elif entry.shape == "item" and entry.loose_people is not None:
        if entry.loose_people.notes or entry.duration is not None:
            return False
        read = [(p.name, p.role, p.organisation) for p in entry.loose_people.people]
    return read == [(person.name, person.role, person.organisation)]


def _speaker(words: _Words, person: PlannedSpeaker, indent: int) -> list[str]:
    pad = " " * indent
    described = ", ".join(x for x in (person.role, person.organisation) if x)
    natural = f"{pad}➔ {person.name}" + (f", {described}" if described else "")
    lines: list[str]
    if "\n" not in described and _reads_as(natural, person):
        lines = [natural]
    else:
        first = f"{pad}➔ {words.speaker} {person.name}"
        bare = PlannedSpeaker(name=person.name)
        if not _reads_as(first, bare):
            raise ExportError(f"the speaker name {person.name!r} cannot be written as text")
        lines = [first]
        lines += _keyed(pad + "    ", words.role, person.role)
        lines += _keyed(pad + "    ", words.organisation, person.organisation)
    lines += _keyed(pad + "    ", words.note, person.note)
    return lines


def _keyed(pad: str, key: str, value: str) -> list[str]:
    return [f"{pad}{key} {line}".rstrip() for line in value.splitlines() if line.strip()]


def export_text(plan: Plan) -> str:
    """The running order as a programme a person reads and `timekeeper import` reads back."""
    fr = plan.language != "en"
    words = _FR if fr else _EN
    out = [plan.title if _title_reads_back(plan.title) else f"{words.title} {plan.title}"]
    if plan.event:
        out.append(f"{words.event} {plan.event}")
    clock = show_clock(plan.start, plan.language)
    slot = clock + (f" – {show_clock(plan.hard_end, plan.language)}" if plan.hard_end else "")
    if plan.date is not None:
        day = french_date(plan.date) if fr else english_date(plan.date)
        out.append(f"{day[:1].upper()}{day[1:]} – {slot}" if fr else f"{day}, {slot}")
    else:
        out.append(f"{words.time} {slot}")
    if plan.venue:
        out.append(f"{words.venue} {plan.venue}")
    if plan.room:
        out.append(f"{words.room} {plan.room}")
    if plan.timezone:
        out.append(f"{words.timezone} {plan.timezone}")
    out += ["", words.marker, ""]
    use_roman = fr and len(plan.parts) < 40
    for index, part in enumerate(plan.parts):
        start = plan.clock_at(plan.segments[part.first].offset_s)
        number = f"{_roman(index + 1)}/" if use_roman else f"{index + 1}."
        when = f"{show_clock(start, plan.language)}  " if start.second == 0 else ""
        out.append(_heading(words, number, part.title, part.budget_s, when))
        single = _single(plan, index)
        if single is not None:
            if guess_kind(part.title) is not single.kind:
                out.append(f"   {words.kind} {single.kind.value}")
            out += _keyed("   ", words.notes, single.notes)
            for person in single.speakers:
                out += _speaker(words, person, 3)
        else:
            out += _keyed("   ", words.notes, part.notes)
            for seg_index in part.segment_indices:
                seg = plan.segments[seg_index]
                out.append(_item(words, seg))
                if guess_kind(seg.title) is not seg.kind:
                    out.append(f"       {words.kind} {seg.kind.value}")
                out += _keyed("       ", words.notes, seg.notes)
                for person in seg.speakers:
                    out += _speaker(words, person, 7)
        out.append("")
    return "\n".join(out)


def sheet_rows(plan: Plan) -> list[list[str]]:
    """The sheet of a plan, header first: one row per part heading, segment and extra
    speaker; French headers for a French session. Every cell is text, neutralised
    (app.model.text) so that a spreadsheet never runs it as a formula; the sheet importer
    takes the apostrophe off again. ``export_csv`` and ``export_xlsx`` write these rows."""
    fr = plan.language != "en"
    names = FRENCH_HEADERS if fr else ENGLISH_HEADERS
    columns = [
        "part",
        "title",
        "speaker",
        "role",
        "organisation",
        "speaker_note",
        "duration",
        "kind",
        "notes",
        "start",
    ]
    if _uses_timing(plan):  # the timer columns only for a plan that has one off its default
        columns += ["timer", "ends_at", "end_action"]
    rows: list[list[str]] = [[names[c] for c in columns]]

    def row(**cells: str) -> None:
        rows.append([neutralise_cell(cells.get(c, "")) for c in columns])

    def people(speakers: tuple[PlannedSpeaker, ...], **cells: str) -> None:
        first = speakers[0] if speakers else None
        if first is not None:
            cells.update(
                speaker=first.name,
                role=first.role,
                organisation=first.organisation,
                speaker_note=first.note,
            )
        row(**cells)
        for person in speakers[1:]:
            row(
                speaker=person.name,
                role=person.role,
                organisation=person.organisation,
                speaker_note=person.note,
            )

    for index, part in enumerate(plan.parts):
        first_seg = plan.segments[part.first]
        start = plan.clock_at(first_seg.offset_s).isoformat()
        single = _single(plan, index)
        if single is not None:
            people(
                single.speakers,
                title=part.title,
                duration=format_duration(part.budget_s),
                kind=single.kind.value,
                notes=single.notes,
                start=start,
                **_timing_cells(single),
            )
            continue
        row(part=part.title, duration=format_duration(part.budget_s), notes=part.notes, start=start)
        for seg_index in part.segment_indices:
            seg = plan.segments[seg_index]
            people(
                seg.speakers,
                part=part.title,
                title=seg.title,
                # (an ends_at segment's duration follows from its end: never both)
                duration=format_duration(seg.planned_s)
                if seg.explicit and seg.ends_at is None
                else "",
                kind=seg.kind.value,
                notes=seg.notes,
                start=plan.clock_at(seg.offset_s).isoformat(),
                **_timing_cells(seg),
            )
    return rows


def _uses_timing(plan: Plan) -> bool:
    return any(_timing_cells(seg) for seg in plan.segments)


def _timing_cells(seg: PlannedSegment) -> dict[str, str]:
    """The timer fields of a segment that are not the default, as the sheet writes them."""
    cells: dict[str, str] = {}
    if seg.timer is not TimerType.COUNTDOWN:
        cells["timer"] = seg.timer.value
    if seg.ends_at is not None:
        cells["ends_at"] = f"{seg.ends_at:%H:%M}"
    if seg.end_action is not EndAction.HOLD:
        cells["end_action"] = seg.end_action.value
    return cells


def export_csv(plan: Plan) -> str:
    """The sheet as CSV: « ; » for a French session (as French spreadsheets expect), commas
    otherwise."""
    buffer = io.StringIO()
    delimiter = ";" if plan.language != "en" else ","
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerows(sheet_rows(plan))
    return buffer.getvalue()


def export_xlsx(plan: Plan) -> bytes:
    """The sheet as an Excel workbook (openpyxl, the ``import`` extra, loaded here only).
    Every cell is stored as text, so nothing in it is ever run as a formula."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Programme"
    # The session above the header row, as the importer reads a workbook's first lines (the
    # CSV has no place for them): title, then the date and the slot, ISO-written.
    above = [[neutralise_cell(plan.title)], [_slot_line(plan)], []]
    for r, cells in enumerate([*above, *sheet_rows(plan)], start=1):
        for c, text in enumerate(cells, start=1):
            if text:
                cell = sheet.cell(row=r, column=c)
                cell.value = text
                cell.data_type = "s"  # text, never a formula
    for letter, width in zip("ABCDEFGHIJ", (24, 40, 24, 30, 24, 20, 10, 12, 40, 10), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = f"A{len(above) + 2}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _slot_line(plan: Plan) -> str:
    """« 2020-09-22, 16:00 – 17:30 »: the date and the slot as the text importer reads them
    (an end before the start is the next morning, as in a running order)."""
    line = f"{plan.start:%H:%M}"
    if plan.hard_end is not None:
        line += f" – {plan.hard_end:%H:%M}"
    return f"{plan.date:%Y-%m-%d}, {line}" if plan.date is not None else line
