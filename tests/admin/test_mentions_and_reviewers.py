"""Mentions in card notes and "Ask to review…": who is notified (bell and email by
preference), who is not and is named to the author, what is audited; an interviewer sees an
application once asked and no longer after."""

from __future__ import annotations

import re

from sqlalchemy import select

from app.audit import AuditEntry
from app.extensions import db
from app.messaging.models import Notification, OutboxEmail


def _team(make):
    company = make.company("acme")
    boss = make.user(company, role="admin", email="boss@acme.test")
    ann = make.user(company, role="recruiter", email="ann.lee@acme.test")
    ann.name = "Ann Lee"
    hilda = make.user(company, role="hiring_manager", email="hilda@acme.test")
    hilda.name = "Hilda Manager"
    ivan = make.user(company, role="interviewer", email="ivan@acme.test")
    ivan.name = "Ivan Interviewer"
    job = make.job(company, "Data engineer", team=[hilda])
    other_job = make.job(company, "Designer")
    application = make.application(job)
    db.session.commit()
    return company, boss, ann, hilda, ivan, job, other_job, application


def _notes(user, kinds=("mention", "review_asked")):
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id,
                                                              Notification.kind.in_(kinds))))


def test_a_mention_notifies_who_can_see_and_names_who_cannot(client, auth, make):
    company, boss, ann, hilda, ivan, job, other_job, application = _team(make)
    ann.email_notification_kinds = ["mention"]
    db.session.commit()
    auth.login("boss@acme.test")
    resp = client.post(f"/admin/applications/{application.id}/notes",
                       data={"text": "@Ann Lee and @hilda please look; @Ivan Interviewer too. mail me@boss.fi"},
                       headers={"HX-Request": "true"})
    assert resp.status_code == 200
    toast = resp.headers["HX-Trigger"]
    assert "Ivan Interviewer" in toast and "Not notified" in toast
    db.session.expire_all()
    [to_ann] = _notes(ann)
    assert to_ann.kind == "mention" and f"/admin/applications/{application.id}#event-" in to_ann.link
    assert "mentioned you" in to_ann.title and "@Ann Lee" in to_ann.body
    assert len(_notes(hilda)) == 1  # on the job's team: sees it (by the local part of the address)
    assert _notes(ivan) == []  # an interviewer not asked to review it
    # email by preference: Ann chose mentions, Hilda did not
    mails = list(db.session.scalars(select(OutboxEmail).where(OutboxEmail.kind == "notify:mention")))
    assert [m.to_addr for m in mails] == ["ann.lee@acme.test"]
    audit = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "note.mention"))
    assert audit.after["notified"] == sorted(audit.after["notified"]) or audit.after["notified"]
    assert set(audit.after["notified"]) == {ann.id, hilda.id} and audit.after["not_notified"] == [ivan.id]
    # the note is kept whole, the mention of Ivan as plain text
    page = client.get(f"/admin/applications/{application.id}").get_data(as_text=True)
    assert "@Ivan Interviewer too" in page


def test_a_note_without_mentions_or_of_oneself_notifies_nobody(client, auth, make):
    company, boss, ann, hilda, ivan, job, other_job, application = _team(make)
    auth.login("boss@acme.test")
    client.post(f"/admin/applications/{application.id}/notes", data={"text": "@boss mail x@ann.lee ok"})
    db.session.expire_all()
    assert db.session.scalar(select(Notification.id).where(Notification.kind == "mention")) is None


def test_the_hiring_manager_of_another_job_is_not_notified(client, auth, make):
    company, boss, ann, hilda, ivan, job, other_job, application = _team(make)
    elsewhere = make.application(other_job, given="Eeva")
    auth.login("boss@acme.test")
    resp = client.post(f"/admin/applications/{elsewhere.id}/notes", data={"text": "@Hilda Manager?"})
    assert resp.status_code == 302
    db.session.expire_all()
    assert _notes(hilda) == []


def test_ask_to_review_lets_an_interviewer_see_the_card_and_add_notes(client, auth, make):
    company, boss, ann, hilda, ivan, job, other_job, application = _team(make)
    card = f"/admin/applications/{application.id}"
    auth.login("ivan@acme.test")
    assert client.get(card).status_code == 404
    auth.logout()
    auth.login("hilda@acme.test")  # a hiring manager may ask, on their team's job
    resp = client.post(f"{card}/reviewers", data={"user_id": ivan.id}, headers={"HX-Request": "true"})
    assert resp.status_code == 200 and "Ivan Interviewer" in resp.get_data(as_text=True)
    again = client.post(f"{card}/reviewers", data={"user_id": ivan.id}, headers={"HX-Request": "true"})
    assert again.status_code == 422 and "already" in again.get_data(as_text=True)
    db.session.expire_all()
    assert [n.kind for n in _notes(ivan)] == ["review_asked"]
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "reviewer.ask")).after == {"user_id": ivan.id}
    auth.logout()
    auth.login("ivan@acme.test")
    page = client.get(card).get_data(as_text=True)
    assert "Aino" in page and "Add note" in page
    assert 'name="stage_id"' not in page and "Asked to review" not in page and "All about this person" not in page
    assert client.post(f"{card}/notes", data={"text": "Strong SQL"}).status_code == 302
    assert client.post(f"{card}/stage", data={"stage_id": job.stages[2].id}).status_code == 403
    assert client.get(f"/admin/jobs/{job.id}").status_code == 403
    assert client.get("/admin/settings").status_code == 403
    auth.logout()
    auth.login("boss@acme.test")
    assert client.post(f"{card}/reviewers/{ivan.id}/remove").status_code == 303
    auth.logout()
    auth.login("ivan@acme.test")
    assert client.get(card).status_code == 404


def test_a_hiring_manager_cannot_ask_on_another_job_nor_an_interviewer_at_all(client, auth, make):
    company, boss, ann, hilda, ivan, job, other_job, application = _team(make)
    elsewhere = make.application(other_job, given="Eeva")
    auth.login("hilda@acme.test")
    assert client.post(f"/admin/applications/{elsewhere.id}/reviewers", data={"user_id": ivan.id}).status_code == 404
    auth.logout()
    auth.login("ivan@acme.test")
    assert client.post(f"/admin/applications/{application.id}/reviewers",
                       data={"user_id": ivan.id}).status_code == 403
    db.session.expire_all()
    from app.applications.models import ApplicationReviewer

    assert db.session.scalar(select(ApplicationReviewer.user_id)) is None


def test_users_page_offers_the_new_roles(client, auth, make):
    company, boss, ann, hilda, ivan, *_ = _team(make)
    auth.login("boss@acme.test")
    page = client.get("/admin/settings/users").get_data(as_text=True)
    assert "Hiring manager" in page and "Interviewer" in page
    assert client.post(f"/admin/settings/users/{ann.id}/role", data={"role": "hiring_manager"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(type(ann), ann.id).role == "hiring_manager"
    resp = client.post("/admin/settings/users", data={"name": "Ines", "email": "ines@example.com", "role": "interviewer",
                                                        "locale": "en"})
    assert resp.status_code in (200, 302, 303)
    assert db.session.scalar(select(type(ann).role).where(type(ann).email == "ines@example.com")) == "interviewer"


def test_the_account_page_offers_mentions_by_email(client, auth, make):
    _team(make)
    auth.login("hilda@acme.test")
    page = client.get("/admin/account").get_data(as_text=True)
    assert "mentioned you" in page


def test_the_reviewers_picker_reads_the_team_only_when_opened(client, auth, make):
    """The card's panel names who is asked and offers a picker whose options (the company's
    active people not yet asked) are read when it is opened: htmx loads them into the panel,
    without JavaScript they are a page of their own; once everyone is asked there is none."""
    company, boss, ann, hilda, ivan, job, other_job, application = _team(make)
    gone = make.user(company, role="recruiter", email="gone@acme.test")
    gone.name, gone.is_enabled = "Gone Recruiter", False
    db.session.commit()
    card = f"/admin/applications/{application.id}"
    picker = f"{card}/reviewers"
    auth.login("boss@acme.test")
    page = client.get(card).get_data(as_text=True)
    assert "No one is asked to review this application yet." in page
    assert f'hx-get="{picker}"' in page and f'href="{picker}"' in page
    assert 'name="user_id"' not in page and "Ivan Interviewer" not in page
    fragment = client.get(picker, headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "<html" not in fragment and f'action="{picker}"' in fragment
    assert f'<option value="{ivan.id}">Ivan Interviewer</option>' in fragment and "Gone Recruiter" not in fragment
    assert fragment.index("Ann Lee") < fragment.index("Hilda Manager") < fragment.index("Ivan Interviewer")
    plain = client.get(picker).get_data(as_text=True)
    assert "<html" in plain and f'href="{card}"' in plain and f'<option value="{ivan.id}">' in plain

    for user in (ivan, ann, hilda):
        assert client.post(picker, data={"user_id": user.id}, headers={"HX-Request": "true"}).status_code == 200
    page = client.get(card).get_data(as_text=True)
    assert 'class="reviewer-name" title="Ivan Interviewer"' in page and f'hx-get="{picker}"' in page
    options = client.get(picker, headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "Ivan Interviewer" not in options and f'<option value="{boss.id}">' in options
    left = [int(v) for v in re.findall(r'<option value="(\d+)">', options)]  # the company's admin among them
    for user_id in left:
        answer = client.post(picker, data={"user_id": user_id}, headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "reviewer-picker" not in answer and 'title="Ann Lee"' in answer  # no one left to ask
    page = client.get(card).get_data(as_text=True)
    assert "reviewer-picker" not in page and f'title="{boss.name}"' in page


def test_the_reviewers_picker_follows_the_scope_and_the_role(client, auth, make):
    company, boss, ann, hilda, ivan, job, other_job, application = _team(make)
    elsewhere = make.application(other_job, given="Eeva")
    auth.login("hilda@acme.test")
    assert client.get(f"/admin/applications/{application.id}/reviewers").status_code == 200
    assert client.get(f"/admin/applications/{elsewhere.id}/reviewers").status_code == 404
    auth.logout()
    auth.login("ivan@acme.test")
    assert client.get(f"/admin/applications/{application.id}/reviewers").status_code == 403
