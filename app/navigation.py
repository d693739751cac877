"""Extension points for screens the integrations add to: company settings sections, staff
admin sections and panels on a staff company page.

Features register with ``plugins.settings_section``, ``plugins.staff_section`` and
``plugins.staff_company_panel`` (app/plugins.py); the functions are called at render time,
so they can check the current user and company (e.g. show "Recruitment networks" only when
staff enabled job boards).
"""

from __future__ import annotations

from markupsafe import Markup

from app.plugins import plugins


def settings_sections() -> list[dict]:
    return [item for fn in plugins.settings_sections for item in (fn() or [])]


def staff_sections() -> list[dict]:
    return [item for fn in plugins.staff_sections for item in (fn() or [])]


def staff_company_panels(company) -> list[Markup]:
    return [Markup(html) for html in (fn(company) for fn in plugins.staff_company_panels) if html]
