""""Ask to review…": a recruiter or hiring manager asks team members to review one
application. An interviewer sees exactly the applications they are asked to review
(``scopes.asked_to_review``, the first interviewer source of app/accounts/access.py); the
people asked are told in the bell. Audited."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, bindparam, exists, or_, select

from app import audit
from app.accounts.access import Action, can
from app.accounts.models import Role, User
from app.applications.models import Application, ApplicationReviewer
from app.applications.services import add_event
from app.extensions import db
from app.links import path_for
from app.messaging.services import notify
from app.problems import Problem
from app.signals import signal

#: Sent (before the commit) when someone is asked to review an application, with
#: ``application``, ``user`` and ``actor``: scorecards asks them for one (their review).
review_asked = signal("review-asked")
#: Sent (before the commit) when that request is withdrawn: scorecards withdraws the
#: scorecard not yet submitted (a submitted one stays, and with it their view of it).
review_withdrawn = signal("review-withdrawn")


class ReviewerError(Problem):
    """Asking someone to review an application was refused; ``code`` says why."""

    messages = {
        "not_allowed": _l("You cannot ask anyone to review this application."),
        "bad_user": _l("Pick someone of your team."),
        "already": _l("They are already asked to review it."),
    }


_asked = ApplicationReviewer.user_id
# Who may be asked: the company's users (not platform staff) who are enabled and have signed up.
_ACTIVE = and_(User.is_enabled, User.password_hash != "")
# Built once (the card shows the panel on every view): only the ids change.
_PANEL_ROWS = select(_asked, User.id, User.name).select_from(User).outerjoin(
    ApplicationReviewer, and_(ApplicationReviewer.user_id == User.id,
                              ApplicationReviewer.application_id == bindparam("reviewers_application_id"))).where(
    User.company_id == bindparam("reviewers_company_id"), User.role != Role.STAFF.value,
    or_(_asked.is_not(None), _ACTIVE)).order_by(User.name, User.id)
_ASKED_ROWS = select(User.id, User.name).join(ApplicationReviewer, ApplicationReviewer.user_id == User.id).where(
    ApplicationReviewer.application_id == bindparam("reviewers_application_id"),
    User.company_id == bindparam("reviewers_company_id"), User.role != Role.STAFF.value).order_by(User.name, User.id)


def panel_rows(application: Application) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The panel in one statement: ``(asked, others)``, each ``(user id, name)`` by name —
    who is asked to review the application, and the active company users who could be (the
    picker's options)."""
    rows = db.session.execute(_PANEL_ROWS, {"reviewers_application_id": application.id,
                                            "reviewers_company_id": application.company_id}).all()
    return ([(uid, name) for asked, uid, name in rows if asked is not None],
            [(uid, name) for asked, uid, name in rows if asked is None])


def asked_rows(application: Application) -> list[tuple[int, str]]:
    """Who is asked to review the application, ``(user id, name)`` by name (the card's panel
    when ``asked_on_card`` says someone is: the picker's options are read when it opens)."""
    return [(uid, name) for uid, name in db.session.execute(
        _ASKED_ROWS, {"reviewers_application_id": application.id, "reviewers_company_id": application.company_id})]


def asked_on_card():
    """The card's read (app/plugins.py ``card_panel``): someone is asked to review the application."""
    return exists().where(ApplicationReviewer.application_id == Application.id)


def askable_on_card():
    """The card's read: someone of the company could still be asked (the panel offers its
    picker only then)."""
    already = exists().where(ApplicationReviewer.application_id == Application.id,
                             ApplicationReviewer.user_id == User.id).correlate(Application, User)
    return exists().where(User.company_id == Application.company_id, User.role != Role.STAFF.value, _ACTIVE, ~already)


def ask(application: Application, user_id: int | None, actor: User) -> User:
    if not can(actor, Action.ASK_TO_REVIEW, application):
        raise ReviewerError("not_allowed")
    user = db.session.scalar(select(User).where(User.id == user_id, User.company_id == application.company_id,
                                                User.is_enabled)) if user_id else None
    if user is None:
        raise ReviewerError("bad_user")
    if db.session.get(ApplicationReviewer, (application.id, user.id)) is not None:
        raise ReviewerError("already")
    db.session.add(ApplicationReviewer(application_id=application.id, user_id=user.id,
                                       company_id=application.company_id, asked_by_id=actor.id))
    event = add_event(application, "review_asked", actor=actor, data={"user_id": user.id, "name": user.name})
    audit.record(company_id=application.company_id, actor=audit.actor_of(actor),
                 object=f"application:{application.id}", action="reviewer.ask", after={"user_id": user.id})
    db.session.flush()
    review_asked.send(application, user=user, actor=actor)
    notify([user], company_id=application.company_id, kind="review_asked",
           title=_l("%(name)s asked you to review %(candidate)s", name=actor.name,
                    candidate=application.candidate.full_name),
           link=path_for("admin.application", application_id=application.id),
           dedupe_key=f"review:{event.id}")
    db.session.commit()
    return user


def remove(application: Application, user_id: int, actor: User) -> User:
    if not can(actor, Action.ASK_TO_REVIEW, application):
        raise ReviewerError("not_allowed")
    row = db.session.get(ApplicationReviewer, (application.id, user_id))
    if row is None or row.company_id != application.company_id:
        raise ReviewerError("bad_user")
    user = row.user
    db.session.delete(row)
    review_withdrawn.send(application, user=user, actor=actor)
    add_event(application, "review_unasked", actor=actor, data={"user_id": user.id, "name": user.name})
    audit.record(company_id=application.company_id, actor=audit.actor_of(actor),
                 object=f"application:{application.id}", action="reviewer.remove", before={"user_id": user.id})
    db.session.commit()
    return user
