"""Prepare mode: the running-order editor (README "Preparing a session", ARCHITECTURE.md §9).

Small modules, each with one job:

- ``validation``: the editor's data (plain dicts and lists, the shape of the TOML file) checked
  by the same pydantic model and the same resolution as a file on disk; errors keyed by field.
- ``keep``: saving through tomlkit, so a hand-written file keeps its comments and layout.
- ``document``: the document being edited (data, file, check result) and its primitive edits.
- ``commands``: QUndoCommand for every edit.
- ``tree``: the running order as a tree model (parts and segments, their clock times).
- ``fields``: the forms for the session, a part, a segment and its speakers.
- ``window``: the editor window (menus, keys, live session, import).
"""
