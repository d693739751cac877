"""Imported at start-up: job-board handlers, the reconciliation sweep, links on the job
pages, the company settings section, the staff switch and timeline texts."""

from __future__ import annotations

from flask import render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.applications.display import register_event_text
from app.boards import services
from app.jobs.hooks import register_settings_link
from app.navigation import register_settings_section, register_staff_company_panel
from app.sweeper import register_step


@register_step("board_reconcile")
def _reconcile() -> int:
    return services.reconcile_postings()


@register_settings_link
def _job_links(kind: str, owner) -> list:
    if kind != "job" or not services.boards_enabled(owner.company_id):
        return []
    return [(_("Sources"), url_for("admin.job_sources", job_id=owner.id))]


@register_settings_section
def _settings_section() -> list[dict]:
    if not getattr(current_user, "is_company_admin", False) or not services.boards_enabled(current_user.company_id):
        return []
    return [{"label": _("Recruitment networks"), "url": url_for("admin.recruitment_networks"),
             "hint": _("Connect TopCV: post jobs and receive applicants.")}]


@register_staff_company_panel
def _staff_panel(company) -> str:
    return render_template("staff/_boards_company.html", company=company)


register_event_text("cv_dropped", lambda d: _("The CV was not kept: %(reason)s", reason=d.get("reason", "")))
