"""Fault injection: the app under the faults a live workshop meets (ARCHITECTURE.md §3, §4)."""
