"""Pages of a programme: page numbers and running headers and footers taken out.

A PDF's pages (``documents``) and a text with form feeds between its pages (what pdftotext
and a printed copy give) go through the same rule, ``drop_page_furniture``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from app.importers.words import fold

_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.?)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:/|sur|of|de|on)\s*\d{1,4})?$"
)
_ZONE = 2  # lines at the top and at the bottom of a page where headers and footers sit


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", fold(line.strip(" *")))


def drop_page_furniture(
    pages: list[list[str]],
) -> tuple[list[list[tuple[int, str]]], set[str]]:
    """Each page's (line number on the page, text) without its page number and the running
    header and footer; and what was dropped. A line is furniture when it sits in the first or
    last ``_ZONE`` lines of a page and either reads as a page number or comes back, digits
    aside, as the first or last line of at least two pages and half of them."""
    zone_keys: Counter[str] = Counter()
    for page in pages:
        inked = [t for t in page if t.strip(" *")]
        for text in {_key(t) for t in inked[:1] + inked[-1:]}:  # a running line is an edge
            zone_keys[text] += 1
    needed = max(2, (len(pages) + 1) // 2)
    furniture = {k for k, n in zone_keys.items() if n >= needed and k.strip()}
    seen: set[str] = set()
    kept: list[list[tuple[int, str]]] = []
    dropped: set[str] = set()
    for page in pages:
        zone = {index for index, _ in _zone(page)}
        out: list[tuple[int, str]] = []
        for index, text in enumerate(page):
            bare = text.strip(" *")
            key = _key(text)
            if index in zone and bare and (_PAGE_NUMBER.match(fold(bare)) or key in furniture):
                # a bold running title is kept where it first appears: it is the title too
                bold = text.strip().startswith("**")
                if bold and key in furniture and "#" not in key and key not in seen:
                    seen.add(key)
                    out.append((index + 1, text))
                    continue
                dropped.add(bare)
                continue
            out.append((index + 1, text))
        kept.append(out)
    return kept, dropped


def _zone(page: list[str]) -> Iterator[tuple[int, str]]:
    inked = [(i, t) for i, t in enumerate(page) if t.strip(" *")]
    chosen = inked[:_ZONE] + inked[-_ZONE:] if len(inked) > 2 * _ZONE else inked[:1] + inked[-1:]
    seen: set[int] = set()
    for index, text in chosen:
        if index not in seen:
            seen.add(index)
            yield index, text


def split_pages(text: str) -> tuple[str, dict[int, tuple[int, int]], set[str]]:
    """A text with form feeds between its pages, without page numbers and running headers:
    the text, each line's (page, line on the page), and what was dropped."""
    pages = [page.split("\n") for page in text.replace("\r\n", "\n").split("\f")]
    kept, dropped = drop_page_furniture(pages)
    lines: list[str] = []
    where: dict[int, tuple[int, int]] = {}
    for page_no, page in enumerate(kept, start=1):
        for page_line, line in page:
            lines.append(line)
            where[len(lines)] = (page_no, page_line)
    return "\n".join(lines), where, dropped


def dropped_note(dropped: set[str]) -> str:
    """The one warning that says what was left out."""
    shown = ", ".join(repr(t) for t in sorted(dropped)[:3])
    return (
        f"page numbers and the running headers or footers left out ({shown}"
        f"{', ...' if len(dropped) > 3 else ''})"
    )
