"""How the application card shows things that features add: timeline texts and panels.

Integrations call ``register_event_text`` for their timeline kinds and ``register_panel``
for a block on the card (a function of the application returning HTML).
"""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import gettext as _
from markupsafe import Markup

_EVENT_TEXT: dict[str, Callable] = {}
_PANELS: list[Callable] = []


def register_event_text(kind: str, fn: Callable) -> None:
    _EVENT_TEXT[kind] = fn


def register_panel(fn: Callable, *, first: bool = False) -> Callable:
    """``first`` puts the panel before the others (e.g. a warning about the person)."""
    if fn not in _PANELS:
        _PANELS.insert(0, fn) if first else _PANELS.append(fn)
    return fn


def describe_event(event) -> str:
    data = event.data or {}
    fn = _EVENT_TEXT.get(event.kind)
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


def _describe_core(kind: str, data: dict) -> str:
    causes = {"person": _("moved by a person"), "apply": _("on applying"), "automation": _("by an automation"),
              "import": _("on import")}
    if kind == "applied":
        from app.applications.sources import source_label

        how = data.get("matched")
        if how == "matched by title":
            return _("Applied (source: %(source)s), matched to this job by its title", source=source_label(data.get("source")))
        return _("Applied (source: %(source)s)", source=source_label(data.get("source")))
    if kind == "stage_entered":
        return _("Entered %(stage)s, %(cause)s", stage=data.get("stage", ""), cause=causes.get(data.get("cause"), ""))
    if kind == "note":
        return _("Note: %(text)s", text=data.get("text", ""))
    if kind == "email_queued":
        if data.get("locale"):
            from app.i18n import language_name

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
    if kind == "duplicate":
        from app.applications.sources import source_label

        return _("Applied again (source: %(source)s); kept as this application", source=source_label(data.get("source")))
    return kind.replace("_", " ").capitalize()


def card_panels(application) -> list[Markup]:
    return [Markup(html) for html in (fn(application) for fn in _PANELS) if html]
