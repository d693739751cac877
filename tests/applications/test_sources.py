"""Issue 18 item 5: sources. A job's share links (create, rename, archive; tenant isolation),
candidates added by hand or referred by a team member (dedupe, refusals, consent basis), and
the source on the card, in the list (column and filter, per share link) and in the CSV."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import func, select

from app.accounts.models import User
from app.applications import share_links
from app.applications.models import (
    Application,
    Candidate,
    SourceLink,
    StageEntry,
    StoredFile,
    TimelineEvent,
)
from app.audit import AuditEntry
from app.extensions import db
from app.messaging.models import OutboxEmail
from tests.support.builders import PDF


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _counts():
    return tuple(_count(m) for m in (Application, Candidate, StoredFile, TimelineEvent, StageEntry))


@pytest.fixture
def acme(make, auth):
    company = make.company("acme", "Acme Oy")
    job = make.job(company, "Backend developer")
    admin = make.admin_of(company)
    auth.login("admin@acme.test")
    return {"company": company, "job": job, "admin": admin}


# ---------------------------------------------------------------- share links

def test_share_links_are_created_renamed_archived_and_restored(client, acme):
    job = acme["job"]
    page = client.get(f"/admin/jobs/{job.id}/share-links")
    assert page.status_code == 200 and "No share links yet" in page.get_data(as_text=True)
    assert f"/admin/jobs/{job.id}/share-links" in client.get(f"/admin/jobs/{job.id}").get_data(as_text=True)

    resp = client.post(f"/admin/jobs/{job.id}/share-links", data={"name": "  LinkedIn "})
    assert resp.status_code == 303
    link = db.session.scalar(select(SourceLink))
    assert (link.name, link.job_id, link.company_id, link.archived) == ("LinkedIn", job.id, job.company_id, False)
    assert len(link.code) == share_links.CODE_LENGTH and link.created_by_id == acme["admin"].id
    body = client.get(f"/admin/jobs/{job.id}/share-links").get_data(as_text=True)
    assert f"/c/acme/jobs/{job.id}?src={link.code}" in body and 'data-copy="link-' in body

    # htmx: the section comes back with a toast
    resp = client.post(f"/admin/share-links/{link.id}", data={"action": "rename", "name": "LinkedIn ads"},
                       headers={"HX-Request": "true"})
    assert resp.status_code == 200 and 'id="share-links"' in resp.get_data(as_text=True)
    assert "Link renamed" in resp.headers["HX-Trigger"]
    db.session.refresh(link)
    assert link.name == "LinkedIn ads"

    code = link.code
    assert client.post(f"/admin/share-links/{link.id}", data={"action": "archive"}).status_code == 303
    db.session.refresh(link)
    assert link.archived and link.code == code
    assert client.post(f"/admin/share-links/{link.id}", data={"action": "restore"}).status_code == 303
    db.session.refresh(link)
    assert not link.archived
    actions = db.session.scalars(select(AuditEntry.action).where(AuditEntry.object == f"source_link:{link.id}")
                                 .order_by(AuditEntry.id)).all()
    assert actions == ["create", "rename", "archive", "restore"]


@pytest.mark.parametrize("name,message", [("", "Give the link a name"), ("x" * 81, "at most 80"),
                                          ("linkedin", "already has a link with that name")])
def test_a_bad_link_name_is_refused_and_changes_nothing(client, acme, name, message):
    job = acme["job"]
    share_links.create_link(job, "LinkedIn", acme["admin"])
    resp = client.post(f"/admin/jobs/{job.id}/share-links", data={"name": name})
    assert resp.status_code == 422 and message in resp.get_data(as_text=True)
    assert _count(SourceLink) == 1


def test_a_bad_rename_is_refused_and_a_bad_action_is_400(client, acme):
    job = acme["job"]
    first = share_links.create_link(job, "LinkedIn", acme["admin"])
    second = share_links.create_link(job, "Fair", acme["admin"])
    resp = client.post(f"/admin/share-links/{second.id}", data={"action": "rename", "name": "LINKEDIN"})
    assert resp.status_code == 422 and "already has a link with that name" in resp.get_data(as_text=True)
    assert client.post(f"/admin/share-links/{second.id}", data={"action": "delete"}).status_code == 400
    db.session.expire_all()
    assert [(lk.id, lk.name, lk.archived) for lk in db.session.scalars(select(SourceLink).order_by(SourceLink.id))] \
        == [(first.id, "LinkedIn", False), (second.id, "Fair", False)]


def test_another_companys_links_are_404_and_unchanged(client, make, acme):
    other = make.company("other")
    other_job = make.job(other, "Their job")
    theirs = share_links.create_link(other_job, "Theirs", make.admin_of(other))
    assert client.get(f"/admin/jobs/{other_job.id}/share-links").status_code == 404
    assert client.post(f"/admin/jobs/{other_job.id}/share-links", data={"name": "Mine"}).status_code == 404
    for action in ("rename", "archive"):
        resp = client.post(f"/admin/share-links/{theirs.id}", data={"action": action, "name": "Mine"})
        assert resp.status_code == 404
    db.session.expire_all()
    assert [(lk.name, lk.archived) for lk in db.session.scalars(select(SourceLink))] == [("Theirs", False)]
    # and their link's code does nothing on our job
    assert share_links.active_link(acme["company"].id, acme["job"].id, theirs.code) is None


def test_the_page_counts_applications_per_link_and_the_list_filters_by_it(client, make, acme):
    job = acme["job"]
    linkedin = share_links.create_link(job, "LinkedIn", acme["admin"])
    fair = share_links.create_link(job, "Fair", acme["admin"])
    from app.applications import services

    for n, src in enumerate([linkedin.code, linkedin.code, fair.code, None]):
        services.apply(job.id, "acme", services.CandidateData(given_names=f"P{n}", family_name="Person",
                                                              email=f"p{n}@example.com"),
                       cover_letter="", cv=("cv.pdf", PDF), consent=True, src=src)
    body = client.get(f"/admin/jobs/{job.id}/share-links").get_data(as_text=True)
    assert "2 applications" in body and "1 application" in body
    listing = client.get(f"/admin/applications?f_source=link:{linkedin.id}").get_data(as_text=True)
    assert listing.count(">LinkedIn<") == 2 and "P2 Person" not in listing and "P3 Person" not in listing
    assert f'value="link:{linkedin.id}" selected' in listing  # the filter offers each link
    careers = client.get("/admin/applications?f_source=careers").get_data(as_text=True)
    assert "P3 Person" in careers and "P0 Person" not in careers
    rows = list(csv.reader(io.StringIO(client.get(f"/admin/applications/export.csv?f_source=link:{fair.id}")
                                       .get_data(as_text=True)[1:])))
    source_at = rows[0].index("Source")
    assert [(r[0], r[source_at]) for r in rows[1:]] == [("P2 Person", "Fair")]
    # a column that needs the entities (tags) reads the link's name too, in one query
    client.post("/admin/applications/columns", data={"columns": ["candidate", "source", "tags"]})
    assert client.get(f"/admin/applications?f_source=link:{fair.id}").get_data(as_text=True).count(">Fair<") == 1
    # nonsense filters match nothing rather than failing
    for value in ("link:x", "nonsense"):
        assert client.get(f"/admin/applications?f_source={value}").status_code == 200


# ---------------------------------------------------------------- add candidate

def _add(client, **over):
    data = {"given_names": "Lena", "family_name": "Lind", "email": "lena@example.se", "phone": "+46 70 123 45 67",
            "source": "manual", "basis": "legitimate_interest", "note": "Met at the fair",
            "cv": (io.BytesIO(PDF), "lena.pdf", "application/pdf")}
    data.update(over)
    return client.post("/admin/applications/add", data={k: v for k, v in data.items() if v is not None},
                       content_type="multipart/form-data")


def test_add_by_hand_creates_the_person_with_the_basis_and_no_email(client, acme):
    job = acme["job"]
    page = client.get(f"/admin/applications/add?job={job.id}").get_data(as_text=True)
    assert "Legitimate interest" in page and f'<option selected value="{job.id}">' in page
    resp = _add(client, job_id=job.id)
    assert resp.status_code == 303
    application = db.session.scalar(select(Application))
    assert resp.headers["Location"].endswith(f"/admin/applications/{application.id}")
    assert (application.source, application.consent_basis, application.consent_text_version) == \
        ("manual", "legitimate_interest", None)
    assert application.consent_at is not None and application.cv_file is not None
    assert application.candidate.email == "lena@example.se" and application.stage_id == job.stages[0].id
    entry = db.session.scalar(select(StageEntry).where(StageEntry.application_id == application.id))
    assert (entry.cause, entry.actor_id) == ("added", acme["admin"].id)
    kinds = [e.kind for e in db.session.scalars(select(TimelineEvent).where(
        TimelineEvent.application_id == application.id).order_by(TimelineEvent.id))]
    assert kinds == ["applied", "stage_entered", "note"]
    assert _count(OutboxEmail) == 0  # no "application received" unless ticked
    card = client.get(f"/admin/applications/{application.id}").get_data(as_text=True)
    assert "source: Added by hand" in card and f"Added by {acme['admin'].name}" in card
    assert "added by a recruiter" in card and "(Legitimate interest)" in card and "Met at the fair" in card


def test_a_referral_names_the_team_member_and_may_send_the_confirmation(client, make, acme):
    colleague = make.user(acme["company"])
    resp = _add(client, job_id=acme["job"].id, source="referral", referred_by_id=colleague.id, basis="consent",
                send_confirmation="y")
    assert resp.status_code == 303
    application = db.session.scalar(select(Application))
    assert (application.source, application.referred_by_id, application.consent_basis) == \
        ("referral", colleague.id, "consent")
    assert db.session.scalar(select(OutboxEmail.kind)) == "application_received"
    card = client.get(f"/admin/applications/{application.id}").get_data(as_text=True)
    assert "source: Referral" in card and f"referred by {colleague.name}" in card
    assert f"Referred by {colleague.name}" in card and f"added by {acme['admin'].name}" not in card
    assert "(Consent given to the recruiter)" in card
    # the candidate's data export says how the consent was recorded
    from app.privacy.services.export import collect_export

    data, _files = collect_export("lena@example.se")
    assert data["applications"][0]["source"] == "referral"
    assert data["applications"][0]["consent"] == {"privacy_notice_version": None,
                                                  "given_at": data["applications"][0]["consent"]["given_at"],
                                                  "recorded_as": "added by recruiter", "legal_basis": "consent"}


def test_an_existing_person_is_not_created_twice(client, make, acme):
    job = acme["job"]
    first = make.application(job, email="Lena@Example.se", given="Lena", family="Lind")
    before = _count(Candidate), _count(Application)
    resp = _add(client, job_id=job.id, email="lena@example.se ")
    assert resp.status_code == 303 and resp.headers["Location"].endswith(f"/admin/applications/{first.id}")
    assert (_count(Candidate), _count(Application)) == before
    event = db.session.scalar(select(TimelineEvent).where(TimelineEvent.kind == "duplicate"))
    assert event.application_id == first.id and event.data["source"] == "manual"
    # the same person added to another job: the person on file, a new application
    other = make.job(acme["company"], "Designer")
    assert _add(client, job_id=other.id, email="LENA@example.se").status_code == 303
    assert _count(Candidate) == before[0] and _count(Application) == before[1] + 1
    added = db.session.scalar(select(Application).where(Application.job_id == other.id))
    assert added.candidate_id == first.candidate_id and added.source == "manual"


@pytest.mark.parametrize("over,status,message", [
    ({"cv": (io.BytesIO(b"MZ not a pdf"), "cv.pdf", "application/pdf")}, 422, "not a PDF"),
    ({"basis": "because"}, 422, "legal basis"),
    ({"source": "referral", "referred_by_id": "999999"}, 422, "who referred"),
    ({"source": "careers"}, 422, None),
    ({"email": "not an address"}, 422, None),
])
def test_bad_input_is_refused_and_nothing_is_written(client, acme, over, status, message):
    before = _counts()
    resp = _add(client, job_id=acme["job"].id, **over)
    assert resp.status_code == status
    if message:
        assert message in resp.get_data(as_text=True)
    assert _counts() == before


def test_another_companys_job_or_user_cannot_be_used(client, make, acme):
    other = make.company("other")
    their_job = make.job(other, "Their job")
    their_user = db.session.scalar(select(User).where(User.company_id == other.id))
    before = _counts()
    assert _add(client, job_id=their_job.id).status_code == 422
    assert _add(client, job_id=acme["job"].id, source="referral", referred_by_id=their_user.id).status_code == 422
    assert _counts() == before
    page = client.get("/admin/applications/add").get_data(as_text=True)
    assert "Their job" not in page and their_user.name not in page


def test_a_hiring_manager_adds_only_to_their_teams_jobs(client, make, auth, acme):
    manager = make.user(acme["company"], role="hiring_manager", email="hm@acme.test")
    mine = make.job(acme["company"], "Manager's job", team=[manager])
    auth.logout()
    auth.login("hm@acme.test")
    page = client.get("/admin/applications/add").get_data(as_text=True)
    assert "Manager&#39;s job" in page and "Backend developer" not in page
    assert _add(client, job_id=acme["job"].id).status_code == 422
    assert _add(client, job_id=mine.id).status_code == 303
    assert db.session.scalar(select(Application.job_id)) == mine.id
