"""How the application card shows things: its timeline texts, the panels features add and
its "⋯" actions menu (recruiter admin only, so it lives with the admin, not in the
applications feature).

The core's own timeline kinds are told here (``_describe_core``). Features add theirs from
their one admin module (``app/admin/views/emrex.py``, ``assessments.py``, ``boards.py``, …)
through app/plugins.py: ``plugins.event_text(kind, fn)``, ``plugins.card_panel`` (a function
of the application returning HTML) and ``plugins.card_action(CardAction(...))`` (e.g.
"Request EMREX", "Send assessment"). Features below the admin never import this module (the
layers contract): what they record is data, and the admin tells it.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, NamedTuple

from flask import current_app, render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from app.accounts.access import Action, can
from app.applications import queries
from app.applications.sources import source_label
from app.extensions import kept
from app.i18n import current_locale, language_name
from app.plugins import plugins


@dataclass
class CardAction:
    key: str
    label: Any
    url: Callable[[Any], str]  # application -> URL (called in a request context)
    method: str = "post"  # post: a CSRF form button; get: a link
    available: Callable[[Any, Any], bool] = lambda application, user: True
    order: int = 100
    # A get action that opens as a dialog with htmx (into the layout's #modal slot); its URL is a page too.
    dialog: bool = False


def actions_for(application, user) -> list[CardAction]:
    if not can(user, Action.WORK_APPLICATIONS):  # an interviewer reads the card and adds notes
        return []
    return sorted((a for a in plugins.card_actions.values() if a.available(application, user)), key=lambda a: a.order)


def menu_labels(actions: list[CardAction]) -> dict[str, str]:
    """The ⋯ entries' labels in the page's language, by key, translated once per app, language
    and label (a lazy label's text asks Flask-Babel for the request's context, domain, locale
    and translations each time: ten entries on every card). Catalogues do not change while the
    process runs; a label registered anew under the same key is translated anew."""
    cache = current_app.extensions.setdefault("haku.card_menu_labels", {})
    locale = current_locale()
    out = {}
    for action in actions:
        hit = cache.get((locale, action.key))
        if hit is None or hit[0] is not action.label:
            hit = cache[(locale, action.key)] = (action.label, str(action.label))
        out[action.key] = hit[1]
    return out


class MenuEntry(NamedTuple):
    """An entry of the card's ⋯ menu: a link (``method`` get; a dialog with htmx when
    ``dialog``) or a POST button."""

    url: str
    label: str
    method: str
    dialog: bool


def menu(application, user) -> list[MenuEntry | None]:
    """The ⋯ menu's entries in order, as data the card renders in one loop (a macro call, the
    action's ``url`` and its label each were ten macro calls per card): the actions
    ``actions_for`` gives, and None where the card's own entries ("Add a note", "Download CV")
    go — after the actions ordered below 100."""
    actions = actions_for(application, user)
    labels = menu_labels(actions)
    entries = [MenuEntry(action.url(application), labels[action.key], action.method, action.dialog) for action in actions]
    before = sum(1 for action in actions if action.order < 100)  # actions_for sorts them by order
    return [*entries[:before], None, *entries[before:]]


#: At most this many languages' card words per process (``card_words``).
CARD_WORDS_SIZE = 64


def card_words() -> dict[str, Markup]:
    """The card's fixed words (``card.html``, ``_card.html``, the timeline, the tags and the
    reviewers panels: ``card_words()`` in templates) in the page's language, by their English
    text, translated once per process and language rather than ~35 template gettext calls per
    card. As the template's ``_()`` gives them under autoescape: markup (none of
    them holds a variable or a percent sign). Catalogues do not change while the process runs."""
    return kept("haku.card_words", current_locale(), lambda: {text: Markup(word) for text, word in {
        "open": _("open"),
        "closed": _("closed"),
        "waiting for a job": _("waiting for a job"),
        "name unverified": _("name unverified"),
        "Pending pool": _("Pending pool"),
        "applied": _("applied"),
        "source": _("source"),
        "Stage": _("Stage"),
        "Move": _("Move"),
        "More actions": _("More actions"),
        "Add a note": _("Add a note"),
        "Download CV": _("Download CV"),
        "An email to this candidate could not be delivered. See the emails below.": _("An email to this candidate could not be delivered. See the emails below."),
        "Candidate": _("Candidate"),
        "Name": _("Name"),
        "Email": _("Email"),
        "Phone": _("Phone"),
        "CV": _("CV"),
        "Consent": _("Consent"),
        "added by a recruiter": _("added by a recruiter"),
        "given": _("given"),
        "All about this person": _("All about this person"),
        "Other applications": _("Other applications"),
        "Cover letter": _("Cover letter"),
        "Applications": _("Applications"),
        "Timeline": _("Timeline"),
        "Note": _("Note"),
        "Add a note for the team": _("Add a note for the team"),
        "Add note": _("Add note"),
        "Tags": _("Tags"),
        "No tags yet.": _("No tags yet."),
        "Add a tag": _("Add a tag"),
        "Add": _("Add"),
        "Asked to review": _("Asked to review"),
        "Remove": _("Remove"),
        "No one is asked to review this application yet.": _("No one is asked to review this application yet."),
        "Ask to review…": _("Ask to review…"),
    }.items()}, CARD_WORDS_SIZE)


def _shown_panels(user) -> list[Callable]:
    """The panels a user sees: all of them, or for one who cannot work the application (an
    interviewer) only those registered ``for_reviewers`` (read-only or made for them, e.g. a
    scorecard)."""
    works = can(user, Action.WORK_APPLICATIONS)
    return [fn for fn in plugins.card_panels if works or fn in plugins.reviewer_panels]


def _reads(user) -> dict[str, Callable]:
    return {key: fn for panel in _shown_panels(user) for key, fn in plugins.card_reads.get(panel, {}).items()}


def load_card(application_id: int):
    """The application for its card (GET), with the reads of every panel the user sees
    answered in the same statement (the panel-read protocol, app/plugins.py ``card_panel``);
    None when it is not the user's to see. For a read-only request: the answers, and the
    values the statement carried (PostgreSQL: the timeline, the tags, the job's stages), are
    kept for the request."""
    # The layout's bell comes with the user (app/security.py ``load_user``), not from here.
    found = queries.card(application_id, _reads(current_user), {}, timeline_hide=plugins.detail_events)
    if found is None:
        return None
    application, found_answers, carried = found
    request.environ.setdefault("haku.card_answers", {})[application.id] = found_answers
    if carried is not None:  # the statement carried them (PostgreSQL)
        request.environ.setdefault("haku.card_carried", {})[application.id] = carried
    return application


def _carried(application) -> queries.CardValues | None:
    return request.environ.get("haku.card_carried", {}).get(application.id)


def timeline(application) -> list:
    """The card's timeline (``queries.timeline``, without the events features show in their own
    panels): the lines ``load_card``'s statement carried, else read now."""
    carried = _carried(application)
    return carried.timeline if carried is not None else queries.timeline(application, hide=plugins.detail_events)


def tags(application) -> list:
    """The application's tags, by name (each with ``id``, ``name``, ``colour``): those
    ``load_card``'s statement carried, else ``application.tags``."""
    carried = _carried(application)
    return carried.tags if carried is not None else application.tags


def job_stages(application) -> list:
    """The application's job's stages, in order (each with ``id``, ``name``, ``kind``), none
    in the Pending pool: those ``load_card``'s statement carried, else ``job.stages``."""
    if application.job_id is None:
        return []
    carried = _carried(application)
    return carried.stages if carried is not None else application.job.stages


def answers(application) -> dict[str, Any]:
    """The panels' reads for this application: those ``load_card`` kept, else asked now in one
    statement (a write's answer showing the card again) and kept for the request."""
    memo = request.environ.setdefault("haku.card_answers", {})
    if application.id not in memo:
        memo[application.id] = queries.card_answers(application, _reads(current_user))
    return memo[application.id]


def forget_answers(application) -> None:
    """Drop the kept answers (a request that changed what a panel reads, then shows the card)."""
    request.environ.get("haku.card_answers", {}).pop(application.id, None)


#: The template context the card's panels render with while ``card_panels`` calls them.
_PANEL_CONTEXT: ContextVar[dict | None] = ContextVar("haku_card_panel_context", default=None)


def card_panels(application) -> list[Markup]:
    """The panels of the card the user sees (``_shown_panels``). A panel that declared its
    ``reads`` is called with the answers (one statement for all panels, often the card's own).
    Panels render through ``render_panel``: Flask's context processors run once for all of them."""
    shown = _shown_panels(current_user)
    found = answers(application) if any(fn in plugins.card_reads for fn in shown) else {}
    token = _PANEL_CONTEXT.set({})
    try:
        return [Markup(html) for html in (fn(application, found) if fn in plugins.card_reads else fn(application)
                                          for fn in shown) if html]
    finally:
        _PANEL_CONTEXT.reset(token)


def render_panel(template: str, **context) -> Markup:
    """A card panel's template, as ``render_template`` renders it. Called by ``card_panels``,
    the context processors' values (the same for every panel of one card: the request, the
    user, the render's translations and date formats) are computed for the first panel and
    reused by the others: each ``render_template`` would run them again. Anywhere else this is
    ``render_template``."""
    shared = _PANEL_CONTEXT.get()
    if shared is None:
        return Markup(render_template(template, **context))
    if not shared:
        current_app.update_template_context(shared)
    return Markup(current_app.jinja_env.get_template(template).render({**shared, **context}))


def describe_event(event) -> str:
    data = event.data or {}
    fn = (data.get("by") and plugins.event_texts.get(f"{event.kind}:{data['by']}")) or plugins.event_texts.get(event.kind)
    text = fn(data) if fn is not None else _describe_core(event.kind, data)
    typed = data.get("typed")
    if event.kind in ("applied", "duplicate") and isinstance(typed, dict) and typed:
        text = f"{text.rstrip('.')}. {_typed_text(typed)}"
    return text


def _typed_text(typed: dict) -> str:
    """What the applicant typed that differs from the person on file (kept, not applied)."""
    parts = []
    if typed.get("name"):
        parts.append(_("name “%(name)s”", name=typed["name"]))
    if typed.get("phone"):
        parts.append(_("phone “%(phone)s”", phone=typed["phone"]))
    return _("The applicant entered other details (%(details)s); the person on file was not changed.", details=", ".join(parts))


def _stage_cause(cause) -> str:
    """Why an application entered a stage (only this line says it: not translated per event)."""
    if cause == "person":
        return _("moved by a person")
    if cause == "apply":
        return _("on applying")
    if cause == "automation":
        return _("by an automation")
    if cause == "import":
        return _("on import")
    if cause == "added":
        return _("on being added by a team member")
    return ""


def _describe_core(kind: str, data: dict) -> str:
    if kind == "applied" and data.get("source") == "referral":
        return _("Referred by %(referrer)s", referrer=data.get("referred_by", ""))  # the line names who added
    if kind == "applied" and data.get("source") == "manual":
        return _("Added by %(user)s", user=data.get("by_name", ""))
    if kind == "applied" and data.get("link"):
        return _("Applied through the share link “%(link)s”", link=data["link"])
    if kind == "applied":
        how = data.get("matched")
        if how == "matched by title":
            return _("Applied (source: %(source)s), matched to this job by its title", source=source_label(data.get("source")))
        return _("Applied (source: %(source)s)", source=source_label(data.get("source")))
    if kind == "stage_entered":
        return _("Entered %(stage)s, %(cause)s", stage=data.get("stage", ""), cause=_stage_cause(data.get("cause")))
    if kind == "note":
        return _("Note: %(text)s", text=data.get("text", ""))
    if kind == "confirmation_queued":
        return _("Confirmation email queued (%(language)s)", language=language_name(data.get("locale")))
    if kind == "email_queued":
        if data.get("locale"):
            return _("Email “%(template)s” queued (%(language)s)", template=data.get("template", ""),
                     language=language_name(data["locale"]))
        return _("Email “%(template)s” queued", template=data.get("template", ""))
    if kind == "email_failed":
        return _("Email “%(subject)s” could not be delivered: %(error)s", subject=data.get("subject", ""),
                 error=data.get("error", ""))
    if kind == "assigned_from_pool":
        return _("Assigned from the Pending pool to %(job)s", job=data.get("job", ""))
    if kind == "dismissed_from_pool":
        return _("Rejected from the Pending pool")
    if kind == "automation_stopped":
        return _("An automation stopped: it would have moved the application in a loop")
    if kind == "duplicate" and data.get("by_name"):
        if data.get("referred_by"):
            return _("Referred again by %(referrer)s; kept as this application", referrer=data["referred_by"])
        return _("Added again by %(user)s; kept as this application", user=data["by_name"])
    if kind == "duplicate":
        if data.get("email_locale"):
            return _("Applied again (source: %(source)s); kept as this application, and the applicant was told by "
                     "email (%(language)s)", source=source_label(data.get("source")),
                     language=language_name(data["email_locale"]))
        return _("Applied again (source: %(source)s); kept as this application", source=source_label(data.get("source")))
    return kind.replace("_", " ").capitalize()
