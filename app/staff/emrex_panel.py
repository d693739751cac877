"""The EMREX block on a staff company page (activation and GPA scale)."""

from flask import g, render_template

from app.navigation import register_staff_company_panel, register_staff_section
from app.staff.forms import CompanyEmrexForm


@register_staff_company_panel
def _emrex_panel(company) -> str:
    """The switch as stored, or, after a refused submit (``g.company_emrex_form``), as posted
    with its problems beside the fields."""
    form = g.get("company_emrex_form") or CompanyEmrexForm(
        formdata=None, data={"emrex_enabled": company.emrex_enabled, "gpa_scale": company.gpa_scale})
    return render_template("staff/_emrex_company.html", company=company, emrex_form=form)


@register_staff_section
def _emrex_section() -> list[dict]:
    from flask import url_for

    return [{"label": "EMREX", "url": url_for("staff.emrex_registry")}]
