"""Clock times, dates and durations as programmes write them inside running text.

``app.model.durations.parse_duration`` reads a duration that is alone in a field; here we *find*
them in a line (« Témoignages (40') : », « 9h - 9h30 : Accueil », « (environ 20 mn) ») and hand
each piece to it, so that every form the model accepts is accepted here too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from app.importers.words import fold
from app.model.durations import DurationError, parse_duration

_QUOTES = str.maketrans({"’": "'", "′": "'", "‘": "'", "´": "'", "″": '"', "”": '"', "“": '"'})

# ---------------------------------------------------------------------------------------- clock

_AMPM = r"[ap]\.?\s?m\.?(?![a-z])"
CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])\s?[hH]\s?(?:[0-5]\d)?(?:\s?" + _AMPM + r")?"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?:\s?" + _AMPM + r")?"
    r"|(?:1[0-2]|0?[1-9])\s?" + _AMPM + r")"
)
_CLOCK_PARTS = re.compile(
    r"(?P<h>\d{1,2})(?:[h:](?P<m>\d{2})?(?::(?P<s>\d{2}))?)?(?P<ap>[ap])?", re.ASCII
)
RANGE_SEP = r"(?:-|–|—|à|a|au|to|until|till|jusqu'à|jusqu'a)"
_RANGE = re.compile(r"(?P<a>" + CLOCK + r")\s*" + RANGE_SEP + r"\s*(?P<b>" + CLOCK + r")(?!\w)")
_ONE = re.compile(r"(?<![\w'])(?P<a>" + CLOCK + r")(?![\w'])")
_LEADING = re.compile(
    r"^(?:(?:de|from|à|at|dès)\s+)?(?P<a>" + CLOCK + r")"
    r"(?:\s*" + RANGE_SEP + r"\s*(?P<b>" + CLOCK + r"))?"
    r"(?=$|[\s:.,;–—\-)])\s*(?:[:.,;–—\-]+(?=\s|$)\s*)?",
    re.IGNORECASE,
)


def parse_clock(text: str) -> dt.time | None:
    """One clock time (« 16h00 », « 9h », « 09:30 », « 2:30 pm », « 2pm »), or None."""
    compact = re.sub(r"\s+", "", text.strip().lower().replace(".", ""))
    compact = compact.replace("am", "a").replace("pm", "p")
    match = _CLOCK_PARTS.fullmatch(compact)
    if match is None:
        return None
    hour = int(match["h"])
    minute = int(match["m"] or 0)
    second = int(match["s"] or 0)
    marker = match["ap"] or ""
    if marker:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if marker == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return dt.time(hour, minute, second)


_clock = parse_clock


@dataclass(frozen=True)
class LeadingTime:
    start: dt.time
    end: dt.time | None
    rest: str


def leading_time(text: str) -> LeadingTime | None:
    """A start time or time range at the start of a line, and what follows it."""
    match = _LEADING.match(text)
    if match is None:
        return None
    start = _clock(match["a"])
    end = _clock(match["b"]) if match["b"] else None
    if start is None:
        return None
    pm_end = end is not None and re.search(r"[ap]\.?m", (match["b"] or "").lower())
    if pm_end and end is not None and not re.search(r"[ap]\.?m", match["a"].lower()):
        # « 2:00 – 3:30 pm »: the first time shares the second's half of the day
        shifted = dt.time(start.hour + 12, start.minute) if start.hour < 12 else start
        if start.hour < 12 <= end.hour and shifted <= end:
            start = shifted
    return LeadingTime(start, end, text[match.end() :].strip())


def find_time_range(text: str) -> tuple[dt.time | None, dt.time | None]:
    """The first time range in a header line (« Mardi 22 septembre – 16h00 – 17h30 »)."""
    match = _RANGE.search(text)
    if match:
        return _clock(match["a"]), _clock(match["b"])
    one = _ONE.search(text)
    if one:
        return _clock(one["a"]), None
    return None, None


NEXT_DAY_BACK_S = 12 * 3600  # a clock time this far before the one before it is the next day


def seconds_between(a: dt.time, b: dt.time) -> int:
    """Seconds from ``a`` to ``b``. Clock times after midnight are the next day: ``b`` more
    than 12 h before ``a`` is on the next day (23h30 then 0h15 is 45 minutes), while a time a
    little before the one above it stays negative (a slip the importers point out)."""
    between = (b.hour * 3600 + b.minute * 60 + b.second) - (
        a.hour * 3600 + a.minute * 60 + a.second
    )
    return between + 86400 if between < -NEXT_DAY_BACK_S else between


def add_seconds(t: dt.time, seconds: int) -> dt.time | None:
    """``t`` plus ``seconds`` as a clock time, past midnight on the next day (an evening that
    ends at 01:00); None for a day or more either way."""
    if not -86400 < seconds < 86400:
        return None
    total = (t.hour * 3600 + t.minute * 60 + t.second + seconds) % 86400
    return dt.time(total // 3600, total // 60 % 60, total % 60)


def show_clock(t: dt.time, language: str = "fr") -> str:
    if language == "en":
        return t.strftime("%H:%M") if t.second == 0 else t.strftime("%H:%M:%S")
    base = f"{t.hour}h{t.minute:02d}"
    return base if t.second == 0 else f"{base}:{t.second:02d}"


# ----------------------------------------------------------------------------------------- dates

MONTHS = {
    "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "sept": 9,
    "octobre": 10, "novembre": 11, "decembre": 12, "dec": 12,
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
}  # fmt: skip
WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
FRENCH_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
FRENCH_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_MONTH = re.compile(
    r"(?<!\d)(?P<day>[0-3]?\d)(?:er|st|nd|rd|th)?\s+"
    + _MONTH
    + r"(?![a-z])(?:,?\s+(?P<year>\d{4}))?"
)
_MONTH_DAY = re.compile(
    r"(?<![a-z])" + _MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<year>\d{4}))?"
)
_ISO = re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d/])(?P<day>[0-3]?\d)/(?P<month>[01]?\d)/(?P<year>\d{4})(?![\d/])")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_WEEKDAY = re.compile(r"(?<![a-z])(?:" + "|".join(WEEKDAYS) + r")(?![a-z])")


@dataclass(frozen=True)
class FoundDate:
    day: int
    month: int
    year: int | None
    start: int  # position in the folded text
    end: int


DATE_SEARCH_CHARS = 300  # a date further into a line does not date a heading or a session


def find_date(text: str) -> FoundDate | None:
    """The first calendar date in ``text`` (any of the forms above), year possibly missing.

    Only the first ``DATE_SEARCH_CHARS`` characters are searched: a line that gives a day
    gives it early, and four scans of a whole line of a megabyte, several times, made an
    import of hostile text cost seconds."""
    folded = fold(text[:DATE_SEARCH_CHARS])
    found: list[FoundDate] = []
    for pattern in (_ISO, _NUMERIC, _DAY_MONTH, _MONTH_DAY):
        for match in pattern.finditer(folded):
            month_text = match["month"]
            month = int(month_text) if month_text.isdigit() else MONTHS[month_text]
            year = int(match["year"]) if match["year"] else None
            day = int(match["day"])
            if not 1 <= month <= 12 or not 1 <= day <= 31:
                continue
            found.append(FoundDate(day, month, year, match.start(), match.end()))
    if not found:
        return None
    return min(found, key=lambda f: f.start)


def has_weekday(text: str) -> bool:
    return _WEEKDAY.search(fold(text)) is not None


def starts_with_date(text: str) -> bool:
    """A day heading: the line begins with a weekday or a date."""
    folded = fold(text).lstrip("*#-–— ")
    if _WEEKDAY.match(folded):
        return True
    found = find_date(text)
    return found is not None and found.start <= 2


def year_in(text: str) -> int | None:
    match = _YEAR.search(text)
    return int(match.group()) if match else None


def make_date(found: FoundDate, year: int) -> dt.date | None:
    try:
        return dt.date(year, found.month, found.day)
    except ValueError:
        return None


def french_date(day: dt.date) -> str:
    return f"{FRENCH_DAYS[day.weekday()]} {day.day} {FRENCH_MONTHS[day.month - 1]} {day.year}"


def english_date(day: dt.date) -> str:
    return day.strftime("%A %d %B %Y").replace(" 0", " ")


# ------------------------------------------------------------------------------------- durations

_DUR = (
    r"(?:\d{1,2}:[0-5]\d:[0-5]\d(?!\d)|\d{1,3}\s?(?:"
    r"h\s?(?:\d{1,2}(?:\s?(?:min|mn|'))?)?(?![a-z])"
    r"|'(?:\s?\d{1,2}\s?(?:\"|'')?)?"
    r"|(?:minutes?|mins?|mn|mns)\.?(?![a-z])"
    r"|(?:s|sec|secs|secondes?|seconds?)(?![a-z])"
    r"))"
)
_NUM_OR_DUR = r"(?:" + _DUR + r"|\d{1,3})"
_APPROX = (
    r"(?:environ|env\.|approx\.?|approximativement|approximately|about|around|ca\.|circa|~|≈|±)"
)
_QWORD = (
    r"(?:questions?|q\s?&\s?a|q/a|echanges?|échanges?|débat|debat|discussion|"
    r"questions? de la salle)"
)
_TALKWORD = r"(?:d'|de\s+|of\s+)?(?:exposé|expose|talk|présentation|presentation|intervention)"
_QA_TAIL = (
    r"(?:\s*\+\s*(?:(?P<q>" + _DUR + r")\s*(?:de\s+|d'|of\s+)?(?P<qw>" + _QWORD + r")"
    r"|(?P<qw2>" + _QWORD + r")\s*:?\s*(?P<q2>" + _DUR + r")))?"
)
_BRACKETED = re.compile(
    r"\(\s*(?P<approx>" + _APPROX + r")?\s*(?P<a>" + _NUM_OR_DUR + r")"
    r"(?:\s*(?:-|–|à|a|to|/)\s*(?P<b>" + _DUR + r"))?"
    r"(?:\s*" + _TALKWORD + r")?" + _QA_TAIL + r"\s*\)",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"(?:^|(?<=[\s,:;–—\-]))\s*(?P<approx>" + _APPROX + r")?\s*(?P<a>" + _DUR + r")"
    r"(?:\s*(?:-|–|à|to)\s*(?P<b>" + _DUR + r"))?" + _QA_TAIL + r"\s*[.:;]?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundDuration:
    seconds: int
    start: int  # span in the text, to cut it out of the title
    end: int
    approximate: bool = False
    low: int | None = None  # the lower bound of a range « (20-25 mn) »
    questions_s: int | None = None  # « (15' + 5' questions) »
    written: str = ""


def _seconds(piece: str, unit_from: str | None = None) -> int | None:
    piece = piece.strip()
    if unit_from is not None and piece.isdigit():
        unit = re.sub(r"^\d+\s*", "", unit_from.strip())
        piece = piece + unit
    piece = re.sub(r"(?<=\d)\s*mins?\b\.?", " min", piece)
    piece = re.sub(r"''$", '"', piece)
    try:
        return parse_duration(piece)
    except DurationError:
        return None


_QUOTED = re.compile(r"«[^»]*»|“[^”]*”")
TRAILING_SEARCH_CHARS = 200


def find_duration(text: str) -> FoundDuration | None:
    """The duration a line gives itself: bracketed anywhere, or written last on the line.

    Text between « » or “ ” is a title as written and never read for a duration.
    """
    normal = text.translate(_QUOTES)
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    candidates = [
        m for m in _BRACKETED.finditer(normal) if not any(a <= m.start() < b for a, b in quoted)
    ]
    # the last bracket wins: « Titre (2e partie) (20') »; a plain number alone is not a duration
    for match in reversed(candidates):
        if match["b"] is None and match["a"].strip().isdigit() and not match["approx"]:
            continue
        found = _from_match(match, text)
        if found is not None:
            return found
    # A trailing duration is short: search only the line's tail (``pos`` keeps the lookbehind
    # and ``^`` true to the whole line), not every position of a line of a megabyte.
    last = _TRAILING.search(normal, max(0, len(normal) - TRAILING_SEARCH_CHARS))
    if last is not None and not any(a <= last.start() < b for a, b in quoted):
        return _from_match(last, text)
    return None


def _from_match(match: re.Match[str], text: str) -> FoundDuration | None:
    high_text = match["b"] or match["a"]
    high = _seconds(high_text)
    if high is None:
        return None
    low = None
    if match["b"]:
        low = _seconds(match["a"], unit_from=match["b"])
        if low is None or low >= high:
            return None
    questions = None
    q_text = match["q"] or match["q2"]
    if q_text:
        questions = _seconds(q_text)
        if questions is None:
            return None
    return FoundDuration(
        seconds=high,
        start=match.start(),
        end=match.end(),
        approximate=bool(match["approx"]),
        low=low,
        questions_s=questions,
        written=text[match.start() : match.end()].strip(" ()"),
    )


def looks_like_clock_or_duration(text: str) -> bool:
    """Digits that look meant as a time or a duration (for reporting lines we misread)."""
    return bool(re.search(r"\d\s?(?:h|'|min|mn|:)\d*", text.translate(_QUOTES)))
