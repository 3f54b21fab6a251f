"""Stage 2 of reading a text programme: each ``Line`` classified into an ``Entry``.

An entry says what the line is (a part heading, a time alone heading a block, a timed line, an
item, a person, a keyed line « fonction : ... », a sentence of prose, a day heading) and what
it holds: its title, times, duration and people. Lines are read one by one here; how they nest
is the next stage's business (``text_tree``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field

from app.importers.draft import DraftSpeaker
from app.importers.people import MAX_PEOPLE_TEXT, People, parse_people, trailing_bracket
from app.importers.text_lines import Line, clean_title, split_line
from app.importers.times_in_text import (
    FoundDuration,
    LeadingTime,
    find_date,
    find_duration,
    leading_time,
    starts_with_date,
)
from app.importers.words import END_MARKER, fold, guess_kind
from app.model.schema import SegmentKind

ROMAN = re.compile(
    r"^(?P<num>(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))\s*(?:[/.)]|\s?[-–—:])\s*(?P<rest>.*)$"
)


_ARABIC = re.compile(r"^(?P<num>\d{1,3})\s*(?:[/.)]|\s[-–—])\s+(?P<rest>\S.*)$")


WORD_HEADING = re.compile(
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


QUOTES = str.maketrans({"’": "'", "′": "'", "″": '"'})


TIMEISH = re.compile(r"\d\s?(?:h\d|h\b|'|min\b|mn\b)|\d:\d\d")


_KEYED = re.compile(r"^(?P<key>[a-zA-ZÀ-ÿ ]{2,20}?)\s*:\s*(?P<value>.*)$")


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


def speakers(people: People) -> list[DraftSpeaker]:
    """The people a line names, as the draft's speakers."""
    return [DraftSpeaker(p.name, p.role, p.organisation, p.note) for p in people.people]


_INLINE_BY = re.compile(
    r"(?:,\s*|\s+)(?:par|by|animee? par|presentee? par|presented by|moderated by|with|avec)"
    r"\s+(?=\S)",
)


_DASH = re.compile(r"\s[–—-]\s")
_TRIED = 4  # separators tried from the end of a line: « Titre – Nom – rôle » needs two


def _last_few(matches: Iterator[re.Match[str]], length: int) -> list[re.Match[str]]:
    """The last few separators of a line, last first, that leave a person-sized tail.

    Trying people after every dash or « par » of a line re-read the rest of the line each
    time: quadratic on a line of ten thousand dashes. A person's text is short (people's
    MAX_PEOPLE_TEXT), so only the last separators before such a tail can start one.
    """
    last: deque[re.Match[str]] = deque(maxlen=_TRIED)
    for match in matches:
        if length - match.end() <= MAX_PEOPLE_TEXT:
            last.append(match)
    return list(reversed(last))


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
            entry.people = speakers(people)
            if people.notes:
                notes.insert(0, people.notes)
        else:
            notes.insert(0, inside)
        content = before
    # « Titre par M. Nom », « Titre – Nom (organisation) »
    if not entry.people:
        folded = fold(content)
        for match in _last_few(_INLINE_BY.finditer(folded), len(folded)):
            people = parse_people(content[match.end() :], expected=True)
            if people is not None:
                entry.people = speakers(people)
                if people.notes:
                    notes.append(people.notes)
                content = content[: match.start()]
                break
    if not entry.people:
        for match in _last_few(_DASH.finditer(content), len(content)):
            left, right = content[: match.start()], content[match.end() :]
            people = parse_people(right, expected=True)
            if people is not None and left.strip() and guess_kind(left) is not SegmentKind.BREAK:
                entry.people = speakers(people)
                if people.notes:
                    notes.append(people.notes)
                content = left
                break
    if not entry.people and " : " in content:
        left, right = content.split(" : ", 1)
        people = parse_people(left, expected=False)
        if people is not None and right.strip() and (people.strong or "(" in left):
            entry.people = speakers(people)
            content = right
    entry.title = clean_title(content)
    entry.notes.extend(n for n in notes if n.strip())


def _heading_content(text: str) -> str | None:
    """The text of a part heading without its number, or None if it is not a heading."""
    roman = ROMAN.match(text)
    if roman and roman["rest"].strip():
        return roman["rest"]
    arabic = _ARABIC.match(text)
    if arabic and arabic["rest"].strip():
        return arabic["rest"]
    if WORD_HEADING.match(fold(text)):
        return text
    return None


def key_and_value(text: str) -> tuple[str, str] | None:
    """« fonction : maire » as (role, maire) when the key is one the importer knows."""
    match = _KEYED.match(text)
    if match is None:
        return None
    key = _KEYS.get(fold(match["key"]))
    if key is None:
        return None
    return key, match["value"].strip()


def classify(line: Line, top_level_words: bool) -> Entry:
    """What one line of the programme is, and what it holds."""
    text = line.text
    keyed = key_and_value(text)
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
        if heading is None and line.whole and timed is None and top_level_words:
            heading = content  # « **Matinée** », a Word heading or bold paragraph
    if heading is not None:
        entry = Entry(line, "heading")
        _read_content(entry, heading)
    else:
        entry = Entry(line, "timed" if timed else "item")
        people = parse_people(content, expected=False)
        if people is not None and people.strong and find_duration(content) is None:
            entry.shape = "person" if timed is None else "timed"
            entry.people = speakers(people)
            entry.title = entry.people[0].name
            entry.label = people.label
            if people.notes:
                entry.notes.append(people.notes)
        else:
            _read_content(entry, content)
            if find_duration(content) is None:
                entry.loose_people = parse_people(content, expected=True)
                if timed is None and not line.bulleted and is_prose(content):
                    entry.shape = "prose"
    if timed is not None:
        entry.start, entry.end = timed.start, timed.end
    if entry.shape == "timed" and END_MARKER.match(fold(entry.title)) and not entry.people:
        entry.end_marker = True
    return entry


def read_line(text: str) -> Entry:
    """How the importer reads one line of a programme on its own (the export checks with it)."""
    return classify(split_line(1, text), True)


def is_prose(text: str) -> bool:
    """A sentence of description (« Chaque communication dure 15 minutes... »), not an item."""
    words = text.split()
    return len(words) >= 8 and text.rstrip().endswith((".", "…", "!")) and not text.endswith("..")
