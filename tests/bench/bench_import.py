"""Import time on hostile programme text: each shape that used to cost the square of its
length (long runs of time ranges, of dashes, one huge line, many short lines), at 1 MB and
8 MB, in seconds per MB. Linear reading keeps the figure flat from 1 MB to 8 MB.

1 MB goes through ``import_data`` (what `timekeeper import` does after reading the file, the
5 MB and 5,000-line limits included: past 5,000 lines a programme is refused at once). 8 MB is
past the 5 MB file limit, so that case calls the text reader (``import_text``) directly on one
line, where no limit applies; many-line shapes are given at the 5,000-line limit instead.

The document figure: a 20-page PDF programme (60 talks with their speakers and abstracts,
printed with a running header and page numbers by Qt, tests/importers/documents.py) read by
``import_data`` as `timekeeper import` reads it, best of three; the target is 2 s.

Run with ``python -m tests.bench`` (all benchmarks) or ``python -m tests.bench.bench_import``.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from typing import TypeVar

from app.importers.api import MAX_LINES, import_data
from app.importers.draft import ChoiceNeeded, ImportFailure
from app.importers.text import import_text
from app.model import RunningOrderError
from tests.bench.figures import Figure, table

T = TypeVar("T")
MB = 1024 * 1024
TARGET_S_PER_MB = 1.0


def _ranges(count: int) -> list[str]:
    """``count`` consecutive ten-minute ranges from 9:00, « 9:00-9:10 » (wrapping at 18:00)."""
    out = []
    for n in range(count):
        a = 9 * 60 + (n * 10) % (9 * 60)
        b = a + 10
        out.append(f"{a // 60}:{a % 60:02d}-{b // 60}:{b % 60:02d}")
    return out


def _sized(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# Each shape: one line, as long as asked (the 8 MB case reads it with import_text).
ONE_LINE: dict[str, str] = {
    "time ranges on one line": " ".join(_ranges(1000)) + " ",
    "« 9h00 – 9h10 » ranges on one line": "9h00 – 9h10 ",
    "dash run": "-",
    "en-dash run « – – – »": "– ",
    "one huge line of letters": "a",
}
# Shapes of many lines (the 5,000-line limit applies to them).
MANY_LINES: dict[str, str] = {
    "time ranges, one a line": "\n".join(f"{r} Talk" for r in _ranges(1000)) + "\n",
    "many short lines": "a\n",
}


def text_of(shape: str, size: int) -> str:
    unit = ONE_LINE.get(shape) or MANY_LINES[shape]
    return _sized(unit, size)


# Refused with a sentence is an outcome too: what is measured is how soon it comes.
REFUSED = (ImportFailure, ChoiceNeeded, RunningOrderError)


def _import(data: bytes) -> None:
    with contextlib.suppress(*REFUSED):
        import_data(data, "bench.txt", fmt="text")


def _import_text(text: str) -> None:
    with contextlib.suppress(*REFUSED):
        import_text(text, "bench.txt")


def _per_mb(name: str, seconds: float, size: int) -> Figure:
    value = seconds / (size / MB)
    return Figure(name, value, "s/MB", f"<= {TARGET_S_PER_MB:g} s/MB", value <= TARGET_S_PER_MB)


def _timed(fn: Callable[[T], None], arg: T) -> float:
    start = time.perf_counter()
    fn(arg)
    return time.perf_counter() - start


PDF_PAGES = 20
PDF_TARGET_S = 2.0


_FIRST = ("Camille", "Louis", "Inès", "Hugo", "Léa", "Karim", "Sarah", "Paul", "Nadia", "Jules")
_LAST = ("Martin", "Bernard", "Roux", "Fontaine", "Garnier", "Lemaire", "Benali", "Klein")
_TOPICS = ("des sols", "des eaux souterraines", "des zones humides", "des forêts", "des rivières")


def pdf_programme_text(talks: int = 60) -> str:
    """A day of ``talks`` ten-minute talks, each with its speaker and a long wrapped abstract."""
    abstract = (
        "    Cette communication présente une méthode de mesure, les données recueillies sur "
        "trois saisons de terrain, les limites de l'approche et les pistes de travail que les "
        "équipes partenaires proposent pour les années à venir, avec des exemples concrets "
        "tirés des sites étudiés et une discussion des coûts de suivi pour les collectivités."
    )
    lines = ["**Colloque régional de recherche appliquée**", "Mardi 3 juin 2025", "",
             "Programme", ""]  # fmt: skip
    for n in range(talks):
        minutes = 8 * 60 + 10 * n
        topic = _TOPICS[n % len(_TOPICS)]
        name = f"{_FIRST[n % len(_FIRST)]} {_LAST[n % len(_LAST)]}"
        lines.append(f"{minutes // 60}h{minutes % 60:02d} Suivi à long terme {topic} du bassin")
        lines.append(f"    Dr {name}, chercheuse, Université de Toulouse")
        lines += [abstract.replace("trois saisons", f"{n % 7 + 2} saisons")] * 4
        lines.append("")
    minutes = 8 * 60 + 10 * talks
    lines.append(f"{minutes // 60}h{minutes % 60:02d} Fin")
    return "\n".join(lines)


def _pdf_figures() -> list[Figure]:
    import tempfile
    from pathlib import Path

    from PySide6.QtGui import QGuiApplication

    from tests.importers.documents import write_pdf

    app = QGuiApplication.instance() or QGuiApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "colloque.pdf"
        write_pdf(path, pdf_programme_text(), header="Colloque 2025", numbers="Page {n}")
        data = path.read_bytes()
    del app

    import pypdfium2

    pages = len(pypdfium2.PdfDocument(data))
    result = import_data(data, "colloque.pdf")  # warm: the libraries are loaded once
    assert len(result.plan.segments) == 60, len(result.plan.segments)
    best = min(_timed(lambda d: import_data(d, "colloque.pdf"), data) for _ in range(3))
    name = f"import a {pages}-page PDF programme ({len(data) // 1024} KB, 60 talks)"
    ok = best < PDF_TARGET_S and pages >= PDF_PAGES
    return [Figure(name, best, "s", f"< {PDF_TARGET_S:g} s", ok)]


def run() -> list[Figure]:
    figures: list[Figure] = _pdf_figures()
    for shape in ONE_LINE:
        one = text_of(shape, MB)
        figures.append(_per_mb(f"import 1 MB: {shape}", _timed(_import, one.encode()), MB))
        eight = text_of(shape, 8 * MB)
        seconds = _timed(_import_text, eight)
        figures.append(_per_mb(f"import_text 8 MB (no file limit): {shape}", seconds, 8 * MB))
    for shape in MANY_LINES:
        one = text_of(shape, MB).encode()
        figures.append(
            _per_mb(f"import 1 MB (over {MAX_LINES:,} lines): {shape}", _timed(_import, one), MB)
        )
        unit = MANY_LINES[shape]
        lines = unit.splitlines(keepends=True)
        at_limit = "".join(lines[n % len(lines)] for n in range(MAX_LINES)).encode()
        seconds = _timed(_import, at_limit)
        # Informative: a small file, so seconds per MB would mislead; this is the longest a
        # programme under the line limit takes in this shape.
        name = f"import {MAX_LINES:,} lines ({len(at_limit) // 1024} KB, whole file): {shape}"
        figures.append(Figure(name, seconds, "s"))
    return figures


if __name__ == "__main__":
    found = run()
    print(table(found))
    sys.exit(1 if any(f.ok is False for f in found) else 0)
