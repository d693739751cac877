"""Reads of companies and users for the screens (no writes, no commits)."""

from __future__ import annotations

from sqlalchemy import func, select

from app.accounts.models import Company, User
from app.extensions import db


def company(company_id: int | None) -> Company | None:
    return db.session.get(Company, company_id) if company_id else None


def company_by_slug(slug: str) -> Company | None:
    return db.session.scalar(select(Company).where(Company.slug == slug))


def company_logo(slug: str) -> tuple[bytes, str] | None:
    """The logo's bytes and type of the company at ``slug`` (the deferred column, alone)."""
    row = db.session.execute(select(Company.logo, Company.logo_type).where(
        Company.slug == slug, Company.logo_type.is_not(None))).first()
    return (row.logo, row.logo_type) if row is not None and row.logo else None


def companies() -> list[Company]:
    """Every company by name (platform staff)."""
    return list(db.session.scalars(select(Company).order_by(Company.name)))


def user_counts_by_company() -> dict[int, int]:
    return dict(db.session.execute(select(User.company_id, func.count(User.id)).group_by(User.company_id)).all())


def company_user(company_id: int, user_id: int) -> User | None:
    return db.session.scalar(select(User).where(User.id == user_id, User.company_id == company_id))


def enabled_users(company_id: int) -> list[User]:
    """The company's users who can sign in, by name (owner and team pickers)."""
    return list(db.session.scalars(select(User).where(User.company_id == company_id, User.is_enabled.is_(True))
                                   .order_by(User.name)))
