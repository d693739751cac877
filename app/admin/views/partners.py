"""The delivery log of one partner integration (company admins): every call both ways,
with replay of failed ones."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts.tenancy import get_or_404
from app.admin.blueprint import bp
from app.partners import services, vendors
from app.partners.models import PartnerDelivery, PartnerIntegration
from app.security import admin_required


@bp.get("/integrations/<int:integration_id>/log")
@admin_required
def partner_log(integration_id: int):
    integration = get_or_404(PartnerIntegration, integration_id)
    from app.assessments.models import PRODUCTS

    return render_template("admin/partners/log.html", integration=integration,
                           vendor_name=vendors.get(integration.vendor).display_name,
                           product_name=PRODUCTS.get(integration.product),
                           rows=services.deliveries_for(integration))


@bp.post("/integrations/deliveries/<int:delivery_id>/replay")
@admin_required
def partner_replay(delivery_id: int):
    delivery = get_or_404(PartnerDelivery, delivery_id)
    try:
        services.replay(delivery, current_user._get_current_object())
    except services.PartnerError as exc:
        flash(str(exc), "error")
    else:
        flash(_("Replay queued."), "success")
    return redirect(url_for("admin.partner_log", integration_id=delivery.integration_id))
