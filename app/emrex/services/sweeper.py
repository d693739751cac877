"""EMREX, the sweeper's work (reminders, stale hand-offs, expiry) and the registry cache."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app
from sqlalchemy import select, update

from app.clock import utcnow
from app.emrex.models import (
    OPEN_STATES,
    AttemptOutcome,
    EmrexAttempt,
    EmrexContactPoint,
    EmrexCountry,
    EmrexRegistrySync,
    EmrexRequest,
    EmrexRequestStatus,
    EmrexSummaryStatus,
)
from app.emrex.services.common import HANDOFF_WINDOW, REMINDER_DAYS
from app.emrex.services.invites import _event, _send_invite, _summary
from app.emrex.services.returns import _close
from app.extensions import db

# ---------------------------------------------------------------- the sweeper's work

def send_due_reminders(limit: int = 500) -> int:
    """Days 3, 7 and 14 after the request, while it is open and reminders are on."""
    now = utcnow()
    ids = db.session.scalars(select(EmrexRequest.id).where(
        EmrexRequest.status.in_(OPEN_STATES), EmrexRequest.reminders_enabled.is_(True),
        EmrexRequest.next_reminder_at.is_not(None), EmrexRequest.next_reminder_at <= now).limit(limit)).all()
    sent = 0
    for request_id in ids:
        request = db.session.get(EmrexRequest, request_id, with_for_update=True)
        if request is None or not request.is_open or request.next_reminder_at is None or request.next_reminder_at > now:
            continue
        request.reminders_sent += 1
        _send_invite(request, request.application, kind="reminded")
        later = [d for d in REMINDER_DAYS if request.sent_at + timedelta(days=d) > now]
        request.next_reminder_at = request.sent_at + timedelta(days=later[0]) if later else None
        db.session.commit()
        sent += 1
    return sent


def close_stale_attempts() -> int:
    """An attempt with no return after 15 minutes is closed; the request goes back to sent."""
    cutoff = utcnow() - HANDOFF_WINDOW
    ids = db.session.scalars(select(EmrexAttempt.id).where(EmrexAttempt.outcome == AttemptOutcome.OPEN,
                                                           EmrexAttempt.created_at < cutoff)).all()
    for attempt_id in ids:
        claimed = db.session.execute(update(EmrexAttempt).where(
            EmrexAttempt.id == attempt_id, EmrexAttempt.outcome == AttemptOutcome.OPEN, EmrexAttempt.used_at.is_(None))
            .values(used_at=utcnow())).rowcount
        if claimed:
            _close(db.session.get(EmrexAttempt, attempt_id), AttemptOutcome.ABANDONED, "No return within 15 minutes.",
                   reason="abandoned")
        else:
            db.session.rollback()
    return len(ids)


def expire_requests() -> int:
    now = utcnow()
    rows = db.session.scalars(select(EmrexRequest).where(EmrexRequest.status.in_(OPEN_STATES),
                                                         EmrexRequest.expires_at <= now)).all()
    for request in rows:
        request.status, request.finished_at, request.next_reminder_at = EmrexRequestStatus.EXPIRED, now, None
        # The hash stays so the link can say "this request expired"; the encrypted token,
        # kept only to resend the link, goes (an expired request is never sent again).
        request.token_encrypted = request.stated_birth_date = None
        _event(request, "expired")
        _summary(request.application, status=EmrexSummaryStatus.EXPIRED)
    db.session.commit()
    return len(rows)


# ---------------------------------------------------------------- registry

def refresh_registry() -> EmrexRegistrySync:
    """Fetch every configured source and replace the cached registry (a failed refresh
    keeps the previous cache)."""
    from app.integrations import emrex_registry

    sources = [s.strip() for s in (current_app.config["EMREX_REGISTRY_URLS"] or "").split(",") if s.strip()]
    sync = EmrexRegistrySync()
    db.session.add(sync)
    registry = emrex_registry.load(sources)
    sync.finished_at = utcnow()
    sync.detail = "; ".join(registry.problems)[:4000]
    if not registry.contact_points:
        sync.ok = False
        sync.detail = (sync.detail or "no contact points found") if sources else "EMREX_REGISTRY_URLS is empty"
        db.session.commit()
        return sync
    for code, country in registry.countries.items():
        row = db.session.get(EmrexCountry, code) or EmrexCountry(code=code)
        row.name, row.single_fetch = country.name, country.single_fetch
        db.session.add(row)
    existing = {p.url: p for p in db.session.scalars(select(EmrexContactPoint))}
    for url, point in registry.contact_points.items():
        row = existing.pop(url, None) or EmrexContactPoint(url=url)
        row.acronym, row.name, row.country_code = point.acronym, point.name, point.country_code
        row.institutions, row.certificates, row.source, row.is_active = (
            point.institutions, point.certificates, point.source, bool(point.certificates))
        db.session.add(row)
    for gone in existing.values():
        gone.is_active = False
    sync.ok, sync.contact_points = True, len(registry.contact_points)
    db.session.commit()
    return sync


def registry_due() -> bool:
    last = db.session.scalar(select(EmrexRegistrySync).where(EmrexRegistrySync.ok.is_(True))
                             .order_by(EmrexRegistrySync.id.desc()).limit(1))
    return last is None or last.finished_at is None or last.finished_at < utcnow() - timedelta(days=1)
