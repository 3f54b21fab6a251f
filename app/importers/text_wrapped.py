"""Lines that a PDF or a web page wrapped, joined again before the programme is read.

A title, a speaker's line or a role copied from a PDF or a web page often comes cut in the
middle (« 09:30 Opening keynote: the future of » / « public digital services »). A line is
joined to the one just above it (no blank line between) when it cannot start anything of its
own (no bullet or arrow, no time, no part number, no « key : », no date, not wholly bold) and:

- it starts with a small letter (« public digital services », « métropole »), or
- the line above cannot end there: it ends with « , », « - », « – », « / », « : », « & »,
  with a word such as « de », « et », « of », "and", or leaves a bracket or a quote open, or
- the line above fills the width the text was wrapped at: the line's first word would not
  have fitted after it within the longest line (when that is 50 characters or more: a PDF
  or a fixed-width copy; 2 % of slack for proportional fonts), the two lines do not
  both give a duration, and the line is not indented under a line without a bullet (that is
  a line under it: a speaker).

A line that ends with a hyphen after a letter (« Jean- » / « Claude », a cut address) is
joined without a space. Each join is said in a
warning on the line above (the editor shows it on the row), so that a wrong one is seen; an
emphasis left open (« **Un titre : » / « la suite** ») is joined without a word.
"""

from __future__ import annotations

import re

from app.importers.draft import ImportDiagnostics
from app.importers.text_entries import ROMAN, WORD_HEADING, key_and_value
from app.importers.text_lines import FOOTNOTE_DEF, Line, split_line
from app.importers.times_in_text import find_duration, leading_time, starts_with_date
from app.importers.words import fold

_OPEN_END = re.compile(
    r"(?:[,/&+:(«“–—-]|\b(?:de|du|des|d'|la|le|les|l'|et|ou|a|à|au|aux|en|pour|sur|par|avec|"
    r"dans|chez|entre|of|the|and|or|for|to|in|on|with|at|by|from|an|a))$",
    re.IGNORECASE,
)
_CLOSED_END = (".", ";", "!", "?", "…")
_ARABIC_HEAD = re.compile(r"^\d{1,3}\s*[/.)]\s+\S")
_START_WORDS = re.compile(
    r"^(?:deroule|programme|program|ordre du jour|agenda|running order|schedule|timetable)\b"
)
FULL_SHARE = 0.98  # proportional fonts: a wrapped line's characters are not its width
MIN_WRAP = 50


def _starts_something(line: Line, above: Line) -> bool:
    """Whether a line can begin an entry of its own (then it is never a continuation). A bold
    line begins something unless the line above is bold too (a bold title on two lines)."""
    text = line.text
    if not text or line.bulleted or line.arrow or (line.emphasised and not above.whole):
        return True
    if leading_time(text) is not None or starts_with_date(text):
        return True
    if ROMAN.match(text) or _ARABIC_HEAD.match(text) or WORD_HEADING.match(fold(text)):
        return True
    if key_and_value(text) is not None or FOOTNOTE_DEF.match(line.raw):
        return True
    return bool(_START_WORDS.match(fold(text)))


def _ends_open(text: str) -> bool:
    if text.endswith(_CLOSED_END) and not text.endswith("..."):
        return False
    if _OPEN_END.search(text):
        return True
    return text.count("(") > text.count(")") or text.count("«") > text.count("»")


def _why(above: Line, line: Line, wrap: int, above_width: int) -> str | None:
    """Why ``line`` continues ``above`` (whose last physical line was ``above_width`` wide),
    or None when it does not."""
    if not above.text or _starts_something(line, above):
        return None
    timed = leading_time(above.text)
    if timed is not None and not timed.rest:
        return None  # « 14h00 » alone: the next line names the block
    if _START_WORDS.match(fold(above.text)):
        return None
    if above.raw.count("**") % 2:
        return ""  # « **Un titre : » / « la suite** »: the emphasis itself goes on
    first = line.text[0]
    if first.islower():
        return "it starts with a small letter"
    if above.text.endswith(_CLOSED_END) and not above.text.endswith("..."):
        return None
    if _ends_open(above.text):
        return "the line above it ends open"
    # the first word of the line would not have fitted after the line above: wrapped there
    word = len(line.text.split(" ", 1)[0])
    full = wrap >= MIN_WRAP and above_width + 1 + word > FULL_SHARE * wrap
    # deeper than a line that has no bullet: a line under it (a speaker), not its end;
    # deeper than a bulleted one: the hanging indent of a wrapped bullet
    under = line.indent > above.indent and not above.bulleted
    if full and not under and not (find_duration(above.text) and find_duration(line.text)):
        return "the line above it fills the width the text was wrapped at"
    return None


def join_wrapped(lines: list[Line], report: ImportDiagnostics) -> list[Line]:
    """The lines with each wrapped one joined to the line above it (see the module). A joined
    line leaves an empty line in its place: every line keeps its number and index."""
    wrap = max((len(ln.raw.rstrip()) for ln in lines if ln.text), default=0)
    out: list[Line] = []
    holder: int | None = None  # index in ``out`` of the line being extended
    last_no = 0  # the number of the last physical line taken into it
    width = 0  # and its width
    for line in lines:
        above = out[holder] if holder is not None else None
        why = None
        if above is not None and line.no == last_no + 1:
            why = _why(above, line, wrap, width)
        width = len(line.raw.rstrip())
        last_no = line.no
        if above is None or holder is None or why is None:
            out.append(line)
            holder = len(out) - 1 if line.text else None
            continue
        head = above.raw.rstrip()
        tail = line.raw.strip()
        if head.endswith("**") and tail.startswith("**"):
            head, tail = head[:-2].rstrip(), tail[2:].lstrip()
        glue = "" if re.search(r"\S-$", head) else " "  # « Jean-|Claude », a cut address
        out[holder] = split_line(above.no, head + glue + tail)
        out.append(Line(line.no, "", 0, False, False, ""))
        if why:
            report.warn(
                above.no,
                f"line {line.no} joined to this one ({why}): read as one line cut in two",
            )
    return out
