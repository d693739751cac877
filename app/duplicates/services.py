"""Possible duplicates, dismissals, merge and split.

Nothing here attaches an application to a person by itself: suggestions are shown to
recruiters, and only a recruiter's merge joins two records. A merge moves the removed
record's applications (and with them everything keyed on the application: timeline,
notes, stage history, files, EMREX requests and transcripts, assessment orders and
results, emails) to the surviving record and keeps a snapshot for 30 days so that "Split
again" can put back exactly what was moved.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, delete, exists, or_, select, union, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased, joinedload

from app import audit
from app.accounts.models import User
from app.applications.models import Application, ApplicationStatus, Candidate, TimelineEvent
from app.clock import utcnow
from app.duplicates.models import CandidateMerge, DuplicateDismissal
from app.extensions import db
from app.problems import Problem

UNDO_FOR = timedelta(days=30)
#: The values a recruiter picks on the merge screen; each is one side's value as a whole.
FIELDS = ("name", "email", "phone")
_COLUMNS = {"name": ("given_names", "family_name", "name_unverified"), "email": ("email", "email_normalized"),
            "phone": ("phone", "phone_normalized")}
_SNAPSHOT = ("given_names", "family_name", "email", "email_normalized", "phone", "phone_normalized", "locale",
             "name_unverified")


class MergeError(Problem):
    """A merge rule was broken; ``code`` names it (``unknown`` is a 404 in the admin).

    unknown: an id that is not a candidate of the company; same: one record twice;
    gone: a record was merged or erased meanwhile; stale: a record changed since the
    screen was opened; choice: a field choice that is not one of the two records;
    expired: the merge can no longer be split; split: it was split already.
    """

    messages = {
        "unknown": _l("Unknown candidate."),
        "same": _l("Pick two different candidates: this is the same record twice."),
        "gone": _l("One of these records no longer exists: it was merged into another record or erased meanwhile. "
                   "Nothing was changed."),
        "stale": _l("These records changed after you opened the merge screen. Nothing was changed: check them "
                    "again and confirm."),
        "choice": _l("Pick each value from one of the two records."),
        "expired": _l("This merge can no longer be split: the 30 days for undoing it are over."),
        "split": _l("This merge was already split: the records are separate. Nothing was changed."),
    }


# ---------------------------------------------------------------- suggestions

@dataclass
class Suggestion:
    a: Candidate
    b: Candidate
    reasons: list[str] = field(default_factory=list)


def _name_key(candidate: Candidate) -> str:
    text = unicodedata.normalize("NFKD", f"{candidate.given_names} {candidate.family_name}".replace("đ", "d")
                                 .replace("Đ", "D"))
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).casefold().split())


def reasons_for(a: Candidate, b: Candidate, sources: dict[int, set[str]] | None = None) -> list[str]:
    """Why two records may be one person, as reason codes (the template words them):
    same_name_phone, same_phone, same_email, similar_email, topcv_phone_only."""
    sources = sources or {}
    out = []
    if a.phone_normalized and a.phone_normalized == b.phone_normalized:
        out.append("same_name_phone" if _name_key(a) == _name_key(b) else "same_phone")
        for one, other in ((a, b), (b, a)):
            if not one.email and "topcv" in sources.get(one.id, set()) and other.email:
                out.append("topcv_phone_only")
                break
    if a.email_key and a.email_key == b.email_key:
        out.append("same_email" if a.email_normalized == b.email_normalized else "similar_email")
    return out


def _not_dismissed(company_id: int, low, high):
    return ~exists().where(DuplicateDismissal.company_id == company_id, DuplicateDismissal.low_id == low,
                           DuplicateDismissal.high_id == high)


def _pairs_query(company_id: int):
    """(low id, high id) of every undismissed pair sharing a phone or an email key."""
    c1, c2 = aliased(Candidate), aliased(Candidate)
    by_phone = (select(c1.id.label("low"), c2.id.label("high"))
                .join(c2, and_(c2.company_id == c1.company_id, c2.phone_normalized == c1.phone_normalized,
                               c2.id > c1.id))
                .where(c1.company_id == company_id, c1.phone_normalized.is_not(None)))
    c3, c4 = aliased(Candidate), aliased(Candidate)
    by_email = (select(c3.id.label("low"), c4.id.label("high"))
                .join(c4, and_(c4.company_id == c3.company_id, c4.email_key == c3.email_key, c4.id > c3.id))
                .where(c3.company_id == company_id, c3.email_key.is_not(None)))
    pairs = union(by_phone, by_email).subquery()
    return pairs, select(pairs.c.low, pairs.c.high).where(_not_dismissed(company_id, pairs.c.low, pairs.c.high))


def suggestions(company_id: int, *, page: int = 1, per_page: int = 50) -> tuple[list[Suggestion], bool]:
    """One page of possible duplicates, newest records first, and whether there is more.
    Three queries whatever the page size: the pairs, their candidates, their applications."""
    pairs, stmt = _pairs_query(company_id)
    rows = db.session.execute(stmt.order_by(pairs.c.high.desc(), pairs.c.low.desc())
                              .limit(per_page + 1).offset((page - 1) * per_page)).all()
    more = len(rows) > per_page
    rows = rows[:per_page]
    ids = {i for row in rows for i in row}
    people = _with_applications(company_id, ids)
    sources = {cid: {a.source for a in c.applications} for cid, c in people.items()}
    out = []
    for low, high in rows:
        a, b = people[low], people[high]
        out.append(Suggestion(a, b, reasons_for(a, b, sources)))
    return out, more


def _with_applications(company_id: int, ids: set[int]) -> dict[int, Candidate]:
    if not ids:
        return {}
    from sqlalchemy.orm import selectinload

    rows = db.session.scalars(select(Candidate).where(Candidate.company_id == company_id, Candidate.id.in_(ids))
                              .options(selectinload(Candidate.applications).joinedload(Application.job),
                                       selectinload(Candidate.applications).joinedload(Application.stage))).all()
    return {c.id: c for c in rows}


def suggestions_for_candidate(candidate: Candidate, limit: int = 5) -> list[Suggestion]:
    """Possible duplicates of one record (the application card): one query."""
    conditions = []
    if candidate.phone_normalized:
        conditions.append(Candidate.phone_normalized == candidate.phone_normalized)
    if candidate.email_key:
        conditions.append(Candidate.email_key == candidate.email_key)
    if not conditions:
        return []
    cid = candidate.company_id
    others = db.session.scalars(
        select(Candidate).where(Candidate.company_id == cid, Candidate.id != candidate.id, or_(*conditions),
                                ~exists().where(DuplicateDismissal.company_id == cid, or_(
                                    and_(DuplicateDismissal.low_id == candidate.id,
                                         DuplicateDismissal.high_id == Candidate.id),
                                    and_(DuplicateDismissal.high_id == candidate.id,
                                         DuplicateDismissal.low_id == Candidate.id))))
        .options(joinedload(Candidate.applications)).order_by(Candidate.id.desc()).limit(limit)).unique().all()
    sources = {c.id: {a.source for a in c.applications} for c in [candidate, *others]}
    return [Suggestion(candidate, other, reasons_for(candidate, other, sources)) for other in others]


def suggestion_count(company_id: int) -> int:
    _pairs, stmt = _pairs_query(company_id)
    return db.session.scalar(select(db.func.count()).select_from(stmt.subquery())) or 0


# ---------------------------------------------------------------- dismissals

def _pair(company_id: int, a_id: int, b_id: int) -> tuple[Candidate, Candidate]:
    if a_id == b_id:
        raise MergeError("same")
    rows = {c.id: c for c in db.session.scalars(select(Candidate).where(
        Candidate.company_id == company_id, Candidate.id.in_((a_id, b_id))))}
    missing = [i for i in (a_id, b_id) if i not in rows]
    if missing:
        _raise_missing(company_id, missing)
    return rows[min(a_id, b_id)], rows[max(a_id, b_id)]


def _raise_missing(company_id: int, missing: list[int]) -> None:
    """A record merged away in this company (its snapshot still names it) is "gone"; any
    other unknown id (another company's, or never existed) is "unknown" (the view's 404)."""
    merged = db.session.scalar(select(CandidateMerge).where(
        CandidateMerge.company_id == company_id, CandidateMerge.merged_candidate_id.in_(missing)).limit(1))
    if merged is not None:
        raise MergeError("gone", survivor_id=merged.survivor_id)
    raise MergeError("unknown")


def dismiss(company_id: int, a_id: int, b_id: int, actor: User) -> DuplicateDismissal:
    """Remember that two records are different people (idempotent), audited."""
    low, high = _pair(company_id, a_id, b_id)
    row = db.session.scalar(select(DuplicateDismissal).where(
        DuplicateDismissal.company_id == company_id, DuplicateDismissal.low_id == low.id,
        DuplicateDismissal.high_id == high.id))
    if row is None:
        row = DuplicateDismissal(company_id=company_id, low_id=low.id, high_id=high.id, actor_id=actor.id)
        db.session.add(row)
        audit.record(company_id=company_id, actor=audit.actor_of(actor), object=f"candidate_pair:{low.id}-{high.id}",
                     action="duplicate_dismissed", after={"candidates": [low.id, high.id]})
    try:
        db.session.commit()
    except IntegrityError:  # a colleague answered the same pair at the same moment: their row stands
        db.session.rollback()
        row = db.session.scalar(select(DuplicateDismissal).where(
            DuplicateDismissal.company_id == company_id, DuplicateDismissal.low_id == low.id,
            DuplicateDismissal.high_id == high.id))
        if row is None:
            raise
    return row


# ---------------------------------------------------------------- merge

def _values(candidate: Candidate) -> dict:
    return {key: getattr(candidate, key) for key in _SNAPSHOT}


def applications_of(company_id: int, ids: list[int]) -> dict[int, list[Application]]:
    """The records' applications, read fresh (with job and stage), by candidate id."""
    out: dict[int, list[Application]] = {i: [] for i in ids}
    for row in db.session.scalars(select(Application).where(
            Application.company_id == company_id, Application.candidate_id.in_(ids or [-1]))
            .options(joinedload(Application.job), joinedload(Application.stage)).order_by(Application.id)
            .execution_options(populate_existing=True)):
        out[row.candidate_id].append(row)
    return out


def version_of(a: Candidate, b: Candidate, apps: dict[int, list[Application]]) -> str:
    """A short fingerprint of both records as the merge screen showed them: the values and
    the applications. The merge is refused if it changed before the recruiter confirmed."""
    state = [[c.id, [getattr(c, k) for k in _SNAPSHOT],
              sorted((x.id, x.status, x.job_id or 0) for x in apps.get(c.id, []))]
             for c in sorted((a, b), key=lambda c: c.id)]
    return hashlib.sha256(json.dumps(state, default=str).encode()).hexdigest()[:32]


def _lock(company_id: int, ids: list[int]) -> list[Candidate]:
    """Lock the records in id order (two merges of the same pair, either way round, queue
    here) and read them fresh. SQLite has no row locks: a write first takes its database
    lock for the rest of the transaction."""
    ids = sorted(set(ids))
    if db.session.get_bind().dialect.name == "sqlite":
        db.session.execute(update(Candidate).where(Candidate.id.in_(ids), Candidate.company_id == company_id)
                           .values(company_id=Candidate.company_id))
    return list(db.session.scalars(
        select(Candidate).where(Candidate.id.in_(ids), Candidate.company_id == company_id)
        .order_by(Candidate.id).with_for_update().execution_options(populate_existing=True)))


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


# ---------------------------------------------------------------- split again

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
