"""Scorecards in the recruiter admin: the job's (and template's) scorecard settings, "Submit
scorecard" and "Ask for feedback" on the card, the card's summary panel and a job's export."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.accounts import queries as accounts
from app.accounts.tenancy import current_company_id, get_or_404
from app.admin.blueprint import bp
from app.admin.card import CardAction, render_panel
from app.admin.views.jobs import owner_or_404 as _owner
from app.applications.models import Application
from app.htmx import respond
from app.jobs.models import Job
from app.plugins import plugins
from app.scorecards import definitions, queries, services
from app.scorecards.models import Recommendation
from app.scorecards.visibility import forget
from app.security import company_user_required

# ---------------------------------------------------------------- hooks into the core screens


@plugins.settings_link
def _links(kind: str, owner) -> list:
    links = [(_("Scorecard"), url_for("admin.scorecard_settings", kind=kind, owner_id=owner.id))]
    if kind == "job":
        links.append((_("Export scorecards"), url_for("admin.scorecard_export", job_id=owner.id)))
    return links


def _writable(application, user) -> bool:
    return application.job_id is not None


plugins.card_action(CardAction(
    key="scorecard_submit", label=_l("Submit scorecard"), order=40, method="get",
    url=lambda application: url_for("admin.scorecard_form", application_id=application.id),
    available=_writable))
plugins.card_action(CardAction(
    key="scorecard_ask", label=_l("Ask for feedback"), order=41, method="get",
    url=lambda application: url_for("admin.scorecard_ask", application_id=application.id),
    available=_writable))


@plugins.card_panel(for_reviewers=True,  # an interviewer writes theirs here (it links to nothing else)
                    reads={"scorecards.any": queries.any_on_card})
def _panel(application: Application, found: dict) -> str | None:
    if application.job_id is None:
        return None
    summary = queries.summary(application, current_user._get_current_object(), any_cards=found["scorecards.any"])
    return render_panel("admin/scorecards/_panel.html", application=application, summary=summary,
                        labels=queries.recommendation_labels() if summary.submitted else {},  # shown with them
                        scale=definitions.SCALE_LABELS)


# ---------------------------------------------------------------- the form

def _interview_id() -> int | None:
    value = request.values.get("interview_id", "")
    return int(value) if value.isdigit() and len(value) < 12 else None


@bp.route("/applications/<int:application_id>/scorecard", methods=["GET", "POST"])
@company_user_required
def scorecard_form(application_id: int):
    application = get_or_404(Application, application_id)
    if application.job_id is None:
        abort(404)
    user = current_user._get_current_object()
    interview_id = _interview_id()
    card = services.find(application.id, user.id, interview_id)
    error, status = None, 200
    values = {"ratings": dict((card.ratings or {}) if card else {}),
              "recommendation": card.recommendation if card else None, "notes": card.notes if card else ""}
    if request.method == "POST":
        ratings = {key[len("rating-"):]: value for key, value in request.form.items() if key.startswith("rating-")}
        submit = request.form.get("action") == "submit"
        values = {"ratings": ratings, "recommendation": request.form.get("recommendation") or None,
                  "notes": request.form.get("notes", "")}
        try:
            card = services.save(application, user, ratings=ratings, recommendation=values["recommendation"],
                                 notes=values["notes"], submit=submit, interview_id=interview_id)
        except services.ScorecardError as exc:
            error, status = exc.message, 422
        else:
            forget(user.id, application.id)
            flash(_("Scorecard submitted.") if card.is_submitted else _("Draft saved."), "success")
            return redirect(url_for("admin.application", application_id=application.id) + "#scorecards")
    context = {"application": application, "card": card, "values": values,
               "groups": definitions.groups_of(application.job), "scale": definitions.SCALE_LABELS,
               "recommendations": list(Recommendation), "labels": queries.recommendation_labels(),
               "interview_id": interview_id, "error": error, "edit_hours": services.EDIT_HOURS}
    return respond("admin/scorecards/_form.html", "admin/scorecards/form.html", context, status=status)


# ---------------------------------------------------------------- "Ask for feedback"

@bp.route("/applications/<int:application_id>/scorecard/ask", methods=["GET", "POST"])
@company_user_required
def scorecard_ask(application_id: int):
    application = get_or_404(Application, application_id)
    if application.job_id is None:
        abort(404)
    colleagues = accounts.enabled_users(current_company_id())
    error, status = None, 200
    if request.method == "POST":
        value = request.form.get("user_id", "")
        try:
            card = services.request_scorecard(application.id, int(value) if value.isdigit() else 0,
                                              requested_by=current_user._get_current_object())
        except services.ScorecardError as exc:
            error, status = exc.message, 422
        else:
            flash(_("Feedback asked of %(name)s.", name=card.author.name), "success")
            return redirect(url_for("admin.application", application_id=application.id) + "#scorecards")
    return respond("admin/scorecards/_ask_form.html", "admin/scorecards/ask.html",
                   {"application": application, "colleagues": colleagues, "error": error}, status=status)


# ---------------------------------------------------------------- settings per job and template



#: empty rows the settings form offers for new attributes
NEW_ROWS = 3


@bp.route("/scorecards/settings/<kind>/<int:owner_id>", methods=["GET", "POST"])
@company_user_required
def scorecard_settings(kind: str, owner_id: int):
    owner = _owner(kind, owner_id)
    error, status = None, 200
    if request.method == "POST":
        ids, groups, labels = (request.form.getlist(k) for k in ("attr_id", "group", "label"))
        rows = list(zip(ids, groups, labels, strict=False))
        try:
            services.save_definition(owner, rows, current_user._get_current_object())
        except definitions.DefinitionError as exc:
            error, status = exc.message, 422
        else:
            flash(_("Scorecard saved."), "success")
            return redirect(url_for("admin.scorecard_settings", kind=kind, owner_id=owner.id))
    rows = [(a.id, g.name, a.label) for g in definitions.groups_of(owner) for a in g.attributes]
    context = {"kind": kind, "owner": owner, "rows": rows, "new_rows": NEW_ROWS, "scale": definitions.SCALE_LABELS,
               "error": error, "labels": queries.recommendation_labels()}
    return respond("admin/scorecards/_settings_form.html", "admin/scorecards/settings.html", context, status=status)


# ---------------------------------------------------------------- export

@bp.get("/jobs/<int:job_id>/scorecards.csv")
@company_user_required
def scorecard_export(job_id: int):
    job = get_or_404(Job, job_id)
    body = queries.job_csv(job)
    return Response(body, mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="scorecards-job-{job.id}.csv"'})
