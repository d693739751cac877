"""Two-factor sign-in: turning it on (enrolment), new recovery codes, turning it off, an
admin's reset, and the company's requirement."""

from __future__ import annotations

import pyotp
from flask_login import login_user
from sqlalchemy import delete, select

from app import audit, secrets
from app.accounts.models import Company, RecoveryCode, TwoFactor, User
from app.accounts.twofactor.common import (
    TwoFactorError,
    _audit,
    _bump,
    _check_proof,
    _matching_counter,
    _new_recovery_codes,
    is_enabled,
    is_required,
    pending_purpose,
    record_of,
    recovery_codes_left,
    secret_purpose,
)
from app.clock import utcnow
from app.extensions import db

# ---------------------------------------------------------------- enrolment

def start_enrolment(user: User) -> None:
    """A new secret waits for its first code (the current one, if any, stays in force)."""
    row = record_of(user)
    if row is None:
        row = TwoFactor(user_id=user.id)
        db.session.add(row)
    row.pending_secret_enc = secrets.encrypt(pyotp.random_base32(), purpose=pending_purpose(user.id))
    db.session.commit()


def confirm_enrolment(user: User, code: str) -> list[str]:
    """The first code from the app proves it holds the new secret: it becomes the secret.
    Returns new recovery codes on first enrolment (a new phone keeps the old codes: [])."""
    row = record_of(user)
    if row is None or row.pending_secret_enc is None:
        raise TwoFactorError("no_pending")
    secret = secrets.decrypt(row.pending_secret_enc, purpose=pending_purpose(user.id))
    counter = _matching_counter(secret, code, None)
    replacing = row.is_enabled
    row.secret_enc = secrets.encrypt(secret, purpose=secret_purpose(user.id))
    row.pending_secret_enc = None
    row.enabled_at = utcnow()
    row.last_counter = counter
    codes = [] if replacing and recovery_codes_left(user) else _new_recovery_codes(user)
    _bump(user)
    _audit(user, "two_factor_replaced" if replacing else "two_factor_enabled")
    db.session.commit()
    login_user(user)
    return codes


def regenerate_recovery_codes(user: User, proof: str) -> list[str]:
    row = record_of(user)
    if row is None or not row.is_enabled:
        raise TwoFactorError("not_enabled")
    try:
        how = _check_proof(user, row, proof)
    except TwoFactorError:
        db.session.rollback()
        raise
    codes = _new_recovery_codes(user)
    _bump(user)
    _audit(user, "recovery_codes_regenerated", proof=how)
    db.session.commit()
    login_user(user)
    return codes


def disable(user: User, proof: str) -> None:
    row = record_of(user)
    if row is None or not row.is_enabled:
        raise TwoFactorError("not_enabled")
    if is_required(user):
        raise TwoFactorError("required")
    try:
        how = _check_proof(user, row, proof)
    except TwoFactorError:
        db.session.rollback()
        raise
    db.session.delete(row)
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    _bump(user)
    _audit(user, "two_factor_disabled", proof=how)
    db.session.commit()
    login_user(user)


def enrol_known_secret(user: User, secret: str) -> list[str]:
    """Enable 2FA with a given secret, without a confirming code. For the development demo
    (whose staff key is printed by ``make run``) and the test builders only."""
    row = record_of(user) or TwoFactor(user_id=user.id)
    db.session.add(row)
    row.secret_enc = secrets.encrypt(secret, purpose=secret_purpose(user.id))
    row.pending_secret_enc = None
    row.enabled_at = utcnow()
    row.last_counter = None
    db.session.flush()
    codes = _new_recovery_codes(user)
    _bump(user)
    _audit(user, "two_factor_enabled")
    db.session.commit()
    return codes


def reset(user: User, actor: User | None = None) -> None:
    """Remove a user's second factor (lost phone and no recovery codes; ``flask staff
    reset-two-factor``). A user who must have one is asked to enrol at the next sign-in."""
    row = record_of(user)
    if row is not None:
        db.session.delete(row)
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    _bump(user)
    _audit(user, "two_factor_reset", actor=actor)
    db.session.commit()


# ---------------------------------------------------------------- the company requirement

def set_company_requirement(company_id: int, required: bool, actor: User) -> Company:
    """Admins only (the view checks the role). An admin turning it on must have 2FA first,
    so the setting never sends its own author to enrolment by surprise."""
    company = db.session.get(Company, company_id)
    if required and not is_enabled(actor):
        raise TwoFactorError("admin_first")
    before = bool(company.two_factor_required)
    if before != required:
        company.two_factor_required = required
        audit.record(company_id=company_id, actor=audit.actor_of(actor), object=f"company:{company_id}",
                     action="two_factor_required", before={"two_factor_required": before},
                     after={"two_factor_required": required})
    db.session.commit()
    return company


def requirement_overview(company_id: int) -> tuple[Company, int, list[User]]:
    """(the company, how many active users it has, those of them without 2FA)."""
    company = db.session.get(Company, company_id)
    users = db.session.scalars(select(User).where(User.company_id == company_id, User.is_enabled.is_(True))
                               .order_by(User.name)).all()
    enabled = set(db.session.scalars(select(TwoFactor.user_id).where(
        TwoFactor.user_id.in_([u.id for u in users]), TwoFactor.secret_enc.is_not(None))))
    return company, len(users), [u for u in users if u.id not in enabled]
