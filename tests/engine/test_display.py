"""The countdown as the moderator and the speaker read it (ARCHITECTURE.md §3): ceiling while
counting down, a signed overtime from exactly the planned end, phases by the shown figure."""

from __future__ import annotations

import pytest

from app.engine import FakeClock, Phase, countdown_text
from app.engine.display import late_word, next_change, phase_of, signed_span
from tests.engine.helpers import Live


@pytest.mark.parametrize(
    ("remaining", "shown"),
    [
        (600.0, "10:00"),  # the first instant of a 10-minute segment
        (599.999, "10:00"),  # ... and its whole first second
        (599.0, "09:59"),
        (120.0, "02:00"),
        (61.0, "01:01"),
        (60.5, "01:01"),
        (60.0, "01:00"),
        (1.0, "00:01"),  # the last second shows 00:01, never 00:00
        (0.001, "00:01"),
        (0.0, "+00:00"),  # exactly the planned end: overtime, with its sign
        (-0.999, "+00:00"),
        (-1.0, "+00:01"),
        (-42.0, "+00:42"),
        (-42.7, "+00:42"),
        (-600.0, "+10:00"),
        (3600.0, "1:00:00"),
        (3599.5, "1:00:00"),
        (-3661.0, "+1:01:01"),
    ],
)
def test_countdown_text(remaining: float, shown: str) -> None:
    assert countdown_text(remaining) == shown


@pytest.mark.parametrize(
    ("remaining", "warning", "final", "phase"),
    [
        (120.001, 120, 30, Phase.NORMAL),  # shows 02:01
        (120.0, 120, 30, Phase.WARNING),  # shows 02:00: the warning shows with it
        (30.001, 120, 30, Phase.WARNING),  # shows 00:31
        (30.0, 120, 30, Phase.FINAL),
        (0.001, 120, 30, Phase.FINAL),
        (0.0, 120, 30, Phase.OVERTIME),
        (-5.0, 120, 30, Phase.OVERTIME),
        (100.5, 100, 30, Phase.NORMAL),  # a short segment warns at 20 %: 100 s of 500 s
        (100.0, 100, 30, Phase.WARNING),
    ],
)
def test_phase_at_thresholds(remaining: float, warning: int, final: int, phase: Phase) -> None:
    assert phase_of(remaining, warning, final) is phase


def test_no_figure_is_ever_negative_looking_or_wrapped() -> None:
    for tenths in range(-70_000, 70_000, 7):
        text = countdown_text(tenths / 10)
        assert "-" not in text and "−" not in text
        assert text.startswith("+") == (tenths <= 0)


def test_next_change_lands_on_the_next_change_of_the_shown_figure() -> None:
    for remaining in (600.0, 599.25, 0.5, 0.0, -0.25, -41.9):
        step = next_change(remaining)
        assert 0 < step <= 1
        assert countdown_text(remaining - step) != countdown_text(remaining)
        assert countdown_text(remaining - step * 0.999) == countdown_text(remaining)


@pytest.mark.parametrize(
    ("seconds", "said"),
    [(0.4, "±00:00"), (200, "+03:20"), (-65, "−01:05"), (3600, "+1:00:00"), (-0.6, "−00:01")],
)
def test_a_signed_duration_is_written_with_its_sign(seconds: float, said: str) -> None:
    assert signed_span(seconds) == said


@pytest.mark.parametrize(("seconds", "word"), [(0.4, "="), (0.6, "late"), (-0.6, "early")])
def test_the_late_word_follows_the_rounded_second(seconds: float, word: str) -> None:
    assert late_word(seconds, on_time="=", late="late", early="early") == word


def test_the_seed_intro_counts_down_second_by_second_on_a_fake_clock() -> None:
    live = Live()
    live.do("start")
    shown = []
    for _ in range(602):
        shown.append(live.snap.countdown)
        live.wait(1)
    assert shown[:3] == ["10:00", "09:59", "09:58"]
    assert shown[599] == "00:01"
    assert shown[600:] == ["+00:00", "+00:01"]
    assert len(set(shown)) == len(shown)  # every second shows a different figure, none skipped


def test_a_fake_clock_never_goes_back() -> None:
    with pytest.raises(ValueError):
        FakeClock().advance(-1)
