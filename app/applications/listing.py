"""The applications list over all jobs: search, filters, sort and pagination in two queries
(a count and a page), whatever the page size or the number of applications."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import joinedload

from app.applications.columns import COLUMNS, ListColumn, visible
from app.applications.models import Application, ApplicationStatus, Candidate
from app.extensions import db
from app.jobs.models import Stage

PAGE_SIZES = (10, 25, 50, 100)
COUNT_CAP = 10_000


@dataclass
class ListQuery:
    q: str = ""
    job_id: int | None = None
    stage: str = ""
    status: str = ApplicationStatus.OPEN
    sort: str = "applied"
    direction: str = "desc"
    page: int = 1
    per_page: int = 50
    filters: dict = field(default_factory=dict)  # column key -> value (columns with a filter)

    def params(self) -> dict:
        """The query as URL parameters: only the known ones, already parsed, never the raw
        ``request.args`` (``url_for(**request.args)`` let ``?_method=`` or ``?endpoint=`` in)."""
        out = {"q": self.q or None, "job": self.job_id, "stage": self.stage or None, "status": self.status,
               "sort": self.sort, "dir": self.direction, "page": self.page, "per_page": self.per_page}
        out.update({f"f_{key}": value for key, value in self.filters.items()})
        defaults = {"status": ApplicationStatus.OPEN, "sort": "applied", "dir": "desc", "page": 1, "per_page": 50}
        return {key: value for key, value in out.items() if value is not None and defaults.get(key) != value}


@dataclass
class ListPage:
    rows: list[Application]
    total: int
    query: ListQuery
    columns: list[ListColumn]

    has_next: bool = False

    @property
    def capped(self) -> bool:
        return self.total > COUNT_CAP

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.per_page))


_PHONE_LIKE = re.compile(r"^\+?[\d\s().\-/]+$")


def phone_patterns(q: str) -> tuple[list[str], list[str]]:
    """LIKE patterns on ``Candidate.phone_normalized`` for a search that looks like a phone
    number, so that ``+358 40 123 4567`` and ``0401234567`` find each other: (patterns for any
    number, patterns only for numbers stored in national form, without a ``+``). The digits
    match anywhere; typed with a trunk 0, so does the rest (stored with a country code); typed
    with a country code, the number without it (1–3 digits) matches the end of a national
    one. Fewer than four digits, or any letter: not a phone search."""
    q = (q or "").strip()
    if not _PHONE_LIKE.match(q):
        return [], []
    digits = re.sub(r"\D", "", q)
    if q.startswith("00"):
        digits = digits[2:]
    if len(digits) < 4:
        return [], []
    anywhere, national = [f"%{digits}%"], []
    if q.startswith(("+", "00")):
        national = [f"%{digits[k:]}" for k in (1, 2, 3) if len(digits) - k >= 7]
    elif digits.startswith("0"):
        anywhere.append(f"%{digits[1:]}%")
    return anywhere, national


def _phone_matches(q: str) -> list:
    anywhere, national = phone_patterns(q)
    phone = Candidate.phone_normalized
    return [*(phone.like(p) for p in anywhere), *(and_(phone.not_like("+%"), phone.like(p)) for p in national)]


def _filtered(company_id: int, lq: ListQuery, joins: list, entity=Application):
    stmt = select(entity).where(Application.company_id == company_id)
    if lq.q or (lq.sort in ("candidate", "email")):
        stmt = stmt.join(Candidate, Candidate.id == Application.candidate_id)
        joins.append("candidate")
    # open and closed applications always have a job; "all" must leave the Pending pool out
    if lq.status not in (ApplicationStatus.OPEN, ApplicationStatus.CLOSED):
        stmt = stmt.where(Application.job_id.is_not(None),
                          Application.status.in_((ApplicationStatus.OPEN, ApplicationStatus.CLOSED)))
    for key, value in lq.filters.items():
        column = COLUMNS.get(key)
        if column is None or column.filter is None or value in (None, ""):
            continue
        if column.join is not None and column.join not in joins:
            stmt = column.join(stmt)
            joins.append(column.join)
        stmt = column.filter[2](stmt, value)
    if lq.status in (ApplicationStatus.OPEN, ApplicationStatus.CLOSED):
        stmt = stmt.where(Application.status == lq.status)
    if lq.job_id:
        stmt = stmt.where(Application.job_id == lq.job_id)
    if lq.stage:
        stmt = stmt.where(Application.stage_id.in_(select(Stage.id).where(Stage.company_id == company_id,
                                                                          Stage.name == lq.stage)))
    if lq.q:
        term = f"%{lq.q.strip().lower()}%"
        stmt = stmt.where(or_(func.lower(Candidate.given_names + " " + Candidate.family_name).like(term),
                              func.lower(Candidate.display_name).like(term),
                              Candidate.email_normalized.like(term),
                              *_phone_matches(lq.q)))
    return stmt


def list_applications(company_id: int, lq: ListQuery, column_keys: list[str] | None) -> ListPage:
    """Three queries whatever the page: the count, the page's ids (an index scan, also deep
    in the list), then those rows with what the visible columns need."""
    columns = visible(column_keys)
    joins: list = []
    base = _filtered(company_id, lq, joins, Application.id)
    # Counting stops at COUNT_CAP: past it the page says "10,000+" (an exact count of 100k
    # rows costs more than the rest of the page together).
    total = db.session.scalar(select(func.count()).select_from(base.limit(COUNT_CAP + 1).subquery()))
    sort_col = COLUMNS.get(lq.sort)
    stmt = base
    if sort_col is not None and sort_col.sort is not None:
        expr = sort_col.sort
        if sort_col.join is not None and sort_col.join not in joins:
            stmt = sort_col.join(stmt)
        order = expr.desc() if lq.direction == "desc" else expr.asc()
        stmt = stmt.order_by(order, Application.id.desc() if lq.direction == "desc" else Application.id.asc())
    else:
        stmt = stmt.order_by(Application.created_at.desc(), Application.id.desc())
    ids = list(db.session.scalars(stmt.limit(lq.per_page + 1).offset((lq.page - 1) * lq.per_page)))
    has_next = len(ids) > lq.per_page
    ids = ids[:lq.per_page]
    rows_stmt = select(Application).where(Application.id.in_(ids)).options(joinedload(Application.candidate))
    for col in columns:
        rows_stmt = rows_stmt.options(*col.options)
    by_id = {row.id: row for row in db.session.scalars(rows_stmt).unique()} if ids else {}
    rows = [by_id[i] for i in ids if i in by_id]
    return ListPage(rows=rows, total=total or 0, query=lq, columns=columns, has_next=has_next)
