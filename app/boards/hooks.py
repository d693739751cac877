"""Imported at start-up: job-board receivers, gates, sweep steps."""
