"""Possible duplicates: the merge screen and the merge (the older record survives; the other
record's applications move to it; a snapshot is kept for "Split again")."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, or_, select, update

from app import audit
from app.accounts.models import User
from app.applications.models import Application, ApplicationStatus, Candidate, TimelineEvent
from app.clock import utcnow
from app.duplicates.models import CandidateMerge, DuplicateDismissal
from app.duplicates.services.common import (
    _COLUMNS,
    FIELDS,
    UNDO_FOR,
    MergeError,
    _lock,
    _pair,
    _raise_missing,
    _values,
    applications_of,
    version_of,
)
from app.duplicates.services.suggestions import reasons_for
from app.extensions import db

# ---------------------------------------------------------------- merge

@dataclass
class MergeScreen:
    """Both records as the merge screen shows them, the older (surviving) one first."""

    survivor: Candidate
    other: Candidate
    apps: dict[int, list[Application]]
    transcripts: dict[int, list]
    orders: dict[int, list]
    version: str
    conflicts: list[tuple[Application, Application]]
    reasons: list[str]
    finalises: int


def merge_screen(company_id: int, a_id: int, b_id: int) -> MergeScreen:
    """Read both records for the merge screen (a fixed number of queries)."""
    from app.assessments.models import AssessmentOrder
    from app.emrex.models import EmrexTranscript

    survivor, other = _pair(company_id, a_id, b_id)
    apps = applications_of(company_id, [survivor.id, other.id])
    app_ids = [x.id for rows in apps.values() for x in rows] or [-1]
    transcripts: dict[int, list] = {}
    for t in db.session.scalars(select(EmrexTranscript).where(EmrexTranscript.company_id == company_id,
                                                              EmrexTranscript.application_id.in_(app_ids))
                                .order_by(EmrexTranscript.id)):
        transcripts.setdefault(t.application_id, []).append(t)
    orders: dict[int, list] = {}
    for o in db.session.scalars(select(AssessmentOrder).where(AssessmentOrder.company_id == company_id,
                                                              AssessmentOrder.application_id.in_(app_ids))
                                .order_by(AssessmentOrder.id)):
        orders.setdefault(o.application_id, []).append(o)
    sources = {cid: {x.source for x in rows} for cid, rows in apps.items()}
    finalises = db.session.scalar(select(db.func.count(CandidateMerge.id)).where(
        CandidateMerge.company_id == company_id, CandidateMerge.survivor_id == other.id)) or 0
    return MergeScreen(survivor, other, apps, transcripts, orders, version_of(survivor, other, apps),
                       open_conflicts(apps[survivor.id], apps[other.id]), reasons_for(survivor, other, sources),
                       finalises)


def open_conflicts(a_apps: list[Application], b_apps: list[Application]) -> list[tuple[Application, Application]]:
    """Pairs of open applications of the two records to the same job: both are kept by a
    merge (the person then has two open applications there; a recruiter closes one)."""
    mine = {x.job_id: x for x in a_apps if x.status in (ApplicationStatus.OPEN, ApplicationStatus.PENDING) and x.job_id}
    return [(mine[x.job_id], x) for x in b_apps
            if x.status in (ApplicationStatus.OPEN, ApplicationStatus.PENDING) and x.job_id in mine]


def merge(company_id: int, a_id: int, b_id: int, choices: dict[str, int], actor: User,
          version: str | None = None) -> CandidateMerge:
    """Join two records of one person. The older record (lower id) survives, with the
    value of each field taken from the side the recruiter picked; the other record's
    applications move to it and the record is removed. Commits once."""
    if a_id == b_id:
        raise MergeError("same")
    locked = _lock(company_id, [a_id, b_id])
    if len(locked) < 2:
        db.session.rollback()
        found = {c.id for c in locked}
        _raise_missing(company_id, [i for i in (a_id, b_id) if i not in found])
    survivor, gone = locked
    apps = applications_of(company_id, [survivor.id, gone.id])
    if version is not None and version != version_of(survivor, gone, apps):
        db.session.rollback()
        raise MergeError("stale")
    if set(choices) != set(FIELDS) or any(v not in (survivor.id, gone.id) for v in choices.values()):
        db.session.rollback()
        raise MergeError("choice")
    now = utcnow()
    before, merged_data = _values(survivor), {**_values(gone), "id": gone.id, "created_at": gone.created_at.isoformat()}
    conflicts = [(x.job_id, y.id) for x, y in open_conflicts(apps[survivor.id], apps[gone.id])]
    moved = [x.id for x in apps[gone.id]]
    for key, source in choices.items():
        if source == gone.id:
            for column in _COLUMNS[key]:
                setattr(survivor, column, getattr(gone, column))
    db.session.execute(update(Application).where(Application.id.in_(moved or [-1]),
                                                 Application.company_id == company_id)
                       .values(candidate_id=survivor.id, updated_at=Application.updated_at))
    dismissals = db.session.scalars(select(DuplicateDismissal).where(
        DuplicateDismissal.company_id == company_id,
        or_(DuplicateDismissal.low_id == gone.id, DuplicateDismissal.high_id == gone.id))).all()
    kept_dismissals = [[d.low_id, d.high_id, d.actor_id, d.created_at.isoformat()] for d in dismissals]
    for d in dismissals:
        db.session.delete(d)
    # Earlier merges into the removed record become final: their survivor is gone.
    finalised = list(db.session.scalars(select(CandidateMerge.id).where(CandidateMerge.survivor_id == gone.id)))
    db.session.execute(delete(CandidateMerge).where(CandidateMerge.id.in_(finalised or [-1])))
    db.session.flush()
    events = []
    for app_id in sorted(set(moved) | {x.id for x in apps[survivor.id]}):
        event = TimelineEvent(company_id=company_id, application_id=app_id, kind="candidate_merged",
                              actor_id=actor.id, data={"other": gone.id, "moved": app_id in moved})
        db.session.add(event)
        events.append(event)
    db.session.expunge(gone)  # removed by statement: the ORM must not touch its stale collection
    db.session.execute(delete(Candidate).where(Candidate.id == gone.id, Candidate.company_id == company_id))
    db.session.flush()
    snapshot = CandidateMerge(company_id=company_id, survivor_id=survivor.id, merged_candidate_id=gone.id,
                              merged_data=merged_data, survivor_before=before, survivor_after=_values(survivor),
                              moved_application_ids=moved, event_ids=[e.id for e in events],
                              dismissals=kept_dismissals, actor_id=actor.id, created_at=now,
                              expires_at=now + UNDO_FOR)
    db.session.add(snapshot)
    db.session.flush()
    audit.record(company_id=company_id, actor=audit.actor_of(actor), object=f"candidate:{survivor.id}",
                 action="candidate_merged",
                 after={"merge": snapshot.id, "removed_candidate": gone.id, "applications_moved": moved,
                        "values_from": {k: ("removed" if v == gone.id else "kept") for k, v in sorted(choices.items())},
                        "both_open_for_jobs": sorted({job for job, _ in conflicts}),
                        "earlier_merges_final": finalised})
    db.session.commit()
    db.session.expire(survivor)
    return snapshot
