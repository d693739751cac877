"""TopCV, the connection: keys, the webhook URL, the gate for inbound events, the client."""

from __future__ import annotations

import base64

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app import audit
from app.accounts.models import Company, User
from app.boards.services.common import PRODUCT, VENDOR, BoardError
from app.clock import utcnow
from app.extensions import db
from app.integrations.http import CallResult, allowed_hosts
from app.integrations.topcv import TopCVClient
from app.links import external_url, path_for
from app.partners import services as partners
from app.partners import texts
from app.partners.models import IntegrationStatus, PartnerIntegration
from app.problems import store

# ---------------------------------------------------------------- the connection

def boards_enabled(company_id: int) -> bool:
    company = db.session.get(Company, company_id)
    return bool(company and company.job_boards_enabled)


def set_enabled(company: Company, enabled: bool, actor: User) -> None:
    """Platform staff switch job boards on or off for a company (off by default). Audited."""
    before = company.job_boards_enabled
    company.job_boards_enabled = bool(enabled)
    audit.record(company_id=company.id, actor=audit.actor_of(actor), object=f"company:{company.id}",
                 action="job_boards_enabled", before={"enabled": before}, after={"enabled": company.job_boards_enabled})
    db.session.commit()


def connection(company_id: int, create: bool = False) -> PartnerIntegration | None:
    row = db.session.scalar(select(PartnerIntegration).where(
        PartnerIntegration.company_id == company_id, PartnerIntegration.vendor == VENDOR,
        PartnerIntegration.product == PRODUCT))
    if row is None and create:
        row = PartnerIntegration(company_id=company_id, vendor=VENDOR, product=PRODUCT,
                                 status=IntegrationStatus.NOT_CONFIGURED)
        db.session.add(row)
        db.session.flush()
    return row


def accepts_events(integration: PartnerIntegration) -> bool:
    """Known but switched off, disconnected or without keys → 410."""
    company = integration.company
    enabled = company.job_boards_enabled if company is not None else boards_enabled(integration.company_id)
    return (integration.is_active and bool(enabled)
            and integration.status in (IntegrationStatus.CONFIGURED, IntegrationStatus.ERROR)
            and bool(integration.signing_secret_enc))


def secret_as_whsec(secret: str) -> str:
    """TopCV signs with the Secret Key as pasted: its UTF-8 bytes are the HMAC key."""
    return "whsec_" + base64.b64encode(secret.encode("utf-8")).decode()


def webhook_url(integration: PartnerIntegration) -> str:
    return external_url("partner_api.topcv_events", external_id=integration.external_id)


def client_for(integration: PartnerIntegration, api_key: str | None = None) -> TopCVClient:
    key = api_key if api_key is not None else (partners.api_key(integration) or "")
    return TopCVClient(current_app.config["TOPCV_API_URL"], key,
                       allowed_hosts(current_app.config["OUTBOUND_ALLOWED_HOSTS"]),
                       timeout=current_app.config.get("PARTNER_HTTP_TIMEOUT", 10))


def _refusal(result: CallResult, field: str | None = None) -> BoardError:
    """TopCV's failed answer as the error shown to the recruiter."""
    if result.status_code in (401, 403):
        return BoardError("keys_refused", field)
    if result.retryable:
        return BoardError("unreachable", field, error=texts.lazy(result.error))
    return BoardError("refused", field, error=texts.lazy(result.error))


def _fail_reason(result: CallResult) -> str:
    """The same as a posting keeps its last error: a stored code (app/boards/texts.py),
    worded in each reader's language when shown."""
    refusal = _refusal(result)
    return store(f"topcv.{refusal.code}", **({"error": result.error} if "error" in refusal.params else {}))


def save_keys(company_id: int, actor: User, api_key: str, secret_key: str) -> PartnerIntegration:
    """Validate the keys against TopCV (``GET /v1/me``) and store them encrypted."""
    api_key, secret_key = (api_key or "").strip(), (secret_key or "").strip()
    if not boards_enabled(company_id):
        raise BoardError("not_enabled")
    if not api_key:
        raise BoardError("no_api_key", "api_key")
    if not secret_key:
        raise BoardError("no_secret_key", "secret_key")
    if len(api_key) > 500 or len(secret_key) > 500:
        raise BoardError("key_too_long")
    integration = connection(company_id, create=True)
    result = partners.call_now(integration, "topcv.me", lambda: client_for(integration, api_key).me(),
                               summary=store("topcv.validate_summary"), actor=actor)
    if not result.ok or not isinstance(result.data, dict):
        db.session.commit()  # keep the log row; the keys are not stored
        raise _refusal(result) if not result.ok else BoardError("unexpected_answer")
    before = {"status": integration.status, "api_key_hint": integration.api_key_hint}
    partners.set_api_key(integration, api_key)
    partners.set_signing_secret(integration, secret_key)
    integration.status, integration.status_detail = IntegrationStatus.CONFIGURED, None
    integration.account_name = str(result.data.get("name") or "")[:200] or None
    integration.vendor_account_ref = str(result.data.get("employer_id") or "")[:200] or None
    integration.is_active = True
    audit.record(company_id=company_id, actor=audit.actor_of(actor), object=f"partner_integration:{integration.id}",
                 action="topcv.keys_saved", before=before,
                 after={"status": integration.status, "api_key_hint": integration.api_key_hint})
    db.session.commit()
    return integration


def disconnect(company_id: int, actor: User) -> PartnerIntegration | None:
    """Wipe the keys; the posting history stays."""
    integration = connection(company_id)
    if integration is None:
        return None
    before = {"status": integration.status, "api_key_hint": integration.api_key_hint}
    partners.set_api_key(integration, None)
    partners.set_signing_secret(integration, None)
    integration.status, integration.status_detail = IntegrationStatus.NOT_CONFIGURED, None
    audit.record(company_id=company_id, actor=audit.actor_of(actor), object=f"partner_integration:{integration.id}",
                 action="topcv.disconnected", before=before, after={"status": integration.status})
    db.session.commit()
    return integration


def _keys_refused(integration: PartnerIntegration, result: CallResult) -> None:
    """TopCV refused the stored keys: disconnected, and the admins are told."""
    if integration.status != IntegrationStatus.DISCONNECTED:
        integration.status = IntegrationStatus.DISCONNECTED
        integration.status_detail = store("topcv.keys_refused_stored")
        partners.alert_admins(integration, _l("TopCV refused the stored keys: paste new ones"),
                              path_for("admin.topcv_settings"), f"topcv-refused:{integration.id}:{utcnow():%Y%m%d%H}")


def _note_result(integration: PartnerIntegration, result: CallResult) -> None:
    if result.status_code in (401, 403):
        _keys_refused(integration, result)
    elif result.ok and integration.status == IntegrationStatus.ERROR:
        integration.status, integration.status_detail = IntegrationStatus.CONFIGURED, None
    elif result.retryable and not result.ok:
        integration.status_detail = store("topcv.last_call_failed", cause=result.error)


def usable(company_id: int) -> PartnerIntegration:
    integration = connection(company_id)
    if not boards_enabled(company_id):
        raise BoardError("not_enabled")
    if integration is None or integration.status not in (IntegrationStatus.CONFIGURED, IntegrationStatus.ERROR):
        raise BoardError("not_connected")
    return integration
