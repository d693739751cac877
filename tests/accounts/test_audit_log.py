"""The audit log: logins (and failed ones), password changes, stage moves and integration
changes are recorded, and company admins read their own company's entries only."""

from __future__ import annotations

from sqlalchemy import select

from app.audit import AuditEntry
from app.extensions import db
from tests.support.builders import PASSWORD


def actions(company_id):
    return [e.action for e in db.session.scalars(select(AuditEntry).where(AuditEntry.company_id == company_id)
                                                 .order_by(AuditEntry.id))]


def test_logins_password_changes_and_stage_moves_are_recorded(client, auth, make):
    company = make.company("audit-co")
    admin = make.admin_of(company)
    job = make.job(company)
    application = make.application(job)
    auth.login(admin.email, "wrong password")
    auth.login(admin.email)
    client.post(f"/admin/applications/{application.id}/stage", data={"stage_id": job.stages[2].id})
    recorded = actions(company.id)
    assert recorded[:3] == ["login_failed", "login", "stage_move"]
    move = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "stage_move"))
    assert move.actor == f"user:{admin.id}" and move.after["stage"] == job.stages[2].name
    assert move.before == {"stage_id": job.stages[0].id}


def test_admins_read_their_own_log_and_recruiters_cannot(client, auth, make):
    one, two = make.company("audit-one"), make.company("audit-two")
    auth.login(make.admin_of(two).email)  # an entry in company two
    auth.logout()
    auth.login(make.admin_of(one).email)
    page = client.get("/admin/settings/audit")
    body = page.get_data(as_text=True)
    assert page.status_code == 200 and "Logged in" in body and f"user:{make.admin_of(one).id}" in body
    assert f"user:{make.admin_of(two).id}" not in body
    filtered = client.get("/admin/settings/audit?action=stage_move").get_data(as_text=True)
    assert "Nothing recorded yet" in filtered
    recruiter = make.user(one)
    auth.logout()
    auth.login(recruiter.email, PASSWORD)
    assert client.get("/admin/settings/audit").status_code == 403
