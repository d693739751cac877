"""Sign-in throttling that an attacker cannot turn against the account's owner.

These budgets guard ``POST /admin/login`` (keyed on the real client address, which
``TRUSTED_PROXIES`` recovers behind a load balancer):

- per address + account: 5 attempts a minute (SECURITY_BAR 6);
- per address: 20 failed sign-ins a minute and 200 an hour, whatever the account
  (credential stuffing from one address);
- per account: 100 failed sign-ins an hour from all addresses together (a distributed
  guessing attack on one account).

The per-account budget is the one an attacker could use to lock the owner out for an hour
("lockout as denial of service"). So a browser that has signed in to the account before
carries a signed *device cookie* for it (OWASP's "device cookies" scheme), and such a
browser is not held by the account's or the address's budget: the owner keeps signing in
from their usual browser while strangers' guesses get 429. The device has its own budget
(20 failed sign-ins an hour) so a stolen cookie buys few guesses. A correct password from
an unknown browser during an attack still waits: letting it through would let the
attacker's correct guess through too.
"""

from __future__ import annotations

import hashlib
import secrets

from flask import current_app, request
from itsdangerous import BadSignature, URLSafeSerializer


def _setting(name: str):
    return lambda: current_app.config[name]


# The budgets are settings (LOGIN_LIMIT_*, see app/config.py) so tests can shrink them.
PER_ADDRESS_AND_ACCOUNT = _setting("LOGIN_LIMIT_PER_ADDRESS_AND_ACCOUNT")
PER_ADDRESS = _setting("LOGIN_LIMIT_PER_ADDRESS")
PER_ACCOUNT = _setting("LOGIN_LIMIT_PER_ACCOUNT")
PER_DEVICE = _setting("LOGIN_LIMIT_PER_DEVICE")
DEVICE_ACCOUNTS = 5  # accounts one browser remembers (a shared office computer)
DEVICE_MAX_AGE = 180 * 24 * 3600


def _typed_account() -> str:
    return (request.form.get("email") or "").strip().lower()


def _account_hash(email: str) -> str:
    return hashlib.sha256(email.encode()).hexdigest()[:32]


def address_key() -> str:
    return request.remote_addr or "-"


def address_and_account_key() -> str:
    return f"{address_key()}|{_typed_account()}"


def account_key() -> str:
    return _typed_account() or "-"


def failed(response) -> bool:
    """Only failed sign-ins use up the address, account and device budgets."""
    return response.status_code == 401


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="haku-login-device")


def _device() -> dict | None:
    raw = request.cookies.get(current_app.config["LOGIN_DEVICE_COOKIE_NAME"])
    if not raw or len(raw) > 1000:
        return None
    try:
        data = _serializer().loads(raw)
    except BadSignature:
        return None
    return data if isinstance(data, dict) and isinstance(data.get("a"), list) else None


def trusted_device() -> bool:
    """This browser signed in to the typed account before."""
    device = _device()
    return bool(device and _typed_account() and _account_hash(_typed_account()) in device["a"])


def untrusted_device() -> bool:
    return not trusted_device()


def device_key() -> str:
    device = _device() or {}
    return f"{device.get('d', '-')}|{_typed_account()}"


def remember_device(response, email: str):
    """After a successful sign-in: this browser is known for this account from now on."""
    device = _device() or {}
    nonce = device.get("d") if isinstance(device.get("d"), str) else secrets.token_urlsafe(16)
    account = _account_hash(email.strip().lower())
    accounts = [a for a in device.get("a", []) if a != account][-(DEVICE_ACCOUNTS - 1):] + [account]
    config = current_app.config
    response.set_cookie(config["LOGIN_DEVICE_COOKIE_NAME"], _serializer().dumps({"d": nonce, "a": accounts}),
                        max_age=DEVICE_MAX_AGE, path="/", secure=config["SESSION_COOKIE_SECURE"], httponly=True,
                        samesite="Lax")
    return response
