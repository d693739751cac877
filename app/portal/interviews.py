"""The candidate's interview scheduling page (the self-scheduling link): free times in the
candidate's language and time zone, booking, rescheduling and cancelling until the cut-off.
No login; works without JS (the zone is a select defaulting to the company's; a small
script, ``static/js/interview-tz.js``, pre-selects the browser's zone)."""

from __future__ import annotations

from datetime import datetime
from itertools import groupby
from zoneinfo import ZoneInfo

from flask import current_app, redirect, render_template, request, session, url_for
from flask_babel import get_locale

from app.interviews import services
from app.interviews.models import Interview, InterviewStatus
from app.portal.blueprint import bp
from app.security import public

#: The zones the select offers (plus the company's and the one in use).
COMMON_ZONES = ("Europe/Helsinki", "Europe/Stockholm", "Europe/Tallinn", "Europe/Oslo", "Europe/Copenhagen",
                "Europe/Berlin", "Europe/Paris", "Europe/Madrid", "Europe/London", "Europe/Lisbon", "Europe/Warsaw",
                "Europe/Kyiv", "Europe/Istanbul", "Asia/Ho_Chi_Minh", "Asia/Bangkok", "Asia/Singapore",
                "Asia/Tokyo", "Asia/Kolkata", "Asia/Dubai", "Australia/Sydney", "America/New_York",
                "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Sao_Paulo", "UTC")


def _adopt_candidate_locale(interview: Interview) -> None:
    languages = current_app.config["LANGUAGES"]
    if request.args.get("lang") in languages or session.get("lang") in languages:
        return
    locale = interview.application.candidate.locale
    if locale in languages:
        session["lang"] = locale


def _zone(interview: Interview) -> str:
    fallback = interview.candidate_timezone or services.company_zone(interview.company_id)
    return services.zone_name(request.values.get("tz"), fallback)


def _gone(error: services.LinkError):
    return render_template("portal/interviews/gone.html", error=error), error.status


def _page(token: str, interview: Interview, error: str | None = None, status: int = 200, change: bool = False):
    zone = _zone(interview)
    tz = ZoneInfo(zone)
    locale = str(get_locale() or "en")
    booked = interview.status == InterviewStatus.BOOKED
    can_change = services.can_change(interview)
    days = []
    if not booked or (change and can_change):
        local = [(s, s.replace(tzinfo=ZoneInfo("UTC")).astimezone(tz)) for s in services.open_slots(interview)]
        days = [(day, list(group)) for day, group in groupby(local, key=lambda pair: pair[1].date())]
    application = interview.application
    zones = sorted(set(COMMON_ZONES) | {zone, services.company_zone(interview.company_id)})
    return render_template(
        "portal/interviews/slots.html", token=token, interview=interview, application=application,
        company=application.job.company, job=application.job, zone=zone, zones=zones, days=days, booked=booked,
        change=change, can_change=can_change, error=error, locale=locale,
        when=services.when_text(interview.starts_at, zone, locale) if booked else None,
        place=services.place_text(interview), kind=services.KIND_LABELS.get(interview.kind, interview.kind),
        cutoff_hours=int(services.CANDIDATE_CUTOFF.total_seconds() // 3600)), status


@bp.get("/interview/<token>")
@public
def interview_slots(token: str):
    try:
        interview = services.by_token(token)
    except services.LinkError as exc:
        return _gone(exc)
    _adopt_candidate_locale(interview)
    return _page(token, interview, change=request.args.get("change") == "1")


@bp.post("/interview/<token>")
@public
def interview_book(token: str):
    try:
        interview = services.by_token(token)
    except services.LinkError as exc:
        return _gone(exc)
    try:
        start = datetime.fromisoformat(request.form.get("start", ""))
    except ValueError:
        return _page(token, interview, error=services.InterviewError("bad_time").message, status=422)
    try:
        services.book_by_candidate(token, start.replace(tzinfo=None), _zone(interview))
    except services.InterviewError as exc:
        return _page(token, interview, error=exc.message, status=409, change=True)
    except services.LinkError as exc:
        return _gone(exc)
    return redirect(url_for("portal.interview_slots", token=token, tz=_zone(interview), booked=1), code=303)


@bp.post("/interview/<token>/cancel")
@public
def interview_cancel(token: str):
    try:
        services.cancel_by_candidate(token)
    except services.LinkError as exc:
        return _gone(exc)
    except services.InterviewError as exc:
        return _page(token, services.by_token(token), error=exc.message, status=409)
    return render_template("portal/interviews/cancelled.html"), 200
