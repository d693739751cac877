"""Imported at start-up (``register_features``): what scorecards plug into the core — the
"Score" column of the applications list and the score badge on the board's chips. Their
recruiter presentation (card panel, ⋯ actions, settings links, the form and the export) is
``app/admin/views/scorecards.py``; erasure is ``app.privacy`` calling
``services.forget_applications``."""

from __future__ import annotations

from app.plugins import plugins
from app.scorecards import columns

plugins.list_column(columns.COLUMN)  # "Score": the average recommendation
plugins.chip_badge(columns.CHIP_BADGE)  # the same on the board's chips
