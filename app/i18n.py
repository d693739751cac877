"""The page's language, for code below the audiences (templating, services that format)."""

from __future__ import annotations


def current_locale() -> str:
    from flask_babel import get_locale

    return str(get_locale() or "en")
