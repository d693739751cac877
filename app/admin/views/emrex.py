"""EMREX in the recruiter admin: settings per job and template, the manual request, the
card panel, attachments, the per-job funnel."""

from __future__ import annotations

from babel.lists import format_list
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user

from app.accounts import queries as accounts
from app.accounts.models import Company
from app.accounts.tenancy import current_company_id, get_or_404
from app.admin.blueprint import bp
from app.admin.forms import EmptyForm
from app.admin.views.applications import _card_context, badge_oob
from app.applications import files
from app.applications.actions import CardAction, register_action
from app.applications.display import register_event_text, register_panel
from app.applications.models import Application, StoredFile
from app.emrex import queries, services
from app.emrex.columns import STATUS_LABELS, format_credits, format_gpa, format_scale
from app.emrex.models import EmrexAttachment, EmrexAttempt, EmrexRequest, EmrexTranscript
from app.htmx import done, respond
from app.jobs.hooks import register_settings_link
from app.jobs.models import Job, JobTemplate
from app.security import company_user_required, current_locale

FUNNEL = [("sent", _l("Requested")), ("opened", _l("Opened")), ("submitted", _l("Submitted")),
          ("no_results", _l("No results")), ("opted_out", _l("Cancelled")), ("error", _l("Error")),
          ("reminded", _l("Reminders sent"))]


def _company() -> Company:
    return accounts.company(current_company_id())


def _enabled_for(company_id: int) -> bool:
    return queries.enabled_for(company_id)


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
    """The card's EMREX block: a pure function of the stored rows, a fixed number of queries
    however many requests, attempts, transcripts and attachments there are."""
    newest = queries.newest_request(application)
    requests_ = [newest] if newest is not None else []
    if not requests_ and not _enabled_for(application.company_id):
        return None
    transcripts = queries.transcripts_of(application)
    closed = _closed_attempt(requests_[0], transcripts) if requests_ else None
    return render_template("admin/emrex/_panel.html", application=application, requests=requests_,
                           transcripts=transcripts, closed_attempt=closed, panel=PanelText)


# ---------------------------------------------------------------- what the panel says

CLOSED_OUTCOMES = ("rejected", "cancelled", "error", "late", "no_results", "abandoned")
ATTEMPT_LABELS = {
    "rejected": _l("Rejected"), "cancelled": _l("Cancelled at the university"), "error": _l("University error"),
    "late": _l("Returned too late"), "no_results": _l("No results sent"), "abandoned": _l("Not completed"),
}
ATTEMPT_REASONS = {
    "rejected": _l("The records could not be accepted."),
    "cancelled": _l("The candidate cancelled at the university; they can try again with the same link."),
    "error": _l("The university reported an error."),
    "late": _l("The candidate came back from the university more than 15 minutes after leaving; they can try "
               "again with the same link."),
    "no_results": _l("The university had no results to send."),
    "abandoned": _l("The candidate did not come back from the university within 15 minutes."),
}
OUTCOME_LABELS = {"passed": _l("passed"), "failed": _l("failed"), "in-progress": _l("in progress"),
                  "unknown": _l("unknown")}
GPA_ROLE_LABELS = {"failed": _l("failed"), "pass_fail": _l("pass/fail"), "not_convertible": _l("not convertible"),
                   "no_credits": _l("no credits"), "component": _l("via its course")}
GPA_ROLE_TITLES = {
    "failed": _l("Left out of the average: a failed result."),
    "pass_fail": _l("Left out of the average: pass/fail results have no points."),
    "not_convertible": _l("Left out of the average: the grade does not convert to the scale."),
    "no_credits": _l("Left out of the average: no ECTS credits."),
    "component": _l("Left out of the average: its course has its own grade, which is counted instead."),
}
DEGREE_TYPES = ("degree programme", "degree")
TYPE_LABELS = {"degree programme": _l("Degree programme"), "degree": _l("Degree"), "module": _l("Module"),
               "module group": _l("Module group"), "course": _l("Course"), "class": _l("Component")}


def _closed_attempt(request_: EmrexRequest, transcripts: list[EmrexTranscript]) -> EmrexAttempt | None:
    """The newest attempt of the newest request, when it ended without records after the
    newest transcript came (one query)."""
    attempt = queries.newest_attempt(request_.id)
    if attempt is None or attempt.outcome not in CLOSED_OUTCOMES:
        return None
    if transcripts and attempt.id < max(t.attempt_id for t in transcripts):
        return None
    return attempt


def _number(value) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _walk(opportunities):
    for opp in opportunities or []:
        if isinstance(opp, dict):
            yield opp
            yield from _walk(opp.get("children"))


def _opportunities(transcript: EmrexTranscript):
    for report in transcript.reports or []:
        if isinstance(report, dict):
            yield from _walk(report.get("opportunities"))


class PanelText:
    """The panel's wording, from the stored rows (old rows lack the newer keys)."""

    @staticmethod
    def outcome(opp: dict) -> tuple[str, bool]:
        """The status cell: (label, derived). Never blank: "unknown" when nothing is known."""
        outcome = opp.get("outcome") or opp.get("status") or "unknown"
        label = OUTCOME_LABELS.get(str(outcome).replace("_", "-"))
        return (str(label) if label else str(outcome)), bool(opp.get("derived"))

    @staticmethod
    def credits(opp: dict) -> list[str]:
        """Each stated credit as "7.5 ECTS"; a bare value (rows stored before) as the number."""
        raw = opp.get("credits")
        if raw is None or raw == []:
            return []
        if not isinstance(raw, list):
            return [format_credits(raw)]
        out = []
        for credit in raw:
            if not isinstance(credit, dict):
                out.append(format_credits(credit))
            elif credit.get("value") not in (None, ""):
                out.append(f"{format_credits(credit['value'])} {credit.get('scheme') or ''}".strip())
        return out

    @staticmethod
    def unreadable(opp: dict, field: str) -> bool:
        return field in (opp.get("unreadable") or [])

    @staticmethod
    def role(opp: dict) -> tuple[str, str] | None:
        """The row's part in the average: (short label, why) — or None (not a graded result)."""
        role = opp.get("gpa")
        if role == "graded":
            return "✓", str(_l("Counted in the average"))
        if role in GPA_ROLE_LABELS:
            return str(GPA_ROLE_LABELS[role]), str(GPA_ROLE_TITLES[role])
        return None

    @staticmethod
    def type_label(opp: dict) -> str:
        """ELMO's closed list of types in the page's language; anything else as given."""
        kind = str(opp.get("type") or "")
        label = TYPE_LABELS.get(kind.casefold())
        return str(label) if label else kind

    @staticmethod
    def is_degree(opp: dict) -> bool:
        return str(opp.get("type") or "").casefold() in DEGREE_TYPES

    @staticmethod
    def groups(opportunities) -> tuple[list[dict], list[dict]]:
        """(degree programmes, everything else) at a report's top level."""
        items = [o for o in opportunities or [] if isinstance(o, dict)]
        return [o for o in items if PanelText.is_degree(o)], [o for o in items if not PanelText.is_degree(o)]

    @staticmethod
    def has_roles(transcript: EmrexTranscript) -> bool:
        return any("gpa" in opp for opp in _opportunities(transcript))

    @staticmethod
    def has_derived(transcript: EmrexTranscript) -> bool:
        return any(opp.get("derived") for opp in _opportunities(transcript))

    @staticmethod
    def left_out(detail: dict) -> str:
        """"Left out: 2 failed results, 3 pass/fail results and …." — or "" when nothing was."""
        parts = []
        if num := _number(detail.get("failed_count")):
            parts.append(ngettext("%(num)d failed result", "%(num)d failed results", num))
        if num := _number(detail.get("pass_fail_count")):
            parts.append(ngettext("%(num)d pass/fail result", "%(num)d pass/fail results", num))
        if num := _number(detail.get("not_convertible_count")):
            parts.append(ngettext("%(num)d result not convertible", "%(num)d results not convertible", num))
        if num := _number(detail.get("components_skipped")):
            parts.append(ngettext("%(num)d component counted through its course",
                                  "%(num)d components counted through their course", num))
        if num := _number(detail.get("no_credits_count")):
            parts.append(ngettext("%(num)d result without credits", "%(num)d results without credits", num))
        if not parts:
            return ""
        return _("Left out: %(items)s.", items=format_list(parts, locale=current_locale()))

    @staticmethod
    def gpa_sentence(transcript: EmrexTranscript) -> str:
        """One sentence: what was averaged (which level, how many credits, which scale), then
        what was left out and why. Without an average, why there is none."""
        detail = transcript.gpa_detail if isinstance(transcript.gpa_detail, dict) else {}
        left_out = PanelText.left_out(detail)
        if transcript.gpa is None:
            head = _("No graded results with ECTS credits: no average.")
            return f"{head} {left_out}".strip()
        if not detail:
            return ""
        num = _number(detail.get("graded_count"))
        values = {"credits": format_credits(detail.get("credits_counted") or 0),
                  "scale": format_scale(transcript.gpa_scale)}
        if detail.get("level") == "course":
            head = ngettext("Average of %(num)d course grade (%(credits)s ECTS) on the %(scale)s scale.",
                            "Average of %(num)d course grades (%(credits)s ECTS) on the %(scale)s scale.",
                            num, **values)
        else:
            head = ngettext("Average of %(num)d graded result (%(credits)s ECTS) on the %(scale)s scale.",
                            "Average of %(num)d graded results (%(credits)s ECTS) on the %(scale)s scale.",
                            num, **values)
        return f"{head} {left_out}".strip()

    @staticmethod
    def no_credits(transcript: EmrexTranscript) -> str:
        """Why the total is missing."""
        if any(PanelText.unreadable(opp, "credits") for opp in _opportunities(transcript)):
            return _("Credits could not be read from the document")
        return _("No credits were stated for passed results")

    @staticmethod
    def attempt_reason(attempt: EmrexAttempt) -> str:
        """The university's or the check's own words where they say more than our default
        (late and abandoned carry a fixed English text: ours is translated)."""
        if attempt.outcome in ("late", "abandoned"):
            return str(ATTEMPT_REASONS[attempt.outcome])
        return attempt.detail or attempt.return_message or str(ATTEMPT_REASONS.get(attempt.outcome, ""))

    attempt_labels = ATTEMPT_LABELS
    status_labels = STATUS_LABELS


@bp.app_template_filter("emrex_credits")
def _credits_filter(value) -> str:
    return format_credits(value)


@bp.app_template_filter("emrex_gpa")
def _gpa_filter(value) -> str:
    return format_gpa(value)


@bp.app_template_filter("emrex_scale")
def _scale_filter(value) -> str:
    return format_scale(value)


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
            return done(_("EMREX settings saved."), url_for("admin.emrex_settings", kind=kind, owner_id=owner.id),
                        fragment="admin/emrex/_settings_form.html",
                        context=lambda: {"kind": kind, "owner": owner, "settings": services.settings_of(owner),
                                         "templates": services.email_templates(), "error": None, "saved": True})
    context = {"kind": kind, "owner": owner, "settings": services.settings_of(owner),
               "templates": services.email_templates(), "error": error, "saved": False}
    return respond("admin/emrex/_settings_form.html", "admin/emrex/settings.html", context,
                   status=422 if error else 200)


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
