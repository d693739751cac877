"""every company has its default rejection reasons (created with the company from now on)

Revision ID: f2a6c8e4b1d7
Revises: c7e2a9d4b613
Create Date: 2026-12-06 20:00:00

The defaults used to be created on the first read of a company's reasons (a write on a GET);
they are now created with the company (``accounts.events.company_created``). This backfills
the companies that never read theirs: each default key a company lacks, labelled in the
company's language from the compiled catalogue when it is there (English otherwise), after
the company's existing reasons. Nothing to undo: the rows are ordinary reasons.
"""
from pathlib import Path

from alembic import op
import sqlalchemy as sa


revision = 'f2a6c8e4b1d7'
down_revision = 'c7e2a9d4b613'
branch_labels = None
depends_on = None

# A copy of rejections.DEFAULT_REASONS as it is today (migrations do not import app code).
DEFAULTS = (
    ("not_qualified", "Not qualified"),
    ("other_candidate", "Chose another candidate"),
    ("withdrew", "Candidate withdrew"),
    ("no_response", "No response from the candidate"),
    ("position_filled", "Position filled"),
    ("position_cancelled", "Position cancelled"),
)
TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"


def _labels(locale: str | None) -> dict[str, str]:
    from babel.support import Translations

    catalogue = Translations.load(str(TRANSLATIONS), [locale or "en"], domain="messages")
    return {key: catalogue.pgettext("rejection reason", english) for key, english in DEFAULTS}


def upgrade():
    bind = op.get_bind()
    companies = sa.table("companies", sa.column("id", sa.Integer), sa.column("default_locale", sa.String))
    reasons = sa.table("rejection_reasons", sa.column("company_id", sa.Integer), sa.column("key", sa.String),
                       sa.column("label", sa.String), sa.column("position", sa.Integer),
                       sa.column("active", sa.Boolean), sa.column("created_at", sa.DateTime))
    have: dict[int, set] = {}
    last: dict[int, int] = {}
    for company_id, key, position in bind.execute(sa.select(reasons.c.company_id, reasons.c.key, reasons.c.position)):
        have.setdefault(company_id, set()).add(key)
        last[company_id] = max(last.get(company_id, -1), position or 0)
    rows = []
    now = sa.func.now()
    for company_id, locale in bind.execute(sa.select(companies.c.id, companies.c.default_locale)):
        missing = [(key, english) for key, english in DEFAULTS if key not in have.get(company_id, set())]
        if not missing:
            continue
        labels = _labels(locale)
        start = last[company_id] + 1 if company_id in last else 0
        rows += [{"company_id": company_id, "key": key, "label": labels[key] or english,
                  "position": start + offset, "active": True}
                 for offset, (key, english) in enumerate(missing)]
    if rows:
        bind.execute(reasons.insert().values(created_at=now), rows)


def downgrade():
    pass
