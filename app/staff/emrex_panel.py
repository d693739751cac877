"""The EMREX block on a staff company page (activation and GPA scale) and the staff
navigation entry: the staff presentation of EMREX, as ``app/admin/views/emrex.py`` is the
recruiter's. Loaded with the staff views (``VIEW_MODULES``), before ``staff.assessments``,
so the navigation keeps its order."""

from flask import g, render_template, url_for

from app.plugins import plugins
from app.staff.forms import CompanyEmrexForm


@plugins.staff_company_panel
def _emrex_panel(company) -> str:
    """The switch as stored, or, after a refused submit (``g.company_emrex_form``), as posted
    with its problems beside the fields."""
    form = g.get("company_emrex_form") or CompanyEmrexForm(
        formdata=None, data={"emrex_enabled": company.emrex_enabled, "gpa_scale": company.gpa_scale})
    return render_template("staff/_emrex_company.html", company=company, emrex_form=form)


@plugins.staff_section
def _staff_section() -> list[dict]:
    return [{"label": "EMREX", "url": url_for("staff.emrex_registry")}]
