"""Job boards in the staff admin: the per-company switch (off by default)."""

from __future__ import annotations

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app import audit, background
from app.accounts.models import Company
from app.extensions import db
from app.security import staff_required
from app.staff.blueprint import bp
from app.staff.forms import JobBoardsForm


@bp.post("/companies/<int:company_id>/job-boards")
@staff_required
def company_boards(company_id: int):
    company = db.session.get(Company, company_id) or abort(404)
    before = company.job_boards_enabled
    form = JobBoardsForm()
    if not form.validate():
        abort(400)
    company.job_boards_enabled = form.job_boards_enabled.data
    audit.record(company_id=company.id, actor=audit.actor_of(current_user), object=f"company:{company.id}",
                 action="job_boards_enabled", before={"enabled": before}, after={"enabled": company.job_boards_enabled})
    background.commit()
    flash(_("Job boards switched on.") if company.job_boards_enabled else _("Job boards switched off."), "success")
    return redirect(url_for("staff.company", company_id=company.id))
