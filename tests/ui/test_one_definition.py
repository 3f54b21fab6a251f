"""One definition of every figure: the moderator's running order, the replay window at the
end, and every report format (text, CSV, JSON, HTML) read the same overrun, lateness and
pause figures for every segment of one session.

The session is the seed workshop played with everything that makes the figures differ from
one another: a pause, a minute added and a minute removed, a crash with the app down for two
minutes, a catch-up plan applied, and an undo. A few figures are worked out by hand below, so
that agreeing views cannot all be wrong the same way.
"""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from app.engine import FakeClock, fold
from app.engine.display import format_span, signed_span
from app.model import load_running_order
from app.reports.formats import render
from app.reports.model import build_report
from app.reports.qt.html import render_html
from app.timing_log.live import start_session
from app.timing_log.reader import read_log
from app.ui.controller import LiveController
from app.ui.formatting import late_text, left_span, span
from app.ui.replay import ReplayWindow
from app.ui.widgets.running_order import COL_ACTUAL, COL_STATE
from tests.ui.moderator_harness import SEED_START, open_window

Figures = tuple[str, str, str, str]  # start delay, longer than planned, over countdown, paused


def play(qtbot: QtBot, tmp_path: Path, seed_path: Path):  # type: ignore[no-untyped-def]
    logs = tmp_path / "logs"
    loaded = load_running_order(seed_path)
    clock = FakeClock(wall=SEED_START)
    first = start_session(loaded, clock, logs)
    s = first.session
    assert s.start()
    clock.advance(620)
    assert s.next()  # the intro ran 20 s over
    clock.advance(100)
    assert s.pause()
    clock.advance(45)
    assert s.resume_counting()
    clock.advance(300)
    assert s.adjust(60)  # a minute added to Laurent Rey Lescure
    clock.advance(200)
    assert s.next()
    clock.advance(30)
    assert s.adjust(-60)  # a minute removed from Gabriel Voisin-Fradin
    clock.advance(500)
    assert s.next()
    clock.advance(50)
    first.writer.close()  # the app dies during Cyril Labi's talk...
    clock.advance(120)  # ...and is back two minutes later
    again = start_session(loaded, clock, logs)
    assert again.resumed_gap_s == 170  # measured from the last event: 50 s before the crash
    moderator = open_window(qtbot, LiveController(again, loaded, clock, logs), clock, logs)
    moderator.advance(600)  # Cyril runs long: the session heads past its hard end
    window = moderator.window
    window.show_catch_up()
    assert window.catchup.plan is not None and window.catchup.plan.durations
    window.apply_catch_up()
    controller = moderator.controller
    assert controller.next()
    moderator.advance(300)
    assert controller.adjust(60)
    moderator.advance(5)
    assert controller.undo()  # the minute added to the questions, taken back
    moderator.advance(100)
    assert controller.next()
    moderator.advance(700)
    assert controller.next()
    moderator.advance(100)
    assert controller.next()
    moderator.advance(320)
    assert controller.end()
    return moderator, again.writer.path


def engine_figures(log_path: Path) -> list[Figures]:
    log = read_log(log_path)
    snap = fold(log.header.plan, log.events, log.events[-1].t, log.header.planned_start_t)
    out = []
    for i in range(len(snap.plan.segments)):
        delay = snap.start_delay_of(i)
        assert delay is not None  # every segment ran
        out.append(
            (
                signed_span(delay),
                signed_span(snap.longer_than_planned_of(i)),
                signed_span(snap.over_countdown_of(i)),
                format_span(round(snap.paused_of(i))),
            )
        )
    return out


class _Cells(HTMLParser):
    """The text of each table row of an HTML document."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def test_every_view_reads_the_same_figures(qtbot: QtBot, tmp_path: Path, seed_path: Path) -> None:
    moderator, log_path = play(qtbot, tmp_path, seed_path)
    expected = engine_figures(log_path)
    n = len(expected)
    # Worked out by hand: the intro ran 620 s of 600; Laurent started 20 s late, ran 645 s
    # of clock time (45 s of it paused) against 500 printed, 600 s of countdown against 560
    # (a minute added); Gabriel started 165 s late, counted 530 s against 440 (a minute
    # removed), 30 s longer than printed; Cyril's countdown kept running while the app was
    # down (the session went on in the room).
    assert expected[0] == ("±00:00", "+00:20", "+00:20", "00:00")
    assert expected[1] == ("+00:20", "+02:25", "+00:40", "00:45")
    assert expected[2] == ("+02:45", "+00:30", "+01:30", "00:00")
    assert expected[3] == ("+03:15", "+04:30", "+04:30", "00:00")
    # After the crash: the questions began 7:45 late and ran 6:45 of their printed 15 min (the
    # minute added to them taken back); then Raja Touil, the questions and the conclusion,
    # each earlier than planned (the catch-up plan cut them).
    assert [e[0] for e in expected[4:]] == ["+07:45", "−00:30", "−03:50", "−17:10"]
    assert [e[1] for e in expected[4:]] == ["−08:15", "−03:20", "−13:20", "+00:20"]
    assert expected[7][2] == "+00:20"  # the conclusion is kept whole by a catch-up plan
    assert all(e[3] == "00:00" for e in expected[4:])
    log = read_log(log_path)
    assert log.header.plan.segments[4].planned_s != build_report(log).segments[4].final_planned_s

    # The moderator's running order: each finished row's figures (its tooltip says them all;
    # the State cell shows the one over the countdown).
    tree = moderator.window.tree
    final = fold(log.header.plan, log.events, log.events[-1].t, log.header.planned_start_t)
    for i, (_, _, over, _) in enumerate(expected):
        state = tree.segment_items[i].text(COL_STATE)
        past = round(final.over_countdown_of(i) or 0) > 0
        assert state == (f"done · countdown {over}" if past else "done"), (i, state)
    for p in range(len(final.plan.parts)):
        item = tree.part_items[p]
        assert item.text(COL_ACTUAL) == span(final.part_actual_of(p)), p  # clock time held
        left = final.part_left_of(p)
        words = f"over by {span(-left)}" if final.part_over_of(p) else f"{left_span(left)} left"
        assert item.text(COL_STATE) == words, p
    # The session: late or early, the same figure in the window, the replay and the reports.
    assert final.finished and round(final.late_s) == -1010  # ended 16:50 before the plan
    assert moderator.window.schedule.late_label.text() == late_text(final.late_s)
    for i, (delay, longer, over, paused) in enumerate(expected):
        tip = tree.segment_items[i].toolTip(COL_STATE)
        assert f"Over the countdown: {over}" in tip, (i, tip)
        assert f"Longer than planned: {longer}" in tip, (i, tip)
        assert f"Pauses: {paused}" in tip, (i, tip)
        seconds = round(fold_delay(log, i))
        assert late_text(seconds, exact=True) in tip, (i, tip)
        assert signed_span(seconds) == delay

    # The replay window, at the end of the log: its summary table.
    replay = ReplayWindow(log, log_path, language="en")
    qtbot.addWidget(replay)
    replay.seek(replay.timeline.end_t if replay.timeline else 0.0)
    replay.ensure_summary()
    assert replay.fields["schedule"].text().startswith(late_text(final.late_s, exact=True))
    for p in range(len(final.plan.parts)):  # Budget | Used | Left, the countdown's
        assert replay.parts_table.item(p, 2).text() == format_span(round(final.part_used_of(p)))
    table: QTableWidget = replay.segments_table
    assert table.rowCount() == n
    for i, (delay, longer, over, paused) in enumerate(expected):
        cells = [table.item(i, c).text() for c in range(table.columnCount())]
        assert (cells[5], cells[8], cells[9], cells[10]) == (delay, paused, over, longer), cells

    report = build_report(log)
    assert round(report.late_end_s or 0) == round(final.late_s)
    parts = replay.parts_summary_table
    for p, part in enumerate(report.parts):
        assert part.actual_s == final.part_actual_of(p)
        assert part.longer_than_planned_s == final.part_actual_of(p) - part.budget_s
        cells = [parts.item(p, c).text() for c in range(parts.columnCount())]
        assert (cells[4], cells[5]) == (format_span(round(part.actual_s)),
                                        signed_span(part.longer_than_planned_s)), cells  # fmt: skip
    # Text: start delay, plan, actual, longer, over the countdown, paused.
    lines = render(report, "text").splitlines()
    for i, (delay, longer, over, paused) in enumerate(expected):
        row = next(x for x in lines if x.split()[:1] == [str(i + 1)])
        words = row.split()
        assert (words[3], words[6], words[7], words[8]) == (delay, longer, over, paused), row

    # CSV and JSON: seconds.
    def seconds(text: str) -> int:
        sign = -1 if text.startswith("−") else 1
        m, s = text.lstrip("+−±").split(":")[-2:]
        h = text.lstrip("+−±").split(":")[0] if text.count(":") == 2 else "0"
        return sign * (int(h) * 3600 + int(m) * 60 + int(s))

    assert f"ended {signed_span(final.late_s)} against the plan" in render(report, "text")
    rows = list(csv.DictReader(io.StringIO(render(report, "csv").lstrip("\ufeff"))))
    document = json.loads(render(report, "json"))
    assert round(document["late_end_s"]) == round(final.late_s)
    data = document["segments"]
    for i, (delay, longer, over, paused) in enumerate(expected):
        want = (seconds(delay), seconds(longer), seconds(over), seconds(paused))
        got_csv = tuple(
            int(rows[i][k])
            for k in ("start_delay_s", "longer_than_planned_s", "over_countdown_s", "paused_s")
        )
        got_json = tuple(
            round(data[i][k])
            for k in ("start_delay_s", "longer_than_planned_s", "over_countdown_s", "paused_s")
        )
        assert got_csv == want == got_json, i

    # HTML: the segments table (the second table: parts come first).
    parser = _Cells()
    parser.feed(render_html(log, "en"))
    segment_rows = [r for r in parser.rows if r and r[0].isdigit()]
    assert len(segment_rows) == n
    for cells, (delay, longer, over, paused) in zip(segment_rows, expected, strict=True):
        assert (cells[5], cells[8], cells[9], cells[10]) == (delay, paused, over, longer), cells

    moderator.window.quit_now()
    moderator.controller.shutdown()


def fold_delay(log, index: int) -> float:  # type: ignore[no-untyped-def]
    snap = fold(log.header.plan, log.events, log.events[-1].t, log.header.planned_start_t)
    delay = snap.start_delay_of(index)
    assert delay is not None
    return delay
