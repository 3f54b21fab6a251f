"""Plain-text programmes (French and English) read into a draft running order.

How a programme is read:

1. The *preamble* (everything before « Déroulé », « Programme », "Agenda"... or before the first
   line with a time, a duration or a part number) gives the title (the first emphasised block,
   else the first line), the date and the slot (« Mardi 22 septembre – 16h00 – 17h30 »), the
   venue and the room. The description in it is not imported.
2. Each line of the programme is a part heading (« I/ », « 2. », « Session 3 : »), a time alone
   heading a block (« 14h00 »), a timed line (« 9h30 : Accueil », « 16h00 – 16h10 ... »), a
   person (« ➔ M. Name, role »), a keyed line (« fonction : ... », « notes : ... »), or an item.
3. Indentation and bullets nest the lines: what is under a part is inside it. Durations come
   from times (each item lasts until the next start) or from what the line says « (10') »;
   items without either share what their part's budget leaves, exactly like the model does.
4. Footnotes (« ² ... » or a bare number at the end) are attached to the line that calls them;
   a footnote that nothing calls is attached, with a warning, to the line it shares words with.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.importers.draft import (
    Choice,
    ChoiceNeeded,
    Draft,
    DraftItem,
    DraftPart,
    DraftSession,
    DraftSpeaker,
    ImportDiagnostics,
    ImportFailure,
)
from app.importers.people import People, parse_people, split_top, trailing_bracket
from app.importers.start_times import Laid, Timed, lay_out, opening
from app.importers.times_in_text import (
    CLOCK,
    MONTHS,
    WEEKDAYS,
    FoundDuration,
    LeadingTime,
    add_seconds,
    find_date,
    find_duration,
    find_time_range,
    has_weekday,
    leading_time,
    make_date,
    seconds_between,
    show_clock,
    starts_with_date,
    year_in,
)
from app.importers.words import END_MARKER, fold, guess_kind, kind_from_word, word_set
from app.model.durations import format_duration
from app.model.schema import SegmentKind

# ------------------------------------------------------------------------------- line shapes

_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_SUPER_TO_DIGIT = str.maketrans(_SUPERSCRIPTS, "1234567890")
_ARROWS = "➔➜➤→⇒►▶➝➞"
_BULLETS = "-–—•·▪◦●○*+"
_CALL = re.compile(rf"[{_SUPERSCRIPTS}]+|\[\^(\d+)\]")
_FOOTNOTE_DEF = re.compile(
    rf"^\s*(?:(?P<sup>[{_SUPERSCRIPTS}]+)|\[\^(?P<md>\d+)\]:)\s*(?P<text>.+)$"
)
_BARE_FOOTNOTE = re.compile(r"^\s*(?P<num>\d{1,2})\s+(?P<text>(?:[A-ZÀ-Þ<«\"]|https?:).+)$")
_START_MARKER = re.compile(
    r"^(?:deroule(?:ment)?|programme|program|ordre du jour|agenda|running order|schedule|"
    r"timetable|deroule previsionnel)\b[^.]{0,60}$"
)
_ROMAN = re.compile(
    r"^(?P<num>(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))\s*(?:[/.)]|\s?[-–—:])\s*(?P<rest>.*)$"
)
_ARABIC = re.compile(r"^(?P<num>\d{1,3})\s*(?:[/.)]|\s[-–—])\s+(?P<rest>\S.*)$")
_WORD_HEADING = re.compile(
    r"^(?:partie|part|session|sequence|module|bloc|block|seance|theme|axe|volet)"
    r"\s+(?:\d{1,2}|[ivx]{1,5}|[a-e])\b"
)
_KEYS: dict[str, str] = {
    "fonction": "role",
    "role": "role",
    "qualite": "role",
    "function": "role",
    "organisation": "organisation",
    "organization": "organisation",
    "affiliation": "organisation",
    "structure": "organisation",
    "organisme": "organisation",
    "institution": "organisation",
    "note": "note",
    "notes": "notes",
    "remarque": "notes",
    "remarques": "notes",
    "commentaire": "notes",
    "commentaires": "notes",
    "comment": "notes",
    "comments": "notes",
    "description": "notes",
    "resume": "notes",
    "abstract": "notes",
    "type": "type",
    "kind": "type",
    "nature": "type",
    "duree": "duration",
    "duration": "duration",
    "lieu": "venue",
    "venue": "venue",
    "adresse": "venue",
    "salle": "room",
    "room": "room",
    "evenement": "event",
    "event": "event",
    "date": "date",
    "horaire": "time",
    "horaires": "time",
    "heure": "time",
    "time": "time",
    "titre": "title",
    "title": "title",
    "fuseau horaire": "timezone",
    "time zone": "timezone",
    "timezone": "timezone",
}
_QUOTES = str.maketrans({"’": "'", "′": "'", "″": '"'})
_TIMEISH = re.compile(r"\d\s?(?:h\d|h\b|'|min\b|mn\b)|\d:\d\d")
_KEYED = re.compile(r"^(?P<key>[a-zA-ZÀ-ÿ ]{2,20}?)\s*:\s*(?P<value>.*)$")
_VENUE_CUES = re.compile(
    r"\b(?:cite|salle|room|hall|centre|center|palais|hotel de ville|mairie|universite|"
    r"university|amphi|amphitheatre|auditorium|campus|maison|espace|lieu|venue|theatre|"
    r"conference centre|convention centre|convention center)\b"
)
_ROOM_CUE = re.compile(r"^(?:salle|room|amphi(?:theatre)?|auditorium|hall)\b")


@dataclass
class Line:
    no: int
    raw: str
    indent: int
    bulleted: bool
    arrow: bool
    text: str  # without bullets, emphasis and footnote calls
    calls: list[str] = field(default_factory=list)
    emphasised: bool = False


def _strip_markdown(text: str) -> tuple[str, bool]:
    emphasised = text.lstrip().startswith(("**", "__", "#"))
    text = re.sub(r"^\s*#{1,6}\s+", "", text)
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])", r"\1", text)
    text = text.replace("\\*", "*")
    return text, emphasised


def _split_line(no: int, raw: str) -> Line:
    expanded = raw.replace("\t", "    ").rstrip()
    indent = len(expanded) - len(expanded.lstrip(" \u00a0"))
    text, emphasised = _strip_markdown(expanded.strip(" \u00a0"))
    bulleted = arrow = False
    while text:
        char = text[0]
        if char in _ARROWS:
            arrow = bulleted = True
            text = text[1:].lstrip()
        elif char in _BULLETS and (len(text) == 1 or text[1] in " \u00a0\t"):
            bulleted = True
            text = text[1:].lstrip()
        else:
            break
    calls: list[str] = []

    def _call(match: re.Match[str]) -> str:
        calls.append(match.group(1) or match.group().translate(_SUPER_TO_DIGIT))
        return ""

    text = _CALL.sub(_call, text)
    text = re.sub(r"\s+", " ", text).strip()
    return Line(no, raw, indent, bulleted, arrow, text, calls, emphasised)


def clean_title(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^[\s:;,.–—-]+", "", text)
    if not text.endswith("..."):
        text = re.sub(r"[\s:;,–—-]+$", "", text)
    text = text.strip()
    quoted = re.fullmatch(r"«\s*(.+?)\s*»|\"(.+)\"|“(.+)”", text)
    if quoted:
        text = next(g for g in quoted.groups() if g)
    return text


# ----------------------------------------------------------------------------- entries


@dataclass
class Entry:
    """One programme line, read: what it is, its times, its duration, its people."""

    line: Line
    shape: str  # heading, block, timed, item, person, keyed, day
    level: int = 0
    title: str = ""
    start: dt.time | None = None
    end: dt.time | None = None
    duration: FoundDuration | None = None
    people: list[DraftSpeaker] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    key: str = ""
    value: str = ""
    children: list[Entry] = field(default_factory=list)
    end_marker: bool = False
    loose_people: People | None = None  # the line read as people, when the context allows it
    label: str = ""  # « Présidente de séance : », « Chair: »: who chairs, not who speaks

    @property
    def no(self) -> int:
        return self.line.no


def _speakers(people: People) -> list[DraftSpeaker]:
    return [DraftSpeaker(p.name, p.role, p.organisation, p.note) for p in people.people]


_INLINE_BY = re.compile(
    r"(?:,\s*|\s+)(?:par|by|animee? par|presentee? par|presented by|moderated by|with|avec)"
    r"\s+(?=\S)",
)


def _read_content(entry: Entry, content: str) -> None:
    """Title, duration, people and notes of an item or heading line."""
    found = find_duration(content)
    if found is not None:
        entry.duration = found
        content = (content[: found.start] + " " + content[found.end :]).strip()
    # trailing brackets: a person, or notes about the item
    notes: list[str] = []
    for _ in range(3):
        bracket = trailing_bracket(content)
        if bracket is None or not bracket[0].strip():
            break
        before, inside = bracket
        square = content.rstrip().endswith("]")
        people = parse_people(inside, expected=square)
        if people is not None and not entry.people:
            entry.people = _speakers(people)
            if people.notes:
                notes.insert(0, people.notes)
        else:
            notes.insert(0, inside)
        content = before
    # « Titre par M. Nom », « Titre – Nom (organisation) »
    if not entry.people:
        folded = fold(content)
        for match in reversed(list(_INLINE_BY.finditer(folded))):
            people = parse_people(content[match.end() :], expected=True)
            if people is not None:
                entry.people = _speakers(people)
                if people.notes:
                    notes.append(people.notes)
                content = content[: match.start()]
                break
    if not entry.people:
        dash = list(re.finditer(r"\s[–—-]\s", content))
        for match in reversed(dash):
            left, right = content[: match.start()], content[match.end() :]
            people = parse_people(right, expected=True)
            if people is not None and left.strip() and guess_kind(left) is not SegmentKind.BREAK:
                entry.people = _speakers(people)
                if people.notes:
                    notes.append(people.notes)
                content = left
                break
    if not entry.people and " : " in content:
        left, right = content.split(" : ", 1)
        people = parse_people(left, expected=False)
        if people is not None and right.strip() and (people.strong or "(" in left):
            entry.people = _speakers(people)
            content = right
    entry.title = clean_title(content)
    entry.notes.extend(n for n in notes if n.strip())


def _heading_content(text: str) -> str | None:
    """The text of a part heading without its number, or None if it is not a heading."""
    roman = _ROMAN.match(text)
    if roman and roman["rest"].strip():
        return roman["rest"]
    arabic = _ARABIC.match(text)
    if arabic and arabic["rest"].strip():
        return arabic["rest"]
    if _WORD_HEADING.match(fold(text)):
        return text
    return None


def _keyed(text: str) -> tuple[str, str] | None:
    match = _KEYED.match(text)
    if match is None:
        return None
    key = _KEYS.get(fold(match["key"]))
    if key is None:
        return None
    return key, match["value"].strip()


def _classify(line: Line, top_level_words: bool) -> Entry:
    text = line.text
    keyed = _keyed(text)
    if keyed is not None:
        return Entry(line, "keyed", key=keyed[0], value=keyed[1])
    timed: LeadingTime | None = leading_time(text)
    content = timed.rest if timed else text
    if timed is not None and not content:
        return Entry(line, "block", start=timed.start, end=timed.end)
    if timed is None and starts_with_date(text) and find_date(text) is not None:
        return Entry(line, "day")
    heading = None
    if not line.bulleted and line.indent == 0:
        heading = _heading_content(content) if top_level_words else None
    if heading is not None:
        entry = Entry(line, "heading")
        _read_content(entry, heading)
    else:
        entry = Entry(line, "timed" if timed else "item")
        people = parse_people(content, expected=False)
        if people is not None and people.strong and find_duration(content) is None:
            entry.shape = "person" if timed is None else "timed"
            entry.people = _speakers(people)
            entry.title = entry.people[0].name
            entry.label = people.label
            if people.notes:
                entry.notes.append(people.notes)
        else:
            _read_content(entry, content)
            if find_duration(content) is None:
                entry.loose_people = parse_people(content, expected=True)
                if timed is None and not line.bulleted and _is_prose(content):
                    entry.shape = "prose"
    if timed is not None:
        entry.start, entry.end = timed.start, timed.end
    if entry.shape == "timed" and END_MARKER.match(fold(entry.title)) and not entry.people:
        entry.end_marker = True
    return entry


def read_line(text: str) -> Entry:
    """How the importer reads one line of a programme on its own (the export checks with it)."""
    return _classify(_split_line(1, text), True)


# --------------------------------------------------------------------------- the importer


@dataclass
class _Footnote:
    number: str
    text: str
    line: int


class TextImporter:
    def __init__(self, text: str, source: str, day: str | None, room: str | None) -> None:
        self.source = source
        self.day = day
        self.room = room
        self.report = ImportDiagnostics()
        self.lines = [_split_line(no, raw) for no, raw in enumerate(text.splitlines(), start=1)]
        self.session = DraftSession()
        self._merged: dict[int, int] = {}
        self._targets: dict[int, DraftSpeaker | DraftItem | DraftPart] = {}
        self._first_no = 1

    # ............................................................... overall reading

    def read(self) -> Draft:
        footnotes, body = self._footnotes()
        start = self._programme_start(body)
        if start is None:
            self._fail_nothing(body)
        assert start is not None
        if any(_is_day_heading(ln) for ln in body[start:]):
            # the first day's heading sits just above the first time: it heads a day too
            back = start - 1
            while back >= 0 and not body[back].text:
                back -= 1
            if back >= 0 and _is_day_heading(body[back]):
                start = back
        preamble = body[:start]
        programme = [ln for ln in body[start:] if ln.text]
        self.session.language = _language(self.lines)
        self._read_preamble(preamble)
        programme = self._pick_day(programme)
        entries = self._entries(programme)
        if not any(e.start or e.duration for e in entries if e.shape != "keyed"):
            self._fail_nothing(programme)
        self._warn_unread(entries)
        tops = self._tree(entries)
        parts = self._parts(tops)
        self._attach_footnotes(footnotes, entries, parts)
        if self.room:
            self.session.room = self.room
        return Draft(session=self.session, parts=parts)

    def _fail_nothing(self, lines: Iterable[Line]) -> None:
        problems = [
            self._not_understood(ln) for ln in lines if ln.text and not _FOOTNOTE_DEF.match(ln.raw)
        ]
        for diag in problems:
            self.report.problem(diag[0], diag[1])
        raise ImportFailure(
            self.source,
            "no time or duration found: expected lines such as « 9h30 : Accueil », "
            "« 16h00 – 16h10 Introduction » or « Témoignages (40') »",
            self.report.problems,
        )

    @staticmethod
    def _not_understood(line: Line) -> tuple[int, str]:
        shown = line.text if len(line.text) <= 60 else line.text[:57] + "..."
        return line.no, f"no time or duration in {shown!r}"

    # ............................................................... footnotes

    def _footnotes(self) -> tuple[list[_Footnote], list[Line]]:
        notes: list[_Footnote] = []
        body = list(self.lines)
        # the tail: bare numbers at the end of the document are footnotes (« 2 Cette société »)
        end = len(body)
        while end > 0:
            line = body[end - 1]
            if not line.raw.strip():
                end -= 1
                continue
            match = _BARE_FOOTNOTE.match(line.raw) or _FOOTNOTE_DEF.match(line.raw)
            if match is None or leading_time(line.raw.strip()) is not None:
                break
            if find_duration(line.raw) is not None:
                break
            end -= 1
        tail = body[end:]
        body = body[:end]
        for line in tail:
            match = _BARE_FOOTNOTE.match(line.raw) or _FOOTNOTE_DEF.match(line.raw)
            if match is not None:
                number = match.groupdict().get("num") or ""
                if not number:
                    number = (match["sup"] or match["md"] or "").translate(_SUPER_TO_DIGIT)
                notes.append(_Footnote(number, _footnote_text(match["text"]), line.no))
        kept: list[Line] = []
        for line in body:
            match = _FOOTNOTE_DEF.match(line.raw)
            if match is not None and not line.raw.lstrip().startswith(tuple(_BULLETS)):
                number = (match["sup"] or match["md"] or "").translate(_SUPER_TO_DIGIT)
                notes.append(_Footnote(number, _footnote_text(match["text"]), line.no))
                kept.append(_split_line(line.no, ""))
            else:
                kept.append(line)
        return notes, kept

    def _attach_footnotes(
        self, footnotes: list[_Footnote], entries: list[Entry], parts: list[DraftPart]
    ) -> None:
        targets = self._targets
        for note in footnotes:
            caller = next((e for e in entries if note.number in e.line.calls), None)
            if caller is None:
                if any(note.number in ln.calls for ln in self.lines[: self._first_no - 1]):
                    continue  # called from the description, which is not imported
                caller = self._guess_caller(note, entries)
                if caller is None:
                    self.report.warn(
                        note.line,
                        f"footnote {note.number} is not called in the programme and could not "
                        "be placed: left out",
                    )
                    continue
                self.report.warn(
                    note.line,
                    f"footnote {note.number} is not called in the programme: attached to line "
                    f"{caller.no} ({caller.title!r}), which it shares words with",
                )
            target = targets.get(caller.no)
            if isinstance(target, DraftSpeaker):
                target.note = "\n".join(x for x in (target.note, note.text) if x)
            elif isinstance(target, (DraftItem, DraftPart)):
                target.notes.append(note.text)
            else:
                self.report.warn(note.line, f"footnote {note.number} could not be placed")
        del parts

    def _guess_caller(self, note: _Footnote, entries: list[Entry]) -> Entry | None:
        words = _content_words(note.text)
        best: tuple[int, int, Entry | None] = (0, 0, None)
        for entry in entries:
            if entry.shape == "keyed":
                continue
            score = len(words & _content_words(entry.line.text))
            if score > best[0]:
                best = (score, 1, entry)
            elif score == best[0] and score > 0:
                best = (score, best[1] + 1, best[2])
        if best[0] == 0 or best[1] > 1:
            return None
        return best[2]

    # ............................................................... preamble

    def _programme_start(self, body: list[Line]) -> int | None:
        for index, line in enumerate(body):
            folded = fold(line.text).strip(" :.*")
            if line.text and not line.bulleted and _START_MARKER.match(folded):
                self._first_no = line.no + 1
                return index + 1
        for index, line in enumerate(body):
            if not line.text or _is_date_line(line.text):
                continue
            timed = leading_time(line.text)
            heading = (
                not line.bulleted
                and line.indent == 0
                and (_ROMAN.match(line.text) or _WORD_HEADING.match(fold(line.text)))
            )
            if timed is not None or heading or find_duration(line.text) is not None:
                self._first_no = line.no
                return index
        self._first_no = len(self.lines) + 1
        return None

    def _read_preamble(self, lines: list[Line]) -> None:
        s = self.session
        text_lines = [ln for ln in lines if ln.text]
        used: set[int] = set()
        # keyed lines: « Lieu : ... », « Salle : ... »
        for line in text_lines:
            keyed = _keyed(line.text)
            if keyed is None:
                continue
            key, value = keyed
            if self._session_key(key, value, line.no):
                used.add(line.no)
        # the date and the slot
        date_lines = [ln for ln in text_lines if ln.no not in used and _is_date_line(ln.text)]
        timed_dates = [ln for ln in date_lines if find_time_range(ln.text)[0] is not None]
        date_line = (timed_dates or date_lines)[0] if date_lines else None
        if date_line is not None:
            used.add(date_line.no)
            self._read_date(date_line, text_lines)
        if s.start is None:
            for line in text_lines:
                if line.no in used:
                    continue
                start, end = find_time_range(line.text)
                only_time = leading_time(line.text)
                if start is not None and only_time is not None and not only_time.rest:
                    s.start, s.hard_end = start, end
                    used.add(line.no)
                    break
        # the title: the first emphasised block, else the first line left
        title_lines: list[Line] = []
        for index, line in enumerate(text_lines):
            if line.emphasised and line.no not in used:
                title_lines = [line]
                if line.raw.strip().startswith(("**", "__")):
                    for other in text_lines[index + 1 :]:
                        if title_lines[-1].raw.rstrip().endswith(("**", "__")):
                            break
                        if other.no != title_lines[-1].no + 1:
                            break
                        title_lines.append(other)
                break
        event_lines: list[Line] = []
        if title_lines:
            first = title_lines[0].no
            event_lines = [
                ln
                for ln in text_lines
                if ln.no < first and ln.no not in used and not _is_date_line(ln.text)
            ]
        else:
            rest = [ln for ln in text_lines if ln.no not in used and not _is_date_line(ln.text)]
            quiet = [ln for ln in rest if ln.text.upper() != ln.text]
            if rest:
                title_lines = [quiet[0] if quiet else rest[0]]
                event_lines = [ln for ln in rest if ln.no < title_lines[0].no]
        if s.title:  # « Titre : ... » said it
            title_lines = []
        else:
            s.title = clean_title(" ".join(ln.text for ln in title_lines)) if title_lines else ""
        used.update(ln.no for ln in title_lines)
        # venue and room
        for line in text_lines:
            if line.no not in used and not s.venue and self._venue_line(line):
                used.add(line.no)
        events = [
            ln.text
            for ln in event_lines
            if ln.no not in used and not _shouting_word(ln.text) and not self._venue_line(ln, True)
        ]
        if events and not s.event:
            s.event = " — ".join(clean_title(e) for e in events[:3])

    def _session_key(self, key: str, value: str, no: int) -> bool:
        s = self.session
        if key == "title":
            s.title = value
        elif key == "venue":
            s.venue = value
        elif key == "room":
            s.room = value
        elif key == "event":
            s.event = value
        elif key == "timezone":
            s.timezone = value or None
        elif key == "date":
            line = _split_line(no, value)
            self._read_date(line, [])
        elif key == "time":
            start, end = find_time_range(value)
            if start is None:
                self.report.problem(no, f"no time in {value!r}")
            else:
                s.start, s.hard_end = start, end
        else:
            return False
        return True

    def _venue_line(self, line: Line, dry: bool = False) -> bool:
        folded = fold(line.text)
        if not _VENUE_CUES.search(folded) or len(line.text) > 120:
            return False
        if leading_time(line.text) or find_duration(line.text):
            return False
        if dry:
            return True
        pieces = split_top(line.text, r",\s*|\s+[–—]\s+")
        if _ROOM_CUE.match(fold(pieces[0])) and not self.session.room:
            self.session.room = pieces[0]
            pieces = pieces[1:]
        if pieces:
            self.session.venue = ", ".join(pieces)
        return True

    def _read_date(self, line: Line, others: list[Line]) -> None:
        s = self.session
        found = find_date(line.text)
        if found is not None:
            year = found.year
            if year is None:
                year = next((y for y in (year_in(o.text) for o in others) if y), None)
                if year is not None:
                    self.report.warn(line.no, f"the date has no year: took {year} from the header")
            if year is None and self.day is None:
                self.report.warn(line.no, "the date has no year: left out of the file")
            elif year is not None:
                s.date = make_date(found, year)
                if s.date is None:
                    self.report.problem(line.no, "this date does not exist")
        start, end = find_time_range(line.text)
        if start is not None:
            s.start, s.hard_end = start, end

    def _pick_day(self, programme: list[Line]) -> list[Line]:
        """Several day headings in the programme: keep the day the user chose."""
        days = [(i, ln) for i, ln in enumerate(programme) if _is_day_heading(ln)]
        if self.day is not None and not days:
            try:
                self.session.date = dt.date.fromisoformat(self.day)
            except ValueError:
                raise ImportFailure(self.source, f"--day {self.day}: expected YYYY-MM-DD") from None
        if len(days) < 2:
            if days:
                index, line = days[0]
                self._read_date(line, self.lines)
                return programme[:index] + programme[index + 1 :]
            return programme
        options = [
            Choice(self._day_key(ln), None, f"--day {self._day_key(ln)}  ({ln.text}, line {ln.no})")
            for _, ln in days
        ]
        if self.day is None:
            raise ChoiceNeeded(
                self.source, f"the programme has {len(days)} days: choose one with --day", options
            )
        for number, (index, line) in enumerate(days):
            if self._day_matches(line, number):
                self._read_date(line, self.lines)
                end = days[number + 1][0] if number + 1 < len(days) else len(programme)
                return programme[index + 1 : end]
        raise ChoiceNeeded(self.source, f"no day matches --day {self.day}", options)

    def _day_key(self, line: Line) -> str:
        found = find_date(line.text)
        year = (found.year if found else None) or (
            self.session.date.year if self.session.date else None
        )
        if found is not None and year is not None:
            day = make_date(found, year)
            if day is not None:
                return day.isoformat()
        return fold(line.text).split()[0]

    def _day_matches(self, line: Line, number: int) -> bool:
        wanted = fold(self.day or "")
        return wanted in (self._day_key(line), str(number + 1)) or (
            bool(wanted) and fold(line.text).startswith(wanted)
        )

    # ............................................................... lines to a tree

    def _entries(self, programme: list[Line]) -> list[Entry]:
        words_ok = True
        entries = [_classify(ln, words_ok) for ln in programme]
        return [e for e in entries if e.shape != "day"]

    def _warn_unread(self, entries: list[Entry]) -> None:
        """Digits that look like a time or a duration the reader could not make out."""
        for entry in entries:
            if entry.shape in ("keyed", "block") or entry.start or entry.duration:
                continue
            if _TIMEISH.search(entry.line.text.translate(_QUOTES)):
                self.report.warn(
                    entry.no, f"{entry.line.text!r} seems to hold a time or a duration: not read"
                )

    def _tree(self, entries: list[Entry]) -> list[Entry]:
        structural = [e for e in entries if e.shape in ("heading", "block")]
        blocks = any(e.shape == "block" for e in entries)
        numbered = any(e.shape == "heading" for e in entries)
        keys = sorted(
            {
                (e.line.indent, e.line.bulleted)
                for e in entries
                if e.shape not in ("heading", "block", "keyed", "prose")
            }
        )
        rank = {k: i for i, k in enumerate(keys)}
        for entry in entries:
            if entry.shape in ("heading", "block"):
                entry.level = 0
            elif entry.shape in ("keyed", "prose"):
                entry.level = -1
            else:
                r = rank[(entry.line.indent, entry.line.bulleted)]
                if structural:
                    flat = entry.line.indent == 0 and not entry.line.bulleted
                    if blocks and not numbered and entry.shape == "timed" and flat:
                        entry.level = 0
                    else:
                        entry.level = r + 1
                else:
                    entry.level = r
        tops: list[Entry] = []
        stack: list[Entry] = []
        for entry in entries:
            if entry.level < 0:
                holders = stack
                if entry.shape == "prose":  # a sentence describes the item, not a person
                    holders = [e for e in stack if e.shape != "person"]
                if holders:
                    holders[-1].children.append(entry)
                else:
                    self._orphan_key(entry)
                continue
            while stack and stack[-1].level >= entry.level:
                stack.pop()
            if stack:
                stack[-1].children.append(entry)
            else:
                if entry.level > 0 and tops:
                    # deeper than anything open: belongs to the last top entry
                    tops[-1].children.append(entry)
                    stack.append(tops[-1])
                else:
                    tops.append(entry)
            stack.append(entry)
        for top in tops:
            if top.shape == "block":
                self._title_block(top)
        return tops

    def _orphan_key(self, entry: Entry) -> None:
        if entry.shape == "prose":
            return  # a sentence of description before the first item: not imported
        if not self._session_key(entry.key, entry.value, entry.no):
            self.report.problem(entry.no, f"{entry.line.text!r} belongs to nothing above it")

    def _title_block(self, block: Entry) -> None:
        """« 14h00 » alone on its line: the line below it names the block."""
        kids = [c for c in block.children if c.shape != "keyed"]
        if not kids:
            return
        first = kids[0]
        flat = first.line.indent == 0 and not first.line.bulleted
        others_nested = all(not (c.line.indent == 0 and not c.line.bulleted) for c in kids[1:])
        if first.shape in ("item", "person", "timed") and (
            len(kids) == 1 or (flat and others_nested)
        ):
            block.title = first.title
            block.people = first.people
            block.notes = first.notes + block.notes
            block.duration = first.duration
            block.line.calls.extend(first.line.calls)
            index = block.children.index(first)
            block.children[index : index + 1] = first.children
            self._merged[first.no] = block.no
            return
        block.title = first.title
        self.report.warn(
            block.no,
            f"the block at {show_clock(block.start or dt.time(0))} has no title: "
            f"named after its first item {first.title!r}",
        )

    # ............................................................... tree to parts

    def _parts(self, tops: list[Entry]) -> list[DraftPart]:
        s = self.session
        end_marker: dt.time | None = None
        if tops and tops[-1].end_marker:
            end_marker = tops[-1].start
            tops = tops[:-1]
        for top in tops:
            if top.end_marker:
                self.report.warn(top.no, f"{top.title!r} reads as an end but is not last")
        if s.hard_end is None and end_marker is not None:
            s.hard_end = end_marker
        for top in tops:
            if top.start is None:
                kids = [c for c in top.children if c.shape not in ("keyed", "prose")]
                while kids and kids[0].label in _CHAIRS:
                    kids = kids[1:]
                if kids and kids[0].start is not None:
                    top.start = kids[0].start
                    if top.end is None and top.duration is None and kids[-1].end is not None:
                        top.end = kids[-1].end
        slot_end = end_marker or s.hard_end
        timed = [t for t in tops if t.start is not None]
        if timed:
            first_time = timed[0].start
            assert first_time is not None
            before = tops.index(timed[0])
            if s.start is None:
                s.start = opening([Timed(t.no, t.title, t.start, self._own(t)) for t in tops])
            elif before == 0 and s.start != first_time:
                self.report.warn(
                    tops[0].no,
                    f"the programme starts at {show_clock(first_time)}, the header says "
                    f"{show_clock(s.start)}: kept {show_clock(first_time)}",
                )
                s.start = first_time
        if not tops:
            raise ImportFailure(self.source, "no programme found", self.report.problems)
        laid = self._lay_out(tops, s.start, slot_end, end_assumed=end_marker is None)
        parts: list[DraftPart] = []
        for top, place in zip(tops, laid, strict=True):
            parts.append(self._part(top, place.seconds, place.start))
            if place.gap is not None:
                parts.append(place.gap.as_part())
        return parts

    def _own(self, entry: Entry) -> int | None:
        """The duration a line gives itself: its time range, else its bracket."""
        found = entry.duration
        own = None
        if found is not None:
            own = found.seconds + (found.questions_s or 0)
        if entry.start is not None and entry.end is not None:
            span = seconds_between(entry.start, entry.end)
            if span <= 0:
                self.report.problem(entry.no, "this time range ends before it starts")
                return own
            if own is not None and own != span:
                self.report.warn(
                    entry.no,
                    f"the times give {format_duration(span)} but the line says "
                    f"{format_duration(own)}: kept the times",
                )
            return span
        return own

    def _warn_duration(self, entry: Entry) -> None:
        found = entry.duration
        if found is None:
            return
        if found.low is not None:
            self.report.warn(
                entry.no,
                f"« {found.written} » read as {format_duration(found.seconds)} (the upper bound)",
            )
        elif found.approximate:
            self.report.warn(
                entry.no,
                f"approximate « {found.written} » read as {format_duration(found.seconds)}",
            )

    def _lay_out(
        self,
        entries: list[Entry],
        start: dt.time | None,
        end: dt.time | None,
        *,
        end_assumed: bool,
    ) -> list[Laid]:
        """Each entry's start, length and the break after it (``start_times`` says how)."""
        timed = [Timed(e.no, e.title, e.start, self._own(e)) for e in entries]
        for entry in entries:
            self._warn_duration(entry)
        return lay_out(
            timed,
            self.report,
            start=start,
            end=end,
            slot_end=self.session.hard_end,
            language=self.session.language,
            end_assumed=end_assumed,
        )

    def _part(self, top: Entry, seconds: int | None, start: dt.time | None) -> DraftPart:
        part = DraftPart(title=top.title or "?", line=top.no, budget=seconds)
        part.notes.extend(top.notes)
        self._targets[top.no] = part
        for no, merged_into in self._merged.items():
            if merged_into == top.no:
                self._targets[no] = part
        # the children: items, groups of people, keyed lines
        slots: list[tuple[Entry, list[DraftSpeaker] | None]] = []
        group: list[DraftSpeaker] | None = None
        chairs: list[tuple[Entry, list[DraftSpeaker]]] = []
        for child in top.children:
            if child.shape == "keyed":
                self._apply_key(child, part, None)
                continue
            if child.shape == "prose":
                part.notes.append(child.line.text)
                self._targets[child.no] = part
                continue
            people = self._as_people(child)
            if people is not None and child.label in _CHAIRS and not chairs and not slots:
                chairs.append((child, people))
                for person in people:
                    self._targets.setdefault(child.no, person)
                self._walk_person_children(child, people[-1])
                continue
            if people is not None:
                if group is None:
                    group = []
                    slots.append((child, group))
                group.extend(people)
                for person in people:
                    self._targets.setdefault(child.no, person)
                self._walk_person_children(child, people[-1])
                continue
            group = None
            slots.append((child, None))
        item_slots = [s for s in slots if s[1] is None]
        for chair, people in chairs:
            if item_slots:  # the chair of a session of talks is not one of its speakers
                part.notes.append(chair.line.text)
            else:
                part.speakers.extend(people)
        if top.people and (item_slots or (slots and top.duration and top.duration.questions_s)):
            slots.insert(0, (top, list(top.people)))
        elif top.people:
            part.speakers.extend(top.people)
        if not item_slots:
            for _, people in slots:
                part.speakers.extend(people or [])
            self._questions(top, part)
            return part
        # durations of the items: their own, times inside the part, or a share of the budget
        entries = [e for e, _ in slots]
        if any(e.start is not None for e in entries if e is not top):
            end = add_seconds(start, seconds) if (start and seconds) else None
            laid = self._lay_out(entries, start, end, end_assumed=False)
            allocated = [(place.seconds, place.gap) for place in laid]
        else:
            allocated = [(self._own(e) if e is not top else None, None) for e in entries]
            for entry in entries:
                if entry is not top:
                    self._warn_duration(entry)
        for (entry, people), (duration, gap) in zip(slots, allocated, strict=True):
            if people is not None:
                item = DraftItem(title=part.title, line=entry.no, speakers=people)
                item.duration = duration if entry.start is not None else None
                if entry.duration is not None and entry is not top:
                    item.duration = duration
                part.items.append(item)
            else:
                made = self._item(entry, duration)
                part.items.extend(made)
                for no in (entry.no,):
                    self._targets.setdefault(no, made[0])
            if gap is not None:
                part.items.append(gap.as_item())
        self._questions(top, part)
        return part

    def _questions(self, top: Entry, part: DraftPart) -> None:
        """« (15' + 5' questions) » on a part: its talk then a question slot."""
        found = top.duration
        if found is None or found.questions_s is None:
            return
        title = "Questions" if self.session.language == "fr" else "Q&A"
        qa = DraftItem(title=title, line=top.no, kind=SegmentKind.QA, duration=found.questions_s)
        if not part.items:
            talk = DraftItem(
                title=part.title,
                line=top.no,
                duration=found.seconds,
                speakers=list(part.speakers),
                notes=list(part.notes),
            )
            part.speakers = []
            part.notes = []
            part.items = [talk, qa]
            self._targets[top.no] = talk
        else:
            part.items.append(qa)

    def _as_people(self, entry: Entry) -> list[DraftSpeaker] | None:
        if entry.shape == "person":
            return entry.people
        loose = entry.loose_people
        nested = entry.line.arrow or entry.level > 0
        if entry.shape == "item" and loose is not None and entry.duration is None and nested:
            entry.notes = [loose.notes] if loose.notes else []
            return _speakers(loose)
        return None

    def _walk_person_children(self, entry: Entry, person: DraftSpeaker | None) -> None:
        for child in entry.children:
            if child.shape == "prose" and person is not None:
                person.note = "\n".join(x for x in (person.note, child.line.text) if x)
            elif child.shape == "keyed":
                self._apply_key(child, None, person)
            else:
                self.report.problem(child.no, f"{child.line.text!r} under a person: not understood")

    def _item(self, entry: Entry, duration: int | None) -> list[DraftItem]:
        item = DraftItem(title=entry.title or "?", line=entry.no, duration=duration)
        self._targets[entry.no] = item
        item.speakers.extend(entry.people)
        item.notes.extend(entry.notes)
        last_person: DraftSpeaker | None = item.speakers[-1] if item.speakers else None
        for child in entry.children:
            if child.shape == "keyed":
                last_person = self._apply_key(child, item, last_person)
                continue
            if child.shape == "prose":
                item.notes.append(child.line.text)
                self._targets[child.no] = item
                continue
            people = self._as_people(child)
            if people is None and child.loose_people is not None and child.duration is None:
                people = _speakers(child.loose_people)
                child.notes = [child.loose_people.notes] if child.loose_people.notes else []
            if people is not None:
                item.speakers.extend(people)
                for person in people:
                    self._targets.setdefault(child.no, person)
                item.notes.extend(child.notes)
                last_person = people[-1]
                self._walk_person_children(child, last_person)
                continue
            text = child.line.text
            item.notes.append(text)
            self._targets[child.no] = item
            self.report.warn(
                child.no, f"a third level is not part of a running order: kept {text!r} as a note"
            )
        out = [item]
        found = entry.duration
        if found is not None and found.questions_s is not None:
            title = "Questions" if self.session.language == "fr" else "Q&A"
            total = duration if duration is not None else found.seconds + found.questions_s
            item.duration = total - found.questions_s
            out.append(
                DraftItem(
                    title=title, line=entry.no, kind=SegmentKind.QA, duration=found.questions_s
                )
            )
        return out

    def _apply_key(
        self,
        entry: Entry,
        target: DraftItem | DraftPart | None,
        person: DraftSpeaker | None,
    ) -> DraftSpeaker | None:
        key, value = entry.key, entry.value
        if key in ("role", "organisation", "note"):
            if person is None:
                if key == "note" and target is not None:
                    target.notes.append(value)
                    return person
                self.report.problem(entry.no, f"{entry.line.text!r}: no speaker above it")
                return person
            old = getattr(person, key)
            setattr(person, key, "\n".join(x for x in (old, value) if x))
            return person
        if key == "notes":
            if target is None:
                self.report.problem(entry.no, f"{entry.line.text!r}: nothing above it to note")
            else:
                target.notes.append(value)
            return person
        if key == "type":
            kind = kind_from_word(value)
            if kind is None:
                self.report.problem(entry.no, f"unknown type {value!r}")
            elif target is not None:
                target.kind = kind
            return person
        if key == "duration":
            self.report.problem(entry.no, f"{entry.line.text!r}: write the duration on the line")
            return person
        if not self._session_key(key, value, entry.no):
            self.report.problem(entry.no, f"{entry.line.text!r} not understood here")
        return person


def _footnote_text(text: str) -> str:
    """« <https://...> » loses its angle brackets; the text is kept as written."""
    text = re.sub(r"<(https?://[^>\s]+)>", r"\1", text.strip())
    text, _ = _strip_markdown(text)
    return text.strip()


def _content_words(text: str) -> set[str]:
    words = re.findall(r"[a-z]{4,}", fold(text))
    return {w for w in words if w not in _STOP}


_STOP = word_set(
    """dans pour avec sans sous cette celle ceux elle elles leur leurs nous vous sont etre
    avoir fait plus moins tres tout tous toute toutes comme mais donc ainsi aussi entre
    that this with from have will been were their there which when what your about"""
)


_CHAIRS = frozenset({"présidence", "chair", "modération", "moderator"})


def _is_day_heading(line: Line) -> bool:
    """« Lundi 1er juillet 2024 » alone on its line, heading the items of that day."""
    text = line.text
    return (
        bool(text)
        and not line.bulleted
        and starts_with_date(text)
        and leading_time(text) is None
        and find_date(text) is not None
        and _is_date_line(text)
    )


def _is_prose(text: str) -> bool:
    """A sentence of description (« Chaque communication dure 15 minutes... »), not an item."""
    words = text.split()
    return len(words) >= 8 and text.rstrip().endswith((".", "…", "!")) and not text.endswith("..")


_FILLER = word_set(
    """le la les du de des et a au aux en the on at from to of and le, seance publique
    session sitting meeting"""
)
_DATE_WORDS = re.compile(
    r"\b(?:" + "|".join(list(MONTHS) + list(WEEKDAYS)) + r")\b|\d+(?:er|st|nd|rd|th)?|[^\w\s]"
)


def _is_date_line(text: str) -> bool:
    """A line that says when (« Mardi 22 septembre – 16h00 – 17h30 »), not a title with a date."""
    found = find_date(text)
    if found is None or leading_time(text) is not None:
        return False
    if not (has_weekday(text) or found.year is not None or found.start < 3):
        return False
    folded = fold(text)
    rest = _DATE_WORDS.sub(" ", re.sub(CLOCK, " ", folded))
    words = [w for w in rest.split() if w not in _FILLER and len(w) > 1]
    return len(words) <= 2


def _shouting_word(text: str) -> bool:
    """« ATELIER »: a one-word label in capitals, not an event name."""
    words = text.split()
    return len(words) <= 2 and text.upper() == text and len(text) < 30


def _language(lines: list[Line]) -> str:
    fr = en = 0
    for line in lines:
        marker = fold(line.text).strip(" :.")
        if marker in ("deroule", "running order"):
            return "fr" if marker == "deroule" else "en"
        words = fold(line.text).split()
        fr += sum(1 for w in words if w in _FR_WORDS)
        en += sum(1 for w in words if w in _EN_WORDS)
        if re.search(r"\b\d{1,2}h\d{0,2}\b", line.text):
            fr += 1
    return "en" if en > fr else "fr"


_FR_WORDS = word_set(
    """le la les des du de et pour avec sur une un au aux par est dans deroule salle lieu
    intervenant intervenante echanges pause dejeuner janvier fevrier mars avril mai juin juillet
    aout septembre octobre novembre decembre lundi mardi mercredi jeudi vendredi samedi
    dimanche fonction"""
)
_EN_WORDS = word_set(
    """the and of for with on a an to by in is running order room venue speaker speakers break
    lunch january february march april may june july august september october november
    december monday tuesday wednesday thursday friday saturday sunday role welcome"""
)


def import_text(
    text: str, source: str, day: str | None = None, room: str | None = None
) -> tuple[Draft, ImportDiagnostics]:
    importer = TextImporter(text, source, day, room)
    draft = importer.read()
    return draft, importer.report
