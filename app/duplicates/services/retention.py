"""Possible duplicates in retention and erasure: merges become final after 30 days; erasing
a person removes the snapshots, dismissals and audit lines about them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, delete, or_

from app import audit
from app.clock import utcnow
from app.duplicates.models import CandidateMerge, DuplicateDismissal
from app.extensions import db

# ---------------------------------------------------------------- retention and erasure

def purge_expired(now: datetime | None = None) -> int:
    """Retention step: merges older than 30 days become final (their snapshot goes)."""
    result = db.session.execute(delete(CandidateMerge).where(CandidateMerge.expires_at <= (now or utcnow())))
    return result.rowcount or 0


def forget_candidate(company_id: int, candidate_id: int) -> None:
    """Erasure: the snapshots of merges into this person (they hold the removed record's
    data), their "not the same person" answers and the audit lines about both. The caller
    commits."""
    db.session.execute(delete(CandidateMerge).where(CandidateMerge.company_id == company_id,
                                                    CandidateMerge.survivor_id == candidate_id))
    db.session.execute(delete(DuplicateDismissal).where(
        DuplicateDismissal.company_id == company_id,
        or_(DuplicateDismissal.low_id == candidate_id, DuplicateDismissal.high_id == candidate_id)))
    db.session.execute(delete(audit.AuditEntry).where(
        audit.AuditEntry.company_id == company_id,
        or_(and_(audit.AuditEntry.object == f"candidate:{candidate_id}",
                 audit.AuditEntry.action.in_(("candidate_merged", "candidate_split"))),
            audit.AuditEntry.object.like(f"candidate\\_pair:{candidate_id}-%", escape="\\"),
            audit.AuditEntry.object.like(f"candidate\\_pair:%-{candidate_id}", escape="\\"))))
