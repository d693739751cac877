"""An applicant's answer to one screening question, kept with the application.

The questions themselves live in the job's settings (``app.screening.questions``: copied with
a template like the rest); an answer keeps the question's label and kind as they were when it
was given, so a question edited or removed later leaves the answers readable."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from app.clock import utcnow
from app.extensions import db


class ScreeningAnswer(db.Model):
    __tablename__ = "screening_answers"
    __table_args__ = (UniqueConstraint("application_id", "question_key", name="uq_screening_answer"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    question_key: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(default=0)
    label: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(16))
    # The answer as data: a string, a list of strings (multiple choice), a number as text, or
    # None (an optional question left empty).
    value: Mapped[object | None] = mapped_column(JSON, default=None)
    # The answer as one line of text (the card, the list, the CSV, the list's filter).
    text: Mapped[str] = mapped_column(Text, default="")
    file_id: Mapped[int | None] = mapped_column(ForeignKey("stored_files.id", ondelete="SET NULL"))
    knocked_out: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    application = relationship("Application", backref=backref(
        "screening_answers", order_by="ScreeningAnswer.position", cascade="all, delete-orphan",
        passive_deletes=True))
    file = relationship("StoredFile")
