"""The card's "Ask to review…" panel: who is asked to review the application (an
interviewer sees only the applications they are asked to review), adding and removing them.
Shown to whoever may ask (app/accounts/access.py); htmx swaps the panel, a plain form post
comes back to the card."""

from __future__ import annotations

from flask import abort, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup

from app.accounts.access import Action, can
from app.accounts.tenancy import get_or_404
from app.admin.blueprint import bp
from app.admin.card import CardAction, render_panel
from app.admin.forms import EmptyForm, ReviewerForm
from app.applications import queries, reviewers
from app.applications.models import Application
from app.applications.reviewers import ReviewerError
from app.htmx import done, render_page_or_fragment
from app.plugins import plugins
from app.security import company_user_required


def _context(application, error: str | None = None, found: dict | None = None) -> dict:
    """The panel: who is asked, and whether anyone else could be (the picker's opener). On
    the card (``found``: its answers) the names are read only when someone is asked, and the
    picker's options when it is opened (``application_reviewer_choices``); after a change,
    both from one statement."""
    if found is None:
        asked, others = reviewers.panel_rows(application)
        return {"application": application, "error": error, "reviewers": asked, "askable": bool(others)}
    asked = reviewers.asked_rows(application) if found["reviewers.asked"] else []
    return {"application": application, "error": error, "reviewers": asked, "askable": found["reviewers.askable"]}


@plugins.card_panel(reads={"reviewers.asked": reviewers.asked_on_card, "reviewers.askable": reviewers.askable_on_card})
def _card_panel(application, found: dict) -> Markup | None:
    if not can(current_user, Action.ASK_TO_REVIEW):
        return None
    return render_panel("admin/applications/_reviewers_panel.html", **_context(application, found=found))


@bp.get("/applications/<int:application_id>/reviewers")
@company_user_required
def application_reviewer_choices(application_id: int):
    """The panel's picker: its fields, loaded into the panel when it is opened (htmx), or
    without JavaScript on a page of its own that posts to ``application_reviewers``. The
    options as (id, name) pairs (the POST validates them with ReviewerForm): no form object."""
    application = get_or_404(Application, application_id)  # the route's action checks the role (access.py)
    _asked, others = reviewers.panel_rows(application)
    return render_page_or_fragment("admin/applications/reviewer_choices.html",
                                   "admin/applications/_reviewer_choices.html", application=application, choices=others)


plugins.card_action(CardAction(
    key="review", label=_l("Ask to review…"), order=45, method="get",
    available=lambda application, user: can(user, Action.ASK_TO_REVIEW),
    url=lambda application: url_for("admin.application", application_id=application.id) + f"#reviewers-{application.id}"))

plugins.event_text("review_asked", lambda data: _("Asked %(name)s to review", name=data.get("name", "")))
plugins.event_text("review_unasked", lambda data: _("No longer asks %(name)s to review", name=data.get("name", "")))


def _answer(application, message: str | None, error: str | None = None):
    return done(error or message, url_for("admin.application", application_id=application.id),
                level="error" if error else "success", status=422 if error else 200,
                fragment="admin/applications/_reviewers_panel.html",
                context=lambda: _context(application, error), code=303)


@bp.post("/applications/<int:application_id>/reviewers")
@company_user_required
def application_reviewers(application_id: int):
    application = queries.for_card(application_id) or abort(404)
    form = ReviewerForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        user = reviewers.ask(application, form.user_id.data, current_user._get_current_object())
    except ReviewerError as exc:
        return _answer(application, None, str(exc))
    return _answer(application, _("%(name)s is asked to review.", name=user.name))


@bp.post("/applications/<int:application_id>/reviewers/<int:user_id>/remove")
@company_user_required
def application_reviewer_remove(application_id: int, user_id: int):
    application = queries.for_card(application_id) or abort(404)
    if not EmptyForm().validate_on_submit():
        abort(400)
    try:
        user = reviewers.remove(application, user_id, current_user._get_current_object())
    except ReviewerError as exc:
        if exc.code == "bad_user":
            abort(404)
        return _answer(application, None, str(exc))
    return _answer(application, _("%(name)s is no longer asked to review.", name=user.name))
