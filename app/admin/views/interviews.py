"""Interviews in the recruiter admin: the card's panel and "Schedule interview…" (create,
then book a time or send the self-scheduling link), booking, cancelling, My interviews and
the user's weekly availability."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from flask import abort, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.accounts.tenancy import current_company_id, get_or_404
from app.admin.blueprint import bp
from app.admin.card import CardAction, render_panel
from app.admin.interview_forms import AvailabilityForm, BookForm, InterviewForm, InterviewPlanForm
from app.applications.models import Application, ApplicationStatus
from app.forms import EmptyForm
from app.htmx import done, respond
from app.interviews import availability, services
from app.interviews.models import InterviewStatus
from app.jobs.models import Job
from app.plugins import plugins
from app.scorecards import queries as scorecard_queries
from app.security import company_user_required
from app.templating import datetime_filter


def _me():
    return current_user._get_current_object()


def _when(form: BookForm) -> datetime | None:
    """The form's date and time, read in the recruiter's zone, as naive UTC."""
    if not form.date.data or not form.time.data:
        return None
    local = datetime.combine(form.date.data, form.time.data).replace(tzinfo=availability.zone_of(_me()))
    return local.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


# ---------------------------------------------------------------- the card

plugins.card_action(CardAction(
    key="interview_new", label=_l("Schedule interview…"), order=40, method="get", dialog=True,
    url=lambda application: url_for("admin.interview_new", application_id=application.id),
    available=lambda application, user: application.job_id is not None
    and application.status == ApplicationStatus.OPEN))


@plugins.card_panel(reads={"interviews.any": services.any_on_card})
def _panel(application: Application, found: dict) -> str | None:
    interviews = services.interviews_of(application) if found["interviews.any"] else []
    if not interviews:
        return None
    return render_panel("admin/interviews/_panel.html", application=application, interviews=interviews,
                        labels=services.STATUS_LABELS, kinds=services.KIND_LABELS,
                        flagged=services.flagged_interviewers, place=services.place_text,
                        book_form=BookForm(formdata=None), form=EmptyForm())


def _at(data: dict) -> str:
    return datetime_filter(datetime.fromisoformat(data["at"])) if data.get("at") else ""


plugins.event_text("interview_created", lambda d: _("Interview created"))
plugins.event_text("interview_booked", lambda d: _("Interview booked for %(when)s", when=_at(d)))
plugins.event_text("interview_booked:candidate", lambda d: _("The candidate booked the interview for %(when)s",
                                                             when=_at(d)))
plugins.event_text("interview_rescheduled", lambda d: _("Interview moved to %(when)s", when=_at(d)))
plugins.event_text("interview_rescheduled:candidate", lambda d: _("The candidate moved the interview to %(when)s",
                                                                  when=_at(d)))
plugins.event_text("interview_cancelled", lambda d: _("Interview cancelled"))
plugins.event_text("interview_cancelled:candidate", lambda d: _("The candidate cancelled the interview"))
plugins.event_text("interview_link_sent", lambda d: _("Scheduling link sent to the candidate"))


def _new_page(application: Application, form: InterviewForm, error: str | None = None, status: int = 200):
    context = {"application": application, "form": form, "error": error,
               "zone": availability.zone_of(_me()).key}
    return respond("admin/interviews/_new_dialog.html", "admin/interviews/new.html", context, status=status)


@bp.route("/applications/<int:application_id>/interviews/new", methods=["GET", "POST"])
@company_user_required
def interview_new(application_id: int):
    application = get_or_404(Application, application_id)
    form = InterviewForm()
    form.interviewers.choices = [(u.id, u.name) for u in services.team(application.company_id)]
    if request.method == "GET":
        form.interviewers.data = [current_user.id]
        return _new_page(application, form)
    if not form.validate_on_submit():
        return _new_page(application, form, status=422)
    when = _when(form)
    if form.then.data == "time" and when is None:
        return _new_page(application, form, error=services.InterviewError("bad_time").message, status=422)
    try:
        interview = services.create(application, _me(), kind=form.kind.data, duration_minutes=form.duration.data,
                                    interviewer_ids=form.interviewers.data, location=form.location.data or "")
        if form.then.data == "time":
            try:
                services.book(interview, when, actor=_me())
            except services.InterviewError as exc:
                return redirect_with(application, str(exc), "error")
            message = _("Interview booked. Invitations with a calendar file are on their way.")
        elif form.then.data == "link":
            services.send_link(interview, _me())
            message = _("Interview created. The candidate gets a link to choose a time.")
        else:
            message = _("Interview created.")
    except services.InterviewError as exc:
        return _new_page(application, form, error=str(exc), status=422)
    return redirect_with(application, message)


def redirect_with(application: Application, message: str, level: str = "success"):
    return done(message, url_for("admin.application", application_id=application.id), level=level, code=303)


def _interview(interview_id: int):
    return services.get(current_company_id(), interview_id) or abort(404)


@bp.post("/interviews/<int:interview_id>/book")
@company_user_required
def interview_book(interview_id: int):
    interview = _interview(interview_id)
    form = BookForm()
    if not form.validate_on_submit() or _when(form) is None:
        return redirect_with(interview.application, services.InterviewError("bad_time").message, "error")
    try:
        services.book(interview, _when(form), actor=_me())
    except services.InterviewError as exc:
        return redirect_with(interview.application, str(exc), "error")
    return redirect_with(interview.application, _("Interview booked. Invitations with a calendar file are on their way."))


@bp.post("/interviews/<int:interview_id>/link")
@company_user_required
def interview_link(interview_id: int):
    interview = _interview(interview_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        services.send_link(interview, _me())
    except services.InterviewError as exc:
        return redirect_with(interview.application, str(exc), "error")
    return redirect_with(interview.application, _("The candidate gets a link to choose a time."))


@bp.post("/interviews/<int:interview_id>/cancel")
@company_user_required
def interview_cancel(interview_id: int):
    interview = _interview(interview_id)
    if not EmptyForm().validate_on_submit():
        abort(400)
    was_booked = interview.status == InterviewStatus.BOOKED
    services.cancel(interview, actor=_me())
    return redirect_with(interview.application, _("Interview cancelled. Everyone gets a calendar update.")
                         if was_booked else _("Interview cancelled."))


# ---------------------------------------------------------------- the user's own pages

@bp.get("/interviews/mine")
@company_user_required
def my_interviews():
    interviews = services.upcoming_for(current_user.id)
    to_fill = scorecard_queries.to_fill(current_user.id)  # asked or drafted, not yet submitted
    return render_template("admin/interviews/mine.html", interviews=interviews, kinds=services.KIND_LABELS,
                           to_fill=to_fill, pending={c.interview_id for c in to_fill if c.interview_id},
                           place=services.place_text, flagged=services.flagged_interviewers,
                           has_hours=bool(getattr(availability.availability_of(current_user.id), "weekly", None)))


@bp.route("/account/availability", methods=["GET", "POST"])
@company_user_required
def availability_page():
    form = AvailabilityForm()
    error = None
    if request.method == "GET":
        row = availability.availability_of(current_user.id)
        for day, f in enumerate(form.days()):
            f.data = ", ".join(f"{a}-{b}" for a, b in (row.weekly.get(str(day), []) if row else []))
        form.blocked.data = "\n".join(f"{a.replace('T', ' ')} - {b.replace('T', ' ')}"
                                      for a, b in (row.blocked if row else []))
    elif form.validate_on_submit():
        try:
            availability.save(_me(), {day: f.data or "" for day, f in enumerate(form.days())}, form.blocked.data or "")
        except availability.AvailabilityError as exc:
            error = str(exc)
        else:
            return done(_("Availability saved."), url_for("admin.availability_page"), code=303)
    return render_template("admin/interviews/availability.html", form=form, error=error,
                           zone=availability.zone_of(_me()).key), 422 if error else 200


# ---------------------------------------------------------------- the job's automation

@plugins.settings_link
def _plan_link(kind: str, owner) -> list:
    if kind != "job":
        return []
    return [(_("Interview scheduling"), url_for("admin.interview_plan", job_id=owner.id))]


plugins.event_text("interview_created:automation", lambda d: _("Interview created by the job's interview scheduling"))


@bp.route("/jobs/<int:job_id>/interview-scheduling", methods=["GET", "POST"])
@company_user_required
def interview_plan(job_id: int):
    job = get_or_404(Job, job_id)
    plan = services.plan_of(job.id)
    form = InterviewPlanForm()
    form.stage.choices = [(None, _("— no automation —"))] + [(s.id, s.name) for s in job.stages]
    form.interviewers.choices = [(u.id, u.name) for u in services.team(job.company_id)]
    error = None
    if request.method == "GET" and plan is not None:
        form.stage.data, form.kind.data, form.duration.data = plan.stage_id, plan.kind, plan.duration_minutes
        form.interviewers.data, form.location.data, form.is_active.data = plan.interviewer_ids, plan.location, \
            plan.is_active
    elif form.validate_on_submit():
        try:
            services.save_plan(job, stage_id=form.stage.data, kind=form.kind.data, duration_minutes=form.duration.data,
                               interviewer_ids=form.interviewers.data or [], location=form.location.data or "",
                               is_active=form.is_active.data)
        except services.InterviewError as exc:
            error = str(exc)
        else:
            return done(_("Interview scheduling saved."), url_for("admin.interview_plan", job_id=job.id), code=303)
    failed = bool(error or form.errors)
    return render_template("admin/interviews/plan.html", job=job, form=form, error=error), 422 if failed else 200
