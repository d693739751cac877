"""Recruiter admin: full pages and the HTMX fragments inside them (one route serves both)."""

from app.admin.views import (  # noqa: F401
    applications,
    assessments,
    auth,
    boards,
    bulk,
    conversations,
    duplicates,
    emrex,
    emrex_settings,
    jobs,
    partners,
    people,
    privacy,
    rejections,
    reviewers,
    settings,
    tags,
    twofactor,
    users,
)
