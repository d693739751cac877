"""The one scoping helper every tenant-owned query goes through.

A row of another company is indistinguishable from a missing row: both are 404. So is a row
of the user's own company that their role does not let them see (a hiring manager and another
team's job, an interviewer and an application they were not asked to review):
``app.accounts.access`` gives the filter.
"""

from __future__ import annotations

from typing import TypeVar

from flask import abort
from flask_login import current_user
from sqlalchemy import Select, select

from app.extensions import db

T = TypeVar("T")


def current_company_id() -> int:
    """The acting user's company; users without one (platform staff) see no tenant data."""
    company_id = getattr(current_user, "company_id", None)
    if not getattr(current_user, "is_authenticated", False) or company_id is None:
        abort(404)
    return company_id


def scoped(model: type[T], company_id: int | None = None) -> Select:
    """``SELECT model WHERE company_id = <current company>``."""
    cid = company_id if company_id is not None else current_company_id()
    from app.accounts.access import filters  # the signed-in user's role narrows the rows they see

    return select(model).where(model.company_id == cid, *filters(model))  # type: ignore[attr-defined]


def get_or_404(model: type[T], object_id: int | None, company_id: int | None = None) -> T:
    if object_id is None:
        abort(404)
    row = db.session.scalar(scoped(model, company_id).where(model.id == object_id))  # type: ignore[attr-defined]
    if row is None:
        abort(404)
    return row


def get_scoped(model: type[T], object_id: int | None, company_id: int) -> T | None:
    """Like ``get_or_404`` for services and tasks: ``None`` instead of an HTTP error."""
    if object_id is None:
        return None
    return db.session.scalar(select(model).where(model.id == object_id, model.company_id == company_id))  # type: ignore[attr-defined]
