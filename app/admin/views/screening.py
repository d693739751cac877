"""Screening questions in the recruiter admin: the question editor of a job (and of a job
template), the card's "Screening answers" panel and the timeline text of a knock-out."""

from __future__ import annotations

from flask import abort, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from app.accounts.tenancy import current_company_id, get_or_404
from app.admin.blueprint import bp
from app.admin.card import render_panel
from app.admin.forms import EmptyForm
from app.admin.views.jobs import owner_or_404 as _owner
from app.applications import files, rejections
from app.applications.models import Application, StoredFile
from app.htmx import done, respond
from app.plugins import plugins
from app.screening import questions, services
from app.security import company_user_required

# ---------------------------------------------------------------- hooks into the core screens


@plugins.settings_link
def _links(kind: str, owner) -> list:
    return [(_("Screening questions"), url_for("admin.screening_questions", kind=kind, owner_id=owner.id))]


# for_reviewers: the answers are the application's, as its CV: nothing to do here
@plugins.card_panel(for_reviewers=True, reads={"screening.any": services.any_on_card})
def _panel(application, found: dict) -> str | None:
    if application.job_id is None:
        return None
    if services.not_asked(application):
        return render_panel("admin/screening/_panel.html", not_asked=True, answers=[],
                            application=application, shown=questions.shown)
    answers = services.answers_of(application.id) if found["screening.any"] else []
    if not answers:
        return None
    return render_panel("admin/screening/_panel.html", not_asked=False, answers=answers,
                        application=application, shown=questions.shown)


def _knockout_failed_text(data: dict) -> str:
    return _("The screening question “%(question)s” was answered the wrong way, but the application could not be "
             "rejected: %(error)s", question=data.get("question", ""), error=data.get("error", ""))


plugins.event_text("screening_knockout_failed", _knockout_failed_text)
plugins.event_text("stage_entered:screening", lambda data: _(
    "Entered %(stage)s: the answer to the screening question “%(question)s” knocked it out",
    stage=data.get("stage", ""), question=data.get("question", "")))


@bp.get("/applications/<int:application_id>/screening/<question_key>/file")
@company_user_required
def screening_answer_file(application_id: int, question_key: str):
    """The PDF an applicant sent as the answer to a file question (an attachment, as the CV)."""
    application = get_or_404(Application, application_id)
    answer = services.answer(application.id, question_key)
    if answer is None or answer.file_id is None:
        abort(404)
    return files.download(get_or_404(StoredFile, answer.file_id), "application/pdf")


# ---------------------------------------------------------------- the editor

def _delay_label(days: int) -> str:
    if not days:
        return _("at once")
    return ngettext("%(num)d day later", "%(num)d days later", days)


def _input() -> questions.QuestionInput:
    """The editor's fields of one question. request.form (no WTForms): a question's choices
    and passing answers are lists the form builds per question; the service checks them all."""
    form = request.form
    reason = form.get("reason_id", "")
    delay = form.get("email_delay", "")
    return questions.QuestionInput(
        kind=form.get("kind", ""), label=form.get("label", ""), help=form.get("help", ""),
        required=form.get("required") == "1", choices_text=form.get("choices", ""),
        knockout=form.get("knockout") == "1", accept=form.getlist("accept"),
        reason_id=int(reason) if reason.isdigit() else None,
        email_delay=int(delay) if delay.isdigit() else None)


def _page(kind: str, owner, *, error: str | None = None, failed_key: str | None = None, status: int = 200):
    """The editor; after a refused change the typed values come back in the form that was sent."""
    company_id = current_company_id()
    typed = request.form if error else None
    context = {
        "kind": kind, "owner": owner, "questions": questions.questions_of(owner), "error": error,
        "failed_key": failed_key, "typed": typed, "kinds": list(questions.KIND_LABELS.items()),
        "knockout_kinds": questions.KNOCKOUT_KINDS, "choice_kinds": questions.CHOICE_KINDS,
        "reasons": rejections.reasons(company_id, active_only=True),
        "delays": [(d, _delay_label(d)) for d in questions.EMAIL_DELAYS],
        "has_email": bool(rejections.rejection_templates(company_id)), "form": EmptyForm(),
    }
    return respond("admin/screening/_editor.html", "admin/screening/questions.html", context, status=status)


@bp.route("/screening/<kind>/<int:owner_id>", methods=["GET", "POST"])
@company_user_required
def screening_questions(kind: str, owner_id: int):
    """The job's (or template's) questions; a POST adds one."""
    owner = _owner(kind, owner_id)
    if request.method == "GET":
        return _page(kind, owner)
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        questions.add_question(owner, _input(), current_user._get_current_object())
    except questions.QuestionError as exc:
        return _page(kind, owner, error=str(exc), failed_key="new", status=422)
    return done(_("Question added."), url_for("admin.screening_questions", kind=kind, owner_id=owner.id), code=303)


@bp.post("/screening/<kind>/<int:owner_id>/<question_key>")
@company_user_required
def screening_question_change(kind: str, owner_id: int, question_key: str):
    """One change to one question; the button says which (``action``: save, up, down, delete)."""
    owner, key = _owner(kind, owner_id), question_key
    page = url_for("admin.screening_questions", kind=kind, owner_id=owner.id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    if key not in {q.key for q in questions.questions_of(owner)}:
        abort(404)
    # request.form (no WTForms): which button of the question was pressed.
    action = request.form.get("action")
    actor = current_user._get_current_object()
    try:
        if action == "save":
            questions.update_question(owner, key, _input(), actor)
            message = _("Question saved.")
        elif action in ("up", "down"):
            questions.move_question(owner, key, action, actor)
            message = _("Order saved.")
        elif action == "delete":
            questions.delete_question(owner, key, actor)
            message = _("Question deleted. The answers already given stay with their applications.")
        else:
            abort(400)
    except questions.QuestionError as exc:
        return _page(kind, owner, error=str(exc), failed_key=key, status=422)
    return done(message, page, code=303)
