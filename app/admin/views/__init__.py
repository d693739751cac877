"""Recruiter admin: full pages and the HTMX fragments inside them (one route serves both)."""

from flask import Blueprint

bp = Blueprint("admin", __name__)

from app.admin.views import applications, assessments, auth, boards, emrex, jobs, partners, privacy, settings, twofactor  # noqa: E402,F401
