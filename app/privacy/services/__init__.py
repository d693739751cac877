"""Candidate data rights: export by email link, erasure / anonymisation, retention.

Export is across companies: the data subject is the owner of the email address, and the
link proves they read that mailbox, so they get every application made with it (each
company's part is audited in that company's log). Erasure and retention act within one
company: a company can only delete what it holds.

One module per part: ``common`` (limits, names, the error), ``export``, ``erasure`` and
``retention``.
"""

from app.privacy.services.common import (
    ERASED_FAMILY,
    ERASED_GIVEN,
    EXPORT_KEEP_AFTER_EXPIRY,
    EXPORT_LINK_VALID,
    EXPORT_RESEND_AFTER,
    INTERNAL_EVENT_KINDS,
    RETENTION_BATCH,
    PrivacyError,
)
from app.privacy.services.erasure import Footprint, drop_queued_tasks, erase_candidate, footprint
from app.privacy.services.export import (
    candidate_export,
    collect_export,
    download_export,
    export_request_for,
    request_export,
)
from app.privacy.services.retention import expired_candidates, last_activity_query, set_retention, sweep_retention

__all__ = [
    "ERASED_FAMILY", "ERASED_GIVEN", "EXPORT_KEEP_AFTER_EXPIRY", "EXPORT_LINK_VALID",
    "EXPORT_RESEND_AFTER", "INTERNAL_EVENT_KINDS", "RETENTION_BATCH", "Footprint", "PrivacyError",
    "candidate_export", "collect_export", "download_export", "drop_queued_tasks", "erase_candidate", "expired_candidates",
    "export_request_for", "footprint", "last_activity_query", "request_export", "set_retention",
    "sweep_retention"
]
