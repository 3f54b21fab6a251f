"""Where a control came from (key, http, ws, osc): kept in the event and its log line."""

from __future__ import annotations

import pytest

from app.engine.events import (
    Adjust,
    EventFormatError,
    Next,
    SetMessage,
    event_from_dict,
    event_to_dict,
)


def test_a_key_press_writes_no_source_and_reads_back_as_key() -> None:
    assert event_to_dict(Next(1.5)) == {"type": "next", "t": 1.5}
    assert event_from_dict({"type": "next", "t": 1.5}).source == "key"


@pytest.mark.parametrize("source", ["http", "ws", "osc"])
def test_a_remote_control_keeps_its_source_through_the_log_line(source: str) -> None:
    for event in (Next(2.0, source=source), Adjust(3.0, 60, source=source)):
        line = event_to_dict(event)
        assert line["source"] == source
        assert event_from_dict(line) == event
    message = SetMessage(4.0, "Merci", True, source=source)
    assert event_from_dict(event_to_dict(message)) == message


def test_an_unknown_source_is_a_format_error() -> None:
    with pytest.raises(EventFormatError, match="source"):
        event_from_dict({"type": "next", "t": 1.0, "source": "carrier pigeon"})
