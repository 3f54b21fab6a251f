"""CSV running orders: comma or semicolon, UTF-8 or Latin-1, French or English headers.

One row per segment. The rows read like a programme:

- a row with a part and no title opens the part and gives its budget (« Témoignages ; ; 40' »);
- rows with the same part and a title are its segments; a segment without a duration shares
  what the part's budget leaves;
- a row with a title and no part is a part of its own (« Pause ; 15' »);
- a row with only a speaker adds a speaker to the row above.

A start time column (début, heure, start), with or without an end column (fin, end), may
replace durations: the rows are then laid out by ``start_times`` like every programme given by
start times (each row lasts until the next start, a gap becomes a break). Without a duration
column and without a start column, nothing can be planned and the file is refused.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from app.importers.draft import (
    Diagnostic,
    Draft,
    DraftItem,
    DraftPart,
    DraftSession,
    DraftSpeaker,
    ImportDiagnostics,
    ImportFailure,
)
from app.importers.people import parse_people
from app.importers.start_times import Laid, Timed, lay_out, opening
from app.importers.times_in_text import add_seconds, find_duration, parse_clock, seconds_between
from app.importers.words import END_MARKER, fold, kind_from_word
from app.model.durations import DurationError, parse_duration
from app.model.schema import SegmentKind
from app.model.text import restore_cell

# The columns a file may have, by the header names people give them (folded).
COLUMNS: dict[str, tuple[str, ...]] = {
    "part": ("partie", "part", "section", "sequence", "bloc", "block", "session", "rubrique"),
    "title": ("titre", "title", "intitule", "sujet", "item", "point", "objet", "segment"),
    "speaker": (
        "intervenant", "intervenants", "intervenante", "intervenant(e)", "intervenant(e)s",
        "speaker", "speakers", "orateur", "oratrice", "nom", "name", "presenter", "presentateur",
    ),
    "role": ("fonction", "role", "qualite", "function", "job title", "poste"),
    "organisation": (
        "organisation", "organization", "structure", "affiliation", "organisme", "institution",
        "entreprise", "company", "employer",
    ),
    "duration": ("duree", "duration", "temps", "minutes", "min", "length", "mn", "durée"),
    "kind": ("type", "kind", "nature", "categorie", "category"),
    "notes": ("notes", "note", "remarques", "remarque", "commentaire", "commentaires",
              "description", "comments", "comment"),
    "speaker_note": ("note intervenant", "speaker note", "note sur l'intervenant"),
    "start": ("debut", "start", "heure", "horaire", "time", "heure de debut", "start time",
              "from"),
    "end": ("fin", "end", "heure de fin", "end time", "to"),
    "timer": ("minuteur", "timer", "type de minuteur", "timer type", "compteur"),
    "ends_at": ("finit a", "ends at", "jusqu'a", "until", "fin fixe", "fixed end"),
    "end_action": ("a zero", "at zero", "a la fin", "end action", "action de fin"),
}  # fmt: skip

FRENCH_HEADERS = {
    "part": "Partie",
    "title": "Titre",
    "speaker": "Intervenant",
    "role": "Fonction",
    "organisation": "Organisation",
    "speaker_note": "Note intervenant",
    "duration": "Durée",
    "kind": "Type",
    "notes": "Notes",
    "start": "Début",
    "timer": "Minuteur",
    "ends_at": "Finit à",
    "end_action": "À zéro",
}
ENGLISH_HEADERS = {
    "part": "Part",
    "title": "Title",
    "speaker": "Speaker",
    "role": "Role",
    "organisation": "Organisation",
    "speaker_note": "Speaker note",
    "duration": "Duration",
    "kind": "Kind",
    "notes": "Notes",
    "start": "Start",
    "timer": "Timer",
    "ends_at": "Ends at",
    "end_action": "At zero",
}


def decode(data: bytes, source: str, report: ImportDiagnostics) -> str:
    """UTF-8 (with or without BOM), else Windows-1252/Latin-1 with a warning."""
    if b"\x00" in data:
        raise ImportFailure(source, "this is a binary file, expected text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    report.warn(None, "not UTF-8: read as Latin-1 (Windows-1252); check the accents")
    return text


def column_of(header: str) -> str | None:
    name = re.sub(r"\(.*?\)|\[.*?\]", "", fold(header)).strip(" :*.")
    name = re.sub(r"\s+", " ", name)
    for column, names in COLUMNS.items():
        if name in names:
            return column
    for column, names in COLUMNS.items():
        if any(name.startswith(n + " ") for n in names):
            return column
    return None


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


@dataclass
class _Row:
    line: int
    cells: dict[str, str] = field(default_factory=dict)

    def get(self, column: str) -> str:
        value = self.cells.get(column, "").strip()
        if column in ("notes", "speaker_note"):
            return value
        if column in _ONE_PER_LINE:  # several people in one cell, one a line
            return "\n".join(" ".join(line.split()) for line in value.splitlines())
        return " ".join(value.split())


_ONE_PER_LINE = ("speaker", "role", "organisation")


def _duration(text: str, line: int, report: ImportDiagnostics) -> int | None:
    if not text:
        return None
    try:
        return parse_duration(text)
    except DurationError as exc:
        found = find_duration(text)
        if found is not None and found.questions_s is None:
            if found.approximate or found.low is not None:
                report.warn(line, f"« {text} » read as {found.seconds // 60}'")
            return found.seconds
        report.problem(line, f"duration {text!r} not understood: {exc}")
        return None


def _people(row: _Row, report: ImportDiagnostics) -> list[DraftSpeaker]:
    names = [n.strip() for n in re.split(r"[;\n]", row.get("speaker")) if n.strip()]
    if not names:
        if row.get("role") or row.get("organisation"):
            report.problem(row.line, "a role or organisation without a speaker's name")
        return []
    roles = [r.strip() for r in re.split(r"[;\n]", row.get("role"))]
    orgs = [o.strip() for o in re.split(r"[;\n]", row.get("organisation"))]
    people: list[DraftSpeaker] = []
    for index, name in enumerate(names):
        role = roles[index] if len(roles) == len(names) else (roles[0] if index == 0 else "")
        org = orgs[index] if len(orgs) == len(names) else (orgs[0] if index == 0 else "")
        if len(names) > 1 and len(roles) == 1 and roles[0]:
            role = roles[0]
        if len(names) > 1 and len(orgs) == 1 and orgs[0]:
            org = orgs[0]
        parsed = parse_people(name, expected=True)
        if parsed is not None and len(parsed.people) == 1 and not (role or org):
            person = parsed.people[0]
            people.append(DraftSpeaker(person.name, person.role, person.organisation))
        elif parsed is not None and len(parsed.people) == 1:
            people.append(DraftSpeaker(parsed.people[0].name, role, org))
        else:
            people.append(DraftSpeaker(name, role, org))
    note = row.get("speaker_note")
    if note and people:
        people[-1].note = note
    return people


def _kind(row: _Row, report: ImportDiagnostics) -> SegmentKind | None:
    written = row.get("kind")
    if not written:
        return None
    kind = kind_from_word(written)
    if kind is None:
        report.warn(row.line, f"type {written!r} unknown: guessed from the title instead")
    return kind


# The words a sheet may use for the timer fields (folded), and what the running order writes.
_TIMER_WORDS = {
    "countdown": "countdown", "compte a rebours": "countdown", "decompte": "countdown",
    "countup": "countup", "count up": "countup", "chrono": "countup",
    "chronometre": "countup", "temps ecoule": "countup",
    "clock": "clock", "horloge": "clock", "heure": "clock", "time of day": "clock",
}  # fmt: skip
_END_WORDS = {
    "hold": "hold", "rester": "hold", "attendre": "hold", "depassement": "hold",
    "next": "next", "suivant": "next", "enchainer": "next", "advance": "next",
    "load-next": "load-next", "load next": "load-next", "charger le suivant": "load-next",
    "charger": "load-next",
}  # fmt: skip


def _timing(row: _Row, report: ImportDiagnostics) -> dict[str, str]:
    """The timer, fixed end and end action a row gives, as the running order writes them;
    a word not understood is said on its row and left out."""
    out: dict[str, str] = {}
    for column, words, expected in (
        ("timer", _TIMER_WORDS, "countdown, countup or clock"),
        ("end_action", _END_WORDS, "hold, next or load-next"),
    ):
        written = row.get(column)
        if written:
            value = words.get(fold(written).strip())
            if value is None:
                report.warn(row.line, f"{column} {written!r} unknown: expected {expected}")
            elif value != ("countdown" if column == "timer" else "hold"):
                out[column] = value
    written = row.get("ends_at")
    if written:
        clock = parse_clock(written)
        if clock is None:
            report.warn(row.line, f"ends at {written!r}: expected a clock time such as 13:00")
        else:
            out["ends_at"] = f"{clock:%H:%M}"
    return out


def import_csv(
    text: str,
    source: str,
    report: ImportDiagnostics,
    day: str | None = None,
    room: str | None = None,
) -> Draft:
    # Old Mac and Excel exports end lines with a lone CR; Python's csv module then asks about
    # « universal-newline mode ». One line end for all: CR LF and CR become LF.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.splitlines()
    first = next((ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")), "")
    if not first:
        raise ImportFailure(source, "the file is empty")
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(first))
    records: list[tuple[int, list[str]]] = []
    previous_end = 0
    line = 1
    try:
        for cells in reader:
            line = previous_end + 1
            previous_end = reader.line_num
            records.append((line, cells))
    except csv.Error as exc:
        raise ImportFailure(
            source, f"not a readable CSV file ({exc})", [_problem(reader.line_num, str(exc))]
        ) from None
    if _quote_left_open(text, line, reader.dialect.delimiter):
        opened = line  # where the last record, and so its open quote, began
        raise ImportFailure(
            source,
            f'line {opened}: a quote (") opened on this line is never closed, so every row '
            "after it would be read as one cell; close the quote or remove it",
            [_problem(opened, "a quote opened here is never closed")],
        )
    return import_rows(records, source, report, day=day, room=room)


def import_rows(
    records: list[tuple[int, list[str]]],
    source: str,
    report: ImportDiagnostics,
    day: str | None = None,
    room: str | None = None,
    above: DraftSession | None = None,
) -> Draft:
    """The draft of a sheet given as (line or row number, cells): a CSV file's records, a
    workbook's rows (``documents``), a Word table's rows. The first row with a cell is the
    header; rows whose first cell starts with « # » are comments. ``above`` is the session
    the text above the header row describes (title, date, slot), read like a preamble."""
    header: list[str | None] | None = None
    header_cells: list[str] = []
    header_line = 0
    rows: list[_Row] = []
    for line, cells in records:
        if not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue
        if header is None:
            header_cells = cells
            header = [column_of(c) for c in cells]
            header_line = line
            _refuse_duplicate_columns(source, cells, header, line)
            continue
        row = _Row(line)
        for column, value in zip(header, cells, strict=False):
            if column is not None and value.strip():
                row.cells[column] = restore_cell(value)  # an export's apostrophe
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            report.warn(line, "more cells than columns: the extra ones were ignored")
        rows.append(row)
    if header is None:
        raise ImportFailure(source, "no header row: expected column names such as Titre;Durée")
    found = {c for c in header if c}
    if "title" not in found and "part" not in found:
        raise ImportFailure(
            source,
            "no title column: expected one of Titre, Title, Partie, Part; found "
            + ", ".join(repr(c) for c in header_cells),
            [_problem(header_line, "no title column")],
        )
    if "duration" not in found and "start" not in found:
        raise ImportFailure(
            source,
            "no duration column: expected one of Durée, Duration (or a start time column: "
            "Début, Heure, Start); found " + ", ".join(repr(c) for c in header_cells),
            [_problem(header_line, "no duration or start time column")],
        )
    for cell, column in zip(header_cells, header, strict=True):
        if column is None and cell.strip():
            report.warn(header_line, f"column {cell.strip()!r} not understood: ignored")
    french = sum(1 for c in header_cells if fold(c) in _FRENCH_NAMES)
    english = sum(1 for c in header_cells if fold(c) in _ENGLISH_NAMES)
    session = DraftSession(
        title=_title_from(source),
        language="en" if english > french else "fr",
    )
    if day:
        try:
            session.date = dt.date.fromisoformat(day)
        except ValueError:
            raise ImportFailure(source, f"--day {day}: expected a date YYYY-MM-DD") from None
    if room:
        session.room = room
    if above is not None:
        _take_session(session, above)
    draft = Draft(session=session)
    _read_rows(rows, draft, report)
    if not draft.parts:
        raise ImportFailure(source, "no rows with a title", report.problems)
    return draft


def _take_session(session: DraftSession, above: DraftSession) -> None:
    """What the text above a sheet says of the session (its slot bounds the last row)."""
    if above.title:
        session.title = above.title
    session.event = above.event or session.event
    session.date = session.date or above.date
    session.venue = above.venue or session.venue
    session.room = session.room or above.room
    session.start = above.start
    session.hard_end = above.hard_end


def _refuse_duplicate_columns(
    source: str, cells: list[str], header: list[str | None], line: int
) -> None:
    """Two columns for one field (« Durée » twice, or « Titre » and « Title »): the csv module
    would let the last one win without a word, so say which and stop."""
    first_cell: dict[str, str] = {}
    for cell, column in zip(cells, header, strict=True):
        if column is None:
            continue
        if column in first_cell:
            earlier, name = first_cell[column].strip(), cell.strip()
            both = (
                f"the column {name!r} appears twice"
                if fold(earlier) == fold(name)
                else (f"the columns {earlier!r} and {name!r} are both the {column}")
            )
            raise ImportFailure(
                source,
                f"{both} in the header; keep one",
                [_problem(line, f"duplicate column {name!r}")],
            )
        first_cell[column] = cell


def _quote_left_open(text: str, last_start: int, delimiter: str) -> bool:
    """Whether the last record ran to the end of the file inside a quote: the csv module,
    forgiving, then reads every row after the quote as one cell. The last record alone is
    read again strictly, which fails only there (« unexpected end of data »)."""
    if '"' not in text:
        return False
    tail = "".join(io.StringIO(text).readlines()[max(0, last_start - 1) :])
    try:
        for _ in csv.reader(io.StringIO(tail), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _problem(line: int, message: str) -> Diagnostic:
    return Diagnostic(line, message)


_FRENCH_NAMES = {fold(v) for v in FRENCH_HEADERS.values()} | {"duree", "intervenant", "titre"}
_ENGLISH_NAMES = {fold(v) for v in ENGLISH_HEADERS.values()} - {"notes", "organisation", "type"}


def _title_from(source: str) -> str:
    stem = Path(source).stem
    words = re.sub(r"[-_]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else "Programme"


@dataclass
class _Timed:
    target: DraftItem | DraftPart
    start: dt.time | None
    end: dt.time | None
    line: int
    part_level: bool
    part: DraftPart | None = None


def _read_rows(rows: list[_Row], draft: Draft, report: ImportDiagnostics) -> None:
    current: DraftPart | None = None  # the part that takes segment rows
    last: DraftItem | DraftPart | None = None  # the row above, for speaker-only rows
    timed: list[_Timed] = []
    for row in rows:
        part_title = row.get("part")
        title = row.get("title")
        duration = _duration(row.get("duration"), row.line, report)
        start = _clock(row, "start", report)
        end = _clock(row, "end", report)
        people = _people(row, report)
        notes = [row.get("notes")] if row.get("notes") else []
        if not part_title and not title:
            if people and last is not None and duration is None:
                last.speakers.extend(people)
            elif people or duration is not None:
                report.problem(row.line, "a row without a title: not understood")
            continue
        if part_title and not title:
            current = DraftPart(
                title=part_title,
                line=row.line,
                budget=duration,
                kind=_kind(row, report),
                timing=_timing(row, report),
                speakers=people,
                notes=notes,
            )
            draft.parts.append(current)
            last = current
            timed.append(_Timed(current, start, end, row.line, True))
            continue
        if part_title:
            if current is None or fold(current.title) != fold(part_title):
                current = DraftPart(title=part_title, line=row.line)
                draft.parts.append(current)
                timed.append(_Timed(current, start, None, row.line, True))
            item = DraftItem(
                title=title,
                line=row.line,
                kind=_kind(row, report),
                timing=_timing(row, report),
                duration=duration,
                speakers=people,
                notes=notes,
            )
            current.items.append(item)
            last = item
            timed.append(_Timed(item, start, end, row.line, False, current))
            continue
        current = None
        part = DraftPart(
            title=title,
            line=row.line,
            budget=duration,
            kind=_kind(row, report),
            timing=_timing(row, report),
            speakers=people,
            notes=notes,
        )
        draft.parts.append(part)
        last = part
        timed.append(_Timed(part, start, end, row.line, True))
    final = timed[-1] if timed else None
    if (
        final is not None
        and isinstance(final.target, DraftPart)
        and not final.target.items
        and final.target.budget is None
        and final.start is not None
        and END_MARKER.match(fold(final.target.title))
    ):
        # « 20h45 ; Fin de séance »: the end of the session, not a part
        draft.parts.remove(final.target)
        timed.pop()
        draft.session.hard_end = final.start
    _times(draft, timed, report)


def _clock(row: _Row, column: str, report: ImportDiagnostics) -> dt.time | None:
    text = row.get(column)
    if not text:
        return None
    value = parse_clock(text)
    if value is None:
        report.problem(row.line, f"{column} time {text!r} not understood")
    return value


def _times(draft: Draft, timed: list[_Timed], report: ImportDiagnostics) -> None:
    """Start times lay the rows out (``start_times``): parts first, then the segments inside
    a part that has no budget of its own. A sheet without start times is left as it reads."""
    if all(t.start is None for t in timed):
        return
    s = draft.session
    tops = [t for t in timed if t.part_level]
    inside = {id(t.target): [i for i in timed if i.part is t.target] for t in tops}
    starts = [t.start or next((i.start for i in inside[id(t.target)][:1]), None) for t in tops]
    placed = [
        Timed(t.line, t.target.title, start, _own(t, inside[id(t.target)], report))
        for t, start in zip(tops, starts, strict=True)
    ]
    s.start = opening(placed)
    laid = lay_out(
        placed, report, start=s.start, end=s.hard_end, slot_end=s.hard_end, language=s.language
    )
    parts: list[DraftPart] = []
    for top, place in zip(tops, laid, strict=True):
        part = top.target
        assert isinstance(part, DraftPart)
        if not part.items:
            part.budget = place.seconds
        elif part.budget is None and any(i.start is not None for i in inside[id(part)]):
            _lay_out_items(part, inside[id(part)], place, draft.session, report)
        parts.append(part)
        if place.gap is not None:
            parts.append(place.gap.as_part())
    draft.parts = parts


def _span(row: _Timed, report: ImportDiagnostics) -> int | None:
    """What the row's start and end times give, if it has both."""
    if row.start is None or row.end is None:
        return None
    seconds = seconds_between(row.start, row.end)
    if seconds <= 0:
        report.problem(row.line, "the end time is not after the start")
        return None
    return seconds


def _written(row: _Timed) -> int | None:
    """The duration a segment row gives in its duration column."""
    return row.target.duration if isinstance(row.target, DraftItem) else None


def _own(top: _Timed, items: list[_Timed], report: ImportDiagnostics) -> int | None:
    """A part's own length: its budget, its times, else what its untimed segments add up to."""
    part = top.target
    assert isinstance(part, DraftPart)
    if part.budget is not None:
        return part.budget
    span = _span(top, report)
    if span is not None or not part.items:
        return span
    lengths = [_written(i) for i in items]
    if any(i.start is not None for i in items) or None in lengths:
        return None  # as long as its window: its segments are laid out inside it
    return sum(n for n in lengths if n is not None)


def _lay_out_items(
    part: DraftPart,
    items: list[_Timed],
    place: Laid,
    session: DraftSession,
    report: ImportDiagnostics,
) -> None:
    """The segments of a part, laid out between the part's start and its end."""
    placed = [
        Timed(row.line, row.target.title, row.start, _written(row) or _span(row, report))
        for row in items
    ]
    end = None
    if place.start is not None and place.seconds is not None:
        end = add_seconds(place.start, place.seconds)
    laid = lay_out(
        placed,
        report,
        start=place.start,
        end=end,
        slot_end=session.hard_end,
        language=session.language,
    )
    part.items = []
    for row, spot in zip(items, laid, strict=True):
        item = row.target
        assert isinstance(item, DraftItem)
        item.duration = spot.seconds
        part.items.append(item)
        if spot.gap is not None:
            part.items.append(spot.gap.as_item())
