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
from dataclasses import dataclass

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


@dataclass
class _Chain:
    """A line being extended: its first line, the last physical line taken into it, and what
    the lines so far leave open (brackets, quotes, bold), kept as counts so that a chain of
    thousands of lines is read in linear time."""

    first: Line
    last: Line
    pieces: list[str]
    parens: int = 0  # « ( » less « ) »
    quotes: int = 0  # « « » less « » »
    bold_open: bool = False

    def take(self, line: Line, piece: str) -> None:
        self.last = line
        self.pieces.append(piece)
        self.parens += line.raw.count("(") - line.raw.count(")")
        self.quotes += line.raw.count("«") - line.raw.count("»")
        if line.raw.count("**") % 2:
            self.bold_open = not self.bold_open

    @classmethod
    def of(cls, line: Line) -> _Chain:
        chain = cls(line, line, [])
        chain.take(line, line.raw.rstrip())
        return chain

    def joined(self) -> Line:
        return split_line(self.first.no, "".join(self.pieces))


def _ends_open(chain: _Chain) -> bool:
    text = chain.last.text
    if text.endswith(_CLOSED_END) and not text.endswith("..."):
        return False
    if _OPEN_END.search(text[-12:]):
        return True
    return chain.parens > 0 or chain.quotes > 0


def _why(chain: _Chain, line: Line, wrap: int) -> str | None:
    """Why ``line`` continues the chain, or None when it does not."""
    first, last = chain.first, chain.last
    if not last.text or _starts_something(line, first):
        return None
    if last is first:
        timed = leading_time(first.text)
        if timed is not None and not timed.rest:
            return None  # « 14h00 » alone: the next line names the block
        if _START_WORDS.match(fold(first.text)):
            return None
    if chain.bold_open:
        return ""  # « **Un titre : » / « la suite** »: the emphasis itself goes on
    if line.text[0].islower():
        return "it starts with a small letter"
    if last.text.endswith(_CLOSED_END) and not last.text.endswith("..."):
        return None
    if _ends_open(chain):
        return "the line above it ends open"
    # the first word of the line would not have fitted after the line above: wrapped there
    word = len(line.text.split(" ", 1)[0])
    full = wrap >= MIN_WRAP and len(last.raw.rstrip()) + 1 + word > FULL_SHARE * wrap
    # deeper than a line that has no bullet: a line under it (a speaker), not its end;
    # deeper than a bulleted one: the hanging indent of a wrapped bullet
    under = line.indent > first.indent and not first.bulleted
    if full and not under and not (find_duration(last.text) and find_duration(line.text)):
        return "the line above it fills the width the text was wrapped at"
    return None


def join_wrapped(lines: list[Line], report: ImportDiagnostics) -> list[Line]:
    """The lines with each wrapped one joined to the line above it (see the module). A joined
    line leaves an empty line in its place: every line keeps its number and index."""
    wrap = max((len(ln.raw.rstrip()) for ln in lines if ln.text), default=0)
    out: list[Line] = []
    chain: _Chain | None = None
    at = 0  # where the chain's first line is in ``out``

    def close() -> None:
        if chain is not None and len(chain.pieces) > 1:
            out[at] = chain.joined()

    for line in lines:
        why = None
        if chain is not None and line.no == chain.last.no + 1:
            why = _why(chain, line, wrap)
        if chain is None or why is None:
            close()
            out.append(line)
            chain, at = (_Chain.of(line), len(out) - 1) if line.text else (None, 0)
            continue
        head = chain.pieces[-1]
        tail = line.raw.strip()
        if head.endswith("**") and tail.startswith("**"):
            chain.pieces[-1], tail = head[:-2].rstrip(), tail[2:].lstrip()
        glue = "" if re.search(r"\S-$", chain.pieces[-1][-2:]) else " "  # « Jean-|Claude »
        chain.take(line, glue + tail)
        out.append(Line(line.no, "", 0, False, False, ""))
        if why:
            report.warn(
                chain.first.no,
                f"line {line.no} joined to this one ({why}): read as one line cut in two",
            )
    close()
    return out
