"""EMREX, the candidate's side: the invite link's states, the choice of country and
university, the hand-off to it, and opting out."""

from __future__ import annotations

import enum
import secrets
from dataclasses import dataclass
from datetime import date

from flask import current_app
from sqlalchemy import select

from app.applications import services as applications
from app.clock import utcnow
from app.emrex.models import (
    EmrexAttempt,
    EmrexContactPoint,
    EmrexCountry,
    EmrexRequest,
    EmrexRequestStatus,
    EmrexSummaryStatus,
)
from app.emrex.services.common import EmrexError
from app.emrex.services.invites import _event, _hash, _summary
from app.extensions import db
from app.links import external_url

# ---------------------------------------------------------------- the candidate's side

def find_link(token: str) -> EmrexRequest | None:
    """The request of an invite token, whatever its state (the link keeps answering after
    the request ends, with a page saying how it ended); unknown tokens are None."""
    if not token or len(token) > 200:
        return None
    return db.session.scalar(select(EmrexRequest).where(EmrexRequest.token_hash == _hash(token)))


def find_by_token(token: str) -> EmrexRequest | None:
    """The open request of an invite token; unknown, foreign or terminal tokens are None."""
    request = find_link(token)
    return request if request is not None and request.is_open else None


class LinkState(enum.StrEnum):
    """What an invite link leads to: the picker, or a page saying how the request ended."""

    OPEN = "open"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


def link_state(request: EmrexRequest) -> LinkState:
    """An open request past its ``expires_at`` is expired already, before the sweeper gets
    to it; a cancelled one keeps saying "you chose not to share" after that date (the
    change of mind is what it can no longer offer)."""
    if request.status == EmrexRequestStatus.COMPLETED:
        return LinkState.COMPLETED
    if request.status == EmrexRequestStatus.CANCELLED:
        return LinkState.CANCELLED
    if request.status == EmrexRequestStatus.EXPIRED or (request.expires_at is not None
                                                        and request.expires_at <= utcnow()):
        return LinkState.EXPIRED
    return LinkState.OPEN


def newer_request(request: EmrexRequest) -> EmrexRequest | None:
    """A later request for the same application (the recruiter asked again after an
    opt-out): the old link then points the candidate to the newer email."""
    return db.session.scalar(select(EmrexRequest).where(
        EmrexRequest.application_id == request.application_id, EmrexRequest.id > request.id)
        .order_by(EmrexRequest.id.desc()).limit(1))


def can_reopen(request: EmrexRequest) -> bool:
    """An opt-out can be taken back while the request's 44 days last and no newer request
    was sent."""
    return (request.status == EmrexRequestStatus.CANCELLED and request.expires_at is not None
            and request.expires_at > utcnow()
            and newer_request(request) is None)


def reopen(request: EmrexRequest) -> None:
    """The candidate changed their mind after opting out: the request is open again
    (``opened``), as if they had just opened the link. Reminders stay off; the recruiter
    sees it on the card. Only called after the person said the request is for them."""
    if request.status != EmrexRequestStatus.CANCELLED:
        if request.is_open:
            return  # a second click, or another tab: already open
        raise EmrexError("closed")
    if not can_reopen(request):
        raise EmrexError("no_reopen")
    request.status, request.finished_at, request.next_reminder_at = EmrexRequestStatus.OPENED, None, None
    request.opened_at = request.opened_at or utcnow()
    _event(request, "reopened")
    _summary(request.application, status=EmrexSummaryStatus.OPENED)
    applications.add_event(request.application, "emrex_reopened")
    db.session.commit()


def mark_opened(request: EmrexRequest) -> None:
    if request.opened_at is None:
        request.opened_at = utcnow()
        _event(request, "opened")
    if request.status == EmrexRequestStatus.SENT:
        request.status = EmrexRequestStatus.OPENED
        _summary(request.application, status=EmrexSummaryStatus.OPENED)
    db.session.commit()


def applicant_label(request: EmrexRequest) -> str:
    """Whom the request is for, masked for whoever holds the link (a forwarded invite must
    not show the applicant's name). A name kept whole (TopCV, family name first) is masked
    in its own order; other Vietnamese names are shown family name first."""
    from app.emrex.identity import mask_name

    candidate = request.application.candidate
    if candidate.display_name:
        return mask_name(*candidate.display_name.split())
    if candidate.locale == "vi":
        return mask_name(candidate.family_name, candidate.given_names)
    return mask_name(candidate.given_names, candidate.family_name)


def confirm_identity(request: EmrexRequest) -> None:
    """The person with the link said the request is for them: kept in the request's
    history (if the records then do not match, the recruiter sees that it was confirmed)."""
    if not request.is_open:
        raise EmrexError("closed")
    _event(request, "confirmed")
    db.session.commit()


def countries() -> list[EmrexCountry]:
    used = {code for (code,) in db.session.execute(
        select(EmrexContactPoint.country_code).where(EmrexContactPoint.is_active.is_(True)).distinct())}
    rows = db.session.scalars(select(EmrexCountry).where(EmrexCountry.code.in_(used))).all()
    return sorted(rows, key=lambda c: c.name)


@dataclass
class Choice:
    """One line of the university picker: a contact point and the name shown for it."""

    contact_point_id: int
    label: str


def choices_for(country_code: str) -> list[Choice]:
    """The universities of a country. With ``singleFetch`` one contact point serves one
    institution: show the first institution of each (PROTOCOL §2a)."""
    country = db.session.get(EmrexCountry, country_code)
    points = db.session.scalars(select(EmrexContactPoint).where(
        EmrexContactPoint.country_code == country_code, EmrexContactPoint.is_active.is_(True))).all()
    out = []
    for point in points:
        names = point.institutions or [point.display_name]
        if country is not None and country.single_fetch:
            names = names[:1]
        label = point.name or ", ".join(n for n in names if n and n.lower() != "all") or point.acronym or point.url
        out.append(Choice(point.id, label))
    return sorted(out, key=lambda c: c.label.lower())


def start_attempt(request: EmrexRequest, contact_point_id: int, birth_date: date | None) -> EmrexAttempt:
    """The hand-off: a fresh single-use ``sessionId`` bound to this contact point and its
    registry certificates. The target URL comes from the stored registry only."""
    if not request.is_open:
        raise EmrexError("closed")
    point = db.session.get(EmrexContactPoint, contact_point_id)
    if point is None or not point.is_active:
        raise EmrexError("bad_university")
    if not point.url.startswith("https://") and not current_app.config["EMREX_ALLOW_HTTP_RETURN"]:
        raise EmrexError("insecure_contact")
    if birth_date is not None:
        request.stated_birth_date = birth_date
    attempt = EmrexAttempt(company_id=request.company_id, request_id=request.id, contact_point_id=point.id,
                           emp_url=point.url, emp_name=point.display_name, certificates=list(point.certificates),
                           session_id=secrets.token_hex(16))
    db.session.add(attempt)
    request.status = EmrexRequestStatus.IN_PROGRESS
    _event(request, "handed_off", point.display_name)
    _summary(request.application, status=EmrexSummaryStatus.IN_PROGRESS)
    db.session.commit()
    return attempt


def return_url(session_id: str | None = None) -> str:
    """Where the contact point posts the browser back. With the attempt's ``sessionId`` in
    the query (``/emrex/return?s=…``) a return refused before its body is read (too large,
    wrong content type) still names its attempt; a hex id passes XSS filters untouched."""
    if session_id is None:
        return external_url("portal.emrex_return")
    return external_url("portal.emrex_return", s=session_id)


# ---------------------------------------------------------------- opt-out

def opt_out(request: EmrexRequest) -> None:
    """Idempotent: the request is cancelled and no more reminders go. The token stays: the
    link then says the candidate chose not to share, and lets them change their mind
    (``reopen``) while the request's 44 days last."""
    if request.status == EmrexRequestStatus.CANCELLED:
        return
    if not request.is_open:
        raise EmrexError("already_closed")
    request.status, request.finished_at, request.next_reminder_at = EmrexRequestStatus.CANCELLED, utcnow(), None
    request.stated_birth_date = None
    _event(request, "opted_out")
    _summary(request.application, status=EmrexSummaryStatus.CANCELLED)
    applications.add_event(request.application, "emrex_opted_out")
    db.session.commit()
