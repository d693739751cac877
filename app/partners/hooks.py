"""Imported at start-up (``register_features``): what the partner delivery log plugs into
the core — the sweep step for retries and lost work, and the encrypted keys of every
integration. Each vendor (TopCV, Alva Labs) is registered by its own feature's ``hooks.py``."""

from __future__ import annotations

from app.partners import services
from app.partners.models import PartnerIntegration
from app.plugins import plugins


@plugins.sweep_step("partner_deliveries")
def _deliveries() -> int:
    return services.sweep_deliveries()


def _partner(what: str):
    return lambda row: f"partner:{row.external_id}:{what}"


plugins.encrypted(PartnerIntegration, "api_key_enc", _partner("api_key"))
plugins.encrypted(PartnerIntegration, "signing_secret_enc", _partner("signing_secret"))
plugins.encrypted(PartnerIntegration, "previous_signing_secret_enc", _partner("previous"))
