"""Who may do what: every role decision of the recruiter admin is made here, nowhere else.

Three parts, each read by the one place that applies it:

* **Actions per role** (``can(user, action, target)``): what a role may do at all, and for a
  target (an application, a job), whether the user can see it. Templates and services ask
  ``can``; no view compares roles itself.
* **Routes** (``ROUTES``, read by ``app.security``'s guard): the action each company route
  needs. Company admins and recruiters pass every company route, as before; a hiring manager
  or interviewer passes only routes whose action their role has. A route missing from the
  table is refused to them (refuse by default), and the route walk fails on it
  (tests/test_roles_walk.py).
* **Row scopes** (``visible(model, user)``, ``visible_jobs``, ``visible_applications``): the
  SQL filter that narrows a query to what the user may see. ``tenancy.scoped`` — the helper
  every tenant query goes through — applies it, so a foreign or out-of-scope id is a 404 on
  every page, fragment and file download; the lists, board, search, dashboard and bulk
  actions add the same filter. The filters themselves are registered by the feature that
  owns the tables (``app/applications/scopes.py``), because this layer knows no job or
  application model.

Interviewers see the applications they were asked to review; which those are comes from
``plugins.interviewer_sources`` (``fn(user_id) -> SELECT of application ids``): "Ask to
review" on the card is the first source, interviews and scorecards add theirs.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from sqlalchemy import false

from app.accounts.models import Role, User
from app.plugins import plugins


class Reach(enum.StrEnum):
    """How far a user's view of the company's jobs and applications goes."""

    COMPANY = "company"  # everything of the company (admins, recruiters)
    TEAM = "team"  # the jobs they own or are on the team of (hiring managers)
    REVIEWS = "reviews"  # the applications they are asked to review (interviewers)
    NOTHING = "nothing"  # no tenant (platform staff), or an unknown role


class Action(enum.StrEnum):
    VIEW_DASHBOARD = "view_dashboard"
    VIEW_JOBS = "view_jobs"  # the jobs list, a job's board and its columns
    VIEW_APPLICATIONS = "view_applications"  # the list, the card, its files
    NOTE = "note"  # a note on the card
    WORK_APPLICATIONS = "work_applications"  # move, reject, tags, email, tests, EMREX requests
    BULK = "bulk"  # bulk actions on a selection of the list
    VIEW_CANDIDATES = "view_candidates"  # the people search and a candidate's page
    NOTIFICATIONS = "notifications"
    ASK_TO_REVIEW = "ask_to_review"  # ask a team member to review an application
    SEE_PRIVATE_FIELDS = "see_private_fields"  # salary expectations and the job's private fields
    SEE_OTHERS_SCORES = "see_others_scores"  # others' scorecards (a feature may grant it: access_rule)
    MANAGE_JOBS = "manage_jobs"  # create, edit, delete jobs; pipelines, automations, templates, postings
    EXPORT = "export"  # company-wide CSV export
    PENDING_POOL = "pending_pool"
    DUPLICATES = "duplicates"  # merging and splitting candidates
    COMPANY_SETTINGS = "company_settings"
    SCORE = "score"  # fill in one's own scorecard (asked or not)
    VIEW_REPORTS = "view_reports"  # the reports (a hiring manager's cover their teams' jobs)


_TEAM_ACTIONS = frozenset({Action.VIEW_DASHBOARD, Action.VIEW_JOBS, Action.VIEW_APPLICATIONS, Action.NOTE,
                           Action.WORK_APPLICATIONS, Action.BULK, Action.VIEW_CANDIDATES, Action.NOTIFICATIONS,
                           Action.ASK_TO_REVIEW, Action.SEE_PRIVATE_FIELDS, Action.SEE_OTHERS_SCORES,
                           Action.SCORE, Action.VIEW_REPORTS})

ROLE_ACTIONS: dict[str, frozenset[Action]] = {
    Role.ADMIN: frozenset(Action),
    Role.RECRUITER: frozenset(Action),  # company settings pages themselves are admin_required
    Role.HIRING_MANAGER: _TEAM_ACTIONS,
    Role.INTERVIEWER: frozenset({Action.VIEW_DASHBOARD, Action.VIEW_APPLICATIONS, Action.NOTE,
                                 Action.NOTIFICATIONS, Action.SCORE}),
}

ROLE_REACH: dict[str, Reach] = {Role.ADMIN: Reach.COMPANY, Role.RECRUITER: Reach.COMPANY,
                                Role.HIRING_MANAGER: Reach.TEAM, Role.INTERVIEWER: Reach.REVIEWS}

#: The action each company route (``company_user_required``) needs. Routes guarded
#: ``admin_required`` are company settings (``Action.COMPANY_SETTINGS``), routes for any
#: signed-in user (the own account) need none.
ROUTES: dict[str, Action] = {
    "admin.dashboard": Action.VIEW_DASHBOARD,
    "admin.notifications": Action.NOTIFICATIONS,
    "admin.notifications_badge": Action.NOTIFICATIONS,
    "admin.notifications_read": Action.NOTIFICATIONS,
    # jobs and their boards
    "admin.jobs": Action.VIEW_JOBS,
    "admin.job_board": Action.VIEW_JOBS,
    "admin.job_stage_column": Action.VIEW_JOBS,
    "admin.emrex_funnel": Action.VIEW_JOBS,
    "admin.job_new": Action.MANAGE_JOBS,
    "admin.job_edit": Action.MANAGE_JOBS,
    "admin.job_delete": Action.MANAGE_JOBS,
    "admin.job_sources": Action.MANAGE_JOBS,
    "admin.posting_new": Action.MANAGE_JOBS,
    "admin.posting_link": Action.MANAGE_JOBS,
    "admin.posting_edit": Action.MANAGE_JOBS,
    "admin.posting_close": Action.MANAGE_JOBS,
    "admin.pipeline": Action.MANAGE_JOBS,
    "admin.stage_add": Action.MANAGE_JOBS,
    "admin.stage_delete": Action.MANAGE_JOBS,
    "admin.stage_move": Action.MANAGE_JOBS,
    "admin.stage_rename": Action.MANAGE_JOBS,
    "admin.automation_add": Action.MANAGE_JOBS,
    "admin.automation_delete": Action.MANAGE_JOBS,
    "admin.templates": Action.MANAGE_JOBS,
    "admin.template_new": Action.MANAGE_JOBS,
    "admin.template_edit": Action.MANAGE_JOBS,
    "admin.template_delete": Action.MANAGE_JOBS,
    "admin.emrex_settings": Action.MANAGE_JOBS,
    "admin.assessment_settings": Action.MANAGE_JOBS,
    "admin.email_templates": Action.COMPANY_SETTINGS,
    "admin.settings": Action.COMPANY_SETTINGS,
    # the applications list and the card
    "admin.applications": Action.VIEW_APPLICATIONS,
    "admin.applications_columns": Action.VIEW_APPLICATIONS,
    "admin.application": Action.VIEW_APPLICATIONS,
    "admin.application_cv": Action.VIEW_APPLICATIONS,
    "admin.reply_attachment": Action.VIEW_APPLICATIONS,
    "admin.emrex_attachment": Action.VIEW_APPLICATIONS,
    "admin.emrex_raw": Action.VIEW_APPLICATIONS,
    "admin.application_note": Action.NOTE,
    "admin.application_reviewer_choices": Action.ASK_TO_REVIEW,
    "admin.application_reviewers": Action.ASK_TO_REVIEW,
    "admin.application_reviewer_remove": Action.ASK_TO_REVIEW,
    "admin.application_stage": Action.WORK_APPLICATIONS,
    "admin.application_reject": Action.WORK_APPLICATIONS,
    "admin.application_reject_undo": Action.WORK_APPLICATIONS,
    "admin.application_tag_add": Action.WORK_APPLICATIONS,
    "admin.application_tag_remove": Action.WORK_APPLICATIONS,
    "admin.message_compose": Action.WORK_APPLICATIONS,
    "admin.message_preview": Action.WORK_APPLICATIONS,
    "admin.message_send": Action.WORK_APPLICATIONS,
    "admin.assessment_send": Action.WORK_APPLICATIONS,
    "admin.emrex_request": Action.WORK_APPLICATIONS,
    "admin.emrex_transcript_accept": Action.WORK_APPLICATIONS,
    "admin.emrex_transcript_discard": Action.WORK_APPLICATIONS,
    "admin.applications_bulk": Action.BULK,
    "admin.applications_bulk_progress": Action.BULK,
    "admin.applications_bulk_detail": Action.BULK,
    "admin.applications_export": Action.EXPORT,
    # people
    "admin.candidates": Action.VIEW_CANDIDATES,
    "admin.candidate": Action.VIEW_CANDIDATES,
    "admin.candidates_merge": Action.DUPLICATES,
    "admin.duplicates": Action.DUPLICATES,
    "admin.duplicates_dismiss": Action.DUPLICATES,
    "admin.merge_split": Action.DUPLICATES,
    "admin.pending_pool": Action.PENDING_POOL,
    "admin.pending_assign": Action.PENDING_POOL,
    "admin.pending_dismiss": Action.PENDING_POOL,
    # the card's "seen" mark, the list's bulk chooser, the job ad's preview
    "admin.application_seen": Action.VIEW_APPLICATIONS,
    "admin.applications_bulk_choices": Action.BULK,
    "admin.applications_bulk_choose": Action.BULK,
    "admin.markdown_preview": Action.MANAGE_JOBS,
    # scorecards: one's own for everyone asked; asking, settings and the export as their actions
    "admin.scorecard_form": Action.SCORE,
    "admin.scorecard_ask": Action.ASK_TO_REVIEW,
    "admin.scorecard_settings": Action.MANAGE_JOBS,
    # screening questions: a job's (and template's) settings
    "admin.screening_questions": Action.MANAGE_JOBS,
    "admin.screening_question_change": Action.MANAGE_JOBS,
    "admin.screening_answer_file": Action.VIEW_APPLICATIONS,
    "admin.scorecard_export": Action.EXPORT,
    # interviews: one's own list and hours for everyone; scheduling is work on the application
    "admin.my_interviews": Action.VIEW_DASHBOARD,
    "admin.availability_page": Action.VIEW_DASHBOARD,
    "admin.interview_new": Action.WORK_APPLICATIONS,
    "admin.interview_book": Action.WORK_APPLICATIONS,
    "admin.interview_link": Action.WORK_APPLICATIONS,
    "admin.interview_cancel": Action.WORK_APPLICATIONS,
    "admin.interview_plan": Action.MANAGE_JOBS,
    # reports: the company's for admins and recruiters, their teams' jobs' for hiring managers
    "admin.reports": Action.VIEW_REPORTS,
    "admin.report": Action.VIEW_REPORTS,
    "admin.report_csv": Action.VIEW_REPORTS,
    # sources: a job's share links are the job's settings; adding a candidate (by hand or a
    # referral) is work on applications, to a job in the user's scope
    "admin.share_links": Action.MANAGE_JOBS,
    "admin.share_link_change": Action.MANAGE_JOBS,
    "admin.candidate_add": Action.WORK_APPLICATIONS,
}


def reach_of(user) -> Reach:
    if user is None or not getattr(user, "is_authenticated", False) or getattr(user, "company_id", None) is None:
        return Reach.NOTHING
    return ROLE_REACH.get(user.role, Reach.NOTHING)


def is_limited(user) -> bool:
    """A hiring manager or interviewer: sees part of the company, not all of it."""
    return reach_of(user) in (Reach.TEAM, Reach.REVIEWS)


def route_allowed(user: User, endpoint: str | None) -> bool:
    """Whether ``user`` (a company user) may open the company route ``endpoint``. Admins and
    recruiters pass every company route; other roles only those the table grants them."""
    if reach_of(user) == Reach.COMPANY:
        return True
    action = ROUTES.get(endpoint or "")
    return action is not None and action in ROLE_ACTIONS.get(user.role, frozenset())


# ---------------------------------------------------------------- row scopes

#: table name → fn(user, reach) -> SQL filter, registered by the feature owning the table.
_SCOPES: dict[str, Callable] = {}


def row_scope(table: str) -> Callable:
    """Registers ``fn(user, reach) -> clause`` narrowing rows of ``table`` for a limited reach."""
    def decorator(fn: Callable) -> Callable:
        _SCOPES[table] = fn
        return fn

    return decorator


def _current():
    """The user of a recruiter-admin request (candidate pages, partner calls and tasks see
    no role)."""
    from flask import has_request_context, request
    from flask_login import current_user

    if not has_request_context() or request.blueprint != "admin":
        return None
    try:
        return current_user._get_current_object() if current_user.is_authenticated else None
    except Exception:  # no login manager on this request
        return None


def visible(model, user=None):
    """The SQL filter of the rows of ``model`` ``user`` (default: who is signed in) may see,
    or None when nothing narrows them (a full-reach user, no user, a table without a scope:
    the routes that read such tables are refused to limited roles in ``ROUTES``, or load the
    row through its application first)."""
    user = user if user is not None else _current()
    reach = reach_of(user)
    if reach not in (Reach.TEAM, Reach.REVIEWS):
        return None
    scope = _SCOPES.get(getattr(model, "__tablename__", ""))
    return scope(user, reach) if scope is not None else None


def filters(model, user=None) -> list:
    """``visible`` as a list for ``.where(*filters(...))``: empty when nothing narrows."""
    clause = visible(model, user)
    return [] if clause is None else [clause]


def visible_jobs(user=None):
    """The filter of the jobs ``user`` may see (None: all of the company's)."""
    return _by_table("jobs", user)


def visible_applications(user=None):
    """The filter of the applications ``user`` may see (None: all of the company's)."""
    return _by_table("applications", user)


def _by_table(table: str, user):
    user = user if user is not None else _current()
    reach = reach_of(user)
    if reach == Reach.NOTHING:
        return false()
    if reach == Reach.COMPANY or table not in _SCOPES:
        return None
    return _SCOPES[table](user, reach)


def reviewable_application_ids(user_id: int):
    """The union of every interviewer source: the ids of the applications ``user_id`` is asked
    to review (``plugins.interviewer_sources``)."""
    from sqlalchemy import union

    sources = [fn(user_id) for fn in plugins.interviewer_sources]
    if not sources:
        return None
    return sources[0] if len(sources) == 1 else union(*sources)


# ---------------------------------------------------------------- can

def can(user, action: Action | str, target=None) -> bool:
    """Whether ``user`` may do ``action`` (on ``target``: an application or a job it must be
    able to see). A feature can grant an action its role lacks for one target
    (``plugins.access_rule``: e.g. an interviewer sees others' scorecards once theirs is in)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    action = Action(action)
    granted = action in ROLE_ACTIONS.get(user.role, frozenset())
    if not granted:
        granted = any(rule(user, target) for rule in plugins.access_rules.get(action, []))
    if not granted:
        return False
    if target is not None and hasattr(target, "company_id"):
        if target.company_id != user.company_id:
            return False
        return sees(user, target)
    return True


def sees(user, row) -> bool:
    """Whether ``row`` (a job, an application, a candidate) is in ``user``'s scope."""
    from sqlalchemy import select

    from app.extensions import db

    if row is None or reach_of(user) == Reach.NOTHING or row.company_id != user.company_id:
        return False
    clause = visible(type(row), user)
    if clause is None:
        return True
    model = type(row)
    return db.session.scalar(select(model.id).where(model.id == row.id, clause)) is not None
