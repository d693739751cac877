"""The TopCV screens: who may see them, tenancy (another company's ids are 404, also as
HTMX fragments), and the staff switch."""

from __future__ import annotations

from sqlalchemy import select

from app.boards.models import Posting
from app.extensions import db
from tests.support.boards import connect


def _posting(board, make):
    job = make.job(board.company)
    posting = Posting(company_id=board.company.id, job_id=job.id, integration_id=board.integration.id,
                      board_job_id="TCV-9", status="approved", payload={"title": job.title, "level": "junior"})
    db.session.add(posting)
    db.session.commit()
    return job, posting


def test_bar_35_admin_sees_the_connection_and_never_the_keys(board, client, auth):
    auth.login(board.admin.email)
    page = client.get("/admin/settings/recruitment-networks/topcv")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert board.integration.external_id in html and "Configured" in html
    assert "topcv-secret-key" not in html and "topcv-access-token" not in html
    assert "••••••••cdef" in html  # the last characters of the API key only


def test_recruiters_post_but_only_admins_connect(board, make, client, auth):
    recruiter = make.user(board.company)
    job, _ = _posting(board, make)
    auth.login(recruiter.email)
    assert client.get("/admin/settings/recruitment-networks/topcv").status_code == 403
    assert client.get(f"/admin/jobs/{job.id}/sources").status_code == 200


def test_other_companies_ids_are_404_everywhere(board, make, client, auth):
    job, posting = _posting(board, make)
    other = make.company("other-co")
    connect(other)
    auth.login(make.admin_of(other).email)
    for url in (f"/admin/jobs/{job.id}/sources", f"/admin/postings/{posting.id}/edit",
                f"/admin/jobs/{job.id}/sources/topcv/new", f"/admin/jobs/{job.id}/sources/topcv/link",
                f"/admin/integrations/{board.integration.id}/log"):
        assert client.get(url).status_code == 404, url
        assert client.get(url, headers={"HX-Request": "true"}).status_code == 404, url
    assert client.post(f"/admin/postings/{posting.id}/close").status_code == 404
    assert db.session.get(Posting, posting.id).status == "approved"


def test_without_job_boards_the_screens_do_not_exist(board, client, auth, make):
    job, _ = _posting(board, make)
    board.company.job_boards_enabled = False
    db.session.commit()
    auth.login(board.admin.email)
    assert client.get("/admin/settings/recruitment-networks").status_code == 404
    assert client.get(f"/admin/jobs/{job.id}/sources").status_code == 404
    assert "Recruitment networks" not in client.get("/admin/settings").get_data(as_text=True)


def test_bar_3_staff_switch_job_boards_per_company(app, client, auth, make):
    from app.accounts.models import Company
    from app.audit import AuditEntry

    company = make.company("fresh-co")
    make.staff()
    auth.login("staff@haku.test")
    assert "Job boards enabled" in client.get(f"/staff/companies/{company.id}").get_data(as_text=True)
    client.post(f"/staff/companies/{company.id}/job-boards", data={"job_boards_enabled": "y"})
    assert db.session.get(Company, company.id).job_boards_enabled is True
    assert db.session.scalar(select(AuditEntry.action).where(AuditEntry.object == f"company:{company.id}")) \
        == "job_boards_enabled"


def test_posting_form_errors_are_shown_and_nothing_is_sent(board, make, client, auth):
    job, _ = _posting(board, make)
    auth.login(board.admin.email)
    resp = client.post(f"/admin/jobs/{job.id}/sources/topcv/new", data={"title": "X", "description": "Y",
                                                                         "city": "Huế", "level": "junior",
                                                                         "deadline": "2001-01-01",
                                                                         "contact_email": "a@b.vn"})
    assert resp.status_code == 422 and "must be in the future" in resp.get_data(as_text=True)
    assert db.session.scalar(select(Posting).where(Posting.payload["title"].as_string() == "X")) is None
