"""The projector repaints only what changed: the figure and the bar each second, never the
names. What the partial repaint leaves on screen is pixel for pixel the full picture."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage, QRegion
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.engine import FakeClock, Next, SetMessage, Snapshot, Start, Timeline
from app.model import Plan, load_running_order
from app.ui.projector import ProjectorView
from tests.conftest import SEED


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_running_order(SEED).plan


def snapshots(plan: Plan, segment: int, *times: float) -> list[Snapshot]:
    engine = Timeline(plan)
    engine.apply(Start(0.0))
    for i in range(segment):
        engine.apply(Next(float(i + 1)))
    return [engine.snapshot(segment + t) for t in times]


def picture(
    view: ProjectorView, region: QRegion | None = None, base: QImage | None = None
) -> QImage:
    img = base.copy() if base is not None else QImage(view.size(), QImage.Format.Format_RGB32)
    if region is None:
        QWidget.render(view, img)
    else:
        QWidget.render(view, img, region.boundingRect().topLeft(), region)
    return img


@pytest.mark.parametrize(
    ("segment", "times"),
    [
        (1, (10.2, 11.2)),  # a second of a talk with a speaker
        (1, (399.5, 400.5)),  # into the warning: the colour and the words change too
        (1, (499.6, 500.6)),  # into overtime: the frame appears
        (1, (20.5, 21.5)),  # 08:00 -> 07:59: three characters turn
        (0, (3.0, 4.0)),  # the introduction
    ],
)
@pytest.mark.parametrize("size", [(1920, 1080), (256, 144)], ids=["projector", "thumbnail"])
def test_a_partial_repaint_shows_the_full_picture(
    qtbot: QtBot, plan: Plan, segment: int, times: tuple[float, float], size: tuple[int, int]
) -> None:
    view = ProjectorView()
    qtbot.addWidget(view)
    view.resize(*size)
    before, after = snapshots(plan, segment, *times)
    view.render(before)
    old_scene = view.scene()
    old = picture(view)
    view.render(after)
    changed = old_scene.changed(view.scene())
    assert not changed.isEmpty()
    partial = picture(view, changed, old)
    assert partial == picture(view)


def test_a_second_repaints_the_figure_and_the_bar_not_the_names(qtbot: QtBot, plan: Plan) -> None:
    view = ProjectorView()
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    before, after = snapshots(plan, 1, 10.2, 11.2)
    view.render(before)
    old_scene = view.scene()
    view.render(after)
    changed = old_scene.changed(view.scene())
    countdown = view.countdown()
    assert countdown is not None
    last = countdown.glyph_bounds()[-1]
    assert changed.contains(last)  # the last digit turned
    first = countdown.glyph_bounds()[0]
    assert not changed.intersects(first)  # the tens of minutes did not
    for item in view.text_items("name"):
        assert not changed.intersects(item.rect.toAlignedRect())


def test_a_blink_flip_repaints_the_message_band_only(qtbot: QtBot, plan: Plan) -> None:
    """Twice a second while a message blinks: the band comes and goes, the figure stays."""
    clock = FakeClock()
    view = ProjectorView(blink_clock=clock)
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    engine = Timeline(plan)
    engine.apply(Start(0.0))
    engine.apply(SetMessage(5.0, "Merci de conclure", blink=True))
    view.render(engine.snapshot(6.0))
    old_scene = view.scene()
    old = picture(view)
    message = QRegion()
    for item, box in zip(old_scene.items, old_scene.bounds(), strict=True):
        if item.role in ("message_band", "message"):
            message += box
    assert not message.isEmpty()
    clock.advance(0.5)
    view.blink_timer.timeout.emit()
    assert not view.blink_visible
    changed = old_scene.changed(view.scene())
    assert changed == message  # the band and the words on it, nothing else
    countdown = view.countdown()
    assert countdown is not None and not changed.intersects(countdown.ink.toAlignedRect())
    assert picture(view, changed, old) == picture(view)
