"""The kept counts of applications per company, job, stage and status (app/applications/counts.py)
equal a count from scratch after every kind of change a service makes, roll back with the
transaction, and are what the dashboard, the board's column heads and the jobs list show."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from app.applications import counts, rejections
from app.applications import services as applications
from app.applications.models import Application, ApplicationCount
from app.extensions import db


def _same(company_id):
    db.session.expire_all()
    kept, recounted = counts.kept(company_id), counts.recount(company_id)
    assert kept == recounted
    return kept


def test_counts_follow_every_change_and_equal_a_recount(app, make):
    company, other = make.company("acme"), make.company("other")
    admin = make.admin_of(company)
    analyst, designer = make.job(company, "Data analyst"), make.job(company, "Designer")
    elsewhere = make.job(other, "Elsewhere")
    apps = [make.application(analyst, given=f"A{i}") for i in range(5)] + [make.application(designer)]
    make.application(elsewhere)
    kept = _same(company.id)
    assert kept == {(analyst.id, analyst.stages[0].id, "open"): 5, (designer.id, designer.stages[0].id, "open"): 1}

    applications.move_to_stage(apps[0], analyst.stages[2].id, admin)  # a move
    db.session.commit()
    reason = rejections.reasons(company.id)[0]
    rejections.reject(apps[1], reason.id, "", None, admin)  # open → closed, into the rejected stage
    db.session.commit()
    kept = _same(company.id)
    rejected = rejections.rejected_stage(db.session.get(Application, apps[1].id)).id
    assert kept[(analyst.id, rejected, "closed")] == 1 and kept[(analyst.id, analyst.stages[2].id, "open")] == 1
    assert kept[(analyst.id, analyst.stages[0].id, "open")] == 3

    applications.enter_stage(db.session.get(Application, apps[1].id), analyst.stages[1].id, cause="person")
    db.session.commit()  # closed → open again by a move out of the rejected stage
    assert (analyst.id, rejected, "closed") not in _same(company.id)

    # The Pending pool: one assigned to a job, one dismissed.
    candidate = db.session.get(Application, apps[5].id).candidate
    waiting = [applications.create_application(company.id, candidate, None, source="careers", pending_reason="x")
               for _ in range(2)]
    db.session.commit()
    assert _same(company.id)[(0, 0, "pending")] == 2
    applications.assign_pending(waiting[0], analyst.id, admin)
    applications.dismiss_pending(waiting[1], admin)
    kept = _same(company.id)
    assert (0, 0, "pending") not in kept and kept[(0, 0, "dismissed")] == 1

    # An expired application changed in place: the old key is loaded, not guessed.
    target = apps[2].id
    db.session.expire_all()
    application = db.session.get(Application, target)
    db.session.expire(application)
    application.stage_id = analyst.stages[3].id
    db.session.commit()
    _same(company.id)

    # Merge (candidates only: no count moves) and erasure (a bulk DELETE through the session).
    from app.duplicates import services as duplicates
    from app.privacy import services as privacy

    a, b = (db.session.get(Application, x.id).candidate_id for x in apps[3:5])
    duplicates.merge(company.id, a, b, dict.fromkeys(duplicates.FIELDS, a), admin)
    _same(company.id)
    privacy.erase_candidate(a, company.id, admin)
    db.session.commit()
    after = _same(company.id)
    assert sum(after.values()) == sum(kept.values()) - 2

    # A change rolled back takes its counts with it; the other company was never touched.
    moved = db.session.get(Application, apps[0].id)
    moved.stage_id, moved.status = analyst.stages[1].id, "closed"
    db.session.flush()  # the counts are written with the change…
    assert counts.kept(company.id) != after
    db.session.rollback()  # …and go with it
    assert _same(company.id) == after
    assert _same(other.id) == {(elsewhere.id, elsewhere.stages[0].id, "open"): 1}

    counts.rebuild(company.id)  # recounting from scratch changes nothing
    db.session.commit()
    assert _same(company.id) == after


def test_a_bulk_update_of_a_counted_column_is_refused(app, make):
    company = make.company("acme")
    job = make.job(company)
    application = make.application(job)
    with pytest.raises(NotImplementedError):
        db.session.execute(update(Application).where(Application.id == application.id).values(status="closed"))
    db.session.rollback()
    db.session.execute(update(Application).where(Application.id == application.id).values(cover_letter="x"))
    db.session.commit()
    _same(company.id)


def test_the_dashboard_and_the_board_show_the_kept_counts(client, make, auth):
    company = make.company("acme")
    job = make.job(company, "Data analyst")
    for _ in range(3):
        make.application(job)
    auth.login(f"admin@{company.slug}.test")
    row = db.session.get(ApplicationCount, (company.id, job.id, job.stages[0].id, "open"))
    assert row.n == 3
    row.n = 7  # the pages read the kept row, not the applications: change it and they follow
    db.session.commit()
    dashboard = client.get("/admin/").get_data(as_text=True)
    assert "<strong>7</strong><span>open applications" in dashboard and "7 open</span>" in dashboard
    board = client.get(f"/admin/jobs/{job.id}").get_data(as_text=True)
    assert f'id="stage-{job.stages[0].id}"' in board
    head = board.split(f'id="stage-{job.stages[0].id}"', 1)[1].split("</h2>", 1)[0]
    assert '<span class="count">7</span>' in head
    jobs = client.get("/admin/jobs").get_data(as_text=True)
    assert "<td>7</td>" in jobs
