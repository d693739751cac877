"""The apply POST costs a fixed, small number of statements (issue 15 item 2): the job the
form loaded is reused and read with its first stage (and whether an interview plan or an
automation waits on it) and the people to notify, the application is inserted already in
its stage, a new person is not searched for applications, the team is read in one statement,
however many stages and team members the job has."""

from __future__ import annotations

import io
import re

import pytest
from sqlalchemy import select

from app.applications.models import Application, StageEntry, TimelineEvent
from app.extensions import db
from app.messaging.models import Notification, OutboxEmail
from tests.support.builders import PDF
from tests.support.statements import statements


@pytest.fixture
def app_config(app_config):
    return {**app_config, "RQ_ASYNC": True}  # the confirmation email is queued, not sent inside the request


def form(email="aino@example.fi"):
    return {"given_names": "Aino Maria", "family_name": "Virtanen", "email": email, "phone": "+358 40 123 4567",
            "cover_letter": "Hei!", "consent": "y", "cv": (io.BytesIO(PDF), "cv.pdf", "application/pdf")}


def post(client, job, email="aino@example.fi"):
    out, url = [], f"/c/acme/jobs/{job.id}/apply"
    seen = statements(lambda: out.append(client.post(url, data=form(email), content_type="multipart/form-data")))
    assert out[0].status_code == 303, out[0].get_data(as_text=True)[:500]
    return seen


#: What the unit of work writes apart on SQLite and PostgreSQL writes in one statement of
#: data-modifying CTEs (app/applications/rows.py): the person when new, the CV, the
#: application, its count, its entry and its two timeline lines.
BORN = ["INSERT candidates", "INSERT stored_files", "INSERT applications", "INSERT application_counts",
        "INSERT stage_entries", "INSERT timeline_events"]


def kinds(seen: list[str]) -> list[str]:
    """``SELECT jobs``, ``INSERT applications``, …: the verb and the first table of each; a
    statement of CTEs as ``WITH`` and the tables it inserts into, sorted."""
    out = []
    for s in seen:
        if s.upper().startswith("WITH"):
            out.append("WITH " + ", ".join(sorted(set(re.findall(r"INSERT INTO (\w+)", s)))))
            continue
        while re.search(r"\([^()]*\)", s):  # subqueries (an EXISTS in the select list) out
            s = re.sub(r"\([^()]*\)", "", s)
        words = s.replace('"', "").split()
        verb = words[0].upper()
        if verb == "SELECT":
            out.append("SELECT " + words[words.index("FROM") + 1])
        elif verb == "INSERT":
            out.append("INSERT " + words[2])
        else:
            out.append(f"{verb} {words[1]}")
    return out


def test_a_first_application_is_written_in_few_statements(client, make):
    company = make.company("acme", "Acme Oy")
    owner, member = make.admin_of(company), make.user(company)
    member.email_notification_kinds = ["new_application"]  # the member also gets it by email
    job = make.job(company, team=[member])  # the admin who creates it owns it
    db.session.expire_all()
    seen = kinds(post(client, job))
    sqlite = db.engine.dialect.name == "sqlite"
    born = BORN if sqlite else [born_in_one(BORN)]
    copy = ["SELECT outbox_emails", "INSERT outbox_emails"]  # the member's email copy
    # The team's notifications (the entry id is known) and the confirmation: its key names the
    # new application, so it is not looked up first; its "confirmation_queued" event goes in the
    # same flush (none more at the commit); its stored templates came with the job (no SELECT
    # email_templates). SQLite: one INSERT per notification, the copy, then the flush of the
    # event and the email; PostgreSQL: the copy, then the notifications, the event and the email
    # in one statement (app/applications/rows.py, ``insert_plain``).
    after = (["INSERT notifications"] * 2 + copy + ["INSERT timeline_events", "INSERT outbox_emails"] if sqlite
             else copy + ["WITH notifications, outbox_emails, timeline_events"])
    assert seen == [
        # The open job with its company (the form's look-up, reused by the service) and, in the
        # same statement, its first stage alone (not the whole pipeline) with the stage-entry
        # reads (app/jobs/events.py): no interview plan, no automations on it, so the receivers
        # of its entry ask nothing; the owner and team to notify (one row each); and the person
        # by email (``applications.services.job_to_apply``): nobody, so no look-up of their
        # applications and no statement of its own.
        "SELECT jobs",
        # SQLite: the person, the CV and the application (born in its stage: no UPDATE after)
        # in one flush with the kept counts' upsert (app/applications/counts.py), then the entry
        # and its two timeline lines ("applied", "stage_entered") as plain rows (one executemany
        # for both lines). PostgreSQL: all of it in one statement.
        *born,
        *after,
    ], seen
    assert "UPDATE applications" not in seen
    assert seen.count("SELECT jobs") == 1 and "SELECT companies" not in seen and "SELECT candidates" not in seen
    assert "SELECT stage_entries" not in seen and "SELECT applications" not in seen
    assert "SELECT interview_plans" not in seen and "SELECT automations" not in seen and "SELECT stages" not in seen
    assert "SELECT users" not in seen  # owner and team came with the job

    application = db.session.scalar(select(Application))
    entry = db.session.scalar(select(StageEntry))
    assert application.stage_id == entry.stage_id == job.stages[0].id and entry.from_stage_id is None
    assert application.stage_entered_at == entry.entered_at and application.cv_file.filename == "cv.pdf"
    notes = db.session.scalars(select(Notification).order_by(Notification.id)).all()
    assert [n.user_id for n in notes] == [owner.id, member.id]
    assert {n.kind for n in notes} == {"new_application"}
    # The email copy's key names the application's latest stage entry, as when it was read back.
    copy = db.session.scalar(select(OutboxEmail).where(OutboxEmail.kind == "notify:new_application"))
    assert copy.dedupe_key == f"notify:new_application:{application.id}:{entry.id}:{member.id}"
    email = db.session.scalar(select(OutboxEmail).where(OutboxEmail.kind == "application_received"))
    assert email.dedupe_key == f"applied:{application.id}" and email.to_addr == "aino@example.fi"
    events = [e.kind for e in db.session.scalars(select(TimelineEvent).order_by(TimelineEvent.id))]
    assert events == ["applied", "stage_entered", "confirmation_queued"]


def born_in_one(kinds_: list[str]) -> str:
    """The one statement of CTEs that writes these rows on PostgreSQL, as ``kinds`` names it."""
    return "WITH " + ", ".join(sorted(k.split()[1] for k in kinds_))


def test_the_count_does_not_grow_with_stages_team_or_earlier_applications(client, make):
    company = make.company("acme", "Acme Oy")
    small = make.job(company, title="Small")
    db.session.expire_all()
    first = kinds(post(client, small, "one@example.fi"))
    team = [make.user(company) for _ in range(5)]
    big = make.job(company, title="Big", team=team)
    from app.jobs.models import Stage

    for n in range(6):
        db.session.add(Stage(company_id=company.id, job_id=big.id, name=f"Extra {n}", position=100 + n))
    db.session.commit()
    for n in range(3):
        make.application(big)
    db.session.expire_all()
    second = kinds(post(client, big, "two@example.fi"))
    # The same statements, but for one notification more per team member: PostgreSQL takes
    # them in the confirmation's statement, SQLite one INSERT each (SQLAlchemy cannot batch
    # INSERT … RETURNING there).
    assert [k for k in second if k != "INSERT notifications"] == [k for k in first if k != "INSERT notifications"]
    assert "SELECT users" not in second
    if db.engine.dialect.name == "postgresql":
        assert len(second) == len(first)
    # A person already on file (another job), found by the job's statement, is checked for
    # blocking applications: one more.
    db.session.expire_all()
    third = kinds(post(client, big, "one@example.fi"))
    if db.engine.dialect.name == "sqlite":
        assert [k for k in third if k != "INSERT notifications"] == [
            k for k in second if k != "INSERT notifications"][:1] + ["SELECT applications"] + [
            k for k in second if k not in ("INSERT notifications", "INSERT candidates")][1:]
    else:  # the same, and the one statement of CTEs writes no person
        assert [k for k in third if k != "INSERT notifications"] == [
            k for k in second if k != "INSERT notifications"][:1] + ["SELECT applications"] + [
            born_in_one(BORN[1:]) if k == born_in_one(BORN) else k
            for k in second if k != "INSERT notifications"][1:]
    assert "SELECT candidates" not in third
    users = {n.user_id for n in db.session.scalars(select(Notification).where(Notification.link.contains(
        str(db.session.scalar(select(Application.id).order_by(Application.id.desc()).limit(1))))))}
    assert users == {company_admin.id for company_admin in [big.owner]} | {u.id for u in team}


def test_a_repeat_application_still_becomes_a_note(client, make):
    company = make.company("acme", "Acme Oy")
    job = make.job(company)
    post(client, job)
    db.session.expire_all()
    post(client, job, "AINO@example.fi")
    assert db.session.query(Application).count() == 1
    kinds_ = [e.kind for e in db.session.scalars(select(TimelineEvent).order_by(TimelineEvent.id))]
    assert kinds_.count("duplicate") == 1


def test_what_waits_on_the_first_stage_still_acts(client, make):
    """The job's statement answers "an interview plan / an automation on the first stage?"; when
    yes, the receivers read and act as before (and a move an automation makes reads afresh)."""
    from app.applications import automations
    from app.interviews.models import Interview
    from app.interviews.services import save_plan

    company = make.company("acme", "Acme Oy")
    anna = make.user(company)
    job = make.job(company, team=[anna])
    save_plan(job, stage_id=job.stages[0].id, kind="video", duration_minutes=30, interviewer_ids=[anna.id],
              location="", is_active=True)
    automations.add_automation(job, stage_id=job.stages[0].id, email_template_id=None,
                               move_to_stage_id=job.stages[1].id)
    db.session.expire_all()
    seen = kinds(post(client, job))
    assert "SELECT interview_plans" in seen and "SELECT automations" in seen
    application = db.session.scalar(select(Application))
    assert application.stage_id == job.stages[1].id
    assert [e.cause for e in db.session.scalars(select(StageEntry).order_by(StageEntry.id))] == ["apply", "automation"]
    (interview,) = db.session.scalars(select(Interview)).all()
    assert interview.stage_id == job.stages[0].id and interview.cause == "automation"


def test_a_plan_on_the_stage_an_automation_moves_to_is_read_on_that_entry(client, make):
    from app.applications import automations
    from app.interviews.models import Interview
    from app.interviews.services import save_plan

    company = make.company("acme", "Acme Oy")
    anna = make.user(company)
    job = make.job(company, team=[anna])
    save_plan(job, stage_id=job.stages[1].id, kind="video", duration_minutes=30, interviewer_ids=[anna.id],
              location="", is_active=True)
    automations.add_automation(job, stage_id=job.stages[0].id, email_template_id=None,
                               move_to_stage_id=job.stages[1].id)
    db.session.expire_all()
    seen = kinds(post(client, job))
    assert seen.count("SELECT interview_plans") == 1  # on the automation's entry only (no answers there)
    (interview,) = db.session.scalars(select(Interview)).all()
    assert interview.stage_id == job.stages[1].id


def test_the_team_read_with_the_job_is_notified_as_before(client, make):
    """Owner first, then the team by name, once each (the owner also on the team), not the
    disabled; a job without an owner notifies its team."""
    company = make.company("acme", "Acme Oy")
    owner = make.admin_of(company)
    bea, aku, gone = make.user(company), make.user(company), make.user(company)
    bea.name, aku.name, gone.name, gone.is_enabled = "Bea", "Aku", "Ada", False
    job = make.job(company, team=[bea, owner, aku, gone])
    job.owner_id = owner.id
    orphan = make.job(company, title="No owner", team=[bea])
    orphan.owner_id = None
    db.session.commit()
    post(client, job)
    post(client, orphan, "other@example.fi")
    notes = db.session.scalars(select(Notification).order_by(Notification.id)).all()
    assert [n.user_id for n in notes] == [owner.id, aku.id, bea.id, bea.id]


def test_the_confirmation_read_with_the_job_is_the_companys_own_in_the_applicants_language(client, make):
    """The stored templates come with the job's statement (``ApplyReads.templates``): the
    company's own text in the applicant's language before the global one, never another
    company's, and the shipped default when nothing fits."""
    from app.messaging import services as messaging

    acme, other = make.company("acme", "Acme Oy"), make.company("other", "Other Oy")
    job = make.job(acme)
    messaging.save_template(None, company_id=other.id, key="application_received", name="Theirs", locale="fi",
                            subject="Toisen yrityksen kiitos: {{ job_title }}", body="Hei")
    messaging.save_template(None, company_id=None, key="application_received", name="Global", locale="fi",
                            subject="Yleinen kiitos: {{ job_title }}", body="Hei")
    db.session.commit()

    def subject(email, lang):
        url = f"/c/acme/jobs/{job.id}/apply?lang={lang}"
        seen = statements(lambda: client.post(url, data=form(email), content_type="multipart/form-data"))
        assert "SELECT email_templates" not in kinds(seen)
        return db.session.scalar(select(OutboxEmail.subject).where(OutboxEmail.to_addr == email,
                                                                   OutboxEmail.kind == "application_received"))

    assert subject("a@example.fi", "fi") == f"Yleinen kiitos: {job.title}"  # the global one: acme has none
    messaging.save_template(None, company_id=acme.id, key="application_received", name="Ours", locale="fi",
                            subject="Acmen kiitos: {{ job_title }}", body="Hei")
    db.session.commit()
    assert subject("b@example.fi", "fi") == f"Acmen kiitos: {job.title}"  # its own, saved since
    assert subject("c@example.fi", "en") == f"We received your application: {job.title}"  # shipped English


def test_the_rows_of_a_new_application_are_whole_and_the_application_lives_on(client, make):
    """Whether the unit of work writes them (SQLite) or one statement does (PostgreSQL,
    app/applications/rows.py): the person with every derived column, the stored CV and its file,
    the application with its defaults, the kept count, the entry and the timeline in order; the
    application then changes as any other (a move is counted), and a returning person gets the
    new application without a second person."""
    from app.applications import counts, files
    from app.applications import services as applications
    from app.applications.models import Candidate, StoredFile

    company = make.company("acme", "Acme Oy")
    admin = make.admin_of(company)
    job = make.job(company)
    db.session.expire_all()
    post(client, job, "Aino.Maria+jobs@Example.fi")
    db.session.expire_all()
    application = db.session.scalar(select(Application))
    person = application.candidate
    assert (person.given_names, person.family_name, person.display_name) == ("Aino Maria", "Virtanen", None)
    assert (person.email, person.email_normalized, person.email_key) == (
        "Aino.Maria+jobs@Example.fi", "aino.maria+jobs@example.fi", "ainomaria@example.fi")
    assert (person.phone, person.phone_normalized, person.locale, person.name_unverified) == (
        "+358 40 123 4567", "+358401234567", "en", False)
    cv = application.cv_file
    assert (cv.filename, cv.content_type, cv.size, cv.company_id) == ("cv.pdf", "application/pdf", len(PDF), company.id)
    assert files.read(cv) == PDF
    assert re.fullmatch(r"[0-9a-f-]{36}", application.ref)
    assert (application.status, application.source, application.cover_letter, application.consent_text_version) == (
        "open", "careers", "Hei!", applications.CONSENT_VERSION)
    assert application.consent_at is not None and application.closed_at is None and application.pending_data is None
    assert application.email_failed is False and application.created_at and application.updated_at
    assert application.stage_id == job.stages[0].id and application.stage_entered_at is not None
    (entry,) = db.session.scalars(select(StageEntry)).all()
    assert (entry.application_id, entry.stage_id, entry.from_stage_id, entry.cause, entry.actor_id) == (
        application.id, job.stages[0].id, None, "apply", None)
    lines = db.session.scalars(select(TimelineEvent).order_by(TimelineEvent.id)).all()
    assert [(e.kind, e.data, e.application_id) for e in lines[:2]] == [
        ("applied", {"source": "careers"}, application.id),
        ("stage_entered", {"stage": job.stages[0].name, "cause": "apply"}, application.id)]
    assert counts.kept(company.id) == counts.recount(company.id) == {(job.id, job.stages[0].id, "open"): 1}
    assert [(e.kind, e.data) for e in lines[2:]] == [("confirmation_queued", {"locale": "en"})]
    (note,) = db.session.scalars(select(Notification)).all()
    assert (note.user_id, note.kind, note.link, note.read_at, note.body) == (
        admin.id, "new_application", f"/admin/applications/{application.id}", None, "")
    assert note.title == f"New application: Aino Maria Virtanen for {job.title}" and note.created_at is not None
    (email,) = db.session.scalars(select(OutboxEmail)).all()
    assert (email.application_id, email.company_id, email.to_addr, email.status, email.attempts, email.locale) == (
        application.id, company.id, "Aino.Maria+jobs@Example.fi", "pending", 0, "en")
    assert email.subject == f"We received your application: {job.title}" and "Aino Maria" in email.body_text
    assert re.fullmatch(r"[0-9a-f]{32}", email.reply_token) and email.due_at is None

    applications.move_to_stage(application, job.stages[1].id, admin)
    db.session.expire_all()
    assert counts.kept(company.id) == counts.recount(company.id) == {(job.id, job.stages[1].id, "open"): 1}

    other = make.job(company, title="Designer")
    db.session.expire_all()
    post(client, other, "aino.maria+jobs@example.fi")
    db.session.expire_all()
    assert db.session.query(Candidate).count() == 1 and db.session.query(StoredFile).count() == 2
    again = db.session.scalar(select(Application).where(Application.job_id == other.id))
    assert again.candidate_id == person.id and again.cv_file_id not in (None, cv.id)
    assert counts.kept(company.id) == counts.recount(company.id)


def test_the_person_read_with_the_job_is_find_candidates_answer(client, make):
    """The job's statement reads the person by email (``applications.services.job_to_apply``)
    as ``find_candidate`` did: the company's own person with that normalised address, the lowest
    id when two share it, never another company's; the application is filed on that person."""
    from app.applications.models import Candidate

    acme = make.company("acme", "Acme Oy")
    other = make.company("other", "Other Oy")
    job = make.job(acme)

    def person(company, email):
        row = Candidate(company_id=company.id, given_names="Aino", family_name="Virtanen", email=email,
                        email_normalized=email.lower(), locale="en")
        db.session.add(row)
        db.session.flush()
        return row.id

    theirs = person(other, "aino@example.fi")
    first, second = person(acme, "Aino@example.fi"), person(acme, "aino@example.fi")
    db.session.commit()
    db.session.expire_all()
    seen = kinds(post(client, job, "AINO@example.fi"))
    assert "SELECT candidates" not in seen
    application = db.session.scalar(select(Application))
    assert application.candidate_id == first and first < second and theirs != first
    assert db.session.query(Candidate).count() == 3  # no new person

    # An address the form cleans (a control character dropped) is not the one the job's
    # statement looked up: the service looks the person up again, with the same answer.
    again = make.job(acme, title="Designer")
    db.session.expire_all()
    seen = kinds(post(client, again, "aino@example.fi\x01"))
    assert "SELECT candidates" in seen
    assert db.session.scalar(select(Application.candidate_id).where(Application.job_id == again.id)) == first
    assert db.session.query(Candidate).count() == 3


def test_the_statement_of_the_new_rows_stays_within_psycopgs_cache(client, make):
    """PostgreSQL: the one statement of CTEs writes an apply's empty columns as NULL in its text
    (JSON ``null`` aside), so it has at most psycopg's 50 parameters and 4 KB, and psycopg keeps
    its conversion of it rather than redoing it on every apply (issue 15). The rows are those
    the other tests check."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite writes these rows through the unit of work")
    from psycopg import _queries
    from sqlalchemy import event

    company = make.company("acme", "Acme Oy")
    job = make.job(company)
    db.session.expire_all()
    sent = []

    def note(conn, cursor, statement, parameters, *args):
        sent.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        post(client, job)
    finally:
        event.remove(db.engine, "before_cursor_execute", note)
    (statement, parameters), = [(s, p) for s, p in sent if s.startswith("WITH new_person")]
    assert len(parameters) <= _queries.MAX_CACHED_STATEMENT_PARAMS
    assert len(statement.encode()) <= _queries.MAX_CACHED_STATEMENT_LENGTH
    application = db.session.scalar(select(Application))
    assert application.pending_data is None and application.closed_at is None and application.referred_by_id is None
    from sqlalchemy import text

    # a JSON column's None is JSON null, as the unit of work writes it, not SQL NULL
    assert db.session.execute(text("SELECT pending_data IS NULL, pending_data::text FROM applications")).one() == (
        False, "null")
