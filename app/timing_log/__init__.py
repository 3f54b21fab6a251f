"""The timing log on disk: JSON Lines writer, tolerant reader, recovery and reports. No Qt."""
