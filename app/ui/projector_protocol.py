"""What the moderator window needs of the projector window, as a type.

The moderator reaches the projector only through these members, so a test can stand a small
fake in for the real ProjectorWindow and mypy checks both against the same list.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from app.ui.settings import Settings


class ProjectorScreen(Protocol):
    """The room's window as the moderator drives it (``ProjectorWindow`` conforms)."""

    settings: Settings  # the moderator's settings, kept current when they change

    def set_extra_handlers(self, handlers: Mapping[str, Callable[[], object]]) -> None:
        """Keys whose meaning belongs to the moderator window (help, quit, wrap-up)."""
        ...

    def toggle_fullscreen(self) -> None:
        """F11 from the moderator window."""
        ...

    def show_on_request(self) -> None:
        """The moderator's button: show the window held back on one screen."""
        ...

    def hide_on_request(self) -> None:
        """The moderator's button again: put it away (alone, it waits for a second screen)."""
        ...

    def isVisible(self) -> bool:  # noqa: N802 (Qt's name)
        """Shown (full screen on the projector, or a window on the laptop)."""
        ...

    def watch_shown(self, slot: Callable[[bool], object]) -> None:
        """Call ``slot(shown)`` each time the window is shown or hidden."""
        ...

    def place_and_show(self) -> None:
        """Move to the projector screen the settings name (after the moderator picks one)."""
        ...

    def close(self) -> bool:
        """Closed with the moderator window."""
        ...
