"""TopCV → Haku events (PARTNERS.md §3.3)."""

from __future__ import annotations

from flask import current_app

from app.partner_api.blueprint import bp
from app.partner_api.views import intake
from app.security import public


@bp.post("/boards/topcv/<external_id>/events")
@public  # no session: every call is verified by its Standard Webhooks signature
def topcv_events(external_id: str):
    return intake("topcv", external_id, current_app.config["TOPCV_WEBHOOK_MAX_BYTES"])
