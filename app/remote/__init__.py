"""The embedded remote server (issue #14): HTTP, WebSocket and OSC in a thread of its own.

No Qt here: the Qt side of the bridge is ``app/ui/remote_bridge.py``. Nothing in this package
imports aiohttp, segno or python-osc at module level except ``server``, ``osc`` and
``triggers``, which the bridge imports only when the moderator turns the server on.
"""
