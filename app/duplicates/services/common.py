"""Possible duplicates, the shared part: the fields a merge picks, the error, reading and
locking a pair of records, and a pair's fingerprint."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update
from sqlalchemy.orm import joinedload

from app.applications.models import Application, Candidate
from app.duplicates.models import CandidateMerge
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
