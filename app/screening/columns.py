"""The applicants' answers in the applications list (cogwheel menu) and its CSV: one column
with every answer ("Question: answer; …"), filtered by a word of any answer. The page's
answers come in one extra query (selectinload), however many rows show."""

from __future__ import annotations

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from sqlalchemy import exists
from sqlalchemy.orm import selectinload

from app.applications.columns import ListColumn
from app.applications.listing import like_escaped
from app.applications.models import Application
from app.screening.models import ScreeningAnswer
from app.screening.questions import shown
from app.screening.services import NOT_ASKED_SOURCES


def answers_text(application) -> str:
    if application.source in NOT_ASKED_SOURCES:
        return gettext("not asked")
    return "; ".join(f"{a.label}: {shown(a.kind, a.value, a.text)}" for a in application.screening_answers if a.text)


def _filter(stmt, value):
    term = f"%{like_escaped(str(value).strip().lower())}%"
    return stmt.where(exists().where(ScreeningAnswer.application_id == Application.id,
                                     ScreeningAnswer.company_id == Application.company_id,
                                     ScreeningAnswer.text.ilike(term, escape="\\")))


#: the list column this feature adds, registered in its hooks.py
COLUMN = ListColumn("screening_answers", _l("Screening answers"), answers_text,
                    options=[selectinload(Application.screening_answers)], filter=("text", None, _filter))
