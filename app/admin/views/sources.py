"""Where applications come from, in the recruiter admin: a job's share links (name, copy the
address, rename, archive; how many applied through each) and "Add candidate" (by hand or as a
team member's referral). Each form works as htmx and as a plain post."""

from __future__ import annotations

from flask import abort, current_app, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts.tenancy import current_company_id, get_or_404
from app.admin.blueprint import bp
from app.admin.forms import AddCandidateForm, EmptyForm, ShareLinkForm
from app.applications import files, manual
from app.applications import share_links as links
from app.applications.models import SourceLink
from app.applications.services import CandidateData
from app.applications.sources import LEGAL_BASES
from app.htmx import done, respond
from app.jobs.models import Job
from app.links import external_url
from app.plugins import plugins
from app.security import company_user_required


@plugins.settings_link
def _job_links(kind: str, owner) -> list:
    if kind != "job":
        return []
    return [(_("Share links"), url_for("admin.share_links", job_id=owner.id))]


def _user():
    return current_user._get_current_object()


# ---------------------------------------------------------------- a job's share links

def _links_context(job: Job, form: ShareLinkForm, error: str | None = None) -> dict:
    return {"job": job, "form": form, "error": error, "links": links.links_of(job),
            "url_of": lambda link: external_url("portal.job", slug=job.company.slug, job_id=job.id, src=link.code)}


@bp.route("/jobs/<int:job_id>/share-links", methods=["GET", "POST"])
@company_user_required
def share_links(job_id: int):
    job = get_or_404(Job, job_id)
    form = ShareLinkForm()
    error = None
    if form.validate_on_submit():
        try:
            link = links.create_link(job, form.name.data, _user())
        except links.ShareLinkError as exc:
            error = str(exc)
        else:
            return done(_("Link “%(name)s” created.", name=link.name), url_for("admin.share_links", job_id=job.id),
                        fragment="admin/sources/_share_links.html",
                        context=lambda: _links_context(job, ShareLinkForm(formdata=None)), code=303)
    elif request.method == "POST":
        error = next((e for errors in form.errors.values() for e in errors), None)
    status = 422 if request.method == "POST" else 200
    return respond("admin/sources/_share_links.html", "admin/sources/share_links.html",
                   lambda: _links_context(job, form, error), status=status)


@bp.post("/share-links/<int:link_id>")
@company_user_required
def share_link_change(link_id: int):
    """Rename, archive or bring back one link; the button says which (``action``)."""
    link = get_or_404(SourceLink, link_id)
    job = get_or_404(Job, link.job_id)
    # request.form (no WTForms): which button of the row was pressed; the name is the ShareLinkForm's.
    action = request.form.get("action")
    if action not in ("rename", "archive", "restore") or not EmptyForm().validate_on_submit():
        abort(400)
    form = ShareLinkForm()
    if action == "rename" and not form.validate():
        error = next((e for errors in form.errors.values() for e in errors), None)
        return respond("admin/sources/_share_links.html", "admin/sources/share_links.html",
                       lambda: _links_context(job, ShareLinkForm(formdata=None), error), status=422)
    try:
        if action == "rename":
            links.rename_link(job, link, form.name.data, _user())
            message = _("Link renamed.")
        else:
            links.set_archived(job, link, action == "archive", _user())
            message = _("Link archived: its address now counts as the careers page.") if action == "archive" \
                else _("Link restored.")
    except links.ShareLinkError as exc:
        refusal = str(exc)
        return respond("admin/sources/_share_links.html", "admin/sources/share_links.html",
                       lambda: _links_context(job, ShareLinkForm(formdata=None), refusal), status=422)
    return done(message, url_for("admin.share_links", job_id=job.id), fragment="admin/sources/_share_links.html",
                context=lambda: _links_context(job, ShareLinkForm(formdata=None)), code=303)


# ---------------------------------------------------------------- add a candidate

def _add_form() -> AddCandidateForm:
    company_id = current_company_id()
    form = AddCandidateForm()
    form.job_id.choices = manual.jobs_to_add_to(company_id, _user())
    form.referred_by_id.choices = [(u.id, u.name) for u in manual.referrers(company_id)]
    form.basis.choices = [(key, str(label)) for key, label in LEGAL_BASES.items()]
    if request.method == "GET":
        form.job_id.data = request.args.get("job", type=int)
        form.referred_by_id.data = current_user.id
        form.basis.data = "legitimate_interest"
    return form


@bp.route("/applications/add", methods=["GET", "POST"])
@company_user_required
def candidate_add():
    form = _add_form()
    error = None
    if form.validate_on_submit():
        upload = form.cv.data
        cv = None
        if upload and getattr(upload, "filename", ""):
            limit = current_app.config["CV_MAX_BYTES"]
            cv = (upload.filename or "cv.pdf", upload.read(limit + 1))
        company = current_user.company
        try:
            added = manual.add_candidate(
                current_company_id(), form.job_id.data or 0, CandidateData(
                    given_names=form.given_names.data, family_name=form.family_name.data, email=form.email.data,
                    phone=form.phone.data, locale=company.default_locale or "en"),
                actor=_user(), source=form.source.data, basis=form.basis.data, cv=cv, note=form.note.data or "",
                referred_by_id=form.referred_by_id.data, send_confirmation=form.send_confirmation.data)
        except files.FileRejected as exc:
            form.cv.errors = [str(exc)]
        except manual.AddCandidateError as exc:
            error = str(exc)
        else:
            target = url_for("admin.application", application_id=added.application.id)
            if added.created:
                return done(_("Candidate added."), target, code=303)
            return done(_("This person already has an application for this job: the addition was noted on it."),
                        target, level="info", code=303)
    status = 422 if request.method == "POST" else 200
    return render_template("admin/sources/add_candidate.html", form=form, error=error), status
