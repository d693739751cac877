"""Reads of EMREX rows for the screens: the card's panel, the per-job funnel, the staff
registry page (no writes, no commits). Each is a fixed number of queries."""

from __future__ import annotations

from sqlalchemy import exists, func, select
from sqlalchemy.orm import selectinload

from app.accounts.models import Company
from app.applications.models import Application
from app.emrex.models import (
    EmrexAttachment,
    EmrexAttempt,
    EmrexContactPoint,
    EmrexCountry,
    EmrexRegistrySync,
    EmrexRequest,
    EmrexRequestEvent,
    EmrexTranscript,
)
from app.extensions import db


def enabled_for(company_id: int) -> bool:
    """Staff have switched EMREX on for this company."""
    company = db.session.get(Company, company_id)
    return bool(company and company.emrex_enabled)


def requests_on_card():
    """The card's read (app/plugins.py ``card_panel``): the application has EMREX requests."""
    return exists().where(EmrexRequest.application_id == Application.id, EmrexRequest.company_id == Application.company_id)


def transcripts_on_card():
    """The card's read: the application has transcripts."""
    return exists().where(EmrexTranscript.application_id == Application.id,
                          EmrexTranscript.company_id == Application.company_id)


def newest_request(application: Application) -> EmrexRequest | None:
    """The application's newest request, with its events."""
    return db.session.scalar(select(EmrexRequest).where(
        EmrexRequest.application_id == application.id, EmrexRequest.company_id == application.company_id)
        .order_by(EmrexRequest.id.desc()).limit(1).options(selectinload(EmrexRequest.events)))


def transcripts_of(application: Application) -> list[EmrexTranscript]:
    """The application's transcripts, newest first, with their attachments and reviewer."""
    return list(db.session.scalars(select(EmrexTranscript).where(
        EmrexTranscript.application_id == application.id, EmrexTranscript.company_id == application.company_id)
        .options(selectinload(EmrexTranscript.attachments).selectinload(EmrexAttachment.file),
                 selectinload(EmrexTranscript.reviewed_by))
        .order_by(EmrexTranscript.id.desc())))


def newest_attempt(request_id: int) -> EmrexAttempt | None:
    return db.session.scalar(select(EmrexAttempt).where(EmrexAttempt.request_id == request_id)
                             .order_by(EmrexAttempt.id.desc()).limit(1))


def request_by_id(request_id: int | None) -> EmrexRequest | None:
    return db.session.get(EmrexRequest, request_id) if request_id else None


def funnel_rows(job_id: int, company_id: int) -> dict[str, tuple[int, int]]:
    """Per event kind of the job's requests: (requests that had it, times it happened)."""
    stmt = (select(EmrexRequestEvent.kind, func.count(func.distinct(EmrexRequestEvent.request_id)),
                   func.count(EmrexRequestEvent.id))
            .join(EmrexRequest, EmrexRequest.id == EmrexRequestEvent.request_id)
            .join(Application, Application.id == EmrexRequest.application_id)
            .where(Application.job_id == job_id, Application.company_id == company_id)
            .group_by(EmrexRequestEvent.kind))
    return {kind: (distinct, total) for kind, distinct, total in db.session.execute(stmt)}


def registry() -> tuple[list[EmrexContactPoint], dict[str, EmrexCountry], list[EmrexRegistrySync]]:
    """The staff registry page: contact points, countries by code, the last five syncs."""
    points = list(db.session.scalars(select(EmrexContactPoint).order_by(EmrexContactPoint.country_code,
                                                                        EmrexContactPoint.url)))
    countries = {c.code: c for c in db.session.scalars(select(EmrexCountry))}
    syncs = list(db.session.scalars(select(EmrexRegistrySync).order_by(EmrexRegistrySync.id.desc()).limit(5)))
    return points, countries, syncs
