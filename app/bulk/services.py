"""Starting and running a bulk action. ``start`` checks the choice, resolves the selection
(checked ids or the list's filter) to ids of the company and writes the ``BulkAction``; ``run``
applies it application by application through the single-action services. Each application's
``BulkItem`` and the progress counters go into the same commit as its change, so a retried run
skips what is done: nothing is moved or emailed twice."""

from __future__ import annotations

from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app import audit
from app.accounts import access
from app.accounts.models import User
from app.applications import rejections
from app.applications.listing import ListQuery, matching_ids
from app.applications.models import Application, BulkAction, BulkItem, BulkOutcome, BulkStatus
from app.applications.services import ApplicationError, move_to_stage
from app.background import defer
from app.clock import utcnow
from app.conversations import services as conversations
from app.extensions import db
from app.jobs.models import Stage
from app.messaging.services import templates_available
from app.problems import Problem

ACTIONS = ("move", "reject", "email")
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
    }


def stage_choices(company_id: int) -> list[str]:
    """The stage names a selection can be moved to: those of the company's jobs, except the
    rejection stages (rejecting takes a reason)."""
    return sorted({name for (name,) in db.session.execute(
        select(Stage.name).where(Stage.company_id == company_id, Stage.job_id.is_not(None),
                                 Stage.kind != "rejected").distinct())})


def email_templates(company_id: int):
    return [t for t in templates_available(company_id) if t.key not in conversations.NOT_FOR_CARD]


def selection(company_id: int, *, ids: list[int] | None = None, lq: ListQuery | None = None) -> list[int]:
    """The ids the bulk action covers, of ``company_id`` only (others' ids are dropped): the
    checked ``ids``, or every application matching ``lq``. Pending-pool rows (no job) are left out."""
    if lq is not None:
        return matching_ids(company_id, lq, MAX_SELECTION + 1)
    wanted = sorted({int(i) for i in ids or ()})[:MAX_SELECTION + 1]
    if not wanted:
        return []
    found: list[int] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        found += db.session.scalars(select(Application.id).where(
            Application.company_id == company_id, Application.id.in_(chunk), Application.job_id.is_not(None),
            *access.filters(Application)))
    return sorted(found)


def _checked_params(company_id: int, action: str, params: dict) -> dict:
    if action == "move":
        stage = (params.get("stage") or "").strip()
        if not stage:
            raise BulkError("bad_stage")
        if stage not in stage_choices(company_id):
            rejected = db.session.scalar(select(Stage.id).where(Stage.company_id == company_id, Stage.name == stage))
            raise BulkError("rejected_stage" if rejected else "bad_stage")
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
    raise BulkError("bad_action")


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
    else:
        conversations.send_message(application, template_id=params["template_id"], actor=actor,
                                   key=f"{bulk.id:016x}")


#: Outcomes that are not failures: the application did not need or could not take the action.
SKIP_CODES = {"no_stage", "already_there", "already_rejected", "no_rejected_stage", "no_email", "no_job"}


def run(bulk_id: int) -> str:
    """Apply the bulk action to every application it has not yet handled; safe to run twice."""
    bulk = db.session.get(BulkAction, bulk_id)
    if bulk is None or bulk.status == BulkStatus.FINISHED:
        return "nothing"
    bulk.status = BulkStatus.RUNNING
    bulk.started_at = bulk.started_at or utcnow()
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
    db.session.commit()


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
