"""Merging two records of one person and splitting them again: what moves, what is kept,
the audit, the undo round trip, expiry, retention and erasure."""

from __future__ import annotations

import json
from datetime import timedelta

from freezegun import freeze_time
from sqlalchemy import func, select

from app.extensions import db
from tests.support.duplicates import db_state, survivor_and_person
from tests.support.privacy import EMAIL, PHONE


def _owned_by(candidate_id: int) -> dict[str, int]:
    """Rows reached through the candidate's applications, per kind."""
    from app.applications.models import Application, StageEntry, TimelineEvent
    from app.assessments.models import AssessmentOrder, AssessmentSummary
    from app.emrex.models import EmrexRequest, EmrexSummary, EmrexTranscript
    from app.messaging.models import OutboxEmail

    apps = select(Application.id).where(Application.candidate_id == candidate_id)
    out = {"applications": db.session.scalar(select(func.count()).select_from(apps.subquery()))}
    for name, model in (("timeline", TimelineEvent), ("stages", StageEntry), ("emrex_requests", EmrexRequest),
                        ("transcripts", EmrexTranscript), ("emrex_summaries", EmrexSummary),
                        ("orders", AssessmentOrder), ("assessment_summaries", AssessmentSummary),
                        ("emails", OutboxEmail)):
        out[name] = db.session.scalar(select(func.count(model.application_id)).where(model.application_id.in_(apps)))
    out["notes"] = db.session.scalar(select(func.count(TimelineEvent.id)).where(
        TimelineEvent.application_id.in_(apps), TimelineEvent.kind == "note"))
    out["cv_files"] = db.session.scalar(select(func.count(Application.cv_file_id)).where(
        Application.candidate_id == candidate_id))
    return out


def test_merge_moves_everything_audits_and_splits_back_exactly(make, people):
    from app import audit
    from app.applications.models import Application, Candidate
    from app.duplicates import services
    from app.duplicates.models import CandidateMerge
    from app.privacy.services import collect_export

    company, survivor, person = survivor_and_person(make, people)
    rows, _ = services.suggestions(company.id)
    assert [(s.a.id, s.b.id) for s in rows] == [(survivor.id, person.candidate_id)]
    assert "similar_email" in rows[0].reasons
    theirs, mine = _owned_by(person.candidate_id), _owned_by(survivor.id)
    assert all(theirs.values()), theirs  # the builder gave the removed record every kind of data
    before = db_state()

    choices = {"name": survivor.id, "email": person.candidate_id, "phone": person.candidate_id}
    snapshot = services.merge(company.id, person.candidate_id, survivor.id, choices, person.admin)
    db.session.expire_all()

    assert db.session.get(Candidate, person.candidate_id) is None
    kept = db.session.get(Candidate, survivor.id)
    assert (kept.full_name, kept.email, kept.phone) == ("Erkki Esimerkki", EMAIL, PHONE)
    moved = _owned_by(survivor.id)
    assert {k: moved[k] - mine[k] for k in moved} == {**theirs, "timeline": theirs["timeline"] + 3}  # +1 per app
    assert sorted(db.session.scalars(select(Application.id).where(Application.candidate_id == survivor.id))) == \
        sorted([*person.applications, *[a.id for a in kept.applications if a.id not in person.applications]])
    assert snapshot.moved_application_ids == sorted(person.applications)
    assert snapshot.expires_at - snapshot.created_at == timedelta(days=30)
    entry = db.session.scalar(select(audit.AuditEntry).where(audit.AuditEntry.action == "candidate_merged"))
    assert entry.object == f"candidate:{survivor.id}" and entry.actor == f"user:{person.admin.id}"
    assert entry.after["removed_candidate"] == person.candidate_id
    assert entry.after["values_from"] == {"email": "removed", "name": "kept", "phone": "removed"}
    assert "Erkki" not in json.dumps(entry.after) and "example.com" not in json.dumps(entry.after)
    # The person's export (the chosen address) now holds all three applications.
    data, _files = collect_export(EMAIL.lower())
    assert len(data["applications"]) == 3
    assert services.suggestions(company.id)[0] == []

    restored = services.split(company.id, snapshot.id, person.admin)
    assert restored.id == person.candidate_id
    db.session.expire_all()
    assert db_state() == before  # everything back where it was, row for row
    assert db.session.scalar(select(func.count(CandidateMerge.id))) == 0
    split = db.session.scalar(select(audit.AuditEntry).where(audit.AuditEntry.action == "candidate_split"))
    assert split.after["restored_candidate"] == person.candidate_id
    assert split.after["applications_moved_back"] == sorted(person.applications)


def test_open_applications_to_the_same_job_are_both_kept(make, people, client, auth):
    from app.applications.models import Application
    from app.audit import AuditEntry
    from app.duplicates import services

    company = make.company("acme")
    job = make.job(company, "Data analyst")
    a = people.candidate(company, "Aino", "Virtanen", "aino@example.com", "+358401112233", job=job)
    b = people.candidate(company, "Aino", "Virtanen", "aino.v@example.com", "+358401112233", job=job)
    auth.login(make.admin_of(company).email)
    page = client.get(f"/admin/candidates/merge?a={a.id}&b={b.id}").get_data(as_text=True)
    assert 'id="merge-conflicts"' in page and "Both applications are kept" in page and "Data analyst" in page

    services.merge(company.id, a.id, b.id, {"name": a.id, "email": a.id, "phone": a.id}, make.admin_of(company))
    open_apps = db.session.scalars(select(Application).where(Application.candidate_id == a.id,
                                                             Application.status == "open")).all()
    assert len(open_apps) == 2 and {x.job_id for x in open_apps} == {job.id}
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "candidate_merged"))
    assert entry.after["both_open_for_jobs"] == [job.id]


def test_merging_the_survivor_away_makes_its_earlier_merge_final(make, people):
    from app.duplicates import services
    from app.duplicates.models import CandidateMerge

    company = make.company("acme")
    job = make.job(company, "Data analyst")
    admin = make.admin_of(company)
    t = people.candidate(company, "T", "One", "t@example.com", "+358401112233", job=job)
    s = people.candidate(company, "S", "Two", "s@example.com", "+358401112233", job=job)
    x = people.candidate(company, "X", "Three", "x@example.com", "+358401112233", job=job)
    services.merge(company.id, s.id, x.id, dict.fromkeys(services.FIELDS, s.id), admin)
    s_id, x_id = s.id, x.id
    services.merge(company.id, t.id, s.id, dict.fromkeys(services.FIELDS, t.id), admin)
    remaining = db.session.execute(select(CandidateMerge.survivor_id, CandidateMerge.merged_candidate_id)).all()
    assert remaining == [(t.id, s_id)] and x_id != s_id


def test_split_after_30_days_is_refused_and_the_sweep_purges_the_snapshot(make, people):
    from app.duplicates import services
    from app.duplicates.models import CandidateMerge
    from app.sweeper import sweep

    company = make.company("acme")
    job = make.job(company, "Data analyst")
    admin = make.admin_of(company)
    t0 = "2026-12-01 12:00:00"
    with freeze_time(t0):
        a = people.candidate(company, "A", "One", "a@example.com", "+358401112233", job=job)
        b = people.candidate(company, "B", "Two", "b@example.com", "+358401112233", job=job)
        c = people.candidate(company, "C", "Three", "c@example.com", "+358409998877", job=job)
        d = people.candidate(company, "D", "Four", "d@example.com", "+358409998877", job=job)
        old = services.merge(company.id, a.id, b.id, dict.fromkeys(services.FIELDS, a.id), admin)
        old_id = old.id
    with freeze_time("2026-12-20 12:00:00"):
        fresh = services.merge(company.id, c.id, d.id, dict.fromkeys(services.FIELDS, c.id), admin)
        fresh_id = fresh.id
    with freeze_time("2026-12-31 12:00:01"):  # 30 days and a second after the first merge
        try:
            services.split(company.id, old_id, admin)
        except services.MergeError as exc:
            assert exc.code == "expired"
        else:
            raise AssertionError("an expired merge was split")
        assert db.session.scalars(select(CandidateMerge.id)).all() == [old_id, fresh_id]  # refused: unchanged
        sweep()
        assert db.session.scalars(select(CandidateMerge.id)).all() == [fresh_id]
        assert services.split(company.id, fresh_id, admin).id == d.id


def test_bar_37_erase_after_a_merge_leaves_no_trace_of_either_record(make, people, client, auth):
    """The snapshot holds the removed record's data: erasing the survivor deletes it too."""
    from app import audit
    from tests.support.privacy import traces

    company, survivor, person = survivor_and_person(make, people)
    from app.duplicates import services

    services.dismiss(company.id, survivor.id, person.candidate_id, person.admin)  # one more trace to clear
    snapshot = services.merge(company.id, survivor.id, person.candidate_id,
                              {"name": survivor.id, "email": person.candidate_id, "phone": person.candidate_id},
                              person.admin)
    assert snapshot.merged_data["email"] == EMAIL
    auth.login(person.admin.email)
    assert client.post(f"/admin/candidates/{survivor.id}/erase", data={}).status_code == 303
    db.session.expire_all()
    skip = {("audit_entries", e.id) for e in db.session.scalars(select(audit.AuditEntry).where(
        audit.AuditEntry.action == "candidate_erased"))}
    person.candidate_id = survivor.id  # the record that holds everything now
    assert traces(person, skip=skip) == []
    for table in ("candidate_merges", "duplicate_dismissals"):
        assert db.session.execute(select(func.count()).select_from(db.metadata.tables[table])).scalar() == 0
    leftover = db.session.scalars(select(audit.AuditEntry.action).where(
        audit.AuditEntry.action.in_(("candidate_merged", "duplicate_dismissed")))).all()
    assert leftover == []
