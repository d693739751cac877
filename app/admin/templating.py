"""Template globals of the recruiter admin: the card's timeline texts and panels, the
pipeline's settings links, source labels, the partner features' stored texts
(``partner_text``, app/partners/texts.py) and the unread-notifications count. Registered
app-wide by ``init_app`` when the blueprints are registered, so the core (app/templating.py)
never imports a feature."""

from __future__ import annotations

from flask import Flask

from app.admin.card import card_panels, describe_event
from app.applications.sources import source_label
from app.i18n import language_name
from app.jobs.settings_links import settings_links
from app.partners.texts import describe_html


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(pipeline_links=settings_links, describe_event=describe_event,
                                 card_panels=card_panels, source_label=source_label,
                                 language_name=language_name, partner_text=describe_html)

    @app.context_processor
    def _admin_context():
        from flask_login import current_user

        if getattr(current_user, "is_authenticated", False) and current_user.company_id is not None:
            from app.messaging.services import unread_count

            return {"unread_notifications": unread_count(current_user.id)}
        return {}
