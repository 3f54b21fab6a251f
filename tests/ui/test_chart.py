"""The planned-versus-actual chart: its data read off the log, and its bars counted in the SVG.

Every bar is one ``<rect>`` in the SVG, in a group filled with its kind's colour; nothing
else in the chart is a ``<rect>``. So counting rects by fill counts bars: one planned bar per
segment, one actual bar per segment that ran.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from app.engine import End, Next, Pause, Resume, Start
from app.model import load_running_order
from app.reports.chart_data import chart_data
from app.reports.qt.chart_paint import (
    ACTUAL_FILL,
    OVERRUN_FILL,
    PLANNED_FILL,
    chart_image,
    chart_svg,
    time_range,
)
from app.reports.qt.export import export_chart
from app.timing_log.reader import read_log
from app.ui.chart import ChartWidget
from tests.ui.test_replay import Seen, play_seed_session, write_log

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def seed_log(tmp_path: Path, seed_path: Path) -> tuple[Path, Seen]:
    return play_seed_session(tmp_path / "logs", seed_path)


def bars_by_fill(svg: str) -> Counter[str]:
    """How many ``<rect>`` each fill colour holds (a rect takes its group's fill)."""
    root = ET.fromstring(svg)
    counts: Counter[str] = Counter()
    for group in root.iter(f"{SVG}g"):
        rects = group.findall(f"{SVG}rect")
        if rects:
            counts[group.get("fill", "")] += len(rects)
    return counts


def test_chart_data_is_the_effective_history(seed_log: tuple[Path, Seen]) -> None:
    data = chart_data(read_log(seed_log[0]))
    assert [s.index for s in data.segments] == list(range(8))
    intro, talk1, talk2 = data.segments[0], data.segments[1], data.segments[2]
    assert intro.longer_than_planned_s == pytest.approx(45)
    assert talk1.longer_than_planned_s == pytest.approx(30)
    # The undone "next" never happened: talk 2 ran on through it, in one piece.
    assert len(talk2.intervals) == 1
    assert talk2.adjusted_s == talk2.planned_s + 60
    assert len(data.pauses) == 1
    a, b = data.pauses[0]
    assert b - a == pytest.approx(90)
    assert len(data.gaps) == 1
    a, b = data.gaps[0]
    assert b - a == pytest.approx(540)
    kinds = Counter(m.kind for m in data.markers)
    assert kinds == {"message": 1, "adjust": 1, "undo": 1, "blackout": 2}
    assert data.ended and data.hard_end_t is not None
    assert data.end_t > data.planned_end_t  # it ended late...
    assert data.end_t < data.hard_end_t  # ...but within the slot
    # Every second of the room belongs to exactly one segment.
    assert sum(s.actual_s for s in data.segments) == pytest.approx(data.end_t - data.started_t)
    lo, hi = time_range(data)
    assert lo < data.planned_start_t and hi > data.hard_end_t


def test_svg_has_one_bar_per_segment(qtbot: QtBot, seed_log: tuple[Path, Seen]) -> None:
    del qtbot  # a QApplication for the fonts
    data = chart_data(read_log(seed_log[0]))
    svg = chart_svg(data)
    counts = bars_by_fill(svg)
    n = len(data.segments)
    assert counts[PLANNED_FILL.name()] == n
    assert counts[ACTUAL_FILL.name()] + counts[OVERRUN_FILL.name()] == n  # all eight ran
    assert counts[OVERRUN_FILL.name()] == sum(
        1 for s in data.segments if s.longer_than_planned_s >= 1
    )
    assert svg.count("<rect") == 2 * n  # nothing else is a rect: bars are countable
    assert f"{n} planned bars, {n} actual bars" in svg


def test_segments_that_never_ran_have_no_actual_bar(
    qtbot: QtBot, tmp_path: Path, seed_path: Path
) -> None:
    del qtbot
    plan = load_running_order(seed_path).plan
    # Started late, two segments, a pause, then the session was cut short.
    events = [Start(200.0), Pause(500.0), Resume(560.0), Next(900.0), End(1300.0)]
    data = chart_data(read_log(write_log(tmp_path / "short.jsonl", plan, events)))
    assert [s.ran for s in data.segments] == [True, True] + [False] * 6
    assert not any(s.open for s in data.segments)  # it ended
    crashed = chart_data(read_log(write_log(tmp_path / "crashed.jsonl", plan, events[:-1])))
    assert [s.open for s in crashed.segments] == [False, True] + [False] * 6
    counts = bars_by_fill(chart_svg(data))
    assert counts[PLANNED_FILL.name()] == 8
    assert counts[ACTUAL_FILL.name()] + counts[OVERRUN_FILL.name()] == 2


def test_session_text_is_escaped_in_the_svg(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> None:
    del qtbot
    plan = load_running_order(seed_path).plan
    title = 'R&D <b>"bold"</b>'
    seg = plan.segments[0].model_copy(update={"title": title})
    plan = plan.model_copy(update={"title": title, "segments": (seg, *plan.segments[1:])})
    data = chart_data(read_log(write_log(tmp_path / "odd.jsonl", plan, [Start(130.0)])))
    svg = chart_svg(data)
    root = ET.fromstring(svg)  # well-formed: the text was escaped
    texts = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert any(title in t for t in texts)
    assert root.find(f"{SVG}title") is not None
    assert root.find(f"{SVG}title").text == title  # type: ignore[union-attr]


def test_png_and_svg_exports(qtbot: QtBot, seed_log: tuple[Path, Seen], tmp_path: Path) -> None:
    del qtbot
    log = read_log(seed_log[0])
    png = export_chart(log, tmp_path / "chart.png")
    svg = export_chart(log, tmp_path / "chart.svg")
    assert png.stat().st_size > 20_000
    image = QImage(str(png))
    assert image.width() == 1600 and image.height() > 300
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
    }
    for fill in (PLANNED_FILL, ACTUAL_FILL, OVERRUN_FILL):
        assert fill.name() in colours, fill.name()
    assert bars_by_fill(svg.read_text(encoding="utf-8"))[PLANNED_FILL.name()] == 8
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        export_chart(log, tmp_path / "chart.gif")


def test_image_is_drawn_at_its_natural_height(qtbot: QtBot, seed_log: tuple[Path, Seen]) -> None:
    del qtbot
    data = chart_data(read_log(seed_log[0]))
    image = chart_image(data, 900)
    assert image.width() == 900
    # The last pixel rows hold the legend, not a cut-off chart: some ink near the bottom.
    bottom = [
        image.pixelColor(x, y) != QColor("#ffffff")
        for x in range(image.width())
        for y in range(image.height() - 40, image.height())
    ]
    assert any(bottom)


def test_clicking_the_chart_asks_for_that_time(qtbot: QtBot, seed_log: tuple[Path, Seen]) -> None:
    data = chart_data(read_log(seed_log[0]))
    widget = ChartWidget()
    qtbot.addWidget(widget)
    widget.set_data(data)
    widget.resize(1200, 500)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.t_at(2) is None  # on the labels
    right = widget.width() - 80
    left = widget.width() // 2
    t_left, t_right = widget.t_at(left), widget.t_at(right)
    assert t_left is not None and t_right is not None and t_left < t_right
    with qtbot.waitSignal(widget.seek) as signal:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(left, 200))
    assert signal.args[0] == pytest.approx(t_left)
    widget.set_cursor(1000.0)
    assert not widget.grab().isNull()
