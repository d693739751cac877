"""TopCV, the outbound calls (run in tasks through the partner delivery log) and the
reconciliation of postings."""

from __future__ import annotations

import logging

from sqlalchemy import select

from app.boards.models import OPEN_POSTING_STATUSES, Posting, PostingStatus
from app.boards.services.common import RECONCILE_EVERY
from app.boards.services.inbound import _notify_moderation
from app.boards.services.integration import _fail_reason, _note_result, client_for
from app.boards.services.postings import _apply_board_status, _hash, board_body
from app.clock import utcnow
from app.extensions import db
from app.integrations.http import CallResult
from app.partners import services as partners
from app.partners.models import IntegrationStatus, PartnerDelivery, PartnerIntegration
from app.problems import store

log = logging.getLogger(__package__)  # "app.boards.services", as before the split


# ---------------------------------------------------------------- outbound calls (tasks)

def _posting_of(delivery: PartnerDelivery) -> Posting | None:
    posting_id = (delivery.target or {}).get("posting_id")
    return db.session.get(Posting, posting_id) if posting_id else None


def _finish(posting: Posting | None, integration: PartnerIntegration, result: CallResult) -> CallResult:
    _note_result(integration, result)
    if posting is not None and not result.ok and not result.retryable:
        posting.last_error = _fail_reason(result)
    return result


def post_job(delivery: PartnerDelivery, integration: PartnerIntegration) -> CallResult:
    posting = _posting_of(delivery)
    if posting is None or posting.board_job_id:  # already posted (a retry after success)
        return CallResult(200, data={"note": "nothing to do"})
    body = board_body(posting)
    client = client_for(integration)
    result = None
    if delivery.attempts > 1:  # an earlier try may have created it at TopCV though we never saw the answer
        result = _created_unseen(client, posting, body)
        if result is not None and not result.ok:
            return _finish(posting, integration, result)  # cannot check: retry later rather than risk a second job
    if result is None:
        result = client.create_job(body)
    if result.ok and isinstance(result.data, dict) and result.data.get("board_job_id"):
        posting.board_job_id = str(result.data["board_job_id"])[:100]
        posting.status = result.data.get("status") or PostingStatus.PENDING_REVIEW
        posting.last_payload_hash, posting.last_error = _hash(body), None
        posting.last_synced_at, posting.sync_due_at = utcnow(), utcnow() + RECONCILE_EVERY
    elif result.ok:
        result = CallResult(result.status_code, error=store("topcv.no_board_job_id"), latency_ms=result.latency_ms)
    return _finish(posting, integration, result)


def _created_unseen(client, posting: Posting, body: dict) -> CallResult | None:
    """Before a create is retried: the job an earlier, unanswered try (a timeout, a dropped
    connection) made at TopCV — same ``external_job_id`` and title, not yet any posting's —
    as if the create had answered; None when there is none; a failed result when TopCV
    cannot be asked (retried later, so a second remote job is never made blind)."""
    listed = client.list_jobs()
    if not listed.ok:
        return listed if listed.retryable else None
    claimed = set(db.session.scalars(select(Posting.board_job_id).where(
        Posting.company_id == posting.company_id, Posting.board_job_id.is_not(None))))
    for job in listed.data if isinstance(listed.data, list) else []:
        if (isinstance(job, dict) and job.get("board_job_id") and str(job["board_job_id"]) not in claimed
                and str(job.get("external_job_id") or "") == str(body.get("external_job_id") or "")
                and job.get("title") == body.get("title")
                and job.get("status") not in (PostingStatus.CLOSED, PostingStatus.EXPIRED)):
            log.info("posting %s: adopting %s made by an unanswered earlier try", posting.id, job["board_job_id"])
            return CallResult(listed.status_code, data={"board_job_id": job["board_job_id"],
                                                        "status": job.get("status") or PostingStatus.PENDING_REVIEW},
                              latency_ms=listed.latency_ms)
    return None


def _posted(fn):
    """A call about a posting that exists on TopCV: without one there is nothing to do."""
    def handler(delivery: PartnerDelivery, integration: PartnerIntegration) -> CallResult:
        posting = _posting_of(delivery)
        if posting is None or not posting.board_job_id:
            return CallResult(200, data={"note": "nothing to do"})
        return _finish(posting, integration, fn(posting, integration))
    return handler


@_posted
def update_job(posting: Posting, integration: PartnerIntegration) -> CallResult:
    body = board_body(posting)
    if posting.last_payload_hash == _hash(body):
        return CallResult(200, data={"note": "no changes"})
    result = client_for(integration).update_job(posting.board_job_id, body)
    if result.ok:
        posting.last_payload_hash, posting.last_error, posting.last_synced_at = _hash(body), None, utcnow()
        if isinstance(result.data, dict):
            _apply_board_status(posting, result.data)
    return result


@_posted
def close_job(posting: Posting, integration: PartnerIntegration) -> CallResult:
    result = client_for(integration).close_job(posting.board_job_id)
    if result.ok:
        posting.status, posting.last_error, posting.last_synced_at = PostingStatus.CLOSED, None, utcnow()
    return result


@_posted
def sync_job(posting: Posting, integration: PartnerIntegration) -> CallResult:
    result = client_for(integration).get_job(posting.board_job_id)
    if result.ok and isinstance(result.data, dict):
        before = posting.status
        _apply_board_status(posting, result.data)
        posting.last_synced_at = utcnow()
        if before != posting.status and posting.status in (PostingStatus.APPROVED, PostingStatus.REJECTED):
            _notify_moderation(posting)
    elif result.status_code == 404:
        posting.last_error = store("topcv.job_unknown")
    return result


def posting_dead(delivery: PartnerDelivery, integration: PartnerIntegration) -> None:
    """A call about a posting ran out of retries: the posting says so."""
    posting = _posting_of(delivery)
    if posting is not None:
        posting.last_error = store("topcv.gave_up", attempts=delivery.attempts, cause=delivery.error)


def reconcile_postings(limit: int = 200) -> int:
    """Pull the status of open postings every 6 h, so a missed webhook still converges."""
    now = utcnow()
    rows = db.session.scalars(select(Posting).join(PartnerIntegration, PartnerIntegration.id == Posting.integration_id)
                              .where(Posting.status.in_(OPEN_POSTING_STATUSES), Posting.board_job_id.is_not(None),
                                     Posting.sync_due_at <= now,
                                     PartnerIntegration.status.in_((IntegrationStatus.CONFIGURED,
                                                                    IntegrationStatus.ERROR)))
                              .limit(limit)).all()
    for posting in rows:
        posting.sync_due_at = now + RECONCILE_EVERY
        partners.queue_call(db.session.get(PartnerIntegration, posting.integration_id), "topcv.sync_job",
                            target={"posting_id": posting.id}, summary=store("topcv.reconcile_summary", job=posting.board_job_id))
    db.session.commit()
    return len(rows)
