"""The row scopes of app/accounts/access.py for the tables of jobs and applications: what a
hiring manager (their teams' jobs) and an interviewer (the applications they are asked to
review) see. Registered at import (``app/applications/hooks.py``); ``tenancy.scoped`` and
the lists apply them."""

from __future__ import annotations

from sqlalchemy import false, select

from app.accounts.access import Reach, reviewable_application_ids, row_scope
from app.applications.models import Application, ApplicationReviewer, Candidate, TimelineEvent
from app.jobs.models import Job, job_team
from app.plugins import plugins


def _team_job_ids(user):
    return select(job_team.c.job_id).where(job_team.c.user_id == user.id).union(
        select(Job.id).where(Job.owner_id == user.id, Job.company_id == user.company_id))


def _reviewed_ids(user):
    ids = reviewable_application_ids(user.id)
    return ids


@row_scope("jobs")
def _jobs(user, reach):
    if reach == Reach.TEAM:
        return Job.id.in_(_team_job_ids(user))
    ids = _reviewed_ids(user)
    if ids is None:
        return false()
    return Job.id.in_(select(Application.job_id).where(Application.id.in_(ids)))


@row_scope("applications")
def _applications(user, reach):
    if reach == Reach.TEAM:
        return Application.job_id.in_(_team_job_ids(user))
    ids = _reviewed_ids(user)
    return false() if ids is None else Application.id.in_(ids)


@row_scope("candidates")
def _candidates(user, reach):
    return Candidate.id.in_(select(Application.candidate_id).where(
        Application.company_id == user.company_id, _applications(user, reach)))


@row_scope("timeline_events")
def _events(user, reach):
    return TimelineEvent.application_id.in_(select(Application.id).where(
        Application.company_id == user.company_id, _applications(user, reach)))


@plugins.interviewer_source
def asked_to_review(user_id: int):
    """The first interviewer source: "Ask to review…" on the card."""
    return select(ApplicationReviewer.application_id).where(ApplicationReviewer.user_id == user_id)




def visible_application_ids(user, reach):
    """The ids of the applications ``user`` may see: for a feature's own rows that hang off
    an application (``row_scope`` of its table, e.g. EMREX transcripts)."""
    return select(Application.id).where(Application.company_id == user.company_id, _applications(user, reach))
