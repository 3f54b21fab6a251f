"""The projector: every state folded from real events with a fake clock, then looked at.

Two kinds of assertion: what the scene says it draws (``texts()``, ``countdown_rect()``), and
what the pixels of ``grab()`` show (phase colour, blackout, the digits' real ink height).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt, QTranslator
from PySide6.QtGui import QColor, QFontMetricsF, QGuiApplication, QImage
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.engine import (
    Blackout,
    ClearMessage,
    End,
    FakeClock,
    Next,
    Pause,
    Phase,
    SetMessage,
    Snapshot,
    Start,
    Status,
    Timeline,
)
from app.model import Plan, PlannedSpeaker, load_running_order
from app.timing_log.live import start_session
from app.ui.controller import LiveController
from app.ui.projector import (
    BLINK_INTERVAL_MS,
    PHASE_COLOURS,
    CountdownItem,
    FillItem,
    ProjectorView,
    ProjectorWindow,
    TextItem,
    fit_text,
    wrap_up_text,
)
from app.ui.settings import Settings
from tests.conftest import SEED

TESTIMONY = 1  # Laurent Rey Lescure, 8'20", the seed's longest title


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_running_order(SEED).plan


def started(plan: Plan, segment: int = TESTIMONY) -> tuple[Timeline, float]:
    """An engine started at t=0 and moved on to ``segment``; returns it and the segment's t0."""
    engine = Timeline(plan)
    engine.apply(Start(0.0))
    for i in range(segment):
        engine.apply(Next(float(i + 1)))
    return engine, float(segment)


def at_remaining(plan: Plan, remaining: float, segment: int = TESTIMONY) -> Snapshot:
    engine, t0 = started(plan, segment)
    planned = engine.snapshot(t0).planned_s
    return engine.snapshot(t0 + planned - remaining)


@pytest.fixture
def view(qtbot: QtBot) -> ProjectorView:
    widget = ProjectorView()
    qtbot.addWidget(widget)
    widget.resize(1920, 1080)
    return widget


def image(view: ProjectorView) -> QImage:
    return view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def near(colour: QColor, other: QColor, tolerance: int = 24) -> bool:
    return all(
        abs(a - b) <= tolerance
        for a, b in zip(colour.getRgb()[:3], other.getRgb()[:3], strict=True)
    )


def count_colour(img: QImage, rect: QRect, colour: QColor, step: int = 8) -> int:
    hits = 0
    for y in range(rect.top(), rect.bottom(), step):
        for x in range(rect.left(), rect.right(), step):
            if near(img.pixelColor(x, y), colour):
                hits += 1
    return hits


def role_texts(view: ProjectorView, role: str) -> list[str]:
    return [item.text for item in view.text_items(role)]


# -- phases ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("remaining", "phase", "word"),
    [
        (300.0, Phase.NORMAL, None),
        (100.5, Phase.NORMAL, None),  # 01:41 shows
        (100.0, Phase.WARNING, "Wrap up · 1 min 40"),  # 01:40: 20 % of 8'20"
        (50.0, Phase.WARNING, "Wrap up · 50 s"),  # what the figure reads, 00:50
        (31.0, Phase.WARNING, "Wrap up · 31 s"),
        (30.0, Phase.FINAL, "Finish now · 30 s"),
        (0.5, Phase.FINAL, "Finish now · 1 s"),  # the ceiling, as the figure: 00:01
        (0.0, Phase.OVERTIME, "Time is up"),  # at exactly the planned end
    ],
)
def test_phase_in_words_and_colour(
    view: ProjectorView, plan: Plan, remaining: float, phase: Phase, word: str | None
) -> None:
    snapshot = at_remaining(plan, remaining)
    assert snapshot.phase is phase
    view.render(snapshot)
    assert role_texts(view, "phase") == ([word] if word else [])
    countdown = view.countdown()
    assert countdown is not None and countdown.text == snapshot.countdown
    assert countdown.color == PHASE_COLOURS[phase]
    # The pixels agree: the digits are painted in the phase colour.
    img = image(view)
    assert count_colour(img, view.countdown_rect().toRect(), PHASE_COLOURS[phase]) > 500
    if word:  # and the word is painted in it too, below the figure
        label = view.text_items("phase")[0]
        assert count_colour(img, label.rect.toRect(), PHASE_COLOURS[phase], step=3) > 50


def test_the_phase_line_says_the_figure_it_shows_every_second(
    view: ProjectorView, plan: Plan
) -> None:
    """Never "less than 1 min 40 s left" while the figure reads 00:50: the words say the
    figure's own minutes and seconds, through the warning and the final phase."""
    engine, t0 = started(plan)
    planned = engine.snapshot(t0).planned_s
    for tenths in range(1, 1001, 7):  # 100 s down to 0.1 s, between the seconds too
        snapshot = engine.snapshot(t0 + planned - tenths / 10)
        view.render(snapshot)
        minutes, seconds = (int(x) for x in snapshot.countdown.split(":"))
        said = (
            f"{minutes} min {seconds:02d}"
            if minutes and seconds
            else (f"{minutes} min" if minutes else f"{seconds} s")
        )
        verb = "Wrap up" if snapshot.phase is Phase.WARNING else "Finish now"
        assert role_texts(view, "phase") == [f"{verb} · {said}"]


def test_the_phase_line_in_french(view: ProjectorView, plan: Plan) -> None:
    from tests.ui.moderator_harness import french_installed

    for _ in french_installed():
        app = QCoreApplication.instance()
        assert app is not None
        from app.i18n import install_language

        assert install_language(app, "fr")
        said = {}
        for remaining in (100.0, 20.0, -5.0):
            view.render(at_remaining(plan, remaining))
            said[remaining] = role_texts(view, "phase")
        assert said == {
            100.0: ["Concluez · 1 min 40"],
            20.0: ["Terminez · 20 s"],
            -5.0: ["Temps écoulé"],
        }


def test_phase_colours_differ_from_each_other() -> None:
    colours = [c.getRgb() for c in PHASE_COLOURS.values()]
    assert len(set(colours)) == len(colours)


def test_overtime_counts_up_with_sign_and_word(view: ProjectorView, plan: Plan) -> None:
    view.render(at_remaining(plan, -42.4))
    assert view.countdown() is not None
    assert role_texts(view, "countdown") == ["+00:42"]
    assert role_texts(view, "phase") == ["Time is up"]
    img = image(view)
    red = PHASE_COLOURS[Phase.OVERTIME]
    assert near(img.pixelColor(2, 540), red)  # the red frame round the screen
    assert count_colour(img, view.countdown_rect().toRect(), red) > 500


def test_the_progress_bar_fills_as_the_time_goes(view: ProjectorView, plan: Plan) -> None:
    engine, t0 = started(plan)
    planned = plan.segments[TESTIMONY].planned_s

    def bar(t: float) -> tuple[float, float, QColor]:
        view.render(engine.snapshot(t))
        items = {i.role: i for i in view.scene().items if isinstance(i, FillItem)}
        track, fill = items["progress_track"], items.get("progress")
        if fill is None:
            return 0.0, track.rect.width(), track.color
        return fill.rect.width(), track.rect.width(), fill.color

    quarter, track, _ = bar(t0 + planned / 4)
    half, _, _ = bar(t0 + planned / 2)
    assert quarter == pytest.approx(track / 4, rel=0.02)
    assert half == pytest.approx(track / 2, rel=0.02)
    full, _, colour = bar(t0 + planned + 30)  # overtime: full, in the overtime colour
    assert full == pytest.approx(track)
    assert colour == PHASE_COLOURS[Phase.OVERTIME]


def test_paused_says_so(view: ProjectorView, plan: Plan) -> None:
    engine, t0 = started(plan)
    engine.apply(Pause(t0 + 100))
    view.render(engine.snapshot(t0 + 160))
    assert role_texts(view, "countdown") == ["06:40"]  # held at the pause
    assert role_texts(view, "phase") == ["‖ Paused"]


# -- size and fit ------------------------------------------------------------------------


def test_digits_fill_40_percent_of_a_1080p_screen(view: ProjectorView, plan: Plan) -> None:
    for remaining in (500.0, 61.0, 9.0):
        view.render(at_remaining(plan, remaining))
        countdown = view.countdown()
        assert countdown is not None
        ink = QFontMetricsF(countdown.font).tightBoundingRect("0123456789").height()
        assert view.digit_height() == pytest.approx(ink)
        assert view.digit_height() >= 0.40 * 1080
        assert view.countdown_rect().left() >= 0 and view.countdown_rect().right() <= 1920
    # Measured on the picture: rows holding digit pixels span at least 40 % of the height.
    img = image(view)
    ink_colour = PHASE_COLOURS[Phase.FINAL]  # 00:09 is in the final phase
    rect = view.countdown_rect().toRect().adjusted(0, -20, 0, 20)
    rows = [
        y
        for y in range(rect.top(), rect.bottom())
        if any(near(img.pixelColor(x, y), ink_colour) for x in range(rect.left(), rect.right(), 5))
    ]
    assert rows[-1] - rows[0] + 1 >= 0.40 * 1080


def test_digits_do_not_move_as_they_change(view: ProjectorView, plan: Plan) -> None:
    def cells(remaining: float) -> list[tuple[float, float]]:
        view.render(at_remaining(plan, remaining))
        countdown = view.countdown()
        assert isinstance(countdown, CountdownItem)
        return [(x, w) for _, x, w in countdown.cells]

    reference = cells(479.5)  # 08:00
    for remaining in (478.5, 471.0, 411.0, 111.1, 11.0):  # 07:59 … 00:11
        assert cells(remaining) == reference


def drawn_lines(view: ProjectorView) -> list[TextItem | CountdownItem]:
    return view.text_items()


SCREENS = [(1280, 800), (1920, 1080), (3840, 2160), (1366, 768), (1024, 768), (800, 600)]


@pytest.mark.parametrize("size", [*SCREENS, (1080, 1920)], ids=lambda s: "x".join(map(str, s)))
def test_no_text_is_cut_for_any_seed_segment(
    qtbot: QtBot, plan: Plan, size: tuple[int, int]
) -> None:
    """Every screen of every seed segment (counting, an hour over with a message, up next)
    fits on projectors from 800×600 to 4K, and on a screen turned upright."""
    view = ProjectorView()
    qtbot.addWidget(view)
    view.resize(*size)
    longest = max(plan.segments, key=lambda s: len(s.title))
    saw_longest = False
    for index in range(len(plan.segments)):
        engine, t0 = started(plan, index)
        live = engine.snapshot(t0 + 10)
        engine.apply(SetMessage(t0 + 10, "Merci de conclure, il reste une minute"))
        late = t0 + plan.segments[index].planned_s + 3700
        over = engine.snapshot(late)  # "+1:01:40" under the message
        assert over.countdown.startswith("+1:")
        engine.apply(Pause(late))
        screens = [live, over]
        if index + 1 < len(plan.segments):
            engine.apply(ClearMessage(late + 1))
            engine.apply(Next(late + 1))
            screens.append(engine.snapshot(late + 2))  # up next
        for snapshot in screens:
            view.render(snapshot)
            for item in drawn_lines(view):
                width = item.width()
                assert width <= view.width(), item.text
                if isinstance(item, TextItem):
                    assert width <= item.rect.width() + 0.5, item.text
                    assert view.rect().toRectF().contains(item.rect), item.text
                assert "…" not in item.text
            titles = role_texts(view, "title")
            if snapshot.segment is longest and titles:
                assert " ".join(titles) == " ".join(longest.title.split())
                saw_longest = True
            if snapshot.message is None:  # a message takes the speakers' band
                names = " ".join(role_texts(view, "name"))
                for speaker in snapshot.segment.speakers:
                    assert speaker.name in names
            else:
                assert snapshot.message in " ".join(view.texts())
    assert saw_longest


def test_a_thumbnail_keeps_everything_inside(qtbot: QtBot, plan: Plan) -> None:
    view = ProjectorView()
    qtbot.addWidget(view)
    view.resize(240, 135)
    engine, t0 = started(plan, 0)  # two speakers with long roles
    engine.apply(SetMessage(t0 + 5, "Merci de conclure"))
    view.render(engine.snapshot(t0 + 5))
    assert "Merci de conclure" in view.texts()
    for item in view.text_items():
        assert item.width() <= view.width() + 0.5


# -- content -----------------------------------------------------------------------------


def test_current_speaker_role_organisation_and_title(view: ProjectorView, plan: Plan) -> None:
    snapshot = at_remaining(plan, 300)
    view.render(snapshot)
    texts = view.texts()
    assert "Laurent Rey Lescure" in texts
    details = " ".join(role_texts(view, "details"))
    assert "Adjoint au délégué général" in details
    assert "conseil régional de Nouvelle Aquitaine" in details
    assert snapshot.segment.title in " ".join(role_texts(view, "title"))


def test_questions_without_speaker_show_the_title_big(view: ProjectorView, plan: Plan) -> None:
    qa = next(s.index for s in plan.segments if s.kind == "qa")
    engine, t0 = started(plan, qa)
    view.render(engine.snapshot(t0 + 5))
    assert role_texts(view, "title") == ["Échanges avec la salle"]
    assert role_texts(view, "name") == []


def test_html_in_a_name_is_drawn_literally(view: ProjectorView, plan: Plan) -> None:
    evil = "<b>Bob</b><img src=x>"
    seg = plan.segments[TESTIMONY].model_copy(update={"speakers": (PlannedSpeaker(name=evil),)})
    segments = list(plan.segments)
    segments[TESTIMONY] = seg
    hostile = plan.model_copy(update={"segments": tuple(segments)})
    engine, t0 = started(hostile)
    view.render(engine.snapshot(t0 + 5))
    assert evil in view.texts()
    (name,) = view.text_items("name")
    # Drawn as these 21 characters: as wide as the literal string, not as "Bob" in bold.
    assert name.width() == pytest.approx(QFontMetricsF(name.font).horizontalAdvance(evil))
    assert name.width() > 2 * QFontMetricsF(name.font).horizontalAdvance("Bob")
    assert view.findChildren(QLabel) == []  # painted, no rich-text-capable child widget
    assert not image(view).isNull()
    engine.apply(SetMessage(t0 + 6, "<i>x</i> & <script>"))
    view.render(engine.snapshot(t0 + 6))
    assert "<i>x</i> & <script>" in view.texts()


def test_french_accents_are_in_the_font(view: ProjectorView, plan: Plan) -> None:
    view.render(at_remaining(plan, 300))
    for item in view.text_items():
        fm = QFontMetricsF(item.font)
        for char in item.text:
            assert fm.inFontUcs4(ord(char)), f"{char!r} missing from {item.font.family()}"


# -- message, blink, blackout ------------------------------------------------------------


def test_message_is_shown_large(view: ProjectorView, plan: Plan) -> None:
    engine, t0 = started(plan)
    engine.apply(SetMessage(t0 + 60, "Merci de conclure"))
    view.render(engine.snapshot(t0 + 61))
    (message,) = view.text_items("message")
    assert message.text == "Merci de conclure"
    assert message.font.pixelSize() >= 0.08 * 1080
    assert role_texts(view, "countdown") == ["07:19"]  # the figure stays
    assert view.digit_height() >= 0.40 * 1080
    assert not view.blinking


def test_blink_toggles_in_the_view_only_on_the_injected_clock(qtbot: QtBot, plan: Plan) -> None:
    """Half a second shown, half a second hidden, read off the clock the view is given: the
    test moves a FakeClock and fires the view's flip timer itself, nothing waits."""
    clock = FakeClock()
    view = ProjectorView(blink_clock=clock)
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    engine, t0 = started(plan)
    engine.apply(SetMessage(t0 + 60, "Merci de conclure", blink=True))
    events = engine.events
    snapshot = engine.snapshot(t0 + 61)
    view.render(snapshot)
    assert view.blinking and view.blink_visible
    assert BLINK_INTERVAL_MS == 500  # ~1 Hz: shown half a second, hidden half
    assert "Merci de conclure" in view.texts()
    timer = view.blink_timer
    assert timer.isActive() and timer.isSingleShot() and timer.interval() == 500

    clock.advance(0.2)
    timer.timeout.emit()  # woken early: the clock says the flip is 300 ms away
    assert view.blink_visible and timer.interval() == 300
    clock.advance(0.3)
    timer.timeout.emit()
    assert not view.blink_visible
    assert "Merci de conclure" not in view.texts()
    assert role_texts(view, "countdown") == ["07:19"]  # nothing else moves
    assert timer.interval() == 500
    clock.advance(0.5)
    timer.timeout.emit()
    assert view.blink_visible and "Merci de conclure" in view.texts()
    assert engine.events == events  # blinking never touches the engine
    assert snapshot.blink

    # A repaint each second shows the phase the clock is at and does not restart the blink:
    # 1.75 s after it began is the second half of the fourth half-second, hidden.
    clock.advance(0.75)
    view.render(engine.snapshot(t0 + 62))
    assert view.blinking and not view.blink_visible and timer.interval() == 250
    # Clearing the blink stops it, the message shown steadily.
    engine.apply(SetMessage(t0 + 63, "Merci de conclure", blink=False))
    view.render(engine.snapshot(t0 + 63))
    assert not view.blinking and view.blink_visible and not timer.isActive()
    assert "Merci de conclure" in view.texts()
    # Blinking again starts a new blink, shown first.
    clock.advance(0.25)
    engine.apply(SetMessage(t0 + 64, "Merci de conclure", blink=True))
    view.render(engine.snapshot(t0 + 64))
    assert view.blink_visible and timer.interval() == 500


def test_the_projector_window_blinks_on_the_session_clock(qtbot: QtBot, tmp_path: Path) -> None:
    """The window hands its view the controller's clock: on a FakeClock session, the message
    hides when that clock has moved half a second, whatever the real time."""
    loaded = load_running_order(SEED)
    clock = FakeClock()
    logs = tmp_path / "logs"
    controller = LiveController(start_session(loaded, clock, logs), loaded, clock, logs)
    window = ProjectorWindow(controller, Settings())
    qtbot.addWidget(window)
    try:
        assert controller.toggle()
        assert controller.message("Merci de conclure", blink=True)
        view = window.view
        assert view.blinking and view.blink_visible
        view.blink_timer.timeout.emit()  # the real time came, the session's did not
        assert view.blink_visible
        clock.advance(0.5)
        view.blink_timer.timeout.emit()
        assert not view.blink_visible and "Merci de conclure" not in view.texts()
    finally:
        controller.shutdown()


def test_blackout_paints_everything_black(view: ProjectorView, plan: Plan) -> None:
    engine, t0 = started(plan)
    engine.apply(SetMessage(t0 + 1, "Merci de conclure", blink=True))
    engine.apply(Blackout(t0 + 2, True))
    view.render(engine.snapshot(t0 + 600))  # overtime underneath: no red frame either
    assert view.texts() == []
    assert not view.blinking
    img = image(view)
    for y in range(0, img.height(), 7):
        for x in range(0, img.width(), 7):
            assert img.pixel(x, y) & 0xFFFFFF == 0, (x, y)


# -- between segments and the end --------------------------------------------------------


def test_between_segments_shows_who_is_next(view: ProjectorView, plan: Plan) -> None:
    engine, t0 = started(plan)
    engine.apply(Pause(t0 + 400))
    engine.apply(Next(t0 + 401))
    snapshot = engine.snapshot(t0 + 420)
    assert snapshot.between_segments
    view.render(snapshot)
    texts = view.texts()
    assert "Up next" in texts
    assert "Gabriel Voisin-Fradin" in texts
    assert "Expérience de politique d'attractivité du territoire" in " ".join(texts)
    assert role_texts(view, "countdown") == ["08:20"]  # the time they will have
    assert role_texts(view, "phase") == []


def test_before_the_start_shows_the_first_speakers(view: ProjectorView, plan: Plan) -> None:
    snapshot = Timeline(plan).snapshot(0.0)
    assert snapshot.status is Status.READY
    view.render(snapshot)
    texts = view.texts()
    assert "Up next" in texts
    assert "Jean-Claude Dardelet" in texts and "Emmanuel Noutary" in texts


def test_end_screen_thanks_with_the_clock(view: ProjectorView, plan: Plan) -> None:
    engine, t0 = started(plan)
    engine.apply(End(t0 + 30))
    view.render(engine.snapshot(t0 + 40), "17:26")
    texts = view.texts()
    assert "Thank you!" in texts
    assert "17:26" in texts
    assert view.countdown() is None
    # Without a clock time from the caller it reads the system clock (HH:MM).
    view.render(engine.snapshot(t0 + 40))
    (clock,) = role_texts(view, "clock")
    assert len(clock) == 5 and clock[2] == ":"


# -- the window --------------------------------------------------------------------------


@pytest.fixture
def controller(tmp_path: Path) -> LiveController:
    loaded = load_running_order(SEED)
    clock = FakeClock()
    live = start_session(loaded, clock, tmp_path / "logs")
    ctl = LiveController(live, loaded, clock, tmp_path / "logs")
    yield ctl  # type: ignore[misc]
    ctl.shutdown()


@pytest.fixture
def window(qtbot: QtBot, controller: LiveController) -> ProjectorWindow:
    win = ProjectorWindow(controller, Settings())
    qtbot.addWidget(win)
    return win


def test_window_title_and_follows_the_controller(
    window: ProjectorWindow, controller: LiveController
) -> None:
    assert window.windowTitle() == "Timekeeper — Projector"
    assert window.isWindow()
    controller.start_ticking()
    assert window.view.snapshot is not None
    assert window.view.snapshot.status is Status.READY
    controller.toggle()
    assert window.view.snapshot.status is Status.RUNNING


def test_alone_it_waits_hidden_until_the_moderator_asks(
    qtbot: QtBot, window: ProjectorWindow
) -> None:
    """One screen (plain offscreen): the window does not cover the console (issue #13)."""
    assert len(QGuiApplication.screens()) == 1
    window.place_and_show()
    assert not window.isVisible() and window.held_back and window.projecting_on is None
    # Another screen event with still one screen changes nothing.
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    app.screenAdded.emit(QGuiApplication.primaryScreen())
    assert not window.isVisible()
    window.toggle_fullscreen()  # F11 asks for it: a normal window on the laptop
    qtbot.waitExposed(window)
    assert window.isVisible() and not window.held_back
    assert not window.isFullScreen()
    assert window.size().width() <= 960 and window.size().height() <= 540
    window.toggle_fullscreen()
    qtbot.waitUntil(window.isFullScreen)
    window.toggle_fullscreen()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    window.hide_on_request()  # put away again: it waits for a second screen
    assert not window.isVisible() and window.held_back
    window.place_and_show()
    assert not window.isVisible()


def press(qtbot: QtBot, window: ProjectorWindow, key: str) -> None:
    from PySide6.QtGui import QKeySequence

    combo = QKeySequence(key)[0]
    qtbot.keyClick(window, combo.key(), combo.keyboardModifiers())


def test_keys_work_when_the_projector_has_focus(
    qtbot: QtBot, window: ProjectorWindow, controller: LiveController
) -> None:
    window.show_on_request()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    controller.start_ticking()

    def snap() -> Snapshot:
        s = window.view.snapshot
        assert s is not None
        return s

    press(qtbot, window, "Space")
    assert snap().status is Status.RUNNING
    planned = snap().planned_s
    press(qtbot, window, "+")
    assert snap().planned_s == planned + 60
    press(qtbot, window, "-")
    assert snap().planned_s == planned
    press(qtbot, window, "W")
    assert snap().message == wrap_up_text() == "Please wrap up"
    press(qtbot, window, "Esc")
    assert snap().message is None
    press(qtbot, window, "B")
    assert snap().blackout
    press(qtbot, window, ".")
    assert not snap().blackout
    press(qtbot, window, "PgDown")
    assert snap().current == 1
    press(qtbot, window, "Left")
    assert snap().current == 0
    press(qtbot, window, "Ctrl+Z")
    assert snap().current == 1
    press(qtbot, window, "Right")
    assert snap().current == 2
    press(qtbot, window, "PgUp")
    assert snap().current == 1
    planned = snap().planned_s
    press(qtbot, window, "=")  # "+" without Shift
    assert snap().planned_s == planned + 60
    assert not snap().paused
    press(qtbot, window, "Space")
    assert snap().paused
    press(qtbot, window, "Space")
    assert snap().running
    press(qtbot, window, "F11")
    qtbot.waitUntil(window.isFullScreen)
    press(qtbot, window, "F11")
    qtbot.waitUntil(lambda: not window.isFullScreen())


def test_help_and_quit_come_from_the_moderator_window(
    qtbot: QtBot, window: ProjectorWindow
) -> None:
    calls: list[str] = []
    window.show_on_request()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, window, "F1")  # no handler yet: nothing happens, nothing breaks
    window.set_extra_handlers({"help": lambda: calls.append("help")})
    window.set_extra_handlers({"quit": lambda: calls.append("quit")})
    press(qtbot, window, "F1")
    press(qtbot, window, "Ctrl+Q")
    assert calls == ["help", "quit"]


def test_constructor_takes_extra_handlers(qtbot: QtBot, controller: LiveController) -> None:
    calls: list[str] = []
    win = ProjectorWindow(
        controller, Settings(), extra_handlers={"help": lambda: calls.append("h")}
    )
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.keyClick(win, Qt.Key.Key_Question)
    assert calls == ["h"]
    assert QPoint(0, 0) == win.view.pos()


def test_no_break_spaces_hold_and_long_words_shrink() -> None:
    fitted = fit_text("Merci\u00a0! Merci\u00a0!", 120.0, 400.0, 60.0, 2, True)
    assert fitted.lines == ("Merci\u00a0!", "Merci\u00a0!")
    word = "Anticonstitutionnellement"
    fitted = fit_text(word, 200.0, 400.0, 80.0, 3, True)
    assert fitted.lines == (word,)  # one word is never split: it gets smaller
    assert QFontMetricsF(fitted.font).horizontalAdvance(word) <= 200.0


class FakeFrench(QTranslator):
    """A translator without a .qm file: enough to see the window follow a language switch."""

    WORDS: ClassVar[dict[str, str]] = {
        "Time is up": "Temps écoulé",
        "Timekeeper — Projector": "Timekeeper — Projecteur",
        "Up next": "À suivre",
    }

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return self.WORDS.get(source, "") if context == "projector" else ""

    def isEmpty(self) -> bool:
        return False


def test_a_language_switch_reaches_the_projector(
    qtbot: QtBot, window: ProjectorWindow, plan: Plan
) -> None:
    window.view.resize(1920, 1080)
    window.view.render(at_remaining(plan, -5))
    assert "Time is up" in window.view.texts()
    app = QCoreApplication.instance()
    assert app is not None
    french = FakeFrench()
    app.installTranslator(french)
    try:
        qtbot.waitUntil(lambda: window.windowTitle() == "Timekeeper — Projecteur")
        assert "Temps écoulé" in window.view.texts()
    finally:
        app.removeTranslator(french)
    qtbot.waitUntil(lambda: window.windowTitle() == "Timekeeper — Projector")
