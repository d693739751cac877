"""Assessments in the recruiter admin: the company's products (Settings → Assessments, with
self-service when staff allow it), the test per job and template, "Send assessment" and the
results panel on the application card."""

from __future__ import annotations

from flask import abort, flash, has_request_context, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.accounts import queries as accounts
from app.accounts.models import Company
from app.accounts.tenancy import current_company_id, get_or_404
from app.admin.assessment_forms import (
    AssessmentSettingsForm,
    ProductAddForm,
    ProductUpdateForm,
    SendAssessmentForm,
)
from app.admin.blueprint import bp
from app.admin.card import CardAction, answers, render_panel
from app.admin.views.jobs import owner_or_404 as _owner
from app.applications.models import Application, ApplicationStatus
from app.applications.services import ApplicationError
from app.assessments import services
from app.assessments.columns import STATUS_LABELS
from app.assessments.models import PRODUCTS
from app.assessments.services.common import problem_text
from app.extensions import db
from app.htmx import respond, wants_fragment
from app.i18n import language_name
from app.partners.models import PartnerIntegration
from app.partners.services import describe_status
from app.partners.texts import describe as partner_text
from app.plugins import plugins
from app.security import admin_required, company_user_required


def _company() -> Company:
    return accounts.company(current_company_id())


# ---------------------------------------------------------------- hooks into the core screens

def _has_active(company_id: int) -> bool:
    """``services.has_active`` once per request: the card asks it for its action and its panel.
    Kept in the request's environ, not ``g``: an app context (and its ``g``) can outlive a
    request, as in tests that hold one around several."""
    if not has_request_context():
        return services.has_active(company_id)
    cache = request.environ.setdefault("haku.assessments_active", {})
    if company_id not in cache:
        cache[company_id] = services.has_active(company_id)
    return cache[company_id]


@plugins.settings_link
def _links(kind: str, owner) -> list:
    if not _has_active(owner.company_id):
        return []
    return [(_("Assessment settings"), url_for("admin.assessment_settings", kind=kind, owner_id=owner.id))]


@plugins.settings_section
def _settings_section() -> list[dict]:
    if not getattr(current_user, "is_company_admin", False):
        return []
    return [{"label": _("Assessments"), "url": url_for("admin.assessment_products"),
             "hint": _("Alva Labs tests: which products are active, their activity log.")}]


plugins.card_action(CardAction(
    key="assessment_send", label=_l("Send assessment"), order=60, method="get",
    url=lambda application: url_for("admin.assessment_send", application_id=application.id),
    available=lambda application, user: application.job_id is not None and application.status == ApplicationStatus.OPEN
    and _active_on_card(application)))


def _active_on_card(application: Application) -> bool:
    """``_has_active`` from the card's answers (its one statement asks it for the panel)."""
    found = answers(application).get("assessments.active")
    return _has_active(application.company_id) if found is None else bool(found)


@plugins.card_panel(reads={"assessments.orders": services.orders_on_card, "assessments.active": services.active_on_card,
                           "assessments.log": services.log_on_card})
def _panel(application: Application, found: dict) -> str | None:
    orders = services.orders_of(application) if found["assessments.orders"] else []
    if not orders and not found["assessments.active"]:
        return None
    return render_panel("admin/assessments/_panel.html", application=application, orders=orders,
                        vendor_log=services.vendor_log(application) if found["assessments.log"] else [],
                        status_labels=STATUS_LABELS)


def _cause(data: dict) -> str:
    return _("by the job's trigger stage") if data.get("cause") == "trigger" else _("by hand")


plugins.event_text("assessment_ordered", lambda d: _("Assessment “%(test)s” ordered (%(cause)s)",
                                                     test=d.get("test", ""), cause=_cause(d)))
plugins.event_text("assessment_invited", lambda d: _("Assessment “%(test)s” sent to the candidate (%(language)s)",
                                                     test=d.get("test", ""), language=language_name(d["locale"]))
                   if d.get("locale") else _("Assessment “%(test)s” sent to the candidate", test=d.get("test", "")))
plugins.event_text("assessment_failed", lambda d: _("Assessment “%(test)s” could not be sent: %(error)s",
                                                    test=d.get("test", ""), error=partner_text(d.get("error", ""))))
plugins.event_text("assessment_not_sent", lambda d: _("No assessment was sent: %(reason)s",
                                                      reason=problem_text(services.AssessmentError, d)))
plugins.event_text("assessment_status", lambda d: (
    _("Assessment “%(test)s” complete: score %(score)s", test=d.get("test", ""), score=d.get("score") or "—")
    if d.get("status") == "complete" else
    _("Assessment “%(test)s”: %(status)s", test=d.get("test", ""),
      status=str(STATUS_LABELS.get(d.get("status"), d.get("status", ""))).lower())))
plugins.event_text("assessment_moved", lambda d: _("Moved to %(stage)s: assessment score %(score)s passed the "
                                                   "job's threshold", stage=d.get("stage", ""),
                                                   score=d.get("score", "")))
plugins.event_text("assessment_not_moved", lambda d: _("The assessment score passed, but the application could not "
                                                       "be moved: %(reason)s",
                                                       reason=problem_text(ApplicationError, d)))
plugins.event_text("stage_entered:assessment_score", lambda d: _(
    "Moved to %(stage)s: assessment score %(score)s passed the job's threshold", stage=d.get("stage", ""),
    score=d.get("score", "")))
plugins.event_text("assessment_log", lambda d: _("%(product)s: %(message)s", product=d.get("product", "Alva"),
                                                 message=d.get("message", "")))
# The vendor's own log lines repeat the status changes ("Candidate started the test") at the
# vendor's times: they are shown under the test on the panel, not as lines of the timeline.
plugins.detail_event("assessment_log")


# ---------------------------------------------------------------- the company's products (admins)

def _own_integration(integration_id: int) -> PartnerIntegration:
    integration = get_or_404(PartnerIntegration, integration_id)
    if integration.vendor != services.VENDOR:
        abort(404)
    return integration


def _products_page(created=None, error=None, add_form=None, update_form=None, update_id=None):
    """The products page; ``update_form`` is the posted form of product ``update_id`` (its
    errors show in that product's box), ``add_form`` the posted "Enable a product" form."""
    company = _company()
    integrations = services.integrations_of(company.id)
    missing = [(key, label) for key, label in PRODUCTS.items() if key not in {i.product for i in integrations}]
    if add_form is None:
        add_form = ProductAddForm(formdata=None)
    add_form.product.choices = missing
    failed = add_form.errors or error or (update_form is not None and update_form.errors)
    return render_template("admin/assessments/products.html", company=company, integrations=integrations,
                           missing=missing, created=created, error=error, describe_status=describe_status,
                           callback_url=services.callback_url, labels=PRODUCTS, add_form=add_form,
                           update_form=update_form, update_id=update_id), 422 if failed else 200


@bp.get("/settings/assessments")
@admin_required
def assessment_products():
    return _products_page()


@bp.post("/settings/assessments")
@admin_required
def assessment_product_add():
    company = _company()
    if not company.assessments_self_service:
        abort(403)
    form = ProductAddForm()
    form.product.choices = list(PRODUCTS.items())
    if not form.validate():
        return _products_page(add_form=form)
    try:
        integration, secret = services.create_integration(
            company, form.product.data, api_key=form.api_key.data, is_active=True,
            actor=current_user._get_current_object())
    except services.AssessmentError as exc:
        db.session.rollback()
        return _products_page(error=str(exc), add_form=form)
    # The signing secret is shown on this answer only (it is never shown again).
    return _products_page(created=[(integration, secret)])


@bp.post("/settings/assessments/<int:integration_id>")
@admin_required
def assessment_product_update(integration_id: int):
    integration = _own_integration(integration_id)
    if not _company().assessments_self_service:
        abort(403)
    form = ProductUpdateForm()
    if not form.validate():
        return _products_page(update_form=form, update_id=integration.id)
    try:
        services.update_integration(integration, is_active=form.is_active.data, api_key=form.api_key.data or None,
                                    actor=current_user._get_current_object())
    except services.AssessmentError as exc:
        db.session.rollback()
        return _products_page(error=str(exc), update_form=form, update_id=integration.id)
    flash(_("%(product)s saved.", product=services.product_label(integration.product)), "success")
    return redirect(url_for("admin.assessment_products"))


# ---------------------------------------------------------------- settings per job and template



def _with_current(catalogue: list[dict], settings: dict) -> list[dict]:
    """Keep the saved test in the picker even when the vendor's list cannot be loaded."""
    for entry in catalogue:
        if entry["integration"].id == settings["integration_id"] and settings["partner_test_id"] not in {
                t["partner_test_id"] for t in entry["tests"]}:
            entry["tests"] = [*entry["tests"], {"partner_test_id": settings["partner_test_id"],
                                                "partner_test_name": settings["partner_test_name"]
                                                or settings["partner_test_id"]}]
    return catalogue


@bp.route("/assessments/settings/<kind>/<int:owner_id>", methods=["GET", "POST"])
@company_user_required
def assessment_settings(kind: str, owner_id: int):
    owner = _owner(kind, owner_id)
    form = AssessmentSettingsForm.for_owner(owner)
    error = saved = None
    if form.is_submitted() and form.refresh_tests.data:
        services.catalogue(owner.company_id, current_user._get_current_object(), refresh=True)
        if not wants_fragment():
            return redirect(url_for("admin.assessment_settings", kind=kind, owner_id=owner.id))
    elif form.validate_on_submit():
        integration_id, test_id = form.choice()
        threshold, target = form.move()
        try:
            services.save_settings(owner, integration_id=integration_id, partner_test_id=test_id,
                                   trigger_stage_id=form.trigger_stage_id.data, move_threshold=threshold,
                                   move_target_stage_id=target, actor=current_user._get_current_object())
        except services.AssessmentError as exc:
            db.session.rollback()
            error = str(exc)
        else:
            saved = True
            if not wants_fragment():
                flash(_("Assessment settings saved."), "success")
                return redirect(url_for("admin.assessment_settings", kind=kind, owner_id=owner.id))
    failed = bool(error or form.errors)
    settings = services.settings_of(owner)
    catalogue = _with_current(services.catalogue(owner.company_id, current_user._get_current_object()), settings)
    context = {"kind": kind, "owner": owner, "settings": settings, "error": error, "saved": saved,
               "catalogue": catalogue, "form": form, "failed": failed}
    return respond("admin/assessments/_settings_form.html", "admin/assessments/settings.html", context,
                   message=_("Assessment settings saved.") if saved else None, status=422 if failed else 200)


# ---------------------------------------------------------------- "Send assessment"

@bp.route("/applications/<int:application_id>/assessment", methods=["GET", "POST"])
@company_user_required
def assessment_send(application_id: int):
    application = get_or_404(Application, application_id)
    form = SendAssessmentForm()
    error = None
    if form.is_submitted() and form.refresh_tests.data:
        services.catalogue(application.company_id, current_user._get_current_object(), refresh=True)
        if not wants_fragment():
            return redirect(url_for("admin.assessment_send", application_id=application.id))
    elif form.validate_on_submit():
        integration_id, test_id = form.choice()
        try:
            services.send_manually(application, integration_id, test_id, current_user._get_current_object())
        except services.AssessmentError as exc:
            error = str(exc)
        else:
            flash(_("Assessment ordered: the candidate gets an email with the test link in a moment."), "success")
            return redirect(url_for("admin.application", application_id=application.id))
    settings = services.settings_of(application.job) if application.job else services.DEFAULT_SETTINGS
    chosen = f"{settings['integration_id']}:{settings['partner_test_id']}" if settings["integration_id"] else None
    if form.is_submitted() and form.test.data and not form.refresh_tests.data:
        chosen = form.test.data
    catalogue = _with_current(services.catalogue(application.company_id), settings)
    failed = bool(error or form.errors)
    context = {"application": application, "catalogue": catalogue,
               "orders": services.orders_of(application), "chosen": chosen, "error": error,
               "status_labels": STATUS_LABELS, "form": form}
    return respond("admin/assessments/_send_form.html", "admin/assessments/send.html", context,
                   status=422 if failed else 200)
