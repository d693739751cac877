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
from app.partners.models import PartnerIntegration
from app.partners.services import deliveries_for, describe_status
from app.plugins import plugins
from app.security import staff_required
from app.staff.blueprint import bp
from app.staff.forms import IntegrationAddForm, IntegrationForm, SelfServiceForm


@plugins.staff_section
def _section() -> list[dict]:
    return [{"label": _("Integrations"), "url": url_for("staff.assessment_integrations")}]


@plugins.staff_company_panel
def _company_panel(company) -> str:
    return render_template("staff/assessments/_company_panel.html", company=company,
                           integrations=services.integrations_of(company.id), labels=PRODUCTS,
                           describe_status=describe_status)


def _common() -> dict:
    return {"labels": PRODUCTS, "describe_status": describe_status, "callback_url": services.callback_url}


def _index(*, created=None, error=None, form=None):
    companies = accounts.companies()
    if form is None:
        form = IntegrationAddForm(formdata=None, data={"company_id": request.args.get("company_id", type=int)})
    _add_choices(form, companies)
    failed = bool(error or form.errors)
    return render_template("staff/assessments/index.html", companies=companies,
                           integrations=services.all_integrations(), created=created, error=error, form=form,
                           **_common()), 422 if failed else 200


def _add_choices(form: IntegrationAddForm, companies) -> None:
    form.company_id.choices = [("", _("— pick a company —"))] + [(c.id, f"{c.name} ({c.slug})") for c in companies]
    form.product.choices = [*PRODUCTS.items(), ("all", _("All three products (each without an API key yet)"))]


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
    form = IntegrationAddForm()
    _add_choices(form, accounts.companies())
    if not form.validate():
        return _index(form=form)
    company = accounts.company(form.company_id.data)
    actor = current_user._get_current_object()
    try:
        if form.product.data == "all":
            created = services.enable_all(company, actor=actor)
            if not created:
                flash(_("%(name)s already has all three products; they are switched on.", name=company.name),
                      "success")
                return redirect(url_for("staff.assessment_integrations"))
        else:
            created = [services.create_integration(company, form.product.data, api_key=form.api_key.data,
                                                   is_active=form.is_active.data, actor=actor)]
    except services.AssessmentError as exc:
        return _index(error=str(exc), form=form)
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
    form = SelfServiceForm()
    if not form.validate():
        abort(400)
    services.set_self_service(company, form.enabled.data, current_user._get_current_object())
    flash(_("Assessment self-service for %(name)s: %(state)s.", name=company.name,
            state=_("on") if company.assessments_self_service else _("off")), "success")
    return redirect(url_for("staff.company", company_id=company.id))


@bp.route("/integrations/<int:integration_id>", methods=["GET", "POST"])
@staff_required
def assessment_integration(integration_id: int):
    integration = _integration(integration_id)
    form = IntegrationForm() if request.method == "POST" else _integration_form(integration)
    error = None
    if form.validate_on_submit():
        try:
            services.update_integration(integration, is_active=form.is_active.data, api_key=form.api_key.data or None,
                                        vendor_account_ref=form.vendor_account_ref.data or "",
                                        actor=current_user._get_current_object())
        except services.AssessmentError as exc:
            error = str(exc)
        else:
            flash(_("Integration saved."), "success")
            return redirect(url_for("staff.assessment_integration", integration_id=integration.id))
    return _integration_page(integration, form=form, error=error)


def _integration_form(integration) -> IntegrationForm:
    """The form as stored (never the key: it is not shown back)."""
    return IntegrationForm(formdata=None, data={"is_active": integration.is_active,
                                                "vendor_account_ref": integration.vendor_account_ref or ""})


def _integration_page(integration, *, form=None, created=None, error=None):
    form = form if form is not None else _integration_form(integration)
    failed = bool(error or form.errors)
    return render_template("staff/assessments/integration.html", integration=integration, created=created,
                           error=error, form=form, deliveries=deliveries_for(integration, limit=10),
                           **_common()), 422 if failed else 200


@bp.post("/integrations/<int:integration_id>/rotate")
@staff_required
def assessment_integration_rotate(integration_id: int):
    integration = _integration(integration_id)
    secret = services.rotate_secret(integration, current_user._get_current_object())
    return _integration_page(integration, created=[(integration, secret)])
