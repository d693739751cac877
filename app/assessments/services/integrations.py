"""Assessment vendors: integrations per company × product, and the vendor client for one."""

from __future__ import annotations

from flask import current_app
from sqlalchemy import exists, func, select

from app import audit, background
from app.accounts.models import Company, User
from app.applications.models import Application
from app.assessments.models import PRODUCTS, VENDOR
from app.assessments.services.common import CONNECTED, AssessmentError, product_label
from app.extensions import db
from app.integrations import alva
from app.integrations.http import CallResult, allowed_hosts
from app.partners import services as partners
from app.partners.models import IntegrationStatus, PartnerIntegration
from app.problems import store

# ---------------------------------------------------------------- integrations

def integrations_of(company_id: int, *, active_only: bool = False) -> list[PartnerIntegration]:
    stmt = select(PartnerIntegration).where(PartnerIntegration.company_id == company_id,
                                            PartnerIntegration.vendor == VENDOR)
    if active_only:
        stmt = stmt.where(PartnerIntegration.is_active.is_(True))
    rows = db.session.scalars(stmt).all()
    order = list(PRODUCTS)
    return sorted(rows, key=lambda i: order.index(i.product) if i.product in order else 99)


def all_integrations() -> list[PartnerIntegration]:
    """Every assessment integration of every company (platform staff)."""
    rows = db.session.scalars(select(PartnerIntegration).join(Company, Company.id == PartnerIntegration.company_id)
                              .where(PartnerIntegration.vendor == VENDOR).order_by(Company.name)).all()
    order = list(PRODUCTS)
    return sorted(rows, key=lambda i: (i.company.name.lower(), order.index(i.product) if i.product in order else 99))


def integration_of(company_id: int, integration_id: int | None) -> PartnerIntegration | None:
    if integration_id is None:
        return None
    return db.session.scalar(select(PartnerIntegration).where(
        PartnerIntegration.id == integration_id, PartnerIntegration.company_id == company_id,
        PartnerIntegration.vendor == VENDOR))


def is_usable(integration: PartnerIntegration | None) -> bool:
    """Switched on by staff and connected by the vendor: tests can be sent."""
    return bool(integration is not None and integration.is_active and integration.status in CONNECTED)


def has_active(company_id: int) -> bool:
    return db.session.scalar(select(func.count(PartnerIntegration.id)).where(
        PartnerIntegration.company_id == company_id, PartnerIntegration.vendor == VENDOR,
        PartnerIntegration.is_active.is_(True))) > 0


def active_of(company):
    """``has_active`` as an expression of the company's id (the board asks it in its job
    statement; ``remember_active`` keeps the answer for the request)."""
    return exists().where(PartnerIntegration.company_id == company, PartnerIntegration.vendor == VENDOR,
                          PartnerIntegration.is_active.is_(True))


def remember_active(company_id: int, active: bool) -> None:
    """Keep ``has_active``'s answer for this request, where the chips' badge and the admin's
    settings links look first (``haku.assessments_active`` in the request's environ)."""
    from flask import has_request_context, request

    if has_request_context():
        request.environ.setdefault("haku.assessments_active", {})[company_id] = active


def active_on_card():
    """The card's read (app/plugins.py ``card_panel``): ``has_active`` of the application's
    company, asked in the card's own statement."""
    return exists().where(PartnerIntegration.company_id == Application.company_id, PartnerIntegration.vendor == VENDOR,
                          PartnerIntegration.is_active.is_(True))


def callback_url(integration: PartnerIntegration) -> str:
    """Where the vendor sends this integration's callbacks (connect, PATCH, result, logs)."""
    return f"{current_app.config['BASE_URL']}/partner/v1/assessments/{integration.external_id}"


def _snapshot(integration: PartnerIntegration) -> dict:
    """What the audit log keeps of an integration (never a key or secret)."""
    return {"product": integration.product, "is_active": integration.is_active, "status": integration.status,
            "vendor_account_ref": integration.vendor_account_ref, "api_key_hint": integration.api_key_hint}


@background.clean_on_error
def create_integration(company: Company, product: str, *, api_key: str | None, is_active: bool,
                       actor: User) -> tuple[PartnerIntegration, str]:
    """Add one product for a company; returns the integration and its signing secret,
    which is shown once and never again (only its encrypted form is kept)."""
    integration, secret = _add(company, product, api_key=api_key, is_active=is_active, actor=actor)
    db.session.commit()
    return integration, secret


def _add(company: Company, product: str, *, api_key: str | None, is_active: bool,
         actor: User) -> tuple[PartnerIntegration, str]:
    if product not in PRODUCTS:
        raise AssessmentError("bad_product")
    exists = db.session.scalar(select(PartnerIntegration.id).where(
        PartnerIntegration.company_id == company.id, PartnerIntegration.vendor == VENDOR,
        PartnerIntegration.product == product))
    if exists:
        raise AssessmentError("product_exists", product=product_label(product), company=company.name)
    if api_key is not None and len(api_key.strip()) > 500:
        raise AssessmentError("key_too_long")
    integration = PartnerIntegration(company_id=company.id, vendor=VENDOR, product=product, is_active=bool(is_active),
                                     status=IntegrationStatus.NOT_CONFIGURED, created_by_id=actor.id if actor else None)
    db.session.add(integration)
    db.session.flush()  # the external_id is set now; the secrets are bound to it
    partners.set_api_key(integration, api_key)
    secret = partners.new_signing_secret()
    partners.set_signing_secret(integration, secret)
    audit.record(company_id=company.id, actor=audit.actor_of(actor), object=f"partner_integration:{integration.id}",
                 action="create", after=_snapshot(integration))
    return integration, secret


@background.clean_on_error
def enable_all(company: Company, *, actor: User) -> list[tuple[PartnerIntegration, str]]:
    """The "enable all three" shortcut: every product the company does not have yet, active,
    without an API key (staff paste the keys on each integration)."""
    have = {i.product for i in integrations_of(company.id)}
    created = [_add(company, product, api_key=None, is_active=True, actor=actor) for product in PRODUCTS
               if product not in have]
    for integration in integrations_of(company.id):
        if not integration.is_active and integration.product in have:
            before = _snapshot(integration)
            integration.is_active = True
            audit.record(company_id=company.id, actor=audit.actor_of(actor),
                         object=f"partner_integration:{integration.id}", action="update", before=before,
                         after=_snapshot(integration))
    db.session.commit()
    return created


@background.clean_on_error
def update_integration(integration: PartnerIntegration, *, is_active: bool, api_key: str | None = None,
                       vendor_account_ref: str | None = None, actor: User) -> PartnerIntegration:
    """Change an integration. ``api_key``: None keeps the stored key. ``vendor_account_ref``:
    None keeps it; a value finishes the connection by hand (→ configured); "" clears it."""
    before = _snapshot(integration)
    integration.is_active = bool(is_active)
    if api_key is not None and api_key.strip():
        if len(api_key.strip()) > 500:
            raise AssessmentError("key_too_long")
        partners.set_api_key(integration, api_key)
        if integration.status == IntegrationStatus.ERROR:
            integration.status, integration.status_detail = IntegrationStatus.CONFIGURED, None
    if vendor_account_ref is not None:
        ref = vendor_account_ref.strip()
        if len(ref) > 200:
            raise AssessmentError("org_ref_too_long")
        if ref:
            if ref != integration.vendor_account_ref or integration.status not in CONNECTED:
                integration.vendor_account_ref = ref
                integration.status, integration.status_detail = IntegrationStatus.CONFIGURED, None
        elif integration.vendor_account_ref:
            integration.vendor_account_ref = None
            integration.status, integration.status_detail = IntegrationStatus.NOT_CONFIGURED, None
    after = _snapshot(integration)
    if after != before:
        audit.record(company_id=integration.company_id, actor=audit.actor_of(actor),
                     object=f"partner_integration:{integration.id}", action="update", before=before, after=after)
    db.session.commit()
    return integration


def rotate_secret(integration: PartnerIntegration, actor: User) -> str:
    """A new signing secret (shown once); the previous one keeps verifying until the next
    rotation, so the vendor can switch without losing callbacks."""
    secret = partners.new_signing_secret()
    partners.set_signing_secret(integration, secret, keep_previous=True)
    audit.record(company_id=integration.company_id, actor=audit.actor_of(actor),
                 object=f"partner_integration:{integration.id}", action="rotate_secret")
    db.session.commit()
    return secret


def set_self_service(company: Company, enabled: bool, actor: User) -> None:
    before = {"assessments_self_service": company.assessments_self_service}
    company.assessments_self_service = bool(enabled)
    audit.record(company_id=company.id, actor=audit.actor_of(actor), object=f"company:{company.id}",
                 action="assessments_self_service", before=before,
                 after={"assessments_self_service": company.assessments_self_service})
    db.session.commit()


# ---------------------------------------------------------------- the vendor client

def client_for(integration: PartnerIntegration) -> alva.AlvaClient | None:
    key = partners.api_key(integration)
    if not key:
        return None
    config = current_app.config
    return alva.AlvaClient(config["ASSESSMENT_VENDOR_URL"], key, allowed_hosts(config["OUTBOUND_ALLOWED_HOSTS"]))


def _no_key() -> CallResult:
    return CallResult(None, error=store("alva.no_key"), retryable=False)


def _note_call(integration: PartnerIntegration, result: CallResult) -> None:
    """A refused API key puts the integration in ``error``; the next good call clears it."""
    if result.status_code in (401, 403) and integration.status == IntegrationStatus.CONFIGURED:
        integration.status = IntegrationStatus.ERROR
        integration.status_detail = store("alva.key_refused", cause=result.error)
    elif result.ok and integration.status == IntegrationStatus.ERROR:
        integration.status, integration.status_detail = IntegrationStatus.CONFIGURED, None
