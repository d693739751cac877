"""One rule for "does this job take applications?" (issue 13 item 4): ``Job.is_open`` is
published and its deadline (if any) not passed, the deadline day itself still open. The
careers page, the job page and the apply form, TopCV postings and applicants, and the
Pending pool all ask it, so they agree on every job."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.applications import services as applications
from app.applications.models import Application
from app.boards import services as boards
from app.clock import today
from app.extensions import db
from app.jobs.models import Job
from tests.support.boards import applied, board, post_event, posting_for  # noqa: F401  (fixtures)
from tests.support.builders import PDF

STATES = {
    "published, no deadline": ({"status": "published"}, True),
    "published, deadline today": ({"status": "published", "deadline": 0}, True),
    "published, deadline tomorrow": ({"status": "published", "deadline": 1}, True),
    "published, deadline passed": ({"status": "published", "deadline": -1}, False),
    "draft": ({"status": "draft"}, False),
    "closed": ({"status": "closed"}, False),
}


def _job(make, company, title, fields):
    fields = dict(fields)
    if "deadline" in fields:
        fields["deadline"] = today() + timedelta(days=fields["deadline"])
    return make.job(company, title, **fields)


@pytest.mark.parametrize("name", STATES)
def test_the_row_and_the_query_agree(make, name):
    fields, expected = STATES[name]
    job = _job(make, make.company("acme"), "Backend developer", fields)
    assert job.is_open is expected
    assert (db.session.scalar(select(Job.id).where(Job.id == job.id, Job.is_open)) is not None) is expected


def _apply_form():
    return {"given_names": "Aino", "family_name": "Virtanen", "email": "aino@example.fi", "consent": "y",
            "cv": (io.BytesIO(PDF), "cv.pdf", "application/pdf")}


@pytest.mark.parametrize("name", STATES)
def test_every_place_agrees(make, client, auth, board, post_event, name):  # noqa: F811  (fixtures)
    fields, expected = STATES[name]
    company = board.company
    job = _job(make, company, "Data engineer", fields)
    slug = company.slug

    # The careers page lists it, its page opens and the form takes an application.
    assert ("Data engineer" in client.get(f"/c/{slug}/").get_data(as_text=True)) is expected
    assert client.get(f"/c/{slug}/jobs/{job.id}").status_code == (200 if expected else 404)
    resp = client.post(f"/c/{slug}/jobs/{job.id}/apply", data=_apply_form(), content_type="multipart/form-data")
    assert resp.status_code == (303 if expected else 404)
    if not expected:  # the service behind the form refuses too (a request that skipped the page)
        with pytest.raises(applications.ApplicationError):
            make.application(job)

    # TopCV: the job can be posted; an applicant to its posting lands on it, not in the pool.
    form = boards.posting_defaults(job, board.admin)
    form.update(level="junior", deadline="2099-01-01", city="Hà Nội", description="x")
    if expected:
        boards.create_posting(job, board.admin, form)
    else:
        with pytest.raises(boards.BoardError):
            boards.create_posting(job, board.admin, form)
    posting_for(board, job, board_job_id="TCV-9", status="approved")
    post_event(applied(board_job_id="TCV-9", ref="APP-9", email="lan@example.vn", title="Data engineer"))
    topcv = db.session.scalar(select(Application).where(Application.source == "topcv"))
    assert (topcv.job_id == job.id) is expected
    assert (topcv.status == "pending") is not expected

    # The Pending pool offers it, and assigning to it is allowed only when it is open.
    pending = applications.create_application(company.id, topcv.candidate, None, source="topcv",
                                              pending_reason="test")
    db.session.commit()
    auth.login(board.admin.email)
    page = client.get("/admin/pending").get_data(as_text=True)
    assert ("Data engineer</option>" in page) is expected
    if not expected:
        with pytest.raises(applications.ApplicationError):
            applications.assign_pending(pending, job.id, board.admin)
