"""The demo data (`make run`): with the queue up, every email it makes is sent and nothing
warns; Vietnamese demo candidates are greeted by their given names."""

from __future__ import annotations

import logging

from sqlalchemy import select

from tests.support.mail import text_of


def test_demo_emails_all_go_out_without_a_warning_and_greet_by_given_name(app, mailbox, caplog):
    from app import demo
    from app.applications.models import Candidate
    from app.extensions import db
    from app.messaging.models import OutboxEmail, OutboxStatus

    with caplog.at_level(logging.WARNING):
        assert demo.load() is True
    assert not [r for r in caplog.records if "enqueue of" in r.getMessage()]
    rows = db.session.scalars(select(OutboxEmail)).all()
    assert len(rows) >= len(demo.CANDIDATES) and {r.status for r in rows} == {OutboxStatus.SENT}
    lan = db.session.scalar(select(Candidate).where(Candidate.email == "lan.nguyen@example.vn"))
    assert (lan.given_names, lan.family_name) == ("Thị Lan", "Nguyễn")
    (mail,) = [m for m in mailbox.messages if m["To"] == "lan.nguyen@example.vn"]
    assert text_of(mail).startswith("Hello Thị Lan,")
    minh = db.session.scalar(select(Candidate).where(Candidate.email == "minh.tran@example.vn"))
    assert (minh.given_names, minh.family_name) == ("Văn Minh", "Trần")
