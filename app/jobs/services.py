"""Jobs, job templates, pipeline stages and the automations that act on stage entry."""

from __future__ import annotations

import copy
from datetime import timedelta

from sqlalchemy import func, select

from app import background
from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db
from app.jobs.events import stage_entered
from app.jobs.models import DEFAULT_STAGES, Automation, AutomationRun, Job, JobStatus, JobTemplate, Stage

MAX_AUTOMATION_DEPTH = 10
SHARED_FIELDS = ("title", "description", "location", "employment_type", "salary_min", "salary_max",
                 "salary_currency")


class JobError(ValueError):
    """A rule of jobs, stages or automations was broken; the message is for the user."""


# ---------------------------------------------------------------- jobs and templates

def _company_users(company_id: int, user_ids: list[int]) -> list[User]:
    if not user_ids:
        return []
    return list(db.session.scalars(select(User).where(User.company_id == company_id, User.id.in_(user_ids))))


def map_stage_refs(settings: dict | None, mapping: dict[int, int]) -> dict | None:
    """Copy integration settings, translating every ``*stage_id`` value through ``mapping``
    (template stage id → job stage id). Integrations store stage references under keys
    ending in ``stage_id`` so a template copy can follow them by position."""
    if settings is None:
        return None
    out = copy.deepcopy(settings)

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key.endswith("stage_id") and isinstance(value, int):
                    node[key] = mapping.get(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(out)
    return out


def create_job(company_id: int, actor: User, data: dict, template_id: int | None = None,
               team_ids: list[int] | None = None) -> Job:
    """A new job, with the default stages or, from a template, the template's fields,
    stages, automations and integration settings (stages mapped by position)."""
    template = None
    if template_id is not None:
        template = db.session.scalar(select(JobTemplate).where(JobTemplate.id == template_id,
                                                               JobTemplate.company_id == company_id))
        if template is None:
            raise JobError("Unknown job template.")
    job = Job(company_id=company_id, owner_id=actor.id if actor and actor.company_id == company_id else None,
              status=JobStatus.DRAFT.value)
    if template is not None:
        for field in SHARED_FIELDS:
            setattr(job, field, getattr(template, field))
        job.template_id = template.id
    for key, value in data.items():
        if key in SHARED_FIELDS + ("deadline", "status") and value is not None:
            setattr(job, key, value)
    if not job.title:
        raise JobError("A job needs a title.")
    db.session.add(job)
    db.session.flush()
    if template is not None and template.stages:
        mapping = {}
        for position, tstage in enumerate(template.stages):
            stage = Stage(company_id=company_id, job_id=job.id, name=tstage.name, kind=tstage.kind, position=position)
            db.session.add(stage)
            db.session.flush()
            mapping[tstage.id] = stage.id
        for auto in template.automations:
            db.session.add(Automation(company_id=company_id, job_id=job.id, stage_id=mapping.get(auto.stage_id),
                                      email_template_id=auto.email_template_id,
                                      move_to_stage_id=mapping.get(auto.move_to_stage_id),
                                      delay_days=auto.delay_days, is_active=auto.is_active))
        job.integration_settings = map_stage_refs(template.integration_settings, mapping)
    else:
        for position, (name, kind) in enumerate(DEFAULT_STAGES):
            db.session.add(Stage(company_id=company_id, job_id=job.id, name=name, kind=kind, position=position))
    if team_ids:
        job.team = _company_users(company_id, team_ids)
    if data.get("owner_id"):
        owner = _company_users(company_id, [data["owner_id"]])
        job.owner_id = owner[0].id if owner else job.owner_id
    background.commit()
    return job


def update_job(job: Job, data: dict, team_ids: list[int] | None = None) -> Job:
    for key, value in data.items():
        if key in SHARED_FIELDS + ("deadline", "status"):
            setattr(job, key, value)
    if "owner_id" in data:
        owner = _company_users(job.company_id, [data["owner_id"]]) if data["owner_id"] else []
        job.owner_id = owner[0].id if owner else None
    if team_ids is not None:
        job.team = _company_users(job.company_id, team_ids)
    if job.salary_min is not None and job.salary_max is not None and job.salary_min > job.salary_max:
        raise JobError("The lowest salary is above the highest.")
    background.commit()
    return job


def delete_job(job: Job) -> None:
    from app.applications.models import Application

    has_apps = db.session.scalar(select(func.count(Application.id)).where(Application.job_id == job.id))
    if has_apps:
        raise JobError("A job with applications cannot be deleted; close it instead.")
    db.session.delete(job)
    background.commit()


def create_template(company_id: int, name: str, data: dict, from_job: Job | None = None) -> JobTemplate:
    template = JobTemplate(company_id=company_id, name=name)
    source = from_job
    for field in SHARED_FIELDS:
        value = getattr(source, field) if source is not None else data.get(field)
        if value is not None:
            setattr(template, field, value)
    if not template.title:
        template.title = name
    db.session.add(template)
    db.session.flush()
    mapping = {}
    stages = source.stages if source is not None else None
    for position, item in enumerate(stages or [Stage(name=n, kind=k) for n, k in DEFAULT_STAGES]):
        stage = Stage(company_id=company_id, template_id=template.id, name=item.name, kind=item.kind, position=position)
        db.session.add(stage)
        db.session.flush()
        if source is not None:
            mapping[item.id] = stage.id
    if source is not None:
        for auto in source.automations:
            db.session.add(Automation(company_id=company_id, template_id=template.id,
                                      stage_id=mapping.get(auto.stage_id), email_template_id=auto.email_template_id,
                                      move_to_stage_id=mapping.get(auto.move_to_stage_id),
                                      delay_days=auto.delay_days, is_active=auto.is_active))
        template.integration_settings = map_stage_refs(source.integration_settings, mapping)
    background.commit()
    return template


def update_template(template: JobTemplate, name: str, data: dict) -> JobTemplate:
    template.name = name
    for key in SHARED_FIELDS:
        if key in data:
            setattr(template, key, data[key])
    background.commit()
    return template


def delete_template(template: JobTemplate) -> None:
    db.session.delete(template)
    background.commit()


def set_integration_settings(owner: Job | JobTemplate, key: str, value: dict | None) -> None:
    """Store one integration's settings on a job or template (e.g. ``"emrex"``)."""
    settings = dict(owner.integration_settings or {})
    if value is None:
        settings.pop(key, None)
    else:
        settings[key] = value
    owner.integration_settings = settings


# ---------------------------------------------------------------- stages

def _owner_filter(owner: Job | JobTemplate):
    return Stage.job_id == owner.id if isinstance(owner, Job) else Stage.template_id == owner.id


def add_stage(owner: Job | JobTemplate, name: str) -> Stage:
    name = (name or "").strip()
    if not name:
        raise JobError("A stage needs a name.")
    stages = list(owner.stages)
    # New stages go before the closing ones (Hired, Rejected) so the pipeline reads in order.
    insert_at = next((i for i, s in enumerate(stages) if s.closes_application), len(stages))
    stage = Stage(company_id=owner.company_id, name=name[:100], kind="normal")
    if isinstance(owner, Job):
        stage.job_id = owner.id
    else:
        stage.template_id = owner.id
    stages.insert(insert_at, stage)
    db.session.add(stage)
    for position, item in enumerate(stages):
        item.position = position
    background.commit()
    return stage


def rename_stage(stage: Stage, name: str) -> Stage:
    name = (name or "").strip()
    if not name:
        raise JobError("A stage needs a name.")
    stage.name = name[:100]
    background.commit()
    return stage


def reorder_stages(owner: Job | JobTemplate, ordered_ids: list[int]) -> list[Stage]:
    stages = {s.id: s for s in owner.stages}
    if sorted(ordered_ids) != sorted(stages):
        raise JobError("The new order must list every stage of the pipeline once.")
    for position, stage_id in enumerate(ordered_ids):
        stages[stage_id].position = position
    background.commit()
    db.session.expire(owner, ["stages"])
    return list(owner.stages)


def move_stage(owner: Job | JobTemplate, stage: Stage, direction: int) -> list[Stage]:
    ids = [s.id for s in owner.stages]
    i = ids.index(stage.id)
    j = i + direction
    if 0 <= j < len(ids):
        ids[i], ids[j] = ids[j], ids[i]
    return reorder_stages(owner, ids)


def delete_stage(stage: Stage) -> None:
    from app.applications.models import Application

    in_use = db.session.scalar(select(func.count(Application.id)).where(Application.stage_id == stage.id))
    if in_use:
        raise JobError("Move the applications out of this stage before deleting it.")
    owner_stages = db.session.scalar(select(func.count(Stage.id)).where(
        Stage.job_id == stage.job_id if stage.job_id else Stage.template_id == stage.template_id))
    if owner_stages <= 1:
        raise JobError("A pipeline needs at least one stage.")
    db.session.delete(stage)
    background.commit()


# ---------------------------------------------------------------- automations

def add_automation(owner: Job | JobTemplate, *, stage_id: int, email_template_id: int | None,
                   move_to_stage_id: int | None, delay_days: int = 0) -> Automation:
    stage_ids = {s.id for s in owner.stages}
    if stage_id not in stage_ids:
        raise JobError("Pick a stage of this pipeline.")
    if move_to_stage_id is not None and move_to_stage_id not in stage_ids:
        raise JobError("Pick a target stage of this pipeline.")
    if move_to_stage_id == stage_id:
        raise JobError("An automation cannot move an application into the stage that triggers it.")
    if email_template_id is None and move_to_stage_id is None:
        raise JobError("An automation sends an email, moves the application, or both.")
    if not 0 <= delay_days <= 365:
        raise JobError("The delay is between 0 and 365 days.")
    if email_template_id is not None:
        from app.messaging.services import templates_available

        if email_template_id not in {t.id for t in templates_available(owner.company_id)}:
            raise JobError("Unknown email template.")
    auto = Automation(company_id=owner.company_id, stage_id=stage_id, email_template_id=email_template_id,
                      move_to_stage_id=move_to_stage_id, delay_days=delay_days)
    if isinstance(owner, Job):
        auto.job_id = owner.id
    else:
        auto.template_id = owner.id
    db.session.add(auto)
    background.commit()
    return auto


def delete_automation(auto: Automation) -> None:
    db.session.delete(auto)
    background.commit()


@stage_entered.connect
def _schedule_automations(application, entry, depth: int = 0, **_) -> None:
    """Stage-entry receiver: one run per automation of the entered stage; run at once or
    leave a due date for the sweeper."""
    if application.job_id is None:
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
    from app.applications import services as applications
    from app.applications.models import Application, Candidate, StageEntry
    from app.messaging.services import queue_template_email

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
            queue_template_email(auto.email_template, to=candidate.email,
                                 fields=applications.merge_fields(application),
                                 kind="automation", dedupe_key=f"automation-run:{run.id}",
                                 company_id=application.company_id, application_id=application.id)
            applications.add_event(application, "email_queued", data={"template": auto.email_template.name,
                                                                     "by": "automation"})
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
        background.commit()
    return len(ids)
