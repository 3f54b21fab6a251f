"""The moderator window: the running order, the current segment, every control, on the laptop.

It renders the controller's Snapshot and sends commands; it counts nothing itself. Three
rules shape it:

- No modal dialog while a session runs (ARCHITECTURE.md §3). Everything the window has to say is a
  banner (``app.ui.banner``); a confirmation is a second key press. The only modal dialogs
  are the file pickers, and those open only while no session runs.
- The keys of ``app.ui.keys`` work here and in the projector window, and the help overlay
  lists them. Buttons and the running order never take the keyboard focus, so the clicker's
  keys always reach the shortcuts; only the custom message field takes letters while it has
  focus, and Enter or Esc gives them back.
- Session content (titles, names, notes, messages) is shown as written: plain-text labels,
  never translated.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.engine.snapshot import Snapshot
from app.files import FileWriteError
from app.i18n import install_language
from app.model import RunningOrderError, load_running_order
from app.timing_log.errors import SessionBusy
from app.timing_log.format import SUFFIX
from app.ui.banner import BannerArea, Kind
from app.ui.controller import LiveController
from app.ui.formatting import clock, gap_text
from app.ui.help import HelpOverlay
from app.ui.keys import bind_keys, install_shortcuts, session_handlers
from app.ui.menus import ModeratorMenus
from app.ui.projector import ProjectorView, ProjectorWindow
from app.ui.projector_protocol import ProjectorScreen
from app.ui.remote_bridge import Listening, RemoteBridge
from app.ui.sentences import one_line
from app.ui.session_files import replace_session, session_running
from app.ui.settings import Settings, save_settings, threshold_defaults
from app.ui.source_watch import SourceWatch
from app.ui.theme import Theme, theme_named
from app.ui.two_press import TwoPress
from app.ui.widgets.catchup import CatchUpPanel
from app.ui.widgets.controls import WRAP_UP, ControlBar, MessageBar
from app.ui.widgets.current import CurrentPanel
from app.ui.widgets.remote_panel import RemotePanel
from app.ui.widgets.running_order import RunningOrderTree
from app.ui.widgets.schedule import ScheduleLine

if TYPE_CHECKING:
    from app.importers.draft import ImportResult
    from app.ui.cues import CueBell
    from app.ui.editor.window import EditorWindow
    from app.ui.past_sessions import PastSessionsWidget

translate = QCoreApplication.translate

CONFIRM_S = 3.0  # how long a first Ctrl+Q (or close, or Start over) waits for the second one
NOTICE_MS = 8000  # transient notices (why an action was refused) fade after this
THUMBNAIL_W, THUMBNAIL_H = 256, 144

# Keys only this window has (not in the shared key table): they act on the inline catch-up
# panel. Listed by the help overlay under the key table's rows.
OWN_KEYS: tuple[tuple[str, str], ...] = (
    ("C", str(QT_TRANSLATE_NOOP("Moderator", "Catch-up plan: show / ignore"))),
    ("A", str(QT_TRANSLATE_NOOP("Moderator", "Apply the catch-up plan shown"))),
)

Handler = Callable[[], object]


class ModeratorWindow(QMainWindow):
    """The laptop window. ``projector`` is the ProjectorWindow (None in some tests).

    Its parts live beside it: the menu bar in ``menus`` (app.ui.menus), the watched running
    order file in ``source`` (app.ui.source_watch), the two-press confirmations in
    ``quit_press`` and ``start_over_press`` (app.ui.two_press).
    """

    def __init__(
        self,
        controller: LiveController,
        settings: Settings,
        *,
        projector: ProjectorScreen | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.projector: ProjectorScreen | None = None
        self.theme: Theme = theme_named(settings.theme)
        self._snap: Snapshot | None = None
        self._quitting = False
        # Confirmations read the session's clock (a FakeClock in tests), never a timer.
        now = controller.clock.monotonic
        self.quit_press = TwoPress(now, CONFIRM_S)
        self.start_over_press = TwoPress(now, CONFIRM_S)
        # Only puts the Start over button's text back when the second click did not come.
        self._start_over_hint = QTimer(self)
        self._start_over_hint.setSingleShot(True)
        self._start_over_hint.setInterval(round(CONFIRM_S * 1000))
        self._start_over_hint.timeout.connect(self._show_resume_banner)
        self._clock_session: object = None  # clock_of's memo: the session it is for
        self._clock_plan: object = None  # ... and the plan (the next-day mark follows it)
        self._past_window: PastSessionsWidget | None = None  # made when first asked for
        self.editors: list[EditorWindow] = []  # prepare mode's windows (app.ui.editor)
        self._clocks: dict[float, str] = {}
        self._print_job: object = None  # File → Print: the open dialog and its printer

        self._fit_screen()
        self.setMinimumSize(960, 600)
        self.setAcceptDrops(True)  # a running order or a programme dropped: the editor
        self._build()
        self.remote = RemoteBridge(
            controller,
            settings,
            save=self._save_remote_tokens,
            presets=self._presets(),
            parent=self,
        )
        self.remote.started.connect(self._remote_started)
        self.remote.stopped.connect(self._remote_stopped)
        self.remote.stats_changed.connect(self._remote_stats)
        self.remote.trigger_failed.connect(self._remote_trigger_failed)
        self.remote_panel.rotate_clicked.connect(self.remote.rotate)
        self.menus = ModeratorMenus(self)
        self.handlers: dict[str, Handler] = self._key_handlers()
        install_shortcuts(self, self.handlers)
        bind_keys(self, (("C", self.toggle_catch_up), ("A", self.apply_catch_up_key)))
        self.source = SourceWatch(
            controller, self.banners, lambda: self.settings, self._plan_swapped, self
        )

        self._cue_tester: CueBell | None = None  # the test button's, while cues are off
        if cues_wanted(settings.cues, controller.plan.cues):
            self._hear_bell(controller.set_cues(True))

        controller.updated.connect(self.show_snapshot)
        controller.log_status.connect(self.show_log_status)
        controller.session_replaced.connect(self._session_replaced)

        self.apply_theme(self.theme)
        self.retranslate()
        self.tree.set_plan(controller.plan)
        self._show_resume_banner()
        if projector is not None:
            self.attach_projector(projector)
        self.show_snapshot(controller.last)

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget(self)
        central.setObjectName("central")
        # The window's own focus target: keys go to the shortcuts, never to a child widget.
        central.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCentralWidget(central)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(6)

        self.banners = BannerArea(central)
        self.banners.hide()
        layout.addWidget(self.banners)

        self.schedule = ScheduleLine(self.clock_of, central)
        layout.addWidget(self.schedule)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.splitter.setChildrenCollapsible(False)
        self.tree = RunningOrderTree(self.clock_of, self.splitter)
        self.tree.goto_requested.connect(self._goto)
        self.current = CurrentPanel(self.clock_of, self.splitter)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.current)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setSizes([600, 640])
        self.tree.setMinimumWidth(420)
        self.current.setMinimumWidth(460)
        layout.addWidget(self.splitter, 1)

        self.thumbnail = self._make_thumbnail()
        self.current.set_thumbnail(self.thumbnail)
        # With one screen the projector window waits, hidden; this shows it (as F11 does).
        self.projector_button = QPushButton("", self.current)
        self.projector_button.setObjectName("projectorButton")
        self.projector_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.projector_button.clicked.connect(self.toggle_projector_shown)
        self.current.set_thumbnail(self.projector_button)

        self.catchup = CatchUpPanel(central)
        self.catchup.apply_clicked.connect(self.apply_catch_up)
        self.catchup.ignore_clicked.connect(self.ignore_catch_up)
        layout.addWidget(self.catchup)

        self.controls = ControlBar(central)
        layout.addWidget(self.controls)
        self.messages = MessageBar(central)
        self.messages.message_requested.connect(self.send_message)
        self.messages.blink_toggled.connect(self._blink_toggled)
        layout.addWidget(self.messages)
        self.remote_panel = RemotePanel(central)
        self.remote_panel.hide()
        layout.addWidget(self.remote_panel)

        b = self.controls.buttons
        clicks: dict[str, Handler] = {
            "toggle": self.controller.toggle,
            "previous": self.controller.previous,
            "next": self.controller.next,
            "add_minute": lambda: self.controller.adjust(60),
            "remove_minute": lambda: self.controller.adjust(-60),
            "blackout": self.controller.blackout,
            "wrap_up": self.wrap_up,
            "clear_message": self.controller.clear_message,
            "undo": self.controller.undo,
            "catch_up": self.toggle_catch_up,
            "end": self.controller.end,
        }
        for name, handler in clicks.items():
            b[name].clicked.connect(lambda _=False, h=handler: self._from_button(h))

        self.help_overlay = HelpOverlay(self, OWN_KEYS)

    def _fit_screen(self) -> None:
        """1280×800 (a laptop screen), or less when the screen has less room for windows."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        width, height = 1280, 800
        if screen is not None:
            area = screen.availableGeometry()
            width, height = min(width, area.width()), min(height, area.height() - 30)
        self.resize(width, height)

    def _make_thumbnail(self) -> ProjectorView:
        """A small ProjectorView fed the same snapshots: what the room sees, at a glance."""
        view = ProjectorView(self.current, blink_clock=self.controller.clock)
        view.setFixedSize(THUMBNAIL_W, THUMBNAIL_H)
        view.setObjectName("thumbnail")
        return view

    def _key_handlers(self) -> dict[str, Handler]:
        return {
            **session_handlers(self.controller),
            "wrap_up": self.wrap_up,
            "clear_message": self.escape,
            "toggle_fullscreen": self.toggle_projector_fullscreen,
            "help": self.toggle_help,
            "quit": self.request_quit,
        }

    def attach_projector(self, projector: ProjectorScreen) -> None:
        """Give the projector window this window's help and quit (and the wrap-up message in
        the session's language, so W says the same thing whichever window has focus)."""
        self.projector = projector
        projector.set_extra_handlers(self.projector_handlers())
        projector.watch_shown(self._projector_shown)  # a method: disconnected with this window
        self._show_projector_button()

    def projector_handlers(self) -> dict[str, Handler]:
        return {
            "help": self.help_from_projector,
            "quit": self.request_quit,
            "wrap_up": self.wrap_up,
        }

    # -- texts --------------------------------------------------------------------------------

    def clock_of(self, t: float) -> str:
        """Session time -> local clock HH:MM, "00:30 (+1)" past midnight of the planned
        start's day (the engine says which day; the session may be replaced: look it up now).

        Remembered per session and time: the planned starts are asked for again each second.
        """
        session = self.controller.live.session
        timeline = session.engine
        plan = timeline.plan  # a plan change may move the start: the next-day mark with it
        if (
            self._clock_session is not session
            or self._clock_plan is not plan
            or len(self._clocks) > 256
        ):
            self._clock_session = session
            self._clock_plan = plan
            self._clocks.clear()
        text = self._clocks.get(t)
        if text is None:
            text = self._clocks[t] = clock(session.wall_of(t), timeline.day_of(t))
        return text

    def retranslate(self) -> None:
        """Every text of the window in the current language (session content is left as is)."""
        self.setWindowTitle(
            translate("Moderator", "Timekeeper — {title}").format(title=self.controller.plan.title)
        )
        self.menus.retranslate()
        self.tree.retranslate()
        self.current.retranslate()
        self.schedule.retranslate()
        self.controls.retranslate()
        self.messages.retranslate()
        self.catchup.retranslate()
        self.remote_panel.retranslate()
        self.help_overlay.retranslate()
        self._show_projector_button()
        self._show_resume_banner()
        if self._snap is not None:
            self.show_snapshot(self._snap)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.setStyleSheet(theme.stylesheet())
        self.banners.apply_theme(theme)
        self.tree.apply_theme(theme)
        self.current.apply_theme(theme)
        self.schedule.apply_theme(theme)
        self.help_overlay.apply_theme(theme)
        if self._snap is not None:
            self.show_snapshot(self._snap)

    # -- rendering ------------------------------------------------------------------------------

    def show_snapshot(self, snap: Snapshot) -> None:
        """Show one Snapshot everywhere (called by the controller once per visible change)."""
        self._snap = snap
        # The figure first, and on screen at once: a repaint of its label alone. The rest
        # of the window follows in one pass on the next turn of the event loop (after its
        # layout, when a new segment changed the texts' sizes).
        self.current.show_countdown(snap)
        if self.isVisible():
            self.current.countdown_label.repaint()
        self.current.show_snapshot(snap)  # (the figure again: unchanged, nothing to do)
        self.schedule.show_snapshot(snap)
        self.tree.show_snapshot(snap)
        self.controls.show_snapshot(
            snap, self.controller.session.engine.can_undo, snap.needs_catch_up
        )
        if snap.message is not None:
            self.messages.set_blink(snap.blink)
        # The thumbnail shows what the projector shows: its clock has no next-day mark.
        wall_of = self.controller.live.session.wall_of
        end = None if snap.ends_at_t is None else clock(wall_of(snap.ends_at_t))
        self.thumbnail.render(snap, clock(wall_of(snap.t)), end_text=end)
        if self.catchup.isVisible():
            self._refresh_catch_up(snap)
        self.source.session_status(session_running(self.controller))

    @property
    def snapshot(self) -> Snapshot:
        return self._snap if self._snap is not None else self.controller.last

    # -- commands -----------------------------------------------------------------------------

    def _from_button(self, handler: Handler) -> None:
        handler()
        self.focus_home()

    def focus_home(self) -> None:
        """Put the keyboard focus where the shortcuts hear it (not in the message field)."""
        central = self.centralWidget()
        if central is not None:
            central.setFocus(Qt.FocusReason.OtherFocusReason)

    def _goto(self, index: int) -> None:
        self.controller.goto(index)

    def send_message(self, text: str) -> None:
        self.controller.message(text, self.messages.blink)
        self.focus_home()

    def wrap_up(self) -> None:
        """W: « Merci de conclure » or "Please wrap up", in the session's language."""
        language = self.controller.plan.language
        self.controller.message(WRAP_UP.get(language, WRAP_UP["en"]), self.messages.blink)

    def _blink_toggled(self, on: bool) -> None:
        if self.snapshot.message is not None:
            self.controller.blink(on)
        self.focus_home()

    def escape(self) -> None:
        """Esc closes the help first; otherwise it clears the speaker's message."""
        if self.help_overlay.isVisible():
            self.help_overlay.hide()
            return
        self.controller.clear_message()

    def toggle_projector_fullscreen(self) -> None:
        """F11: full screen on or off; while the window is held back (one screen), shows it."""
        if self.projector is not None:
            self.projector.toggle_fullscreen()

    def toggle_projector_shown(self) -> None:
        """The button under the thumbnail: show the projector window, or put it away."""
        if self.projector is None:
            return
        if self.projector.isVisible():
            self.projector.hide_on_request()
        else:
            self.projector.show_on_request()
        self._show_projector_button()

    def _projector_shown(self, _shown: bool) -> None:
        self._show_projector_button()

    def _show_projector_button(self) -> None:
        shown = self.projector is not None and self.projector.isVisible()
        self.projector_button.setVisible(self.projector is not None)
        self.current.set_projector_shown(
            shown or self.projector is None, one_screen=len(QGuiApplication.screens()) < 2
        )
        if shown:
            self.projector_button.setText(translate("Moderator", "Hide projector window"))
            self.projector_button.setToolTip("")
        else:
            self.projector_button.setText(translate("Moderator", "Show projector window (F11)"))
            self.projector_button.setToolTip(
                translate(
                    "Moderator",
                    "The projector window is not shown: there is one screen. It appears full "
                    "screen when a second screen is plugged in; the picture above is what "
                    "it shows.",
                )
            )

    def toggle_help(self) -> None:
        self.help_overlay.toggle()

    def help_from_projector(self) -> None:
        """F1 on the projector: the help belongs on the laptop, never on the room's screen."""
        self.help_overlay.open()
        self.raise_()
        self.activateWindow()

    # -- catch-up -----------------------------------------------------------------------------

    def toggle_catch_up(self) -> None:
        if self.catchup.isVisible():
            self.ignore_catch_up()
        else:
            self.show_catch_up()

    def show_catch_up(self) -> None:
        self._refresh_catch_up(self.snapshot)
        self.catchup.show()

    def _refresh_catch_up(self, snap: Snapshot) -> None:
        plan = self.controller.propose_catch_up()
        self.catchup.show_plan(plan, snap, self.clock_of(plan.target_t), self.clock_of)

    def ignore_catch_up(self) -> None:
        self.catchup.hide()
        self.focus_home()

    def apply_catch_up_key(self) -> None:
        """A applies only a plan the moderator is looking at."""
        if self.catchup.isVisible():
            self.apply_catch_up()

    def apply_catch_up(self) -> None:
        plan = self.catchup.plan
        if plan is None or not plan.durations:
            return
        if self.controller.apply_catch_up(plan):
            self.catchup.hide()
            self.show_notice(
                translate("Moderator", "Catch-up plan applied (Ctrl+Z takes it back)."),
                timeout_ms=NOTICE_MS,
            )
        self.focus_home()

    # -- banners ------------------------------------------------------------------------------

    def show_notice(self, text: str, *, timeout_ms: int | None = None) -> None:
        """A dismissible notice at the top of the window (the app's messages, problems)."""
        self.banners.notice(text, Kind.INFO, timeout_ms)

    def show_log_status(self, problem: str) -> None:
        """The log writer's health: a persistent warning while it fails; the countdown goes on."""
        if not problem:
            self.banners.hide_banner("log")
            return
        self.banners.show_banner(
            "log",
            translate("Moderator", "Timing log problem: {problem}. The countdown goes on.").format(
                problem=problem.rstrip(".")
            ),
            Kind.ERROR,
            dismissible=False,
        )

    def _show_resume_banner(self) -> None:
        gap = self.controller.resumed_gap_s
        if gap is None or self.controller.last.ended:
            self.banners.hide_banner("resume")
            return
        self.banners.show_banner(
            "resume",
            translate(
                "Moderator",
                "Resumed after {gap}: the session went on while Timekeeper was closed, "
                "and that time was counted.",
            ).format(gap=gap_text(gap)),
            Kind.WARNING,
            action=(translate("Moderator", "Start over"), self._start_over_clicked),
        )

    def _start_over_clicked(self) -> None:
        """Starting over forgets the resumed timing: a second click within 3 s confirms."""
        if self.start_over_press.press():
            self._start_over_hint.stop()
            self.banners.hide_banner("resume")
            self.controller.start_over()
            return
        self._start_over_hint.start()
        banner = self.banners.banner("resume")
        if banner is not None:
            banner.action.setText(translate("Moderator", "Click again to start over"))

    def _session_replaced(self) -> None:
        self.tree.set_plan(self.controller.plan)
        self.catchup.hide()
        self.source.watch()
        self._follow_session_cues()
        self.retranslate()

    def _plan_swapped(self) -> None:
        """An edit of the file was taken in during the session: its titles, names, notes."""
        self.tree.set_plan(self.controller.plan)
        self._follow_session_cues()
        self.retranslate()

    def _follow_session_cues(self) -> None:
        """Another running order (or an edit of this one): its ``[session] cues``, when it
        has one, turns the cues on or off; without it, the app's setting decides."""
        on = cues_wanted(self.settings.cues, self.controller.plan.cues)
        if on != (self.controller.bell is not None):
            self._hear_bell(self.controller.set_cues(on))
            if not on:
                self.banners.hide_banner("sound")

    # -- quitting -----------------------------------------------------------------------------

    def request_quit(self) -> None:
        """Ctrl+Q: at once when no session runs; during one, a second Ctrl+Q within 3 s."""
        if not session_running(self.controller) or self.quit_press.press():
            self.quit_now()
            return
        self._arm_quit(translate("Moderator", "Press Ctrl+Q again within 3 s to quit."))

    def quit_now(self) -> None:
        """Close both windows without asking (the session stays resumable in its log)."""
        self._quitting = True
        self.close()

    def _arm_quit(self, first: str) -> None:
        self.banners.show_banner(
            "quit",
            first
            + " "
            + translate(
                "Moderator",
                "The session stays in the timing log and resumes when Timekeeper starts again.",
            ),
            Kind.WARNING,
            dismissible=False,
            timeout_ms=round(CONFIRM_S * 1000),  # the hint goes; the clock decides
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._quitting or not session_running(self.controller) or self.quit_press.press():
            self.quit_press.reset()
            self.remote.stop()
            if self.projector is not None:
                self.projector.close()
            for child in self.findChildren(QWidget):  # replay windows opened from here
                if child.isWindow() and child.isVisible():
                    child.close()
            self.help_overlay.hide()
            event.accept()
            return
        event.ignore()
        self._arm_quit(translate("Moderator", "Close the window again within 3 s to quit."))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.focus_home()

    # -- files --------------------------------------------------------------------------------

    def _refuse_while_running(self, what: str) -> bool:
        """True (and an inline notice) when a session runs: file pickers are modal dialogs."""
        if not session_running(self.controller):
            return False
        self.show_notice(
            translate(
                "Moderator", "{what} is not available while the session runs: end it first."
            ).format(what=what),
            timeout_ms=NOTICE_MS,
        )
        return True

    def print_running_order(self) -> None:
        """File → Print running order: the system's print dialog (window-modal, the session
        ticks on behind it); without Qt's print support, Save as PDF instead."""
        from app.ui.print_order import open_print_dialog  # printing loads when asked for

        job = open_print_dialog(self, self.controller.plan)
        if job is None:
            self.save_running_order_pdf()
            return
        self._print_job = job  # the dialog and its printer live while it is open

    def save_running_order_pdf(self) -> None:
        """File → Save running order as PDF: the page `timekeeper export --format pdf` writes."""
        from app.ui.print_order import save_pdf_dialog

        try:
            save_pdf_dialog(self, self.controller.plan, Path(self.controller.loaded.source).parent)
        except FileWriteError as exc:
            self.show_notice(one_line(str(exc)))

    def open_running_order(self) -> None:
        if self._refuse_while_running(translate("Moderator", "Opening a running order")):
            return
        start_dir = str(Path(self.controller.loaded.source).parent)
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("Moderator", "Open running order"),
            start_dir,
            translate("Moderator", "Running orders (*.toml *.json)"),
        )
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        """Load ``path`` as the new session (only while none runs); problems go to a banner."""
        if self._refuse_while_running(translate("Moderator", "Opening a running order")):
            return False
        try:
            loaded = load_running_order(path, threshold_defaults(self.settings))
        except RunningOrderError as exc:
            self.show_notice(one_line(str(exc)))
            return False
        try:
            replace_session(self.controller, loaded)
        except SessionBusy as exc:  # open in another window: this one keeps its session
            self.show_notice(one_line(str(exc)))
            return False
        self.source.forget()
        self.change_settings(last_session=str(path.resolve()))
        return True

    def open_logs_folder(self) -> None:
        folder = self.controller.logs_dir
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.show_notice(
                translate("Moderator", "The timing logs are in {folder}").format(folder=folder)
            )

    def open_replay(self) -> None:
        if self._refuse_while_running(translate("Moderator", "Opening a timing log")):
            return
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("Moderator", "Open timing log for replay"),
            str(self.controller.logs_dir),
            translate("Moderator", "Timing logs (*{suffix})").format(suffix=SUFFIX),
        )
        if path:
            from app.ui.replay import open_replay

            open_replay(Path(path), self)

    def show_past_sessions(self) -> QWidget:
        """File → Past sessions…: the logs of the data folder, a double click replays one.
        A separate window, not a dialog: the live session and its keys carry on."""
        from app.ui.past_sessions import PastSessionsWidget

        window = self._past_window
        if window is None:
            window = PastSessionsWidget(self.controller.logs_dir)
            window.setWindowFlag(Qt.WindowType.Window, True)
            window.setParent(self, window.windowFlags())
            window.resize(760, 420)
            self._past_window = window
        window.setWindowTitle(translate("Moderator", "Timekeeper — Past sessions"))
        window.refresh()
        window.show()
        window.raise_()
        return window

    def import_programme(self) -> None:
        """File → Import programme…: a programme (text, CSV, schedule XML) opens in the
        editor as a new running order, to be checked and saved."""
        if self._refuse_while_running(translate("Moderator", "Importing a programme")):
            return
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("Moderator", "Import programme"),
            str(Path(self.controller.loaded.source).parent),
            translate(
                "Moderator",
                "Programmes (*.txt *.md *.csv *.xml *.pdf *.docx *.xlsx);;All files (*)",
            ),
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, source: Path) -> bool:
        """Import ``source`` into the editor, unsaved: each guess sits on its row there, and
        nothing is written until the moderator saves. A refusal is told in a banner here."""
        from app.importers import ChoiceNeeded, ImportFailure, import_file

        try:
            result = import_file(source)
        except ChoiceNeeded as exc:
            self.show_notice(
                translate(
                    "Moderator",
                    "{problem}. Choose one with: timekeeper import FILE --day … --room … "
                    "(choices: {choices})",
                ).format(problem=one_line(str(exc)).rstrip("."), choices=", ".join(exc.choices))
            )
            return False
        except ImportFailure as exc:
            self.show_notice(one_line(str(exc)))
            return False
        self.open_editor(imported=(result, source))
        return True

    # -- the remote server (issue #14) -------------------------------------------------------

    def _presets(self) -> tuple[str, ...]:
        from app.ui.widgets.controls import PRESETS_EN, PRESETS_FR

        return PRESETS_FR if self.controller.plan.language == "fr" else PRESETS_EN

    def _save_remote_tokens(self, settings: Settings) -> None:
        self.change_settings(
            remote_view_token=settings.remote_view_token,
            remote_control_token=settings.remote_control_token,
        )

    def toggle_remote(self) -> None:
        """The menu's Remote entry: start or stop the server (a banner if it cannot listen)."""
        if self.remote.running:
            self.remote.stop()
            return
        self.start_remote()

    def toggle_remote_lan(self) -> None:
        """Listen on every address (the room's phones on the Wi-Fi) or on this machine only;
        a running server restarts on the new address (its devices reconnect by themselves)."""
        lan = self.settings.remote_bind == "127.0.0.1"
        self.change_settings(remote_bind="0.0.0.0" if lan else "127.0.0.1")
        self.menus.remote_lan_action.setChecked(lan)
        if self.remote.running:
            self.remote.stop()
            self.start_remote()

    def start_remote(self, **where: object) -> Listening | None:
        self.remote.settings = self.settings
        try:
            listening = self.remote.start(**where)  # type: ignore[arg-type]
        except OSError as exc:
            self.menus.remote_action.setChecked(False)
            self.banners.show_banner(
                "remote",
                translate("Moderator", "The remote server could not start: {reason}.").format(
                    reason=one_line(exc.strerror or str(exc)).rstrip(".")
                ),
                Kind.WARNING,
            )
            return None
        self.banners.hide_banner("remote")
        return listening

    def _remote_started(self, listening: Listening) -> None:
        self.menus.remote_action.setChecked(True)
        self.remote_panel.set_links(listening.viewer, listening.control)
        self.remote_panel.set_clients(0)
        self.remote_panel.show()

    def _remote_stopped(self) -> None:
        self.menus.remote_action.setChecked(False)
        self.remote_panel.hide()
        self.banners.hide_banner("remote-refused")

    def _remote_stats(self, stats: object) -> None:
        from app.remote.server import Stats

        assert isinstance(stats, Stats)
        self.remote_panel.set_clients(stats.clients)
        if stats.refusing:
            self.banners.show_banner(
                "remote-refused",
                translate(
                    "Moderator", "Remote commands are being refused ({why}): {n} so far."
                ).format(why=_refusal_words(stats.last_refusal), n=stats.refused),
                Kind.WARNING,
            )
        else:
            self.banners.hide_banner("remote-refused")

    def _remote_trigger_failed(self, sentence: str) -> None:
        self.banners.show_banner(
            "remote-trigger",
            translate("Moderator", "Outgoing trigger: {problem}.").format(
                problem=one_line(sentence).rstrip(".")
            ),
            Kind.WARNING,
            timeout_ms=NOTICE_MS,
        )

    # -- prepare mode: the running-order editor ----------------------------------------------

    def open_editor(
        self,
        path: Path | None = None,
        *,
        imported: tuple[ImportResult, Path] | None = None,
    ) -> EditorWindow:
        """A running-order editor window (app.ui.editor): on ``path``, on an import (unsaved),
        or on a new running order. It knows the live session, so that an edit of the session's
        own file is taken in at once when it keeps every segment."""
        from app.ui.editor.window import EditorWindow

        editor = EditorWindow(
            controller=self.controller, defaults=threshold_defaults(self.settings), parent=self
        )
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        editor.destroyed.connect(lambda *_: self._forget_editor(editor))
        editor.saved.connect(self._editor_saved)
        if imported is not None:
            editor.show_import(*imported)
        elif path is not None:
            editor.open_path(path)
        self.editors.append(editor)
        editor.show()
        editor.raise_()
        editor.activateWindow()
        return editor

    def _forget_editor(self, editor: EditorWindow) -> None:
        with contextlib.suppress(ValueError):
            self.editors.remove(editor)

    def edit_running_order(self) -> EditorWindow:
        """File → Edit running order: the session's own file in the editor."""
        return self.open_editor(Path(self.controller.loaded.source))

    def new_running_order(self) -> EditorWindow:
        return self.open_editor()

    def _editor_saved(self, path: Path) -> None:
        """A running order saved in the editor that is not the session's: offer to open it
        (the session's own file is taken in by the file watcher, as any edit on disk)."""
        if Path(self.controller.loaded.source).resolve() == path.resolve():
            return
        self.banners.show_banner(
            "editor-saved",
            translate("Moderator", "Saved {name}.").format(name=path.name),
            Kind.INFO,
            action=(
                translate("Moderator", "Open it as the session"),
                lambda: self._open_saved(path),
            ),
        )

    def _open_saved(self, path: Path) -> None:
        if self.open_path(path):
            self.banners.hide_banner("editor-saved")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        """A file dropped on the window opens in the editor: a running order as it is, a
        programme through the importers (unsaved until the moderator saves it)."""
        for url in event.mimeData().urls():
            if url.isLocalFile():
                event.acceptProposedAction()
                self.open_dropped(Path(url.toLocalFile()))
                return

    def open_dropped(self, path: Path) -> bool:
        if path.suffix.lower() in (".toml", ".json"):
            self.open_editor(path)
            return True
        return self.import_path(path)

    # -- settings -----------------------------------------------------------------------------

    def change_settings(self, **changes: object) -> None:
        """Change and save the settings; the projector window reads the same ones."""
        self.settings = self.settings.model_copy(update=changes)
        problem = save_settings(self.settings)
        if problem:
            self.show_notice(problem)
        if self.projector is not None:
            self.projector.settings = self.settings

    def set_language(self, language: str) -> None:
        """Switch the interface language live; session content keeps its own language."""
        app = QCoreApplication.instance()
        if app is not None and not install_language(app, language):
            self.show_notice(
                translate(
                    "Moderator",
                    "The French translation is missing (run make translations); "
                    "the interface stays in English.",
                )
            )
        self.change_settings(language=language)
        self.retranslate()

    def set_thresholds(self, **changes: int | None) -> None:
        """Default phase thresholds for running orders that set none. Taken in at once: the
        plan is resolved again and, keeping every segment, goes in the log as an edit."""
        self.change_settings(**changes)
        source = Path(self.controller.loaded.source)
        try:
            loaded = load_running_order(source, threshold_defaults(self.settings))
        except RunningOrderError as exc:
            self.show_notice(one_line(str(exc)))
            return
        self.controller.replace_plan(loaded)

    def set_cues(self, on: bool) -> None:
        """Settings → Sound cues: on or off at once, for this session and the next ones."""
        self.change_settings(cues=on)
        self._hear_bell(self.controller.set_cues(on))
        if not on:
            self.banners.hide_banner("sound")

    def test_cues(self) -> None:
        """Settings → Test sound cues: the three cues now, cues on or off."""
        bell = self.controller.bell
        if bell is None:
            if self._cue_tester is None:
                from app.ui.cues import CueBell

                self._cue_tester = CueBell(self)
                self._hear_bell(self._cue_tester)
            bell = self._cue_tester
        bell.test()

    def _hear_bell(self, bell: CueBell | None) -> None:
        """Show the bell's problems; its player starts now (no player program: said at once)."""
        if bell is not None:
            bell.problem.connect(self.show_sound_problem)
            bell.start()

    def show_sound_problem(self, problem: str) -> None:
        """A player that cannot play: a banner (never an error); the countdown goes on."""
        self.banners.show_banner(
            "sound",
            translate(
                "Moderator", "Sound cues cannot play: {problem}. The countdown goes on."
            ).format(problem=problem.rstrip(".")),
            Kind.WARNING,
        )

    def set_theme(self, name: str) -> None:
        self.apply_theme(theme_named(name))
        self.change_settings(theme=name)
        self.menus.show_theme(self.theme.name)


def cues_wanted(setting: bool, session: bool | None) -> bool:
    """Sound cues on or off: the running order's ``[session] cues`` when it says, else the
    app's setting (Settings → Sound cues)."""
    return setting if session is None else session


def _refusal_words(why: str | None) -> str:
    """The server's reason for refusing (app.remote.server), in the interface's language."""
    words = {
        "OSC from an address not allowed": translate(
            "Moderator", "OSC from an address not allowed"
        ),
        "foreign origin": translate("Moderator", "a web page of another site"),
        "no token": translate("Moderator", "no token"),
        "rate limit": translate("Moderator", "too many, too fast"),
        "too many commands at once": translate("Moderator", "too many commands at once"),
        "too many connections": translate("Moderator", "too many connections"),
        "too many devices": translate("Moderator", "too many devices"),
        "view token": translate("Moderator", "a view link tried to control"),
        "wrong token": translate("Moderator", "wrong token"),
    }
    return words.get(why or "", why or "")


def open_windows(
    controller: LiveController, settings: Settings
) -> tuple[ModeratorWindow, ProjectorWindow]:
    """Both windows, wired to each other (used by the application and by tests)."""
    window = ModeratorWindow(controller, settings)
    projector = ProjectorWindow(controller, settings, extra_handlers=window.projector_handlers())
    window.attach_projector(projector)
    return window, projector
