"""The card's ⋯ menu holds every action that applies and that the user may use (issue 16,
item 7): a <details> menu (no JavaScript needed), each entry the existing action's page or
dialog."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from sqlalchemy import select

from app.extensions import db
from tests.support.builders import PASSWORD


def _menu(body: str) -> list[str]:
    start = body.index('class="menu actions-menu"')
    menu = body[start:body.index("</details>", start)]
    return [re.sub(r"\s+", " ", label).strip() for label in re.findall(r">([^<>]+)</(?:a|button)>", menu)]


@pytest.fixture
def world(make):
    company = make.company("acme")
    make.user(company, email="rec@acme.test")
    job = make.job(company)
    application = make.application(job, email="aino@example.com")
    return company, job, application


def test_an_admin_sees_every_action_in_order(client, auth, world):
    _company, _job, application = world
    auth.login("admin@acme.test")
    body = client.get(f"/admin/applications/{application.id}").get_data(as_text=True)
    assert _menu(body) == ["Send email", "Reject…", "Move to stage…", "Schedule interview…", "Submit scorecard",
                           "Tag…", "Ask for feedback", "Ask to review…", "Add a note", "Download CV",
                           "Export data (ZIP)", "Erase candidate…"]
    assert f'href="/admin/applications/{application.id}#card-stage-{application.id}"' in body
    assert f'hx-get="/admin/applications/{application.id}/reject"' in body  # a dialog with htmx, a page without
    assert f'<form method="post" action="/admin/candidates/{application.candidate_id}/export.zip">' in body


def test_a_recruiter_gets_no_data_rights_entries(client, auth, world):
    _company, _job, application = world
    auth.login("rec@acme.test")
    menu = _menu(client.get(f"/admin/applications/{application.id}").get_data(as_text=True))
    assert "Send email" in menu and "Export data (ZIP)" not in menu and "Erase candidate…" not in menu
    assert client.post(f"/admin/candidates/{application.candidate_id}/export.zip").status_code == 403


def test_a_rejected_application_offers_no_reject(client, auth, world, make):
    from app.applications import rejections

    company, _job, application = world
    reason = rejections.reasons(company.id, active_only=True)[0]
    rejections.reject(application, reason.id, None, None, make.admin_of(company))
    auth.login("admin@acme.test")
    menu = _menu(client.get(f"/admin/applications/{application.id}").get_data(as_text=True))
    assert "Reject…" not in menu and "Send email" in menu


def test_a_possible_duplicate_adds_merge(client, auth, world, make):
    company, job, application = world
    other = make.application(make.job(company, "Tester"), email="aino.other@example.com")
    for a in (application, other):
        a.candidate.phone_normalized = "+358401234567"
    db.session.commit()
    auth.login("admin@acme.test")
    body = client.get(f"/admin/applications/{application.id}").get_data(as_text=True)
    assert "Merge with a duplicate…" in _menu(body)
    link = re.search(r'<a href="([^"]+)">Merge with a duplicate…</a>', body).group(1).replace("&amp;", "&")
    assert link.startswith("/admin/candidates/merge?") and f"b={other.candidate_id}" in link
    assert client.get(link).status_code == 200


def test_export_data_is_a_zip_of_the_persons_applications_here_and_audited(client, auth, world, make):
    from app.audit import AuditEntry

    company, _job, application = world
    make.application(make.job(company, "Second job"), email="aino@example.com")  # the same person
    auth.login("admin@acme.test")
    resp = client.post(f"/admin/candidates/{application.candidate_id}/export.zip")
    assert resp.status_code == 200 and resp.mimetype == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(resp.data))
    data = json.loads(archive.read("data.json"))
    assert len(data["applications"]) == 2 and data["email"] == "aino@example.com"
    assert any(name.endswith(".pdf") for name in archive.namelist())
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "data_export",
                                                       AuditEntry.object == f"candidate:{application.candidate_id}"))
    assert entry is not None and entry.company_id == company.id


def test_export_respects_the_tenant(client, auth, world, make):
    _company, _job, application = world
    other = make.company("other")
    make.user(other, role="admin", email="boss@other.test")
    auth.login("boss@other.test", PASSWORD)
    assert client.post(f"/admin/candidates/{application.candidate_id}/export.zip").status_code == 404
