"""Jobs, job templates and pipeline stages (the automations that act on stage entry live in
app/applications/automations.py: they act on applications)."""

from __future__ import annotations

import copy

from flask_babel import force_locale, pgettext
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from app import background
from app.accounts.models import Company, User
from app.extensions import db
from app.jobs.events import job_in_use, stage_in_use
from app.jobs.models import DEFAULT_STAGES, SHARED_FIELDS, Automation, Job, JobStatus, JobTemplate, Stage
from app.problems import Problem


class JobError(Problem):
    """A rule of jobs, stages or automations was broken; ``code`` says which."""

    messages = {
        "unknown_template": _l("Unknown job template."),
        "no_title": _l("A job needs a title."),
        "salary_order": _l("The lowest salary is above the highest."),
        "has_applications": _l("A job with applications cannot be deleted; close it instead."),
        "stage_no_name": _l("A stage needs a name."),
        "bad_order": _l("The new order must list every stage of the pipeline once."),
        "stage_in_use": _l("Move the applications out of this stage before deleting it."),
        "last_stage": _l("A pipeline needs at least one stage."),
        # automations (app/applications/automations.py)
        "bad_stage": _l("Pick a stage of this pipeline."),
        "bad_target": _l("Pick a target stage of this pipeline."),
        "automation_loop": _l("An automation cannot move an application into the stage that triggers it."),
        "automation_empty": _l("An automation sends an email, moves the application, or both."),
        "bad_delay": _l("The delay is between 0 and 365 days."),
        "unknown_email_template": _l("Unknown email template."),
    }


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


def default_stages(company_id: int) -> list[tuple[str, str]]:
    """The default stages as (name, kind), named in the company's default language: once
    created they are the company's data (everyone in it sees the same names, and may rename
    them), so they are worded once, not per reader."""
    company = db.session.get(Company, company_id)
    with force_locale((company.default_locale if company else None) or "en"):
        # Literal calls, one per name of DEFAULT_STAGES, so `make messages` extracts them.
        names = {"New": pgettext("stage", "New"), "In progress": pgettext("stage", "In progress"),
                 "Interview": pgettext("stage", "Interview"), "Offer": pgettext("stage", "Offer"),
                 "Hired": pgettext("stage", "Hired"), "Rejected": pgettext("stage", "Rejected")}
    return [(names.get(name, name), kind) for name, kind in DEFAULT_STAGES]


def create_job(company_id: int, actor: User, data: dict, template_id: int | None = None,
               team_ids: list[int] | None = None) -> Job:
    """A new job, with the default stages or, from a template, the template's fields,
    stages, automations and integration settings (stages mapped by position)."""
    template = None
    if template_id is not None:
        template = db.session.scalar(select(JobTemplate).where(JobTemplate.id == template_id,
                                                               JobTemplate.company_id == company_id))
        if template is None:
            raise JobError("unknown_template")
    job = Job(company_id=company_id, owner_id=actor.id if actor and actor.company_id == company_id else None,
              status=JobStatus.DRAFT)
    if template is not None:
        for field in SHARED_FIELDS:
            setattr(job, field, getattr(template, field))
        job.template_id = template.id
    for key, value in data.items():
        if key in SHARED_FIELDS + ("deadline", "status") and value is not None:
            setattr(job, key, value)
    if not job.title:
        raise JobError("no_title")
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
        for position, (name, kind) in enumerate(default_stages(company_id)):
            db.session.add(Stage(company_id=company_id, job_id=job.id, name=name, kind=kind, position=position))
    if team_ids:
        job.team = _company_users(company_id, team_ids)
    if data.get("owner_id"):
        owner = _company_users(company_id, [data["owner_id"]])
        job.owner_id = owner[0].id if owner else job.owner_id
    db.session.commit()
    return job


@background.clean_on_error
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
        raise JobError("salary_order")
    db.session.commit()
    return job


def _in_use(signal, obj) -> bool:
    return any(answer for _, answer in signal.send(obj))


def delete_job(job: Job) -> None:
    if _in_use(job_in_use, job):
        raise JobError("has_applications")
    db.session.delete(job)
    db.session.commit()


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
    for position, item in enumerate(stages or [Stage(name=n, kind=k) for n, k in default_stages(company_id)]):
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
    db.session.commit()
    return template


def update_template(template: JobTemplate, name: str, data: dict) -> JobTemplate:
    template.name = name
    for key in SHARED_FIELDS:
        if key in data:
            setattr(template, key, data[key])
    db.session.commit()
    return template


def delete_template(template: JobTemplate) -> None:
    db.session.delete(template)
    db.session.commit()


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
        raise JobError("stage_no_name")
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
    db.session.commit()
    return stage


def rename_stage(stage: Stage, name: str) -> Stage:
    name = (name or "").strip()
    if not name:
        raise JobError("stage_no_name")
    stage.name = name[:100]
    db.session.commit()
    return stage


def reorder_stages(owner: Job | JobTemplate, ordered_ids: list[int]) -> list[Stage]:
    stages = {s.id: s for s in owner.stages}
    if sorted(ordered_ids) != sorted(stages):
        raise JobError("bad_order")
    for position, stage_id in enumerate(ordered_ids):
        stages[stage_id].position = position
    db.session.commit()
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
    if _in_use(stage_in_use, stage):
        raise JobError("stage_in_use")
    owner_stages = db.session.scalar(select(func.count(Stage.id)).where(
        Stage.job_id == stage.job_id if stage.job_id else Stage.template_id == stage.template_id))
    if owner_stages <= 1:
        raise JobError("last_stage")
    db.session.delete(stage)
    db.session.commit()
