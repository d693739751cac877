"""The applicants' answers in the applications list (cogwheel menu) and its CSV: one column
with every answer ("Question: answer; …"), filtered by a word of any answer, and, when the
list shows one job, a column per question of that job, sortable and filtered by its answers.
The page's answers come in one extra query (selectinload), however many rows and question
columns show."""

from __future__ import annotations

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from sqlalchemy import exists, false, select
from sqlalchemy.orm import selectinload

from app.applications.columns import ColumnSource, ListColumn
from app.applications.listing import like_escaped
from app.applications.models import Application
from app.extensions import db
from app.jobs.models import Job
from app.screening.models import ScreeningAnswer
from app.screening.questions import Question, questions_of, shown
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


# ---------------------------------------------------------------- a column per question of a job

def _key(job_id: int, question_key: str) -> str:
    return f"sq-{job_id}-{question_key}"


class QuestionColumns(ColumnSource):
    """One column per screening question of the job the list shows ("sq-<job>-<question>"),
    sortable, and filtered by its answers (a choice, or a word). Keys of another company's job
    make no column."""

    def resolve(self, key: str) -> ListColumn | None:
        parts = key.split("-") if key.startswith("sq-") else []
        if len(parts) != 3 or not parts[1].isdigit() or len(parts[1]) > 12:
            return None
        job = self._job(int(parts[1]))
        question = next((q for q in questions_of(job) if q.key == parts[2]), None) if job is not None else None
        return _question_column(job.id, question) if question is not None else None

    def for_job(self, job_id: int) -> list[ListColumn]:
        job = self._job(job_id)
        return [_question_column(job.id, q) for q in questions_of(job)] if job is not None else []

    @staticmethod
    def _job(job_id: int):
        from app.accounts.tenancy import current_company_id

        job = db.session.get(Job, job_id)  # the identity map's after the first: one read per job and request
        return job if job is not None and job.company_id == current_company_id() else None


def _answer_of(job_id: int, question_key: str):
    def value(application) -> str:
        if application.source in NOT_ASKED_SOURCES:
            return gettext("not asked")
        if application.job_id != job_id:
            return ""
        found = next((a for a in application.screening_answers if a.question_key == question_key), None)
        return shown(found.kind, found.value, found.text) if found is not None else ""

    return value


def _question_column(job_id: int, question: Question) -> ListColumn:
    key = question.key
    mine = (ScreeningAnswer.application_id == Application.id, ScreeningAnswer.question_key == key,
            Application.job_id == job_id)
    sort = select(ScreeningAnswer.text).where(*mine).correlate(Application).limit(1).scalar_subquery()
    if question.kind in ("yes_no", "single_choice", "multiple_choice"):
        stored = {"yes": "Yes", "no": "No"} if question.kind == "yes_no" else {c: c for c in question.choices}

        def where(stmt, value):
            text = stored.get(value)
            if text is None:
                return stmt.where(false())
            match = ScreeningAnswer.text.contains(text, autoescape=True) if question.kind == "multiple_choice" \
                else ScreeningAnswer.text == text
            return stmt.where(exists().where(*mine, match))

        filter_ = ("choice", question.options, where)
    else:
        def where(stmt, value):
            term = f"%{like_escaped(str(value).strip().lower())}%"
            return stmt.where(exists().where(*mine, ScreeningAnswer.text.ilike(term, escape="\\")))

        filter_ = ("text", None, where)
    return ListColumn(_key(job_id, key), question.label, _answer_of(job_id, key), sort=sort,
                      options=[selectinload(Application.screening_answers)], filter=filter_)


#: the per-question columns, registered in its hooks.py
SOURCE = QuestionColumns()
