"""Possible duplicates: the list, "not the same person", the merge screen and "Split again"
(recruiters and company admins of the company)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.accounts.tenancy import current_company_id
from app.admin.blueprint import bp
from app.admin.card import CardAction, answers, render_panel
from app.admin.forms import EmptyForm, MergeForm, PairForm
from app.applications.columns import STATUS_LABELS
from app.applications.models import Application
from app.applications.queries import latest_of_candidate
from app.duplicates import services
from app.duplicates.services import MergeError
from app.htmx import done
from app.plugins import plugins
from app.security import company_user_required

REASONS = {
    "same_name_phone": _l("same name and phone"),
    "same_phone": _l("same phone number"),
    "same_email": _l("same email address"),
    "similar_email": _l("email differs only in case, dots or a +tag"),
    "topcv_phone_only": _l("a TopCV applicant with only a phone number"),
}
#: An application without a stage (the Pending pool, or closed there), as the lists show it.
APPLICATION_STATUS = STATUS_LABELS
PER_PAGE = 25


def _status_label(status: str) -> str:
    return str(APPLICATION_STATUS.get(status, status))


def _reasons(codes: list[str]) -> str:
    return ", ".join(str(REASONS.get(code, code)) for code in codes)


def _problem(exc: MergeError):
    """A translated page for a refused merge, dismissal or split; nothing was changed."""
    if exc.code == "unknown":
        abort(404)
    statuses = {"same": 422, "gone": 409, "stale": 409, "choice": 422, "expired": 409, "split": 409}
    message, status = exc.message, statuses.get(exc.code, 400)
    survivor_app = None
    if exc.params.get("survivor_id"):
        survivor_app = _first_application(exc.params["survivor_id"])
    return render_template("admin/duplicates/problem.html", message=message, survivor_app=survivor_app), status


def _first_application(candidate_id: int) -> Application | None:
    return latest_of_candidate(current_company_id(), candidate_id)


def _back(default: str) -> str:
    # request.form (no WTForms): a return address the page carries, checked below; not input.
    target = request.form.get("next") or ""
    if target.startswith("/admin/") and "\\" not in target and "//" not in target and target.isprintable():
        return target
    return default


@bp.get("/duplicates")
@company_user_required
def duplicates():
    page = max(1, min(request.args.get("page", 1, type=int), 10000))
    rows, more = services.suggestions(current_company_id(), page=page, per_page=PER_PAGE)
    return render_template("admin/duplicates/index.html", rows=rows, more=more, page=page, reasons=_reasons,
                           status_label=_status_label, form=EmptyForm())


@bp.post("/duplicates/dismiss")
@company_user_required
def duplicates_dismiss():
    form = PairForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        services.dismiss(current_company_id(), form.a.data, form.b.data, current_user._get_current_object())
    except MergeError as exc:
        return _problem(exc)
    return done(_("Marked as two different people: this pair is not suggested again."),
                _back(url_for("admin.duplicates")), toast=_("Marked as two different people."), code=303)


@bp.route("/candidates/merge", methods=["GET", "POST"])
@company_user_required
def candidates_merge():
    # request.values (no WTForms): the pair is the screen's address, from the link (GET) or the confirm (POST).
    a_id, b_id = request.values.get("a", type=int), request.values.get("b", type=int)
    if not a_id or not b_id:
        abort(404)
    try:
        screen = services.merge_screen(current_company_id(), a_id, b_id)
    except MergeError as exc:
        return _problem(exc)
    form = MergeForm()
    form.set_pair(screen.survivor.id, screen.other.id)
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            choices = {key: getattr(form, key).data for key in services.FIELDS}
            try:
                services.merge(current_company_id(), screen.survivor.id, screen.other.id, choices,
                               current_user._get_current_object(), version=form.version.data)
            except MergeError as exc:
                return _problem(exc)
            flash(_("Merged: %(name)s is one record now. You can split it again for 30 days from the "
                    "application card.", name=_merged_name(screen, choices)), "success")
            target = _first_application(screen.survivor.id)
            return redirect(url_for("admin.application", application_id=target.id) if target
                            else url_for("admin.duplicates"), code=303)
        status = 422
        flash(_("Pick each value from one of the two records."), "error")
    else:
        form.version.data = screen.version
        for key, columns in (("name", ("given_names",)), ("email", ("email",)), ("phone", ("phone",))):
            has_own = all(getattr(screen.survivor, c) for c in columns)
            getattr(form, key).data = screen.survivor.id if has_own or not getattr(screen.other, columns[0]) \
                else screen.other.id
    from app.assessments.columns import STATUS_LABELS as ASSESSMENT_STATUS

    return render_template("admin/duplicates/merge.html", s=screen, form=form, reasons=_reasons,
                           status_label=_status_label, assessment_status=ASSESSMENT_STATUS,
                           back=request.args.get("from", type=int)), status


def _merged_name(screen, choices: dict) -> str:
    source = screen.survivor if choices["name"] == screen.survivor.id else screen.other
    return source.full_name


@bp.post("/merges/<int:merge_id>/split")
@company_user_required
def merge_split(merge_id: int):
    form = EmptyForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        restored = services.split(current_company_id(), merge_id, current_user._get_current_object())
    except MergeError as exc:
        return _problem(exc)
    flash(_("Split again: %(name)s is a separate record again, with the applications it had.",
            name=restored.full_name), "success")
    return redirect(_back(url_for("admin.duplicates")), code=303)


def _suggestions(application) -> list:
    """The card's duplicate suggestions, looked up once per request (the panel and the ⋯ menu),
    and only when the card's one statement says there are some (``suggested_on_card``)."""
    candidate = application.candidate
    cache = request.environ.setdefault("haku.duplicate_suggestions", {})  # this request's, whatever the context
    if candidate.id not in cache:
        suggested = answers(application).get("duplicates.suggested", True)
        cache[candidate.id] = services.suggestions_for_candidate(candidate) if suggested else []
    return cache[candidate.id]


def _merge_url(application) -> str:
    """One possible duplicate: its merge screen; several: the card's panel listing them."""
    found = _suggestions(application)
    if len(found) == 1:
        return url_for("admin.candidates_merge", a=found[0].a.id, b=found[0].b.id, **{"from": application.id})
    return url_for("admin.application", application_id=application.id) + f"#duplicates-{application.id}"


plugins.card_action(CardAction(
    key="merge", label=_l("Merge with a duplicate…"), order=70, method="get", url=_merge_url,
    available=lambda application, user: bool(_suggestions(application))))


@plugins.card_panel(first=True, reads={"duplicates.suggested": services.suggested_on_card,
                                       "duplicates.merges": services.merges_on_card})
def _card_panel(application: Application, read: dict) -> str | None:
    candidate = application.candidate
    found = _suggestions(application)
    merges = services.active_merges(application.company_id, candidate.id) if read["duplicates.merges"] else []
    if not found and not merges:
        return None
    return render_panel("admin/duplicates/_card_panel.html", application=application, found=found,
                        merges=merges, reasons=_reasons)


plugins.event_text("candidate_merged", lambda d: _(
    "Another record of this person (candidate #%(id)s) was merged into this one", id=d.get("other", "?")))
