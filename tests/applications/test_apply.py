from datetime import timedelta

import pytest
from freezegun import freeze_time
from sqlalchemy import func, select

from app.applications import files, services
from app.applications.models import Application, Candidate, StageEntry, TimelineEvent
from app.clock import utcnow
from app.extensions import db
from app.messaging.models import OutboxEmail
from tests.support.builders import PDF


def _count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_apply_creates_candidate_and_application_at_first_stage(make):
    company = make.company("acme")
    job = make.job(company)
    application = make.application(job, email="Aino@Example.com")
    assert application.stage_id == job.stages[0].id and application.stage.name == "New"
    assert application.status == "open" and application.source == "careers"
    assert application.candidate.email_normalized == "aino@example.com"
    assert application.consent_text_version == services.CONSENT_VERSION and application.consent_at is not None
    assert files.read(application.cv_file) == PDF
    entries = db.session.scalars(select(StageEntry).where(StageEntry.application_id == application.id)).all()
    assert [(e.cause, e.stage_id) for e in entries] == [("apply", job.stages[0].id)]
    kinds = [e.kind for e in db.session.scalars(select(TimelineEvent).where(
        TimelineEvent.application_id == application.id).order_by(TimelineEvent.id))]
    assert kinds == ["applied", "stage_entered", "confirmation_queued"]  # the card says the email's language
    email = db.session.scalar(select(OutboxEmail).where(OutboxEmail.application_id == application.id))
    assert email.kind == "application_received" and email.to_addr == "Aino@Example.com" and email.locale == "en"
    assert job.title in email.subject


def test_second_application_to_an_open_one_becomes_a_note(make):
    """No new application and no error (the form is no oracle): a note on the one there."""
    job = make.job(make.company("acme"))
    first = make.application(job, email="a@example.com")
    again = make.application(job, email="A@example.com ")
    assert again.id == first.id
    assert _count(Application) == 1 and _count(Candidate) == 1
    notes = db.session.scalars(select(TimelineEvent).where(TimelineEvent.kind == "duplicate")).all()
    assert [(n.application_id, n.data["source"]) for n in notes] == [(first.id, "careers")]


def test_the_same_person_may_apply_to_another_job(make):
    company = make.company("acme")
    first, second = make.job(company, "One"), make.job(company, "Two")
    a1 = make.application(first, email="a@example.com")
    a2 = make.application(second, email="a@example.com")
    assert a1.candidate_id == a2.candidate_id and _count(Application) == 2


def test_reapply_after_closing_needs_120_days(make, app):
    job = make.job(make.company("acme"))
    admin = make.admin_of(job.company)
    application = make.application(job, email="a@example.com")
    from app.applications.rejections import reasons, reject

    reject(application, reasons(job.company_id)[0].id, "", None, admin)  # Rejected closes it
    assert application.status == "closed"
    with freeze_time(utcnow() + timedelta(days=119)):
        assert make.application(job, email="a@example.com").id == application.id  # noted, not new
    assert _count(Application) == 1
    with freeze_time(utcnow() + timedelta(days=121)):
        again = make.application(job, email="a@example.com")
    assert again.id != application.id and again.status == "open"


@pytest.mark.parametrize("data,message", [
    (b"<html><script>alert(1)</script></html>", "not a PDF"),
    (b"", "empty"),
    (b"GIF89a%PDF-1.4 %%EOF", "not a PDF"),
])
def test_bar_38_cv_is_checked_by_content(make, data, message):
    job = make.job(make.company("acme"))
    with pytest.raises(files.FileRejected, match=message):
        services.apply(job.id, "acme", services.CandidateData("A", "B", "a@example.com"), cover_letter="",
                       cv=("cv.pdf", data), consent=True)
    assert _count(Application) == 0


def test_cv_over_10_mb_is_refused(make):
    job = make.job(make.company("acme"))
    big = b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024) + b"\n%%EOF\n"
    with pytest.raises(files.FileRejected, match="larger than 10 MB"):
        services.apply(job.id, "acme", services.CandidateData("A", "B", "a@example.com"), cover_letter="",
                       cv=("cv.pdf", big), consent=True)
    assert _count(Application) == 0


@pytest.mark.parametrize("status", ["draft", "closed"])
def test_only_published_jobs_take_applications(make, status):
    job = make.job(make.company("acme"), status=status)
    with pytest.raises(services.ApplicationError):
        make.application(job)
    assert _count(Application) == 0


def test_past_deadline_refuses(make):
    from datetime import date

    job = make.job(make.company("acme"), deadline=date.today() - timedelta(days=1))
    with pytest.raises(services.ApplicationError):
        make.application(job)


def test_team_is_notified_of_new_applications(make):
    from app.messaging.models import Notification

    company = make.company("acme")
    recruiter = make.user(company)
    job = make.job(company, team=[recruiter])
    make.application(job)
    notes = db.session.scalars(select(Notification).where(Notification.kind == "new_application")).all()
    assert {n.user_id for n in notes} == {recruiter.id, make.admin_of(company).id}


def test_phone_and_email_normalisation():
    assert services.normalise_phone("+358 40-123 4567") == "+358401234567"
    assert services.normalise_phone("00358 40 123") == "+35840123"
    assert services.normalise_phone("  ") is None
    assert services.normalise_email("  A@B.fi ") == "a@b.fi"
    assert services.normalise_email("Aino.Virtanen+jobs@Example.FI") == "aino.virtanen+jobs@example.fi"
    # dots and plus-tags are not folded: those are only suggested as possible duplicates
    assert services.normalise_email("a.b@example.com") != services.normalise_email("ab@example.com")
    assert services.normalise_email("a+x@example.com") != services.normalise_email("a@example.com")


def test_candidate_is_found_by_email_only_never_by_phone(make):
    """Replaces the old ``test_candidate_reused_by_phone_when_no_email_matches``, which
    encoded the phone fallback that filed one person's application under another."""
    company = make.company("acme")
    first = services.new_candidate(company.id, services.CandidateData("A", "B", None, "+358 40 1"))
    db.session.commit()
    assert services.find_candidate(company.id, "other@example.com") is None  # the same phone finds no one
    assert services.find_candidate(company.id, None) is None
    assert (first.email, first.given_names) == (None, "A")


def test_pending_pool_assign_and_dismiss(make):
    company = make.company("acme")
    admin = make.admin_of(company)
    job = make.job(company)
    candidate = services.new_candidate(company.id, services.CandidateData("Lan", "Nguyen", "lan@example.vn"))
    pending = services.create_application(company.id, candidate, None, source="topcv", pending_reason="no job matched",
                                          pending_data={"job_title": "Backend developer"})
    db.session.commit()
    assert pending.status == "pending" and pending.stage_id is None
    services.assign_pending(pending, job.id, admin)
    assert pending.status == "open" and pending.stage_id == job.stages[0].id
    with pytest.raises(services.ApplicationError):
        services.dismiss_pending(pending, admin)
