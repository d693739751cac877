"""The applicant's answers: kept with the application in the apply transaction, a knock-out
answered the wrong way rejects it there (through the one rejection service), and the
answers go with the person on erasure."""

from __future__ import annotations

import logging

from sqlalchemy import delete, exists, select

from app.applications import files
from app.applications.models import Application
from app.extensions import db
from app.screening.models import ScreeningAnswer
from app.screening.questions import Answer

log = logging.getLogger(__name__)

#: Applications from these sources were never shown the questions ("not asked").
NOT_ASKED_SOURCES = ("topcv",)


def save_answers(application: Application, answers: list[Answer]) -> list[ScreeningAnswer]:
    """The answers as rows of the application (files stored); the caller commits."""
    rows = []
    for position, answer in enumerate(answers):
        stored = files.store(application.company_id, *answer.file) if answer.file is not None else None
        row = ScreeningAnswer(company_id=application.company_id, application_id=application.id,
                              question_key=answer.question.key, position=position, label=answer.question.label,
                              kind=answer.question.kind, value=answer.value, text=answer.text[:10000],
                              file=stored, knocked_out=answer.knocked_out)
        db.session.add(row)
        rows.append(row)
    return rows


def knock_out(application: Application, answers: list[Answer]) -> bool:
    """Reject the application for the first knock-out answered the wrong way, with its reason
    and (optionally delayed) rejection email, as the reject dialog would, recorded as done by
    the screening question; nothing is committed here. False when nothing knocked out, or the
    rejection could not be made (no rejected stage, a reason switched off since: the
    application stays open for a person to look at, and the timeline says why)."""
    from app.applications import rejections
    from app.applications.services import add_event

    wrong = next((a for a in answers if a.knocked_out), None)
    if wrong is None:
        return False
    knockout = wrong.question.knockout
    email = None
    delay = knockout.get("email_delay")
    if delay is not None and application.candidate.email:
        templates = rejections.rejection_templates(application.company_id)
        if templates:
            email = rejections.RejectionEmail(template_id=templates[0].id, delay_days=int(delay))
    detail = {"by": "screening", "question": wrong.question.label}
    try:
        rejections.reject(application, knockout.get("reason_id"), None, email, None, detail=detail, commit=False)
    except rejections.RejectionError as exc:
        log.info("screening knock-out of application %s not applied: %s", application.id, exc.code)
        add_event(application, "screening_knockout_failed", data={**detail, "error": str(exc)})
        return False
    return True


def on_applied(application: Application, extra: dict | None = None, **_) -> None:
    """The ``applied`` receiver: the apply form's answers (``extra["screening"]``) are saved
    with the new application, then a knock-out applies. Same transaction, no commit."""
    answers = (extra or {}).get("screening")
    if not answers:
        return
    save_answers(application, answers)
    db.session.flush()
    knock_out(application, answers)


def any_on_card():
    """The card's read (app/plugins.py ``card_panel``): the application has screening answers."""
    return exists().where(ScreeningAnswer.application_id == Application.id)


def answers_of(application_id: int) -> list[ScreeningAnswer]:
    return list(db.session.scalars(select(ScreeningAnswer).where(ScreeningAnswer.application_id == application_id)
                                   .order_by(ScreeningAnswer.position)))


def answer(application_id: int, question_key: str) -> ScreeningAnswer | None:
    return db.session.scalar(select(ScreeningAnswer).where(ScreeningAnswer.application_id == application_id,
                                                           ScreeningAnswer.question_key == question_key))


def not_asked(application: Application) -> bool:
    return application.source in NOT_ASKED_SOURCES


def file_ids_of(application_ids: list[int]) -> list[int]:
    """The files the applications' answers sent (erasure removes them with the CV)."""
    return list(db.session.scalars(select(ScreeningAnswer.file_id).where(
        ScreeningAnswer.application_id.in_(application_ids or [-1]), ScreeningAnswer.file_id.is_not(None))))


def forget_applications(application_ids: list[int]) -> None:
    """Erasure and anonymisation: the applications' answers go (their files are in the
    footprint's files, ``file_ids_of``). The caller commits."""
    db.session.execute(delete(ScreeningAnswer).where(ScreeningAnswer.application_id.in_(application_ids or [-1])))
