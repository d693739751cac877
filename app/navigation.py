"""Extension points for screens the integrations add to: company settings sections, staff
admin sections and panels on a staff company page.

Each registry holds functions called at render time, so they can check the current user
and company (e.g. show "Recruitment networks" only when staff enabled job boards).
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

_SETTINGS: list[Callable] = []
_STAFF: list[Callable] = []
_STAFF_COMPANY: list[Callable] = []


def _add(registry: list, fn: Callable) -> Callable:
    if fn not in registry:
        registry.append(fn)
    return fn


def register_settings_section(fn: Callable) -> Callable:
    """``fn()`` → ``[{"label", "url", "hint"}]`` for the company settings page."""
    return _add(_SETTINGS, fn)


def register_staff_section(fn: Callable) -> Callable:
    """``fn()`` → ``[{"label", "url"}]`` for the staff navigation."""
    return _add(_STAFF, fn)


def register_staff_company_panel(fn: Callable) -> Callable:
    """``fn(company)`` → HTML shown on the staff page of one company."""
    return _add(_STAFF_COMPANY, fn)


def settings_sections() -> list[dict]:
    return [item for fn in _SETTINGS for item in (fn() or [])]


def staff_sections() -> list[dict]:
    return [item for fn in _STAFF for item in (fn() or [])]


def staff_company_panels(company) -> list[Markup]:
    return [Markup(html) for html in (fn(company) for fn in _STAFF_COMPANY) if html]
