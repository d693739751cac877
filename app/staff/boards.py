"""Job boards in the staff admin: the per-company switch (off by default)."""

from __future__ import annotations

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts import queries as accounts
from app.boards import services as boards
from app.security import staff_required
from app.staff.blueprint import bp
from app.staff.forms import JobBoardsForm


@bp.post("/companies/<int:company_id>/job-boards")
@staff_required
def company_boards(company_id: int):
    company = accounts.company(company_id) or abort(404)
    form = JobBoardsForm()
    if not form.validate():
        abort(400)
    boards.set_enabled(company, form.job_boards_enabled.data, current_user._get_current_object())
    flash(_("Job boards switched on.") if company.job_boards_enabled else _("Job boards switched off."), "success")
    return redirect(url_for("staff.company", company_id=company.id))
