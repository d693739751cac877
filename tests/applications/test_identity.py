"""Candidate identity (issue 11 §1, SECURITY_BAR 39): a person is matched on the careers
form by normalised email only and by TopCV's own application id for its redeliveries —
never by phone or name; nothing from an unverified source rewrites a stored person; the
apply form answers a repeat exactly like a first application; and a "Your data" export
holds only the records of the mailbox that asked. Everything goes through the real form,
the signed TopCV webhook, the SMTP sink and the export download."""

from __future__ import annotations

import base64
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.applications.models import Application, Candidate, TimelineEvent
from app.extensions import db
from app.messaging.models import OutboxEmail
from tests.support.boards import board, event, post_event, posting_for  # noqa: F401  (fixtures used below)
from tests.support.mail import text_of
from tests.support.privacy import export_of

PHONE = "+358 40 123 4567"


def pdf(text: str) -> bytes:
    """A small PDF that says whose it is (so an export's files can be told apart)."""
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n% " + text.encode() +
            b"\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def apply_form(client, job, *, given, family, email, phone=None, cover="", cv_text=None, lang=None):
    data = {"given_names": given, "family_name": family, "email": email, "phone": phone or "",
            "cover_letter": cover or f"Hello from {given} {family}", "consent": "y",
            "cv": (io.BytesIO(pdf(cv_text or f"CV of {given} {family} <{email}>")), "cv.pdf", "application/pdf")}
    url = f"/c/{job.company.slug}/jobs/{job.id}/apply" + (f"?lang={lang}" if lang else "")
    return client.post(url, data=data, content_type="multipart/form-data")


def count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def candidate_of(email: str) -> Candidate:
    return db.session.scalar(select(Candidate).where(Candidate.email_normalized == email.lower()))


def person_row(candidate: Candidate) -> tuple:
    db.session.refresh(candidate)
    return (candidate.given_names, candidate.family_name, candidate.email, candidate.phone, candidate.locale)


def topcv_applicant(name, phone, ref, *, email=None, board_job_id="TCV-1", cv_text=None):
    return event("application.created", {
        "board_application_id": ref, "board_job_id": board_job_id, "job_title": "Data analyst",
        "candidate": {"full_name": name, "email": email, "phone": phone},
        "resume": {"file_name": "cv.pdf", "content_type": "application/pdf",
                   "data": base64.b64encode(pdf(cv_text or f"CV of {name}")).decode(), "url": None},
        "cover_letter": f"Thư xin việc của {name}", "answers": [], "applied_at": "2026-12-01T08:00:00Z"})


def only_own(export, *, mine: list[str], theirs: list[str]) -> None:
    """Every string of the person is in their export and none of the other person's."""
    data, archive = export
    blob = json.dumps(data, ensure_ascii=False) + "".join(b.decode("utf-8", "replace") for b in archive.values())
    for needle in mine:
        assert needle in blob, needle
    for needle in theirs:
        assert needle not in blob, needle


@pytest.fixture
def acme(make):
    company = make.company("acme", "Acme Oy")
    return company


# ---------------------------------------------------------------- the findings

def test_finding_phone_match_files_under_other_person(client, make, acme, mailbox):
    """Maija applies with a new email and Aino's phone: it was filed as Aino, and "Hello
    Aino, thank you for applying" went to Aino's mailbox."""
    analyst, backend = make.job(acme, "Data analyst"), make.job(acme, "Backend developer")
    assert apply_form(client, analyst, given="Aino", family="Virtanen", email="aino@example.fi",
                      phone=PHONE).status_code == 303
    aino = candidate_of("aino@example.fi")
    before = person_row(aino)
    mailbox.messages.clear()

    resp = apply_form(client, backend, given="Maija", family="Mäkinen", email="maija@example.fi", phone=PHONE)
    assert resp.status_code == 303
    maijas = db.session.scalar(select(Application).where(Application.job_id == backend.id))
    assert maijas.candidate_id != aino.id
    assert (maijas.candidate.full_name, maijas.candidate.email) == ("Maija Mäkinen", "maija@example.fi")
    assert person_row(aino) == before  # Aino's record is untouched
    (receipt,) = mailbox.messages
    assert receipt["To"] == "maija@example.fi" and text_of(receipt).startswith("Hello Maija,")
    assert count(Candidate) == 2


def test_finding_shared_phone_already_applied_oracle(client, make, acme, mailbox):
    """Matti, who never applied, shared Aino's phone and was told "You have already applied"."""
    job = make.job(acme, "Data analyst")
    first = apply_form(client, job, given="Aino", family="Virtanen", email="aino@example.fi", phone=PHONE)
    first_page = client.get(first.headers["Location"]).get_data(as_text=True)
    mailbox.messages.clear()

    resp = apply_form(client, job, given="Matti", family="Meikäläinen", email="matti@example.fi", phone=PHONE)
    assert resp.status_code == 303, "the form answered differently: " + resp.get_data(as_text=True)[:200]
    assert (resp.status_code, resp.headers["Location"]) == (first.status_code, first.headers["Location"])
    assert client.get(resp.headers["Location"]).get_data(as_text=True) == first_page
    assert count(Application, Application.job_id == job.id) == 2 and count(Candidate) == 2
    matti = candidate_of("matti@example.fi")
    assert db.session.scalar(select(Application.id).where(Application.candidate_id == matti.id)) is not None
    (receipt,) = mailbox.messages
    assert receipt["To"] == "matti@example.fi" and "Data analyst" in receipt["Subject"]


def test_finding_topcv_phone_only_takeover(client, make, board, post_event, mailbox):  # noqa: F811
    """A TopCV applicant with only a phone; an attacker applies on the careers page with that
    phone and their own email: the victim's record took the attacker's email, and "Your
    data" then sent the attacker the victim's CV and cover letter."""
    victim_job = make.job(board.company, "Data analyst")
    posting_for(board, victim_job, status="approved")
    other_job = make.job(board.company, "Backend developer")
    assert post_event(topcv_applicant("Nguyễn Thị Lan", "+84 901 234 567", "APP-LAN")).status_code == 202
    victim = db.session.scalar(select(Application).where(Application.source_ref == "APP-LAN")).candidate
    before = person_row(victim)
    assert before[2] is None  # phone only

    resp = apply_form(client, other_job, given="Eve", family="Mallory", email="eve@evil.example",
                      phone="+84 901 234 567")
    assert resp.status_code == 303
    assert person_row(victim) == before  # the victim keeps no email, their name and phone
    eve = candidate_of("eve@evil.example")
    assert eve.id != victim.id

    export = export_of(client, mailbox, "eve@evil.example")
    assert [a["job"]["title"] for a in export[0]["applications"]] == ["Backend developer"]
    only_own(export, mine=["CV of Eve Mallory", "Hello from Eve Mallory"],
             theirs=["Nguyễn", "Thị Lan", "CV of Nguyễn Thị Lan", "Thư xin việc", "APP-LAN"])


# ---------------------------------------------------------------- the duplicate answer

def test_repeat_application_is_answered_like_a_first_noted_and_told_to_the_address_on_file(
        client, auth, make, acme, mailbox):
    """The same email again for the same job: the same 303 and page as a first application,
    no new row, a note with what was typed differently, the stored person unchanged, and a
    "we already have your application" email to the address on file in its language."""
    job = make.job(acme, "Data analyst")
    first = apply_form(client, job, given="Aino", family="Virtanen", email="Aino@Example.fi", phone=PHONE, lang="fi")
    aino = candidate_of("aino@example.fi")
    before = person_row(aino)
    assert before[-1] == "fi"
    (original,) = db.session.scalars(select(Application)).all()
    mailbox.messages.clear()

    again = apply_form(client, job, given="Eve", family="Mallory", email="AINO@example.FI", phone="+1 555 0100",
                       lang="en")
    assert again.status_code == 303, again.get_data(as_text=True)[-3000:]
    assert (again.status_code, again.headers["Location"]) == (first.status_code, first.headers["Location"])
    page = client.get(again.headers["Location"]).get_data(as_text=True)
    assert "Thank you for your application!" in page and "already" not in page.lower()
    assert count(Application) == 1 and count(Candidate) == 1
    assert person_row(aino) == before  # name, email, phone and language as they were
    (note,) = db.session.scalars(select(TimelineEvent).where(TimelineEvent.kind == "duplicate")).all()
    assert note.application_id == original.id
    assert note.data == {"source": "careers", "typed": {"name": "Eve Mallory", "phone": "+1 555 0100"},
                         "email_locale": "fi"}  # the card says the applicant was told, in Finnish
    (told,) = mailbox.messages
    assert told["To"] == "Aino@Example.fi"  # the address on file
    assert told["Subject"] == "Hakemuksesi on jo meillä: Data analyst"  # in the language on file
    assert text_of(told).startswith("Hei Aino,") and "Tietojasi ei ole muutettu" in text_of(told)
    row = db.session.scalar(select(OutboxEmail).where(OutboxEmail.kind == "application_duplicate"))
    assert row.application_id == original.id and row.status == "sent"

    # a third try the same day: another note, but no second email (no mail bombing)
    mailbox.messages.clear()
    assert apply_form(client, job, given="Aino", family="Virtanen", email="aino@example.fi").status_code == 303
    assert count(TimelineEvent, TimelineEvent.kind == "duplicate") == 2 and mailbox.messages == []

    auth.login(make.admin_of(acme).email)
    card = client.get(f"/admin/applications/{original.id}").get_data(as_text=True)
    assert "Eve Mallory" in card and "the person on file was not changed" in card
    assert "the applicant was told by email (Suomi)" in card


def test_a_new_job_with_the_same_email_keeps_the_person_and_notes_the_typed_details(client, make, acme):
    analyst, backend = make.job(acme, "Data analyst"), make.job(acme, "Backend developer")
    apply_form(client, analyst, given="Aino", family="Virtanen", email="aino@example.fi", phone=PHONE)
    aino = candidate_of("aino@example.fi")
    before = person_row(aino)
    assert apply_form(client, backend, given="Aino Maria", family="Korhonen", email="aino@example.fi",
                      phone="+358 50 765 4321").status_code == 303
    second = db.session.scalar(select(Application).where(Application.job_id == backend.id))
    assert second.candidate_id == aino.id and person_row(aino) == before
    applied = db.session.scalar(select(TimelineEvent).where(TimelineEvent.application_id == second.id,
                                                            TimelineEvent.kind == "applied"))
    assert applied.data["typed"] == {"name": "Aino Maria Korhonen", "phone": "+358 50 765 4321"}


# ---------------------------------------------------------------- SECURITY_BAR 39

def test_bar_39_two_people_sharing_a_phone_are_two_candidates_with_their_own_exports(client, make, acme, mailbox):
    job = make.job(acme, "Data analyst")
    apply_form(client, job, given="Aino", family="Virtanen", email="aino@example.fi", phone=PHONE)
    apply_form(client, job, given="Matti", family="Meikäläinen", email="matti@example.fi", phone="040 123 4567")
    apply_form(client, job, given="Maija", family="Mäkinen", email="maija@example.fi", phone=PHONE)
    assert count(Candidate) == 3 and count(Application) == 3
    for me, others in (("Aino Virtanen", ["Matti Meikäläinen", "Maija Mäkinen"]),
                       ("Maija Mäkinen", ["Aino Virtanen", "Matti Meikäläinen"])):
        email = me.split()[0].lower() + "@example.fi"
        export = export_of(client, mailbox, email)
        assert len(export[0]["applications"]) == 1 and export[0]["applications"][0]["person"]["email"] == email
        only_own(export, mine=[f"CV of {me}", f"Hello from {me}"],
                 theirs=[s for o in others for s in (f"CV of {o}", f"Hello from {o}", o.split()[0])])


def test_bar_39_two_people_sharing_a_name_are_two_candidates_with_their_own_exports(client, make, acme, mailbox):
    job = make.job(acme, "Data analyst")
    apply_form(client, job, given="Aino", family="Virtanen", email="aino.v@example.fi", phone=PHONE,
               cover="Terveisin Aino Helsingistä", cv_text="Helsinki CV")
    apply_form(client, job, given="Aino", family="Virtanen", email="aino.virtanen@example.org",
               phone="+358 50 000 0000", cover="Terveisin Aino Oulusta", cv_text="Oulu CV")
    assert count(Candidate) == 2 and count(Application) == 2
    only_own(export_of(client, mailbox, "aino.v@example.fi"), mine=["Helsingistä", "Helsinki CV"],
             theirs=["Oulusta", "Oulu CV", "aino.virtanen@example.org", "+358 50 000 0000"])
    only_own(export_of(client, mailbox, "aino.virtanen@example.org"), mine=["Oulusta", "Oulu CV"],
             theirs=["Helsingistä", "Helsinki CV", "aino.v@example.fi", PHONE])


def test_bar_39_a_topcv_phone_only_record_and_a_careers_applicant_stay_two_people(
        client, make, board, post_event, mailbox):  # noqa: F811
    job = make.job(board.company, "Data analyst")
    posting_for(board, job, status="approved")
    assert post_event(topcv_applicant("Nguyễn Văn An", "+84 912 000 111", "APP-AN")).status_code == 202
    topcv = db.session.scalar(select(Application).where(Application.source_ref == "APP-AN")).candidate
    # the same name and phone on the careers form, for the same job: another person
    assert apply_form(client, job, given="Văn An", family="Nguyễn", email="an@example.vn",
                      phone="+84 912 000 111").status_code == 303
    careers = candidate_of("an@example.vn")
    assert careers.id != topcv.id and count(Application, Application.job_id == job.id) == 2
    db.session.refresh(topcv)
    assert (topcv.email, topcv.phone, topcv.full_name) == (None, "+84 912 000 111", "Nguyễn Văn An")
    export = export_of(client, mailbox, "an@example.vn")
    assert [a["source"] for a in export[0]["applications"]] == ["careers"]
    only_own(export, mine=["CV of Văn An Nguyễn"], theirs=["CV of Nguyễn Văn An", "Thư xin việc", "APP-AN"])


def test_topcv_redeliveries_key_on_the_board_application_id_and_email_never_renames(
        client, make, board, post_event, mailbox):  # noqa: F811
    """TopCV's own application id recognises a redelivery; the same email is the same person,
    whose stored name and phone the board's (unverified) values never replace."""
    job = make.job(board.company, "Data analyst")
    posting_for(board, job, status="approved")
    apply_form(client, make.job(board.company, "Tester"), given="Lan", family="Nguyễn", email="lan@example.vn",
               phone="+84 901 000 000")
    lan = candidate_of("lan@example.vn")
    before = person_row(lan)
    post_event(topcv_applicant("Trần Thị Mai", "+84 999 999 999", "APP-9", email="LAN@example.vn"))
    post_event(topcv_applicant("Trần Thị Mai", "+84 999 999 999", "APP-9", email="LAN@example.vn"))
    rows = db.session.scalars(select(Application).where(Application.source == "topcv")).all()
    assert len(rows) == 1 and rows[0].candidate_id == lan.id and rows[0].source_ref == "APP-9"
    assert person_row(lan) == before and lan.display_name is None
    applied = db.session.scalar(select(TimelineEvent).where(TimelineEvent.application_id == rows[0].id,
                                                            TimelineEvent.kind == "applied"))
    assert applied.data["typed"] == {"name": "Trần Thị Mai", "phone": "+84 999 999 999"}


def test_topcv_names_are_kept_whole_family_name_first(make, board, post_event):  # noqa: F811
    from app.applications.services import merge_fields

    job = make.job(board.company, "Data analyst")
    posting_for(board, job, status="approved")
    post_event(topcv_applicant("  Nguyễn   Thị Minh  Khai ", "+84 900 000 001", "APP-K", email="khai@example.vn"))
    application = db.session.scalar(select(Application).where(Application.source == "topcv"))
    person = application.candidate
    assert (person.family_name, person.given_names) == ("Nguyễn", "Thị Minh Khai")
    assert person.full_name == "Nguyễn Thị Minh Khai" and person.name_unverified
    fields = merge_fields(application)
    assert fields["candidate_name"] == fields["candidate_given_name"] == "Nguyễn Thị Minh Khai"


# ---------------------------------------------------------------- property: any mix of applicants

_emails = ["aino@example.fi", "AINO@example.fi ", "aino.v@example.fi", "aino+jobs@example.fi", "matti@example.fi"]
_names = [("Aino", "Virtanen"), ("Matti", "Meikäläinen"), ("Eve", "Mallory")]
_phones = [None, PHONE, "040 123 4567", "+1 555 0100"]


@settings(max_examples=25, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_emails), st.sampled_from(_names), st.sampled_from(_phones),
                          st.integers(0, 1)), min_size=1, max_size=8))
def test_bar_39_any_mix_of_applicants_is_keyed_by_email_alone(make, submissions):
    """Whatever mix of shared phones, names and email spellings arrives, there is one person
    per normalised email, each application sits with the email it was made with, and a
    stored person keeps exactly what their first application said."""
    from app.applications import services

    company = make.company()
    jobs = [make.job(company, "Data analyst"), make.job(company, "Tester")]
    first_seen: dict[str, tuple] = {}
    for email, (first_name, family), phone, job_index in submissions:
        application = services.apply(jobs[job_index].id, company.slug, services.CandidateData(
            first_name, family, email, phone), cover_letter="", cv=("cv.pdf", pdf(first_name)), consent=True)
        key = email.strip().lower()
        first_seen.setdefault(key, (first_name, family, email.strip(), phone))
        assert application.candidate.email_normalized == key
    people = db.session.scalars(select(Candidate).where(Candidate.company_id == company.id)).all()
    assert sorted(p.email_normalized for p in people) == sorted(first_seen)
    for person in people:
        assert (person.given_names, person.family_name, person.email, person.phone) == first_seen[
            person.email_normalized]
