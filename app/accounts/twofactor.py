"""Two-factor sign-in: TOTP from an authenticator app, and single-use recovery codes.

Sign-in has two steps. The password step only leaves a *pending* mark in the session (user
id, session version, time): nobody is logged in, so no page behind a login opens. The code
step checks a TOTP code (±1 time step, a step already used is a replay) or a recovery code,
and only then starts the real session. The pending mark lives 5 minutes.

Secrets are encrypted at rest with ``app.secrets`` (rotated by ``flask secrets
reencrypt``); recovery codes are stored as SHA-256 hashes (they are 60 random bits, shown
once). Enabling, replacing, disabling and regenerating bump the session version, so other
sessions of the user end, and are audited.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets as pysecrets
from dataclasses import dataclass
from datetime import UTC, datetime

import pyotp
from flask import session
from flask_babel import lazy_gettext as _l
from flask_login import login_user
from sqlalchemy import delete, func, or_, select, update

from app import audit, background, secrets
from app.accounts.models import Company, RecoveryCode, TwoFactor, User
from app.clock import utcnow
from app.extensions import db
from app.problems import Problem

STEP_SECONDS = 30
WINDOW_STEPS = 1
PENDING_LOGIN_SECONDS = 5 * 60
RECOVERY_CODE_COUNT = 10
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i
RECOVERY_GROUPS = 3  # xxxx-xxxx-xxxx: 12 characters, about 59 bits
ISSUER = "Haku"
PENDING_KEY = "two_factor_login"

_DIGITS = re.compile(r"^\d{6}$")


def N_(message: str) -> str:
    """Marks a msgid for extraction; the audit page translates it when it shows it."""
    return message


audit.ACTION_LABELS.update({
    "two_factor_enabled": N_("Turned on two-factor sign-in"),
    "two_factor_replaced": N_("Moved two-factor sign-in to a new phone"),
    "two_factor_disabled": N_("Turned off two-factor sign-in"),
    "two_factor_reset": N_("Two-factor sign-in was reset"),
    "two_factor_failed": N_("Wrong two-factor code"),
    "recovery_codes_regenerated": N_("Made new recovery codes"),
    "recovery_code_used": N_("Signed in with a recovery code"),
    "two_factor_required": N_("Changed the two-factor requirement"),
})


class TwoFactorError(Problem):
    """A rule of two-factor sign-in was broken. ``code`` says which."""

    messages = {
        "wrong_code": _l("That code is not right. Check that the time on your phone is set automatically, "
                         "then try the newest code."),
        "code_used": _l("That code was already used. Wait for the next code in your app."),
        "recovery_used": _l("That recovery code was already used. Each recovery code works once."),
        "no_pending": _l("The setup was restarted or finished elsewhere. Please start again."),
        "not_enabled": _l("Two-factor sign-in is not on for your account."),
        "required": _l("Two-factor sign-in is required for your account, so it cannot be turned off. "
                       "You can move it to a new phone instead."),
        "wrong_proof": _l("That is neither your password nor a current code from your app."),
        "admin_first": _l("Set up two-factor sign-in for your own account first."),
    }


def secret_purpose(user_id: int) -> str:
    return f"user:{user_id}:totp"


def pending_purpose(user_id: int) -> str:
    return f"user:{user_id}:totp-pending"


# ---------------------------------------------------------------- state

def record_of(user: User) -> TwoFactor | None:
    return db.session.scalar(select(TwoFactor).where(TwoFactor.user_id == user.id))


def is_enabled(user: User) -> bool:
    row = record_of(user)
    return bool(row and row.is_enabled)


def is_required(user: User) -> bool:
    """Platform staff always; a company's users when the company requires it."""
    if user.is_staff:
        return True
    company = db.session.get(Company, user.company_id) if user.company_id else None
    return bool(company and company.two_factor_required)


def needs_enrolment(user: User) -> bool:
    return is_required(user) and not is_enabled(user)


def pending_secret(user: User) -> str | None:
    """The secret waiting for its first code (enrolment or a new phone), if any."""
    row = record_of(user)
    if row is None or row.pending_secret_enc is None:
        return None
    return secrets.decrypt(row.pending_secret_enc, purpose=pending_purpose(user.id))


def provisioning_uri(user: User, secret: str) -> str:
    """The ``otpauth://`` address an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)


def recovery_codes_left(user: User) -> int:
    return db.session.scalar(select(func.count(RecoveryCode.id)).where(
        RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))) or 0


# ---------------------------------------------------------------- codes

def _normalise_recovery(code: str) -> str:
    return re.sub(r"[\s-]", "", (code or "").lower())


def _recovery_hash(user_id: int, code: str) -> str:
    return hashlib.sha256(f"haku-recovery:{user_id}:{_normalise_recovery(code)}".encode()).hexdigest()


def _new_recovery_codes(user: User) -> list[str]:
    """Replace every recovery code of ``user`` with fresh ones; returns them in clear (once)."""
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = []
    for _ in range(RECOVERY_CODE_COUNT):
        raw = "".join(pysecrets.choice(RECOVERY_ALPHABET) for _ in range(4 * RECOVERY_GROUPS))
        code = "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))
        codes.append(code)
        db.session.add(RecoveryCode(user_id=user.id, code_hash=_recovery_hash(user.id, code)))
    return codes


def _digits(code: str) -> str:
    return re.sub(r"\s", "", code or "")


def _matching_counter(secret: str, code: str, last_counter: int | None) -> int:
    """The time step whose code ``code`` is (now ±1 step), newer than ``last_counter``.
    Raises ``wrong_code`` or ``code_used`` (a replay)."""
    code = _digits(code)
    if not _DIGITS.match(code):
        raise TwoFactorError("wrong_code")
    totp = pyotp.TOTP(secret, interval=STEP_SECONDS)
    current = totp.timecode(_now_dt())
    replayed = False
    for offset in range(-WINDOW_STEPS, WINDOW_STEPS + 1):
        counter = current + offset
        if hmac.compare_digest(totp.generate_otp(counter), code):
            if last_counter is not None and counter <= last_counter:
                replayed = True
                continue
            return counter
    raise TwoFactorError("code_used" if replayed else "wrong_code")


def _now_dt() -> datetime:
    return utcnow().replace(tzinfo=UTC)


def _now_ts() -> int:
    return int(_now_dt().timestamp())


def _consume_totp(row: TwoFactor, user: User, code: str) -> None:
    """Accept a code of the enabled secret once: the step is stored with a conditional
    UPDATE, so two requests racing with the same code cannot both pass."""
    secret = secrets.decrypt(row.secret_enc, purpose=secret_purpose(user.id))
    counter = _matching_counter(secret, code, row.last_counter)
    result = db.session.execute(
        update(TwoFactor).where(TwoFactor.id == row.id,
                                or_(TwoFactor.last_counter.is_(None), TwoFactor.last_counter < counter))
        .values(last_counter=counter).execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise TwoFactorError("code_used")
    db.session.refresh(row)


def _consume_recovery(user: User, code: str) -> int:
    """Use one recovery code; returns how many are left."""
    digest = _recovery_hash(user.id, code)
    result = db.session.execute(
        update(RecoveryCode).where(RecoveryCode.user_id == user.id, RecoveryCode.code_hash == digest,
                                   RecoveryCode.used_at.is_(None))
        .values(used_at=utcnow()).execution_options(synchronize_session=False))
    if result.rowcount != 1:
        used = db.session.scalar(select(RecoveryCode.id).where(RecoveryCode.user_id == user.id,
                                                               RecoveryCode.code_hash == digest))
        raise TwoFactorError("recovery_used" if used else "wrong_code")
    return recovery_codes_left(user)


def _check_proof(user: User, row: TwoFactor, proof: str) -> str:
    """The password or a current code (for turning off and regenerating). Returns which."""
    if _DIGITS.match(_digits(proof)):
        _consume_totp(row, user, proof)
        return "code"
    if proof and user.check_password(proof):
        return "password"
    raise TwoFactorError("wrong_proof")


def _bump(user: User) -> None:
    """Other sessions of the user end; this browser stays signed in (after the commit)."""
    user.session_version += 1


def _audit(user: User, action: str, actor: User | None = None, **after) -> None:
    audit.record(company_id=user.company_id, actor=audit.actor_of(actor or user), object=f"user:{user.id}",
                 action=action, after=after or None)


# ---------------------------------------------------------------- enrolment

def start_enrolment(user: User) -> None:
    """A new secret waits for its first code (the current one, if any, stays in force)."""
    row = record_of(user)
    if row is None:
        row = TwoFactor(user_id=user.id)
        db.session.add(row)
    row.pending_secret_enc = secrets.encrypt(pyotp.random_base32(), purpose=pending_purpose(user.id))
    background.commit()


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
    background.commit()
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
    background.commit()
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
    background.commit()
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
    background.commit()
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
    background.commit()


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
    background.commit()
    return company


def requirement_overview(company_id: int) -> tuple[Company, int, list[User]]:
    """(the company, how many active users it has, those of them without 2FA)."""
    company = db.session.get(Company, company_id)
    users = db.session.scalars(select(User).where(User.company_id == company_id, User.is_enabled.is_(True))
                               .order_by(User.name)).all()
    enabled = set(db.session.scalars(select(TwoFactor.user_id).where(
        TwoFactor.user_id.in_([u.id for u in users]), TwoFactor.secret_enc.is_not(None))))
    return company, len(users), [u for u in users if u.id not in enabled]


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
        background.commit()
        raise
    start_session(user)
    return LoginOutcome(user=user, next_url=next_url, recovery_left=left)
