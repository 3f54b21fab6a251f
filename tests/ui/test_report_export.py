"""The exported reports, checked by parsing them: HTML, PDF, and the HTML as a browser shows it.

The figures themselves (CSV/JSON) are the report module's tests; here: every segment title is
there and escaped, the chart is inline, nothing is fetched from elsewhere, the PDF has the
pages it should, and the words follow the language asked for.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from app import i18n, resources
from app.engine import End, Next, Start
from app.model import load_running_order
from app.model.plan import Plan, PlannedPart, PlannedSegment
from app.reports.qt.chart_paint import ACTUAL_FILL, PLANNED_FILL
from app.reports.qt.html import render_html
from app.reports.qt.pdf import pdf_bytes, render_pdf
from app.timing_log.reader import read_log
from tests.ui.test_chart import bars_by_fill
from tests.ui.test_replay import Seen, play_seed_session, write_log

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ODD = 'R&D <b>"bold"</b> <script>alert(1)</script>'


@pytest.fixture
def seed_log(tmp_path: Path, seed_path: Path) -> tuple[Path, Seen]:
    return play_seed_session(tmp_path / "logs", seed_path)


@pytest.fixture(autouse=True)
def fresh_translations() -> Iterator[None]:
    i18n.translator_for.cache_clear()
    yield
    i18n.translator_for.cache_clear()


class _Text(HTMLParser):
    """The text a browser shows, and the tags it meets."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(document: str) -> _Text:
    parser = _Text()
    parser.feed(document)
    parser.close()
    return parser


def odd_plan(seed_path: Path) -> Plan:
    plan = load_running_order(seed_path).plan
    seg = plan.segments[1].model_copy(update={"title": ODD})
    return plan.model_copy(
        update={"title": ODD, "segments": (plan.segments[0], seg, *plan.segments[2:])}
    )


def test_html_holds_every_title_escaped_and_an_inline_chart(
    qtbot: QtBot, seed_log: tuple[Path, Seen]
) -> None:
    del qtbot
    log = read_log(seed_log[0])
    document = render_html(log, "en")
    text = "".join(parsed(document).text)
    for seg in log.header.plan.segments:
        assert html.escape(seg.title) in document
        assert seg.title in text
    assert document.count("<svg") == 1
    svg = document[document.index("<svg") : document.index("</svg>") + len("</svg>")]
    assert bars_by_fill(svg)[PLANNED_FILL.name()] == len(log.header.plan.segments)
    assert document.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in document
    assert "+03:05" in text  # the largest overrun, talk 2
    assert "Timekeeper stopped" not in text  # the replay's words stay in the replay


def test_html_fetches_nothing(qtbot: QtBot, seed_log: tuple[Path, Seen]) -> None:
    del qtbot
    document = render_html(read_log(seed_log[0]), "en")
    tags = set(parsed(document).tags)
    assert not tags & {"script", "link", "img", "iframe", "object", "embed"}
    assert "url(" not in document and "@import" not in document and "src=" not in document
    links = set(re.findall(r"https?://[^\s\"'<>]+", document))
    assert links <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}


def test_session_text_is_escaped(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> None:
    del qtbot
    log = read_log(
        write_log(tmp_path / "odd.jsonl", odd_plan(seed_path), [Start(130.0), Next(800.0)])
    )
    document = render_html(log, "en")
    assert "<script>" not in document and "<b>" not in document
    assert html.escape(ODD) in document
    page = parsed(document)
    assert "script" not in page.tags and "b" not in page.tags
    assert ODD in "".join(page.text)
    svg = document[document.index("<svg") : document.index("</svg>") + len("</svg>")]
    root = ET.fromstring(svg)  # the inline chart is well-formed XML with the title in it
    assert root.findtext("{http://www.w3.org/2000/svg}title") == ODD


def pages_of(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_pdf_is_a4_on_two_pages(qtbot: QtBot, seed_log: tuple[Path, Seen], tmp_path: Path) -> None:
    del qtbot
    out = render_pdf(read_log(seed_log[0]), tmp_path / "report.pdf", "en")
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"%%EOF" in data[-64:]
    assert pages_of(data) == 2
    assert re.search(rb"/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+84[12](\.\d+)?", data)  # A4


def test_a_long_running_order_flows_onto_more_pages(
    qtbot: QtBot, tmp_path: Path, seed_path: Path
) -> None:
    del qtbot
    base = load_running_order(seed_path).plan
    segs = tuple(
        PlannedSegment(
            index=i,
            part=0,
            title=f"Atelier {i + 1} : une séquence au titre assez long pour passer à la ligne",
            kind=base.segments[1].kind,
            planned_s=120,
            offset_s=120 * i,
            warning_s=30,
            final_s=10,
        )
        for i in range(90)
    )
    part = PlannedPart(index=0, title="Tout", budget_s=120 * 90, first=0, count=90)
    plan = base.model_copy(update={"parts": (part,), "segments": segs, "hard_end": None})
    log = read_log(write_log(tmp_path / "long.jsonl", plan, [Start(120.0), End(5000.0)]))
    data = pdf_bytes(log, "en")
    assert pages_of(data) >= 4
    document = render_html(log, "en")
    for seg in segs:
        assert html.escape(seg.title) in document


FRENCH_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context><name>report</name>
<message><source>Timing report</source><translation>Rapport de minutage</translation></message>
<message><source>Segments</source><translation>Séquences</translation></message>
<message><source>planned</source><translation>prévu</translation></message>
</context>
</TS>
"""


def test_words_follow_the_language_asked_for(
    qtbot: QtBot, seed_log: tuple[Path, Seen], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    del qtbot
    lrelease = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "pyside6-lrelease"
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed in .venv: cannot build a .qm")
    folder = tmp_path / "resources" / "translations"
    folder.mkdir(parents=True)
    (folder / "timekeeper_fr.ts").write_text(FRENCH_TS, encoding="utf-8")
    subprocess.run(
        [str(lrelease), str(folder / "timekeeper_fr.ts"), "-qm", str(folder / "timekeeper_fr.qm")],
        check=True,
        capture_output=True,
    )
    monkeypatch.setattr(resources, "translations_dir", lambda: folder)
    log = read_log(seed_log[0])
    french = render_html(log, "fr")
    assert '<html lang="fr">' in french
    assert "Rapport de minutage" in french and ">Séquences<" in french
    assert "prévu" in french  # in the chart's legend too
    assert "mardi 22 septembre 2020" in french
    english = render_html(log, "en")
    assert "Timing report" in english and "Rapport" not in english
    # Session text is never translated.
    assert html.escape(log.header.plan.segments[1].title) in french


@pytest.mark.slow
def test_chromium_renders_the_html(
    qtbot: QtBot, seed_log: tuple[Path, Seen], tmp_path: Path
) -> None:
    del qtbot
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium): cannot render HTML")
    page = tmp_path / "report.html"
    page.write_text(render_html(read_log(seed_log[0]), "en"), encoding="utf-8")
    shot = tmp_path / "report.png"
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'chromium'}",
            f"--screenshot={shot}",
            "--window-size=1280,1600",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=90,
        check=False,
    )
    assert shot.exists(), result.stderr.decode(errors="replace")[-2000:]
    assert shot.stat().st_size > 50_000
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 1600)
    raw = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = bytes(raw.constBits())
    # The chart's actual bars were drawn: their exact blue is on the page, in quantity.
    blue = bytes([ACTUAL_FILL.blue(), ACTUAL_FILL.green(), ACTUAL_FILL.red(), 0xFF])
    assert pixels.count(blue) > 500
    distinct = {pixels[i : i + 4] for i in range(0, len(pixels), 4 * 97)}
    assert len(distinct) > 30


@pytest.mark.slow
def test_the_command_line_gets_a_pdf_without_a_display(
    seed_log: tuple[Path, Seen], tmp_path: Path
) -> None:
    """`timekeeper report --format pdf` runs in a terminal, maybe over ssh: no display."""
    import os
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env["WAYLAND_DISPLAY"] = ""
    out = tmp_path / "out.pdf"
    code = (
        "import sys; from pathlib import Path; from app.timing_log.reader import read_log; "
        "from app.reports.qt.export import report_bytes; "
        "Path(sys.argv[2]).write_bytes(report_bytes(read_log(Path(sys.argv[1])), 'pdf', 'fr'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(seed_log[0]), str(out)],
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert out.read_bytes().startswith(b"%PDF") and pages_of(out.read_bytes()) == 2
