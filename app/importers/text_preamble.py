"""The session of a text programme: where its programme starts, its preamble, its days.

The preamble (everything before « Déroulé », « Programme », "Agenda"... or before the first line
with a time, a duration or a part number) gives the title (the first emphasised block, else the
first line), the date and the slot (« Mardi 22 septembre – 16h00 – 17h30 »), the venue and the
room. The description in it is not imported. A programme of several days is cut to the one
chosen with --day.
"""

from __future__ import annotations

import datetime as dt
import re

from app.importers.draft import Choice, ChoiceNeeded, ImportFailure
from app.importers.people import split_top
from app.importers.text_entries import ROMAN, WORD_HEADING, key_and_value
from app.importers.text_lines import Line, clean_title, split_line
from app.importers.text_reading import Reading
from app.importers.times_in_text import (
    CLOCK,
    MONTHS,
    WEEKDAYS,
    find_date,
    find_duration,
    find_time_range,
    has_weekday,
    leading_time,
    make_date,
    starts_with_date,
    year_in,
)
from app.importers.words import fold, word_set

_START_MARKER = re.compile(
    r"^(?:deroule(?:ment)?|programme|program|ordre du jour|agenda|running order|schedule|"
    r"timetable|deroule previsionnel)\b[^.]{0,60}$"
)


_VENUE_CUES = re.compile(
    r"\b(?:cite|salle|room|hall|centre|center|palais|hotel de ville|mairie|universite|"
    r"university|amphi|amphitheatre|auditorium|campus|maison|espace|lieu|venue|theatre|"
    r"conference centre|convention centre|convention center)\b"
)


_ROOM_CUE = re.compile(r"^(?:salle|room|amphi(?:theatre)?|auditorium|hall)\b")


def programme_start(r: Reading, body: list[Line]) -> int | None:
    """The index of the programme's first line in ``body``, or None when there is none."""
    for index, line in enumerate(body):
        folded = fold(line.text).strip(" :.*")
        if line.text and not line.bulleted and _START_MARKER.match(folded):
            r.first_no = line.no + 1
            return index + 1
    for index, line in enumerate(body):
        if not line.text or is_date_line(line.text):
            continue
        timed = leading_time(line.text)
        heading = (
            not line.bulleted
            and line.indent == 0
            and (ROMAN.match(line.text) or WORD_HEADING.match(fold(line.text)))
        )
        if timed is not None or heading or find_duration(line.text) is not None:
            r.first_no = line.no
            return index
    r.first_no = len(r.lines) + 1
    return None


def read_preamble(r: Reading, lines: list[Line]) -> None:
    """Title, event, date, slot, venue and room from the lines before the programme."""
    s = r.session
    text_lines = [ln for ln in lines if ln.text]
    used: set[int] = set()
    # keyed lines: « Lieu : ... », « Salle : ... »
    for line in text_lines:
        keyed = key_and_value(line.text)
        if keyed is None:
            continue
        key, value = keyed
        if session_key(r, key, value, line.no):
            used.add(line.no)
    # the date and the slot
    date_lines = [ln for ln in text_lines if ln.no not in used and is_date_line(ln.text)]
    timed_dates = [ln for ln in date_lines if find_time_range(ln.text)[0] is not None]
    date_line = (timed_dates or date_lines)[0] if date_lines else None
    if date_line is not None:
        used.add(date_line.no)
        read_date(r, date_line, text_lines)
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
            if ln.no < first and ln.no not in used and not is_date_line(ln.text)
        ]
    else:
        rest = [ln for ln in text_lines if ln.no not in used and not is_date_line(ln.text)]
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
        if line.no not in used and not s.venue and _venue_line(r, line):
            used.add(line.no)
    events = [
        ln.text
        for ln in event_lines
        if ln.no not in used and not _shouting_word(ln.text) and not _venue_line(r, ln, True)
    ]
    if events and not s.event:
        s.event = " — ".join(clean_title(e) for e in events[:3])


def session_key(r: Reading, key: str, value: str, no: int) -> bool:
    """A keyed line (« Lieu : ... ») that describes the session; False if the key does not."""
    s = r.session
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
        line = split_line(no, value)
        read_date(r, line, [])
    elif key == "time":
        start, end = find_time_range(value)
        if start is None:
            r.report.problem(no, f"no time in {value!r}")
        else:
            s.start, s.hard_end = start, end
    else:
        return False
    return True


def _venue_line(r: Reading, line: Line, dry: bool = False) -> bool:
    """Whether the line names a venue (and a room); ``dry``: only tell, fill nothing."""
    folded = fold(line.text)
    if not _VENUE_CUES.search(folded) or len(line.text) > 120:
        return False
    if leading_time(line.text) or find_duration(line.text):
        return False
    if dry:
        return True
    pieces = split_top(line.text, r",\s*|\s+[–—]\s+")
    if _ROOM_CUE.match(fold(pieces[0])) and not r.session.room:
        r.session.room = pieces[0]
        pieces = pieces[1:]
    if pieces:
        r.session.venue = ", ".join(pieces)
    return True


def read_date(r: Reading, line: Line, others: list[Line]) -> None:
    """The session's date and slot from a date line, the year from ``others`` if it lacks one."""
    s = r.session
    found = find_date(line.text)
    if found is not None:
        year = found.year
        if year is None:
            year = next((y for y in (year_in(o.text) for o in others) if y), None)
            if year is not None:
                r.report.warn(line.no, f"the date has no year: took {year} from the header")
        if year is None and r.day is None:
            r.report.warn(line.no, "the date has no year: left out of the file")
        elif year is not None:
            s.date = make_date(found, year)
            if s.date is None:
                r.report.problem(line.no, "this date does not exist")
    start, end = find_time_range(line.text)
    if start is not None:
        s.start, s.hard_end = start, end


def pick_day(r: Reading, programme: list[Line]) -> list[Line]:
    """Several day headings in the programme: keep the day the user chose."""
    days = [(i, ln) for i, ln in enumerate(programme) if is_day_heading(ln)]
    if r.day is not None and not days:
        try:
            r.session.date = dt.date.fromisoformat(r.day)
        except ValueError:
            raise ImportFailure(r.source, f"--day {r.day}: expected YYYY-MM-DD") from None
    if len(days) < 2:
        if days:
            index, line = days[0]
            read_date(r, line, r.lines)
            return programme[:index] + programme[index + 1 :]
        return programme
    options = [
        Choice(_day_key(r, ln), None, f"--day {_day_key(r, ln)}  ({ln.text}, line {ln.no})")
        for _, ln in days
    ]
    if r.day is None:
        raise ChoiceNeeded(
            r.source, f"the programme has {len(days)} days: choose one with --day", options
        )
    for number, (index, line) in enumerate(days):
        if _day_matches(r, line, number):
            read_date(r, line, r.lines)
            end = days[number + 1][0] if number + 1 < len(days) else len(programme)
            return programme[index + 1 : end]
    raise ChoiceNeeded(r.source, f"no day matches --day {r.day}", options)


def _day_key(r: Reading, line: Line) -> str:
    """How --day names this day: its ISO date when it has one."""
    found = find_date(line.text)
    year = (found.year if found else None) or (r.session.date.year if r.session.date else None)
    if found is not None and year is not None:
        day = make_date(found, year)
        if day is not None:
            return day.isoformat()
    return fold(line.text).split()[0]


def _day_matches(r: Reading, line: Line, number: int) -> bool:
    """Whether --day names this day (by date, number or first words)."""
    wanted = fold(r.day or "")
    return wanted in (_day_key(r, line), str(number + 1)) or (
        bool(wanted) and fold(line.text).startswith(wanted)
    )


def is_day_heading(line: Line) -> bool:
    """« Lundi 1er juillet 2024 » alone on its line, heading the items of that day."""
    text = line.text
    return (
        bool(text)
        and not line.bulleted
        and starts_with_date(text)
        and leading_time(text) is None
        and find_date(text) is not None
        and is_date_line(text)
    )


_FILLER = word_set(
    """le la les du de des et a au aux en the on at from to of and le, seance publique
    session sitting meeting"""
)


_DATE_WORDS = re.compile(
    r"\b(?:" + "|".join(list(MONTHS) + list(WEEKDAYS)) + r")\b|\d+(?:er|st|nd|rd|th)?|[^\w\s]"
)


def is_date_line(text: str) -> bool:
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


def language_of(lines: list[Line]) -> str:
    """fr or en: « Déroulé » / "Running order" decide, else the common words."""
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
