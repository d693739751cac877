"""Rejecting with a reason in the recruiter admin: the reject dialog (a page without
JavaScript), undo while the rejection email waits, the company's reasons (settings), and what
the card shows of a rejection (panel, timeline texts, the ⋯ action)."""

from __future__ import annotations

from datetime import datetime

from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user
from htmx_flask import make_response

from app.accounts.tenancy import current_company_id, get_or_404
from app.admin.blueprint import bp
from app.admin.card import CardAction, job_stages, render_panel
from app.admin.forms import EmptyForm, RejectForm, RejectionReasonForm
from app.admin.views.applications import _board_columns, _card_context, badge_oob
from app.applications import queries, rejections
from app.applications.models import RejectionReason
from app.applications.rejections import RejectionEmail, RejectionError
from app.htmx import done, wants_fragment
from app.i18n import language_name
from app.plugins import plugins
from app.security import admin_required, company_user_required, safe_next
from app.templating import datetime_filter

#: The out-of-band element that empties the dialog slot of the layout (closes the dialog).
CLOSE_DIALOG = '<div id="modal" hx-swap-oob="true"></div>'


def _delay_label(days: int) -> str:
    return ngettext("%(num)d day later", "%(num)d days later", days)


def _reject_form(application, opened_from: dict | None = None) -> RejectForm:
    """The dialog's form: from the request's form data on POST; fresh on GET, where the query
    string (or ``opened_from``, for a stage move turned into the dialog) says where it was
    opened: the rejected stage chosen, the view (card or board) and the page to go back to."""
    fresh = request.method == "GET" or opened_from is not None
    form = RejectForm(formdata=None) if fresh else RejectForm()
    form.reason_id.choices = [(0, _("Choose a reason…"))] + [
        (r.id, r.label) for r in rejections.reasons(application.company_id, active_only=True)]
    form.template_id.choices = [(t.id, t.display_name) for t in rejections.rejection_templates(application.company_id)]
    form.delay_days.choices = [(d, _delay_label(d)) for d in rejections.EMAIL_DELAYS if d]
    if fresh:
        # request.args (no WTForms on GET): where the dialog was opened from; checked here and by the service.
        source = opened_from if opened_from is not None else request.args
        stage_id = source.get("stage_id")
        form.stage_id.data = str(stage_id) if str(stage_id or "").isdigit() else ""
        form.view.data = "board" if source.get("view") == "board" else "card"
        form.next.data = safe_next(source.get("next")) or ""
        form.delay_days.data = 2
        form.email.data = "none"
    return form


def dialog_for_move(application, stage_id: int, view: str | None, next_url: str | None):
    """A move into a rejected stage (card select, board) asks for the reason first: htmx gets
    the dialog, a plain form post is sent to the dialog's page (no silent reject)."""
    opened_from = {"stage_id": stage_id, "view": view, "next": next_url}
    if wants_fragment():
        return reject_dialog(application, _reject_form(application, opened_from))
    return redirect(url_for("admin.application_reject", application_id=application.id,
                            **{k: v for k, v in opened_from.items() if v}), code=303)


def _back(application, form: RejectForm) -> str:
    back = safe_next(form.next.data)
    return back if back and back.startswith("/admin/") else url_for("admin.application", application_id=application.id)


def reject_dialog(application, form: RejectForm | None = None, error: str | None = None, status: int = 200):
    """The dialog for htmx (into the layout's ``#modal`` slot, whatever element asked), the
    page otherwise. Also the answer of a stage move into a rejected stage."""
    form = form or _reject_form(application)
    context = {"application": application, "form": form, "error": error,
               "has_email": bool(application.candidate.email),
               "templates": form.template_id.choices, "back": _back(application, form),
               "email_locale": rejections.email_locale(application)}
    if wants_fragment():
        return make_response(render_template("admin/applications/_reject_dialog.html", **context), status,
                             retarget="#modal", reswap="innerHTML")
    return make_response(render_template("admin/applications/reject.html", **context), status)


@bp.route("/applications/<int:application_id>/reject", methods=["GET", "POST"])
@company_user_required
def application_reject(application_id: int):
    application = queries.for_card(application_id) or abort(404)
    form = _reject_form(application)
    if request.method == "GET":
        return reject_dialog(application, form)
    if not form.validate_on_submit():
        return reject_dialog(application, form, status=422)
    email = None
    if form.email.data in ("now", "later"):
        email = RejectionEmail(template_id=form.template_id.data,
                               delay_days=form.delay_days.data if form.email.data == "later" else 0)
    from_stage_id = application.stage_id
    try:
        rejections.reject(application, form.reason_id.data, form.note.data, email,
                          current_user._get_current_object(),
                          stage_id=int(form.stage_id.data) if str(form.stage_id.data or "").isdigit() else None)
    except RejectionError as exc:
        return reject_dialog(application, form, error=str(exc), status=422)
    scheduled = rejections.scheduled_email(application)
    if scheduled is not None:
        message = _("Rejected. The email goes on %(when)s; you can undo until then.",
                    when=datetime_filter(scheduled.due_at))
    else:
        message = _("Rejected: %(reason)s", reason=application.rejection_reason.label)
    back = _back(application, form)
    changed = {"applicationChanged": application.id}
    if not wants_fragment():
        return done(message, back, code=303)
    if form.view.data == "board":
        # request.form (no WTForms): how many chips the board's longest column showed (haku.js).
        columns = _board_columns(application.job, from_stage_id, application.stage_id,
                                 shown=request.form.get("shown", 0, type=int))
        return done(message, back, trigger=changed, oob=[*columns, badge_oob()])  # "" into #modal closes it
    response = done(message, back, trigger=changed, fragment="admin/applications/_card.html",
                    context=_card_context(application), oob=[badge_oob(), CLOSE_DIALOG])
    response.headers["HX-Retarget"] = f"#application-{application.id}"
    response.headers["HX-Reswap"] = "outerHTML"
    return response


@bp.post("/applications/<int:application_id>/reject/undo")
@company_user_required
def application_reject_undo(application_id: int):
    application = queries.for_card(application_id) or abort(404)
    card = url_for("admin.application", application_id=application.id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        rejections.undo_rejection(application, current_user._get_current_object())
    except RejectionError as exc:
        return done(str(exc), card, level="error", status=422, fragment="admin/applications/_card.html",
                    context=lambda: _card_context(application), code=303)
    return done(_("Rejection undone: back in %(stage)s, the email will not be sent.", stage=application.stage.name),
                card, trigger={"applicationChanged": application.id}, fragment="admin/applications/_card.html",
                context=lambda: _card_context(application), oob=[badge_oob()], code=303)


# ---------------------------------------------------------------- the company's reasons

@bp.route("/settings/rejection-reasons", methods=["GET", "POST"])
@admin_required
def rejection_reasons():
    company_id = current_company_id()
    form = RejectionReasonForm()
    error = None
    if form.validate_on_submit():
        try:
            rejections.add_reason(company_id, form.label.data, current_user._get_current_object())
        except RejectionError as exc:
            error = str(exc)
        else:
            return done(_("Reason added."), url_for("admin.rejection_reasons"), code=303)
    return _reasons_page(form, error, 422 if request.method == "POST" else 200)


def _reasons_page(form, error, status):
    company_id = current_company_id()
    return render_template("admin/settings/rejection_reasons.html", form=form, error=error,
                           reasons=rejections.reasons(company_id), in_use=rejections.reasons_in_use(company_id),
                           rename_form=RejectionReasonForm(prefix="r"), row_form=EmptyForm()), status


@bp.post("/settings/rejection-reasons/<int:reason_id>")
@admin_required
def rejection_reason_change(reason_id: int):
    """One change to one reason; the button says which (``action``)."""
    company_id = current_company_id()
    get_or_404(RejectionReason, reason_id)  # another company's reason is a 404, whatever the action
    actor = current_user._get_current_object()
    page = url_for("admin.rejection_reasons")
    # request.form (no WTForms): which button of the row was pressed; the rename text is the form below.
    action = request.form.get("action")
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        if action == "rename":
            rename = RejectionReasonForm(prefix="r")
            rejections.rename_reason(company_id, reason_id, rename.label.data, actor)
            message = _("Reason renamed.")
        elif action in ("up", "down"):
            rejections.move_reason(company_id, reason_id, action, actor)
            message = _("Order saved.")
        elif action in ("deactivate", "activate"):
            rejections.set_reason_active(company_id, reason_id, action == "activate", actor)
            message = _("Reason switched off.") if action == "deactivate" else _("Reason switched on.")
        elif action == "remove":
            deleted = rejections.remove_reason(company_id, reason_id, actor)
            message = _("Reason deleted.") if deleted else \
                _("The reason is in use, so it was switched off instead of deleted.")
        else:
            abort(400)
    except RejectionError as exc:
        if exc.code == "bad_reason":
            abort(404)
        return _reasons_page(RejectionReasonForm(formdata=None), str(exc), 422)
    return done(message, page, code=303)


@plugins.settings_section
def _settings_section() -> list[dict]:
    if not getattr(current_user, "is_company_admin", False):
        return []
    return [{"label": _("Rejection reasons"), "url": url_for("admin.rejection_reasons"),
             "hint": _("The reasons recruiters choose from when they reject an application.")}]


# ---------------------------------------------------------------- the card

def _can_reject(application, user) -> bool:
    stage = application.stage
    return application.job_id is not None and (stage is None or stage.kind != "rejected") and \
        any(s.kind == "rejected" for s in job_stages(application))


plugins.card_action(CardAction(
    key="reject", label=_l("Reject…"), order=10, method="get", dialog=True,
    url=lambda application: url_for("admin.application_reject", application_id=application.id),
    available=_can_reject))


@plugins.card_panel(first=True)
def _rejection_panel(application) -> str | None:
    if application.stage is None or application.stage.kind != "rejected":
        return None
    return render_panel("admin/applications/_rejection_panel.html", application=application,
                        scheduled=rejections.scheduled_email(application), form=EmptyForm())


def _rejected_text(data: dict) -> str:
    if data.get("by") == "screening":
        text = _("Rejected by the screening question “%(question)s”: %(reason)s", question=data.get("question") or "",
                 reason=data.get("reason") or "")
    else:
        text = _("Rejected: %(reason)s", reason=data.get("reason") or "")
    if data.get("note"):
        text += " — " + _("Note: %(text)s", text=data["note"])
    if data.get("template"):
        language = language_name(data.get("locale"))
        if data.get("due_at"):
            text += " — " + _("rejection email “%(template)s” (%(language)s) scheduled for %(when)s",
                              template=data["template"], language=language,
                              when=datetime_filter(datetime.fromisoformat(data["due_at"])))
        else:
            text += " — " + _("rejection email “%(template)s” queued (%(language)s)", template=data["template"],
                              language=language)
    return text


plugins.event_text("rejected", _rejected_text)
plugins.event_text("rejection_undone", lambda data: _("Rejection undone: back in %(stage)s; the email was not sent",
                                                      stage=data.get("stage", "")))
