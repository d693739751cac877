"""Where an application came from, as a recruiter reads it."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

SOURCE_LABELS = {"careers": _l("Careers page"), "topcv": "TopCV", "manual": _l("Added by hand")}


def source_label(source: str | None) -> str:
    from app.i18n import translated

    return translated("sources", SOURCE_LABELS).get(source or "", source or "")


class _Labels(dict):
    """Labels by source; an unknown source reads as itself, none as nothing."""

    def __missing__(self, key):
        return key or ""


def source_labels() -> dict[str, str]:
    """Every source's label in the page's language, looked up once for a page of many rows
    (``labels[row.source]`` per row: no call and no lazy gettext per row)."""
    from app.i18n import translated

    return _Labels(translated("sources", SOURCE_LABELS))
