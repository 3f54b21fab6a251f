"""The Qt binding must not leak references to None or True.

PySide6-Essentials 6.12.0 on Python 3.11 dropped one reference to None per void call and one
to True per signal emit: the live app (a repaint signal every second) aborted within the hour
with "Fatal Python error: bool_dealloc". pyproject pins below 6.12; this test is what tells a
maintainer that lifting the pin is safe.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QPointF, Signal


class _Probe(QObject):
    ping = Signal()


def test_void_calls_and_signal_emits_keep_none_and_true_alive() -> None:
    point, probe = QPointF(), _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        point.setX(1.0)
        probe.ping.emit()
    # A few references may come and go elsewhere; a leak loses one per call (2000 here).
    assert sys.getrefcount(None) > none_before - 100
    assert sys.getrefcount(True) > true_before - 100
