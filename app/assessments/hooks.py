"""Imported at start-up: the assessment feature's receivers, columns, actions and panels."""
