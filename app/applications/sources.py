"""Where an application came from, as a recruiter reads it."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

SOURCE_LABELS = {"careers": _l("Careers page"), "topcv": "TopCV", "manual": _l("Added by hand")}


def source_label(source: str | None) -> str:
    from app.i18n import translated

    return translated("sources", SOURCE_LABELS).get(source or "", source or "")
