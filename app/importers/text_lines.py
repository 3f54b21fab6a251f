"""Stage 1 of reading a text programme: raw lines to ``Line`` (indent, bullets, emphasis).

A line keeps its number for every message; its text loses bullets, arrows, Markdown emphasis
and footnote calls (kept aside in ``calls``), so that the later stages read words, not marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"


SUPER_TO_DIGIT = str.maketrans(_SUPERSCRIPTS, "1234567890")


_ARROWS = "➔➜➤→⇒►▶➝➞"


BULLETS = "-–—•·▪◦●○*+"


_CALL = re.compile(rf"[{_SUPERSCRIPTS}]+|\[\^(\d+)\]")


FOOTNOTE_DEF = re.compile(
    rf"^\s*(?:(?P<sup>[{_SUPERSCRIPTS}]+)|\[\^(?P<md>\d+)\]:)\s*(?P<text>.+)$"
)


BARE_FOOTNOTE = re.compile(r"^\s*(?P<num>\d{1,2})\s+(?P<text>(?:[A-ZÀ-Þ<«\"]|https?:).+)$")


_WHOLE = re.compile(r"\*\*[^*]+\*\*|__[^_]+__|#{1,6}\s+\S.*")


@dataclass
class Line:
    """One line of the input: its number, indent, bullet or arrow, and its text without marks."""

    no: int
    raw: str
    indent: int
    bulleted: bool
    arrow: bool
    text: str  # without bullets, emphasis and footnote calls
    calls: list[str] = field(default_factory=list)
    emphasised: bool = False
    whole: bool = False  # all of it emphasised (« **Matinée** », « ## Matinée »): a heading


def strip_markdown(text: str) -> tuple[str, bool]:
    """The text without Markdown emphasis, and whether it was emphasised (a title, a heading)."""
    emphasised = text.lstrip().startswith(("**", "__", "#"))
    text = re.sub(r"^\s*#{1,6}\s+", "", text)
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])", r"\1", text)
    text = text.replace("\\*", "*")
    return text, emphasised


def split_line(no: int, raw: str) -> Line:
    """A raw line read into a ``Line``: indent, bullets and footnote calls taken off its text."""
    expanded = raw.replace("\t", "    ").rstrip()
    indent = len(expanded) - len(expanded.lstrip(" \u00a0"))
    whole = bool(_WHOLE.fullmatch(expanded.strip(" \u00a0")))
    text, emphasised = strip_markdown(expanded.strip(" \u00a0"))
    bulleted = arrow = False
    # An index walks over the marks: cutting the text at each one (text[1:]) copied the rest
    # of the line every time, quadratic on a line of thousands of « – ».
    at, size = 0, len(text)
    while at < size:
        char = text[at]
        if char in _ARROWS:
            arrow = bulleted = True
        elif char in BULLETS and (at + 1 == size or text[at + 1] in " \u00a0\t"):
            bulleted = True
        else:
            break
        at += 1
        while at < size and text[at].isspace():
            at += 1
    text = text[at:]
    calls: list[str] = []

    def _call(match: re.Match[str]) -> str:
        calls.append(match.group(1) or match.group().translate(SUPER_TO_DIGIT))
        return ""

    text = _CALL.sub(_call, text)
    text = re.sub(r"\s+", " ", text).strip()
    return Line(no, raw, indent, bulleted, arrow, text, calls, emphasised, whole)


def clean_title(text: str) -> str:
    """A title without stray punctuation at its ends or the quotes around it."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^[\s:;,.–—-]+", "", text)
    if not text.endswith("..."):
        text = re.sub(r"[\s:;,–—-]+$", "", text)
    text = text.strip()
    quoted = re.fullmatch(r"«\s*(.+?)\s*»|\"(.+)\"|“(.+)”", text)
    if quoted:
        text = next(g for g in quoted.groups() if g)
    return text
