"""Job boards in the recruiter admin: Settings → Recruitment networks → TopCV (company
admins), and a job's sources: post to TopCV, the "Posted jobs" log, update, close, link."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts.tenancy import current_company_id, get_or_404
from app.admin.blueprint import bp
from app.audit import N_
from app.boards import services
from app.boards.models import Posting
from app.htmx import respond
from app.jobs.models import EMPLOYMENT_TYPES, Job
from app.partners.models import IntegrationStatus
from app.secrets import mask
from app.security import admin_required, company_user_required

STATUS_LABELS = {"not_configured": N_("Not configured"), "configured": N_("Configured"), "error": N_("Error"),
                 "disconnected": N_("Disconnected")}  # the templates translate them


def _require_boards() -> int:
    company_id = current_company_id()
    if not services.boards_enabled(company_id):
        abort(404)
    return company_id


def _user():
    return current_user._get_current_object()


# ---------------------------------------------------------------- connection (company admins)

@bp.get("/settings/recruitment-networks")
@admin_required
def recruitment_networks():
    company_id = _require_boards()
    integration = services.connection(company_id)
    return render_template("admin/boards/networks.html", integration=integration, labels=STATUS_LABELS)


@bp.route("/settings/recruitment-networks/topcv", methods=["GET", "POST"])
@admin_required
def topcv_settings():
    company_id = _require_boards()
    error = field = None
    if request.method == "POST":
        try:
            services.save_keys(company_id, _user(), request.form.get("api_key", ""), request.form.get("secret_key", ""))
        except services.BoardError as exc:
            error, field = str(exc), exc.field
        else:
            flash(_("TopCV keys checked and saved. Paste the webhook URL below into TopCV."), "success")
            return redirect(url_for("admin.topcv_settings"))
    integration = services.connection(company_id)
    configured = integration is not None and integration.status != IntegrationStatus.NOT_CONFIGURED
    editing = request.method == "POST" or request.args.get("edit") == "1" or not configured
    return render_template("admin/boards/topcv.html", integration=integration, labels=STATUS_LABELS,
                           configured=configured, editing=editing, error=error, field=field,
                           webhook_url=services.webhook_url(integration) if integration else None,
                           key_hint=mask(integration.api_key_hint) if integration and integration.api_key_hint else ""
                           ), 422 if error else 200


@bp.post("/settings/recruitment-networks/topcv/disconnect")
@admin_required
def topcv_disconnect():
    company_id = _require_boards()
    services.disconnect(company_id, _user())
    flash(_("TopCV disconnected. The keys were deleted; the posting history is kept."), "success")
    return redirect(url_for("admin.topcv_settings"))


# ---------------------------------------------------------------- a job's sources

def _job(job_id: int) -> Job:
    job = get_or_404(Job, job_id)
    _require_boards()
    return job


@bp.get("/jobs/<int:job_id>/sources")
@company_user_required
def job_sources(job_id: int):
    job = _job(job_id)
    context = {"job": job, "postings": services.postings_of(job), "integration": services.connection(job.company_id)}
    return respond("admin/boards/_postings.html", "admin/boards/sources.html", context)


def _posting_form(job: Job, posting: Posting | None):
    error = field = None
    if request.method == "POST":
        try:
            if posting is None:
                services.create_posting(job, _user(), request.form.to_dict())
                flash(_("Sending the job to TopCV. Its status shows in Posted jobs."), "success")
            else:
                services.update_posting(posting, _user(), request.form.to_dict())
                flash(_("Changes are being sent to TopCV."), "success")
        except services.BoardError as exc:
            error, field = str(exc), exc.field
        else:
            return redirect(url_for("admin.job_sources", job_id=job.id))
        values = request.form.to_dict()
        values["negotiable"] = request.form.get("negotiable") == "y"
    elif posting is not None:
        values = dict(posting.payload or {})
    else:
        values = services.posting_defaults(job, _user())
    return render_template("admin/boards/posting_form.html", job=job, posting=posting, values=values, error=error,
                           field=field, levels=services.LEVELS, currencies=services.CURRENCIES,
                           employment_types=EMPLOYMENT_TYPES), 422 if error else 200


@bp.route("/jobs/<int:job_id>/sources/topcv/new", methods=["GET", "POST"])
@company_user_required
def posting_new(job_id: int):
    job = _job(job_id)
    try:
        services.usable(job.company_id)
    except services.BoardError as exc:
        flash(str(exc), "error")
        return redirect(url_for("admin.job_sources", job_id=job.id))
    return _posting_form(job, None)


@bp.route("/postings/<int:posting_id>/edit", methods=["GET", "POST"])
@company_user_required
def posting_edit(posting_id: int):
    posting = get_or_404(Posting, posting_id)
    return _posting_form(_job(posting.job_id), posting)


@bp.post("/postings/<int:posting_id>/close")
@company_user_required
def posting_close(posting_id: int):
    posting = get_or_404(Posting, posting_id)
    _job(posting.job_id)
    try:
        services.close_posting(posting, _user())
    except services.BoardError as exc:
        flash(str(exc), "error")
    else:
        flash(_("Closing the posting on TopCV."), "success")
    return redirect(url_for("admin.job_sources", job_id=posting.job_id))


@bp.route("/jobs/<int:job_id>/sources/topcv/link", methods=["GET", "POST"])
@company_user_required
def posting_link(job_id: int):
    job = _job(job_id)
    error = None
    if request.method == "POST":
        try:
            posting = services.link_posting(job, _user(), request.form.get("board_job_id", ""))
        except services.BoardError as exc:
            error = str(exc)
        else:
            flash(_("TopCV job %(id)s linked to this job.", id=posting.board_job_id), "success")
            return redirect(url_for("admin.job_sources", job_id=job.id))
    return render_template("admin/boards/link.html", job=job, error=error,
                           value=request.form.get("board_job_id", "")), 422 if error else 200
