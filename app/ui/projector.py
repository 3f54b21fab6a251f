"""The speaker's screen: a big countdown on the projector, and the same picture in miniature.

``ProjectorView`` paints one Snapshot and nothing else: no engine, no child widgets, and no
clock but the one a blinking message's phase is read on (the session's, injected).
That makes it reusable as the projector window's content, as the live thumbnail in the
moderator window and as the picture of a replay, and it makes every state testable by handing
it a snapshot folded from events with a fake clock.

Everything is painted with QPainter from a *scene*: a list of text and fill items laid out
from the widget's size and the snapshot. The scene is what the paint code draws and what the
tests inspect (``texts()``, ``countdown_rect()``, ``digit_height()``), so the measurements the
tests make are the ones the picture is made of.

Session data (titles, names, messages) is drawn with ``QPainter.drawText``, which takes plain
text: a speaker named ``<b>Bob</b>`` shows those characters, never bold type.

``ProjectorWindow`` is the top-level window around the view: it follows the controller, puts
itself full screen on a screen other than the moderator's, follows screens being plugged and
unplugged, and answers the keys of the key table so a clicker works whichever window has focus.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QHideEvent,
    QPainter,
    QPaintEvent,
    QRegion,
    QResizeEvent,
    QScreen,
    QShowEvent,
)
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from app.engine import Status
from app.engine.clock import Clock, SystemClock
from app.engine.display import Phase, spoken_left
from app.engine.snapshot import Snapshot
from app.model.plan import PlannedSegment, PlannedSpeaker
from app.model.schema import TimerType
from app.ui.controller import LiveController
from app.ui.formatting import clock
from app.ui.glyph_cache import GLYPHS
from app.ui.keys import KEY_ACTIONS, install_shortcuts, session_handlers
from app.ui.settings import Settings

# -- look ---------------------------------------------------------------------------------

BLACK = QColor(0, 0, 0)
WHITE = QColor(245, 245, 245)
SOFT = QColor(205, 205, 205)  # roles, titles: readable but quieter than the name
DIM = QColor(150, 150, 150)
ACCENT = QColor(110, 198, 255)  # "Up next": not a phase colour
TRACK = QColor(58, 58, 58)
BAND = QColor(21, 84, 178)  # the message band: unlike any phase colour

PHASE_COLOURS: dict[Phase, QColor] = {
    Phase.NORMAL: QColor(245, 245, 245),
    Phase.WARNING: QColor(255, 196, 0),
    Phase.FINAL: QColor(255, 122, 26),
    Phase.OVERTIME: QColor(255, 48, 48),
}

BLINK_INTERVAL_MS = 500  # shown half a second, hidden half a second: ~1 Hz
WINDOWED_SIZE = QSize(960, 540)
MIN_PX = 6  # below this a thumbnail elides rather than shrinks further

SANS_FAMILIES = ("DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial")
DIGIT_FAMILIES = ("DejaVu Sans Condensed", "DejaVu Sans", "Noto Sans", "Liberation Sans")


@lru_cache(maxsize=4)
def _family(preferred: tuple[str, ...]) -> str:
    """The first installed family of ``preferred``; "" lets Qt pick a sans serif."""
    installed = set(QFontDatabase.families())
    return next((name for name in preferred if name in installed), "")


def make_font(px: float, *, bold: bool = False, digits: bool = False) -> QFont:
    """A font sized in pixels, so layout follows the widget and not the screen's DPI.

    DejaVu has every French accent and the ⚠ sign; when it is missing Qt's fallback sans
    serif is used. Hinting is off so that sizes scale smoothly and measure the same way in
    tests and on screen.
    """
    family = _family(DIGIT_FAMILIES if digits else SANS_FAMILIES)
    font = QFont(family) if family else QFont()
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setPixelSize(max(1, int(px)))
    font.setBold(bold)
    return font


# -- the scene ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TextItem:
    """One line of text: drawn in ``rect`` with ``font``; ``text`` is plain text."""

    role: str
    text: str
    rect: QRectF
    font: QFont
    color: QColor
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter

    def width(self) -> float:
        return QFontMetricsF(self.font).horizontalAdvance(self.text)

    def paint(self, painter: QPainter) -> None:
        painter.setFont(self.font)
        painter.setPen(self.color)
        painter.drawText(self.rect, int(self.align | Qt.AlignmentFlag.AlignVCenter), self.text)

    def bounds(self) -> QRect:
        """Every pixel the paint may touch: the box, and room for overhanging glyphs."""
        pad = 2.0 + 0.25 * self.font.pixelSize()
        return self.rect.adjusted(-pad, -pad, pad, pad).toAlignedRect()


@dataclass(frozen=True)
class FillItem:
    role: str
    rect: QRectF
    color: QColor
    radius: float = 0.0

    def paint(self, painter: QPainter) -> None:
        if self.radius:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.color)
            painter.drawRoundedRect(self.rect, self.radius, self.radius)
        else:
            painter.fillRect(self.rect, self.color)

    def bounds(self) -> QRect:
        return self.rect.adjusted(-2.0, -2.0, 2.0, 2.0).toAlignedRect()


@dataclass(frozen=True)
class CountdownItem:
    """The figure, one character per fixed cell so that nothing moves as digits change.

    Every digit gets the width of the widest digit; the cells depend only on the figure's
    shape (``10:00`` and ``09:59`` have the same cells), never on which digits are shown.
    """

    role: str
    text: str
    font: QFont
    color: QColor
    cells: tuple[tuple[str, float, float], ...]  # (character, cell x, cell width)
    baseline: float
    ink: QRectF  # the digits' ink box: what the eye measures

    def width(self) -> float:
        return sum(w for _, _, w in self.cells)

    def paint(self, painter: QPainter, region: QRegion | None = None) -> None:
        """Draw the figure; with ``region``, only the characters whose ink falls in it."""
        painter.setFont(self.font)
        painter.setPen(self.color)
        fm = QFontMetricsF(self.font)
        glyphs = self.glyph_bounds() if region is not None else None
        for i, (char, x, w) in enumerate(self.cells):
            if glyphs is not None and region is not None and not region.intersects(glyphs[i]):
                continue
            GLYPHS.draw(
                painter, QPointF(x + (w - fm.horizontalAdvance(char)) / 2, self.baseline), char
            )

    def glyph_bounds(self) -> list[QRect]:
        """Each character's ink as drawn, with room for antialiasing: a character that
        is the same in the same cell paints the same pixels (measured once per item: the
        paint, the scene's bounds and the comparison with the next scene all ask)."""
        found: list[QRect] | None = self.__dict__.get("_glyph_boxes")
        if found is None:
            found = self._measure_glyphs()
            self.__dict__["_glyph_boxes"] = found  # frozen: not a field, never compared
        return found

    def _measure_glyphs(self) -> list[QRect]:
        pad = 2.0 + 0.02 * self.font.pixelSize()
        key = self.font.key()
        boxes = []
        for char, x, w in self.cells:
            advance, ink = _glyph(self.font, key, char)
            ink = ink.translated(x + (w - advance) / 2, self.baseline)
            boxes.append(ink.adjusted(-pad, -pad, pad, pad).toAlignedRect())
        return boxes

    def bounds(self) -> QRect:
        fm = QFontMetricsF(self.font)
        pad = 2.0 + 0.1 * self.font.pixelSize()
        left = self.cells[0][1] if self.cells else self.ink.left()
        top = self.baseline - fm.ascent()
        box = QRectF(left, top, self.width(), fm.ascent() + fm.descent())
        for glyph in self.glyph_bounds():
            box = box.united(QRectF(glyph))
        return box.united(self.ink).adjusted(-pad, -pad, pad, pad).toAlignedRect()

    def same_cells(self, other: CountdownItem) -> bool:
        """The same figure's shape, place, size and colour: only characters may differ."""
        return (
            self.role == other.role
            and self.font == other.font
            and self.color == other.color
            and self.baseline == other.baseline
            and [c[1:] for c in self.cells] == [c[1:] for c in other.cells]
        )


Item = TextItem | FillItem | CountdownItem

_GLYPHS: dict[tuple[str, str], tuple[float, QRectF]] = {}


def _glyph(font: QFont, key: str, char: str) -> tuple[float, QRectF]:
    """A character's advance and ink box at the baseline's origin (``key``: the font's)."""
    found = _GLYPHS.get((key, char))
    if found is None:
        fm = QFontMetricsF(font)
        if len(_GLYPHS) > 512:
            _GLYPHS.clear()
        found = _GLYPHS[key, char] = (fm.horizontalAdvance(char), fm.tightBoundingRect(char))
    return found


@dataclass
class Scene:
    items: list[Item] = field(default_factory=list)
    _bounds: list[QRect] | None = field(default=None, compare=False, repr=False)

    def add(self, *items: Item) -> None:
        self.items.extend(items)

    def texts(self) -> list[TextItem | CountdownItem]:
        return [i for i in self.items if isinstance(i, TextItem | CountdownItem)]

    def bounds(self) -> list[QRect]:
        """Each item's paint bounds, in drawing order (measured once per scene)."""
        if self._bounds is None:
            self._bounds = [item.bounds() for item in self.items]
        return self._bounds

    def changed(self, other: Scene) -> QRegion:
        """Where the picture of ``other`` differs from this one's: the bounds of every item
        one has and the other has not (the same item at the same place paints the same)."""
        region = QRegion()
        mine, theirs = _figure(self), _figure(other)
        figures = mine is not None and theirs is not None and mine.same_cells(theirs)
        if figures and mine is not None and theirs is not None:
            # The same figure a second later: only the characters that turned (usually the
            # last digit) are painted again, not the whole huge figure.
            old, new = mine.glyph_bounds(), theirs.glyph_bounds()
            for i, (a, b) in enumerate(zip(mine.cells, theirs.cells, strict=True)):
                if a[0] != b[0]:
                    region += old[i]
                    region += new[i]
        for scene, rival in ((self, other), (other, self)):
            kept = rival.items
            for item, box in zip(scene.items, scene.bounds(), strict=True):
                if figures and isinstance(item, CountdownItem):
                    continue
                if item not in kept:
                    region += box
        return region


def _figure(scene: Scene) -> CountdownItem | None:
    """The scene's figure, when it has exactly one."""
    found = [i for i in scene.items if isinstance(i, CountdownItem)]
    return found[0] if len(found) == 1 else None


# -- fitting text -------------------------------------------------------------------------


_BREAKS = re.compile(r"[ \t]+")  # not str.split(): "Merci\u00a0!" must never break


def _wrap(text: str, fm: QFontMetricsF, width: float) -> list[str]:
    """Greedy word wrap; a word wider than the line stays whole (the size search shrinks).

    Lines break at ordinary spaces only: a no-break space (French "Merci !") holds.
    """
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        current = ""
        for word in _BREAKS.split(paragraph.strip(" \t")):
            if not word:
                continue
            candidate = f"{current} {word}" if current else word
            if not current or fm.horizontalAdvance(candidate) <= width:
                current = candidate
            else:
                lines.append(current)
                current = word
        lines.append(current)
    return lines


@dataclass(frozen=True)
class Fitted:
    font: QFont
    lines: tuple[str, ...]
    line_height: float


@lru_cache(maxsize=512)
def fit_text(
    text: str, width: float, height: float, max_px: float, max_lines: int, bold: bool
) -> Fitted:
    """The largest font (≤ ``max_px``) at which ``text`` fits the box in ≤ ``max_lines`` lines.

    Long names and titles shrink until they fit, wrapping between words; only when even
    ``MIN_PX`` is too big (a tiny thumbnail) is the last line elided. Text is never cut
    by the edge of the screen.
    """

    def attempt(px: int) -> tuple[bool, Fitted]:
        font = make_font(px, bold=bold)
        fm = QFontMetricsF(font)
        lines = _wrap(text, fm, width)
        ok = (
            len(lines) <= max_lines
            and all(fm.horizontalAdvance(line) <= width for line in lines)
            and len(lines) * fm.lineSpacing() <= height + 0.5
        )
        return ok, Fitted(font, tuple(lines), fm.lineSpacing())

    lo, hi = MIN_PX, max(MIN_PX, int(max_px))
    best: Fitted | None = None
    while lo <= hi:
        mid = (lo + hi) // 2
        ok, fitted = attempt(mid)
        if ok:
            best, lo = fitted, mid + 1
        else:
            hi = mid - 1
    if best is not None:
        return best
    # Last resort (a thumbnail far too small): keep what fits and elide the rest.
    _, fitted = attempt(MIN_PX)
    fm = QFontMetricsF(fitted.font)
    keep = max(1, min(max_lines, int((height + 0.5) // fitted.line_height) or 1))
    lines = list(fitted.lines[:keep])
    rest = " ".join(fitted.lines[keep - 1 :])
    lines[-1] = fm.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    lines = [fm.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]
    return Fitted(fitted.font, tuple(lines), fitted.line_height)


def text_block(
    scene: Scene,
    role: str,
    text: str,
    box: QRectF,
    *,
    max_px: float,
    max_lines: int = 1,
    bold: bool = False,
    color: QColor = WHITE,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter,
    valign: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignVCenter,
) -> float:
    """Add ``text`` fitted into ``box``; returns the block's height.

    ``valign`` places the block in the box: a name sits on the bottom of its box and its
    role hangs from the top of the next, so the two read as one even when the boxes are tall.
    """
    if not text.strip() or box.width() < 1 or box.height() < 1:
        return 0.0
    fitted = fit_text(text, box.width(), box.height(), max_px, max_lines, bold)
    total = fitted.line_height * len(fitted.lines)
    if valign == Qt.AlignmentFlag.AlignTop:
        y = box.top()
    elif valign == Qt.AlignmentFlag.AlignBottom:
        y = box.bottom() - total
    else:
        y = box.top() + (box.height() - total) / 2
    for line in fitted.lines:
        rect = QRectF(box.left(), y, box.width(), fitted.line_height)
        scene.add(TextItem(role, line, rect, fitted.font, color, align))
        y += fitted.line_height
    return total


@lru_cache(maxsize=1)
def _digit_ratios() -> tuple[float, float]:
    """Per pixel of font size: the digits' ink height and the widest digit's advance."""
    font = make_font(1000, bold=True, digits=True)
    fm = QFontMetricsF(font)
    ink = fm.tightBoundingRect("0123456789")
    widest = max(fm.horizontalAdvance(d) for d in "0123456789")
    return ink.height() / 1000, widest / 1000


@lru_cache(maxsize=32)
def _figure_metrics(px: int) -> tuple[QFont, QFontMetricsF, float, QRectF]:
    """The figure's font at ``px``, its metrics, the widest digit's advance and the digits'
    ink box (measured once per size: the figure is laid out again every second)."""
    font = make_font(px, bold=True, digits=True)
    fm = QFontMetricsF(font)
    digit_w = max(fm.horizontalAdvance(d) for d in "0123456789")
    return font, fm, digit_w, fm.tightBoundingRect("0123456789")


def countdown_item(
    role: str, text: str, box: QRectF, color: QColor, *, ink_share: float = 0.9
) -> CountdownItem:
    """The figure as large as ``box`` allows: digit ink ``ink_share`` of its height, or less
    when the width is what limits (overtime's ``+``, hours)."""
    ink_ratio, digit_ratio = _digit_ratios()
    ref_fm = _figure_metrics(1000)[1]

    def cell_ratio(char: str) -> float:
        return digit_ratio if char.isdigit() else ref_fm.horizontalAdvance(char) / 1000

    width_ratio = sum(cell_ratio(c) for c in text) or 1.0
    px = min(box.height() * ink_share / ink_ratio, box.width() / width_ratio)
    px = max(1.0, math.floor(px))
    font, fm, digit_w, ink_rect = _figure_metrics(int(px))
    widths = [digit_w if c.isdigit() else fm.horizontalAdvance(c) for c in text]
    total = sum(widths)
    x = box.left() + (box.width() - total) / 2
    ink_h = ink_rect.height()
    ink_top = box.top() + (box.height() - ink_h) / 2
    baseline = ink_top - ink_rect.top()
    cells = []
    for char, w in zip(text, widths, strict=True):
        cells.append((char, x, w))
        x += w
    ink = QRectF(box.left() + (box.width() - total) / 2, ink_top, total, ink_h)
    return CountdownItem(role, text, font, color, tuple(cells), baseline, ink)


# -- what the screen says -----------------------------------------------------------------


def phase_label(snapshot: Snapshot) -> str:
    """The phase in words (never colour alone): what the speaker should do and how long is
    left, in the figure's own seconds ("Wrap up · 1 min 40" while it reads 01:40), and
    "Paused" when the clock is held. The one definition of these words."""
    words: list[str] = []
    if snapshot.paused:
        words.append(QCoreApplication.translate("projector", "‖ Paused"))
    phase = snapshot.phase
    if phase is Phase.WARNING:
        text = QCoreApplication.translate("projector", "Wrap up · {time}")
        words.append(text.replace("{time}", spoken_left(snapshot.remaining_s)))
    elif phase is Phase.FINAL:
        text = QCoreApplication.translate("projector", "Finish now · {time}")
        words.append(text.replace("{time}", spoken_left(snapshot.remaining_s)))
    elif phase is Phase.OVERTIME:
        words.append(QCoreApplication.translate("projector", "Time is up"))
    return " · ".join(words)


def timer_words(snapshot: Snapshot, end_text: str | None) -> str:
    """What the figure is, when it is not a plain countdown: a count-up says it shows the
    time elapsed, an ``ends_at`` segment its end clock time, a clock segment the time."""
    translate = QCoreApplication.translate
    if snapshot.timer is TimerType.COUNTUP:
        return translate("projector", "↑ Time elapsed")
    if snapshot.timer is TimerType.CLOCK:
        if end_text is not None:
            return translate("projector", "Time of day · until {time}").replace("{time}", end_text)
        return translate("projector", "Time of day")
    if snapshot.ends_at_t is not None and end_text is not None:
        return translate("projector", "Until {time}").replace("{time}", end_text)
    return ""


def speaker_details(speaker: PlannedSpeaker) -> str:
    return ", ".join(x for x in (speaker.role, speaker.organisation) if x)


# -- the view -----------------------------------------------------------------------------


class ProjectorView(QWidget):
    """Paints one Snapshot; knows nothing of clocks, engines or windows.

    The only state of its own is the blink of a blinking message, shown half a second and
    hidden half a second (~1 Hz) from the moment it began blinking. Its phase is read off
    ``blink_clock`` (the session's clock: a FakeClock in tests), at each render and at each
    flip; a single-shot timer wakes the view at the next flip only, as the tick driver wakes
    for the next change, and repaints just the message band. It never touches the engine,
    and it stops as soon as the message stops blinking.
    """

    def __init__(self, parent: QWidget | None = None, *, blink_clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(16, 9)
        self._snapshot: Snapshot | None = None
        self._wall_text: str | None = None
        self._end_text: str | None = None
        self._blink_clock: Clock = blink_clock or SystemClock()
        self._blink_since: float | None = None  # blink_clock's reading when the blink began
        self._blink_visible = True
        self._blink = QTimer(self)
        self._blink.setSingleShot(True)
        self._blink.setTimerType(Qt.TimerType.PreciseTimer)
        self._blink.timeout.connect(self._blink_due)
        self._scene: Scene | None = None
        # The live screen's header items, with what they were laid out for (segment, size).
        self._header: tuple[tuple[object, float, float], tuple[Item, ...]] | None = None

    # -- input ----------------------------------------------------------------------------

    def render(  # type: ignore[override]
        self,
        snapshot: Snapshot,
        wall_text: str | None = None,
        *,
        at_once: bool = False,
        end_text: str | None = None,
    ) -> None:
        """Show ``snapshot``. ``wall_text`` is the clock time for the end screen ("17:26")
        and a clock-type segment; without it they read the system clock (the only clock the
        view ever reads). ``end_text`` is an ``ends_at`` segment's end clock time ("13:00").
        ``at_once`` paints now rather than on the next turn of the event loop (what the room
        sees must not wait behind the moderator's window).
        """
        self._snapshot = snapshot
        self._wall_text = wall_text
        self._end_text = end_text
        blinking = bool(snapshot.message) and snapshot.blink and not snapshot.blackout
        if blinking:
            if self._blink_since is None:
                self._blink_since = self._blink_clock.monotonic()
            self._follow_blink()
        elif self._blink_since is not None:
            self._blink_since = None
            self._blink.stop()
            self._blink_visible = True
        shown, self._scene = self._scene, None
        visible = self.isVisible()
        if shown is None or not visible:
            changed = QRegion(self.rect())
        else:
            # Only what changed is painted again (each second: the figure and the progress
            # bar); the backing store keeps the rest of the picture, from the previous scene.
            changed = shown.changed(self.scene())
        if changed.isEmpty():
            return
        if at_once and visible:
            self.repaint(changed)  # also paints what an earlier update() left pending
        else:
            self.update(changed)

    @property
    def snapshot(self) -> Snapshot | None:
        return self._snapshot

    @property
    def blinking(self) -> bool:
        """Whether a blinking message is shown (the blink timer is armed only then)."""
        return self._blink_since is not None

    @property
    def blink_visible(self) -> bool:
        return self._blink_visible

    @property
    def blink_timer(self) -> QTimer:
        """The single-shot timer aimed at the next flip (a test fires it by hand)."""
        return self._blink

    def relayout(self) -> None:
        """Lay out again on the next paint (the language changed, say)."""
        self._scene = None
        self._header = None
        self.update()

    def _follow_blink(self) -> None:
        """Take the blink phase from the clock and aim the timer at the next flip."""
        assert self._blink_since is not None
        half = BLINK_INTERVAL_MS / 1000
        elapsed = max(0.0, self._blink_clock.monotonic() - self._blink_since)
        halves = math.floor(elapsed / half)
        self._blink_visible = halves % 2 == 0
        # Never early: rounded up to the millisecond; a wake-up that the clock still reads
        # as before the flip (a hair early) only re-arms for what is left.
        left_ms = round(((halves + 1) * half - elapsed) * 1000, 6)  # 299.99999999999994 is 300
        self._blink.start(max(1, math.ceil(left_ms)))

    def _blink_due(self) -> None:
        if self._blink_since is None:
            return
        was = self._blink_visible
        self._follow_blink()
        if self._blink_visible == was:
            return
        shown, self._scene = self._scene, None
        if shown is None or not self.isVisible():
            self.update()
            return
        changed = shown.changed(self.scene())  # the message band, nothing else moves
        if not changed.isEmpty():
            self.update(changed)

    # -- what is drawn --------------------------------------------------------------------

    def scene(self) -> Scene:
        """The items the next paint draws, laid out for the current size (cached)."""
        if self._scene is None:
            self._scene = self._build_scene()
        return self._scene

    def texts(self) -> list[str]:
        """Every string the paint draws, in drawing order (for tests and accessibility)."""
        return [item.text for item in self.scene().texts()]

    def text_items(self, role: str | None = None) -> list[TextItem | CountdownItem]:
        return [i for i in self.scene().texts() if role is None or i.role == role]

    def countdown(self) -> CountdownItem | None:
        return next((i for i in self.scene().items if isinstance(i, CountdownItem)), None)

    def countdown_rect(self) -> QRectF:
        """The ink box of the countdown's digits (empty when there is no countdown)."""
        item = self.countdown()
        return QRectF(item.ink) if item else QRectF()

    def digit_height(self) -> float:
        return self.countdown_rect().height()

    # -- painting -------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        self._scene = None
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        region = event.region()
        painter.fillRect(region.boundingRect(), BLACK)  # clipped to the region by Qt
        scene = self.scene()
        for item, box in zip(scene.items, scene.bounds(), strict=True):
            if not region.intersects(box):
                continue
            if isinstance(item, CountdownItem):
                item.paint(painter, region)
            else:
                item.paint(painter)
        painter.end()

    # -- layout ---------------------------------------------------------------------------

    def _build_scene(self) -> Scene:
        scene = Scene()
        snap = self._snapshot
        if snap is None or snap.blackout:
            return scene  # blackout: the whole widget black, nothing else
        w, h = float(self.width()), float(self.height())
        mx, my = 0.03 * w, 0.03 * h
        stage = QRectF(mx, my, w - 2 * mx, h - 2 * my)
        band = QRectF(stage.left(), my, stage.width(), 0.24 * h)
        has_message = bool(snap.message and snap.message.strip())
        if has_message:
            self._message(scene, snap, band)
        if snap.ended:
            self._end_screen(scene, snap, stage, band if has_message else None)
        elif snap.status is Status.READY or snap.between_segments:
            self._up_next(scene, snap, stage, band if has_message else None)
        else:
            self._live(scene, snap, stage, band, has_message)
        return scene

    def _message(self, scene: Scene, snap: Snapshot, band: QRectF) -> None:
        if not self._blink_visible:
            return  # the band's place stays empty, so nothing else moves while it blinks
        assert snap.message is not None
        scene.add(FillItem("message_band", band, BAND, radius=band.height() * 0.08))
        inner = band.adjusted(
            band.height() * 0.12, band.height() * 0.06, -band.height() * 0.12, -band.height() * 0.06
        )
        text_block(
            scene,
            "message",
            snap.message,
            inner,
            max_px=inner.height() * 0.72,
            max_lines=3,
            bold=True,
            color=WHITE,
        )

    def _below(self, stage: QRectF, band: QRectF | None) -> QRectF:
        if band is None:
            return QRectF(stage)
        top = band.bottom() + 0.02 * self.height()
        return QRectF(stage.left(), top, stage.width(), stage.bottom() - top)

    def _speakers(
        self,
        scene: Scene,
        segment: PlannedSegment,
        box: QRectF,
        name_share: float,
        name_px: float = 0.085,
    ) -> None:
        """Names (bold) over their role and organisation, one column per speaker (≤ 3)."""
        speakers = segment.speakers
        h = self.height()
        if not speakers:
            text_block(
                scene,
                "title",
                segment.title,
                box,
                max_px=0.09 * h,
                max_lines=2,
                bold=True,
                color=WHITE,
            )
            return
        if len(speakers) > 3:
            names = " · ".join(s.name for s in speakers)
            text_block(scene, "name", names, box, max_px=0.08 * h, max_lines=2, bold=True)
            return
        gap = 0.03 * self.width() if len(speakers) > 1 else 0.0
        col_w = (box.width() - gap * (len(speakers) - 1)) / len(speakers)
        name_h = box.height() * name_share
        # One size for every name and one for every role, so no speaker looks more important.
        name_fit = min(
            fit_text(s.name, col_w, name_h, name_px * h, 1, True).font.pixelSize() for s in speakers
        )
        details = [speaker_details(s) for s in speakers]
        detail_h = box.height() - name_h
        detail_fit = min(
            (
                fit_text(d, col_w, detail_h, 0.045 * h, 2, False).font.pixelSize()
                for d in details
                if d
            ),
            default=0,
        )
        for i, (speaker, detail) in enumerate(zip(speakers, details, strict=True)):
            x = box.left() + i * (col_w + gap)
            text_block(
                scene,
                "name",
                speaker.name,
                QRectF(x, box.top(), col_w, name_h),
                max_px=name_fit,
                bold=True,
                valign=Qt.AlignmentFlag.AlignBottom,
            )
            text_block(
                scene,
                "details",
                detail,
                QRectF(x, box.top() + name_h, col_w, detail_h),
                max_px=detail_fit,
                max_lines=2,
                color=SOFT,
                valign=Qt.AlignmentFlag.AlignTop,
            )

    def _live(
        self, scene: Scene, snap: Snapshot, stage: QRectF, band: QRectF, has_message: bool
    ) -> None:
        """The countdown screen: who speaks, the figure, the phase in words, the progress."""
        w, h = float(self.width()), float(self.height())
        seg = snap.segment
        colour = PHASE_COLOURS[snap.phase]
        if not has_message:
            # Who speaks and on what: laid out once per segment and size, then the same
            # items each second (the scenes' comparison finds them unchanged at once).
            key = (seg, w, h)
            cached = self._header
            if cached is not None and cached[0] == key:
                scene.add(*cached[1])
            else:
                first = len(scene.items)
                self._live_header(scene, seg, band)
                self._header = (key, tuple(scene.items[first:]))
        figure = QRectF(stage.left(), 0.285 * h, stage.width(), 0.48 * h)
        if snap.timer is TimerType.CLOCK:
            # The time of day, large: doors opening, a break with no speaker.
            now = self._wall_text or QTime.currentTime().toString("HH:mm")
            scene.add(countdown_item("countdown", now, figure, WHITE))
            words = [w for w in (timer_words(snap, self._end_text), phase_label(snap)) if w]
            if snap.paused and words[-1:] == [phase_label(snap)]:
                words.pop()  # the time of day does not pause
            text_block(
                scene,
                "phase",
                " · ".join(words),
                QRectF(stage.left(), 0.775 * h, stage.width(), 0.1 * h),
                max_px=0.075 * h,
                bold=True,
                color=SOFT,
            )
            return
        scene.add(countdown_item("countdown", snap.countdown, figure, colour))
        label = " · ".join(w for w in (timer_words(snap, self._end_text), phase_label(snap)) if w)
        text_block(
            scene,
            "phase",
            label,
            QRectF(stage.left(), 0.775 * h, stage.width(), 0.1 * h),
            max_px=0.075 * h,
            bold=True,
            color=colour,
        )
        if snap.counts_up:
            return  # elapsed time, no limit: no bar to fill, never an overtime frame
        bar = QRectF(stage.left(), 0.905 * h, stage.width(), max(2.0, 0.03 * h))
        scene.add(FillItem("progress_track", bar, TRACK, radius=bar.height() / 2))
        done = 1.0 if snap.overtime else snap.progress
        if done > 0:
            fill = QRectF(
                bar.left(), bar.top(), max(bar.height(), bar.width() * done), bar.height()
            )
            scene.add(FillItem("progress", fill, colour, radius=bar.height() / 2))
        if snap.overtime:
            t = max(2.0, 0.012 * h)
            for edge in (
                QRectF(0, 0, w, t),
                QRectF(0, h - t, w, t),
                QRectF(0, 0, t, h),
                QRectF(w - t, 0, t, h),
            ):
                scene.add(FillItem("overtime_frame", edge, colour))

    def _live_header(self, scene: Scene, seg: PlannedSegment, band: QRectF) -> None:
        h = float(self.height())
        header = QRectF(band)
        if seg.speakers:
            people = QRectF(header.left(), header.top(), header.width(), header.height() * 0.63)
            self._speakers(scene, seg, people, name_share=0.6)
            title = QRectF(
                header.left(),
                people.bottom(),
                header.width(),
                header.bottom() - people.bottom(),
            )
            text_block(scene, "title", seg.title, title, max_px=0.045 * h, max_lines=2, color=DIM)
        else:
            self._speakers(scene, seg, header, name_share=1.0)

    def _up_next(self, scene: Scene, snap: Snapshot, stage: QRectF, band: QRectF | None) -> None:
        """Between segments: who comes next, on what, and how long they have.

        The segment the cursor is on has not counted yet, so *it* is the one coming next.
        """
        h = float(self.height())
        area = self._below(stage, band)
        seg = snap.segment

        def part(top: float, height: float) -> QRectF:
            return QRectF(
                area.left(), area.top() + top * area.height(), area.width(), height * area.height()
            )

        label = QCoreApplication.translate("projector", "Up next")
        text_block(
            scene, "up_next", label, part(0.0, 0.12), max_px=0.075 * h, bold=True, color=ACCENT
        )
        if seg.speakers:
            self._speakers(scene, seg, part(0.16, 0.4), name_share=0.45, name_px=0.11)
            text_block(
                scene,
                "title",
                seg.title,
                part(0.58, 0.18),
                max_px=0.06 * h,
                max_lines=2,
                color=SOFT,
            )
        else:
            self._speakers(scene, seg, part(0.14, 0.5), name_share=1.0)
        scene.add(countdown_item("countdown", snap.countdown, part(0.78, 0.2), DIM, ink_share=0.8))

    def _end_screen(self, scene: Scene, snap: Snapshot, stage: QRectF, band: QRectF | None) -> None:
        h = float(self.height())
        area = self._below(stage, band)

        def part(top: float, height: float) -> QRectF:
            return QRectF(
                area.left(), area.top() + top * area.height(), area.width(), height * area.height()
            )

        thanks = QCoreApplication.translate("projector", "Thank you!")
        text_block(scene, "thanks", thanks, part(0.12, 0.4), max_px=0.22 * h, bold=True)
        clock = self._wall_text or QTime.currentTime().toString("HH:mm")
        text_block(scene, "clock", clock, part(0.55, 0.2), max_px=0.15 * h, color=SOFT)
        text_block(
            scene,
            "session",
            snap.plan.title,
            part(0.8, 0.18),
            max_px=0.045 * h,
            max_lines=2,
            color=DIM,
        )


# -- the window ---------------------------------------------------------------------------

Handler = Callable[[], object]
ScreenList = Callable[[], Sequence[QScreen]]


class ProjectorWindow(QWidget):
    """The projector window: full screen on a screen other than the moderator's if any,
    held back (hidden) with one screen until one appears or the moderator asks for it.

    ``extra_handlers`` (or later ``set_extra_handlers``) supplies the keys whose meaning
    belongs to the moderator window, ``help`` and ``quit``; any other name of the key table
    may be overridden the same way. Every key of the table is bound once, at construction,
    to a dispatcher that looks the handler up when the key is pressed, so handlers can be
    supplied after the fact without ever binding a key twice (Qt ignores ambiguous keys).

    ``screens`` returns the screens placement may use (default: Qt's list); tests inject it
    because the offscreen platform cannot unplug a screen. ``moderator_screen`` says where
    the moderator works (default: the screen of another visible top-level window, else the
    primary screen). No dialog is ever opened from here: nothing may block a live session.
    """

    shown_changed = Signal(bool)  # shown or hidden: the moderator's button follows it

    def __init__(
        self,
        controller: LiveController,
        settings: Settings,
        *,
        extra_handlers: Mapping[str, Handler] | None = None,
        screens: ScreenList | None = None,
        moderator_screen: Callable[[], QScreen | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self._retranslate()
        self.setStyleSheet("background: black;")
        self.view = ProjectorView(self, blink_clock=controller.clock)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._screens: ScreenList = screens or QGuiApplication.screens
        self._moderator_screen = moderator_screen or self._guess_moderator_screen
        self._projecting_on: str | None = None  # name of the screen it is full screen on
        self._placed = False  # place_and_show() was called: hot-plug may move the window
        # The moderator asked for the window with one screen (F11 or the button): it is then
        # shown on the laptop; otherwise, alone, it waits for a second screen (hidden).
        self._asked = False
        self.handlers: dict[str, Handler] = self.default_handlers()
        self.handlers.update(extra_handlers or {})
        self._install_keys()
        controller.room_updated.connect(self._on_updated)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.connect(self._on_screen_added)
        app.screenRemoved.connect(self._on_screen_removed)
        self.view.render(
            controller.last,
            self._wall_text(controller.last),
            end_text=self._end_text(controller.last),
        )

    def _retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("projector", "Timekeeper — Projector"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """The moderator switches language live: the title and the painted words follow."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.view.relayout()
        super().changeEvent(event)

    # -- keys -----------------------------------------------------------------------------

    def default_handlers(self) -> dict[str, Handler]:
        c = self.controller
        return {
            **session_handlers(c),
            "wrap_up": lambda: c.message(wrap_up_text()),
            "toggle_fullscreen": self.toggle_fullscreen,
        }

    def set_extra_handlers(self, handlers: Mapping[str, Handler]) -> None:
        """Add or replace handlers (the moderator window passes ``help`` and ``quit``)."""
        self.handlers.update(handlers)

    def _install_keys(self) -> None:
        # Looked up when pressed: handlers given later never bind a key twice.
        dispatch: dict[str, Handler] = {
            a.name: partial(self._dispatch, a.name) for a in KEY_ACTIONS
        }
        install_shortcuts(self, dispatch)

    def _dispatch(self, name: str) -> None:
        handler = self.handlers.get(name)
        if handler is not None:
            handler()

    # -- following the session ------------------------------------------------------------

    def _wall_text(self, snapshot: Snapshot) -> str | None:
        """The session's clock time at the snapshot, for the end screen ("17:26")."""
        try:
            wall = self.controller.session.wall_of(snapshot.t)
        except AttributeError:
            return None
        return clock(wall)

    def _end_text(self, snapshot: Snapshot) -> str | None:
        """An ``ends_at`` segment's end, as a clock time under the anchor in force."""
        if snapshot.ends_at_t is None:
            return None
        try:
            return clock(self.controller.session.wall_of(snapshot.ends_at_t))
        except AttributeError:
            return None

    def _on_updated(self, snapshot: Snapshot) -> None:
        """Paint at once, before the moderator's window is even told: what the room sees
        turns first, and it does not wait behind the moderator's slots and repaint."""
        self.view.render(
            snapshot, self._wall_text(snapshot), at_once=True, end_text=self._end_text(snapshot)
        )

    # -- screens --------------------------------------------------------------------------
    #
    # Screens are compared by name and looked up afresh each time, never kept: PySide6 ties
    # the QScreen wrapper returned by ``QWidget.screen()`` to that widget, and when the widget
    # is deleted the (shared) wrapper is invalidated while the screen lives on; a later
    # ``screenRemoved`` then hands over a new wrapper, so identity (``is``) would miss the
    # unplug and a kept wrapper would raise.

    def _guess_moderator_screen(self) -> QScreen | None:
        for widget in QApplication.topLevelWidgets():
            if (
                widget is not self
                and widget.isVisible()
                and widget.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
            ):
                return widget.screen()
        return QGuiApplication.primaryScreen()

    def _available(self, exclude: str | None = None) -> list[QScreen]:
        return [s for s in self._screens() if s.name() != exclude]

    def projector_screen(self, exclude: str | None = None) -> QScreen | None:
        """The screen to project on: the one named in the settings if it is there and is not
        the moderator's, else the first screen that is not the moderator's; None if alone.
        ``exclude`` names a screen that is going away."""
        screens = self._available(exclude)
        if not screens:
            return None
        home = self._home_screen(screens).name()
        others = [s for s in screens if s.name() != home]
        wanted = self.settings.projector_screen
        for screen in others:
            if wanted and screen.name() == wanted:
                return screen
        return others[0] if others else None

    def _home_screen(self, screens: Sequence[QScreen]) -> QScreen:
        """The moderator's screen among ``screens`` (the primary, or the first, if it is not
        there)."""
        for candidate in (self._moderator_screen(), QGuiApplication.primaryScreen()):
            if candidate is not None:
                name = candidate.name()
                for screen in screens:
                    if screen.name() == name:
                        return screen
        return screens[0]

    @property
    def projecting_on(self) -> str | None:
        """The name of the screen the window is full screen on, None when it is not."""
        return self._projecting_on

    def place_and_show(self, exclude: str | None = None) -> None:
        """Full screen on the projector when there is one. Alone on the laptop (preparing,
        rehearsing) it is not shown, so that it never covers the moderator's console, until a
        second screen appears or the moderator asks for it (``show_on_request``: F11 or the
        button), then as a normal window to drag; the moderator's thumbnail shows what it
        would show meanwhile.

        Called again when the moderator picks another projector screen in the settings.
        """
        self._placed = True
        target = self.projector_screen(exclude)
        if target is not None:
            self._show_fullscreen_on(target)
            return
        screens = self._available(exclude)
        home = self._home_screen(screens) if screens else None
        if self._asked:
            self._show_windowed(home)
        else:
            self._hold_back(home)

    @property
    def held_back(self) -> bool:
        """Placed but not shown: one screen, and the moderator has not asked for it."""
        return self._placed and not self.isVisible()

    def show_on_request(self) -> None:
        """The moderator asks for the window (F11 while it is held back, or the button):
        full screen on the projector if there is one, else a window on the laptop."""
        self._asked = True
        self.place_and_show()

    def hide_on_request(self) -> None:
        """The moderator puts it away again: alone, it waits for a second screen."""
        self._asked = False
        self._projecting_on = None
        self.unsetCursor()
        self.setWindowState(Qt.WindowState.WindowNoState)
        self.hide()

    def watch_shown(self, slot: Callable[[bool], object]) -> None:
        self.shown_changed.connect(slot)

    def _hold_back(self, screen: QScreen | None) -> None:
        self._projecting_on = None
        self.unsetCursor()
        self.setWindowState(Qt.WindowState.WindowNoState)
        if screen is not None:
            self.setScreen(screen)
        self.hide()

    def _show_fullscreen_on(self, screen: QScreen) -> None:
        if self.isFullScreen():
            self.showNormal()
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        self._projecting_on = screen.name()
        self.setCursor(Qt.CursorShape.BlankCursor)  # no mouse pointer over the speaker's clock

    def _show_windowed(self, screen: QScreen | None) -> None:
        self._projecting_on = None
        self.unsetCursor()
        if self.isFullScreen():
            self.showNormal()
        if screen is not None:
            self.setScreen(screen)
            area = screen.availableGeometry()
            size = WINDOWED_SIZE
            if area.size().expandedTo(size) != area.size():  # a small screen: keep 16:9
                size = WINDOWED_SIZE.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            rect = QRect(0, 0, size.width(), size.height())
            rect.moveCenter(area.center())
            self.setGeometry(rect)
        else:
            self.resize(WINDOWED_SIZE)
        self.show()

    def toggle_fullscreen(self) -> None:
        """F11: full screen on the screen the window is on now, or back to a normal window;
        while it is held back (one screen), F11 shows it."""
        if not self.isVisible():
            self.show_on_request()
        elif self.isFullScreen():
            self._show_windowed(self.screen())
        else:
            self._show_fullscreen_on(self.screen())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.shown_changed.emit(True)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        super().hideEvent(event)
        self.shown_changed.emit(False)

    def _on_screen_added(self, screen: QScreen) -> None:
        """A projector plugged in gets the window, unless it is already projecting (a window
        held back on one screen appears there, full screen)."""
        if self._placed and self._projecting_on is None:
            self.place_and_show()

    def _on_screen_removed(self, screen: QScreen) -> None:
        """The projector unplugged: to another projector if there is one, else held back
        on the laptop (or a window there, if the moderator asked for it), before Qt disposes
        of the screen."""
        if not self._placed:
            return
        gone = screen.name()
        if gone in (self._projecting_on, self.screen().name()):
            self._projecting_on = None
            self.place_and_show(exclude=gone)


def wrap_up_text() -> str:
    """The W key's message to the speaker."""
    return QCoreApplication.translate("projector", "Please wrap up")
