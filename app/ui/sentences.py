"""Error texts said in a banner: one sentence, whatever the layer that raised them wrote.

No Qt here, so the pure decisions (``app.ui.reload_decision``) can use it too.
"""

from __future__ import annotations


def one_line(text: str) -> str:
    """Error messages may span lines; a banner says them as one sentence."""
    return " ".join(part.strip() for part in text.splitlines() if part.strip())
