"""Durations as moderators write them: every accepted form, every refusal, and properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.model import DurationError, format_duration, parse_duration
from app.model.durations import MAX_DURATION_S

# --- the forms ARCHITECTURE.md §4 promises, as the seed programme and its moderators write them ---


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("10'", 600),
        ("8'20\"", 500),
        ("8'20''", 500),  # two apostrophes for the seconds, as typed without a " key
        ("8' 20\"", 500),
        ("8'20", 500),
        ("8'05\"", 485),
        ("10 min", 600),
        ("10min", 600),
        ("10 minutes", 600),
        ("10 MIN", 600),
        ("10mn", 600),
        ("10 mn", 600),
        ("1h30", 5400),
        ("1 h 30", 5400),
        ("1H30", 5400),
        ("1h30min", 5400),
        ("2h", 7200),
        ("90s", 90),
        ("90 s", 90),
        ("90 sec", 90),
        ("45 secondes", 45),
        ("00:10:00", 600),
        ("1:30:00", 5400),
        ("0:08:20", 500),
        ("24:00:00", 86400),
        ("10", 600),
        ("  15'  ", 900),  # spaces around a value copied from a document
        ("10’", 600),  # typographic apostrophe (French word processors)
        ("8′20″", 500),  # prime and double prime
        ("10\u00a0min", 600),  # non-breaking space, French typography
    ],
)
def test_accepted_text_forms(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(("value", "seconds"), [(10, 600), (1, 60), (1440, 86400), (15.0, 900)])
def test_plain_numbers_are_minutes(value: float, seconds: int) -> None:
    assert parse_duration(value) == seconds


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (math.nan, "got nan"),
        (math.inf, "got inf"),
        (-math.inf, "got -inf"),
        ("nan", "got 'nan'"),
        ("inf", "got 'inf'"),
        ("", "empty"),
        ("   ", "empty"),
        ("-10'", "negative"),
        ("-5", "negative"),
        (-5, "cannot be negative"),
        (-0.0, "longer than zero"),
        (0, "longer than zero"),
        ("0'", "longer than zero"),
        ("00:00:00", "longer than zero"),
        ("0s", "longer than zero"),
        ("24:00:01", "at most 24 h"),
        ("25h", "at most 24 h"),
        ("1441", "at most 24 h"),
        (1441, "at most 24 h"),
        (10**30, "at most 24 h"),
        ("86401s", "at most 24 h"),
        (8.5, "8'30\" rather than 8.5"),
        (0.5, "rather than"),
        (True, "boolean"),
        (False, "boolean"),
        (None, "got NoneType"),
        ([10], "got list"),
        ({"min": 10}, "got dict"),
        ("10:00", "ambiguous"),
        ("1:30", "ambiguous"),
        ("8'75\"", "seconds must be below 60"),
        ("1h75", "minutes must be below 60"),
        ("0:61:00", "minutes must be below 60"),
        ("0:10:60", "seconds must be below 60"),
        ("dix minutes", "expected a duration"),
        ("10''", "expected a duration"),
        ("8.5", "expected a duration"),
        ("10 heures", "expected a duration"),
        ("1" * 5000, "5000 characters"),  # Python itself refuses int() of that many digits
    ],
)
def test_refusals_say_what_was_expected(value: object, fragment: str) -> None:
    with pytest.raises(DurationError) as caught:
        parse_duration(value)
    message = str(caught.value)
    assert fragment in message
    assert len(message) < 200  # one line a moderator can read, not a dump of the input


def test_ambiguous_two_field_form_proposes_both_readings() -> None:
    with pytest.raises(DurationError, match=r"write 10'00\" or 10h00"):
        parse_duration("10:00")


def test_duration_error_is_a_value_error_for_pydantic() -> None:
    # pydantic turns ValueError raised in a validator into a validation error with a field path.
    assert issubclass(DurationError, ValueError)


# --- properties ---


def test_format_then_parse_round_trips_every_second_of_a_day() -> None:
    for seconds in range(1, MAX_DURATION_S + 1):
        assert parse_duration(format_duration(seconds)) == seconds


@pytest.mark.parametrize(
    ("seconds", "written"),
    [(600, "10'"), (500, "8'20\""), (59, "0'59\""), (3600, "01:00:00"), (5400, "01:30:00")],
)
def test_format_duration_writes_what_people_write(seconds: int, written: str) -> None:
    assert format_duration(seconds) == written


day = st.integers(min_value=1, max_value=MAX_DURATION_S)


@given(day)
def test_minutes_and_seconds_form(total: int) -> None:
    m, s = divmod(total, 60)
    assert parse_duration(f"{m}'{s:02d}\"") == total


@given(st.integers(0, 24), st.integers(0, 59))
def test_hours_and_minutes_form(h: int, m: int) -> None:
    total = h * 3600 + m * 60
    text = f"{h}h{m:02d}"
    if 0 < total <= MAX_DURATION_S:
        assert parse_duration(text) == total
    else:
        with pytest.raises(DurationError):
            parse_duration(text)


@given(st.integers(1, MAX_DURATION_S // 60), st.sampled_from(["{n} min", "{n}mn", "{n}'", "{n}"]))
def test_minute_forms(n: int, form: str) -> None:
    assert parse_duration(form.format(n=n)) == n * 60


@given(day)
def test_seconds_form(n: int) -> None:
    assert parse_duration(f"{n}s") == n


@given(day)
def test_clock_form(total: int) -> None:
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    assert parse_duration(f"{h:02d}:{m:02d}:{s:02d}") == total
    assert parse_duration(f"{h}:{m:02d}:{s:02d}") == total


@given(st.integers(MAX_DURATION_S + 1, 10 * MAX_DURATION_S))
def test_more_than_a_day_is_refused_in_every_form(total: int) -> None:
    m = total // 60 + 1  # whole minutes, still more than a day
    for text in (f"{total}s", f"{m} min", f"{m}'", str(m)):
        with pytest.raises(DurationError, match="at most 24 h"):
            parse_duration(text)


@settings(max_examples=200)
@given(
    st.one_of(
        st.text(max_size=30),
        st.text(alphabet="0123456789'\":hms .-", max_size=12),
        st.integers(),
        st.floats(),
        st.booleans(),
        st.none(),
    )
)
def test_any_input_gives_a_day_or_a_duration_error(value: object) -> None:
    # Whatever a file holds, the parser answers with a valid duration or a DurationError:
    # never another exception that would end as a traceback or an "unexpected error".
    try:
        seconds = parse_duration(value)
    except DurationError:
        return
    assert isinstance(seconds, int)
    assert 1 <= seconds <= MAX_DURATION_S
