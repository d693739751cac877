"""The EMREX block on a staff company page (activation and GPA scale)."""

from flask import render_template

from app.navigation import register_staff_company_panel, register_staff_section


@register_staff_company_panel
def _emrex_panel(company) -> str:
    return render_template("staff/_emrex_company.html", company=company)


@register_staff_section
def _emrex_section() -> list[dict]:
    from flask import url_for

    return [{"label": "EMREX", "url": url_for("staff.emrex_registry")}]
