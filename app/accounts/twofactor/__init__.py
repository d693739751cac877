"""Two-factor sign-in: TOTP from an authenticator app, and single-use recovery codes.

Sign-in has two steps. The password step only leaves a *pending* mark in the session (user
id, session version, time): nobody is logged in, so no page behind a login opens. The code
step checks a TOTP code (±1 time step, a step already used is a replay) or a recovery code,
and only then starts the real session. The pending mark lives 5 minutes.

Secrets are encrypted at rest with ``app.secrets`` (rotated by ``flask secrets
reencrypt``); recovery codes are stored as SHA-256 hashes (they are 60 random bits, shown
once). Enabling, replacing, disabling and regenerating bump the session version, so other
sessions of the user end, and are audited.

One module per part: ``common`` (settings, the error, a user's state, checking codes),
``enrolment`` (turning it on and off, recovery codes, reset, the company requirement) and
``login`` (the code step of sign-in).
"""

from app.accounts.twofactor.common import (
    ISSUER,
    PENDING_KEY,
    PENDING_LOGIN_SECONDS,
    RECOVERY_CODE_COUNT,
    STEP_SECONDS,
    WINDOW_STEPS,
    TwoFactorError,
    _consume_totp,
    is_enabled,
    is_required,
    needs_enrolment,
    pending_purpose,
    pending_secret,
    provisioning_uri,
    record_of,
    recovery_codes_left,
    secret_purpose,
)
from app.accounts.twofactor.enrolment import (
    confirm_enrolment,
    disable,
    enrol_known_secret,
    regenerate_recovery_codes,
    requirement_overview,
    reset,
    set_company_requirement,
    start_enrolment,
)
from app.accounts.twofactor.login import (
    LoginOutcome,
    begin_login,
    complete_login,
    has_pending_login,
    pending_login_user,
)

__all__ = [
    "ISSUER", "PENDING_KEY", "PENDING_LOGIN_SECONDS", "RECOVERY_CODE_COUNT", "STEP_SECONDS", "WINDOW_STEPS",
    "LoginOutcome", "TwoFactorError", "_consume_totp", "begin_login", "complete_login", "confirm_enrolment",
    "disable", "enrol_known_secret", "has_pending_login", "is_enabled", "is_required", "needs_enrolment",
    "pending_login_user", "pending_purpose", "pending_secret", "provisioning_uri", "record_of",
    "recovery_codes_left", "regenerate_recovery_codes", "requirement_overview", "reset", "secret_purpose",
    "set_company_requirement", "start_enrolment",
]
