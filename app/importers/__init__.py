"""Programme text, CSV and conference schedule XML turned into running orders. No Qt here.

``import_file(path, day=None, room=None)`` returns an ``ImportResult`` (``.document``,
``.toml_text``, ``.plan``, ``.warnings``, ``.problems``) or raises ``ImportFailure`` /
``ChoiceNeeded``. ``export_text`` and ``export_csv`` write a plan back in those forms.
"""

from app.importers.api import detect_format, import_data, import_file
from app.importers.draft import Choice, ChoiceNeeded, Diagnostic, ImportFailure, ImportResult
from app.importers.export import export_csv, export_text

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
