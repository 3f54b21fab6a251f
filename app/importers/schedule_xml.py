"""Conference schedules in the frab/pentabarf XML that pretalx and frab publish.

``<schedule><conference/><day date=...><room name=...><event>`` with ``<start>`` (HH:MM),
``<duration>`` (HH:MM), ``<title>``, ``<persons><person>`` (or ``<person>`` directly), a track,
a type, an abstract and a description in HTML. One room on one day is one running order: the
user picks them with --day and --room when the file holds more than one.

Parsing is done with expat directly, keeping line numbers, and refuses any DOCTYPE or entity
declaration before parsing (no entity expansion, no external resources: the file is untrusted).
"""

from __future__ import annotations

import datetime as dt
import html.parser
import re
from dataclasses import dataclass, field
from xml.parsers import expat
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.importers.draft import (
    Choice,
    ChoiceNeeded,
    Diagnostic,
    Draft,
    DraftPart,
    DraftSession,
    DraftSpeaker,
    ImportDiagnostics,
    ImportFailure,
)
from app.importers.start_times import Timed, lay_out, opening
from app.importers.times_in_text import add_seconds, parse_clock
from app.importers.words import fold, guess_kind, kind_from_word
from app.model.durations import format_duration
from app.model.schema import MAX_SLOT_S, SegmentKind, slot_seconds

MAX_DEPTH = 32
MAX_NOTES = 4000
_BREAK_TRACK = re.compile(r"\b(?:pause|break|breaks|lunch|dejeuner|coffee|repas)\b")


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Node] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts).strip()

    def all(self, tag: str) -> list[Node]:
        return [c for c in self.children if c.tag == tag]

    def first(self, tag: str) -> Node | None:
        return next((c for c in self.children if c.tag == tag), None)

    def text_of(self, tag: str) -> str:
        node = self.first(tag)
        return node.text if node is not None else ""


class _Refused(Exception):
    pass


def parse_xml(data: bytes, source: str) -> Node:
    """A small tree with line numbers; DOCTYPE and entities are refused."""
    head = data.lower()
    if b"<!doctype" in head or b"<!entity" in head:
        found = [i for i in (head.find(b"<!doctype"), head.find(b"<!entity")) if i >= 0]
        line = data[: min(found)].count(b"\n") + 1
        raise ImportFailure(
            source,
            "refused: the XML declares a DOCTYPE or entities, which a schedule never needs "
            "(and which can make a parser read other files)",
            [Diagnostic(line, "<!DOCTYPE or <!ENTITY")],
        )
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    root: list[Node] = []
    stack: list[Node] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        node = Node(tag.split("}")[-1], attrs, parser.CurrentLineNumber)
        if stack:
            stack[-1].children.append(node)
        else:
            root.append(node)
        stack.append(node)
        if len(stack) > MAX_DEPTH:
            raise _Refused("nested too deeply to be a schedule")

    def end(tag: str) -> None:
        del tag
        stack.pop()

    def chars(text: str) -> None:
        if stack:
            stack[-1].parts.append(text)

    def refuse_entity(*args: object) -> None:
        del args
        raise _Refused("entities are not allowed")

    def refuse_external(
        context: str, base: str | None, system_id: str | None, public_id: str | None
    ) -> int:
        del context, base, system_id, public_id
        raise _Refused("external entities are not allowed")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.EntityDeclHandler = refuse_entity
    parser.ExternalEntityRefHandler = refuse_external
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise ImportFailure(
            source,
            f"not well-formed XML ({expat.ErrorString(exc.code)})",
            [Diagnostic(exc.lineno, expat.ErrorString(exc.code))],
        ) from None
    except _Refused as exc:
        raise ImportFailure(
            source, f"refused: {exc}", [Diagnostic(parser.CurrentLineNumber, str(exc))]
        ) from None
    if not root:
        raise ImportFailure(source, "no XML element found")
    return root[0]


class _Text(html.parser.HTMLParser):
    """HTML to plain text: paragraphs and line breaks kept, tags and scripts dropped."""

    _BLOCKS = frozenset({"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        del attrs
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in self._BLOCKS:
            self.out.append("\n")
            if tag == "li":
                self.out.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in self._BLOCKS:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(data)


def html_to_text(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.out).splitlines()]
    text = "\n".join(line for line in lines if line)
    if len(text) > MAX_NOTES:
        text = text[: MAX_NOTES - 1].rstrip() + "…"
    return text


def _duration(text: str) -> int | None:
    match = re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", text.strip())
    if match is None:
        return None
    h, m, s = int(match[1]), int(match[2]), int(match[3] or 0)
    if m > 59 or s > 59:
        return None
    return h * 3600 + m * 60 + s


@dataclass
class _Event:
    node: Node
    title: str
    start: dt.time
    duration: int | None  # None: until the next event


def _event_start(event: Node) -> dt.time | None:
    start = parse_clock(event.text_of("start"))
    if start is None:
        stamp = event.text_of("date")
        try:
            start = dt.datetime.fromisoformat(stamp).time().replace(tzinfo=None) if stamp else None
        except ValueError:
            start = None
    return start


def _choose(
    days: list[Node], day: str | None, room: str | None, source: str
) -> tuple[Node, Node, bool]:
    """The (day, room) the user wants, or ChoiceNeeded listing what there is."""
    pairs = [(d, r) for d in days for r in d.all("room") if r.all("event")]
    if not pairs:
        raise ImportFailure(source, "the schedule has no events")

    def label(d: Node, r: Node) -> Choice:
        events = r.all("event")
        starts = [s for s in (_event_start(e) for e in events) if s is not None]
        span = f", from {min(starts):%H:%M}" if starts else ""
        when = d.attrs.get("date") or d.attrs.get("index") or ""
        name = r.attrs.get("name", "")
        text = f"--day {when or '?'} --room {name!r}  ({len(events)} events{span})"
        return Choice(day=when or None, room=name or None, label=text)

    chosen = pairs
    if day is not None:
        chosen = [
            (d, r) for d, r in chosen if day.strip() in (d.attrs.get("date"), d.attrs.get("index"))
        ]
    if room is not None:
        wanted = fold(room)
        exact = [(d, r) for d, r in chosen if fold(r.attrs.get("name", "")) == wanted]
        chosen = exact or [(d, r) for d, r in chosen if wanted in fold(r.attrs.get("name", ""))]
    if not chosen:
        asked = " ".join(x for x in (day and f"--day {day}", room and f"--room {room}") if x)
        raise ChoiceNeeded(
            source, f"nothing in the schedule matches {asked}", [label(d, r) for d, r in pairs]
        )
    if len(chosen) > 1:
        day_count = len({id(d) for d, _ in chosen})
        room_count = len({r.attrs.get("name") for _, r in chosen})
        what = []
        if day_count > 1:
            what.append(f"{day_count} days (--day)")
        if room_count > 1:
            what.append(f"{room_count} rooms (--room)")
        raise ChoiceNeeded(
            source,
            "the schedule has " + " and ".join(what) + ": choose one",
            [label(d, r) for d, r in chosen],
        )
    d, r = chosen[0]
    several_rooms = len({r2.attrs.get("name") for d2, r2 in pairs if d2 is d}) > 1
    return d, r, several_rooms


def import_schedule(
    data: bytes,
    source: str,
    report: ImportDiagnostics,
    day: str | None = None,
    room: str | None = None,
) -> Draft:
    root = parse_xml(data, source)
    if root.tag != "schedule":
        raise ImportFailure(
            source,
            f"the root element is <{root.tag}>, not <schedule>: this is not a conference "
            "schedule (frab/pentabarf XML as pretalx and frab publish it)",
            [Diagnostic(root.line, f"<{root.tag}> instead of <schedule>")],
        )
    days = root.all("day")
    if not days:
        raise ImportFailure(
            source, "the schedule has no <day>", [Diagnostic(root.line, "no <day> inside")]
        )
    chosen_day, chosen_room, several = _choose(days, day, room, source)
    conference = root.first("conference")
    conf_title = conference.text_of("title") if conference is not None else ""
    room_name = chosen_room.attrs.get("name", "")
    languages = [fold(e.text_of("language")) for e in chosen_room.all("event")]
    language = "fr" if languages.count("fr") > languages.count("en") else "en"
    session = DraftSession(
        title=(f"{conf_title} — {room_name}" if several and conf_title else conf_title)
        or room_name
        or "Schedule",
        event=conf_title if several or not conf_title else "",
        room=room_name,
        language=language,
    )
    if conference is not None:
        zone = conference.text_of("time_zone_name")
        if zone:
            try:
                ZoneInfo(zone)
                session.timezone = zone
            except (ZoneInfoNotFoundError, ValueError):
                report.warn(conference.line, f"unknown time zone {zone!r}: left out")
        venue = conference.text_of("venue")
        if venue:
            session.venue = venue
    date_text = chosen_day.attrs.get("date", "")
    if date_text:
        try:
            session.date = dt.date.fromisoformat(date_text[:10])
        except ValueError:
            report.warn(chosen_day.line, f"day date {date_text!r} not understood: left out")
    draft = Draft(session=session)
    read = [_read_event(e, report) for e in chosen_room.all("event")]
    events = [e for e in read if e is not None]
    bounds = _day_bounds(chosen_day, report)
    events.sort(key=lambda e: (_after_day_start(e, bounds, session.date), e.node.line))
    _plan(events, draft, report)
    if bounds is not None and events:
        _slot_to_day_end(draft, bounds, events, report)
    return draft


def _stamp(text: str) -> dt.datetime | None:
    """An ISO date-time as frab writes it (``2024-12-28T04:00:00+01:00``), naive local."""
    try:
        return dt.datetime.fromisoformat(text.strip()).replace(tzinfo=None) if text else None
    except ValueError:
        return None


def _day_bounds(day: Node, report: ImportDiagnostics) -> tuple[dt.datetime, dt.datetime] | None:
    """A frab ``<day start=... end=...>``: the day's own hours, e.g. 11:00 to 04:00 the next
    morning. Events before its start's clock time belong to its morning after."""
    start, end = _stamp(day.attrs.get("start", "")), _stamp(day.attrs.get("end", ""))
    if start is None or end is None:
        return None
    if not dt.timedelta(0) < end - start <= dt.timedelta(seconds=MAX_SLOT_S):
        report.warn(day.line, f"the day's end {end:%H:%M} is not after its start: left out")
        return None
    return start, end


def _after_day_start(
    event: _Event, bounds: tuple[dt.datetime, dt.datetime] | None, date: dt.date | None
) -> int:
    """Seconds from the day's start (or its midnight) to the event: an event at 00:30 on a
    day that starts at 11:00 is 13 h 30 in, the night after, whatever its own ``<date>``
    says if it has none; with an event's full ``<date>`` stamp, that stamp decides."""
    clock = event.start.hour * 3600 + event.start.minute * 60 + event.start.second
    stamp = _stamp(event.node.text_of("date"))
    if bounds is not None:
        opens = bounds[0]
        if stamp is not None:
            return int((stamp - opens).total_seconds())
        return (clock - (opens.hour * 3600 + opens.minute * 60 + opens.second)) % 86400
    if stamp is not None and date is not None:
        return (stamp.date() - date).days * 86400 + clock
    return clock


def _slot_to_day_end(
    draft: Draft,
    bounds: tuple[dt.datetime, dt.datetime],
    events: list[_Event],
    report: ImportDiagnostics,
) -> None:
    """The day's end is the end of the slot when the programme fits in it."""
    s = draft.session
    if s.start is None:
        return
    end = bounds[1].time()
    planned = sum(p.budget or 0 for p in draft.parts)
    if planned <= slot_seconds(s.start, end) <= MAX_SLOT_S:
        s.hard_end = end


def _read_event(node: Node, report: ImportDiagnostics) -> _Event | None:
    title = " ".join(node.text_of("title").split())
    if not title:
        title = " ".join(node.text_of("subtitle").split()) or f"Event {node.attrs.get('id', '')}"
    start = _event_start(node)
    if start is None:
        report.problem(node.line, f"event {title!r} has no start time: left out")
        return None
    written = node.text_of("duration")
    duration = _duration(written) if written else None
    if duration is None or duration == 0:
        why = f"duration {written!r} not understood" if written else "an empty duration"
        if duration == 0:
            why = f"a duration of {written}"
        report.problem(node.line, f"event {title!r} has {why}")
        duration = None
    return _Event(node, title, start, duration)


def _speakers(event: Node) -> list[DraftSpeaker]:
    persons = event.first("persons")
    nodes = persons.all("person") if persons is not None else []
    nodes += event.all("person")
    names = [" ".join(p.text.split()) for p in nodes]
    return [DraftSpeaker(name=n) for n in names if n]


def _kind(event: Node, title: str) -> SegmentKind:
    track = fold(event.text_of("track"))
    kind_text = fold(event.text_of("type"))
    if _BREAK_TRACK.search(track) or _BREAK_TRACK.search(kind_text):
        return SegmentKind.BREAK
    guessed = guess_kind(title)
    if guessed is not SegmentKind.TALK:
        return guessed
    from_type = kind_from_word(kind_text) if kind_text else None
    return from_type or SegmentKind.TALK


def _notes(event: Node) -> list[str]:
    out: list[str] = []
    subtitle = " ".join(event.text_of("subtitle").split())
    if subtitle:
        out.append(subtitle)
    for tag in ("abstract", "description"):
        text = html_to_text(event.text_of(tag))
        if text and text not in out:
            out.append(text)
    return out


def _plan(events: list[_Event], draft: Draft, report: ImportDiagnostics) -> None:
    """The events in the order they start, laid out by ``start_times`` (gaps become breaks)."""
    s = draft.session
    timed = [Timed(e.node.line, e.title, e.start, e.duration) for e in events]
    s.start = opening(timed)
    laid = lay_out(timed, report, start=s.start, end=None, slot_end=None, language=s.language)
    for event, place in zip(events, laid, strict=True):
        if event.duration is None and place.seconds is not None:
            report.warn(
                event.node.line,
                f"{event.title!r}: assumed {format_duration(place.seconds)} (until the next event)",
            )
        draft.parts.append(
            DraftPart(
                title=event.title,
                line=event.node.line,
                budget=place.seconds,
                kind=_kind(event.node, event.title),
                speakers=_speakers(event.node),
                notes=_notes(event.node),
            )
        )
        if place.gap is not None:
            draft.parts.append(place.gap.as_part())
    final = laid[-1] if laid else None
    if final is not None and final.start is not None and final.seconds is not None:
        s.hard_end = add_seconds(final.start, final.seconds)
