"""The column registry of the applications list.

Each column says how to show a value, how to sort by it (a SQL expression, or none) and
which loader options it needs, so one page is a constant number of queries however many
columns show. Integrations call ``register_column`` at import time to add theirs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload

from app.applications.models import Application, Candidate
from app.jobs.models import Job, Stage


@dataclass
class ListColumn:
    key: str
    label: Any
    value: Callable[[Application], Any]
    sort: Any = None  # SQL expression, or None when not sortable
    default: bool = False
    options: list = field(default_factory=list)  # loader options (joinedload, selectinload…)
    # Optional filter: (kind "choice" | "text" | "min", choices or None, where(select, value) -> select)
    filter: tuple | None = None
    # The join that sorting or filtering by this column needs: a function select -> select.
    join: Callable | None = None


COLUMNS: dict[str, ListColumn] = {}


def register_column(column: ListColumn) -> None:
    COLUMNS[column.key] = column


def default_keys() -> list[str]:
    return [key for key, col in COLUMNS.items() if col.default]


def visible(keys: list[str] | None) -> list[ListColumn]:
    chosen = [k for k in (keys or default_keys()) if k in COLUMNS]
    return [COLUMNS[k] for k in chosen] or [COLUMNS[k] for k in default_keys()]


def _fmt_date(value) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


register_column(ListColumn("candidate", _l("Candidate"), lambda a: a.candidate.full_name,
                           sort=Candidate.family_name, default=True))
register_column(ListColumn("email", _l("Email"), lambda a: a.candidate.email or "", sort=Candidate.email_normalized,
                           default=True))
register_column(ListColumn("phone", _l("Phone"), lambda a: a.candidate.phone or ""))
register_column(ListColumn("job", _l("Job"), lambda a: a.job.title if a.job else "", sort=Job.title, default=True,
                           options=[joinedload(Application.job)],
                           join=lambda s: s.outerjoin(Job, Job.id == Application.job_id)))
register_column(ListColumn("stage", _l("Stage"), lambda a: a.stage.name if a.stage else "", sort=Stage.position,
                           default=True, options=[joinedload(Application.stage)],
                           join=lambda s: s.outerjoin(Stage, Stage.id == Application.stage_id)))
def _source(application) -> str:
    from app.applications.sources import source_label

    return source_label(application.source)


register_column(ListColumn("source", _l("Source"), _source, sort=Application.source, default=True))
register_column(ListColumn("status", _l("Status"), lambda a: a.status, sort=Application.status))
register_column(ListColumn("applied", _l("Applied"), lambda a: _fmt_date(a.created_at), sort=Application.created_at,
                           default=True))
register_column(ListColumn("updated", _l("Last activity"), lambda a: _fmt_date(a.updated_at),
                           sort=Application.updated_at))


def save_list_columns(user, keys: list[str]) -> None:
    """The user's choice of list columns (unknown keys dropped)."""
    from app import background

    user.list_columns = [k for k in keys if k in COLUMNS]
    background.commit()
