"""Erasure and anonymisation by company admins (SECURITY_BAR 37, GDPR Art. 17)."""

from __future__ import annotations

import json
from datetime import timedelta

from rq.job import Job
from rq.registry import ScheduledJobRegistry
from sqlalchemy import func, select

from app.extensions import db
from tests.support.privacy import EMAIL_N, build_person, traces


def _queued_args(redis_queues=("emails", "boards", "assessments", "default", "emrex")) -> list[tuple[str, tuple]]:
    from app.background import get_queue

    out = []
    for name in redis_queues:
        queue = get_queue(name)
        ids = list(queue.get_job_ids()) + list(ScheduledJobRegistry(queue=queue).get_job_ids())
        for job in Job.fetch_many(ids, connection=queue.connection):
            if job is not None:
                out.append((job.func_name.rsplit(".", 1)[-1], tuple(job.args)))
    return out


def _queue_partner_tasks(person) -> None:
    """The person's partner calls waiting in RQ: one now, one scheduled (a retry)."""
    from app import background
    from app.partners import tasks

    background.enqueue(tasks.run_delivery, person.deliveries[0], queue="assessments")
    background.enqueue_in(timedelta(minutes=4).total_seconds(), tasks.run_delivery, person.deliveries[0],
                          queue="assessments")
    background.enqueue(tasks.process_inbound, person.deliveries[2], queue="boards")


def _erase_page(client, person):
    return client.get(f"/admin/candidates/{person.candidate_id}/erase")


def test_bar_37_erase_leaves_no_trace(async_app, make, aclient, aauth):
    from app import audit
    from app.applications import files
    from app.applications.models import StoredFile

    client, auth = aclient, aauth
    person = build_person(make)
    other = build_person(make, person.company, given="Liisa", family="Laine", email="liisa@example.org",
                         phone="+358409999999", suffix="-L")  # same company, must stay whole
    elsewhere = build_person(make, given="Erkki", family="Esimerkki", suffix="-B")  # same person at company B
    paths = [files.path_of(db.session.get(StoredFile, f)) for f in person.files]
    assert all(p.exists() for p in paths)
    assert traces(person), "the builder left nothing to find: the check would prove nothing"
    _queue_partner_tasks(person)
    queued = _queued_args()
    assert ("send_email", (person.outbox[0],)) in queued
    assert ("run_delivery", (person.deliveries[0],)) in queued

    auth.login(person.admin.email)
    page = _erase_page(client, person)
    assert page.status_code == 200
    assert b"Erase Erkki Esimerkki?" in page.data and b"3 files" in page.data
    resp = client.post(f"/admin/candidates/{person.candidate_id}/erase", data={})
    assert resp.status_code == 303
    db.session.expire_all()

    # Company B's copy of the same email is a different controller's data and is kept, so
    # the string check runs on company A's rows only; ids are checked everywhere.
    skip = {("audit_entries", e.id) for e in db.session.scalars(select(audit.AuditEntry).where(
        audit.AuditEntry.action == "candidate_erased"))}
    leftovers = [t for t in traces(person, skip=skip) if not _belongs_to(t, elsewhere)]
    assert leftovers == []
    assert not any(p.exists() for p in paths)
    queued = _queued_args()
    assert not [q for q in queued if q[1] and (q[1][0] in person.outbox and q[0] == "send_email"
                                                or q[1][0] in person.deliveries and q[0] != "send_email")]

    entry = db.session.scalar(select(audit.AuditEntry).where(audit.AuditEntry.action == "candidate_erased"))
    assert entry.object == f"candidate:{person.candidate_id}"
    assert entry.actor == f"user:{person.admin.id}" and entry.company_id == person.company.id
    assert "Erkki" not in json.dumps(entry.after) and EMAIL_N not in json.dumps(entry.after)

    # The neighbour in the same company and the person's data at company B are whole.
    assert traces(other) and traces(elsewhere)
    assert all(files.path_of(db.session.get(StoredFile, f)).exists() for f in other.files + elsewhere.files)


def _belongs_to(trace: str, elsewhere) -> bool:
    """A trace that is one of company B's rows (by the row id in the message)."""
    table_name, _, rest = trace.partition(" #")
    row_id = rest.split(" ")[0]
    if not row_id.isdigit():
        return False
    table = db.metadata.tables[table_name]
    row = db.session.execute(select(table).where(table.c.id == int(row_id))).mappings().first()
    return row is not None and row.get("company_id") == elsewhere.company.id


def test_anonymise_keeps_the_hire_and_its_stage_history(app, make, client, auth, person):
    from app.applications import files, services
    from app.applications.models import Application, Candidate, StageEntry, StoredFile
    from app.emrex.models import EmrexTranscript

    application = db.session.get(Application, person.careers_id)
    hired = next(s for s in application.job.stages if s.kind == "hired")
    services.move_to_stage(application, hired.id, person.admin)
    entries = db.session.scalar(select(func.count(StageEntry.id)).where(StageEntry.application_id == application.id))
    paths = [files.path_of(db.session.get(StoredFile, f)) for f in person.files]

    auth.login(person.admin.email)
    page = _erase_page(client, person)
    assert b"This candidate was hired" in page.data
    assert client.post(f"/admin/candidates/{person.candidate_id}/erase", data={}).status_code == 303
    db.session.expire_all()

    kept = db.session.get(Application, person.careers_id)
    assert kept is not None and kept.stage_id == hired.id and kept.status == "closed"
    assert kept.cv_file_id is None and kept.cover_letter == ""
    assert db.session.scalar(select(func.count(StageEntry.id)).where(
        StageEntry.application_id == kept.id)) == entries
    candidate = db.session.get(Candidate, person.candidate_id)
    assert candidate.full_name == "Erased candidate" and candidate.email is None and candidate.phone is None
    assert not any(p.exists() for p in paths)
    assert db.session.scalar(select(func.count(EmrexTranscript.id))) == 0
    # The person's strings are gone everywhere (ids of the kept rows legitimately remain).
    strings = [t for t in traces(person) if "contains" in t]
    assert strings == []
    assert db.session.scalar(select(func.count()).select_from(db.metadata.tables["audit_entries"]).where(
        db.metadata.tables["audit_entries"].c.action == "candidate_anonymised")) == 1


def test_admin_can_choose_to_anonymise(app, client, auth, person):
    from app.applications.models import Application, Candidate

    auth.login(person.admin.email)
    resp = client.post(f"/admin/candidates/{person.candidate_id}/erase", data={"anonymise": "y"})
    assert resp.status_code == 303
    db.session.expire_all()
    assert db.session.get(Candidate, person.candidate_id).given_names == "Erased"
    assert db.session.get(Application, person.careers_id) is not None


def test_recruiter_gets_403_on_erase_and_no_menu_entry(app, make, client, auth, person):
    from app.applications.models import Candidate

    recruiter = make.user(person.company)
    auth.login(recruiter.email)
    assert client.get(f"/admin/candidates/{person.candidate_id}/erase").status_code == 403
    assert client.post(f"/admin/candidates/{person.candidate_id}/erase", data={}).status_code == 403
    card = client.get(f"/admin/applications/{person.careers_id}")
    assert card.status_code == 200 and b"Erase candidate" not in card.data
    db.session.expire_all()
    assert db.session.get(Candidate, person.candidate_id) is not None


def test_admin_sees_erase_in_the_card_menu(app, client, auth, person):
    auth.login(person.admin.email)
    card = client.get(f"/admin/applications/{person.careers_id}")
    assert f"/admin/candidates/{person.candidate_id}/erase?from={person.careers_id}".encode() in card.data


def test_company_a_cannot_erase_company_b_candidate(app, make, client, auth, person):
    from app.applications.models import Candidate

    other_company = make.company()
    auth.login(make.admin_of(other_company).email)
    assert client.get(f"/admin/candidates/{person.candidate_id}/erase").status_code == 404
    assert client.post(f"/admin/candidates/{person.candidate_id}/erase", data={}).status_code == 404
    db.session.expire_all()
    assert db.session.get(Candidate, person.candidate_id) is not None
    assert traces(person)


def test_erase_service_refuses_a_foreign_candidate(app, make, person):
    import pytest

    from app.privacy import services

    other_company = make.company()
    with pytest.raises(services.PrivacyError):
        services.erase_candidate(person.candidate_id, other_company.id, make.admin_of(other_company))


def test_finding_erasure_takes_a_namesakes_records(app, make):
    """Erasure acts on what is tied to the person: a team email or notification that only
    names "Erkki Esimerkki", or a partner event that only carries a phone number, cannot be
    told apart from the namesake's, so it stays; the namesake keeps every row."""
    from app.messaging.models import Notification, OutboxEmail
    from app.partners.models import PartnerDelivery
    from app.privacy import services

    erkki = build_person(make)
    namesake = build_person(make, erkki.company, email="erkki.e@example.org", suffix="-X")  # same name and phone
    links = [f"/admin/applications/{a}" for a in namesake.applications]
    namesake_notes = set(db.session.scalars(select(Notification.id).where(Notification.link.in_(links))))
    team_mail = set(db.session.scalars(select(OutboxEmail.id).where(OutboxEmail.kind.like("notify:%"),
                                                                  OutboxEmail.application_id.is_(None))))
    assert namesake_notes and team_mail

    services.erase_candidate(erkki.candidate_id, erkki.company.id, erkki.admin)
    db.session.expire_all()

    def alive(model, ids):
        return set(db.session.scalars(select(model.id).where(model.id.in_(ids))))

    assert alive(PartnerDelivery, namesake.deliveries) == set(namesake.deliveries)
    assert alive(OutboxEmail, namesake.outbox) == set(namesake.outbox)
    assert alive(Notification, namesake_notes) == namesake_notes
    assert traces(namesake)  # their data is whole (the string check above is the detail)
    # Erkki's own rows are gone: those tied to his applications, orders and ids
    assert alive(PartnerDelivery, erkki.deliveries) == set() and alive(OutboxEmail, erkki.outbox) == set()
