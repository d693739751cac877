"""Partner integrations: keys and signing secrets at rest, looking up an integration, alerting
the company's admins."""

from __future__ import annotations

import base64
import secrets as pysecrets

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app import secrets
from app.accounts.models import Role, User
from app.extensions import db
from app.partners.models import PartnerIntegration

# ---------------------------------------------------------------- integrations and keys

def new_signing_secret() -> str:
    return "whsec_" + base64.b64encode(pysecrets.token_bytes(32)).decode()


def _purpose(integration: PartnerIntegration, what: str) -> str:
    return f"partner:{integration.external_id}:{what}"


def set_api_key(integration: PartnerIntegration, api_key: str | None) -> None:
    api_key = (api_key or "").strip()
    integration.api_key_enc = secrets.encrypt(api_key, purpose=_purpose(integration, "api_key")) if api_key else None
    integration.api_key_hint = api_key[-4:] if api_key else None


def set_signing_secret(integration: PartnerIntegration, secret: str | None, *, keep_previous: bool = False) -> None:
    if keep_previous and integration.signing_secret_enc:
        previous = signing_secrets(integration)[0]
        integration.previous_signing_secret_enc = secrets.encrypt(previous, purpose=_purpose(integration, "previous"))
    else:
        integration.previous_signing_secret_enc = None
    integration.signing_secret_enc = (secrets.encrypt(secret, purpose=_purpose(integration, "signing_secret"))
                                      if secret else None)


def api_key(integration: PartnerIntegration) -> str | None:
    if not integration.api_key_enc:
        return None
    return secrets.decrypt(integration.api_key_enc, purpose=_purpose(integration, "api_key"))


def signing_secrets(integration: PartnerIntegration) -> list[str]:
    out = []
    if integration.signing_secret_enc:
        out.append(secrets.decrypt(integration.signing_secret_enc, purpose=_purpose(integration, "signing_secret")))
    if integration.previous_signing_secret_enc:
        out.append(secrets.decrypt(integration.previous_signing_secret_enc, purpose=_purpose(integration, "previous")))
    return out


def integration_by_external_id(vendor: str, external_id: str) -> PartnerIntegration | None:
    if not external_id or len(external_id) > 36 or "\x00" in external_id:
        return None
    return db.session.scalar(select(PartnerIntegration).options(joinedload(PartnerIntegration.company)).where(
        PartnerIntegration.external_id == external_id, PartnerIntegration.vendor == vendor))


def company_admins(company_id: int) -> list[User]:
    return list(db.session.scalars(select(User).where(User.company_id == company_id, User.role == Role.ADMIN.value,
                                                      User.is_enabled.is_(True))))


def alert_admins(integration: PartnerIntegration, title, link: str | None, dedupe_key: str) -> None:
    """Tell the company's admins; ``title`` is a lazy string (``_l``), so each admin reads
    it in their own language."""
    from app.messaging.services import notify

    notify(company_admins(integration.company_id), company_id=integration.company_id, kind="integration_alert",
           title=title, link=link, dedupe_key=dedupe_key)
