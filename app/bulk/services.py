"""Starting and running a bulk action. ``start`` checks the choice, resolves the selection
(checked ids or the list's filter) to ids of the company and writes the ``BulkAction``; ``run``
applies it application by application through the single-action services. Each application's
``BulkItem`` and the progress counters go into the same commit as its change, so a retried run
skips what is done: nothing is moved or emailed twice."""

from __future__ import annotations

from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, exists, func, select

from app import audit
from app.accounts import access
from app.accounts.models import User
from app.applications import rejections, tags
from app.applications.listing import ListQuery, matching_ids
from app.applications.models import Application, ApplicationTag, BulkAction, BulkItem, BulkOutcome, BulkStatus, Tag
from app.applications.services import ApplicationError, move_to_stage
from app.background import defer
from app.clock import utcnow
from app.conversations import services as conversations
from app.extensions import db
from app.jobs.models import Job, Stage
from app.messaging.services import templates_available
from app.problems import Problem

ACTIONS = ("move", "reject", "email", "tag_add", "tag_remove")
#: A selection up to this size runs in the request; a larger one as a task.
SYNC_MAX = 25
#: The most applications one bulk action takes (the list's own count cap).
MAX_SELECTION = 10_000
#: Finished bulk actions stay on the list this long, so their outcome can be read.
SHOW_FINISHED = timedelta(minutes=10)


class BulkError(rejections.RejectionError):
    """A bulk action's problem; a bulk reject checks what the reject dialog checks, so the
    rejection codes (looked up in the parent's table) are a bulk action's codes too."""

    messages = {
        "bad_action": _l("Choose an action."),
        "empty": _l("Select at least one application."),
        "too_many": _l("At most %(max)s applications can be changed at once. Narrow the filter."),
        "bad_stage": _l("Choose a stage."),
        "rejected_stage": _l("To reject, choose “Reject” (a reason is needed)."),
        "bad_template": _l("Choose one of the email templates."),
        "no_stage": _l("The job has no stage of that name."),
        "already_there": _l("Already in that stage."),
        "gone": _l("The application is no longer there."),
        "bad_tag": _l("Choose one of the tags, or type a new one."),
        "already_tagged": _l("Already has that tag."),
        "not_tagged": _l("Did not have that tag."),
        "bad_mapping": _l("Choose one of that job's stages, or skip it."),
    }


def stage_choices(company_id: int) -> list[str]:
    """The stage names a selection can be moved to: those of the company's jobs, except the
    rejection stages (rejecting takes a reason)."""
    return sorted({name for (name,) in db.session.execute(
        select(Stage.name).where(Stage.company_id == company_id, Stage.job_id.is_not(None),
                                 Stage.kind != "rejected").distinct())})


def email_templates(company_id: int):
    return [t for t in templates_available(company_id) if t.key not in conversations.NOT_FOR_CARD]


def chooser(company_id: int, stage_names: list[str] | None = None) -> dict:
    """What the action chooser offers (stage names — the board passes its job's —, active
    reasons, rejection and other email templates, tags, the send delays): read when someone
    opens the list's or the board's chooser, not with every page."""
    return {"bulk_stages": stage_choices(company_id) if stage_names is None else stage_names,
            "bulk_reasons": rejections.reasons(company_id, active_only=True),
            "bulk_reject_templates": rejections.rejection_templates(company_id),
            "bulk_templates": email_templates(company_id), "bulk_tags": tags.tags(company_id),
            "bulk_delays": rejections.EMAIL_DELAYS}


def selection(company_id: int, *, ids: list[int] | None = None, lq: ListQuery | None = None,
              stage_ids: list[int] | None = None) -> list[int]:
    """The ids the bulk action covers, of ``company_id`` only (others' ids are dropped): the
    checked ``ids`` and every application in the checked board columns (``stage_ids``), or
    every application matching ``lq``. Pending-pool rows (no job) are left out."""
    if lq is not None:
        return matching_ids(company_id, lq, MAX_SELECTION + 1)
    wanted = {int(i) for i in ids or ()}
    if stage_ids:
        wanted.update(db.session.scalars(select(Application.id).join(Stage, Stage.id == Application.stage_id).where(
            Application.company_id == company_id, Stage.company_id == company_id,
            Application.stage_id.in_(stage_ids[:100])).limit(MAX_SELECTION + 1)))
    wanted = sorted(wanted)[:MAX_SELECTION + 1]
    if not wanted:
        return []
    found: list[int] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        found += db.session.scalars(select(Application.id).where(
            Application.company_id == company_id, Application.id.in_(chunk), Application.job_id.is_not(None),
            *access.filters(Application)))
    return sorted(found)


def jobs_without_stage(company_id: int, ids: list[int], stage_name: str) -> list[tuple[Job, list[Stage], int]]:
    """The jobs of the selection that have no stage named ``stage_name``, each with the stages a
    move may map to instead (not the rejection stages) and how many of the selection it holds:
    the bulk move's "ask" step."""
    counts: dict[int, int] = {}
    for start_at in range(0, len(ids), 500):
        for job_id, count in db.session.execute(
                select(Application.job_id, func.count()).where(
                    Application.company_id == company_id, Application.id.in_(ids[start_at:start_at + 500]),
                    Application.job_id.is_not(None)).group_by(Application.job_id)):
            counts[job_id] = counts.get(job_id, 0) + count
    if not counts:
        return []
    jobs = db.session.scalars(select(Job).where(Job.company_id == company_id, Job.id.in_(counts))
                              .order_by(Job.title, Job.id))
    return [(job, [s for s in job.stages if s.kind != "rejected"], counts[job.id]) for job in jobs
            if not any(s.name == stage_name for s in job.stages)]


def _checked_mapping(company_id: int, mapping: dict) -> dict[str, int | None]:
    """``{job id: stage id or empty (skip)}`` from the ask step: each stage one of that job's,
    not a rejection stage."""
    clean: dict[str, int | None] = {}
    for job_id, stage_id in (mapping or {}).items():
        if not str(job_id).isdigit():
            raise BulkError("bad_mapping")
        if stage_id in (None, ""):
            clean[str(int(job_id))] = None
            continue
        stage = db.session.get(Stage, int(stage_id)) if str(stage_id).isdigit() else None
        if stage is None or stage.company_id != company_id or stage.job_id != int(job_id) or stage.kind == "rejected":
            raise BulkError("bad_mapping")
        clean[str(int(job_id))] = stage.id
    return clean


def _checked_params(company_id: int, action: str, params: dict) -> dict:
    if action == "move":
        stage = (params.get("stage") or "").strip()
        if not stage:
            raise BulkError("bad_stage")
        if stage not in stage_choices(company_id):
            rejected = db.session.scalar(select(Stage.id).where(Stage.company_id == company_id, Stage.name == stage))
            raise BulkError("rejected_stage" if rejected else "bad_stage")
        if params.get("map") is not None:
            return {"stage": stage, "map": _checked_mapping(company_id, params["map"])}
        return {"stage": stage}
    if action == "reject":
        reason_id = params.get("reason_id")
        if not reason_id:
            raise BulkError("reason_required")
        reason = rejections._reason(company_id, int(reason_id))
        if not reason.active:
            raise BulkError("bad_reason")
        note = (params.get("note") or "").strip()
        if len(note) > rejections.MAX_NOTE:
            raise BulkError("note_too_long")
        out = {"reason_id": reason.id, "reason": reason.label, "note": note}
        if params.get("template_id"):
            delay = int(params.get("delay_days") or 0)
            if delay not in rejections.EMAIL_DELAYS:
                raise BulkError("bad_delay")
            template = rejections._rejection_template(company_id, int(params["template_id"]))
            out.update({"template_id": template.id, "delay_days": delay})
        return out
    if action == "email":
        template_id = int(params.get("template_id") or 0)
        if template_id not in {t.id for t in email_templates(company_id)}:
            raise BulkError("bad_template")
        return {"template_id": template_id}
    if action in ("tag_add", "tag_remove"):
        return _checked_tag(company_id, action, params)
    raise BulkError("bad_action")


def _checked_tag(company_id: int, action: str, params: dict) -> dict:
    """A tag of the company's list (``tag_id``) or, to add, a name (found whatever its case,
    made by the first application's ``add_to_application`` when new)."""
    tag_id = str(params.get("tag_id") or "")
    if tag_id:
        tag = db.session.get(Tag, int(tag_id)) if tag_id.isdigit() else None
        if tag is None or tag.company_id != company_id:
            raise BulkError("bad_tag")
        return {"tag_id": tag.id, "tag": tag.name}
    name = " ".join((params.get("tag_name") or "").split())
    if action == "tag_remove" or not name:
        raise BulkError("bad_tag")
    if len(name) > tags.MAX_NAME:
        raise BulkError("bad_tag")
    existing = db.session.scalar(select(Tag).where(Tag.company_id == company_id,
                                                   Tag.name_key == name.casefold()[:tags.MAX_NAME]))
    return {"tag_id": existing.id, "tag": existing.name} if existing else {"tag_name": name, "tag": name}


def start(company_id: int, actor: User, action: str, params: dict, ids: list[int],
          filter_params: dict | None = None) -> BulkAction:
    """Check the choice and write the bulk action for ``ids`` (already ``selection``), then run
    it here (small) or as a task (large). Raises ``BulkError`` and writes nothing when the
    choice is bad."""
    if action not in ACTIONS:
        raise BulkError("bad_action")
    if not ids:
        raise BulkError("empty")
    if len(ids) > MAX_SELECTION:
        raise BulkError("too_many", max=f"{MAX_SELECTION:,}")
    try:
        clean = _checked_params(company_id, action, params)
    except (ValueError, TypeError) as exc:
        if isinstance(exc, Problem):
            raise BulkError(exc.code, **exc.params) from exc
        raise BulkError("bad_action") from exc
    if filter_params is not None:
        clean["filter"] = filter_params
    bulk = BulkAction(company_id=company_id, actor_id=actor.id, action=action, params=clean, ids=list(ids),
                      total=len(ids), status=BulkStatus.QUEUED)
    db.session.add(bulk)
    db.session.flush()
    audit.record(company_id=company_id, actor=audit.actor_of(actor), object=f"bulk:{bulk.id}",
                 action="bulk.started", after={"action": action, "total": len(ids),
                                               **{k: v for k, v in clean.items() if k != "filter"}})
    if len(ids) > SYNC_MAX:
        from app.bulk.tasks import run_bulk

        defer(run_bulk, bulk.id, queue="default", job_id=f"bulk-{bulk.id}")
        db.session.commit()
        return bulk
    db.session.commit()
    run(bulk.id)
    return db.session.get(BulkAction, bulk.id)


def _apply(bulk: BulkAction, application: Application, actor: User | None) -> None:
    """One application through the single-action service (which commits)."""
    params = bulk.params
    if bulk.action == "move":
        stage = next((s for s in application.job.stages if s.name == params["stage"]), None) \
            if application.job is not None else None
        mapped = (params.get("map") or {}).get(str(application.job_id))
        if stage is None and mapped:  # the ask step chose this job's stage
            stage = next((s for s in application.job.stages if s.id == mapped), None)
        if stage is None:
            raise BulkError("no_stage")
        if application.stage_id == stage.id:
            raise BulkError("already_there")
        move_to_stage(application, stage.id, actor)
    elif bulk.action == "reject":
        email = None
        if params.get("template_id"):
            email = rejections.RejectionEmail(params["template_id"], params.get("delay_days", 0))
        rejections.reject(application, params["reason_id"], params.get("note"), email, actor)
    elif bulk.action == "email":
        conversations.send_message(application, template_id=params["template_id"], actor=actor,
                                   key=f"{bulk.id:016x}")
    else:
        _apply_tag(bulk, application, actor)


def _apply_tag(bulk: BulkAction, application: Application, actor: User | None) -> None:
    """Through the card's own ``add_to_application`` / ``remove_from_application`` (audited per
    application); one that already had (or lacked) the tag is skipped, not changed."""
    params = bulk.params
    tag_id = params.get("tag_id")
    if tag_id is None:  # a new name: made by the first application, found by the others
        tag_id = db.session.scalar(select(Tag.id).where(Tag.company_id == bulk.company_id,
                                                        Tag.name_key == params["tag_name"].casefold()[:tags.MAX_NAME]))
    has = tag_id is not None and db.session.get(ApplicationTag, (application.id, tag_id)) is not None
    if bulk.action == "tag_add":
        if has:
            raise BulkError("already_tagged")
        tags.add_to_application(application, actor, tag_id=tag_id, name=params.get("tag_name"))
    else:
        if not has:
            raise BulkError("not_tagged")
        tags.remove_from_application(application, tag_id, actor)


#: Outcomes that are not failures: the application did not need or could not take the action.
SKIP_CODES = {"no_stage", "already_there", "already_tagged", "not_tagged", "already_rejected", "no_rejected_stage", "no_email", "no_job"}


def run(bulk_id: int) -> str:
    """Apply the bulk action to every application it has not yet handled; safe to run twice."""
    bulk = db.session.get(BulkAction, bulk_id)
    if bulk is None or bulk.status == BulkStatus.FINISHED:
        return "nothing"
    bulk.status = BulkStatus.RUNNING
    bulk.started_at = bulk.started_at or utcnow()
    bulk.touched_at = utcnow()
    db.session.commit()
    actor = db.session.get(User, bulk.actor_id) if bulk.actor_id else None
    handled = set(db.session.scalars(select(BulkItem.application_id).where(BulkItem.bulk_id == bulk_id)))
    for application_id in list(bulk.ids):
        if application_id in handled:
            continue
        application = db.session.get(Application, application_id)
        if application is None or application.company_id != bulk.company_id or application.job_id is None:
            _record(bulk_id, application_id, BulkOutcome.SKIPPED, "gone")
            continue
        # the item and the counter go into the service's own commit
        db.session.add(BulkItem(bulk_id=bulk_id, application_id=application_id, outcome=BulkOutcome.DONE))
        bulk.done += 1
        bulk.touched_at = utcnow()
        try:
            _apply(bulk, application, actor)
            db.session.commit()
        except (Problem, ApplicationError) as problem:
            db.session.rollback()
            code = getattr(problem, "code", "error")
            _record(bulk_id, application_id, BulkOutcome.SKIPPED if code in SKIP_CODES else BulkOutcome.FAILED, code[:64])
        bulk = db.session.get(BulkAction, bulk_id)
    bulk.status = BulkStatus.FINISHED
    bulk.finished_at = utcnow()
    audit.record(company_id=bulk.company_id, actor=audit.actor_of(actor), object=f"bulk:{bulk.id}",
                 action="bulk.finished", after={"done": bulk.done, "skipped": bulk.skipped, "failed": bulk.failed})
    db.session.commit()
    return BulkStatus.FINISHED


def _record(bulk_id: int, application_id: int, outcome: str, detail: str) -> None:
    bulk = db.session.get(BulkAction, bulk_id)
    db.session.add(BulkItem(bulk_id=bulk_id, application_id=application_id, outcome=outcome, detail=detail))
    if outcome == BulkOutcome.SKIPPED:
        bulk.skipped += 1
    else:
        bulk.failed += 1
    bulk.touched_at = utcnow()
    db.session.commit()


#: An unfinished bulk action untouched this long is taken as lost (its task went with Redis,
#: or its worker was killed) and enqueued again by the sweeper.
STALLED_AFTER = timedelta(minutes=5)
_LIVE_JOB = {"queued", "started", "deferred", "scheduled"}


def requeue_stalled() -> int:
    """The sweeper's step: enqueue again every unfinished bulk action with no progress for
    ``STALLED_AFTER`` whose task is not waiting or running in RQ. ``run`` skips what is done,
    so a second run changes nothing twice. Returns how many were enqueued."""
    from app.background.deferred import enqueue
    from app.bulk.tasks import run_bulk

    since = utcnow() - STALLED_AFTER
    stalled = list(db.session.scalars(
        select(BulkAction).where(BulkAction.status != BulkStatus.FINISHED,
                                 func.coalesce(BulkAction.touched_at, BulkAction.created_at) < since)
        .order_by(BulkAction.id).limit(100)))
    count = 0
    for bulk in stalled:
        job_id = f"bulk-{bulk.id}"
        if _job_alive(job_id):
            continue
        bulk.touched_at = utcnow()  # one retry per STALLED_AFTER, not one per sweep
        db.session.commit()
        if enqueue(run_bulk, bulk.id, queue="default", job_id=job_id):
            count += 1
    return count


def _job_alive(job_id: str) -> bool:
    """Whether RQ still holds the task waiting or running (then it is not lost, only slow)."""
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    from app.background.queues import connection

    try:
        return Job.fetch(job_id, connection=connection()).get_status(refresh=False) in _LIVE_JOB
    except NoSuchJobError:
        return False
    except Exception:  # Redis down: enqueue will fail and log; try again next sweep
        return False


def any_shown(company):
    """Whether ``shown`` has any for the company (an expression of its id): the board asks it
    in its job statement and reads the actions only then."""
    since = bindparam("bulk_since", callable_=lambda: utcnow() - SHOW_FINISHED)
    return exists().where(BulkAction.company_id == company,
                          (BulkAction.status != BulkStatus.FINISHED) | (BulkAction.finished_at >= since))


def shown(company_id: int) -> list[BulkAction]:
    """The company's bulk actions the list shows: unfinished ones and those finished lately."""
    since = utcnow() - SHOW_FINISHED
    return list(db.session.scalars(
        select(BulkAction).where(BulkAction.company_id == company_id,
                                 (BulkAction.status != BulkStatus.FINISHED) | (BulkAction.finished_at >= since))
        .order_by(BulkAction.id.desc()).limit(5)))


def get(company_id: int, bulk_id: int) -> BulkAction | None:
    bulk = db.session.get(BulkAction, bulk_id)
    return bulk if bulk is not None and bulk.company_id == company_id else None


def not_done(bulk: BulkAction) -> list[tuple[Application, str, str]]:
    """The applications of ``bulk`` that were skipped or failed, with the outcome and its code."""
    rows = db.session.execute(
        select(Application, BulkItem.outcome, BulkItem.detail)
        .join(BulkItem, BulkItem.application_id == Application.id)
        .where(BulkItem.bulk_id == bulk.id, BulkItem.outcome != BulkOutcome.DONE).order_by(Application.id).limit(500))
    return [(a, outcome, detail or "") for a, outcome, detail in rows]
