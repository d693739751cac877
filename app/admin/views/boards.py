"""Job boards in the recruiter admin: Settings → Recruitment networks → TopCV (company
admins), and a job's sources: post to TopCV, the "Posted jobs" log, update, close, link; and
the card's timeline text of the feature (its admin presentation, in this one module)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from app.accounts.tenancy import current_company_id, get_or_404
from app.admin.blueprint import bp
from app.admin.boards_forms import LinkPostingForm, PostingForm, TopCVKeysForm
from app.boards import services
from app.boards.models import Posting
from app.htmx import respond
from app.jobs.models import Job
from app.partners import vendors
from app.partners.models import IntegrationStatus
from app.plugins import plugins
from app.secrets import mask
from app.security import admin_required, company_user_required


def _labels() -> dict:
    """The integration's status labels: TopCV's ``Vendor`` holds them (app/boards/hooks.py)."""
    return vendors.get(services.VENDOR).status_labels


def _require_boards() -> int:
    company_id = current_company_id()
    if not services.boards_enabled(company_id):
        abort(404)
    return company_id


plugins.event_text("cv_dropped", lambda d: _("The CV was not kept: %(reason)s", reason=d.get("reason", "")))


def _user():
    return current_user._get_current_object()


def _refused(form: FlaskForm, exc: services.BoardError) -> str | None:
    """The service's refusal beside its field when it names one of the form's; else the
    message for the top of the form."""
    # The field the refusal is about: BoardError.field (or a "field" parameter, should the
    # error become an app.problems.Problem carrying it that way).
    name = getattr(exc, "field", None) or (getattr(exc, "params", None) or {}).get("field")
    field = form._fields.get(name or "")
    if field is None:
        return str(exc)
    field.errors = [*field.errors, str(exc)]
    return None


# ---------------------------------------------------------------- connection (company admins)

@bp.get("/settings/recruitment-networks")
@admin_required
def recruitment_networks():
    company_id = _require_boards()
    integration = services.connection(company_id)
    return render_template("admin/boards/networks.html", integration=integration, labels=_labels())


@bp.route("/settings/recruitment-networks/topcv", methods=["GET", "POST"])
@admin_required
def topcv_settings():
    company_id = _require_boards()
    form = TopCVKeysForm()
    error = None
    if form.validate_on_submit():
        try:
            services.save_keys(company_id, _user(), form.api_key.data, form.secret_key.data)
        except services.BoardError as exc:
            error = _refused(form, exc)
        else:
            flash(_("TopCV keys checked and saved. Paste the webhook URL below into TopCV."), "success")
            return redirect(url_for("admin.topcv_settings"))
    integration = services.connection(company_id)
    configured = integration is not None and integration.status != IntegrationStatus.NOT_CONFIGURED
    editing = request.method == "POST" or request.args.get("edit") == "1" or not configured
    return render_template("admin/boards/topcv.html", integration=integration, labels=_labels(),
                           configured=configured, editing=editing, error=error, form=form,
                           webhook_url=services.webhook_url(integration) if integration else None,
                           key_hint=mask(integration.api_key_hint) if integration and integration.api_key_hint else ""
                           ), 422 if request.method == "POST" else 200


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
    if request.method == "POST":
        form = PostingForm()
    elif posting is not None:
        form = PostingForm(data=dict(posting.payload or {}))
    else:
        form = PostingForm(data=services.posting_defaults(job, _user()))
    error = None
    if form.validate_on_submit():
        try:
            if posting is None:
                services.create_posting(job, _user(), form.values())
                flash(_("Sending the job to TopCV. Its status shows in Posted jobs."), "success")
            else:
                services.update_posting(posting, _user(), form.values())
                flash(_("Changes are being sent to TopCV."), "success")
        except services.BoardError as exc:
            error = _refused(form, exc)
        else:
            return redirect(url_for("admin.job_sources", job_id=job.id))
    return render_template("admin/boards/posting_form.html", job=job, posting=posting, form=form, error=error
                           ), 422 if request.method == "POST" else 200


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
    form = LinkPostingForm()
    error = None
    if form.validate_on_submit():
        try:
            posting = services.link_posting(job, _user(), form.board_job_id.data)
        except services.BoardError as exc:
            error = _refused(form, exc)
        else:
            flash(_("TopCV job %(id)s linked to this job.", id=posting.board_job_id), "success")
            return redirect(url_for("admin.job_sources", job_id=job.id))
    return render_template("admin/boards/link.html", job=job, form=form, error=error
                           ), 422 if request.method == "POST" else 200
