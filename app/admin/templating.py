"""Template globals of the recruiter admin: the card's timeline texts and panels, the
pipeline's settings links, source labels, the partner features' stored texts
(``partner_text``, app/partners/texts.py) and the unread-notifications count. Registered
app-wide by ``init_app`` when the blueprints are registered, so the core (app/templating.py)
never imports a feature."""

from __future__ import annotations

from flask import Flask, current_app, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from app.admin.card import card_panels, card_words, describe_event
from app.applications.sources import basis_label, source_label
from app.extensions import kept
from app.i18n import current_locale, language_name
from app.jobs.settings_links import settings_links
from app.partners.texts import describe_html


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(pipeline_links=settings_links, describe_event=describe_event,
                                 card_panels=card_panels, source_label=source_label, basis_label=basis_label,
                                 language_name=language_name, partner_text=describe_html, admin_chrome=admin_chrome,
                                 unread_notifications=unread_notifications, can=can_do, admin_nav=admin_nav,
                                 card_words=card_words)


def can_do(action: str, target=None) -> bool:
    """``can(action, target)`` in templates: whether the signed-in user may (app/accounts/access.py)."""
    from app.accounts.access import can

    return can(current_user, action, target)


def unread_notifications() -> int:
    """The bell's figure, asked by the layout only when it renders the bell: a fragment an
    htmx request swaps in (a table, a column, a panel) no longer pays for the count (it was a
    context processor, run for every ``render_template``)."""
    if getattr(current_user, "is_authenticated", False) and current_user.company_id is not None:
        from app.messaging.services import unread_count

        return unread_count(current_user.id)
    return 0


def admin_chrome() -> dict[str, str]:
    """The layout's constant parts per (script root, language): its links and labels are the
    same on every page, so they are built once per app, process and language instead of ~20
    ``url_for`` and gettext calls per page. What varies per page (the current section, the
    user's name, the CSRF token, the bell's figure) stays in the template."""
    cache = current_app.extensions.setdefault("haku.admin_chrome", {})
    key = (request.script_root, current_locale())
    chrome = cache.get(key)
    if chrome is None:
        static = {name: url_for("static", filename=path) for name, path in (
            ("favicon", "favicon.svg"), ("css", "css/haku.css"), ("htmx", "vendor/htmx-2.0.11.min.js"),
            ("js", "js/haku.js"))}
        chrome = cache[key] = {
            **{f"static_{name}": url for name, url in static.items()},
            **{f"url_{endpoint.split('.')[-1]}": url_for(endpoint) for endpoint in (
                "staff.index", "admin.dashboard", "admin.jobs", "admin.applications", "admin.candidates", "admin.pending_pool",
                "admin.templates", "admin.reports", "admin.settings", "admin.notifications", "admin.notifications_badge",
                "admin.account", "admin.logout")},
            "main": _("Main"), "dashboard": _("Dashboard"), "jobs": _("Jobs"), "applications": _("Applications"),
            "candidates": _("Candidates"), "pending_pool": _("Pending pool"), "templates": _("Job templates"), "reports": _("Reports"), "settings": _("Settings"),
            "notifications": _("Notifications"), "account": _("Account"), "log_out": _("Log out"),
            "url_my_interviews": url_for("admin.my_interviews"), "my_interviews": _("My interviews"),
            "unread": _("unread"),
        }
    return chrome


#: The nav's links that depend on the role (``can`` in the layout), in the nav's order.
NAV_ACTIONS = ("view_jobs", "view_candidates", "pending_pool", "manage_jobs", "view_reports", "company_settings")
#: At most this many rendered navs per process (each key is a handful of short values).
NAV_CACHE_SIZE = 2048


def admin_nav():
    """The layout's main nav as markup, rendered once per (script root, language, endpoint,
    the role's nav links) and reused: the same ~10 links, labels and ``aria-current`` marks on
    every page. The key holds every input of the markup, not an id, so nothing in it can go
    stale: a role change shows other links on the next request (``can`` is asked per request,
    with the user loaded on that request); only the rendering is skipped."""
    from app.accounts.access import can

    user = current_user._get_current_object()
    allowed = tuple(can(user, action) for action in NAV_ACTIONS)
    key = (request.script_root, current_locale(), request.endpoint or "", allowed)
    return kept("haku.admin_nav", key, lambda: Markup(render_template(
        "admin/_nav.html", ep=request.endpoint or "", chrome=admin_chrome(),
        allowed=dict(zip(NAV_ACTIONS, allowed, strict=True)))), NAV_CACHE_SIZE)
