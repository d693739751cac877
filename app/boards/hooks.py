"""Imported at start-up (``register_features``): everything job boards (TopCV) plug into
the core, in one place — the vendor (its queue, signature check, gate, inbound events,
outbound calls, labels), the reconciliation sweep, links on the job pages, the company
settings section and the staff switch. The card's texts live on the admin side
(``app/admin/views/boards.py``)."""

from __future__ import annotations

from flask import render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.audit import N_
from app.boards import services, texts
from app.boards.models import PostingStatus
from app.boards.services import inbound, outbound
from app.partners.models import IntegrationStatus
from app.partners.vendors import Vendor
from app.plugins import plugins

TOPCV = plugins.vendor(Vendor(
    name=services.VENDOR, display_name="TopCV", queue="boards",
    gate=services.accepts_events, secret_form=services.secret_as_whsec,
    inbound={"job.approved": inbound.on_moderation(PostingStatus.APPROVED), "job.rejected": inbound.on_moderation(PostingStatus.REJECTED),
             "application.created": inbound.on_application_created},
    outbound={"topcv.post_job": outbound.post_job, "topcv.update_job": outbound.update_job,
              "topcv.close_job": outbound.close_job, "topcv.sync_job": outbound.sync_job},
    on_dead={"topcv.post_job": outbound.posting_dead, "topcv.update_job": outbound.posting_dead,
             "topcv.close_job": outbound.posting_dead},
    texts=texts.TEXTS,
    # the integration's status, as the admin's TopCV pages show it (translated in the template)
    status_labels={IntegrationStatus.NOT_CONFIGURED: N_("Not configured"), IntegrationStatus.CONFIGURED: N_("Configured"),
                   IntegrationStatus.ERROR: N_("Error"), IntegrationStatus.DISCONNECTED: N_("Disconnected")},
))


@plugins.sweep_step("board_reconcile")
def _reconcile() -> int:
    return services.reconcile_postings()


@plugins.settings_link
def _job_links(kind: str, owner) -> list:
    if kind != "job" or not services.boards_enabled(owner.company_id):
        return []
    return [(_("Sources"), url_for("admin.job_sources", job_id=owner.id))]


@plugins.settings_section
def _settings_section() -> list[dict]:
    if not getattr(current_user, "is_company_admin", False) or not services.boards_enabled(current_user.company_id):
        return []
    return [{"label": _("Recruitment networks"), "url": url_for("admin.recruitment_networks"),
             "hint": _("Connect TopCV: post jobs and receive applicants.")}]


@plugins.staff_company_panel
def _staff_panel(company) -> str:
    return render_template("staff/_boards_company.html", company=company)
