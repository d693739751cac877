"""EMREX settings of a job or job template in the recruiter admin: the invite template, the
stage that sends the request, reminders. Every problem of a submit shows beside its field."""

from __future__ import annotations

from flask import abort, request, url_for
from flask_babel import gettext as _

from app.admin.blueprint import bp
from app.admin.emrex_forms import EmrexSettingsForm
from app.admin.views.emrex import _enabled_for
from app.admin.views.jobs import owner_or_404 as _owner
from app.emrex import services
from app.htmx import done, respond
from app.security import company_user_required


@bp.route("/emrex/settings/<kind>/<int:owner_id>", methods=["GET", "POST"])
@company_user_required
def emrex_settings(kind: str, owner_id: int):
    owner = _owner(kind, owner_id)
    if not _enabled_for(owner.company_id):
        abort(404)
    templates = services.email_templates()
    form = EmrexSettingsForm.for_owner(owner, templates, None if request.method == "POST" else services.settings_of(owner))
    error = None
    if form.validate_on_submit():
        try:
            services.save_settings(owner, email_template_id=form.email_template_id.data,
                                   trigger_stage_id=form.trigger_stage_id.data,
                                   reminders_enabled=form.reminders_enabled.data)
        except services.EmrexError as exc:
            error = str(exc)
        else:
            return done(_("EMREX settings saved."), url_for("admin.emrex_settings", kind=kind, owner_id=owner.id),
                        fragment="admin/emrex/_settings_form.html",
                        context=lambda: {"kind": kind, "owner": owner, "error": None, "saved": True,
                                         "form": EmrexSettingsForm.for_owner(owner, templates,
                                                                             services.settings_of(owner))})
    context = {"kind": kind, "owner": owner, "form": form, "error": error, "saved": False}
    return respond("admin/emrex/_settings_form.html", "admin/emrex/settings.html", context,
                   status=422 if form.errors or error else 200)

