"""Asking for, saving and submitting scorecards; the per-application summary row.

Every write here is one transaction the function commits (views stay thin). A scorecard is
one per (application, author, interview): asking twice, saving twice or submitting twice
finds the same row. Submitting is final, except that its author may still correct it for
``EDIT_HOURS`` (a typo found after pressing the button); after that it is locked.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from app.accounts.models import User
from app.applications.models import Application
from app.audit import actor_of, record
from app.clock import utcnow
from app.extensions import db
from app.links import path_for
from app.problems import Problem
from app.scorecards.definitions import attributes_of
from app.scorecards.models import SCALE, Recommendation, Scorecard, ScorecardStatus, ScorecardSummary

#: How long the author may still correct a submitted scorecard.
EDIT_HOURS = 24
MAX_NOTES = 10_000
#: What anonymisation leaves of a person (``app.privacy.services.common.ERASED_GIVEN``/``_FAMILY``;
#: this feature sits below privacy, so tests/scorecards check the two stay equal).
ERASED_NAME = ("Erased", "candidate")


class ScorecardError(Problem):
    messages = {
        "unknown_attribute": _l("This scorecard has no attribute “%(attribute)s”."),
        "out_of_scale": _l("Ratings go from 1 to 4."),
        "unknown_recommendation": _l("Choose one of the recommendations."),
        "no_recommendation": _l("Choose an overall recommendation before submitting."),
        "locked": _l("This scorecard was submitted more than %(hours)s hours ago and can no longer be changed."),
        "erased": _l("The candidate's data was erased: no scorecard can be written."),
        "no_job": _l("Only an application to a job has a scorecard."),
        "not_colleague": _l("Choose someone of your company."),
        "too_long": _l("The notes can be at most %(max)s characters."),
    }


def _check_application(application: Application) -> None:
    candidate = application.candidate
    if candidate is None or (candidate.email is None and (candidate.given_names, candidate.family_name) == ERASED_NAME):
        raise ScorecardError("erased")
    if application.job_id is None:
        raise ScorecardError("no_job")


def find(application_id: int, author_id: int, interview_id: int | None = None) -> Scorecard | None:
    query = select(Scorecard).where(Scorecard.application_id == application_id, Scorecard.author_id == author_id)
    query = query.where(Scorecard.interview_key == (interview_id or 0))
    return db.session.scalar(query)


def _get_or_create(application: Application, author: User, interview_id: int | None,
                   requested_by: User | None = None) -> tuple[Scorecard, bool]:
    card = find(application.id, author.id, interview_id)
    if card is not None:
        return card, False
    card = Scorecard(company_id=application.company_id, application_id=application.id, author_id=author.id,
                     interview_id=interview_id, interview_key=interview_id or 0, status=ScorecardStatus.REQUESTED,
                     requested_by_id=requested_by.id if requested_by is not None else None, ratings={})
    db.session.add(card)
    db.session.flush()
    return card, True


def request_scorecard(application_id: int, user_id: int, interview_id: int | None = None, *,
                      requested_by: User | None = None) -> Scorecard:
    """Ask ``user_id`` for a scorecard on the application (and interview): a pending request
    they see on the card, and which hides the others' scorecards from them until theirs is in.
    Called by "Ask for feedback". Asking again returns the same scorecard. Commits."""
    card = ask(application_id, user_id, interview_id, requested_by=requested_by)
    db.session.commit()
    return card


def ask(application_id: int, user_id: int, interview_id: int | None = None, *,
        requested_by: User | None = None, tell: bool = True) -> Scorecard:
    """``request_scorecard`` inside the caller's transaction (no commit): a booked interview
    asks each interviewer in the booking's own commit (``app/interviews/hooks.py``), and
    "Ask to review" its reviewer (``tell`` False: that request already told them)."""
    application = db.session.get(Application, application_id)
    user = db.session.get(User, user_id)
    if application is None:
        raise ScorecardError("no_job")
    _check_application(application)
    if user is None or user.company_id != application.company_id or not user.is_enabled:
        raise ScorecardError("not_colleague")
    card, created = _get_or_create(application, user, interview_id, requested_by)
    if created:
        record(company_id=application.company_id, actor=actor_of(requested_by), object=f"application:{application.id}",
               action="scorecard.requested", after={"scorecard": card.id, "author": user.id,
                                                    "interview": interview_id})
        if tell and (requested_by is None or requested_by.id != user.id):
            from app.messaging.services import notify

            notify([user], company_id=application.company_id, kind="scorecard_requested",
                   title=_l("Your feedback is asked on %(name)s", name=application.candidate.full_name),
                   link=path_for("admin.scorecard_form", application_id=application.id,
                                 **({"interview_id": interview_id} if interview_id else {})),
                   dedupe_key=f"scorecard_requested:{card.id}")
    return card


def _clean(application: Application, ratings: Mapping[str, object], recommendation: str | None,
           notes: str) -> tuple[dict[str, int], str | None, str]:
    attributes = attributes_of(application.job)
    clean: dict[str, int] = {}
    for key, value in ratings.items():
        if key not in attributes:
            raise ScorecardError("unknown_attribute", attribute=str(key)[:40])
        if value in (None, ""):
            continue  # a rating is optional
        try:
            points = int(value)
        except (TypeError, ValueError):
            raise ScorecardError("out_of_scale") from None
        if points not in SCALE:
            raise ScorecardError("out_of_scale")
        clean[key] = points
    if recommendation in (None, ""):
        recommendation = None
    elif recommendation not in set(Recommendation):
        raise ScorecardError("unknown_recommendation")
    notes = (notes or "").strip()
    if len(notes) > MAX_NOTES:
        raise ScorecardError("too_long", max=MAX_NOTES)
    return clean, recommendation, notes


def save(application: Application, author: User, *, ratings: Mapping[str, object], recommendation: str | None,
         notes: str, submit: bool, interview_id: int | None = None) -> Scorecard:
    """Save the author's scorecard as a draft, or submit it (``submit``). Submitting again
    the same content changes nothing (a double click); a different content corrects it
    within ``EDIT_HOURS`` of the submission, later it raises ``locked``. A draft save of a
    submitted scorecard is a correction too (it stays submitted)."""
    _check_application(application)
    clean, recommendation, notes = _clean(application, ratings, recommendation, notes)
    if submit and recommendation is None:
        raise ScorecardError("no_recommendation")
    card, _created = _get_or_create(application, author, interview_id)
    before = {"ratings": card.ratings or {}, "recommendation": card.recommendation, "notes": card.notes}
    after = {"ratings": clean, "recommendation": recommendation, "notes": notes}
    if card.is_submitted:
        if before == after:
            return card
        if recommendation is None:
            raise ScorecardError("no_recommendation")
        if card.submitted_at is not None and utcnow() - card.submitted_at > timedelta(hours=EDIT_HOURS):
            raise ScorecardError("locked", hours=EDIT_HOURS)
        action = "scorecard.corrected"
    else:
        action = "scorecard.submitted" if submit else "scorecard.draft_saved"
    card.ratings, card.recommendation, card.notes = clean, recommendation, notes
    if action == "scorecard.submitted":
        card.status, card.submitted_at = ScorecardStatus.SUBMITTED, utcnow()
    elif not card.is_submitted:
        card.status = ScorecardStatus.DRAFT
    # the audit keeps what changed, not the text of the notes (internal, and erased with the person)
    record(company_id=application.company_id, actor=actor_of(author), object=f"application:{application.id}",
           action=action, after={"scorecard": card.id, "recommendation": recommendation, "ratings": clean,
                                 "interview": interview_id})
    db.session.flush()
    if card.is_submitted:
        refresh_summary(application.id)
    if action == "scorecard.submitted":
        _notify_owner(application, author, card)
    db.session.commit()
    return card


def _notify_owner(application: Application, author: User, card: Scorecard) -> None:
    from app.messaging.services import notify

    owner = application.job.owner if application.job is not None else None
    if owner is None or owner.id == author.id or not owner.is_enabled:
        return
    notify([owner], company_id=application.company_id, kind="scorecard_submitted",
           title=_l("%(author)s submitted a scorecard on %(name)s", author=author.name,
                    name=application.candidate.full_name),
           link=path_for("admin.application", application_id=application.id),
           dedupe_key=f"scorecard_submitted:{card.id}")


def refresh_summary(application_id: int) -> None:
    """Recount the application's submitted scorecards into its summary row (no row: none)."""
    points = {r.value: r.points for r in Recommendation}
    rows = db.session.scalars(select(Scorecard.recommendation).where(
        Scorecard.application_id == application_id, Scorecard.status == ScorecardStatus.SUBMITTED)).all()
    values = [points[r] for r in rows if r in points]
    summary = db.session.get(ScorecardSummary, application_id)
    if not values:
        if summary is not None:
            db.session.delete(summary)
        return
    if summary is None:
        summary = ScorecardSummary(application_id=application_id)
        db.session.add(summary)
    summary.count, summary.average = len(values), round(sum(values) / len(values), 2)


def forget_applications(application_ids: list[int]) -> int:
    """Delete every scorecard (and summary) of these applications: the erasure of a person
    (``app.privacy``), as it deletes the team's notes on them. The caller commits."""
    from sqlalchemy import delete

    ids = application_ids or [-1]
    db.session.execute(delete(ScorecardSummary).where(ScorecardSummary.application_id.in_(ids)))
    result = db.session.execute(delete(Scorecard).where(Scorecard.application_id.in_(ids)))
    return result.rowcount or 0


def count_for(application_ids: list[int]) -> int:
    return db.session.scalar(select(func.count()).select_from(Scorecard).where(
        Scorecard.application_id.in_(application_ids or [-1]))) or 0


def save_definition(owner, rows, actor):
    """Save a job's or template's scorecard definition (``definitions.save``) and commit."""
    from app.scorecards.definitions import save as save_groups

    groups = save_groups(owner, rows, actor)
    db.session.commit()
    return groups
