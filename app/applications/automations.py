"""Automations: what happens when an application enters a stage (an email, a move to another
stage), at once or after a delay the sweeper watches. They are defined per job or job template
(the ``Automation`` rows of the jobs feature) and act on applications, so they live here."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.applications import services as applications
from app.applications.models import Application, Candidate, StageEntry
from app.clock import utcnow
from app.extensions import db
from app.jobs.events import entry_answer
from app.jobs.models import Automation, AutomationRun, Job, JobTemplate, Stage
from app.jobs.services import JobError
from app.messaging.services import queue_template_email, template_in_language, templates_available

MAX_AUTOMATION_DEPTH = 10


def add_automation(owner: Job | JobTemplate, *, stage_id: int, email_template_id: int | None,
                   move_to_stage_id: int | None, delay_days: int = 0) -> Automation:
    stage_ids = {s.id for s in owner.stages}
    if stage_id not in stage_ids:
        raise JobError("bad_stage")
    if move_to_stage_id is not None and move_to_stage_id not in stage_ids:
        raise JobError("bad_target")
    if move_to_stage_id == stage_id:
        raise JobError("automation_loop")
    if email_template_id is None and move_to_stage_id is None:
        raise JobError("automation_empty")
    if not 0 <= delay_days <= 365:
        raise JobError("bad_delay")
    if email_template_id is not None and \
            email_template_id not in {t.id for t in templates_available(owner.company_id)}:
        raise JobError("unknown_email_template")
    auto = Automation(company_id=owner.company_id, stage_id=stage_id, email_template_id=email_template_id,
                      move_to_stage_id=move_to_stage_id, delay_days=delay_days)
    if isinstance(owner, Job):
        auto.job_id = owner.id
    else:
        auto.template_id = owner.id
    db.session.add(auto)
    db.session.commit()
    return auto


def delete_automation(auto: Automation) -> None:
    db.session.delete(auto)
    db.session.commit()


#: The stage-entry read (``app.jobs.events.entry_read``, registered in ``hooks.py``): the
#: entered stage has active automations.
ON_STAGE = "automations.on_stage"


def on_stage():
    """EXISTS an active automation of ``Stage`` (correlated to ``Stage``)."""
    return select(Automation.id).where(Automation.job_id == Stage.job_id, Automation.stage_id == Stage.id,
                                       Automation.is_active.is_(True)).exists()


def schedule_automations(application, entry, depth: int = 0, answers: dict | None = None, **_) -> None:
    """Stage-entry receiver (connected last, in ``applications/hooks.py``): one run per
    automation of the entered stage; run at once or leave a due date for the sweeper."""
    if application.job_id is None or entry_answer(answers, ON_STAGE) is False:
        return
    autos = db.session.scalars(select(Automation).where(
        Automation.job_id == application.job_id, Automation.stage_id == entry.stage_id,
        Automation.is_active.is_(True)).order_by(Automation.id)).all()
    for auto in autos:
        run = AutomationRun(company_id=application.company_id, automation_id=auto.id,
                            application_id=application.id, stage_entry_id=entry.id,
                            due_at=entry.entered_at + timedelta(days=auto.delay_days))
        db.session.add(run)
        db.session.flush()
        if auto.delay_days == 0:
            perform_run(run, depth=depth)


def perform_run(run: AutomationRun, depth: int = 0) -> None:
    """Carry out one automation run (in the caller's transaction)."""
    auto = db.session.get(Automation, run.automation_id)
    application = db.session.get(Application, run.application_id)
    run.done_at = utcnow()
    if auto is None or application is None:
        run.outcome = "skipped"
        return
    latest = db.session.scalar(select(StageEntry.id).where(StageEntry.application_id == application.id)
                               .order_by(StageEntry.id.desc()).limit(1))
    if latest != run.stage_entry_id and auto.delay_days > 0:
        run.outcome = "skipped"  # the application moved on before the delay ran out
        return
    done = []
    if auto.email_template is not None:
        candidate = db.session.get(Candidate, application.candidate_id)
        if candidate.email:
            template = template_in_language(auto.email_template, applications.email_languages(application))
            queue_template_email(template, to=candidate.email,
                                 fields=applications.merge_fields(application),
                                 kind="automation", dedupe_key=f"automation-run:{run.id}",
                                 company_id=application.company_id, application_id=application.id)
            applications.add_event(application, "email_queued", data={"template": template.name,
                                                                     "locale": template.locale, "by": "automation"})
            done.append("email")
    if auto.move_to_stage_id is not None and application.is_open:
        if depth >= MAX_AUTOMATION_DEPTH:
            applications.add_event(application, "automation_stopped", data={"reason": "loop"})
            run.outcome = "loop"
            return
        applications.enter_stage(application, auto.move_to_stage_id, cause="automation", depth=depth + 1)
        done.append("move")
    run.outcome = "+".join(done) or "nothing"


def run_due_automations(limit: int = 500) -> int:
    """Sweeper step: perform the delayed automation runs whose time has come."""
    now = utcnow()
    ids = db.session.scalars(select(AutomationRun.id).where(AutomationRun.done_at.is_(None),
                                                            AutomationRun.due_at <= now).limit(limit)).all()
    for run_id in ids:
        run = db.session.get(AutomationRun, run_id, with_for_update=True)
        if run is None or run.done_at is not None:
            continue
        perform_run(run)
        db.session.commit()
    return len(ids)
