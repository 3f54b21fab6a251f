"""Starting the GUI: check that Qt can open a window, then build the two windows.

Qt aborts the process with a long message when its platform plugin cannot load (on Linux,
usually a missing libxcb-cursor0). We look before we leap, and print one sentence naming the
package instead.
"""

from __future__ import annotations

import argparse
import ctypes.util
import os
import sys
from pathlib import Path

# System libraries Qt's xcb plugin loads, with the Debian/Ubuntu package that provides each.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-image": "libxcb-image0",
    "xcb-shape": "libxcb-shape0",
    "EGL": "libegl1",
    "fontconfig": "libfontconfig1",
}


class NoDisplay(Exception):
    """Qt cannot open a window here; the message is one sentence saying why and what to do."""


def platform_problem(environ: dict[str, str] | None = None) -> str | None:
    """One sentence saying why Qt could not open a window here, or None if it should."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal", "vnc", "eglfs", "linuxfb")):
        return None
    if platform.startswith("wayland") or (not platform and env.get("WAYLAND_DISPLAY")):
        return None
    if not env.get("DISPLAY"):
        return (
            "no display found (DISPLAY is not set): run timekeeper in a desktop session, "
            "or set QT_QPA_PLATFORM=offscreen to run it without a screen"
        )
    missing = [pkg for lib, pkg in XCB_LIBRARIES.items() if ctypes.util.find_library(lib) is None]
    if missing:
        return (
            "Qt cannot open a window: the system package(s) "
            + ", ".join(missing)
            + " are missing; install them with: sudo apt install "
            + " ".join(missing)
        )
    return None


def run_gui(args: argparse.Namespace) -> int:
    """The two windows until the moderator quits; NoDisplay (raised, so that the command line
    turns it into its exit code) when Qt could not open them here."""
    problem = platform_problem()
    if problem is not None:
        raise NoDisplay(problem)
    from app.ui.application import run_application

    session: Path | None = args.session
    serve = None
    if getattr(args, "serve", False):
        serve = {"bind": args.bind, "port": args.port, "osc_port": args.osc_port}
    return run_application(session, language=args.lang, serve=serve)
