"""Rejecting with a reason: the company's reasons, the rejection itself (reason, note, the
rejection email now, later or not at all) and its undo while the email waits.

``reject`` is the one way a person rejects (the card, the board, bulk actions later): it moves
the application into the job's rejected stage exactly as a move does (``enter_stage``: the
stage-entry event, automations, the audit), records why, and writes the email intent in the
same transaction. A delayed email is an outbox row with a due date the sweeper's outbox step
sends when it comes; until then ``undo_rejection`` withdraws it and puts the application back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from flask_babel import force_locale, pgettext
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app import audit
from app.accounts.models import Company, User
from app.applications.models import Application, ApplicationStatus, RejectionReason, StageEntry
from app.applications.services import (
    ApplicationError,
    add_event,
    email_languages,
    enter_stage,
    merge_fields,
    notify_team,
)
from app.clock import utcnow
from app.extensions import db
from app.jobs.models import Stage
from app.messaging.models import EmailTemplate, OutboxEmail, OutboxStatus
from app.messaging.services import cancel_scheduled, queue_template_email, template_in_language, templates_available

#: The reasons every company starts with, as (key, English label); created in the company's
#: language (``_default_labels``) and from then on the company's to rename, reorder or switch off.
DEFAULT_REASONS = [
    ("not_qualified", "Not qualified"),
    ("other_candidate", "Chose another candidate"),
    ("withdrew", "Candidate withdrew"),
    ("no_response", "No response from the candidate"),
    ("position_filled", "Position filled"),
    ("position_cancelled", "Position cancelled"),
]
#: The delays (days) the dialog offers for a rejection email; 0 = send now.
EMAIL_DELAYS = (0, 1, 2, 3, 7)
MAX_NOTE = 2000
MAX_LABEL = 120
#: The outbox kind of a rejection email (undo looks for it).
EMAIL_KIND = "rejection"


class RejectionError(ApplicationError):
    """A rule of rejecting was broken; ``code`` says which."""

    messages = {
        "reason_required": _l("Choose a reason for the rejection."),
        "bad_reason": _l("That reason is not in your company's list."),
        "no_rejected_stage": _l("This job's pipeline has no rejection stage."),
        "already_rejected": _l("This application is already rejected."),
        "note_too_long": _l("The note is too long (at most 2,000 characters)."),
        "bad_template": _l("Choose one of the rejection emails."),
        "bad_delay": _l("Choose when the email is sent."),
        "no_email": _l("The candidate has no email address."),
        "nothing_to_undo": _l("There is no rejection to undo."),
        "already_sent": _l("The rejection email has already been sent: it can no longer be undone."),
        "empty_label": _l("The reason is empty."),
        "label_too_long": _l("The reason is too long (at most 120 characters)."),
        "duplicate_label": _l("That reason is already in the list."),
    }


@dataclass(frozen=True)
class RejectionEmail:
    """The email choice of the dialog: which template, sent after ``delay_days`` (0 = now).
    ``None`` in its place means no email."""

    template_id: int
    delay_days: int = 0


# ---------------------------------------------------------------- reasons

def _default_labels(locale: str | None) -> dict[str, str]:
    with force_locale(locale or "en"):
        # Literal calls, one per DEFAULT_REASONS entry, so `make messages` extracts them.
        return {
            "not_qualified": pgettext("rejection reason", "Not qualified"),
            "other_candidate": pgettext("rejection reason", "Chose another candidate"),
            "withdrew": pgettext("rejection reason", "Candidate withdrew"),
            "no_response": pgettext("rejection reason", "No response from the candidate"),
            "position_filled": pgettext("rejection reason", "Position filled"),
            "position_cancelled": pgettext("rejection reason", "Position cancelled"),
        }


def on_company_created(company: Company, **_kw) -> None:
    """A new company starts with the default reasons, named in its language, in the
    transaction that creates it (the ``company_created`` receiver; no commit). Reading the
    reasons never writes: companies made before this existed got theirs from a migration."""
    labels = _default_labels(company.default_locale)
    for position, (key, english) in enumerate(DEFAULT_REASONS):
        db.session.add(RejectionReason(company_id=company.id, key=key, label=labels.get(key, english),
                                       position=position))


def ensure_default_reasons(company_id: int) -> int:
    """Create the default reasons a company does not have yet (by ``key``), named in the
    company's language; returns how many. Commits when it creates any; a concurrent request
    creating the same ones is harmless (the unique key wins, this one reads theirs). Used
    when a reason is added (a POST), never on a read."""
    have = set(db.session.scalars(select(RejectionReason.key).where(RejectionReason.company_id == company_id,
                                                                    RejectionReason.key.is_not(None))))
    missing = [(key, label) for key, label in DEFAULT_REASONS if key not in have]
    if not missing:
        return 0
    company = db.session.get(Company, company_id)
    labels = _default_labels(company.default_locale if company else None)
    start = _next_position(company_id) if have else 0
    for offset, (key, english) in enumerate(missing):
        db.session.add(RejectionReason(company_id=company_id, key=key, label=labels.get(key, english),
                                       position=start + offset))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return 0
    return len(missing)


def reasons(company_id: int, *, active_only: bool = False) -> list[RejectionReason]:
    """The company's reasons in their order (a read only: the defaults are made with the company)."""
    stmt = select(RejectionReason).where(RejectionReason.company_id == company_id)
    if active_only:
        stmt = stmt.where(RejectionReason.active.is_(True))
    return list(db.session.scalars(stmt.order_by(RejectionReason.position, RejectionReason.id)))


def reasons_in_use(company_id: int) -> set[int]:
    """Ids of the reasons some application was rejected with (the settings page: "in use")."""
    return set(db.session.scalars(select(Application.rejection_reason_id).where(
        Application.company_id == company_id, Application.rejection_reason_id.is_not(None)).distinct()))


def _next_position(company_id: int) -> int:
    top = db.session.scalar(select(func.max(RejectionReason.position)).where(RejectionReason.company_id == company_id))
    return (top + 1) if top is not None else 0


def _reason(company_id: int, reason_id: int | None) -> RejectionReason:
    row = db.session.scalar(select(RejectionReason).where(RejectionReason.id == reason_id,
                                                          RejectionReason.company_id == company_id)) \
        if reason_id else None
    if row is None:
        raise RejectionError("bad_reason")
    return row


def _clean_label(company_id: int, label: str | None, except_id: int | None = None) -> str:
    label = " ".join((label or "").split())
    if not label:
        raise RejectionError("empty_label")
    if len(label) > MAX_LABEL:
        raise RejectionError("label_too_long")
    clash = db.session.scalar(select(RejectionReason.id).where(
        RejectionReason.company_id == company_id, func.lower(RejectionReason.label) == label.lower(),
        RejectionReason.id != (except_id or 0)).limit(1))
    if clash is not None:
        raise RejectionError("duplicate_label")
    return label


def _audit(company_id: int, actor: User, reason: RejectionReason, action: str, before=None, after=None) -> None:
    audit.record(company_id=company_id, actor=audit.actor_of(actor), object=f"rejection_reason:{reason.id}",
                 action=action, before=before, after=after)


def add_reason(company_id: int, label: str, actor: User) -> RejectionReason:
    ensure_default_reasons(company_id)
    reason = RejectionReason(company_id=company_id, label=_clean_label(company_id, label),
                             position=_next_position(company_id))
    db.session.add(reason)
    db.session.flush()
    _audit(company_id, actor, reason, "rejection_reason.added", after={"label": reason.label})
    db.session.commit()
    return reason


def rename_reason(company_id: int, reason_id: int, label: str, actor: User) -> RejectionReason:
    """Renaming changes the words everywhere, old rejections included (it is the same reason)."""
    reason = _reason(company_id, reason_id)
    before = reason.label
    reason.label = _clean_label(company_id, label, except_id=reason.id)
    if reason.label != before:
        _audit(company_id, actor, reason, "rejection_reason.renamed", before={"label": before},
               after={"label": reason.label})
    db.session.commit()
    return reason


def move_reason(company_id: int, reason_id: int, direction: str, actor: User) -> RejectionReason:
    """One place up or down in the list (positions renumbered 0…n-1)."""
    rows = reasons(company_id)
    index = next((i for i, r in enumerate(rows) if r.id == reason_id), None)
    if index is None:
        raise RejectionError("bad_reason")
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(rows):
        rows[index], rows[other] = rows[other], rows[index]
        for position, row in enumerate(rows):
            row.position = position
        _audit(company_id, actor, rows[other], "rejection_reason.moved", after={"position": other})
    db.session.commit()
    return rows[other] if 0 <= other < len(rows) else rows[index]


def set_reason_active(company_id: int, reason_id: int, active: bool, actor: User) -> RejectionReason:
    reason = _reason(company_id, reason_id)
    if reason.active != active:
        reason.active = active
        _audit(company_id, actor, reason, "rejection_reason.activated" if active else "rejection_reason.deactivated")
    db.session.commit()
    return reason


def remove_reason(company_id: int, reason_id: int, actor: User) -> bool:
    """Delete a reason nobody was rejected with; a reason in use is deactivated instead (old
    rejections keep their words). Returns True when it was deleted, False when deactivated."""
    reason = _reason(company_id, reason_id)
    if reason.id in reasons_in_use(company_id):
        set_reason_active(company_id, reason.id, False, actor)
        return False
    _audit(company_id, actor, reason, "rejection_reason.deleted", before={"label": reason.label})
    db.session.delete(reason)
    db.session.commit()
    return True


# ---------------------------------------------------------------- the rejection email

def rejection_templates(company_id: int) -> list[EmailTemplate]:
    """The rejection emails the dialog offers: one per template key starting with
    ``rejection`` (the company's own before the global one, English as the representative;
    the candidate gets the same email in their language, ``template_in_language``)."""
    by_key: dict[str, EmailTemplate] = {}
    for template in templates_available(company_id):
        if not template.key.startswith("rejection"):
            continue
        current = by_key.get(template.key)
        if current is None or _template_rank(template) < _template_rank(current):
            by_key[template.key] = template
    return sorted(by_key.values(), key=lambda t: (t.key != "rejection", t.display_name.lower()))


def _template_rank(template: EmailTemplate) -> tuple[int, int]:
    return (0 if template.company_id is not None else 1, 0 if template.locale == "en" else 1)


def _rejection_template(company_id: int, template_id: int) -> EmailTemplate:
    allowed = {t.id: t for t in templates_available(company_id) if t.key.startswith("rejection")}
    template = allowed.get(template_id)
    if template is None:
        raise RejectionError("bad_template")
    return template


def email_locale(application: Application) -> str | None:
    """The language the candidate's rejection email is written in (the dialog says it)."""
    templates = rejection_templates(application.company_id)
    if not templates:
        return None
    return template_in_language(templates[0], email_languages(application)).locale


def scheduled_email(application: Application) -> OutboxEmail | None:
    """The rejection email of this application that waits for its due date (undo is possible
    while there is one)."""
    return db.session.scalar(select(OutboxEmail).where(
        OutboxEmail.application_id == application.id, OutboxEmail.kind == EMAIL_KIND,
        OutboxEmail.status == OutboxStatus.PENDING, OutboxEmail.due_at.is_not(None))
        .order_by(OutboxEmail.id.desc()).limit(1))


# ---------------------------------------------------------------- reject and undo

def rejected_stage(application: Application, stage_id: int | None = None) -> Stage:
    """The stage a rejection moves to: ``stage_id`` when it is a rejected-kind stage of the
    application's job, else the job's first rejected-kind stage."""
    if application.job is None:
        raise RejectionError("no_job")
    stages = [s for s in application.job.stages if s.kind == "rejected"]
    if stage_id is not None:
        stages = [s for s in stages if s.id == stage_id]
    if not stages:
        raise RejectionError("no_rejected_stage")
    return stages[0]


def reject(application: Application, reason_id: int | None, note: str | None, email: RejectionEmail | None,
           actor: User | None, *, stage_id: int | None = None, detail: dict | None = None,
           commit: bool = True) -> Application:
    """Reject ``application`` for ``reason_id`` (an active reason of its company) with an
    optional ``note`` and rejection ``email`` (None: no email). Checks everything before
    changing anything; moves into the rejected stage as a move does (stage-entry event,
    automations, audit), records the reason, writes the email intent, tells the team and
    commits once. Raises ``RejectionError`` and changes nothing when a rule is broken.
    ``detail`` (``{"by": kind, …}``) says what rejected it when no person did (a screening
    question's knock-out), on the stage entry and the "rejected" line; ``commit=False`` leaves
    the commit to the caller (a knock-out is part of the apply transaction)."""
    company_id = application.company_id
    if not reason_id:
        raise RejectionError("reason_required")
    reason = _reason(company_id, reason_id)
    if not reason.active:
        raise RejectionError("bad_reason")
    stage = rejected_stage(application, stage_id)
    if application.stage is not None and application.stage.kind == "rejected":
        raise RejectionError("already_rejected")
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise RejectionError("note_too_long")
    template = None
    if email is not None:
        if email.delay_days not in EMAIL_DELAYS:
            raise RejectionError("bad_delay")
        template = _rejection_template(company_id, email.template_id)
        if not application.candidate.email:
            raise RejectionError("no_email")

    from_stage_id = application.stage_id
    entry = enter_stage(application, stage.id, cause="person" if detail is None else "apply", actor=actor,
                        detail=detail)
    now = utcnow()
    application.rejection_reason_id = reason.id
    application.rejection_reason = reason
    application.rejection_note = note or None
    application.rejected_at = now
    application.rejected_by_id = actor.id if actor is not None else None
    data: dict = {"reason": reason.label, "note": note or None, **(detail or {})}
    if template is not None:
        template = template_in_language(template, email_languages(application))
        due_at = now + timedelta(days=email.delay_days) if email.delay_days else None
        queue_template_email(template, to=application.candidate.email, fields=merge_fields(application),
                             kind=EMAIL_KIND, dedupe_key=f"rejection:{application.id}:{entry.id}",
                             company_id=company_id, application_id=application.id, due_at=due_at)
        data.update({"template": template.display_name, "locale": template.locale,
                     "due_at": due_at.isoformat() if due_at else None})
    add_event(application, "rejected", actor=actor, data=data)
    audit.record(company_id=company_id, actor=audit.actor_of(actor), object=f"application:{application.id}",
                 action="application.rejected", before={"stage_id": from_stage_id},
                 after={"stage_id": stage.id, "reason_id": reason.id, "reason": reason.label,
                        "email": template.key if template is not None else None,
                        "delay_days": email.delay_days if email is not None else None})
    notify_team(application, "stage_changed",
                _l("%(name)s moved to %(stage)s", name=application.candidate.full_name, stage=stage.name),
                exclude=actor)
    if commit:
        db.session.commit()
    return application


def undo_rejection(application: Application, actor: User) -> Application:
    """Withdraw the scheduled rejection email and put the application back in the stage it
    was rejected from, reopened. Only while the email has not gone: after that it is a normal
    move. The return is a restore, not a new entry: the stage's automations do not run again."""
    if application.stage is None or application.stage.kind != "rejected":
        raise RejectionError("nothing_to_undo")
    row = scheduled_email(application)
    if row is None:
        gone = db.session.scalar(select(OutboxEmail.id).where(
            OutboxEmail.application_id == application.id, OutboxEmail.kind == EMAIL_KIND,
            OutboxEmail.due_at.is_not(None), OutboxEmail.status != OutboxStatus.CANCELLED).limit(1))
        raise RejectionError("already_sent" if gone is not None else "nothing_to_undo")
    if not cancel_scheduled(row.id):
        raise RejectionError("already_sent")
    rejection = db.session.scalar(select(StageEntry).where(
        StageEntry.application_id == application.id, StageEntry.stage_id == application.stage_id)
        .order_by(StageEntry.id.desc()).limit(1))
    back = db.session.get(Stage, rejection.from_stage_id) if rejection and rejection.from_stage_id else None
    if back is None or back.job_id != application.job_id:
        back = application.job.first_stage
    now = utcnow()
    rejected_from = application.stage_id
    db.session.add(StageEntry(company_id=application.company_id, application_id=application.id, stage_id=back.id,
                              from_stage_id=rejected_from, cause="undo",
                              actor_id=actor.id if actor is not None else None, entered_at=now))
    reason = application.rejection_reason
    application.stage_id, application.stage, application.stage_entered_at = back.id, back, now
    application.status, application.closed_at = ApplicationStatus.OPEN, None
    _forget(application)
    add_event(application, "rejection_undone", actor=actor, data={"stage": back.name,
                                                                   "reason": reason.label if reason else None})
    audit.record(company_id=application.company_id, actor=audit.actor_of(actor),
                 object=f"application:{application.id}", action="application.rejection_undone",
                 before={"stage_id": rejected_from, "outbox_id": row.id}, after={"stage_id": back.id})
    db.session.commit()
    return application


def on_stage_entered(application, entry, **_) -> None:
    """Stage-entry receiver: an application moved out of its rejection (by a person, an
    automation…) is no longer rejected — its reason is cleared and a rejection email still
    waiting is withdrawn, so a candidate moved back to an interview is not told no."""
    if application.rejection_reason_id is None and application.rejected_at is None:
        return  # the common case: nothing to look up
    stage = db.session.get(Stage, entry.stage_id)
    if stage is None or stage.kind == "rejected":
        return
    row = scheduled_email(application)
    if row is not None:
        cancel_scheduled(row.id)
    _forget(application)


def _forget(application: Application) -> None:
    """The application is no longer rejected: its reason, note, time and actor go (the
    timeline and the audit log keep what happened)."""
    application.rejection_reason_id = application.rejection_note = None
    application.rejection_reason = None
    application.rejected_at = application.rejected_by_id = None
