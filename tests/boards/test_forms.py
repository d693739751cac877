"""The TopCV screens through WTForms: one submit shows every problem beside its field, and a
refused submit changes nothing (no TopCV call, no posting)."""

from __future__ import annotations

import html

from sqlalchemy import func, select

from app.boards.models import Posting
from app.extensions import db
from app.partners.models import PartnerDelivery, PartnerIntegration


def _text(resp) -> str:
    return html.unescape(resp.get_data(as_text=True))


def _deliveries() -> int:
    return db.session.scalar(select(func.count(PartnerDelivery.id)))


def test_topcv_keys_two_missing_keys_both_shown_and_nothing_saved(board, client, auth):
    auth.login(board.admin.email)
    before = (board.integration.api_key_enc, board.integration.api_key_hint, board.integration.status)
    calls = _deliveries()
    resp = client.post("/admin/settings/recruitment-networks/topcv", data={"api_key": " ", "secret_key": ""})
    assert resp.status_code == 422
    body = _text(resp)
    assert "Enter the Employer API key (TopCV calls it Access Token)." in body
    assert "Enter the Secret Key." in body
    assert 'id="api_key-err"' in body and 'id="secret_key-err"' in body  # beside each field
    assert 'aria-invalid="true"' in body
    db.session.expire_all()
    integration = db.session.get(PartnerIntegration, board.integration.id)
    assert (integration.api_key_enc, integration.api_key_hint, integration.status) == before
    assert _deliveries() == calls  # TopCV was not asked


def test_posting_form_shows_every_problem_at_once(board, make, client, auth):
    job = make.job(board.company, title="Kỹ sư dữ liệu")
    auth.login(board.admin.email)
    resp = client.post(f"/admin/jobs/{job.id}/sources/topcv/new", data={
        "title": "", "description": "Y", "city": "", "level": "astronaut", "deadline": "2001-01-01",
        "salary_min": "900", "salary_max": "100", "currency": "VND", "employment_type": "full_time",
        "contact_email": "not-an-address"})
    assert resp.status_code == 422
    body = _text(resp)
    for message in ("Enter the job title.", "Enter the city TopCV should list the job in.", "Choose the level.",
                    "The deadline must be in the future.", "The minimum salary is above the maximum.",
                    "Enter a valid contact email."):
        assert message in body, message
    for fid in ("f-title", "f-city", "f-level", "f-deadline", "f-salary_min", "f-contact_email"):
        assert f'id="{fid}-err"' in body, fid
    assert "Y</textarea>" in body and 'value="900"' in body  # what was typed stays
    assert db.session.scalar(select(func.count(Posting.id))) == 0


def test_posting_form_opens_filled_from_the_job(board, make, client, auth):
    job = make.job(board.company, title="Kỹ sư dữ liệu")
    auth.login(board.admin.email)
    body = _text(client.get(f"/admin/jobs/{job.id}/sources/topcv/new"))
    assert 'id="f-title"' in body and 'value="Kỹ sư dữ liệu"' in body
    assert '<select id="f-level" name="level" required>' in body


def test_posting_form_sends_a_valid_posting(board, make, client, auth):
    job = make.job(board.company, title="Kỹ sư dữ liệu")
    auth.login(board.admin.email)
    resp = client.post(f"/admin/jobs/{job.id}/sources/topcv/new", data={
        "title": "Kỹ sư dữ liệu", "description": "Y", "city": "Huế", "country": "vn", "level": "junior",
        "deadline": "2099-06-30", "quantity": "2", "salary_min": "100", "salary_max": "900", "currency": "VND",
        "employment_type": "full_time", "negotiable": "y", "contact_email": "hr@acme.vn"})
    assert resp.status_code == 302
    posting = db.session.scalar(select(Posting))
    assert posting.payload["title"] == "Kỹ sư dữ liệu" and posting.payload["country"] == "VN"
    assert posting.payload["salary_min"] == 100 and posting.payload["quantity"] == 2
    assert posting.payload["negotiable"] is True and posting.payload["deadline"] == "2099-06-30"


def test_link_form_shows_its_problem_and_links_nothing(board, make, client, auth):
    job = make.job(board.company)
    auth.login(board.admin.email)
    resp = client.post(f"/admin/jobs/{job.id}/sources/topcv/link", data={"board_job_id": "  "})
    assert resp.status_code == 422
    body = _text(resp)
    assert "Enter the TopCV job id." in body and 'id="board_job_id-err"' in body
    assert db.session.scalar(select(func.count(Posting.id))) == 0


def test_posting_form_takes_the_contact_address_as_the_service_does(board, make, client, auth):
    """Any address with an @ (TopCV checks it), also on a reserved domain such as .test."""
    job = make.job(board.company)
    auth.login(board.admin.email)
    resp = client.post(f"/admin/jobs/{job.id}/sources/topcv/new", data={
        "title": "X", "description": "Y", "city": "Huế", "level": "junior", "deadline": "2099-06-30",
        "currency": "VND", "employment_type": "full_time", "contact_email": "admin@saomai.test"})
    assert resp.status_code == 302
    assert db.session.scalar(select(Posting)).payload["contact_email"] == "admin@saomai.test"


def test_posting_numbers_read_as_the_service_reads_them(board, make, client, auth):
    job = make.job(board.company)
    auth.login(board.admin.email)
    data = {"title": "X", "description": "Y", "city": "Huế", "level": "junior", "deadline": "2099-06-30",
            "currency": "VND", "employment_type": "full_time", "contact_email": "hr@acme.vn"}
    bad = client.post(f"/admin/jobs/{job.id}/sources/topcv/new", data={**data, "salary_min": "lots",
                                                                        "salary_max": "-1"})
    assert bad.status_code == 422
    body = _text(bad)
    assert "Enter a whole number." in body and "Enter a positive number." in body
    resp = client.post(f"/admin/jobs/{job.id}/sources/topcv/new", data={**data, "salary_min": "15 000 000",
                                                                         "salary_max": "20,000,000"})
    assert resp.status_code == 302
    payload = db.session.scalar(select(Posting)).payload
    assert (payload["salary_min"], payload["salary_max"]) == (15_000_000, 20_000_000)
