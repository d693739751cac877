"""Imported at start-up: the assessment feature's stage-entry receiver, partner call
handlers and gate (services), and its list columns. The card panel, ⋯ action, settings
links and navigation entries register with the admin and staff views."""

import app.assessments.columns
import app.assessments.services  # noqa: F401
