"""The sound cues: their synthesis (``synth``: stdlib only, writes resources/sounds) and their
player (``player``: a worker thread and the system's player program). No Qt. Imported only
when cues are on or tested (ARCHITECTURE.md, "Sound cues")."""
