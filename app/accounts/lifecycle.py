"""The user lifecycle: invitations, set-password links, disabling, roles, password resets.

Nobody types an initial password: a user is created *invited* (no password) and gets a
single-use link by email. Links (invitation 7 days, password reset 1 hour) are stored as the
SHA-256 of a 256-bit token; a link works once, only while its user is enabled, and using it
revokes the user's other links. Every change to a user moves their session version on (their
open sessions end) and is audited in their company's log.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update

from app import audit
from app.accounts.models import AccountLink, Company, LinkPurpose, Role, User, UserStatus
from app.accounts.services import AccountError, _email_taken, password_problem_code
from app.clock import utcnow
from app.extensions import db
from app.problems import Problem

LINK_TTL = {LinkPurpose.INVITE: timedelta(days=7), LinkPurpose.RESET: timedelta(hours=1)}
EMAIL_KEYS = {LinkPurpose.INVITE: "user_invitation", LinkPurpose.RESET: "password_reset"}
COMPANY_ROLES = (Role.ADMIN.value, Role.RECRUITER.value, Role.HIRING_MANAGER.value, Role.INTERVIEWER.value)
MAX_TOKEN = 100


class UserError(Problem):
    """A lifecycle rule was broken; ``code`` names it. A refused password has the code
    ``password`` and the policy's code (``accounts.services.password_problem_code``) as
    ``detail``; its message is the policy's."""

    messages = {
        "email_taken": _l("A user with this email address already exists."),
        "bad_role": _l("Pick one of the roles offered."),
        "last_admin": _l("The company needs at least one active admin. Make someone else an admin first."),
        "not_invited": _l("This user has already accepted the invitation."),
        "not_active": _l("Only an active user can get a password-reset link. Re-enable the user or resend the "
                         "invitation."),
        "link_invalid": _l("This link is not valid: it has been used, it has expired or a newer one was sent."),
        "password": _l("Choose another password."),
    }

    def __init__(self, code: str, detail: str | None = None):
        super().__init__(code)
        self.detail = detail

    @property
    def message(self) -> str:
        if self.code == "password" and self.detail in AccountError.messages:
            return AccountError(self.detail).message
        return super().message


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _actor(actor) -> str:
    return actor if isinstance(actor, str) else audit.actor_of(actor)


# ---------------------------------------------------------------- links

def issue_link(user: User, purpose: str, *, actor) -> tuple[AccountLink, str]:
    """A new link for ``user`` (older ones are revoked) and its email in the outbox; the
    caller commits. Returns the row and the link's URL (the token exists nowhere else)."""
    purpose = LinkPurpose(purpose)
    now = utcnow()
    _revoke_links(user.id, now)
    token = secrets.token_urlsafe(32)  # 256 bits from the OS CSPRNG
    link = AccountLink(user_id=user.id, purpose=purpose.value, token_hash=_hash(token), created_at=now,
                       expires_at=now + LINK_TTL[purpose], created_by=_actor(actor))
    db.session.add(link)
    db.session.flush()
    url = _queue_email(user, link, token)
    return link, url


def _revoke_links(user_id: int, now) -> None:
    db.session.execute(update(AccountLink).where(
        AccountLink.user_id == user_id, AccountLink.used_at.is_(None), AccountLink.revoked_at.is_(None))
        .values(revoked_at=now))


def _queue_email(user: User, link: AccountLink, token: str) -> str:
    from app.links import external_url
    from app.messaging.services import queue_template_email, template_for

    company = db.session.get(Company, user.company_id) if user.company_id else None
    locale = user.email_locale
    url = external_url("admin.set_password", token=token)
    template = template_for(user.company_id, EMAIL_KEYS[LinkPurpose(link.purpose)], locale)
    queue_template_email(template, to=user.email, kind=f"account_{link.purpose}", dedupe_key=f"account-link:{link.id}",
                         company_id=user.company_id,
                         fields={"company_name": company.name if company else "Haku", "link": url})
    return url


def link_for(token: str | None) -> AccountLink | None:
    """The link behind ``token`` if it can still be used (unused, unrevoked, unexpired, its
    user enabled); None for anything else, tampered and unknown tokens included."""
    if not token or len(token) > MAX_TOKEN:
        return None
    link = db.session.scalar(select(AccountLink).where(AccountLink.token_hash == _hash(token)))
    if link is None or not link.is_usable(utcnow()) or not link.user.is_enabled:
        return None
    return link


def redeem(token: str, password: str, *, locale: str | None = None) -> User:
    """Set the password with a link: once. The password is checked before the link is used
    up, so a refused password leaves the link working; the claim is one UPDATE … WHERE
    used_at IS NULL, so two submissions never both succeed. Ends the user's other sessions
    and revokes their other links. The user signs in afterwards (second factor included)."""
    link = link_for(token)
    if link is None:
        raise UserError("link_invalid")
    user = link.user
    problem = password_problem_code(password, user.email)
    if problem:
        raise UserError("password", problem)
    now = utcnow()
    claimed = db.session.execute(update(AccountLink).where(
        AccountLink.id == link.id, AccountLink.used_at.is_(None), AccountLink.revoked_at.is_(None),
        AccountLink.expires_at > now).values(used_at=now)).rowcount
    if not claimed:
        db.session.rollback()
        raise UserError("link_invalid")
    _revoke_links(user.id, now)
    first = not user.has_password
    user.set_password(password)
    user.session_version += 1
    if locale:
        user.locale = locale
    audit.record(company_id=user.company_id, actor=audit.actor_of(user), object=f"user:{user.id}",
                 action="user.invite_accepted" if first else "user.password_reset")
    db.session.commit()
    return user


def request_password_reset(email: str) -> None:
    """"Forgot password": a reset link to an enabled user with this address; nothing for
    anyone else. The caller answers the same either way (no account enumeration)."""
    email = (email or "").strip().lower()
    if not email or len(email) > 254:
        return
    user = db.session.scalar(select(User).where(func.lower(User.email) == email))
    if user is None or not user.is_enabled:
        return
    issue_link(user, LinkPurpose.RESET, actor="system")
    audit.record(company_id=user.company_id, actor="system", object=f"user:{user.id}", action="user.reset_requested")
    db.session.commit()


# ---------------------------------------------------------------- managing users

def company_users(company_id: int) -> list[User]:
    return list(db.session.scalars(select(User).where(User.company_id == company_id).order_by(func.lower(User.name))))


def _user_of(company_id: int, user_id: int) -> User:
    user = db.session.scalar(select(User).where(User.id == user_id, User.company_id == company_id))
    if user is None:
        from werkzeug.exceptions import NotFound

        raise NotFound()
    return user


def _lock_company(company_id: int) -> None:
    """Serialise changes to one company's users (PostgreSQL row lock; SQLite writes are
    serial anyway), so two admins demoting each other cannot both succeed."""
    db.session.execute(select(Company.id).where(Company.id == company_id).with_for_update())


def _keeps_an_admin(user: User) -> bool:
    """Whether the company still has an active admin if ``user`` stops being one."""
    others = db.session.scalar(select(func.count(User.id)).where(
        User.company_id == user.company_id, User.id != user.id, User.role == Role.ADMIN.value,
        User.is_enabled.is_(True), User.password_hash != ""))
    return bool(others)


def _is_active_admin(user: User) -> bool:
    return user.role == Role.ADMIN.value and user.status == UserStatus.ACTIVE


def invite_user(company_id: int, *, email: str, name: str, role: str, locale: str | None, actor) -> User:
    """A new, invited user of the company and their invitation email."""
    email = email.strip()
    if role not in COMPANY_ROLES:
        raise UserError("bad_role")
    if _email_taken(email):
        raise UserError("email_taken")
    user = User(company_id=company_id, email=email, name=name.strip()[:200] or email, role=role,
                locale=locale or None, password_hash="")
    db.session.add(user)
    db.session.flush()
    issue_link(user, LinkPurpose.INVITE, actor=actor)
    audit.record(company_id=company_id, actor=_actor(actor), object=f"user:{user.id}", action="user.invited",
                 after={"email": user.email, "role": role})
    db.session.commit()
    return user


def resend_invitation(company_id: int, user_id: int, *, actor) -> User:
    """A fresh invitation link (the old one stops working). Also re-opens a revoked one."""
    user = _user_of(company_id, user_id)
    if user.has_password:
        raise UserError("not_invited")
    user.is_enabled = True
    issue_link(user, LinkPurpose.INVITE, actor=actor)
    audit.record(company_id=company_id, actor=_actor(actor), object=f"user:{user.id}", action="user.invite_resent")
    db.session.commit()
    return user


def revoke_invitation(company_id: int, user_id: int, *, actor) -> User:
    """The invitation link stops working; the user shows as disabled (resend re-opens it)."""
    user = _user_of(company_id, user_id)
    if user.status != UserStatus.INVITED:
        raise UserError("not_invited")
    _revoke_links(user.id, utcnow())
    user.is_enabled = False
    user.session_version += 1
    audit.record(company_id=company_id, actor=_actor(actor), object=f"user:{user.id}", action="user.invite_revoked")
    db.session.commit()
    return user


def set_enabled(company_id: int, user_id: int, enabled: bool, *, actor, keep_an_admin: bool = True) -> User:
    """Disable (sessions end, outstanding links revoked) or re-enable a user. A company
    admin cannot disable the last active admin; staff can (``keep_an_admin=False``), e.g.
    to shut out a compromised sole admin before inviting a new one."""
    _lock_company(company_id)
    user = _user_of(company_id, user_id)
    if user.is_enabled == enabled:
        return user
    if not enabled:
        if keep_an_admin and _is_active_admin(user) and not _keeps_an_admin(user):
            raise UserError("last_admin")
        _revoke_links(user.id, utcnow())
    user.is_enabled = enabled
    user.session_version += 1
    audit.record(company_id=company_id, actor=_actor(actor), object=f"user:{user.id}",
                 action="user.enabled" if enabled else "user.disabled")
    db.session.commit()
    return user


def change_role(company_id: int, user_id: int, role: str, *, actor) -> User:
    """Company admin ↔ recruiter. The last active admin cannot be demoted."""
    if role not in COMPANY_ROLES:
        raise UserError("bad_role")
    _lock_company(company_id)
    user = _user_of(company_id, user_id)
    if user.role == role:
        return user
    if user.role == Role.ADMIN.value and _is_active_admin(user) and not _keeps_an_admin(user):
        raise UserError("last_admin")
    before = user.role
    user.role = role
    user.session_version += 1
    audit.record(company_id=company_id, actor=_actor(actor), object=f"user:{user.id}", action="user.role_changed",
                 before={"role": before}, after={"role": role})
    db.session.commit()
    return user


def send_password_reset(company_id: int, user_id: int, *, actor) -> User:
    """A password-reset link for an active user. Their current password and sessions stay
    valid until the link is used (sending a link is not a reason to sign anyone out)."""
    user = _user_of(company_id, user_id)
    if user.status != UserStatus.ACTIVE:
        raise UserError("not_active")
    issue_link(user, LinkPurpose.RESET, actor=actor)
    audit.record(company_id=company_id, actor=_actor(actor), object=f"user:{user.id}", action="user.reset_sent")
    db.session.commit()
    return user
