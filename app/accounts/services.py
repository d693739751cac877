"""Companies, users, passwords and logins."""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from pathlib import Path

from flask import session
from flask_babel import lazy_gettext as _l
from flask_login import login_user, logout_user
from sqlalchemy import func, select

from app import background
from app.accounts.models import Company, Role, User, password_hash_method
from app.clock import utcnow
from app.extensions import db
from app.problems import Problem

MIN_PASSWORD = 8
MAX_PASSWORD = 128
SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")
RESERVED_SLUGS = {"admin", "staff", "static", "partner", "emrex", "api", "login", "logout"}


class AccountError(Problem):
    """A rule of accounts was broken; ``code`` says which (a refused password: the codes of
    :func:`password_problem_code`)."""

    messages = {
        # the password policy (MIN_PASSWORD and MAX_PASSWORD are in the first two)
        "too_short": _l("Use at least 8 characters (15 or more is better)."),
        "too_long": _l("Use at most 128 characters."),
        "common": _l("This password is too common. Please choose another."),
        "is_email": _l("The password cannot be your email address."),
        "unknown_role": _l("Unknown role."),
        "email_taken": _l("A user with this email already exists."),
        "bad_slug": _l("The slug may use lowercase letters, digits and dashes (not at the ends)."),
        "slug_taken": _l("That slug is taken."),
        "no_company_name": _l("The company needs a name."),
        "bad_role": _l("Pick one of the roles offered."),
        "wrong_password": _l("The current password is not right."),
    }


@lru_cache(maxsize=1)
def _common_passwords() -> frozenset[str]:
    path = Path(__file__).parent / "data" / "common-passwords.txt.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip())


def password_problem_code(password: str, email: str | None = None) -> str | None:
    """Why a password is refused, as a code (``too_short``, ``too_long``, ``common``,
    ``is_email``), or None: length and the common list, no composition rules."""
    if len(password) < MIN_PASSWORD:
        return "too_short"
    if len(password) > MAX_PASSWORD:
        return "too_long"
    if password.lower() in _common_passwords():
        return "common"
    if email and password.lower() == email.lower():
        return "is_email"
    return None


def password_problem(password: str, email: str | None = None) -> str | None:
    """Why a password is refused, or None (length and the common list; no composition rules)."""
    code = password_problem_code(password, email)
    return AccountError(code).message if code else None


def _check_password(password: str, email: str) -> None:
    code = password_problem_code(password, email)
    if code:
        raise AccountError(code)


def _email_taken(email: str) -> bool:
    return db.session.scalar(select(func.count(User.id)).where(func.lower(User.email) == email.lower())) > 0


def create_user(*, company_id: int | None, email: str, name: str, password: str | None, role: str,
                locale: str | None = None) -> User:
    """A user row. Without ``password`` the user is *invited*: no password until they use
    the set-password link (see ``app.accounts.lifecycle``). Passwords are given here only by
    demo data and tests; no screen or command types an initial password."""
    email = email.strip()
    if role not in {r.value for r in Role}:
        raise AccountError("unknown_role")
    if _email_taken(email):
        raise AccountError("email_taken")
    user = User(company_id=company_id, email=email, name=name.strip()[:200] or email, role=role, locale=locale,
                password_hash="")
    if password is not None:
        _check_password(password, email)
        user.set_password(password)
    db.session.add(user)
    return user


def create_staff(email: str, name: str, password: str | None = None) -> User:
    """A platform staff user; without ``password`` an invitation is sent (``flask staff create``)."""
    user = create_user(company_id=None, email=email, name=name, password=password, role=Role.STAFF.value)
    if password is None:
        from app.accounts import lifecycle

        db.session.flush()
        lifecycle.issue_link(user, "invite", actor="system")
    db.session.commit()
    return user


@background.clean_on_error
def create_company(*, name: str, slug: str, admin_email: str, admin_name: str, admin_password: str | None = None,
                   locale: str | None = None, actor: str = "system") -> Company:
    """A tenant and its first company admin, in one transaction. The admin is invited by
    email (a set-password link) unless a password is given (demo data and tests only)."""
    slug = slug.strip().lower()
    if not SLUG_RE.match(slug) or slug in RESERVED_SLUGS:
        raise AccountError("bad_slug")
    if db.session.scalar(select(func.count(Company.id)).where(Company.slug == slug)):
        raise AccountError("slug_taken")
    if not name.strip():
        raise AccountError("no_company_name")
    company = Company(name=name.strip()[:200], slug=slug, default_locale=locale or "en")
    db.session.add(company)
    db.session.flush()
    from app.accounts.events import company_created

    company_created.send(company)  # e.g. the default rejection reasons, in this transaction
    admin = create_user(company_id=company.id, email=admin_email, name=admin_name, password=admin_password,
                        role=Role.ADMIN.value, locale=locale)
    if admin_password is None:
        from app import audit
        from app.accounts import lifecycle

        db.session.flush()
        lifecycle.issue_link(admin, "invite", actor=actor)
        audit.record(company_id=company.id, actor=actor, object=f"user:{admin.id}", action="user.invited",
                     after={"email": admin.email, "role": admin.role})
    db.session.commit()
    return company


def add_company_user(company_id: int, *, email: str, name: str, password: str, role: str) -> User:
    """A company user with a known password: demo data and tests only (people are invited
    with ``lifecycle.invite_user``)."""
    if role not in (Role.ADMIN.value, Role.RECRUITER.value, Role.HIRING_MANAGER.value, Role.INTERVIEWER.value):
        raise AccountError("bad_role")
    user = create_user(company_id=company_id, email=email, name=name, password=password, role=role)
    db.session.commit()
    return user


def authenticate(email: str, password: str) -> User | None:
    """The user for these credentials, or None. Unknown emails cost a hash as well, so both
    failures take the same path."""
    user = db.session.scalar(select(User).where(func.lower(User.email) == (email or "").strip().lower()))
    if user is None:
        User(password_hash=_dummy_hash(password_hash_method())).check_password(password or "")
        return None
    if not user.check_password(password or "") or not user.is_enabled:
        from app import audit

        audit.record(company_id=user.company_id, actor=audit.actor_of(user), object=f"user:{user.id}",
                     action="login_failed")
        db.session.commit()
        return None
    return user


@lru_cache(maxsize=4)
def _dummy_hash(method: str) -> str:
    """A hash of the users' cost, checked for an unknown email so both answers take as long."""
    from werkzeug.security import generate_password_hash

    return generate_password_hash("not-a-real-password", method=method)


def start_session(user: User) -> None:
    """Log in with a fresh session (the old session id and data are dropped)."""
    lang = session.get("lang")
    session.clear()
    login_user(user)
    now = utcnow().timestamp()
    session["login_at"] = session["seen"] = now
    if lang:
        session["lang"] = lang
    user.last_login_at = utcnow()
    from app import audit

    audit.record(company_id=user.company_id, actor=audit.actor_of(user), object=f"user:{user.id}", action="login")
    db.session.commit()


def end_session(user: User | None) -> None:
    """Log out and revoke every cookie of this user (the session version moves on)."""
    if user is not None and getattr(user, "is_authenticated", False):
        user.session_version += 1
        db.session.commit()
    logout_user()
    session.clear()


def change_password(user: User, current: str, new: str) -> None:
    if not user.check_password(current):
        raise AccountError("wrong_password")
    _check_password(new, user.email)
    user.set_password(new)
    user.session_version += 1
    from app import audit

    audit.record(company_id=user.company_id, actor=audit.actor_of(user), object=f"user:{user.id}",
                 action="password_changed")
    db.session.commit()
    login_user(user)  # this browser stays logged in with the new version


def set_user_enabled(user: User, enabled: bool) -> None:
    user.is_enabled = enabled
    user.session_version += 1
    db.session.commit()


def save_notification_prefs(user: User, kinds: list[str]) -> None:
    from app.messaging.services import NOTIFICATION_KINDS

    user.email_notification_kinds = [k for k in kinds if k in NOTIFICATION_KINDS]
    db.session.commit()


def save_language_and_time_zone(user: User, locale: str | None, time_zone: str | None) -> None:
    """The user's own language and time zone (Account page); empty or unknown values mean
    "not chosen" (the browser's language, the company's time zone)."""
    from flask import current_app

    from app.i18n import valid_time_zone

    user.locale = locale if locale in current_app.config["LANGUAGES"] else None
    user.timezone = valid_time_zone(time_zone)
    db.session.commit()


def save_company_language_and_time_zone(company_id: int, locale: str, time_zone: str | None, actor: User) -> Company:
    """The company's default language (emails, users who chose none) and time zone (admins
    only; the view checks the role). Audited when something changes."""
    from flask import current_app

    from app import audit
    from app.i18n import valid_time_zone

    company = db.session.get(Company, company_id)
    before = {"default_locale": company.default_locale, "timezone": company.timezone}
    if locale in current_app.config["LANGUAGES"]:
        company.default_locale = locale
    company.timezone = valid_time_zone(time_zone)
    after = {"default_locale": company.default_locale, "timezone": company.timezone}
    if before != after:
        audit.record(company_id=company_id, actor=audit.actor_of(actor), object=f"company:{company_id}",
                     action="company_language", before=before, after=after)
    db.session.commit()
    return company


def actor_names(entries: list) -> dict[str, str]:
    """``"user:7"`` → the user's name (one query for the page)."""
    ids = {int(e.actor.split(":", 1)[1]) for e in entries if e.actor.startswith("user:")}
    names = {f"user:{u.id}": u.name for u in db.session.scalars(select(User).where(User.id.in_(ids)))} if ids else {}
    return {e.actor: names.get(e.actor, e.actor.replace("partner:", "partner ").replace("system", "Haku"))
            for e in entries}
