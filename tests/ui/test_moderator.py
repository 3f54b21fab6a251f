"""The moderator window, driven as the moderator drives it: keys, buttons, a fake clock.

Every assertion about timing reads the engine (its events, its snapshot); every assertion
about what is shown reads the window's widgets. No test sleeps: time moves by FakeClock.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.engine import Status
from app.engine.display import Phase
from app.engine.events import (
    ApplyCatchUp,
    BlinkMessage,
    Goto,
    SetMessage,
    Start,
)
from app.reports.model import build_report
from app.timing_log.reader import read_log
from app.ui.theme import DARK, PHASE_SYMBOLS, phase_word
from app.ui.widgets.controls import PRESETS_EN, PRESETS_FR
from app.ui.widgets.running_order import COL_AT, COL_PLANNED, COL_STATE, COL_TITLE
from tests.ui.moderator_harness import Harness, seed_window

INTRO = 0  # 10', "Introduction et animation"
TESTIMONY = 1  # 8'20"


@pytest.fixture
def moderator(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> Iterator[Harness]:
    yield from seed_window(qtbot, tmp_path, seed_path)


def no_modal() -> bool:
    return QApplication.activeModalWidget() is None


# -- what the window shows ------------------------------------------------------------------


def test_title_says_which_window_and_which_session(moderator: Harness) -> None:
    title = moderator.window.windowTitle()
    assert title.startswith("Timekeeper — ")
    assert moderator.controller.plan.title in title


def test_running_order_shows_parts_budgets_and_planned_clock_times(moderator: Harness) -> None:
    tree = moderator.window.tree
    assert [p.text(COL_TITLE) for p in tree.part_items] == [
        "Introduction et animation",
        "Témoignages",
        "Vu d'ailleurs",
        "Eléments de conclusion",
    ]
    assert [p.text(COL_PLANNED) for p in tree.part_items] == ["10:00", "40:00", "30:00", "05:00"]
    # Every segment has its row, under its part, in order: read from the tree the moderator
    # sees (not the widget's own list), so a dropped or misplaced row shows.
    rows = [
        (part.text(COL_TITLE), row.text(COL_TITLE).split("\n")[0], row.text(COL_AT))
        for part in (tree.topLevelItem(p) for p in range(tree.topLevelItemCount()))
        for row in (part.child(c) for c in range(part.childCount()))
    ]
    assert rows == [
        ("Introduction et animation", "Jean-Claude Dardelet, Emmanuel Noutary", "16:00"),
        (
            "Témoignages",
            "Expérience d'une coopération inter-collectivités sur un sujet de "
            "développement économique du territoire partenaire",
            "16:10",
        ),
        ("Témoignages", "Expérience de politique d'attractivité du territoire", "16:18"),
        (
            "Témoignages",
            "Entreprise privée mobilisée dans le cadre de l'AICT d'une collectivité",
            "16:26",
        ),
        ("Témoignages", "Échanges avec la salle", "16:35"),
        ("Vu d'ailleurs", "Raja Touil", "16:50"),
        ("Vu d'ailleurs", "Échanges avec la salle", "17:05"),
        ("Eléments de conclusion", "Emmanuel Noutary, Jean-Claude Dardelet", "17:20"),
    ]
    assert tree.segment_items[TESTIMONY].text(COL_PLANNED) == "08:20"
    assert "Laurent Rey Lescure" in tree.segment_items[TESTIMONY].text(COL_TITLE)


def test_running_order_follows_the_session(moderator: Harness) -> None:
    tree = moderator.window.tree
    moderator.key(Qt.Key.Key_Space)
    moderator.advance(90)
    assert tree.part_items[0].text(COL_STATE) == "08:30 left"
    moderator.key(Qt.Key.Key_Right)
    assert tree.segment_items[INTRO].text(COL_STATE) == "done"
    assert tree.segment_items[TESTIMONY].text(COL_STATE).startswith("▶")


def test_double_click_on_a_segment_goes_there(moderator: Harness, qtbot: QtBot) -> None:
    tree = moderator.window.tree
    moderator.key(Qt.Key.Key_Space)
    item = tree.segment_items[3]
    rect = tree.visualItemRect(item)
    # A real double-click: press, release, then the second press that Qt calls a double-click.
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert isinstance(moderator.events[-1], Goto)
    assert moderator.snap.current == 3


def test_current_segment_shows_speakers_with_role_and_organisation(moderator: Harness) -> None:
    moderator.key(Qt.Key.Key_Right)  # ready: the cursor moves to the first testimony
    panel = moderator.window.current
    assert panel.title_label.text().startswith("Expérience d'une coopération")
    assert panel.speakers_label.text() == (
        "Laurent Rey Lescure — Adjoint au délégué général, conseil régional de Nouvelle Aquitaine"
    )
    assert "filières" in panel.notes_label.text()
    assert panel.next_label.text().startswith("Next, at 16:18: Expérience de politique")
    assert panel.part_label.text() == "Part 2: Témoignages — 40:00 left of 40:00"


def test_speaker_notes_are_moderator_notes(moderator: Harness) -> None:
    for _ in range(3):
        moderator.key(Qt.Key.Key_Right)
    assert "Cyril Labi : Cette société produit" in moderator.window.current.notes_label.text()


def test_schedule_line_in_local_clock_times(moderator: Harness) -> None:
    line = moderator.window.schedule
    assert line.now_label.text() == "Now 16:00"
    assert line.planned_label.text() == "Planned end 17:25"
    assert line.projected_label.text() == "Projected end 17:25"
    assert line.late_label.text() == "On time"
    assert line.slack_label.text() == "5 min of slack before 17:30"
    moderator.key(Qt.Key.Key_Space)
    moderator.advance(600 + 8 * 60)  # the introduction runs 8 minutes over
    assert line.now_label.text() == "Now 16:18"
    assert line.projected_label.text() == "Projected end 17:33"
    assert line.late_label.text() == "8 min late"
    assert line.slack_label.text() == "3 min past the hard end 17:30"


PHASE_STEPS = [  # (seconds left in the 10-minute introduction, phase shown)
    (121, Phase.NORMAL),
    (120, Phase.WARNING),
    (31, Phase.WARNING),
    (30, Phase.FINAL),
    (1, Phase.FINAL),
    (0, Phase.OVERTIME),
    (-42, Phase.OVERTIME),
]


def test_phase_in_colour_and_in_words_at_each_threshold(moderator: Harness) -> None:
    moderator.key(Qt.Key.Key_Space)
    elapsed = 0
    for remaining, phase in PHASE_STEPS:
        moderator.advance(600 - remaining - elapsed)
        elapsed = 600 - remaining
        assert moderator.snap.phase is phase, remaining
        panel = moderator.window.current
        assert panel.phase_label.text() == f"{PHASE_SYMBOLS[phase]} {phase_word(phase)}"
        background, _ = DARK.chip[phase]
        assert f"background: {background}" in panel.phase_label.styleSheet()
        assert DARK.countdown[phase] in panel.countdown_label.styleSheet()
        state = moderator.window.tree.segment_items[INTRO].text(COL_STATE)
        assert phase_word(phase) in state


def test_overtime_counts_up_with_a_sign_and_a_word(moderator: Harness) -> None:
    moderator.key(Qt.Key.Key_Space)
    moderator.advance(600)
    panel = moderator.window.current
    assert panel.countdown_label.text() == "+00:00"
    moderator.advance(42)
    assert panel.countdown_label.text() == "+00:42"
    assert panel.phase_label.text() == "■ Overtime"
    assert panel.detail_label.text() == "over by 00:42 — planned 10:00"


def test_countdown_shows_the_ceiling(moderator: Harness) -> None:
    moderator.key(Qt.Key.Key_Space)
    assert moderator.window.current.countdown_label.text() == "10:00"
    moderator.advance(0.5)
    assert moderator.window.current.countdown_label.text() == "10:00"
    moderator.advance(599.4)
    assert moderator.window.current.countdown_label.text() == "00:01"


def test_next_up_shows_the_projected_start_once_running(moderator: Harness) -> None:
    moderator.key(Qt.Key.Key_Space)
    moderator.advance(60)
    moderator.key(Qt.Key.Key_Right)  # the introduction took 1 minute instead of 10
    assert moderator.window.current.next_label.text().startswith("Next, at 16:09: ")


def test_paused_between_segments(moderator: Harness) -> None:
    moderator.key(Qt.Key.Key_Space)
    moderator.key(Qt.Key.Key_Space)
    assert moderator.window.current.status_label.text() == (
        "Paused before this segment: Space starts it"
    )


def test_paused_is_said_in_words(moderator: Harness) -> None:
    moderator.key(Qt.Key.Key_Space)
    moderator.advance(5)
    moderator.key(Qt.Key.Key_Space)
    assert moderator.snap.status is Status.PAUSED
    assert moderator.window.current.status_label.text() == "Paused: Space resumes"
    assert moderator.window.controls.buttons["toggle"].text().startswith("Resume")


# -- messages -------------------------------------------------------------------------------


def test_presets_in_french_and_english(moderator: Harness) -> None:
    texts = [b.text() for b in moderator.window.messages.preset_buttons]
    assert texts == [*PRESETS_FR, *PRESETS_EN]
    assert "Merci de conclure" in texts and "Time for questions" in texts


def test_message_with_blink(moderator: Harness, qtbot: QtBot) -> None:
    window = moderator.window
    moderator.key(Qt.Key.Key_Space)
    box = window.messages.blink_box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    assert box.isChecked()  # no message yet: only a preference
    assert not any(isinstance(e, BlinkMessage) for e in moderator.events)
    qtbot.mouseClick(window.messages.preset_buttons[1], Qt.MouseButton.LeftButton)
    event = moderator.events[-1]
    assert isinstance(event, SetMessage)
    assert (event.text, event.blink) == ("Plus qu'une minute", True)
    assert moderator.snap.message == "Plus qu'une minute" and moderator.snap.blink
    assert window.current.message_label.text() == (
        "On the projector: “Plus qu'une minute” (blinking)"
    )
    assert window.thumbnail.blinking
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    assert not box.isChecked()  # a message is shown: blink off is a control
    assert isinstance(moderator.events[-1], BlinkMessage)
    assert not moderator.snap.blink
    assert no_modal()


def test_custom_message_then_the_keys_work_again(moderator: Harness, qtbot: QtBot) -> None:
    window = moderator.window
    moderator.key(Qt.Key.Key_Space)
    field = window.messages.field
    field.setFocus()
    qtbot.keyClicks(field, "Micro please")
    moderator.key(Qt.Key.Key_Return, target=field)
    assert moderator.snap.message == "Micro please"
    assert not field.hasFocus()
    moderator.key(Qt.Key.Key_Space)  # back to the shortcuts: Space pauses
    assert moderator.snap.status is Status.PAUSED


def test_esc_in_the_message_field_leaves_it_and_keeps_the_message(
    moderator: Harness, qtbot: QtBot
) -> None:
    window = moderator.window
    moderator.key(Qt.Key.Key_W)
    field = window.messages.field
    field.setFocus()
    qtbot.keyClicks(field, "B")  # a letter in the field is a letter, not Blackout
    assert field.text() == "B" and not moderator.snap.blackout
    moderator.key(Qt.Key.Key_Escape, target=field)
    assert not field.hasFocus()
    assert moderator.snap.message == "Merci de conclure"


# -- buttons --------------------------------------------------------------------------------


def test_buttons_show_their_keys(moderator: Harness) -> None:
    b = moderator.window.controls.buttons
    assert b["toggle"].text() == "Start\nSpace"
    assert b["previous"].text() == "Previous\n← / PgUp"
    assert b["next"].text() == "Next\n→ / PgDown"
    assert b["blackout"].text() == "Blackout\nB / ."
    assert b["wrap_up"].text() == "Wrap-up\nW"
    assert b["clear_message"].text() == "Clear message\nEsc"
    assert b["undo"].text() == "Undo\nCtrl+Z"
    assert b["end"].text() == "End session"
    assert all(button.focusPolicy() == Qt.FocusPolicy.NoFocus for button in b.values())


def test_every_button_gives_its_control(moderator: Harness) -> None:
    steps: list[tuple[str, str]] = [
        ("toggle", "start"),
        ("next", "next"),
        ("previous", "previous"),
        ("add_minute", "adjust"),
        ("remove_minute", "adjust"),
        ("blackout", "blackout"),
        ("blackout", "blackout"),
        ("wrap_up", "message"),
        ("clear_message", "message_clear"),
        ("toggle", "pause"),
        ("toggle", "resume"),
        ("undo", "undo"),
        ("end", "end"),
    ]
    for name, kind in steps:
        moderator.advance(5)
        moderator.click(name)
        assert moderator.events[-1].kind == kind, name
        assert no_modal()
    assert moderator.snap.status is Status.ENDED
    assert not moderator.window.controls.buttons["toggle"].isEnabled()


def test_adjust_buttons_change_the_countdown(moderator: Harness) -> None:
    moderator.click("toggle")
    moderator.click("add_minute")
    assert moderator.window.current.countdown_label.text() == "11:00"
    assert moderator.window.current.detail_label.text() == "of 11:00 (plan 10:00)"
    moderator.click("remove_minute")
    moderator.click("remove_minute")
    assert moderator.window.current.countdown_label.text() == "09:00"


def test_blackout_button_follows_the_state(moderator: Harness) -> None:
    button = moderator.window.controls.buttons["blackout"]
    moderator.key(Qt.Key.Key_B)
    assert moderator.snap.blackout and button.isChecked()
    assert "blacked out" in moderator.window.current.message_label.text()
    moderator.key(Qt.Key.Key_Period)
    assert not moderator.snap.blackout and not button.isChecked()


# -- catch-up -------------------------------------------------------------------------------


def make_late(moderator: Harness) -> None:
    """Hold the introduction 8 minutes in overtime: 3 minutes past the 17:30 hard end."""
    moderator.key(Qt.Key.Key_Space)
    moderator.advance(600 + 8 * 60)
    moderator.key(Qt.Key.Key_Right)


def test_catch_up_preview_is_inline_and_apply_is_one_undoable_event(moderator: Harness) -> None:
    make_late(moderator)
    window = moderator.window
    assert window.controls.buttons["catch_up"].property("attention") is True
    moderator.key(Qt.Key.Key_C)
    panel = window.catchup
    assert panel.isVisible() and no_modal()
    assert panel.heading.text() == "Catch-up plan: 3 min to recover to end by 17:30"
    assert "Échanges avec la salle: 15:00 → " in panel.lines.text()
    assert panel.outcome.text() == "With these durations the session ends by 17:30."
    plan = panel.plan
    assert plan is not None and plan.feasible
    moderator.key(Qt.Key.Key_A)
    assert not panel.isVisible()
    event = moderator.events[-1]
    assert isinstance(event, ApplyCatchUp)
    assert event.durations == plan.durations
    assert window.schedule.slack_label.text() == "0 min of slack before 17:30"
    moderator.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert moderator.events[-1].kind == "undo"
    assert window.schedule.slack_label.text() == "3 min past the hard end 17:30"


def test_catch_up_ignore_changes_nothing(moderator: Harness, qtbot: QtBot) -> None:
    make_late(moderator)
    before = len(moderator.events)
    moderator.click("catch_up")
    assert moderator.window.catchup.isVisible()
    qtbot.mouseClick(moderator.window.catchup.ignore_button, Qt.MouseButton.LeftButton)
    assert not moderator.window.catchup.isVisible()
    moderator.key(Qt.Key.Key_A)  # A applies only a plan on screen
    assert len(moderator.events) == before


def test_catch_up_when_on_time_has_nothing_to_apply(moderator: Harness) -> None:
    moderator.key(Qt.Key.Key_C)
    panel = moderator.window.catchup
    assert panel.lines.text() == "No segment needs to be shortened."
    assert not panel.apply_button.isEnabled()


# -- banners --------------------------------------------------------------------------------


def test_show_notice_is_dismissible(moderator: Harness, qtbot: QtBot) -> None:
    window = moderator.window
    window.show_notice("settings.toml: settings could not be read")
    banners = window.banners
    assert "settings.toml: settings could not be read" in banners.visible_texts()
    key = next(k for k in list(banners._banners) if k.startswith("notice-"))
    banner = banners.banner(key)
    assert banner is not None
    qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
    assert "settings.toml: settings could not be read" not in banners.visible_texts()


def test_log_problem_is_a_persistent_banner_and_the_countdown_goes_on(
    moderator: Harness,
) -> None:
    window = moderator.window
    moderator.key(Qt.Key.Key_Space)
    moderator.controller.log_status.emit("cannot write the timing log x.jsonl (No space left)")
    banner = window.banners.banner("log")
    assert banner is not None and banner.isVisible()
    assert banner.text == (
        "Timing log problem: cannot write the timing log x.jsonl (No space left). "
        "The countdown goes on."
    )
    assert not banner.close_button.isVisible()
    moderator.advance(10)
    assert window.current.countdown_label.text() == "09:50"
    moderator.controller.log_status.emit("")
    assert window.banners.banner("log") is None


def test_a_real_write_failure_reaches_the_banner(
    qtbot: QtBot, tmp_path: Path, seed_path: Path
) -> None:
    from app.engine.clock import FakeClock
    from app.model import load_running_order
    from app.timing_log.live import start_session
    from app.ui.controller import LiveController
    from tests.ui.moderator_harness import SEED_START, open_window

    def full_disk(path: Path, *, create: bool = False) -> object:
        raise OSError(28, "No space left on device")

    clock = FakeClock(wall=SEED_START)
    loaded = load_running_order(seed_path)
    live = start_session(loaded, clock, tmp_path / "logs", opener=full_disk)  # type: ignore[arg-type]
    controller = LiveController(live, loaded, clock, tmp_path / "logs")
    harness = open_window(qtbot, controller, clock, tmp_path / "logs")
    harness.key(Qt.Key.Key_Space)
    banner = harness.window.banners.banner("log")
    assert banner is not None and "No space left on device" in banner.text
    assert harness.snap.status is Status.RUNNING
    harness.window.quit_now()
    controller.shutdown()


# -- quitting -------------------------------------------------------------------------------


def test_ctrl_q_twice_during_a_session(moderator: Harness) -> None:
    window = moderator.window
    moderator.key(Qt.Key.Key_Space)
    moderator.key(Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert window.isVisible() and no_modal()
    banner = window.banners.banner("quit")
    assert banner is not None
    assert banner.text.startswith("Press Ctrl+Q again within 3 s to quit.")
    moderator.key(Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    assert moderator.snap.status is Status.RUNNING  # quitting is not ending: it resumes later


def test_ctrl_q_again_within_three_seconds_quits(moderator: Harness) -> None:
    window = moderator.window
    moderator.key(Qt.Key.Key_Space)
    moderator.key(Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    moderator.advance(2.9)  # the session's clock: nobody waits
    moderator.key(Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_ctrl_q_confirmation_lapses_after_three_seconds(moderator: Harness) -> None:
    window = moderator.window
    moderator.key(Qt.Key.Key_Space)
    moderator.key(Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    moderator.advance(3.5)
    moderator.key(Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert window.isVisible()  # the late press only asked again
    banner = window.banners.banner("quit")
    assert banner is not None and banner.text.startswith("Press Ctrl+Q again within 3 s")
    moderator.key(Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_closing_twice_after_the_lapse_only_asks_again(moderator: Harness) -> None:
    window = moderator.window
    moderator.key(Qt.Key.Key_Space)
    window.close()
    moderator.advance(4)
    window.close()
    assert window.isVisible() and no_modal()


def test_ctrl_q_before_the_session_quits_at_once(moderator: Harness) -> None:
    moderator.key(Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not moderator.window.isVisible()


def test_closing_the_window_during_a_session_asks_inline(moderator: Harness) -> None:
    window = moderator.window
    moderator.key(Qt.Key.Key_Space)
    window.close()
    assert window.isVisible() and no_modal()
    banner = window.banners.banner("quit")
    assert banner is not None and banner.text.startswith("Close the window again")
    window.close()
    assert not window.isVisible()


# -- no modal dialog while a session runs ------------------------------------------------------


def test_no_modal_dialog_after_any_control(
    moderator: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    def refuse(*args: object, **kwargs: object) -> tuple[str, str]:
        raise AssertionError("a file dialog opened during the session")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", refuse)
    keys = [
        (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Plus, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Minus, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_B, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_C, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    ]
    for key, modifier in keys:
        moderator.advance(1)
        moderator.key(key, modifier)
        assert no_modal(), key
    menus = moderator.window.menus
    for action in (menus.open_action, menus.import_action, menus.replay_action):
        action.trigger()
        assert no_modal()
    banners = moderator.window.banners
    assert any("not available while the session runs" in t for t in banners.visible_texts())


# -- safety: session text is plain text -------------------------------------------------------

HOSTILE = """format = 1
[session]
title = "<i>Atelier</i>"
start = "16:00"
hard_end = "17:00"
[[parts]]
title = "<h1>Partie</h1>"
budget = "30'"
[[parts.segments]]
title = "<u>Talk</u>"
notes = "<script>alert(1)</script>"
[[parts.segments.speakers]]
name = "<b>Bob</b><img src=x>"
role = "<a href='x'>role</a>"
note = "<b>note</b>"
"""


def test_html_in_the_running_order_shows_literally(qtbot: QtBot, tmp_path: Path) -> None:
    from app.engine.clock import FakeClock
    from app.model import load_running_order
    from tests.ui.moderator_harness import SEED_START, make_controller, open_window

    path = tmp_path / "hostile.toml"
    path.write_text(HOSTILE, encoding="utf-8")
    clock = FakeClock(wall=SEED_START)
    controller = make_controller(load_running_order(path), clock, tmp_path / "logs")
    harness = open_window(qtbot, controller, clock, tmp_path / "logs")
    window = harness.window
    harness.key(Qt.Key.Key_Space)
    panel = window.current
    assert panel.speakers_label.text() == "<b>Bob</b><img src=x> — <a href='x'>role</a>"
    assert panel.title_label.text() == "<u>Talk</u>"
    assert "<script>alert(1)</script>" in panel.notes_label.text()
    assert "<b>Bob</b><img src=x> : <b>note</b>" in panel.notes_label.text()
    assert "<h1>Partie</h1>" in panel.part_label.text()
    assert window.windowTitle() == "Timekeeper — <i>Atelier</i>"
    # Every label that holds a "<" holds it as plain text.
    for label in window.findChildren(QLabel):
        if "<" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
    assert window.tree.segment_items[0].text(COL_TITLE) == "<u>Talk</u>\n<b>Bob</b><img src=x>"
    tooltip = window.tree.segment_items[0].toolTip(COL_TITLE)
    assert "&lt;b&gt;Bob&lt;/b&gt;" in tooltip and "<b>" not in tooltip
    texts = window.thumbnail.texts()
    assert any("<b>Bob</b><img src=x>" in t for t in texts)
    window.quit_now()
    controller.shutdown()


# -- the whole workshop from the keyboard --------------------------------------------------------


def test_the_seed_workshop_from_the_keyboard_alone(moderator: Harness) -> None:
    """Start to end with keys only: one segment held in overtime, the catch-up plan previewed
    and applied, one mistaken Next undone; then the log holds every event the engine has."""
    window = moderator.window
    right = Qt.Key.Key_Right

    moderator.key(Qt.Key.Key_Space)  # 16:00 start
    moderator.advance(600)
    moderator.key(right)  # introduction on time
    moderator.advance(500 + 8 * 60)  # the first testimony runs 8 minutes over
    moderator.key(Qt.Key.Key_W)
    moderator.advance(20)
    moderator.key(Qt.Key.Key_Escape)
    moderator.key(right)
    assert window.schedule.slack_label.text().endswith("past the hard end 17:30")

    moderator.key(Qt.Key.Key_C)  # preview the catch-up plan, apply it
    assert window.catchup.isVisible()
    moderator.key(Qt.Key.Key_A)
    assert isinstance(moderator.events[-1], ApplyCatchUp)

    moderator.advance(100)
    moderator.key(Qt.Key.Key_PageDown)  # a slip of the clicker...
    moderator.advance(3)
    moderator.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # ...taken back
    assert moderator.snap.current == 2
    assert moderator.snap.active_s == pytest.approx(103)

    while not moderator.snap.ended:
        left = max(0.0, moderator.snap.remaining_s)
        moderator.advance(left)
        moderator.key(right)
        assert no_modal()

    snap = moderator.snap
    assert snap.status is Status.ENDED
    assert window.current.status_label.text() == "The session is over"
    # The plan aimed at the hard end: ended at 17:30, 5 minutes after the planned 17:25.
    assert window.schedule.projected_label.text() == "Ended at 17:30"
    assert window.schedule.late_label.text() == "5 min late"
    assert window.schedule.slack_label.text() == "0 min of slack before 17:30"
    kinds = moderator.kinds()
    assert kinds[0] == "start" and kinds[-1] == "next"  # Next on the conclusion ends it
    assert {"message", "message_clear", "catch_up", "undo", "next"} <= set(kinds)
    assert isinstance(moderator.events[0], Start)

    log = read_log(moderator.controller.log_path)
    assert [(e.kind, e.t) for e in log.events] == [(e.kind, e.t) for e in moderator.events]
    assert log.finished
    assert [r.seq for r in log.records] == list(range(1, len(log.records) + 1))

    # And the log reports the session as it ran: 16:00 to 17:30, every second in a segment.
    report = build_report(log)
    assert report.finished and report.undos == 1
    assert report.started_at is not None and report.ended_at is not None
    assert (report.ended_at - report.started_at).total_seconds() == pytest.approx(5400)
    assert report.total_actual_s == pytest.approx(5400)
    assert sum(p.actual_s for p in report.parts) == pytest.approx(5400)
    assert [s.status for s in report.segments] == ["done"] * len(report.segments)
    assert report.segments[0].actual_s == pytest.approx(600)
    assert report.segments[1].actual_s == pytest.approx(500 + 8 * 60 + 20)  # the overrun
    # The 3 s spent on the next segment before the undo count for this one, run to its end.
    assert report.segments[2].actual_s == pytest.approx(report.segments[2].final_planned_s)
    assert report.segments[3].started_at is not None
    assert report.segments[3].started_at > report.segments[2].started_at + timedelta(seconds=103)
    cut = [s for s in report.segments if s.final_planned_s < s.planned_s]
    assert cut and all(s.index > 1 for s in cut)  # the catch-up shortened what came after
    assert report.segments[-1].final_planned_s == report.segments[-1].planned_s  # not the end
