"""The pipeline board of a job: the first chips of each stage (newest in the stage first,
capped, so a stage with thousands stays fast), each stage's count, and the next chunk of one
stage on demand ("show more", keyset on the column's order, never OFFSET).

Rows, not ORM entities: a chip needs a few columns. A feature adds a badge to the chips
(EMREX, assessments) with ``plugins.chip_badge``: its columns come from a row joined on the
application's id (a one-row-per-application summary), in the same statement (on the board,
joined once to the glued parts).

The board is one statement whatever the number of applications: the stages' first chips (one
LIMITed part per stage, each a short backward scan of ``ix_applications_board``: a LATERAL
subquery run per stage on PostgreSQL, parts glued with UNION ALL on SQLite), each part carrying its stage's count (a sum over the kept counts of
``app/applications/counts.py``, a few rows, worked out once per part). A stage with no chip
has no applications, so no count to show. A chunk is one statement."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from operator import attrgetter
from typing import Any

from sqlalchemy import ARRAY, Integer, Row, and_, any_, bindparam, exists, func, or_, select, true, tuple_, union_all

from app.applications.models import (
    Application,
    ApplicationCount,
    ApplicationTag,
    ApplicationView,
    Candidate,
    SourceLink,
    Tag,
)
from app.extensions import db
from app.jobs.models import Stage
from app.jobs.queries import for_board
from app.plugins import plugins

#: Chips per column on the board, and per "show more" chunk.
PER_STAGE = 25

#: A board part's columns (the candidate's and the share link's are joined to the glued parts).
_PART_COLUMNS = (Application.id, Application.stage_id, Application.source, Application.stage_entered_at,
                 Application.last_activity_at, Application.last_activity_by_id, Application.candidate_id,
                 Application.source_link_id)


def _seen(query, application_id, viewer):
    """The viewer's ``seen_at`` of each chip (None: never opened), outer-joined: the chip's
    new-activity mark compares it with ``last_activity_at`` (``has_news``)."""
    return query.add_columns(ApplicationView.seen_at).outerjoin(
        ApplicationView, and_(ApplicationView.application_id == application_id, ApplicationView.user_id == viewer))


def has_news(row, viewer_id: int | None) -> bool:
    """The chip's application has news the viewer has not seen (and did not make)."""
    at = row.last_activity_at
    return at is not None and row.last_activity_by_id != viewer_id and (row.seen_at is None or row.seen_at < at)


@dataclass(frozen=True)
class ChipBadge:
    """A badge on the board's chips, registered by a feature (``plugins.chip_badge``).

    ``columns`` come from the table of ``application_id``, which holds one row per application
    at most (a summary keyed by the application, so a chip stays one row), outer-joined on it;
    ``text(*values)`` gives the badge's text, or None for no badge (called once per distinct
    values on a page, so keep it free of queries). ``shown(company)`` says whether the
    company's chips carry the badge at all (the feature is on): when not, its summary is not
    joined (asked once per page; default always). A ``shown`` that reads the database can be
    asked in the board's job statement instead: ``asks(company_id)`` gives it as an expression
    of the company's id (an EXISTS) and ``told(company_id, answer)`` keeps the answer where
    ``shown`` finds it (``board_job``)."""
    key: str
    columns: tuple
    application_id: Any
    text: Callable[..., str | None]
    shown: Callable[[Any], bool] | None = None
    asks: Callable[[Any], Any] | None = None
    told: Callable[[int, bool], None] | None = None

    def labelled(self) -> list:
        return [column.label(f"{self.key}_{i}") for i, column in enumerate(self.columns)]

    def join(self, query, application_id):
        return query.outerjoin(self.application_id.class_, self.application_id == application_id)


def badges(company=None) -> list[ChipBadge]:
    """The registered badges; with ``company``, those its chips carry (``ChipBadge.shown``)."""
    return [badge for badge in plugins.chip_badges.values()
            if company is None or badge.shown is None or badge.shown(company)]


#: The company of the board's job statement, for the page's reads (``board_job``).
_COMPANY = bindparam("board_company_id")


@cache
def _page_reads(reads: tuple) -> tuple:
    """The board's questions as labelled scalar columns, built once: whether the company has
    tags, each badge's ``asks`` and the callers' ``reads`` (name, factory)."""
    columns = [exists().where(Tag.company_id == _COMPANY).label("has_tags")]
    columns += [badge.asks(_COMPANY).label(f"badge_{badge.key}") for badge in plugins.chip_badges.values()
                if badge.asks is not None]
    return tuple(columns + [factory(_COMPANY).label(name) for name, factory in reads])


def board_job(company, job_id: int, reads: tuple = ()) -> tuple[Any, dict]:
    """The job of the board in ``company`` (the signed-in user's: ``jobs.queries.for_board``,
    with its owner, team and stages, and ``company`` as its company) and, in the same statement,
    what the page would otherwise ask one statement each (the bell's count comes with the user,
    app/security.py ``load_user``): whether the company has tags (the chips' tags are read only
    then), the badges' ``shown`` (given to their ``told``) and ``reads``, pairs (name, factory of
    an expression of the company's id) of the features above (the running bulk actions).
    ``(None, {})`` for another company's job."""
    row = for_board(company, job_id, _page_reads(tuple(reads)), {"board_company_id": company.id})
    if row is None:
        return None, {}
    job, answers = row[0], row._asdict()
    for badge in plugins.chip_badges.values():
        if badge.told is not None and f"badge_{badge.key}" in answers:
            badge.told(company.id, bool(answers[f"badge_{badge.key}"]))
    return job, answers


def badge_reader(badge: ChipBadge) -> Callable:
    """``reader(row)``: the badge's values of a chip row, as a tuple (one getter per page)."""
    names = [f"{badge.key}_{i}" for i in range(len(badge.columns))]
    get = attrgetter(*names)
    return get if len(names) > 1 else (lambda row: (get(row),))


def _order():
    """A column's order: newest in the stage first, then the newest id. NULLS FIRST is
    PostgreSQL's default for DESC (the index scanned backwards); SQLite needs it spelled out.
    Every stage entry sets the time, so a row without one is an old leftover."""
    return Application.stage_entered_at.desc().nulls_first(), Application.id.desc()


@dataclass(frozen=True)
class Cursor:
    """Where a column's chunk ended: the last chip's stage entry time and id (the keyset)."""
    entered_at: datetime | None
    id: int

    def token(self) -> str:
        return f"{self.entered_at.isoformat() if self.entered_at else ''}_{self.id}"

    @classmethod
    def parse(cls, token: str | None) -> Cursor | None:
        """``None`` for anything that is not a token ``token()`` made."""
        at, sep, ident = (token or "").rpartition("_")
        if not sep or not ident.isdigit() or len(ident) > 18 or len(at) > 40:
            return None
        try:
            entered = datetime.fromisoformat(at) if at else None
        except ValueError:
            return None
        if entered is not None and entered.tzinfo is not None:
            return None
        return cls(entered, int(ident))

    @classmethod
    def of(cls, row) -> Cursor:
        return cls(row.stage_entered_at, row.id)


def _after(cursor: Cursor):
    """The rows after ``cursor`` in the column's order (a row comparison: an index bound)."""
    entered, ident = Application.stage_entered_at, Application.id
    if cursor.entered_at is None:
        return or_(and_(entered.is_(None), ident < cursor.id), entered.is_not(None))
    return tuple_(entered, ident) < tuple_(cursor.entered_at, cursor.id)


def _dressed(chips, badges_of, viewer):
    """The chip rows of ``chips`` (a limited subquery of ``_PART_COLUMNS``): the candidates,
    the share links' names (``link_name``: a chip names its source as the list does,
    ``sources.row_labeller``), the badges' rows (of the features the company has on,
    ``badges_of``) and the viewer's "seen" joined to the chips only, and the column order again
    (a join need not keep it)."""
    shown = list(badges_of)
    query = (select(*(c for c in chips.c if c.name not in ("candidate_id", "source_link_id")), Candidate.display_name,
                    Candidate.given_names, Candidate.family_name, SourceLink.name.label("link_name"),
                    *(c for badge in shown for c in badge.labelled()))
             .select_from(chips).join(Candidate, Candidate.id == chips.c.candidate_id)
             .outerjoin(SourceLink, SourceLink.id == chips.c.source_link_id))
    for badge in shown:
        query = badge.join(query, chips.c.id)
    query = _seen(query, chips.c.id, viewer)
    return query.order_by(chips.c.stage_entered_at.desc().nulls_first(), chips.c.id.desc())


def _rows(query, params: dict | None = None):
    """A select of columns run on the session's connection, in its transaction, without the
    ORM's execution layer, which an entity-free select does not need (for the chips statement
    0.1–0.3 ms of CPU per execution in process: docs/performance.md, session 27). Nothing is
    waiting to be flushed: the board reads after a move's service has committed."""
    return db.session.connection().execute(query, params)


def _kept_count(stage_id):
    """The stage's count from the kept counts (app/applications/counts.py): a scalar that
    depends on the parameters only, so PostgreSQL works it out once per part, not per row."""
    return (select(func.coalesce(func.sum(ApplicationCount.n), 0))
            .where(ApplicationCount.company_id == bindparam("company_id"),
                   ApplicationCount.job_id == bindparam("job_id"), ApplicationCount.stage_id == stage_id)
            .correlate_except(ApplicationCount).scalar_subquery())


@cache
def _first_chips_lateral(per_stage: int, badge_keys: tuple = ()):
    """PostgreSQL's first chips of the job's stages in the array ``stage_ids``, with bound
    parameters, built once per shape: one LIMITed part run for each stage (a LATERAL subquery).
    The statement is the same whatever the number of stages, and PostgreSQL plans one part, not
    one per stage (planning was most of the statement's cost: docs/performance.md, session 26).
    The stages come from their table, not from ``unnest`` of the array: a prepared statement's
    generic plan then costs what a custom one does and is kept."""
    stage = select(Stage.id.label("stage_id")).where(
        Stage.job_id == bindparam("job_id"), Stage.id == any_(bindparam("stage_ids", type_=ARRAY(Integer)))
    ).subquery("s")
    part = _part(stage.c.stage_id, per_stage).lateral()
    chips = select(*part.c).select_from(stage).join(part, true()).subquery()
    # joined once, to the glued chips (not in every part: less to plan)
    return _dressed(chips, [plugins.chip_badges[key] for key in badge_keys], bindparam("viewer_id"))


@cache
def _first_chips_union(stages: int, per_stage: int, badge_keys: tuple = ()):
    """The first chips of ``stages`` stages where there is no LATERAL (SQLite), built once per
    shape: one LIMITed part per stage (``stage_0``…), glued with UNION ALL."""
    parts = [_part(bindparam(f"stage_{i}"), per_stage).subquery() for i in range(stages)]
    chips = union_all(*(select(part.c) for part in parts)).subquery() if stages > 1 else parts[0]
    return _dressed(chips, [plugins.chip_badges[key] for key in badge_keys], bindparam("viewer_id"))


def _part(stage_id, per_stage: int):
    """One stage's first chips: the applications' columns alone, limited, with the stage's
    kept count. The candidates are joined to the chips only (``_dressed``): PostgreSQL guesses
    a handful of rows for (job, stage) (its statistics do not know that the stage implies the
    job), and for a big stage once sorted every application of the stage joined with its
    candidate (983 candidate look-ups for 25 chips)."""
    return (select(*_PART_COLUMNS, _kept_count(stage_id).label("stage_count"))
            .where(Application.company_id == bindparam("company_id"), Application.job_id == bindparam("job_id"),
                   Application.stage_id == stage_id)
            .order_by(*_order()).limit(per_stage))


def board(job, per_stage: int = PER_STAGE, stage_ids=None, viewer_id: int | None = None
          ) -> tuple[dict[int, list[Row]], dict[int, int]]:
    """The first ``per_stage`` chip rows of each stage of the job (or of ``stage_ids``) in
    column order, with ``viewer_id``'s ``seen_at`` of each, and the count of every stage that has any."""
    stages = [stage.id for stage in job.stages if stage_ids is None or stage.id in stage_ids]
    by_stage: dict[int, list[Row]] = {stage_id: [] for stage_id in stages}
    if not stages:
        return by_stage, {}
    params = {"company_id": job.company_id, "job_id": job.id, "viewer_id": viewer_id}
    keys = tuple(badge.key for badge in badges(job.company))  # only the features the company has on
    connection = db.session.connection()
    if connection.dialect.name == "postgresql":
        query = _first_chips_lateral(per_stage, keys)
        params["stage_ids"] = stages
    else:
        query = _first_chips_union(len(stages), per_stage, keys)
        params |= {f"stage_{i}": sid for i, sid in enumerate(stages)}
    counts: dict[int, int] = {}
    for row in connection.execute(query, params):  # rows, not entities: see _rows
        by_stage[row.stage_id].append(row)
        counts[row.stage_id] = row.stage_count  # each chip carries its stage's count; a stage without one has none
    return by_stage, {stage_id: n for stage_id, n in counts.items() if n}


def stage_chunk(job, stage_id: int, after: Cursor | None, limit: int = PER_STAGE,
                viewer_id: int | None = None) -> tuple[list[Row], int]:
    """The next ``limit`` chip rows of one stage after ``after`` (the first ones for None) and
    how many rows of the stage are left after them (a count over the index, no candidates)."""
    where = [Application.company_id == job.company_id, Application.job_id == job.id, Application.stage_id == stage_id]
    left = _stage_rows(job, stage_id)
    if after is not None:
        where.append(_after(after))
        left = left.where(_after(after))
    chips = select(*_PART_COLUMNS).where(*where).order_by(*_order()).limit(limit).subquery()
    rows = _rows(_dressed(chips, badges(job.company), viewer_id)).all()
    return rows, (db.session.scalar(left) - len(rows)) if len(rows) == limit else 0


def _stage_rows(job, stage_id: int):
    return select(func.count()).select_from(Application).where(
        Application.company_id == job.company_id, Application.job_id == job.id, Application.stage_id == stage_id)


def stage_count(job, stage_id: int) -> int:
    return db.session.scalar(_stage_rows(job, stage_id)) or 0


def chip_tags(application_ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    """The tags (name, colour) of the chips on a page, by application, in one statement."""
    if not application_ids:
        return {}
    out: dict[int, list[tuple[str, str]]] = {}
    for application_id, name, colour in _rows(
            select(ApplicationTag.application_id, Tag.name, Tag.colour).join(Tag, Tag.id == ApplicationTag.tag_id)
            .where(ApplicationTag.application_id.in_(application_ids)).order_by(Tag.name_key)):
        out.setdefault(application_id, []).append((name, colour))
    return out
