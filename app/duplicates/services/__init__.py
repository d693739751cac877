"""Possible duplicates, dismissals, merge and split.

Nothing here attaches an application to a person by itself: suggestions are shown to
recruiters, and only a recruiter's merge joins two records. A merge moves the removed
record's applications (and with them everything keyed on the application: timeline,
notes, stage history, files, EMREX requests and transcripts, assessment orders and
results, emails) to the surviving record and keeps a snapshot for 30 days so that "Split
again" can put back exactly what was moved.

One module per part: ``common`` (fields, the error, reading and locking a pair),
``suggestions`` (and dismissals), ``merge``, ``split`` and ``retention`` (and erasure).
"""

from app.duplicates.services.common import FIELDS, UNDO_FOR, MergeError, applications_of, version_of
from app.duplicates.services.merge import MergeScreen, merge, merge_screen, open_conflicts
from app.duplicates.services.retention import forget_candidate, purge_expired
from app.duplicates.services.split import active_merges, merges_on_card, split
from app.duplicates.services.suggestions import (
    Suggestion,
    dismiss,
    reasons_for,
    suggested_on_card,
    suggestion_count,
    suggestions,
    suggestions_for_candidate,
)

__all__ = [
    "FIELDS", "UNDO_FOR", "MergeError", "MergeScreen", "Suggestion", "active_merges", "applications_of", "dismiss",
    "forget_candidate", "merge", "merge_screen", "merges_on_card", "open_conflicts", "purge_expired", "reasons_for",
    "split", "suggested_on_card", "suggestion_count", "suggestions", "suggestions_for_candidate", "version_of",
]
