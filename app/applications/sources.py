"""Where an application came from, as a recruiter reads it.

``Application.source`` is one of a few plain values (the reports group on it): ``careers``
(the careers page), ``topcv`` (the job board), ``link`` (a job's share link, named by
``source_link_id``), ``referral`` (a team member referred the person: ``referred_by_id``) and
``manual`` (a recruiter added the person by hand)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask_babel import lazy_gettext as _l

SOURCES = ("careers", "topcv", "link", "referral", "manual")
SOURCE_LABELS = {"careers": _l("Careers page"), "topcv": "TopCV", "link": _l("Share link"),
                 "referral": _l("Referral"), "manual": _l("Added by hand")}

#: The legal bases a recruiter may record for a person they add (GDPR article 6(1)): the
#: person did not accept the careers page's privacy notice, so the basis is written down.
LEGAL_BASES = {"legitimate_interest": _l("Legitimate interest"),
               "consent": _l("Consent given to the recruiter"),
               "pre_contract": _l("Steps the candidate asked for before a contract")}


def source_label(source: str | None, link_name: str | None = None) -> str:
    """The source's label; a share link reads as its name ("LinkedIn")."""
    from app.i18n import translated

    if source == "link" and link_name:
        return link_name
    return translated("sources", SOURCE_LABELS).get(source or "", source or "")


def basis_label(basis: str | None) -> str:
    from app.i18n import translated

    return translated("legal_bases", LEGAL_BASES).get(basis or "", basis or "")


class _Labels(dict):
    """Labels by source; an unknown source reads as itself, none as nothing."""

    def __missing__(self, key):
        return key or ""


def source_labels() -> dict[str, str]:
    """Every source's label in the page's language, looked up once for a page of many rows
    (``labels[row.source]`` per row: no call and no lazy gettext per row)."""
    from app.i18n import translated

    return _Labels(translated("sources", SOURCE_LABELS))


def row_labeller() -> Callable[[Any], str]:
    """``label(row)`` for a page of rows that carry ``source`` and ``link_name`` (the share
    link's name, None without one): a share link reads as its name, as in ``source_label``, any
    other source as its label (``source_labels``, looked up once)."""
    labels = source_labels()
    return lambda row: row.link_name if row.source == "link" and row.link_name else labels[row.source]
