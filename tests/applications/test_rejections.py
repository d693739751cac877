"""Rejecting with a reason (issue 16, item 1): the company's reasons, ``reject`` (reason
required and the company's own, the email none / now / later through a due date the sweeper
honours), undo while the email waits, and what a rejection records."""

from __future__ import annotations

from datetime import timedelta

import pytest
from freezegun import freeze_time
from sqlalchemy import func, select

from app import audit
from app.applications import rejections
from app.applications import services as applications
from app.applications.models import Application, RejectionReason, StageEntry, TimelineEvent
from app.applications.rejections import RejectionEmail, RejectionError, reject, undo_rejection
from app.clock import utcnow
from app.extensions import db
from app.messaging.models import OutboxEmail, OutboxStatus
from app.messaging.services import ensure_default_templates
from app.sweeper import sweep


def _setup(make, locale="en"):
    ensure_default_templates()
    company = make.company("acme", "Acme Oy")
    if locale != "en":
        company.default_locale = locale
        db.session.commit()
    job = make.job(company, "Data analyst")
    application = make.application(job, email="aino@example.fi", given="Aino", family="Virtanen")
    applications.enter_stage(application, job.stages[2].id, cause="person")  # Interview
    db.session.commit()
    return company, job, application, make.admin_of(company)


def _rejection_template(company_id):
    return rejections.rejection_templates(company_id)[0]


def _reason(company_id, key="not_qualified"):
    return next(r for r in rejections.reasons(company_id) if r.key == key)


def _rejection_rows():
    return list(db.session.scalars(select(OutboxEmail).where(OutboxEmail.kind == "rejection")))


def test_defaults_are_created_with_the_company_in_its_language(app, make):
    fi = make.company("fi-co", locale="fi")
    en = make.company("en-co")
    # made with the company, in its transaction: reading them writes nothing
    assert db.session.scalar(select(func.count(RejectionReason.id))) == 2 * len(rejections.DEFAULT_REASONS)
    labels = [r.label for r in rejections.reasons(fi.id)]
    assert len(labels) == len(rejections.DEFAULT_REASONS) and "Not qualified" not in labels
    assert [r.label for r in rejections.reasons(en.id)][:2] == ["Not qualified", "Chose another candidate"]
    assert rejections.ensure_default_reasons(fi.id) == 0
    assert db.session.scalar(select(func.count(RejectionReason.id))) == 2 * len(rejections.DEFAULT_REASONS)


def test_reason_is_required_and_must_be_the_companys_own_and_active(app, make, mailbox):
    company, job, application, admin = _setup(make)
    other = make.company("other")
    foreign = rejections.reasons(other.id)[0]
    stage_before = application.stage_id
    for reason_id, code in ((None, "reason_required"), (0, "reason_required"), (foreign.id, "bad_reason"),
                            (999999, "bad_reason")):
        with pytest.raises(RejectionError) as exc:
            reject(application, reason_id, "", None, admin)
        assert exc.value.code == code
    off = _reason(company.id, "withdrew")
    rejections.set_reason_active(company.id, off.id, False, admin)
    with pytest.raises(RejectionError) as exc:
        reject(application, off.id, "", None, admin)
    assert exc.value.code == "bad_reason"
    db.session.refresh(application)
    assert application.stage_id == stage_before and application.status == "open"
    assert application.rejection_reason_id is None and _rejection_rows() == []


def test_a_plain_move_into_the_rejected_stage_is_refused(app, make):
    company, job, application, admin = _setup(make)
    with pytest.raises(applications.ApplicationError) as exc:
        applications.move_to_stage(application, job.stages[-1].id, admin)
    assert exc.value.code == "reason_required"
    assert application.status == "open"


def test_reject_without_email_records_reason_note_actor_and_fires_the_stage_event(app, make, mailbox):
    company, job, application, admin = _setup(make)
    received = []
    from app.jobs.events import stage_entered

    def receiver(application, entry, **_):
        received.append(entry.stage_id)

    stage_entered.connect(receiver)
    try:
        reject(application, _reason(company.id).id, "  Lacks SQL  ", None, admin)
    finally:
        stage_entered.disconnect(receiver)
    db.session.refresh(application)
    rejected = job.stages[-1]
    assert received == [rejected.id]
    assert application.stage_id == rejected.id and application.status == "closed"
    assert application.rejection_reason.key == "not_qualified" and application.rejection_note == "Lacks SQL"
    assert application.rejected_by_id == admin.id and application.rejected_at is not None
    assert _rejection_rows() == []
    event = db.session.scalar(select(TimelineEvent).where(TimelineEvent.kind == "rejected"))
    assert event.data["reason"] == "Not qualified" and event.data["note"] == "Lacks SQL"
    entry = db.session.scalar(select(audit.AuditEntry).where(audit.AuditEntry.action == "application.rejected"))
    assert entry.after["reason_id"] == application.rejection_reason_id and entry.actor == f"user:{admin.id}"
    with pytest.raises(RejectionError) as exc:
        reject(application, _reason(company.id).id, "", None, admin)
    assert exc.value.code == "already_rejected"


def test_email_now_is_sent_in_the_candidates_language(app, make, mailbox):
    company, job, application, admin = _setup(make)
    application.candidate.locale = "fi"
    db.session.commit()
    mailbox.messages.clear()
    reject(application, _reason(company.id).id, "", RejectionEmail(_rejection_template(company.id).id, 0), admin)
    (row,) = _rejection_rows()
    assert row.status == OutboxStatus.SENT and row.due_at is None and row.locale == "fi"
    (msg,) = mailbox.messages
    assert msg["To"] == "aino@example.fi" and "Data analyst" in msg["Subject"]
    with pytest.raises(RejectionError) as exc:
        undo_rejection(application, admin)
    assert exc.value.code == "nothing_to_undo"


def test_a_delayed_email_waits_for_its_due_date_and_the_sweeper_sends_it(app, make, mailbox):
    company, job, application, admin = _setup(make)
    start = utcnow()
    with freeze_time(start):
        mailbox.messages.clear()
        reject(application, _reason(company.id).id, "", RejectionEmail(_rejection_template(company.id).id, 2), admin)
        (row,) = _rejection_rows()
        assert row.status == OutboxStatus.PENDING and row.due_at == start + timedelta(days=2)
        assert rejections.scheduled_email(application).id == row.id
    with freeze_time(start + timedelta(hours=1)):
        sweep()
    with freeze_time(start + timedelta(days=1, hours=23, minutes=59)):
        sweep()
        assert applications_emails(mailbox) == []
        db.session.refresh(row)
        assert row.status == OutboxStatus.PENDING and row.attempts == 0
    with freeze_time(start + timedelta(days=2, minutes=1)):
        sweep()
    db.session.refresh(row)
    assert row.status == OutboxStatus.SENT
    assert applications_emails(mailbox) == ["aino@example.fi"]
    with pytest.raises(RejectionError) as exc:
        undo_rejection(application, admin)
    assert exc.value.code == "already_sent"
    assert application.status == "closed"


def applications_emails(mailbox) -> list[str]:
    return [m["To"] for m in mailbox.messages if m["To"] == "aino@example.fi"]


def test_undo_before_the_email_reopens_in_the_previous_stage_and_cancels_it(app, make, mailbox):
    company, job, application, admin = _setup(make)
    interview = job.stages[2]
    mailbox.messages.clear()  # the application's confirmation
    start = utcnow()
    with freeze_time(start):
        reject(application, _reason(company.id).id, "x", RejectionEmail(_rejection_template(company.id).id, 3), admin)
    runs_before = db.session.scalar(select(func.count(StageEntry.id)))
    with freeze_time(start + timedelta(days=1)):
        undo_rejection(application, admin)
    db.session.refresh(application)
    assert application.stage_id == interview.id and application.status == "open" and application.closed_at is None
    assert application.rejection_reason_id is None and application.rejection_note is None
    (row,) = _rejection_rows()
    assert row.status == OutboxStatus.CANCELLED
    last = db.session.scalar(select(StageEntry).order_by(StageEntry.id.desc()).limit(1))
    assert last.cause == "undo" and last.stage_id == interview.id
    assert db.session.scalar(select(func.count(StageEntry.id))) == runs_before + 1
    assert db.session.scalar(select(audit.AuditEntry).where(
        audit.AuditEntry.action == "application.rejection_undone")) is not None
    with freeze_time(start + timedelta(days=4)):
        sweep()
    db.session.refresh(row)
    assert row.status == OutboxStatus.CANCELLED and applications_emails(mailbox) == []
    with pytest.raises(RejectionError) as exc:
        undo_rejection(application, admin)
    assert exc.value.code == "nothing_to_undo"


def test_moving_out_of_the_rejection_withdraws_the_waiting_email(app, make, mailbox):
    company, job, application, admin = _setup(make)
    reject(application, _reason(company.id).id, "", RejectionEmail(_rejection_template(company.id).id, 7), admin)
    applications.move_to_stage(application, job.stages[1].id, admin)
    (row,) = _rejection_rows()
    assert row.status == OutboxStatus.CANCELLED and application.rejection_reason_id is None


@pytest.mark.parametrize("email,code", [
    (RejectionEmail(999999, 0), "bad_template"),
    (RejectionEmail(None, 2), "bad_template"),
    ("delay", "bad_delay"),
    ("no_address", "no_email"),
])
def test_bad_email_choices_change_nothing(app, make, email, code):
    company, job, application, admin = _setup(make)
    template = _rejection_template(company.id)
    if email == "delay":
        email = RejectionEmail(template.id, 5)
    if email == "no_address":
        application.candidate.email = None
        db.session.commit()
        email = RejectionEmail(template.id, 0)
    with pytest.raises(RejectionError) as exc:
        reject(application, _reason(company.id).id, "", email, admin)
    assert exc.value.code == code
    assert application.status == "open" and _rejection_rows() == []


def test_a_note_over_the_limit_is_refused(app, make):
    company, job, application, admin = _setup(make)
    with pytest.raises(RejectionError) as exc:
        reject(application, _reason(company.id).id, "x" * 2001, None, admin)
    assert exc.value.code == "note_too_long"


def test_reasons_are_edited_and_a_used_one_is_switched_off_not_deleted(app, make):
    company, job, application, admin = _setup(make)
    added = rejections.add_reason(company.id, "  Salary   expectations ", admin)
    assert added.label == "Salary expectations" and rejections.reasons(company.id)[-1].id == added.id
    for label, code in (("", "empty_label"), ("not QUALIFIED", "duplicate_label"), ("x" * 121, "label_too_long")):
        with pytest.raises(RejectionError) as exc:
            rejections.add_reason(company.id, label, admin)
        assert exc.value.code == code
    rejections.move_reason(company.id, added.id, "up", admin)
    assert rejections.reasons(company.id)[-2].id == added.id
    rejections.rename_reason(company.id, added.id, "Salary", admin)
    used = _reason(company.id)
    reject(application, used.id, "", None, admin)
    assert rejections.remove_reason(company.id, used.id, admin) is False  # in use: switched off
    assert db.session.get(RejectionReason, used.id).active is False
    assert used.id not in {r.id for r in rejections.reasons(company.id, active_only=True)}
    assert rejections.remove_reason(company.id, added.id, admin) is True
    assert db.session.get(RejectionReason, added.id) is None
    other = make.company("other")
    with pytest.raises(RejectionError) as exc:
        rejections.rename_reason(other.id, used.id, "Mine now", admin)
    assert exc.value.code == "bad_reason"
    assert db.session.get(Application, application.id).rejection_reason.label == "Not qualified"
