"""TopCV applicants who gave an email are told their application arrived, like careers-page
applicants, in the language they applied in (Vietnamese on TopCV); once per application."""

from __future__ import annotations

from sqlalchemy import select

from app.applications.models import Application, TimelineEvent
from app.extensions import db
from tests.support.boards import applied, posting_for
from tests.support.mail import text_of


def test_a_topcv_applicant_with_an_email_gets_the_confirmation_in_vietnamese(board, make, post_event, mailbox):
    job = make.job(board.company, title="Lập trình viên Python")
    posting_for(board, job)
    mailbox.messages.clear()
    assert post_event(applied(), msg_id="evt_1").status_code in (200, 202)
    post_event(applied(), msg_id="evt_2")  # the same application delivered again
    (mail,) = [m for m in mailbox.messages if m["To"] == "lan@example.vn"]
    assert mail["Subject"] == "Chúng tôi đã nhận được hồ sơ của bạn: Lập trình viên Python"
    assert text_of(mail).startswith("Xin chào Nguyễn Thị Lan,")
    row = db.session.scalar(select(Application).where(Application.source == "topcv"))
    events = db.session.scalars(select(TimelineEvent).where(TimelineEvent.application_id == row.id,
                                                            TimelineEvent.kind == "confirmation_queued")).all()
    assert [e.data for e in events] == [{"locale": "vi"}]


def test_a_pending_pool_applicant_is_told_the_title_they_applied_for(board, make, post_event, mailbox):
    mailbox.messages.clear()
    post_event(applied(board_job_id=None, title="Kiểm thử viên QA"))
    (mail,) = [m for m in mailbox.messages if m["To"] == "lan@example.vn"]
    assert mail["Subject"].endswith(": Kiểm thử viên QA")


def test_an_applicant_without_an_email_gets_nothing(board, make, post_event, mailbox):
    posting_for(board, make.job(board.company))
    mailbox.messages.clear()
    post_event(applied(email=None))
    assert db.session.scalar(select(Application.id).where(Application.source == "topcv")) is not None
    assert mailbox.messages == []
