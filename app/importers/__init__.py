"""Programme text, CSV and conference schedule XML turned into running orders. No Qt here.

``import_file(path, day=None, room=None)`` returns an ``ImportResult`` (``.document``,
``.toml_text``, ``.plan``, ``.warnings``, ``.problems``) or raises ``ImportFailure`` /
``ChoiceNeeded``. ``export_text`` and ``export_csv`` write a plan back in those forms.
"""

from importlib import import_module
from typing import Any

# Loaded when first asked for: the moderator window starts without the importers (the
# command line registers `import` without reading a programme).
_WHERE = {
    "detect_format": "app.importers.api",
    "import_data": "app.importers.api",
    "import_file": "app.importers.api",
    "Choice": "app.importers.draft",
    "ChoiceNeeded": "app.importers.draft",
    "Diagnostic": "app.importers.draft",
    "ImportFailure": "app.importers.draft",
    "ImportResult": "app.importers.draft",
    "export_csv": "app.importers.export",
    "export_text": "app.importers.export",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'app.importers' has no attribute {name!r}")


__all__ = [
    "Choice",
    "ChoiceNeeded",
    "Diagnostic",
    "ImportFailure",
    "ImportResult",
    "detect_format",
    "export_csv",
    "export_text",
    "import_data",
    "import_file",
]
