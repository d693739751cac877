"""Bulk move of 1,000 applications as a task (issue 16, Bench): one job with 1,000
applications (seeded with COPY, all in "New"), an automation on "Offer" that emails the
candidate, then ``bulk.start`` (as the recruiter's form does) and a real ``flask rq worker
--burst`` that runs the task. Reports the worker's wall time (its start-up included), the
task's own time (``started_at`` → ``finished_at``) and checks that every application moved
once and its automation ran once.

    BENCH_ONLY=bulk BENCH_DB_NAME=… BENCH_REDIS_URL=… make bench
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select, text

ROOT = Path(__file__).resolve().parent.parent
SIZE = int(os.environ.get("BENCH_BULK_SIZE", "1000"))


def run_all(app, env: dict, world: dict) -> list[tuple]:
    from redis import Redis

    from app.accounts.models import User
    from app.applications.automations import add_automation
    from app.applications.models import Application, BulkAction
    from app.bulk import services as bulk
    from app.extensions import db
    from app.jobs.models import AutomationRun, Job
    from app.messaging.models import OutboxEmail

    Redis.from_url(env["REDIS_URL"]).flushdb()
    with app.app_context():
        app.config["RQ_ASYNC"] = True
        company_id, job_id = world["company_id"], world["jobs"][0]
        job = db.session.get(Job, job_id)
        new = next(s for s in job.stages if s.name == "New")
        offer = next(s for s in job.stages if s.name == "Offer")
        db.session.execute(text("UPDATE applications SET stage_id = :s WHERE job_id = :j"), {"s": new.id, "j": job_id})
        db.session.commit()
        from app.messaging.services import ensure_default_templates

        ensure_default_templates()
        template = bulk.email_templates(company_id)[0]
        add_automation(job, stage_id=offer.id, email_template_id=template.id, move_to_stage_id=None)
        actor = db.session.scalar(select(User).where(User.company_id == company_id))
        ids = bulk.selection(company_id, ids=list(db.session.scalars(
            select(Application.id).where(Application.job_id == job_id))))
        emails_before = db.session.scalar(select(func.count(OutboxEmail.id)))
        started = time.monotonic()
        action = bulk.start(company_id, actor, "move", {"stage": "Offer"}, ids)
        action_id, offer_id = action.id, offer.id
        enqueue_s = time.monotonic() - started
    worker = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", "rq", "worker", "--burst", "default"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=3600)
    worker_s = time.monotonic() - worker
    if proc.returncode:
        raise RuntimeError(proc.stderr[-2000:])
    with app.app_context():
        db.session.expire_all()
        action = db.session.get(BulkAction, action_id)
        task_s = (action.finished_at - action.started_at).total_seconds() if action.finished_at else 0.0
        moved = db.session.scalar(select(func.count(Application.id)).where(Application.stage_id == offer_id))
        runs = db.session.scalar(select(func.count(AutomationRun.id)).where(AutomationRun.stage_entry_id.is_not(None),
                                                                          AutomationRun.application_id.in_(ids)))
        distinct = db.session.scalar(select(func.count(func.distinct(AutomationRun.application_id))).where(
            AutomationRun.application_id.in_(ids)))
        emails = db.session.scalar(select(func.count(OutboxEmail.id))) - emails_before
        app.config["RQ_ASYNC"] = False
    return [(len(ids), action.status, action.done, action.skipped, action.failed, enqueue_s, worker_s, task_s,
             moved, runs, distinct, emails)]


def render(rows: list[tuple]) -> list[str]:
    lines = ["", "## Bulk move as a task", "",
             f"`bulk.start` of a move to \"Offer\" for {SIZE:,} applications of one job (PostgreSQL), an automation "
             "on \"Offer\" emailing each candidate, run by one `flask rq worker --burst` (the worker's wall time "
             "includes its start-up; the task time is the bulk action's `started_at` → `finished_at`). "
             "`BENCH_BULK_SIZE` sets the size.", "",
             "| applications | status | done / skipped / failed | start s | worker s | task s | applications/s (task) "
             "| moved | automation runs | emails | once each |",
             "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for total, status, done, skipped, failed, enqueue_s, worker_s, task_s, moved, runs, distinct, emails in rows:
        once = runs == distinct == moved == total and emails == total
        lines.append(f"| {total:,} | {status} | {done} / {skipped} / {failed} | {enqueue_s:.2f} | {worker_s:.1f} | "
                     f"{task_s:.1f} | {total / task_s if task_s else 0:.0f} | {moved} | {runs} | {emails} | "
                     f"{'pass' if once else 'MISS'} |")
    return lines + [""]
