"""EMREX, review of held transcripts: a recruiter accepts or discards a transcript that was held
(an identity that does not match, an issuer not expected)."""

from __future__ import annotations

from sqlalchemy import select, update

from app import audit
from app.accounts.models import User
from app.applications import files
from app.applications import services as applications
from app.applications.models import Application
from app.clock import utcnow
from app.emrex.models import (
    COUNTED_REVIEWS,
    EmrexSummary,
    EmrexSummaryStatus,
    EmrexTranscript,
    Review,
)
from app.emrex.services.common import ReviewError
from app.emrex.services.invites import _summary
from app.extensions import db

# ---------------------------------------------------------------- review of held transcripts

def _other_held(application: Application, row: EmrexTranscript) -> bool:
    return db.session.scalar(select(EmrexTranscript.id).where(
        EmrexTranscript.application_id == application.id, EmrexTranscript.id != row.id,
        EmrexTranscript.review_status == Review.HELD).limit(1)) is not None


def _newest_counted(application: Application) -> EmrexTranscript | None:
    return db.session.scalar(select(EmrexTranscript).where(
        EmrexTranscript.application_id == application.id, EmrexTranscript.review_status.in_(COUNTED_REVIEWS))
        .order_by(EmrexTranscript.id.desc()).limit(1))


def _counted_values(application: Application) -> dict:
    """The list columns' values: those of the newest transcript that counts (none: empty)."""
    newest = _newest_counted(application)
    return {"institution": newest.institution if newest else None, "degree": newest.degree if newest else None,
            "credits_total": newest.total_ects if newest else None, "gpa": newest.gpa if newest else None}


def _claim_held(transcript_id: int, company_id: int, decision: Review, actor: User) -> EmrexTranscript:
    """One UPDATE … WHERE review_status = 'held': of two recruiters deciding at once (or
    one double click), exactly one decides; the other gets ``not_held``."""
    claimed = db.session.execute(update(EmrexTranscript).where(
        EmrexTranscript.id == transcript_id, EmrexTranscript.company_id == company_id,
        EmrexTranscript.review_status == Review.HELD).values(
        review_status=decision.value, reviewed_by_id=actor.id, reviewed_at=utcnow())).rowcount
    if not claimed:
        db.session.rollback()
        raise ReviewError("not_held")
    row = db.session.scalar(select(EmrexTranscript).where(EmrexTranscript.id == transcript_id)
                            .execution_options(populate_existing=True))
    return row


def _record_review(row: EmrexTranscript, action: str, actor: User) -> None:
    audit.record(company_id=row.company_id, actor=audit.actor_of(actor), object=f"emrex_transcript:{row.id}",
                 action=action, before={"review": Review.HELD.value, "identity": row.identity_status,
                                        "identity_detail": row.identity_detail},
                 after={"review": row.review_status})


def accept_transcript(transcript_id: int, company_id: int, actor: User) -> EmrexTranscript:
    """A recruiter checked a held transcript and says it is the candidate's: from now on it
    counts (export, list columns, GPA). Audited."""
    row = _claim_held(transcript_id, company_id, Review.ACCEPTED, actor)
    application = db.session.get(Application, row.application_id)
    summary = db.session.get(EmrexSummary, application.id)
    values = {"needs_review": _other_held(application, row), **_counted_values(application)}
    if summary is None or summary.status == EmrexSummaryStatus.HELD:
        values["status"] = EmrexSummaryStatus.COMPLETED
    _summary(application, **values)
    applications.add_event(application, "emrex_accepted", actor=actor, data={
        "institution": row.institution or "", "gpa": str(row.gpa or "")})
    _record_review(row, "emrex.transcript_accepted", actor)
    db.session.commit()
    return row


def discard_transcript(transcript_id: int, company_id: int, actor: User) -> EmrexTranscript:
    """A recruiter says a held transcript is not the candidate's: its content (the other
    person's name, birth date, courses, grades, the signed document and attachments) is
    deleted; a marker with who decided and why stays on the card. Audited."""
    row = _claim_held(transcript_id, company_id, Review.DISCARDED, actor)
    application = db.session.get(Application, row.application_id)
    stored = [row.raw_file] + [a.file for a in row.attachments]
    for attachment in list(row.attachments):
        db.session.delete(attachment)
    row.raw_file = None
    row.learner = row.reports = row.gpa_detail = row.checks = None
    row.institution = row.degree = row.total_ects = row.gpa = None
    _record_review(row, "emrex.transcript_discarded", actor)
    db.session.flush()
    files_gone = [f for f in stored if f is not None]
    for stored_file in files_gone:
        db.session.delete(stored_file)
    summary = db.session.get(EmrexSummary, application.id)
    values = {"needs_review": _other_held(application, row), **_counted_values(application)}
    if summary is not None and summary.status == EmrexSummaryStatus.HELD:
        values["status"] = (EmrexSummaryStatus.COMPLETED if _newest_counted(application) is not None
                            else EmrexSummaryStatus.DISCARDED)
    _summary(application, **values)
    applications.add_event(application, "emrex_discarded", actor=actor)
    paths = [files.path_of(f) for f in files_gone]
    db.session.commit()
    for path in paths:  # after the commit: a failed commit keeps rows and files together
        path.unlink(missing_ok=True)
    return row
