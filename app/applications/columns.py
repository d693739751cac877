"""The column registry of the applications list.

Each column says how to show a value, how to sort by it (a SQL expression, or none) and
which loader options it needs, so one page is a constant number of queries however many
columns show. Integrations add theirs with ``plugins.list_column`` (app/plugins.py) in their
``hooks.py``; the core columns are registered here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload, selectinload

from app.applications.models import Application, ApplicationStatus, Candidate, RejectionReason, SourceLink
from app.applications.sources import SOURCE_LABELS, SOURCES, row_labeller, source_label
from app.extensions import db
from app.i18n import translated
from app.jobs.models import Job, Stage
from app.plugins import plugins


@dataclass
class ListColumn:
    key: str
    label: Any
    value: Callable[[Application], Any]
    sort: Any = None  # SQL expression, or None when not sortable
    default: bool = False
    options: list = field(default_factory=list)  # loader options (joinedload, selectinload…)
    # Optional filter: (kind "choice" | "text" | "min", choices (a list, or a function giving it at
    # render time) or None, where(select, value) -> select)
    filter: tuple | None = None
    # The join that sorting or filtering by this column needs: a function select -> select.
    join: Callable | None = None
    # "date": ``value`` is a stored (UTC) time; the list shows its day in the reader's language
    # and time zone (the ``|date`` filter), the CSV export as an ISO 8601 date (``csv_value``).
    kind: str = "text"
    # The value from a plain row of the list's core columns (``listing._core_page``: the
    # application's, candidate's, job title, stage name, reason label), or None when the
    # column needs the entities (a plugin's column): a page whose visible columns all have
    # one is read as rows, not ORM entities.
    from_row: Callable[[Any], Any] | None = None
    # For a page of plain rows: called once per page, gives ``from_row`` with what is the same
    # for every row looked up once (labels in the reader's language), or None: ``from_row``.
    page_from_row: Callable[[], Callable[[Any], Any]] | None = None

    def csv_value(self, application: Application) -> Any:
        value = self.value(application)
        if self.kind == "date":
            return value.strftime("%Y-%m-%d") if value else ""
        return value


#: key -> column, in registration order: the dict ``plugins.list_column`` fills
COLUMNS: dict[str, ListColumn] = plugins.list_columns


class ColumnSource:
    """Columns that exist per job (a feature's ``plugins.list_column_source``): ``resolve``
    gives the column of a key it made (None for any other key, or one of another company's
    job), ``for_job`` the columns it offers when the list shows one job."""

    def resolve(self, key: str) -> ListColumn | None:  # pragma: no cover - an interface
        return None

    def for_job(self, job_id: int) -> list[ListColumn]:  # pragma: no cover - an interface
        return []


def column(key: str | None) -> ListColumn | None:
    """The column of ``key``: a registered one, or one a column source makes."""
    if not key:
        return None
    found = COLUMNS.get(key)
    for source in plugins.list_column_sources if found is None else ():
        found = source.resolve(key)
        if found is not None:
            break
    return found


def offered(job_id: int | None) -> dict[str, ListColumn]:
    """The columns the cogwheel menu offers: every registered one, and with one job shown,
    the columns the sources make for it."""
    extra = {col.key: col for source in plugins.list_column_sources if job_id
             for col in source.for_job(job_id)}
    return {**COLUMNS, **extra}


def default_keys() -> list[str]:
    return [key for key, col in COLUMNS.items() if col.default]


def visible(keys: list[str] | None) -> list[ListColumn]:
    chosen = [col for col in (column(k) for k in (keys or default_keys())) if col is not None]
    return chosen or [COLUMNS[k] for k in default_keys()]


plugins.list_column(ListColumn("candidate", _l("Candidate"), lambda a: a.candidate.full_name,
                               sort=Candidate.family_name, default=True,
                               from_row=lambda r: r.display_name or f"{r.given_names} {r.family_name}".strip()))
plugins.list_column(ListColumn("email", _l("Email"), lambda a: a.candidate.email or "", sort=Candidate.email_normalized,
                               default=True, from_row=lambda r: r.email or ""))
plugins.list_column(ListColumn("phone", _l("Phone"), lambda a: a.candidate.phone or "",
                               from_row=lambda r: r.phone or ""))
plugins.list_column(ListColumn("job", _l("Job"), lambda a: a.job.title if a.job else "", sort=Job.title, default=True,
                               options=[joinedload(Application.job).load_only(Job.title)], from_row=lambda r: r.job_title or "",
                               join=lambda s: s.outerjoin(Job, Job.id == Application.job_id)))
plugins.list_column(ListColumn("stage", _l("Stage"), lambda a: a.stage.name if a.stage else "", sort=Stage.position,
                               default=True, options=[joinedload(Application.stage)],
                               from_row=lambda r: r.stage_name or "",
                               join=lambda s: s.outerjoin(Stage, Stage.id == Application.stage_id)))
def _source(application) -> str:
    link = application.source_link if application.source_link_id else None
    return source_label(application.source, link.name if link is not None else None)


def _source_from_row(row) -> str:
    return source_label(row.source, row.link_name)


def _source_choices() -> list[tuple[str, str]]:
    """The filter's choices: each source, then each share link of the company (by job)."""
    from app.accounts.tenancy import current_company_id
    from app.applications.share_links import company_links

    labels = translated("sources", SOURCE_LABELS)
    links = [(f"link:{link_id}", f"{labels['link']}: {name} ({title})")
             for link_id, name, title in company_links(current_company_id())]
    return [(key, labels[key]) for key in SOURCES] + links


def _source_filter(stmt, value):
    value = str(value)
    if value.startswith("link:"):
        link_id = value[5:]
        return stmt.where(Application.source_link_id == (int(link_id) if link_id.isdigit() else -1))
    return stmt.where(Application.source == (value if value in SOURCES else ""))


plugins.list_column(ListColumn("source", _l("Source"), _source, sort=Application.source, default=True,
                               options=[joinedload(Application.source_link).load_only(SourceLink.name)],
                               filter=("choice", _source_choices, _source_filter), from_row=_source_from_row,
                               page_from_row=row_labeller))
#: An application's status as the list (and its CSV) shows it, in the reader's language.
STATUS_LABELS = {ApplicationStatus.OPEN: _l("open"), ApplicationStatus.CLOSED: _l("closed"),
                 ApplicationStatus.PENDING: _l("waiting for a job"),
                 ApplicationStatus.DISMISSED: _l("rejected from the Pending pool")}


def _status(application) -> str:
    return translated("statuses", STATUS_LABELS).get(application.status, application.status)


def _status_page():
    labels = translated("statuses", STATUS_LABELS)
    return lambda r: labels.get(r.status, r.status)


plugins.list_column(ListColumn("status", _l("Status"), _status, sort=Application.status, from_row=_status,
                               page_from_row=_status_page))
plugins.list_column(ListColumn("applied", _l("Applied"), lambda a: a.created_at, sort=Application.created_at,
                               default=True, kind="date", from_row=lambda r: r.created_at))
plugins.list_column(ListColumn("updated", _l("Last activity"), lambda a: a.updated_at,
                               sort=Application.updated_at, kind="date", from_row=lambda r: r.updated_at))


def _rejection_reason(application) -> str:
    reason = application.rejection_reason
    return reason.label if reason is not None else ""


def _reason_choices() -> list[tuple[str, str]]:
    """The filter's choices: the current company's reasons (inactive ones too: old rejections)."""
    from app.accounts.tenancy import current_company_id
    from app.applications.rejections import reasons

    return [(str(r.id), r.label) for r in reasons(current_company_id())]


def _reason_filter(stmt, value):
    return stmt.where(Application.rejection_reason_id == (int(value) if str(value).isdigit() else -1))


plugins.list_column(ListColumn("rejection_reason", _l("Rejection reason"), _rejection_reason,
                               sort=RejectionReason.label, options=[joinedload(Application.rejection_reason)],
                               join=lambda s: s.outerjoin(RejectionReason,
                                                          RejectionReason.id == Application.rejection_reason_id),
                               filter=("choice", _reason_choices, _reason_filter),
                               from_row=lambda r: r.reason_label or ""))


def save_list_columns(user, keys: list[str]) -> None:
    """The user's choice of list columns (unknown keys dropped)."""

    user.list_columns = [k for k in keys if column(k) is not None]
    db.session.commit()


def _tag_choices() -> list[tuple[str, str]]:
    """The filter's choices: the current company's tags."""
    from app.accounts.tenancy import current_company_id
    from app.applications import tags

    return [(str(t.id), t.name) for t in tags.tags(current_company_id())]


def _tag_filter(stmt, value):
    from app.applications import tags

    return tags.has_tag(stmt, value)


# The page's tags come in one extra query (selectinload), however many rows show.
plugins.list_column(ListColumn("tags", _l("Tags"), lambda a: ", ".join(t.name for t in a.tags),
                               options=[selectinload(Application.tags)],
                               filter=("choice", _tag_choices, _tag_filter)))
