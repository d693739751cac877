"""Encryption-key rotation: re-encrypt every stored secret under the current key.

After a new key is put first in ``HAKU_ENCRYPTION_KEYS`` everything stays readable (every
listed key decrypts); this moves the stored values onto the new key so the old one can be
removed from the list. Safe to run again: values already under the current key are left.

Each feature registers its encrypted columns in its ``hooks.py``
(``plugins.encrypted(Model, "column", purpose_of_row)``, app/plugins.py): rotation knows no feature.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import current_app
from sqlalchemy import select

from app import secrets
from app.extensions import db
from app.plugins import plugins

#: (model, column, purpose(row)) of every encrypted column, registered by the features
ENCRYPTED: list[tuple[type, str, Callable]] = plugins.encrypted_columns


def _current_kid() -> str:
    return current_app.config["HAKU_ENCRYPTION_KEYS"].split(",")[0].strip().partition(":")[0]


def reencrypt_all(batch: int = 500) -> dict[str, int]:
    """Re-encrypt stored secrets not under the current key; returns counts per column.
    A value no listed key can decrypt raises ``SecretError`` and nothing of that batch is
    written (the key list is wrong; fix it before dropping any key)."""
    kid = _current_kid()
    counts: dict[str, int] = {}
    for model, column, purpose_of in ENCRYPTED:
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
