"""Candidate pages of EMREX: the invite link, the country → university picker, the hand-off
to the university, the return endpoint and the opt-out. No login; usable without JS."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import date

from flask import abort, current_app, redirect, render_template, request, session, url_for
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _

from app.clock import utcnow
from app.emrex import queries, services
from app.emrex.models import EmrexRequest, EmrexRequestStatus
from app.errors import http_error
from app.extensions import csrf, kept
from app.portal.blueprint import bp
from app.security import public

SESSION_KEY = "emrex"
PORTAL_SESSION_SECONDS = 60 * 60


def _bound_any() -> EmrexRequest | None:
    """The request this browser opened with its invite link (a short portal session),
    whatever its state."""
    bound = session.get(SESSION_KEY) or {}
    if not bound or utcnow().timestamp() - bound.get("at", 0) > PORTAL_SESSION_SECONDS:
        return None
    return queries.request_by_id(bound.get("rid"))


def _bound_request() -> EmrexRequest | None:
    """The open request this browser opened with its invite link."""
    emrex_request = _bound_any()
    return emrex_request if emrex_request is not None and emrex_request.is_open else None


def _reopen_pending(emrex_request: EmrexRequest) -> bool:
    """This browser pressed "Share my records after all" and is being asked "Is this you?"."""
    bound = session.get(SESSION_KEY) or {}
    return (bound.get("rid") == emrex_request.id and bound.get("reopen") is True
            and emrex_request.status == EmrexRequestStatus.CANCELLED)


def _adopt_candidate_locale(emrex_request: EmrexRequest) -> None:
    """The invite link is opened from an email, often in a browser that never chose a
    language: the pages then speak the language the candidate applied in (the email's)."""
    languages = current_app.config["LANGUAGES"]
    if request.args.get("lang") in languages or session.get("lang") in languages:
        return
    locale = emrex_request.application.candidate.locale
    if locale in languages:
        session["lang"] = locale


def _ended(emrex_request: EmrexRequest, state: services.LinkState):
    """The page an invite link shows after its request ended. It tells no more than the
    picker already shows anyone holding the link (company, job, masked name): no
    institution, no grades, nothing from the records."""
    context = _context(emrex_request)
    if state == services.LinkState.COMPLETED:
        received = emrex_request.finished_at or utcnow()
        return render_template("portal/emrex/received.html", received=received, **context)
    if state == services.LinkState.CANCELLED:
        return render_template("portal/emrex/declined.html", can_reopen=services.can_reopen(emrex_request),
                               superseded=services.newer_request(emrex_request) is not None, **context)
    return render_template("portal/emrex/expired.html", **context)


def _confirmed(emrex_request: EmrexRequest) -> bool:
    """Did the person in this browser say the request is for them? (A forwarded link must
    not take anyone to their university without that answer.)"""
    bound = session.get(SESSION_KEY) or {}
    return bound.get("rid") == emrex_request.id and bound.get("me") is True


def _context(emrex_request: EmrexRequest) -> dict:
    application = emrex_request.application
    return {"emrex_request": emrex_request, "application": application, "company": application.job.company,
            "job": application.job, "applicant": services.applicant_label(emrex_request),
            "confirmed": _confirmed(emrex_request)}


def _picker(emrex_request: EmrexRequest, code: str, error: str | None = None, status: int = 200):
    context = _context(emrex_request)
    countries = services.countries()
    code = (code or "").upper()[:8]
    chosen = next((c for c in countries if c.code == code), None) if context["confirmed"] else None
    choices = services.choices_for(chosen.code) if chosen else []
    return render_template("portal/emrex/picker.html", countries=countries, chosen=chosen, choices=choices,
                           error=error, **context), status


@bp.get("/emrex/r/<token>")
@public
def emrex_token(token: str):
    """Every known link binds the browser and leaves the address bar (303); the picker's
    address then shows the picker, or how the request ended (received, declined, expired)."""
    emrex_request = services.find_link(token)
    if emrex_request is None:
        abort(404)
    _adopt_candidate_locale(emrex_request)
    if services.link_state(emrex_request) == services.LinkState.OPEN:
        services.mark_opened(emrex_request)
    bound = session.get(SESSION_KEY) or {}
    again = bound.get("rid") == emrex_request.id and bound.get("me") is True  # this browser said "me" already
    session[SESSION_KEY] = {"rid": emrex_request.id, "at": utcnow().timestamp(), **({"me": True} if again else {})}
    return redirect(url_for("portal.emrex_picker"), code=303)


@bp.get("/emrex/request")
@public
def emrex_picker():
    emrex_request = _bound_any()
    if emrex_request is None:
        return render_template("portal/emrex/no_session.html"), 404
    state = services.link_state(emrex_request)
    if state != services.LinkState.OPEN and not _reopen_pending(emrex_request):
        return _ended(emrex_request, state)
    return _picker(emrex_request, request.args.get("country"))


@bp.post("/emrex/reopen")
@public
def emrex_reopen():
    """ "Share my records after all", after an opt-out. The request is reopened only by
    someone who said "Yes, this is me" for it in this browser: otherwise the picker asks
    that first, and the answer reopens it (a stranger with a forwarded link gets no
    further than anyone else holding it)."""
    emrex_request = _bound_any()
    if emrex_request is None:
        return render_template("portal/emrex/no_session.html"), 404
    if emrex_request.is_open:  # a second click or another tab
        return redirect(url_for("portal.emrex_picker"), code=303)
    if not services.can_reopen(emrex_request):
        return _ended(emrex_request, services.link_state(emrex_request))
    if _confirmed(emrex_request):
        services.reopen(emrex_request)
    else:
        session[SESSION_KEY] = {**session[SESSION_KEY], "reopen": True}
    return redirect(url_for("portal.emrex_picker"), code=303)


@bp.post("/emrex/confirm")
@public
def emrex_confirm():
    """The answer to "Is this you?". Yes: remembered for this browser, and the picker opens.
    No: this browser lets go of the link and is told to ask for an own link; nothing is
    written (a stranger saying no must not change the applicant's request). After
    "Share my records after all" the yes is what reopens the request."""
    emrex_request = _bound_any()
    if emrex_request is None:
        return render_template("portal/emrex/no_session.html"), 404
    reopening = _reopen_pending(emrex_request)
    state = services.link_state(emrex_request)
    if state != services.LinkState.OPEN and not reopening:
        return _ended(emrex_request, state)
    answer = request.form.get("answer")
    if answer == "not_me":
        session.pop(SESSION_KEY, None)
        session["emrex_not_me"] = emrex_request.application.job.company.name
        return redirect(url_for("portal.emrex_not_me"), code=303)
    if answer != "me":
        return _picker(emrex_request, "", _("Please tell us whether this request is for you."), 400)
    if reopening:
        try:
            services.reopen(emrex_request)
        except services.EmrexError:
            return _ended(emrex_request, services.link_state(emrex_request))
    if not _confirmed(emrex_request):
        services.confirm_identity(emrex_request)
    session[SESSION_KEY] = {**{k: v for k, v in session[SESSION_KEY].items() if k != "reopen"}, "me": True}
    return redirect(url_for("portal.emrex_picker"), code=303)


@bp.get("/emrex/not-me")
@public
def emrex_not_me():
    return render_template("portal/emrex/not_me.html", company_name=session.get("emrex_not_me"))


@bp.post("/emrex/go")
@public
def emrex_go():
    emrex_request = _bound_request()
    if emrex_request is None:
        return render_template("portal/emrex/no_session.html"), 404
    if services.link_state(emrex_request) != services.LinkState.OPEN:  # expired, before the sweeper got to it
        return _ended(emrex_request, services.link_state(emrex_request))
    if not _confirmed(emrex_request):
        return _picker(emrex_request, "", _("Please confirm first that this request is for you."), 400)
    point_id = request.form.get("contact_point", type=int)
    raw_birth = (request.form.get("birth_date") or "").strip()
    error = None
    birth = None
    if raw_birth:
        try:
            birth = date.fromisoformat(raw_birth)
            if not date(1900, 1, 1) <= birth <= date.today():
                raise ValueError
        except ValueError:
            error = _("Please give your birth date as a date (YYYY-MM-DD).")
    if point_id is None:
        error = _("Please pick your university.")
    if error is None:
        try:
            attempt = services.start_attempt(emrex_request, point_id, birth)
        except services.EmrexError:
            error = _("Please pick your university from the list.")
    if error is not None:
        return _picker(emrex_request, request.form.get("country"), error, 400)
    return render_template("portal/emrex/handoff.html", attempt=attempt,
                           return_url=services.return_url(attempt.session_id), **_context(emrex_request))


def _result_page(outcome: services.ReturnOutcome, status: int):
    """The return's answer, branded and in the candidate's language when the attempt is
    known (the return is cross-site: no cookie, so no chosen language, comes with it).

    The page holds nothing of the candidate or the transcript: every import of a company's
    candidates in one language shows the same page, so a page once rendered is kept by
    everything it shows (``_result_key``) and served again (issue 15: rendering the portal
    layout was 6–7% of a return's CPU). A page with flashed messages is rendered each time."""
    company = outcome.request.application.job.company if outcome.request is not None else None
    can_retry = outcome.request is not None and outcome.request.is_open
    languages = current_app.config["LANGUAGES"]
    locale = outcome.request.application.candidate.locale if outcome.request is not None else None
    if locale not in languages or request.args.get("lang") in languages:
        locale = None
    with force_locale(locale) if locale else nullcontext():
        def render() -> str:
            return render_template("portal/emrex/result.html", outcome=outcome, company=company, can_retry=can_retry)

        if "_flashes" in session:
            return render(), status
        return kept(_RESULT_PAGES, _result_key(outcome, company, can_retry), render, _RESULT_PAGES_MAX), status


#: Where the app keeps ``_result_page``'s pages by ``_result_key`` (a few per company and
#: language), and how many at most.
_RESULT_PAGES = "haku.emrex_result_pages"
_RESULT_PAGES_MAX = 512


def _result_key(outcome: services.ReturnOutcome, company, can_retry: bool) -> tuple:
    """Everything the result page shows: the outcome's kind, message and reason, whether it
    offers a retry, the company's name and branding (its public version changes with its logo
    and colours), the page's language and the app's mount point (its links)."""
    brand = None if company is None else (company.slug, company.name, company.brand_colour, company.public_version,
                                          company.logo_type)
    return (outcome.kind, outcome.message, outcome.reason, can_retry, brand, str(get_locale()), request.script_root)


@bp.errorhandler(413)
@bp.errorhandler(415)
def _refused(exc):
    """The portal's 413/415: the EMREX return answers its own page (below); every other
    portal route answers as the rest of the app does."""
    if request.endpoint == "portal.emrex_return":
        return refused_return(exc.code)
    return http_error(exc)


def refused_return(code: int):
    """A return refused before its body is read: 413 (over EMREX_RETURN_MAX_BYTES, refused
    in app/request_limits.py) or 415. The attempt is named by the return address's ``s``
    and closed at once, with a page that says how to try again."""
    reason = "too_large" if code == 413 else "content_type"
    outcome = services.refuse_return(request.args.get("s"), reason)
    return _result_page(outcome, code)


@bp.post("/emrex/return")
@public
@csrf.exempt
def emrex_return():
    """The university's page posts the browser back here, cross-site: no cookie is read;
    the attempt is found by ``sessionId`` in the database alone (and, when the return
    address carries it, by ``s`` too, which must agree)."""
    # Body capped at EMREX_RETURN_MAX_BYTES, form memory raised to match: app/request_limits.py
    if request.mimetype not in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return refused_return(415)
    form = request.form
    outcome = services.handle_return(form.get("sessionId"), form.get("returnCode"), form.get("returnMessage"),
                                     form.get("elmo"), url_session_id=request.args.get("s"))
    status = 200 if outcome.kind in ("imported", "cancelled", "no_results", "error") else 400
    return _result_page(outcome, status)


@bp.route("/emrex/opt-out", methods=["GET", "POST"])
@public
def emrex_opt_out():
    emrex_request = _bound_request()
    if emrex_request is None:
        done = session.get("emrex_opted_out")
        if done:
            return render_template("portal/emrex/opted_out.html", company_name=done)
        return render_template("portal/emrex/no_session.html"), 404
    if not _confirmed(emrex_request):  # only the applicant may decline for their application
        return redirect(url_for("portal.emrex_picker"), code=303)
    if request.method == "POST":
        company_name = emrex_request.application.job.company.name
        services.opt_out(emrex_request)
        session.pop(SESSION_KEY, None)
        session["emrex_opted_out"] = company_name
        return redirect(url_for("portal.emrex_opt_out"), code=303)
    return render_template("portal/emrex/opt_out.html", **_context(emrex_request))
