from __future__ import annotations

import enum
import secrets
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import JSON, BigInteger, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from app.clock import utcnow
from app.extensions import db


class Role(enum.StrEnum):
    STAFF = "staff"
    ADMIN = "admin"
    RECRUITER = "recruiter"
    # Works the jobs they own or are on the team of (app/accounts/access.py).
    HIRING_MANAGER = "hiring_manager"
    # Sees only the applications they are asked to review (app/accounts/access.py).
    INTERVIEWER = "interviewer"


class UserStatus(enum.StrEnum):
    INVITED = "invited"
    ACTIVE = "active"
    DISABLED = "disabled"


class LinkPurpose(enum.StrEnum):
    INVITE = "invite"
    RESET = "reset"


class Company(db.Model):
    """A tenant. Every tenant-owned row points here through ``company_id``."""

    __tablename__ = "companies"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    default_locale: Mapped[str] = mapped_column(String(5), default="en")
    # IANA name (e.g. "Europe/Helsinki"): how the admin shows times to users who chose none;
    # None = UTC.
    timezone: Mapped[str | None] = mapped_column(String(64), default=None)
    # Switched on by platform staff (EMREX after the agreement is signed; job boards).
    emrex_enabled: Mapped[bool] = mapped_column(default=False)
    gpa_scale: Mapped[str] = mapped_column(String(4), default="4.0")
    job_boards_enabled: Mapped[bool] = mapped_column(default=False)
    # Staff let the company's admins enable assessment products (Alva) themselves.
    assessments_self_service: Mapped[bool] = mapped_column(default=False)
    retention_months: Mapped[int] = mapped_column(default=24)
    # The company's own privacy notice (https); without one, Haku's notice page for the company.
    privacy_notice_url: Mapped[str | None] = mapped_column(String(500), default=None)
    # The careers site's look (app/accounts/branding.py): a brand colour that white text can
    # sit on (checked), a short "about" text in Markdown, and a small logo kept in the row
    # itself (every web node reads it from the database: no shared volume needed).
    brand_colour: Mapped[str | None] = mapped_column(String(7), default=None)
    about: Mapped[str] = mapped_column(Text, default="", server_default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, default=None, deferred=True)
    logo_type: Mapped[str | None] = mapped_column(String(16), default=None)
    # Where the company hires (ISO 3166-1 alpha-2, e.g. "FI"): the jobs' country in their
    # schema.org JobPosting (addressCountry, and where a remote job's applicants may live).
    country: Mapped[str | None] = mapped_column(String(2), default=None)
    # A company admin can require two-factor sign-in of every user of the company.
    two_factor_required: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # What the public careers and job pages show of this company changed: bumped in the same
    # transaction as any change to its jobs or to this row (app/jobs/public.py). Every web
    # process reads it from here, so the pages' ETag and Haku's rendered-page cache follow it
    # on every node (app/portal/cache.py).
    public_version: Mapped[int] = mapped_column(default=1, server_default="1")
    public_changed_at: Mapped[datetime | None] = mapped_column(default=utcnow)
    # What the applications list's filter menus show of this company (its jobs' titles, its job
    # stages' names, its share links) changed: a new random value drawn by database triggers in
    # the transaction of any such change, whoever wrote it (app/applications/menus.py). Every
    # web process reads it in the list's page statement and keeps the menus per (company,
    # value). Written only by the triggers; deferred: no page loads it with the company.
    list_menus_version: Mapped[int] = mapped_column(BigInteger, default=lambda: secrets.randbits(53),
                                                    server_default="0", deferred=True)

    users: Mapped[list[User]] = relationship(back_populates="company")

    def __repr__(self) -> str:
        return f"<Company {self.slug}>"


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id"), index=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16), default=Role.RECRUITER.value)
    password_hash: Mapped[str] = mapped_column(String(256))
    is_enabled: Mapped[bool] = mapped_column(default=True)
    # Bumped on logout, password change and disable: older session cookies stop working.
    session_version: Mapped[int] = mapped_column(default=1)
    # Which columns the user shows in the applications list (keys of the column registry).
    list_columns: Mapped[list | None] = mapped_column(JSON, default=None)
    # Notification kinds the user also wants by email.
    email_notification_kinds: Mapped[list | None] = mapped_column(JSON, default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]
    # The language of the emails Haku sends this user (invitation, password reset); None = the
    # company's default.
    locale: Mapped[str | None] = mapped_column(String(5), default=None)
    # IANA name chosen on the Account page; None = the company's time zone.
    timezone: Mapped[str | None] = mapped_column(String(64), default=None)

    company: Mapped[Company | None] = relationship(back_populates="users")
    two_factor: Mapped[TwoFactor | None] = relationship(back_populates="user", uselist=False,
                                                        cascade="all, delete-orphan")

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, method=password_hash_method())

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def has_password(self) -> bool:
        """False for an invited user who has not yet set a password with the link."""
        return bool(self.password_hash)

    @property
    def status(self) -> UserStatus:
        if not self.is_enabled:
            return UserStatus.DISABLED
        return UserStatus.ACTIVE if self.has_password else UserStatus.INVITED

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"

    @property
    def is_active(self) -> bool:  # Flask-Login: disabled users cannot log in
        return self.is_enabled

    @property
    def is_staff(self) -> bool:
        return self.role == Role.STAFF.value

    @property
    def is_company_admin(self) -> bool:
        return self.role == Role.ADMIN.value

    @property
    def email_locale(self) -> str:
        """The language of what Haku writes to this user when no page is open (emails,
        notifications): their choice, else the company's default language, else English."""
        return self.locale or (self.company.default_locale if self.company else None) or "en"

    def wants_email_for(self, kind: str) -> bool:
        return kind in (self.email_notification_kinds or [])

    def __repr__(self) -> str:
        return f"<User {self.email}>"


class AccountLink(db.Model):
    """A single-use set-password link (an invitation or a password reset).

    Only the SHA-256 of the 256-bit token is stored; the token itself exists in the email
    alone. A link works once, until ``expires_at``, and only while its user is enabled;
    using one (or issuing a newer one) revokes the user's other outstanding links.
    """

    __tablename__ = "account_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(16))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    # audit.actor_of(...) of whoever caused the link ("user:7", "system" for a forgotten password)
    created_by: Mapped[str] = mapped_column(String(64), default="system")

    user: Mapped[User] = relationship()

    def is_usable(self, now: datetime) -> bool:
        return self.used_at is None and self.revoked_at is None and self.expires_at > now
class TwoFactor(db.Model):
    """A user's authenticator (TOTP): the confirmed secret and, during enrolment or a
    change of phone, the one waiting for its first code. Secrets are encrypted at rest."""

    __tablename__ = "user_two_factor"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    secret_enc: Mapped[str | None] = mapped_column(String(255))
    pending_secret_enc: Mapped[str | None] = mapped_column(String(255))
    enabled_at: Mapped[datetime | None]
    # The newest TOTP time step accepted: a code of this step or an older one is a replay.
    last_counter: Mapped[int | None]

    user: Mapped[User] = relationship(back_populates="two_factor")

    @property
    def is_enabled(self) -> bool:
        return self.secret_enc is not None and self.enabled_at is not None


class RecoveryCode(db.Model):
    """One single-use recovery code, stored hashed (shown once, when it is made)."""

    __tablename__ = "recovery_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    used_at: Mapped[datetime | None]


def password_hash_method() -> str:
    """``PASSWORD_HASH_METHOD`` of the app (werkzeug's scrypt by default)."""
    from flask import current_app, has_app_context

    return current_app.config.get("PASSWORD_HASH_METHOD", "scrypt") if has_app_context() else "scrypt"
