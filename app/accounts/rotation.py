"""Encryption-key rotation: re-encrypt every stored secret under the current key.

After a new key is put first in ``HAKU_ENCRYPTION_KEYS`` everything stays readable (every
listed key decrypts); this moves the stored values onto the new key so the old one can be
removed from the list. Safe to run again: values already under the current key are left.
"""

from __future__ import annotations

from flask import current_app
from sqlalchemy import select

from app.accounts import secrets
from app.extensions import db


def _current_kid() -> str:
    return current_app.config["HAKU_ENCRYPTION_KEYS"].split(",")[0].strip().partition(":")[0]


def _fields():
    """(model, column, purpose(row)) of every encrypted column."""
    from app.accounts.models import TwoFactor
    from app.accounts.twofactor import pending_purpose, secret_purpose
    from app.emrex.models import EmrexRequest
    from app.emrex.services import TOKEN_PURPOSE
    from app.partners.models import PartnerIntegration

    def partner(what):
        return lambda row: f"partner:{row.external_id}:{what}"

    return [(PartnerIntegration, "api_key_enc", partner("api_key")),
            (PartnerIntegration, "signing_secret_enc", partner("signing_secret")),
            (PartnerIntegration, "previous_signing_secret_enc", partner("previous")),
            (EmrexRequest, "token_encrypted", lambda row: TOKEN_PURPOSE),
            (TwoFactor, "secret_enc", lambda row: secret_purpose(row.user_id)),
            (TwoFactor, "pending_secret_enc", lambda row: pending_purpose(row.user_id))]


def reencrypt_all(batch: int = 500) -> dict[str, int]:
    """Re-encrypt stored secrets not under the current key; returns counts per column.
    A value no listed key can decrypt raises ``SecretError`` and nothing of that batch is
    written (the key list is wrong; fix it before dropping any key)."""
    kid = _current_kid()
    counts: dict[str, int] = {}
    for model, column, purpose_of in _fields():
        attr = getattr(model, column)
        done = 0
        last_id = 0
        while True:
            rows = db.session.scalars(select(model).where(attr.is_not(None), ~attr.startswith(f"{kid}:"),
                                                          model.id > last_id).order_by(model.id).limit(batch)).all()
            if not rows:
                break
            try:
                for row in rows:
                    purpose = purpose_of(row)
                    plain = secrets.decrypt(getattr(row, column), purpose=purpose)
                    setattr(row, column, secrets.encrypt(plain, purpose=purpose))
                    last_id = row.id
            except secrets.SecretError:
                db.session.rollback()
                raise
            db.session.commit()
            done += len(rows)
        counts[f"{model.__tablename__}.{column}"] = done
    return counts
