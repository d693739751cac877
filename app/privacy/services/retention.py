"""Candidate data rights, retention: a company's retention period and the sweep that erases
candidates inactive for longer."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select

from app import audit
from app.accounts.models import Company, User
from app.applications.models import Application, Candidate, StageEntry, TimelineEvent
from app.clock import utcnow
from app.extensions import db
from app.messaging.models import OutboxEmail, OutboxStatus
from app.privacy.models import DataExportRequest
from app.privacy.services.common import (
    ERASED_FAMILY,
    ERASED_GIVEN,
    EXPORT_KEEP_AFTER_EXPIRY,
    EXPORT_LINK_VALID,
    RETENTION_BATCH,
    PrivacyError,
)
from app.privacy.services.erasure import _erase, drop_queued_tasks

# ---------------------------------------------------------------- retention

def set_retention(company_id: int, months: int, actor: User, *, privacy_notice_url: str | None | bool = False
                  ) -> Company:
    """The retention period and, when given (``None`` clears it), the company's own privacy
    notice: checked, audited when changed, one commit."""
    if not isinstance(months, int) or not 1 <= months <= 120:
        raise PrivacyError("bad_retention")
    company = db.session.get(Company, company_id)
    before = company.retention_months
    if before != months:
        company.retention_months = months
        audit.record(company_id=company_id, actor=audit.actor_of(actor), object=f"company:{company_id}",
                     action="retention_changed", before={"retention_months": before},
                     after={"retention_months": months})
    if privacy_notice_url is not False:
        url = (privacy_notice_url or "").strip() or None
        if url is not None and (not url.lower().startswith("https://") or len(url) > 500 or len(url) < 12
                                or any(c.isspace() for c in url)):
            db.session.rollback()
            raise PrivacyError("bad_notice_url")
        if url != company.privacy_notice_url:
            audit.record(company_id=company_id, actor=audit.actor_of(actor), object=f"company:{company_id}",
                         action="privacy_notice_changed", before={"privacy_notice_url": company.privacy_notice_url},
                         after={"privacy_notice_url": url})
            company.privacy_notice_url = url
    db.session.commit()
    return company


def last_activity_query():
    """Per candidate, their last activity: the newest of the candidate row's creation, an
    application's creation or update (stage moves update it), a stage entry, a timeline
    event (notes, emails, imports, results) and an email to them."""
    parts = [
        select(Candidate.id.label("cid"), Candidate.created_at.label("at")),
        select(Application.candidate_id, func.max(Application.updated_at)).group_by(Application.candidate_id),
        select(Application.candidate_id, func.max(Application.created_at)).group_by(Application.candidate_id),
        select(Application.candidate_id, func.max(StageEntry.entered_at))
        .join(StageEntry, StageEntry.application_id == Application.id).group_by(Application.candidate_id),
        select(Application.candidate_id, func.max(TimelineEvent.created_at))
        .join(TimelineEvent, TimelineEvent.application_id == Application.id).group_by(Application.candidate_id),
        select(Application.candidate_id, func.max(OutboxEmail.created_at))
        .join(OutboxEmail, OutboxEmail.application_id == Application.id).group_by(Application.candidate_id),
    ]
    union = parts[0].union_all(*parts[1:]).subquery()
    return select(union.c.cid, func.max(union.c.at).label("last")).group_by(union.c.cid).subquery()


def expired_candidates(company_id: int, months: int, now: datetime | None = None,
                       limit: int = RETENTION_BATCH) -> list[int]:
    """Candidates of the company with no activity for ``months`` (30-day months) and not
    already anonymised."""
    cutoff = (now or utcnow()) - timedelta(days=30 * months)
    last = last_activity_query()
    stmt = (select(Candidate.id).join(last, last.c.cid == Candidate.id)
            .where(Candidate.company_id == company_id, last.c.last < cutoff,
                   ~((Candidate.given_names == ERASED_GIVEN) & (Candidate.family_name == ERASED_FAMILY)
                     & Candidate.email.is_(None) & Candidate.phone.is_(None)))
            .order_by(Candidate.id).limit(limit))
    return list(db.session.scalars(stmt))


def sweep_retention() -> int:
    """Sweeper step: erase (or anonymise, where hired) every expired candidate of every
    company, purge used-up export links, and make merges older than 30 days final (their
    undo snapshots go). Idempotent: an erased candidate is gone, an anonymised one is
    skipped."""
    from app.duplicates.services import purge_expired

    done = 0
    now = utcnow()
    purge_expired(now)
    db.session.commit()  # always: on SQLite even a DELETE of nothing holds the write lock until commit
    outbox_ids: list[int] = []
    delivery_ids: list[int] = []
    for company_id, months in db.session.execute(select(Company.id, Company.retention_months)).all():
        for candidate_id in expired_candidates(company_id, months, now):
            try:
                _mode, fp = _erase(candidate_id, company_id, None, anonymise=False)
            except PrivacyError:
                db.session.rollback()
                continue
            done += 1
            outbox_ids += fp.outbox
            delivery_ids += fp.deliveries
    drop_queued_tasks(outbox_ids=outbox_ids, delivery_ids=delivery_ids)  # one pass over the queues
    stale = now - EXPORT_LINK_VALID - EXPORT_KEEP_AFTER_EXPIRY
    old = list(db.session.scalars(select(DataExportRequest.id).where(DataExportRequest.created_at < stale)))
    if old:
        db.session.execute(delete(OutboxEmail).where(OutboxEmail.dedupe_key.in_([f"data-export:{i}" for i in old]),
                                                     OutboxEmail.status.in_((OutboxStatus.SENT, OutboxStatus.FAILED))))
        db.session.execute(delete(DataExportRequest).where(DataExportRequest.id.in_(old)))
        db.session.commit()
    return done
