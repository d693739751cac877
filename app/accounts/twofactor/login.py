"""Two-factor sign-in: the code step after the password (a pending mark in the session,
then a TOTP or recovery code starts the real session)."""

from __future__ import annotations

from dataclasses import dataclass

from flask import session

from app.accounts.models import User
from app.accounts.twofactor.common import (
    _DIGITS,
    PENDING_KEY,
    PENDING_LOGIN_SECONDS,
    TwoFactorError,
    _audit,
    _consume_recovery,
    _consume_totp,
    _digits,
    _now_ts,
    is_enabled,
    record_of,
)
from app.extensions import db

# ---------------------------------------------------------------- sign-in

def begin_login(user: User, next_url: str | None) -> None:
    """The password was right and the user has 2FA: remember that, without logging in."""
    session.pop("_user_id", None)
    session[PENDING_KEY] = {"uid": user.id, "ver": user.session_version, "at": _now_ts(), "next": next_url}


def pending_login_user() -> User | None:
    """The user whose code step is open in this session, or None (none, expired, or the
    user changed since: disabled, password changed, signed out everywhere)."""
    pending = session.get(PENDING_KEY)
    if not isinstance(pending, dict):
        return None
    user = db.session.get(User, pending.get("uid")) if isinstance(pending.get("uid"), int) else None
    fresh = 0 <= _now_ts() - int(pending.get("at") or 0) <= PENDING_LOGIN_SECONDS
    if user is None or not fresh or not user.is_enabled or pending.get("ver") != user.session_version \
            or not is_enabled(user):
        session.pop(PENDING_KEY, None)
        return None
    return user


def has_pending_login() -> bool:
    return PENDING_KEY in session


@dataclass
class LoginOutcome:
    user: User
    next_url: str | None
    recovery_left: int | None  # set when a recovery code was used


def complete_login(user: User, code: str) -> LoginOutcome:
    """Check the code of the pending step and start the session (``start_session`` drops
    the pending mark with the rest of the pre-login session)."""
    from app.accounts.services import start_session

    row = record_of(user)
    next_url = (session.get(PENDING_KEY) or {}).get("next")
    left = None
    try:
        if _DIGITS.match(_digits(code)):
            _consume_totp(row, user, code)
        else:
            left = _consume_recovery(user, code)
            _audit(user, "recovery_code_used", remaining=left)
    except TwoFactorError as exc:
        db.session.rollback()
        _audit(user, "two_factor_failed", reason=exc.code)
        db.session.commit()
        raise
    start_session(user)
    return LoginOutcome(user=user, next_url=next_url, recovery_left=left)
