"""EMREX in the recruiter admin: the manual request, the card panel, attachments, the per-job
funnel. The settings per job and template are in ``emrex_settings``."""

from __future__ import annotations

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import pgettext
from flask_login import current_user

from app.accounts import queries as accounts
from app.accounts.models import Company
from app.accounts.tenancy import current_company_id, get_or_404
from app.admin.blueprint import bp
from app.admin.card import CardAction, render_panel
from app.admin.emrex_panel_text import ATTEMPT_LABELS, PanelText
from app.admin.forms import EmptyForm
from app.admin.views.applications import _card_context, badge_oob
from app.applications import files
from app.applications.models import Application, StoredFile
from app.emrex import queries, reasons, services
from app.emrex.columns import format_credits, format_gpa, format_scale
from app.emrex.models import (
    AttemptOutcome,
    EmrexAttachment,
    EmrexAttempt,
    EmrexRequest,
    EmrexTranscript,
)
from app.htmx import done, respond
from app.jobs.models import Job
from app.plugins import plugins
from app.security import company_user_required

FUNNEL = [("sent", _l("Requested")), ("opened", _l("Opened")), ("submitted", _l("Submitted")),
          ("no_results", _l("No results")), ("opted_out", _l("Cancelled")), ("error", _l("Error")),
          ("reminded", _l("Reminders sent"))]


def _company() -> Company:
    return accounts.company(current_company_id())


def _enabled_for(company_id: int) -> bool:
    return queries.enabled_for(company_id)


# ---------------------------------------------------------------- hooks into the core screens

@plugins.settings_link
def _links(kind: str, owner) -> list:
    if not _enabled_for(owner.company_id):
        return []
    links = [(_("EMREX settings"), url_for("admin.emrex_settings", kind=kind, owner_id=owner.id))]
    if kind == "job":
        links.append((_("EMREX funnel"), url_for("admin.emrex_funnel", job_id=owner.id)))
    return links


plugins.card_action(CardAction(
    key="emrex_request", label=_l("Request EMREX"), order=50,
    url=lambda application: url_for("admin.emrex_request", application_id=application.id),
    available=lambda application, user: application.job_id is not None and _enabled_for(application.company_id)))


@plugins.card_panel(reads={"emrex.requests": queries.requests_on_card, "emrex.transcripts": queries.transcripts_on_card})
def _panel(application: Application, found: dict) -> str | None:
    """The card's EMREX block: a pure function of the stored rows, a fixed number of queries
    however many requests, attempts, transcripts and attachments there are (none when the
    card's reads say there are no rows)."""
    newest = queries.newest_request(application) if found["emrex.requests"] else None
    requests_ = [newest] if newest is not None else []
    if not requests_ and not _enabled_for(application.company_id):
        return None
    transcripts = queries.transcripts_of(application) if found["emrex.transcripts"] else []
    closed = _closed_attempt(requests_[0], transcripts) if requests_ else None
    return render_panel("admin/emrex/_panel.html", application=application, requests=requests_,
                        transcripts=transcripts, closed_attempt=closed, panel=PanelText)


# ---------------------------------------------------------------- what the panel says

CLOSED_OUTCOMES = frozenset(AttemptOutcome) - {AttemptOutcome.OPEN, AttemptOutcome.IMPORTED}  # ended without records


def _closed_attempt(request_: EmrexRequest, transcripts: list[EmrexTranscript]) -> EmrexAttempt | None:
    """The newest attempt of the newest request, when it ended without records after the
    newest transcript came (one query)."""
    attempt = queries.newest_attempt(request_.id)
    if attempt is None or attempt.outcome not in CLOSED_OUTCOMES:
        return None
    if transcripts and attempt.id < max(t.attempt_id for t in transcripts):
        return None
    return attempt


@bp.app_template_filter("emrex_credits")
def _credits_filter(value) -> str:
    return format_credits(value)


@bp.app_template_filter("emrex_gpa")
def _gpa_filter(value) -> str:
    return format_gpa(value)


@bp.app_template_filter("emrex_scale")
def _scale_filter(value) -> str:
    return format_scale(value)


def _cause(code: str) -> str:
    """Why a request was sent, in the reader's language (a code as stored when unknown)."""
    causes = {"manual": _("sent by hand"), "apply": _("on applying"), "person": _("moved by a person"),
              "automation": _("by an automation"), "import": _("on import")}
    return causes.get(code, code)


def _identity(code: str) -> str:
    identities = {"match": pgettext("identity", "match"), "partial": pgettext("identity", "names match"),
                  "mismatch": pgettext("identity", "mismatch")}
    return identities.get(code, code)


def _attempt_closed_text(data: dict) -> str:
    """The outcome's label and, when the check stored one, its reason code, both worded in
    the reader's language (older events have the outcome code only)."""
    outcome = data.get("outcome", "")
    label = ATTEMPT_LABELS.get(outcome)
    text = _("EMREX transfer ended without records: %(outcome)s", outcome=str(label) if label else outcome)
    if data.get("reason"):
        return f"{text} — {reasons.describe(data['reason'], data.get('detail'))}"
    return text


plugins.event_text("emrex_requested", lambda d: _("EMREX study records requested (%(cause)s)",
                                                  cause=_cause(d.get("cause", ""))))
plugins.event_text("emrex_imported", lambda d: _("EMREX records received from %(inst)s (identity: %(identity)s)",
                                                 inst=d.get("institution") or "?",
                                                 identity=_identity(d.get("identity", ""))))
plugins.event_text("emrex_attempt_closed", _attempt_closed_text)
plugins.event_text("emrex_opted_out", lambda d: _("The candidate declined EMREX: no records were transferred"))
plugins.event_text("emrex_reopened", lambda d: _("The candidate changed their mind and reopened the EMREX request"))
plugins.event_text("emrex_held", lambda d: _("EMREX records received but held for review: the identity check did "
                                             "not match"))
plugins.event_text("emrex_accepted", lambda d: _("EMREX records accepted after review (%(inst)s)",
                                                 inst=d.get("institution") or "?"))
plugins.event_text("emrex_discarded", lambda d: _("EMREX records discarded after review: they were not this "
                                                  "candidate's"))


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

def _review(transcript_id: int, decide, message: str):
    transcript = get_or_404(EmrexTranscript, transcript_id)
    application = get_or_404(Application, transcript.application_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    level = "success"
    try:
        decide(transcript.id, application.company_id, current_user._get_current_object())
    except services.ReviewError as exc:
        level, message = "error", str(exc)

    return done(message, url_for("admin.application", application_id=application.id,
                                 _anchor=f"transcript-{transcript.id}"),
                level=level, fragment="admin/applications/_card.html", context=lambda: _card_context(application),
                trigger={"applicationChanged": application.id}, oob=lambda: [badge_oob()])


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
    rows = queries.funnel_rows(job.id, job.company_id)
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
    return respond("admin/emrex/_funnel.html", "admin/emrex/funnel.html", {"job": job, "counts": counts, "top": top})
