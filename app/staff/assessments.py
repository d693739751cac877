"""Assessment integrations in the staff admin: Integrations → "Add new integration" (one per
company and product, or all three), external IDs with copy buttons, the signing secret
shown once, the API key, the vendor's organisation reference, self-service per company."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts import queries as accounts
from app.assessments import queries, services
from app.assessments.models import PRODUCTS
from app.navigation import register_staff_company_panel, register_staff_section
from app.partners.models import PartnerIntegration
from app.partners.services import deliveries_for, describe_status
from app.security import staff_required
from app.staff.blueprint import bp


@register_staff_section
def _section() -> list[dict]:
    return [{"label": _("Integrations"), "url": url_for("staff.assessment_integrations")}]


@register_staff_company_panel
def _company_panel(company) -> str:
    return render_template("staff/assessments/_company_panel.html", company=company,
                           integrations=services.integrations_of(company.id), labels=PRODUCTS,
                           describe_status=describe_status)


def _common() -> dict:
    return {"labels": PRODUCTS, "describe_status": describe_status, "callback_url": services.callback_url}


def _index(*, created=None, error=None, form=None, status=200):
    companies = accounts.companies()
    form = form if form is not None else {"company_id": request.args.get("company_id", "")}
    return render_template("staff/assessments/index.html", companies=companies,
                           integrations=services.all_integrations(), created=created, error=error, form=form,
                           **_common()), status


def _integration(integration_id: int) -> PartnerIntegration:
    integration = queries.integration(integration_id)
    if integration is None:
        abort(404)
    return integration


@bp.get("/integrations")
@staff_required
def assessment_integrations():
    return _index()


@bp.post("/integrations")
@staff_required
def assessment_integration_add():
    form = {"company_id": request.form.get("company_id", ""), "product": request.form.get("product", ""),
            "is_active": request.form.get("is_active", "")}
    company = accounts.company(request.form.get("company_id", type=int))
    if company is None:
        return _index(error=_("Pick a company."), form=form, status=422)
    actor = current_user._get_current_object()
    try:
        if form["product"] == "all":
            created = services.enable_all(company, actor=actor)
            if not created:
                flash(_("%(name)s already has all three products; they are switched on.", name=company.name),
                      "success")
                return redirect(url_for("staff.assessment_integrations"))
        else:
            created = [services.create_integration(company, form["product"],
                                                   api_key=(request.form.get("api_key") or "")[:600],
                                                   is_active=form["is_active"] == "y", actor=actor)]
    except services.AssessmentError as exc:
        return _index(error=str(exc), form=form, status=422)
    # The answer to this POST is the only place the signing secrets are ever shown.
    return _index(created=created)


@bp.post("/companies/<int:company_id>/assessments/enable-all")
@staff_required
def assessment_enable_all(company_id: int):
    company = accounts.company(company_id) or abort(404)
    created = services.enable_all(company, actor=current_user._get_current_object())
    if not created:
        flash(_("All three assessment products are switched on for %(name)s.", name=company.name), "success")
        return redirect(url_for("staff.company", company_id=company.id))
    return _index(created=created)


@bp.post("/companies/<int:company_id>/assessments/self-service")
@staff_required
def assessment_self_service(company_id: int):
    company = accounts.company(company_id) or abort(404)
    services.set_self_service(company, request.form.get("enabled") == "y", current_user._get_current_object())
    flash(_("Assessment self-service for %(name)s: %(state)s.", name=company.name,
            state=_("on") if company.assessments_self_service else _("off")), "success")
    return redirect(url_for("staff.company", company_id=company.id))


@bp.route("/integrations/<int:integration_id>", methods=["GET", "POST"])
@staff_required
def assessment_integration(integration_id: int):
    integration = _integration(integration_id)
    error = None
    if request.method == "POST":
        try:
            services.update_integration(integration, is_active=request.form.get("is_active") == "y",
                                        api_key=(request.form.get("api_key") or "")[:600] or None,
                                        vendor_account_ref=(request.form.get("vendor_account_ref") or "")[:300],
                                        actor=current_user._get_current_object())
        except services.AssessmentError as exc:
            error = str(exc)
        else:
            flash(_("Integration saved."), "success")
            return redirect(url_for("staff.assessment_integration", integration_id=integration.id))
    return _integration_page(integration, error=error, status=422 if error else 200)


def _integration_page(integration, *, created=None, error=None, status=200):
    return render_template("staff/assessments/integration.html", integration=integration, created=created,
                           error=error, deliveries=deliveries_for(integration, limit=10), **_common()), status


@bp.post("/integrations/<int:integration_id>/rotate")
@staff_required
def assessment_integration_rotate(integration_id: int):
    integration = _integration(integration_id)
    secret = services.rotate_secret(integration, current_user._get_current_object())
    return _integration_page(integration, created=[(integration, secret)])
