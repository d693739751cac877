"""The applications list over all jobs: search, filters, sort and keyset pagination in at
most three queries (the capped count on the first page only, the page's ids, its rows),
whatever the page size, the depth of the page or the number of applications.

Pages are positions, not numbers: a page link carries an opaque, signed cursor with the sort
key and id of the row it continues from (``WHERE (key, id) < (:key, :id)``), so a deep page is
an index range scan, not an OFFSET that reads and discards every row before it, and a page
does not shift when applications arrive meanwhile."""

from __future__ import annotations

import hashlib
import json
import re
from collections import namedtuple
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cache, lru_cache

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import (
    Integer,
    String,
    and_,
    bindparam,
    func,
    literal,
    literal_column,
    null,
    or_,
    select,
    tuple_,
    union_all,
)
from sqlalchemy.orm import defer, joinedload

from app.accounts import access
from app.applications.columns import COLUMNS, ListColumn, column, visible
from app.applications.models import Application, ApplicationStatus, Candidate, RejectionReason, SourceLink
from app.extensions import db
from app.jobs.models import Job, Stage

PAGE_SIZES = (10, 25, 50, 100)
#: The list counts exactly up to this many applications and shows "More than 1,000" past it
#: (docs/performance.md: why a capped count on the first page, carried by the cursor).
COUNT_CAP = 1_000


class BadCursor(ValueError):
    """A page link that was not made by this list for this company and these filters."""


@dataclass(frozen=True)
class Cursor:
    """Where a page starts: after (``backward``: before) the row with sort ``value`` and
    ``id``; ``page`` is its number for the reader and ``total`` the first page's count."""
    value: object
    id: int
    backward: bool = False
    page: int = 2
    total: int = 0


@dataclass
class ListQuery:
    q: str = ""
    job_id: int | None = None
    stage: str = ""
    status: str = ApplicationStatus.OPEN
    sort: str = "applied"
    direction: str = "desc"
    per_page: int = 50
    filters: dict = field(default_factory=dict)  # column key -> value (columns with a filter)
    cursor: str = ""  # the opaque position of the page ("" = the first page)

    def params(self) -> dict:
        """The query as URL parameters: only the known ones, already parsed, never the raw
        ``request.args`` (``url_for(**request.args)`` let ``?_method=`` or ``?endpoint=`` in).
        Without the cursor: these lead to the first page."""
        out = {"q": self.q or None, "job": self.job_id, "stage": self.stage or None, "status": self.status,
               "sort": self.sort, "dir": self.direction, "per_page": self.per_page}
        out.update({f"f_{key}": value for key, value in self.filters.items()})
        defaults = {"status": ApplicationStatus.OPEN, "sort": "applied", "dir": "desc", "per_page": 50}
        return {key: value for key, value in out.items() if value is not None and defaults.get(key) != value}

    def fingerprint(self) -> str:
        """What a cursor is bound to: the filters, sort and page size it was made under."""
        return hashlib.sha256(json.dumps(self.params(), sort_keys=True, default=str).encode()).hexdigest()[:16]


@dataclass
class ListPage:
    rows: list  # Application entities, or plain rows (``_core_page``) when ``plain``
    total: int
    query: ListQuery
    columns: list[ListColumn]

    has_next: bool = False
    has_prev: bool = False
    number: int = 1
    next_cursor: str = ""
    prev_cursor: str = ""
    plain: bool = False
    answers: dict = field(default_factory=dict)  # the ``reads`` asked in the page's statement

    def getters(self) -> list:
        """Per visible column, what gives its cell's value from one of ``rows``: for plain rows
        the column's ``from_row`` (``page_from_row()``, looked up once per page, when it has
        one), for entities its ``value``; a date column's day in the reader's language and
        time zone, each distinct day formatted once per page. The list's rows are rendered
        from these (app/admin/listing.py ``table_rows``)."""
        from app.templating import date_formatter

        day = date_formatter()
        getters = []
        for col in self.columns:
            get = (col.page_from_row() if col.page_from_row is not None else col.from_row) if self.plain \
                else col.value
            getters.append((lambda a, value=get: day(value(a))) if col.kind == "date" else get)
        return getters

    @property
    def cap(self) -> int:
        return COUNT_CAP

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


#: The statuses the list shows, written into its statements rather than sent as parameters: with
#: them and the LIMITs as text PostgreSQL's generic plan of the page statement is as cheap as a
#: custom one, so a prepared page statement is planned once per connection instead of on every
#: execution (docs/performance.md, session 28). Constants of the code, never a request's text.
_STATUS = {status: literal_column(f"'{status.value}'", String()) for status in (ApplicationStatus.OPEN,
                                                                                  ApplicationStatus.CLOSED)}


def _limit(count: int):
    """A LIMIT written into the statement (``_STATUS``: why); ``count`` is an ``int`` of the code."""
    return literal_column(str(int(count)), Integer())


def _filtered(company, lq: ListQuery, joins: list, entity=Application, narrowed: list | tuple = ()):
    """The list's rows for ``lq``: ``company`` is its id's expression (``bindparam`` of
    ``list_company_id``), ``narrowed`` what the signed-in user's role lets them see
    (``access.filters``, app/accounts/access.py)."""
    stmt = select(entity).where(Application.company_id == company, *narrowed)
    if lq.q or (lq.sort in ("candidate", "email")):
        stmt = stmt.join(Candidate, Candidate.id == Application.candidate_id)
        joins.append("candidate")
    # open and closed applications always have a job; "all" must leave the Pending pool out
    if lq.status not in (ApplicationStatus.OPEN, ApplicationStatus.CLOSED):
        stmt = stmt.where(Application.job_id.is_not(None), Application.status.in_(tuple(_STATUS.values())))
    for key, value in lq.filters.items():
        col = column(key)
        if col is None or col.filter is None or value in (None, ""):
            continue
        if col.join is not None and col.join not in joins:
            stmt = col.join(stmt)
            joins.append(col.join)
        stmt = col.filter[2](stmt, value)
    if lq.status in (ApplicationStatus.OPEN, ApplicationStatus.CLOSED):
        stmt = stmt.where(Application.status == _STATUS[lq.status])
    if lq.job_id:
        stmt = stmt.where(Application.job_id == lq.job_id)
    if lq.stage:
        stmt = stmt.where(Application.stage_id.in_(select(Stage.id).where(Stage.company_id == company,
                                                                          Stage.name == lq.stage)))
    if lq.q:
        stmt = stmt.where(candidate_matches(lq.q))
    return stmt


def candidate_matches(q: str):
    """The condition on ``Candidate`` of a search: the name (either order is the display name's),
    the email, or the phone number (normalised: ``phone_patterns``). Also the people search."""
    # "50%" and "a_b" are text, not wildcards. The pattern is written into the statement
    # (quoted by SQLAlchemy), not sent as a parameter: the trigram indexes can serve only a
    # pattern the planner sees, and psycopg prepares a statement repeated five times, whose
    # generic plan would otherwise scan every candidate of the company.
    term = literal(f"%{like_escaped(q.strip().lower())}%", String(), literal_execute=True)
    # The space is a literal, not a parameter: PostgreSQL's trigram index is on this very
    # expression (migration c4f7a1e9d2b6).
    full_name = Candidate.given_names.concat(literal_column("' '")).concat(Candidate.family_name)
    return or_(func.lower(full_name).like(term, escape="\\"),
               func.lower(Candidate.display_name).like(term, escape="\\"),
               Candidate.email_normalized.like(term, escape="\\"),
               *_phone_matches(q))


def like_escaped(text: str) -> str:
    """``text`` for a LIKE pattern with ``escape="\\"``: its ``%``, ``_`` and ``\\`` match themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")



# ---------------------------------------------------------------- cursors

def _serializer(company_id: int) -> URLSafeSerializer:
    # The company is in the salt: another company's cursor fails the signature like a forged one.
    return URLSafeSerializer(current_app.secret_key, salt=f"applications-list/{company_id}")


def _encode_value(value):
    if isinstance(value, datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    if isinstance(value, Decimal):
        return {"n": str(value)}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _decode_value(value):
    if isinstance(value, dict) and len(value) == 1:
        (kind, text), = value.items()
        if isinstance(text, str):
            if kind == "dt":
                return datetime.fromisoformat(text)
            if kind == "d":
                return date.fromisoformat(text)
            if kind == "n":
                return Decimal(text)
        raise ValueError(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise ValueError(value)


def encode_cursor(company_id: int, lq: ListQuery, cursor: Cursor) -> str:
    return _serializer(company_id).dumps([lq.fingerprint(), _encode_value(cursor.value), cursor.id,
                                          int(cursor.backward), cursor.page, cursor.total])


def decode_cursor(company_id: int, lq: ListQuery) -> Cursor | None:
    """The position ``lq.cursor`` names, None for the first page; ``BadCursor`` for a link
    that was altered, made for another company, or made under other filters or sort."""
    if not lq.cursor:
        return None
    try:
        fingerprint, value, id_, backward, page, total = _serializer(company_id).loads(lq.cursor)
        if fingerprint != lq.fingerprint():
            raise BadCursor("the cursor belongs to other filters")
        cursor = Cursor(_decode_value(value), int(id_), bool(backward), int(page), int(total))
    except (BadSignature, TypeError, ValueError) as exc:
        raise BadCursor(str(exc)) from exc
    if cursor.page < 1 or cursor.total < 0:
        raise BadCursor("page out of range")
    return cursor


# ---------------------------------------------------------------- the page

def _nullable(sort_col: ListColumn) -> bool:
    """Whether the sort key can be NULL: a column of a joined table (outer joins) or a
    nullable column; a non-null key lets the position be one row comparison an index serves."""
    if sort_col.join is not None:
        return True
    return bool(getattr(getattr(sort_col.sort, "expression", sort_col.sort), "nullable", True))


def _order(expr, nullable: bool, desc: bool, id_=Application.id) -> list:
    """Sort key then id, the same direction; NULL keys last ascending and first descending,
    so that one order is exactly the other reversed (on SQLite and PostgreSQL alike)."""
    if desc:
        return [expr.desc().nulls_first() if nullable else expr.desc(), id_.desc()]
    return [expr.asc().nulls_last() if nullable else expr.asc(), id_.asc()]


def _after(expr, nullable: bool, null_key: bool, desc: bool):
    """The rows after the position in the order ``_order`` gives: the row with sort key
    ``list_after_value`` (a NULL key when ``null_key``: its value is not asked) and id
    ``list_after_id``, bound parameters a page gives its statement (``_page_statement``)."""
    id_ = Application.id
    value, last_id = bindparam("list_after_value", type_=expr.type), bindparam("list_after_id", type_=id_.type)
    if not nullable:
        key, mark = tuple_(expr, id_), tuple_(value, last_id)
        return key < mark if desc else key > mark
    if desc:  # NULLs first (by id descending), then the values descending
        if null_key:
            return or_(and_(expr.is_(None), id_ < last_id), expr.is_not(None))
        return or_(expr < value, and_(expr == value, id_ < last_id))
    if null_key:  # ascending: the values, then the NULLs (by id ascending)
        return and_(expr.is_(None), id_ > last_id)
    return or_(expr > value, and_(expr == value, id_ > last_id), expr.is_(None))


#: What the page's keys carry besides the id and the sort key: the application's own values
#: the core columns show and the ids of what they look up (``_core_page``).
_PAGE_VALUES = (Application.created_at, Application.updated_at, Application.source, Application.status,
                Application.candidate_id, Application.job_id, Application.stage_id, Application.rejection_reason_id,
                Application.source_link_id)


def _core_page(keys, extra: list):
    """The page as plain rows of what the core columns show (``ListColumn.from_row``), read
    from ``keys``, the page's applications (a subquery with the id, the sort key and
    ``_PAGE_VALUES``), joined with their candidate, job, stage, rejection reason and share link.
    ``applications`` is read once, in the subquery: joining it again by id made PostgreSQL plan
    it twice with its eleven indexes, most of the statement's cost (docs/performance.md,
    session 26). No ORM entities: 50 applications with their candidates, jobs and stages as
    entities cost more than the rest of the page's Python."""
    c = keys.c
    return select(c.id, c.sort_key, c.created_at, c.updated_at, c.source, c.status,
                  Candidate.display_name, Candidate.given_names, Candidate.family_name, Candidate.email,
                  Candidate.phone, Job.title.label("job_title"), Stage.name.label("stage_name"),
                  RejectionReason.label.label("reason_label"), SourceLink.name.label("link_name"), *extra) \
        .select_from(keys).join(Candidate, Candidate.id == c.candidate_id) \
        .outerjoin(Job, Job.id == c.job_id).outerjoin(Stage, Stage.id == c.stage_id) \
        .outerjoin(RejectionReason, RejectionReason.id == c.rejection_reason_id) \
        .outerjoin(SourceLink, SourceLink.id == c.source_link_id)


@dataclass(frozen=True)
class _Shape:
    """Everything a page's statement is built from except its bound parameters (the company's
    id and the position a later page continues from): the filters, sort and page size
    (``ListQuery`` without its cursor), where the page starts (0 the top, 1 after a row,
    2 after a row whose sort key is NULL), the order the rows are read in, and what rides
    along (the count up to ``count``, 0 for none; ``reads``; plain rows)."""
    q: str
    job_id: int | None
    stage: str
    status: str
    filters: tuple
    sort: str
    per_page: int
    position: int
    scan_desc: bool
    count: int
    reads: tuple
    plain: bool


#: Statements kept per web process (``_page_statement``): the searches and filters a company's
#: recruiters page through; the plain first page and its next pages are one shape for every company.
PAGE_STATEMENTS = 128


@lru_cache(maxsize=PAGE_STATEMENTS)
def _page_statement(shape: _Shape, narrowed: tuple = (), only_ids: tuple | None = None):
    """The page's statement, built once per process and shape (``_Shape``) for the users who
    see every application (``narrowed``: a role's filter, ``only_ids``: a bulk selection's;
    both built per request, through ``__wrapped__``). Building it — the filters, the keys'
    subquery with its columns copied into ``.c``, the joins of ``_core_page`` — cost more
    than the rest of ``list_applications`` (docs/performance.md, session 27); what varies from
    page to page are bound parameters: ``list_company_id``, ``list_after_value`` and
    ``list_after_id``. Plain rows (``_core_page``) or the keys of the entities' page."""
    lq = ListQuery(q=shape.q, job_id=shape.job_id, stage=shape.stage, status=shape.status, sort=shape.sort,
                   per_page=shape.per_page, filters=dict(shape.filters))
    company = bindparam("list_company_id")
    joins: list = []
    base = _filtered(company, lq, joins, Application.id, narrowed)
    if only_ids is not None:  # a bulk selection's export
        base = base.where(Application.id.in_(only_ids))
    sort_col = _sort_column(shape.sort)
    expr, nullable = sort_col.sort, _nullable(sort_col)
    stmt = base.add_columns(expr.label("sort_key"))
    if sort_col.join is not None and sort_col.join not in joins:
        stmt = sort_col.join(stmt)
    if shape.position:
        stmt = stmt.where(_after(expr, nullable, shape.position == 2, shape.scan_desc))
    stmt = stmt.order_by(*_order(expr, nullable, shape.scan_desc)).limit(_limit(shape.per_page + 1))
    extra = [factory(company).label(name) for name, factory in shape.reads]
    if shape.count:
        counted = base.correlate(None).limit(_limit(shape.count + 1)).subquery()
        extra.append(select(func.count()).select_from(counted).scalar_subquery().label("total"))
    if not shape.plain:
        return stmt.add_columns(*extra) if extra else stmt
    keys = stmt.add_columns(*_PAGE_VALUES).subquery("page_keys")
    return _core_page(keys, extra).order_by(*_order(keys.c.sort_key, nullable, shape.scan_desc, keys.c.id))


def _columns(stmt, params: dict):
    """The rows of a statement of columns (no entities) run on the session's connection, in its
    transaction: the ORM's execution adds nothing to such rows but its own work (~0.2 ms a
    statement: compile state, result wrapping; docs/performance.md, session 27). Nothing is
    flushed first: the list's pages and menus are read by GETs."""
    return db.session.connection().execute(stmt, params)


@lru_cache(maxsize=PAGE_STATEMENTS)
def _row_type(keys: tuple[str, ...]):
    """The page's rows as named tuples of the statement's columns (``keys``): a column is read
    by name ~10 times per row (the cells, the keys, the cursors), and a SQLAlchemy ``Row``'s
    attribute is a look-up by name each time (~0.3-0.7 µs), a named tuple's an index."""
    return namedtuple("ListRow", keys)


def _sort_column(key: str) -> ListColumn:
    sort_col = column(key)
    return sort_col if sort_col is not None and sort_col.sort is not None else COLUMNS["applied"]


def list_applications(company_id: int, lq: ListQuery, column_keys: list[str] | None, *,
                      count: bool = True, only_ids: list[int] | None = None, plain: bool = False,
                      reads: tuple = ()) -> ListPage:
    """One statement for a page of plain rows (``plain`` and every visible column can read
    one, ``_core_page``): the page's keys and values from its position (an index range scan when
    the list is sorted by date) in a subquery, joined with what the core columns look up, and on the first
    page the count as a column of it (capped at COUNT_CAP + 1 rows; later pages carry it in
    their cursor). Otherwise, and by default, two: the keys (with the count), then the
    ``Application`` entities with what the visible columns need. What the page would otherwise
    ask one statement each rides in the first statement too, when the page has a row (an empty
    page answers nothing: ask them apart): ``reads``, pairs (name, factory of a scalar
    expression of the company's id) of the features above, answered in ``ListPage.answers``
    (the bell's count comes with the user: app/security.py ``load_user``). The statements are
    built once per shape (``_page_statement``).
    ``BadCursor`` if ``lq.cursor`` is not a cursor of this list."""
    columns = visible(column_keys)
    cursor = decode_cursor(company_id, lq)
    sort_col = _sort_column(lq.sort)
    desc = lq.direction == "desc"
    plain = plain and all(col.from_row is not None for col in columns)
    narrowed = tuple(access.filters(Application))
    ids = tuple(only_ids) if only_ids is not None else None
    # A column a source makes per job (a screening question) can change with the job: built per request.
    per_request = bool(narrowed) or ids is not None or any(key not in COLUMNS for key in (sort_col.key, *lq.filters))
    reads = tuple(reads)

    def first_statement(position: Cursor | None, scan_desc: bool, with_count: bool) -> list:
        shape = _Shape(lq.q, lq.job_id, lq.stage, lq.status, tuple(sorted(lq.filters.items())), sort_col.key,
                       lq.per_page, 0 if position is None else 2 if position.value is None else 1, scan_desc,
                       COUNT_CAP if with_count else 0, reads, plain)
        params = {"list_company_id": company_id}
        if position is not None:
            params.update(list_after_value=position.value, list_after_id=position.id)
        stmt = _page_statement.__wrapped__(shape, narrowed, ids) if per_request else _page_statement(shape)
        result = _columns(stmt, params)
        make = _row_type(tuple(result.keys()))._make
        return [make(row) for row in result]

    backward = cursor is not None and cursor.backward
    with_count = cursor is None and count
    total = cursor.total if cursor is not None else 0
    rows = first_statement(cursor, desc != backward, with_count)  # a page before the cursor is read in reverse
    if with_count:
        total = rows[0].total if rows else 0
    if backward and len(rows) <= lq.per_page:
        # Back at the start of the list (rows may have come or gone since): the first page, full
        # (with the count the cursor carried).
        cursor, backward = None, False
        rows = first_statement(None, desc, False)
    answers = {name: getattr(rows[0], name) for name, _ in reads} if rows else {}
    number = cursor.page if cursor is not None else 1
    more = len(rows) > lq.per_page
    rows = rows[:lq.per_page]
    if backward:
        rows.reverse()
        has_prev, has_next = True, True
    else:
        has_prev, has_next = cursor is not None, more
    keys = [(row.id, row.sort_key) for row in rows]
    if not plain and keys:
        # The long and JSON columns no list cell shows are left out (read on access if one ever did).
        rows_stmt = select(Application).where(Application.id.in_([id_ for id_, _ in keys])).options(
            joinedload(Application.candidate), defer(Application.cover_letter), defer(Application.pending_data))
        for col in columns:
            rows_stmt = rows_stmt.options(*col.options)
        by_id = {row.id: row for row in db.session.scalars(rows_stmt).unique()}
        rows = [by_id[i] for i, _ in keys if i in by_id]
    page = ListPage(rows=rows, total=total, query=lq, columns=columns, has_next=has_next, has_prev=has_prev,
                    number=max(number, 2) if has_prev else 1, plain=plain, answers=answers)
    if keys and has_next:
        page.next_cursor = encode_cursor(company_id, lq, Cursor(keys[-1][1], keys[-1][0], False, page.number + 1,
                                                                total))
    if keys and has_prev and page.number > 2:  # the page before page 2 is the first page: no cursor
        page.prev_cursor = encode_cursor(company_id, lq, Cursor(keys[0][1], keys[0][0], True, page.number - 1,
                                                                total))
    return page


@dataclass(frozen=True)
class FilterMenus:
    """Kept between requests (``filter_menus``): tuples, never changed once made."""
    jobs: tuple  # (id, title) of the jobs the user may see, by title
    stage_names: tuple  # the distinct names of the company's job stages, sorted
    links: tuple | None  # (id, name, job title) of the company's share links, or None: not asked


@cache
def _menus_statement(links: bool, narrowed: tuple = ()):
    """``filter_menus``' statement, built once per process (bound to ``menus_company_id``) for
    the users who see every job (``narrowed``: a role's filter on ``Job``, built per request)."""
    company = bindparam("menus_company_id")
    none_int, none_text = null().cast(Integer), null().cast(String)
    parts = [select(literal_column("0", Integer).label("part"), Job.id.label("id"), Job.title.label("a"),
                    none_text.label("b"), Job.title.label("s1"), none_text.label("s2"))
             .where(Job.company_id == company, *narrowed),
             select(literal_column("1", Integer), none_int, Stage.name, none_text, none_text, none_text)
             .where(Stage.company_id == company, Stage.job_id.is_not(None)).distinct()]
    if links:
        parts.append(select(literal_column("2", Integer), SourceLink.id, SourceLink.name, Job.title,
                            func.lower(Job.title), func.lower(SourceLink.name))
                     .join(Job, Job.id == SourceLink.job_id).where(SourceLink.company_id == company))
    union = union_all(*parts).subquery("menus")
    return select(union).order_by(union.c.part, union.c.s1, union.c.s2)


#: Companies whose menus a web process keeps (``filter_menus``): one entry per company and
#: ``links``, a few kB each.
MENUS_KEPT = 512


def filter_menus(company_id: int, links: bool, version: int | None = None) -> FilterMenus:
    """The filter form's menus in one statement (a UNION ALL, each part tagged): the jobs the
    user may see, by title; the distinct names of the company's job stages; and, with
    ``links``, the share links of the source filter (``share_links.company_links``, kept for
    the request: the filter's choices read them from there).

    ``version``: the company's ``list_menus_version`` as the page statement read it
    (``menus.version``), or None. With it, and for a user who sees every job, the menus are
    kept per process under (company, ``links``) with that value, and read again only when the
    value moved: any change to what they show draws a new one in its own transaction, from
    any process (app/applications/menus.py). The statement runs after the value was read, so
    what is kept under a value is never older than the value."""
    from app.applications.share_links import remember_links

    narrowed = access.filters(Job)  # the jobs this user may see, when their role narrows them
    kept = current_app.extensions.setdefault("haku.list_menus", {}) if version is not None and not narrowed else None
    found = kept.get((company_id, links)) if kept is not None else None
    if found is not None and found[0] == version:
        if links:
            remember_links(company_id, found[1].links)
        return found[1]
    stmt = _menus_statement(links) if not narrowed else _menus_statement.__wrapped__(links, narrowed)
    jobs, stage_names, share_links = [], set(), []
    # unpacked, not read by name: a row's attribute is a look-up in SQLAlchemy (~0.3-0.7 µs;
    # 300+ on a page of 100 jobs, more than the statement's own execution)
    for part, id_, a, b, _s1, _s2 in _columns(stmt, {"menus_company_id": company_id}):
        if part == 0:
            jobs.append((id_, a))
        elif part == 1:
            stage_names.add(a)
        else:
            share_links.append((id_, a, b))
    out = FilterMenus(tuple(jobs), tuple(sorted(stage_names)), tuple(share_links) if links else None)
    if links:
        remember_links(company_id, out.links)
    if kept is not None:
        if len(kept) >= MENUS_KEPT:
            kept.clear()
        kept[company_id, links] = (version, out)
    return out


def matching_ids(company_id: int, lq: ListQuery, limit: int) -> list[int]:
    """The ids of every application the list shows for ``lq`` (all pages, at most ``limit``):
    a selection of "all N matching the filter"."""
    stmt = _filtered(bindparam("list_company_id", company_id), lq, [], Application.id, access.filters(Application)) \
        .order_by(Application.id).limit(limit)
    return list(db.session.scalars(stmt))
