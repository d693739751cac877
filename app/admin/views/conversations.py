"""The conversation on the application card: every email to and from the candidate, and
"Send email" (a template or free text, previewed, then sent through the outbox). Each step
is a page without JavaScript and a fragment inside the card's panel with htmx."""

from __future__ import annotations

import secrets

from flask import abort, get_template_attribute, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.accounts.tenancy import current_company_id, get_or_404
from app.admin.blueprint import bp
from app.admin.card import CardAction, render_panel
from app.admin.forms import MessageForm
from app.applications import files
from app.applications.models import Application
from app.conversations import queries, services
from app.htmx import done, respond, wants_fragment
from app.i18n import language_name
from app.plugins import plugins
from app.security import company_user_required


def _has_email(application: Application) -> bool:
    return bool(application.candidate and application.candidate.email)


plugins.card_action(CardAction(
    key="send_email", label=_l("Send email"), order=10, method="get",
    url=lambda application: url_for("admin.message_compose", application_id=application.id),
    available=lambda application, user: _has_email(application)))


@plugins.card_panel(reads={"conversations.sent": queries.sent_on_card, "conversations.replies": queries.replies_on_card})
def _panel(application: Application, found: dict) -> str:
    return render_panel("admin/conversations/_panel.html", **_panel_context(application, found))


def _panel_context(application: Application, found: dict | None = None) -> dict:
    """``found``: the card's answers (which side of the thread has emails); without them both are read."""
    thread = queries.thread(application.id, sent=found["conversations.sent"], replies=found["conversations.replies"]
                            ) if found else queries.thread(application.id)
    # The status words' macro from its template's module (made once per process): an import in
    # the panel made the module anew on every render, emails or none.
    return {"application": application, "thread": thread, "can_send": _has_email(application),
            "email_status": get_template_attribute("_macros/status.html", "email_status")}


plugins.event_text("message_sent", lambda d: _("Email “%(subject)s” sent to the candidate (%(language)s)",
                                               subject=d.get("subject", ""), language=language_name(d["locale"]))
                   if d.get("locale") else _("Email “%(subject)s” sent to the candidate", subject=d.get("subject", "")))
plugins.event_text("reply_received", lambda d: _("The candidate replied by email: “%(subject)s”",
                                                 subject=d.get("subject", "")))


# ---------------------------------------------------------------- send email

def _form(application: Application, formdata=True) -> MessageForm:
    form = MessageForm() if formdata else MessageForm(formdata=None)
    form.template_id.choices = [(0, _("Free text"))] + [
        (t.id, f"{t.display_name} ({language_name(t.locale)})") for t in services.template_choices(application)]
    if not form.key.data:
        form.key.data = secrets.token_hex(16)
    return form


def _slot(application: Application) -> dict:
    """Where the form lives: the card's panel (htmx, ``compose-<id>``; sending refreshes
    the panel) or its own page (``compose-page-<id>``; sending goes back to the card)."""
    in_card = wants_fragment() and request.headers.get("HX-Target") in (f"compose-{application.id}",
                                                                        f"conversation-{application.id}")
    return {"in_card": in_card, "slot": f"compose-{application.id}" if in_card else f"compose-page-{application.id}"}


def _compose(application: Application, form: MessageForm, error: str | None = None, status: int = 200):
    context = {"application": application, "form": form, "error": error, **_slot(application)}
    return respond("admin/conversations/_compose.html", "admin/conversations/compose.html", context,
                   status=status)


@bp.route("/applications/<int:application_id>/message", methods=["GET", "POST"])
@company_user_required
def message_compose(application_id: int):
    """The form (GET), or the form again with what was posted (the preview's "Edit")."""
    application = get_or_404(Application, application_id)
    if not _has_email(application):
        abort(404)
    return _compose(application, _form(application))


@bp.post("/applications/<int:application_id>/message/preview")
@company_user_required
def message_preview(application_id: int):
    application = get_or_404(Application, application_id)
    form = _form(application)
    if not form.validate_on_submit():
        return _compose(application, form, status=422)
    try:
        draft = services.compose(application, template_id=form.template_id.data or None,
                                 subject=form.subject.data or "", body=form.body.data or "")
    except services.MessageError as exc:
        return _compose(application, form, error=exc.message, status=422)
    return respond("admin/conversations/_preview.html", "admin/conversations/preview.html",
                   {"application": application, "form": form, "draft": draft, **_slot(application)})


@bp.post("/applications/<int:application_id>/message/send")
@company_user_required
def message_send(application_id: int):
    application = get_or_404(Application, application_id)
    form = _form(application)
    card = url_for("admin.application", application_id=application.id) + "#conversation"
    if not form.validate_on_submit():
        return _compose(application, form, status=422)
    try:
        services.send_message(application, template_id=form.template_id.data or None,
                              subject=form.subject.data or "", body=form.body.data or "",
                              actor=current_user._get_current_object(), key=form.key.data or "")
    except services.MessageError as exc:
        response = _compose(application, form, error=exc.message, status=422)
        if wants_fragment():  # the form was sent from the panel: the error shows in its slot, not over it
            response.headers["HX-Retarget"], response.headers["HX-Reswap"] = f"#compose-{application.id}", "innerHTML"
        return response
    return done(_("Email queued for %(email)s.", email=application.candidate.email), card,
                fragment="admin/conversations/_panel.html", context=lambda: _panel_context(application),
                trigger={"applicationChanged": application.id})


@bp.get("/applications/<int:application_id>/replies/files/<int:reply_file_id>")
@company_user_required
def reply_attachment(application_id: int, reply_file_id: int):
    application = get_or_404(Application, application_id)
    attachment = queries.attachment_of(current_company_id(), reply_file_id)
    if attachment is None or attachment.stored_file is None or \
            queries.application_of_attachment(attachment) != application.id:
        abort(404)
    return files.download(attachment.stored_file, attachment.content_type)
