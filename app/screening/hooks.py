"""Imported at start-up (``register_features``): what screening questions plug into the core —
the answers saved (and a knock-out applied) in the apply transaction, and the "Screening
answers" list column. The recruiter side (the question editor, the card panel, the timeline
text) is ``app/admin/views/screening.py``; the apply form is the portal's; erasure and the
data export are ``app.privacy`` calling ``services``."""

from __future__ import annotations

from app.applications.services import applied
from app.plugins import plugins
from app.screening import columns, services

plugins.list_column(columns.COLUMN)
plugins.list_column_source(columns.SOURCE)  # a column per question of the job shown
applied.connect(services.on_applied)
