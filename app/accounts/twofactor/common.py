"""Two-factor sign-in, the shared part: settings, the error, a user's state, and checking
codes (TOTP with replay protection, single-use recovery codes)."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets as pysecrets
from datetime import UTC, datetime

import pyotp
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, or_, select, update

from app import audit, secrets
from app.accounts.models import RecoveryCode, TwoFactor, User
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
    company = user.company if user.company_id else None  # loaded with the user (app.security.load_user)
    return bool(company and company.two_factor_required)


def needs_enrolment(user: User) -> bool:
    """Asked before every page (``app.security._enforce_two_factor``), before the view changes
    anything: the record comes through ``user.two_factor``, which the signed-in user is loaded
    with (``app.security.load_user``), so the check costs no statement."""
    if not is_required(user):
        return False
    row = user.two_factor
    return not (row and row.is_enabled)


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
