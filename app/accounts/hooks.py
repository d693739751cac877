"""Imported at start-up (``register_features``): what accounts plug into the core — the
encrypted two-factor secrets, for key rotation."""

from __future__ import annotations

from app.accounts.models import TwoFactor
from app.accounts.twofactor import pending_purpose, secret_purpose
from app.plugins import plugins

plugins.encrypted(TwoFactor, "secret_enc", lambda row: secret_purpose(row.user_id))
plugins.encrypted(TwoFactor, "pending_secret_enc", lambda row: pending_purpose(row.user_id))
