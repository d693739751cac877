"""Secrets at rest: AES-GCM with keys from ``HAKU_ENCRYPTION_KEYS`` (``kid:base64key,…``).

The first key encrypts; every listed key decrypts, so a key can be rotated by putting the
new one first and keeping the old one until data has been re-encrypted.
"""

from __future__ import annotations

import base64
import os
from functools import lru_cache

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from flask import current_app


class SecretError(ValueError):
    pass


@lru_cache(maxsize=8)
def _keys(spec: str) -> tuple[tuple[str, bytes], ...]:
    """The parsed key list of a ``HAKU_ENCRYPTION_KEYS`` value (parsed once per value: every
    signed partner call decrypts its secret, issue 15)."""
    keys = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        kid, _, b64 = part.partition(":")
        key = base64.b64decode(b64)
        if len(key) not in (16, 24, 32):
            raise SecretError(f"encryption key {kid!r} must be 16, 24 or 32 bytes")
        keys.append((kid, key))
    if not keys:
        raise SecretError("HAKU_ENCRYPTION_KEYS is empty")
    return tuple(keys)


def encrypt(plaintext: str, *, purpose: str, spec: str | None = None) -> str:
    """Encrypt ``plaintext``; ``purpose`` is bound as associated data."""
    kid, key = _keys(spec or current_app.config["HAKU_ENCRYPTION_KEYS"])[0]
    nonce = os.urandom(12)
    ct = AESGCM(key).encrypt(nonce, plaintext.encode(), purpose.encode())
    return f"{kid}:{base64.urlsafe_b64encode(nonce + ct).decode()}"


def decrypt(token: str, *, purpose: str, spec: str | None = None) -> str:
    kid, _, b64 = token.partition(":")
    for candidate_kid, key in _keys(spec or current_app.config["HAKU_ENCRYPTION_KEYS"]):
        if candidate_kid == kid:
            raw = base64.urlsafe_b64decode(b64)
            try:
                return AESGCM(key).decrypt(raw[:12], raw[12:], purpose.encode()).decode()
            except Exception as exc:  # InvalidTag: tampered or wrong purpose
                raise SecretError("secret could not be decrypted") from exc
    raise SecretError(f"no encryption key with id {kid!r}")


def mask(secret: str | None, visible: int = 4) -> str:
    """What the UI shows of a secret: its last few characters only."""
    if not secret:
        return ""
    return "•" * 8 + secret[-visible:]
