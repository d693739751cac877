"""EMREX in the recruiter admin: settings per job and template, the manual request, the
card panel, attachments, the per-job funnel."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from htmx_flask import make_response
from sqlalchemy import func, select

from app.accounts.models import Company
from app.accounts.tenancy import current_company_id, get_or_404
from app.admin.forms import EmptyForm
from app.admin.views import bp
from app.admin.views.applications import _card_context
from app.applications import files
from app.applications.actions import CardAction, register_action
from app.applications.display import register_event_text, register_panel
from app.applications.models import Application, StoredFile
from app.emrex import services
from app.emrex.models import EmrexAttachment, EmrexRequest, EmrexRequestEvent, EmrexTranscript
from app.extensions import db
from app.htmx import is_fragment_request
from app.jobs.hooks import register_settings_link
from app.jobs.models import Job, JobTemplate
from app.security import company_user_required

FUNNEL = [("sent", _l("Requested")), ("opened", _l("Opened")), ("submitted", _l("Submitted")),
          ("no_results", _l("No results")), ("opted_out", _l("Cancelled")), ("error", _l("Error")),
          ("reminded", _l("Reminders sent"))]


def _company() -> Company:
    return db.session.get(Company, current_company_id())


def _enabled_for(company_id: int) -> bool:
    company = db.session.get(Company, company_id)
    return bool(company and company.emrex_enabled)


# ---------------------------------------------------------------- hooks into the core screens

@register_settings_link
def _links(kind: str, owner) -> list:
    if not _enabled_for(owner.company_id):
        return []
    links = [(_("EMREX settings"), url_for("admin.emrex_settings", kind=kind, owner_id=owner.id))]
    if kind == "job":
        links.append((_("EMREX funnel"), url_for("admin.emrex_funnel", job_id=owner.id)))
    return links


register_action(CardAction(
    key="emrex_request", label=_l("Request EMREX"), order=50,
    url=lambda application: url_for("admin.emrex_request", application_id=application.id),
    available=lambda application, user: application.job_id is not None and _enabled_for(application.company_id)))


@register_panel
def _panel(application: Application) -> str | None:
    requests_ = db.session.scalars(select(EmrexRequest).where(
        EmrexRequest.application_id == application.id, EmrexRequest.company_id == application.company_id)
        .order_by(EmrexRequest.id.desc())).all()
    if not requests_ and not _enabled_for(application.company_id):
        return None
    transcripts = db.session.scalars(select(EmrexTranscript).where(
        EmrexTranscript.application_id == application.id, EmrexTranscript.company_id == application.company_id)
        .order_by(EmrexTranscript.id.desc())).all()
    return render_template("admin/emrex/_panel.html", application=application, requests=requests_,
                           transcripts=transcripts)


register_event_text("emrex_requested", lambda d: _("EMREX study records requested (%(cause)s)",
                                                   cause=d.get("cause", "")))
register_event_text("emrex_imported", lambda d: _("EMREX records received from %(inst)s (identity: %(identity)s)",
                                                  inst=d.get("institution") or "?", identity=d.get("identity", "")))
register_event_text("emrex_attempt_closed", lambda d: _("EMREX transfer ended without records: %(outcome)s",
                                                        outcome=d.get("outcome", "")))
register_event_text("emrex_opted_out", lambda d: _("The candidate declined EMREX: no records were transferred"))
register_event_text("emrex_reopened", lambda d: _("The candidate changed their mind and reopened the EMREX request"))
register_event_text("emrex_held", lambda d: _("EMREX records received but held for review: the identity check did "
                                              "not match"))
register_event_text("emrex_accepted", lambda d: _("EMREX records accepted after review (%(inst)s)",
                                                  inst=d.get("institution") or "?"))
register_event_text("emrex_discarded", lambda d: _("EMREX records discarded after review: they were not this "
                                                   "candidate's"))


# ---------------------------------------------------------------- settings

def _owner(kind: str, owner_id: int):
    if kind == "job":
        return get_or_404(Job, owner_id)
    if kind == "template":
        return get_or_404(JobTemplate, owner_id)
    abort(404)


@bp.route("/emrex/settings/<kind>/<int:owner_id>", methods=["GET", "POST"])
@company_user_required
def emrex_settings(kind: str, owner_id: int):
    owner = _owner(kind, owner_id)
    if not _enabled_for(owner.company_id):
        abort(404)
    error = None
    if request.method == "POST":
        try:
            services.save_settings(
                owner, email_template_id=request.form.get("email_template_id", type=int) or None,
                trigger_stage_id=request.form.get("trigger_stage_id", type=int) or None,
                reminders_enabled=request.form.get("reminders_enabled") == "y")
        except services.EmrexError as exc:
            error = str(exc)
        else:
            message = _("EMREX settings saved.")
            if is_fragment_request():
                html = render_template("admin/emrex/_settings_form.html", kind=kind, owner=owner,
                                       settings=services.settings_of(owner), templates=services.email_templates(),
                                       error=None, saved=True)
                return make_response(html, trigger={"toast": {"level": "success", "message": message}})
            flash(message, "success")
            return redirect(url_for("admin.emrex_settings", kind=kind, owner_id=owner.id))
    context = {"kind": kind, "owner": owner, "settings": services.settings_of(owner),
               "templates": services.email_templates(), "error": error, "saved": False}
    template = "admin/emrex/_settings_form.html" if is_fragment_request() else "admin/emrex/settings.html"
    return render_template(template, **context), 422 if error else 200


# ---------------------------------------------------------------- the manual request

@bp.post("/applications/<int:application_id>/emrex")
@company_user_required
def emrex_request(application_id: int):
    application = get_or_404(Application, application_id)
    try:
        emrex_req = services.request_manually(application, current_user._get_current_object())
    except services.EmrexError as exc:
        flash(str(exc), "error")
    else:
        flash(_("EMREX request sent.") if emrex_req.sends == 1 else
              _("The open EMREX request was sent again (same link)."), "success")
    return redirect(url_for("admin.application", application_id=application.id))


# ---------------------------------------------------------------- held transcripts: accept / discard

REVIEW_ERRORS = {"not_held": _l("This transcript is no longer held: someone already decided. The card shows the "
                                "current state.")}


def _review(transcript_id: int, decide, message: str):
    transcript = get_or_404(EmrexTranscript, transcript_id)
    application = get_or_404(Application, transcript.application_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    level = "success"
    try:
        decide(transcript.id, application.company_id, current_user._get_current_object())
    except services.ReviewError as exc:
        level, message = "error", str(REVIEW_ERRORS.get(exc.code, exc.code))
    if is_fragment_request():
        db.session.expire_all()
        html = render_template("admin/applications/_card.html", **_card_context(application))
        return make_response(html, trigger={"toast": {"level": level, "message": message},
                                            "applicationChanged": application.id})
    flash(message, level)
    return redirect(url_for("admin.application", application_id=application.id, _anchor=f"transcript-{transcript.id}"))


@bp.post("/emrex/transcripts/<int:transcript_id>/accept")
@company_user_required
def emrex_transcript_accept(transcript_id: int):
    return _review(transcript_id, services.accept_transcript,
                   _("Accepted: the records now count for this candidate."))


@bp.post("/emrex/transcripts/<int:transcript_id>/discard")
@company_user_required
def emrex_transcript_discard(transcript_id: int):
    return _review(transcript_id, services.discard_transcript,
                   _("Discarded: the records were deleted and do not count for this candidate."))


@bp.get("/emrex/attachments/<int:attachment_id>")
@company_user_required
def emrex_attachment(attachment_id: int):
    attachment = get_or_404(EmrexAttachment, attachment_id)
    if attachment.file is None:
        abort(404)
    return files.download(attachment.file, "application/pdf")


@bp.get("/emrex/transcripts/<int:transcript_id>/raw")
@company_user_required
def emrex_raw(transcript_id: int):
    transcript = get_or_404(EmrexTranscript, transcript_id)
    if transcript.raw_file_id is None:
        abort(404)
    return files.download(get_or_404(StoredFile, transcript.raw_file_id), "application/xml")


# ---------------------------------------------------------------- funnel

def funnel_counts(job: Job) -> list[tuple[str, str, int]]:
    """Requests of this job's applications that reached each step (reminders: total sent)."""
    base = (select(EmrexRequestEvent.kind, func.count(func.distinct(EmrexRequestEvent.request_id)),
                   func.count(EmrexRequestEvent.id))
            .join(EmrexRequest, EmrexRequest.id == EmrexRequestEvent.request_id)
            .join(Application, Application.id == EmrexRequest.application_id)
            .where(Application.job_id == job.id, Application.company_id == job.company_id)
            .group_by(EmrexRequestEvent.kind))
    rows = {kind: (distinct, total) for kind, distinct, total in db.session.execute(base)}
    out = []
    for key, label in FUNNEL:
        if key == "reminded":
            value = rows.get(key, (0, 0))[1]
        elif key == "error":
            value = rows.get("error", (0, 0))[0]
        else:
            value = rows.get(key, (0, 0))[0]
        out.append((key, str(label), value))
    return out


@bp.get("/jobs/<int:job_id>/emrex")
@company_user_required
def emrex_funnel(job_id: int):
    job = get_or_404(Job, job_id)
    if not _enabled_for(job.company_id):
        abort(404)
    counts = funnel_counts(job)
    top = max([c for _, _, c in counts] + [1])
    template = "admin/emrex/_funnel.html" if is_fragment_request() else "admin/emrex/funnel.html"
    return render_template(template, job=job, counts=counts, top=top)
