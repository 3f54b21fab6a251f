"""Stage 4 of reading a text programme: the tree of entries made into draft parts and items.

Durations come from times (laid out by ``start_times``: each item lasts until the next start,
a gap becomes a break) or from what the line says « (10') »; items without either share what
their part's budget leaves, as the model does. People under an item are its speakers; keyed
lines under them fill in their role, organisation or note.
"""

from __future__ import annotations

import datetime as dt

from app.importers.draft import DraftItem, DraftPart, DraftSpeaker, ImportFailure
from app.importers.start_times import Laid, Timed, lay_out, opening
from app.importers.text_entries import Entry, speakers
from app.importers.text_preamble import session_key
from app.importers.text_reading import Reading
from app.importers.times_in_text import add_seconds, seconds_between, show_clock
from app.importers.words import kind_from_word
from app.model.durations import format_duration
from app.model.schema import SegmentKind

CHAIRS = frozenset({"présidence", "chair", "modération", "moderator"})


def build_parts(r: Reading, tops: list[Entry]) -> list[DraftPart]:
    """The top entries laid out in time and made into parts (with a break for each gap)."""
    s = r.session
    end_marker: dt.time | None = None
    if tops and tops[-1].end_marker:
        end_marker = tops[-1].start
        tops = tops[:-1]
    for top in tops:
        if top.end_marker:
            r.report.warn(top.no, f"{top.title!r} reads as an end but is not last")
    if s.hard_end is None and end_marker is not None:
        s.hard_end = end_marker
    for top in tops:
        if top.start is None:
            kids = [c for c in top.children if c.shape not in ("keyed", "prose")]
            while kids and kids[0].label in CHAIRS:
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
            s.start = opening([Timed(t.no, t.title, t.start, own_length(r, t)) for t in tops])
            if s.start is not None and s.start != first_time and before > 0:
                lang = s.language
                r.report.warn(
                    tops[0].no,
                    f"{before} line{'s' if before > 1 else ''} with a length but no time "
                    f"come{'' if before > 1 else 's'} before the first time "
                    f"({show_clock(first_time, lang)}, line {timed[0].no}): the session "
                    f"starts at {show_clock(s.start, lang)}; if "
                    f"{tops[0].title!r} holds the lines below it, indent them under it",
                )
        elif before == 0 and s.start != first_time:
            r.report.warn(
                tops[0].no,
                f"the programme starts at {show_clock(first_time)}, the header says "
                f"{show_clock(s.start)}: kept {show_clock(first_time)}",
            )
            s.start = first_time
    if not tops:
        raise ImportFailure(r.source, "no programme found", r.report.problems)
    laid = _lay_out(r, tops, s.start, slot_end, end_assumed=end_marker is None)
    parts: list[DraftPart] = []
    for top, place in zip(tops, laid, strict=True):
        parts.append(_part(r, top, place.seconds, place.start))
        if place.gap is not None:
            parts.append(place.gap.as_part())
    return parts


def own_length(r: Reading, entry: Entry) -> int | None:
    """The duration a line gives itself: its time range, else its bracket."""
    found = entry.duration
    own = None
    if found is not None:
        own = found.seconds + (found.questions_s or 0)
    if entry.start is not None and entry.end is not None:
        span = seconds_between(entry.start, entry.end)
        if span <= 0:
            r.report.problem(entry.no, "this time range ends before it starts")
            return own
        if own is not None and own != span:
            r.report.warn(
                entry.no,
                f"the times give {format_duration(span)} but the line says "
                f"{format_duration(own)}: kept the times",
            )
        return span
    return own


def _warn_duration(r: Reading, entry: Entry) -> None:
    """Say how an approximate or ranged duration (« 10 à 15 min ») was read."""
    found = entry.duration
    if found is None:
        return
    if found.low is not None:
        r.report.warn(
            entry.no,
            f"« {found.written} » read as {format_duration(found.seconds)} (the upper bound)",
        )
    elif found.approximate:
        r.report.warn(
            entry.no,
            f"approximate « {found.written} » read as {format_duration(found.seconds)}",
        )


def _lay_out(
    r: Reading,
    entries: list[Entry],
    start: dt.time | None,
    end: dt.time | None,
    *,
    end_assumed: bool,
) -> list[Laid]:
    """Each entry's start, length and the break after it (``start_times`` says how)."""
    timed = [Timed(e.no, e.title, e.start, own_length(r, e)) for e in entries]
    for entry in entries:
        _warn_duration(r, entry)
    return lay_out(
        timed,
        r.report,
        start=start,
        end=end,
        slot_end=r.session.hard_end,
        language=r.session.language,
        end_assumed=end_assumed,
    )


def _part(r: Reading, top: Entry, seconds: int | None, start: dt.time | None) -> DraftPart:
    """One part: its items, speakers and notes; items with times laid out in the part's time."""
    part = DraftPart(title=top.title or "?", line=top.no, budget=seconds)
    part.notes.extend(top.notes)
    r.targets[top.no] = part
    for no, merged_into in r.merged.items():
        if merged_into == top.no:
            r.targets[no] = part
    # the children: items, groups of people, keyed lines
    slots: list[tuple[Entry, list[DraftSpeaker] | None]] = []
    group: list[DraftSpeaker] | None = None
    chairs: list[tuple[Entry, list[DraftSpeaker]]] = []
    for child in top.children:
        if _describes(r, child, part, None)[0]:
            continue
        people = _as_people(child)
        if people is not None and child.label in CHAIRS and not chairs and not slots:
            chairs.append((child, people))
            _spoken_by(r, child, people)
            continue
        if people is not None:
            if group is None:
                group = []
                slots.append((child, group))
            group.extend(people)
            _spoken_by(r, child, people)
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
        _questions(r, top, part)
        return part
    # durations of the items: their own, times inside the part, or a share of the budget
    entries = [e for e, _ in slots]
    if any(e.start is not None for e in entries if e is not top):
        end = add_seconds(start, seconds) if (start and seconds) else None
        laid = _lay_out(r, entries, start, end, end_assumed=False)
        allocated = [(place.seconds, place.gap) for place in laid]
    else:
        allocated = [(own_length(r, e) if e is not top else None, None) for e in entries]
        for entry in entries:
            if entry is not top:
                _warn_duration(r, entry)
    for (entry, people), (duration, gap) in zip(slots, allocated, strict=True):
        if people is not None:
            item = DraftItem(title=part.title, line=entry.no, speakers=people)
            item.duration = duration if entry.start is not None else None
            if entry.duration is not None and entry is not top:
                item.duration = duration
            part.items.append(item)
        else:
            made = _item(r, entry, duration)
            part.items.extend(made)
            for no in (entry.no,):
                r.targets.setdefault(no, made[0])
        if gap is not None:
            part.items.append(gap.as_item())
    _questions(r, top, part)
    return part


def _questions(r: Reading, top: Entry, part: DraftPart) -> None:
    """« (15' + 5' questions) » on a part: its talk then a question slot."""
    found = top.duration
    if found is None or found.questions_s is None:
        return
    title = "Questions" if r.session.language == "fr" else "Q&A"
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
        r.targets[top.no] = talk
    else:
        part.items.append(qa)


def _as_people(entry: Entry) -> list[DraftSpeaker] | None:
    """The people an entry names, when the entry is only people (no item of its own)."""
    if entry.shape == "person":
        return entry.people
    loose = entry.loose_people
    nested = entry.line.arrow or entry.level > 0
    if entry.shape == "item" and loose is not None and entry.duration is None and nested:
        entry.notes = [loose.notes] if loose.notes else []
        return speakers(loose)
    return None


def _describes(
    r: Reading, child: Entry, target: DraftItem | DraftPart, person: DraftSpeaker | None
) -> tuple[bool, DraftSpeaker | None]:
    """A keyed line or a sentence under a part or item describes it (or the person above).

    Returns whether ``child`` was one, and the person the next keyed lines describe.
    """
    if child.shape == "keyed":
        return True, _apply_key(r, child, target, person)
    if child.shape == "prose":
        target.notes.append(child.line.text)
        r.targets[child.no] = target
        return True, person
    return False, person


def _spoken_by(r: Reading, child: Entry, people: list[DraftSpeaker]) -> None:
    """A line of people: a footnote it calls goes to the first, the lines under it describe
    the last."""
    for person in people:
        r.targets.setdefault(child.no, person)
    _walk_person_children(r, child, people[-1])


def _walk_person_children(r: Reading, entry: Entry, person: DraftSpeaker | None) -> None:
    """Keyed lines and prose under a person describe that person."""
    for child in entry.children:
        if child.shape == "prose" and person is not None:
            person.note = "\n".join(x for x in (person.note, child.line.text) if x)
        elif child.shape == "keyed":
            _apply_key(r, child, None, person)
        else:
            r.report.problem(child.no, f"{child.line.text!r} under a person: not understood")


def _item(r: Reading, entry: Entry, duration: int | None) -> list[DraftItem]:
    """One item (and its question slot when the line says « + 5' questions »)."""
    item = DraftItem(title=entry.title or "?", line=entry.no, duration=duration)
    r.targets[entry.no] = item
    item.speakers.extend(entry.people)
    item.notes.extend(entry.notes)
    last_person: DraftSpeaker | None = item.speakers[-1] if item.speakers else None
    for child in entry.children:
        described, last_person = _describes(r, child, item, last_person)
        if described:
            continue
        people = _as_people(child)
        if people is None and child.loose_people is not None and child.duration is None:
            people = speakers(child.loose_people)
            child.notes = [child.loose_people.notes] if child.loose_people.notes else []
        if people is not None:
            item.speakers.extend(people)
            item.notes.extend(child.notes)
            last_person = people[-1]
            _spoken_by(r, child, people)
            continue
        text = child.line.text
        item.notes.append(text)
        r.targets[child.no] = item
        r.report.warn(
            child.no, f"a third level is not part of a running order: kept {text!r} as a note"
        )
    out = [item]
    found = entry.duration
    if found is not None and found.questions_s is not None:
        title = "Questions" if r.session.language == "fr" else "Q&A"
        total = duration if duration is not None else found.seconds + found.questions_s
        item.duration = total - found.questions_s
        out.append(
            DraftItem(title=title, line=entry.no, kind=SegmentKind.QA, duration=found.questions_s)
        )
    return out


def _apply_key(
    r: Reading,
    entry: Entry,
    target: DraftItem | DraftPart | None,
    person: DraftSpeaker | None,
) -> DraftSpeaker | None:
    """A keyed line applied to the person, item or part above it; returns the current person."""
    key, value = entry.key, entry.value
    if key in ("role", "organisation", "note"):
        if person is None:
            if key == "note" and target is not None:
                target.notes.append(value)
                return person
            r.report.problem(entry.no, f"{entry.line.text!r}: no speaker above it")
            return person
        old = getattr(person, key)
        setattr(person, key, "\n".join(x for x in (old, value) if x))
        return person
    if key == "notes":
        if target is None:
            r.report.problem(entry.no, f"{entry.line.text!r}: nothing above it to note")
        else:
            target.notes.append(value)
        return person
    if key == "type":
        kind = kind_from_word(value)
        if kind is None:
            r.report.problem(entry.no, f"unknown type {value!r}")
        elif target is not None:
            target.kind = kind
        return person
    if key == "duration":
        r.report.problem(entry.no, f"{entry.line.text!r}: write the duration on the line")
        return person
    if not session_key(r, key, value, entry.no):
        r.report.problem(entry.no, f"{entry.line.text!r} not understood here")
    return person
