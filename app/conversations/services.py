"""Writing to a candidate from the card: a template (in the candidate's language) or free
text, with merge fields, previewed, then queued in the outbox like every email.

``send_message`` owns its transaction and takes the application, so bulk sending can call it
once per application (its ``key`` makes a repeated request a no-op)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.applications.models import Application
from app.applications.services import add_event, email_languages, merge_fields
from app.extensions import db
from app.messaging import rendering
from app.messaging.models import EmailTemplate, OutboxEmail
from app.messaging.services import queue_email, template_in_language, templates_available
from app.problems import Problem

MAX_SUBJECT_CHARS = 200
MAX_BODY_CHARS = 20_000
_KEY = re.compile(r"^[0-9a-f]{16,64}$")


class MessageError(Problem):
    messages = {
        "no_email": _l("This candidate has no email address."),
        "unknown_template": _l("Pick one of the templates in the list."),
        "no_subject": _l("Write a subject."),
        "no_body": _l("Write a message."),
        "subject_too_long": _l("The subject is longer than %(max)s characters."),
        "body_too_long": _l("The message is longer than %(max)s characters."),
        "bad_fields": _l("The text has a merge field that cannot be filled: %(text)s"),
        "bad_key": _l("The form has expired. Open it again."),
    }


@dataclass
class Draft:
    """What will be sent: rendered subject and body, the language, the template (if any)."""

    to: str
    subject: str
    body: str
    locale: str | None
    template: EmailTemplate | None


def compose(application: Application, *, template_id: int | None = None, subject: str = "",
            body: str = "") -> Draft:
    """The email as the candidate will read it (nothing is written); ``MessageError`` when
    the choice or the text cannot be sent."""
    candidate = application.candidate
    if not candidate.email:
        raise MessageError("no_email")
    fields = merge_fields(application)
    if template_id:
        template = next((t for t in templates_available(application.company_id) if t.id == template_id), None)
        if template is None:
            raise MessageError("unknown_template")
        template = template_in_language(template, email_languages(application))
        rendered_subject, rendered_body = rendering.render(template.subject, template.body, fields)
        return Draft(candidate.email, rendered_subject, rendered_body, template.locale, template)
    subject, body = (subject or "").strip(), (body or "").strip()
    if not subject:
        raise MessageError("no_subject")
    if not body:
        raise MessageError("no_body")
    if len(subject) > MAX_SUBJECT_CHARS:
        raise MessageError("subject_too_long", max=MAX_SUBJECT_CHARS)
    if len(body) > MAX_BODY_CHARS:
        raise MessageError("body_too_long", max=MAX_BODY_CHARS)
    try:
        rendering.check(subject, body)
    except rendering.TemplateProblem as problem:
        raise MessageError("bad_fields", text=problem.text or problem.code) from problem
    rendered_subject, rendered_body = rendering.render(subject, body, fields)
    return Draft(candidate.email, rendered_subject, rendered_body, None, None)


def send_message(application: Application, *, template_id: int | None = None, subject: str = "", body: str = "",
                 actor, key: str) -> OutboxEmail:
    """Queue the email (commits; the outbox sends it after the commit) and note it on the
    timeline. ``key`` (random, from the form) makes a resubmitted form send nothing twice."""
    if not _KEY.match(key or ""):
        raise MessageError("bad_key")
    dedupe_key = f"message:{application.id}:{key}"
    existing = db.session.scalar(select(OutboxEmail).where(OutboxEmail.dedupe_key == dedupe_key))
    if existing is not None:
        return existing
    draft = compose(application, template_id=template_id, subject=subject, body=body)
    row = queue_email(to=draft.to, subject=draft.subject, body=draft.body, kind="message", dedupe_key=dedupe_key,
                      company_id=application.company_id, application_id=application.id, locale=draft.locale)
    add_event(application, "message_sent", actor=actor,
              data={"subject": draft.subject, "locale": draft.locale,
                    "template": draft.template.display_name if draft.template is not None else None})
    db.session.commit()
    return row


#: Shipped templates that are not for writing to a candidate by hand: staff emails, and
#: those whose action link only their own feature can make (EMREX, assessments).
NOT_FOR_CARD = {"notification", "user_invitation", "password_reset", "emrex_invite", "emrex_reminder",
                "assessment_invite"}


def template_choices(application: Application) -> list[EmailTemplate]:
    """One template per purpose (``key``), in the language the candidate reads: what the
    "Send email" picker offers."""
    languages = email_languages(application)
    seen: dict[str, EmailTemplate] = {}
    for template in templates_available(application.company_id):
        if template.key in NOT_FOR_CARD or template.key in seen:
            continue
        seen[template.key] = template_in_language(template, languages)
    return sorted(seen.values(), key=lambda t: t.display_name.lower())
