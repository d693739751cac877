"""Possible duplicates: "Split again" (undo a merge within 30 days)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, delete, exists, select, update

from app import audit
from app.accounts.models import User
from app.applications.models import Application, Candidate, TimelineEvent
from app.clock import utcnow
from app.duplicates.models import CandidateMerge, DuplicateDismissal
from app.duplicates.services.common import _COLUMNS, FIELDS, MergeError, _lock
from app.extensions import db

# ---------------------------------------------------------------- split again

def merges_on_card():
    """The card's read (app/plugins.py ``card_panel``): the application's candidate took in
    another record by a merge that can still be split (``active_merges``)."""
    # The time as a parameter taken when the statement runs: the card builds its reads once.
    return exists().where(CandidateMerge.company_id == Application.company_id,
                          CandidateMerge.survivor_id == Application.candidate_id,
                          CandidateMerge.expires_at > bindparam("merges_now", callable_=lambda: utcnow()))


def active_merges(company_id: int, survivor_id: int) -> list[CandidateMerge]:
    return list(db.session.scalars(select(CandidateMerge).where(
        CandidateMerge.company_id == company_id, CandidateMerge.survivor_id == survivor_id,
        CandidateMerge.expires_at > utcnow()).order_by(CandidateMerge.id.desc())))


def split(company_id: int, merge_id: int, actor: User) -> Candidate:
    """Undo a merge: recreate the removed record (under its old id when it is free), move
    back the applications the merge moved, give the survivor back the values it had where
    nobody changed them since, remove the merge's timeline entries. Returns the recreated
    record. Commits once."""
    found = db.session.scalar(select(CandidateMerge).where(CandidateMerge.id == merge_id,
                                                           CandidateMerge.company_id == company_id))
    if found is None:
        raise MergeError("split" if _was_split(company_id, merge_id) else "unknown")
    survivor_id = found.survivor_id
    locked = _lock(company_id, [survivor_id])
    snapshot = db.session.scalar(select(CandidateMerge).where(CandidateMerge.id == merge_id)
                                 .with_for_update().execution_options(populate_existing=True))
    if snapshot is None or not locked:
        db.session.rollback()
        raise MergeError("gone", survivor_id=survivor_id)
    if snapshot.expires_at <= utcnow():
        db.session.rollback()
        raise MergeError("expired")
    survivor = locked[0]
    data = dict(snapshot.merged_data)
    old_id = data.pop("id")
    created_at = datetime.fromisoformat(data.pop("created_at"))
    restored = Candidate(company_id=company_id, created_at=created_at, **data)
    if db.session.get(Candidate, old_id) is None:
        restored.id = old_id
    db.session.add(restored)
    db.session.flush()
    after, before = snapshot.survivor_after, snapshot.survivor_before
    for key in FIELDS:
        columns = _COLUMNS[key]
        if all(getattr(survivor, c) == after.get(c) for c in columns):
            for c in columns:
                setattr(survivor, c, before.get(c))
    moved = list(snapshot.moved_application_ids)
    db.session.execute(update(Application).where(
        Application.id.in_(moved or [-1]), Application.company_id == company_id,
        Application.candidate_id == survivor.id).values(candidate_id=restored.id, updated_at=Application.updated_at))
    db.session.execute(delete(TimelineEvent).where(TimelineEvent.id.in_(snapshot.event_ids or [-1]),
                                                   TimelineEvent.company_id == company_id))
    alive = {restored.id, *db.session.scalars(select(Candidate.id).where(Candidate.company_id == company_id,
                                                                          Candidate.id.in_(
                                                                              [d[0] for d in snapshot.dismissals]
                                                                              + [d[1] for d in snapshot.dismissals]
                                                                              or [-1])))}
    for low, high, actor_id, at in snapshot.dismissals:
        low, high = (restored.id if low == old_id else low), (restored.id if high == old_id else high)
        if low in alive and high in alive:
            db.session.add(DuplicateDismissal(company_id=company_id, low_id=min(low, high), high_id=max(low, high),
                                              actor_id=actor_id, created_at=datetime.fromisoformat(at)))
    audit.record(company_id=company_id, actor=audit.actor_of(actor), object=f"candidate:{survivor.id}",
                 action="candidate_split", after={"merge": snapshot.id, "restored_candidate": restored.id,
                                                  "applications_moved_back": moved})
    db.session.delete(snapshot)
    db.session.commit()
    return restored


def _was_split(company_id: int, merge_id: int) -> bool:
    """Whether this company's audit log records the split of ``merge_id`` (a second click
    on "Split again" gets a clear answer; another company's id stays a plain 404)."""
    recent = db.session.scalars(select(audit.AuditEntry.after).where(
        audit.AuditEntry.company_id == company_id, audit.AuditEntry.action == "candidate_split")
        .order_by(audit.AuditEntry.id.desc()).limit(500))
    return any((after or {}).get("merge") == merge_id for after in recent)
