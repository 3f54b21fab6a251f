"""Fault injection: the app under the faults a live workshop meets (design.md §3, §4)."""
