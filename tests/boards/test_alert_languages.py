"""Partner alerts to a company's admins are written in each admin's language (issue 14): the
same dead call or refused key reads in Finnish to one admin, in Vietnamese to another and in
English to a third, in the bell and in the email copy."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.integrations.http import CallResult
from app.messaging.models import Notification, OutboxEmail
from app.partners.models import PartnerDelivery
from tests.support.readers import page_as, worded


def _admins(board, make) -> dict:
    """The board's admin reads Vietnamese; two more admins read Finnish and English."""
    admins = {"vi": board.admin, "fi": make.user(board.company, role="admin"),
              "en": make.user(board.company, role="admin")}
    for lang, user in admins.items():
        user.locale = lang
        user.email_notification_kinds = ["integration_alert"]
    db.session.commit()
    return admins


def _titles(kind="integration_alert") -> dict:
    return {n.user_id: n.title for n in db.session.scalars(select(Notification).where(Notification.kind == kind))}


def test_a_call_that_failed_for_good_alerts_each_admin_in_their_language(app, board, make):
    from app.boards import services
    from app.partners import services as partners

    admins = _admins(board, make)
    app.config["TOPCV_API_URL"] = "http://127.0.0.1:9"
    job = make.job(board.company)
    form = services.posting_defaults(job, board.admin)
    form.update(level="junior", deadline="2099-01-01", city="Hà Nội", description="x")
    services.create_posting(job, board.admin, form)
    delivery = db.session.scalar(select(PartnerDelivery).where(PartnerDelivery.type == "topcv.post_job"))
    while delivery.state == "retrying":
        partners.run_delivery(delivery.id)
        db.session.refresh(delivery)
    assert delivery.state == "dead"
    msgid = "A %(vendor)s call failed for good: %(call)s"
    expected = {admins[lang].id: worded(app, lang, msgid, vendor="TopCV", call="topcv.post_job") for lang in admins}
    assert expected[admins["en"].id] == "A TopCV call failed for good: topcv.post_job"
    assert len(set(expected.values())) == 3
    assert _titles() == expected
    emails = {row.to_addr: (row.subject, row.locale) for row in db.session.scalars(
        select(OutboxEmail).where(OutboxEmail.kind == "notify:integration_alert"))}
    assert emails == {user.email: (expected[user.id], lang) for lang, user in admins.items()}


def test_refused_keys_alert_each_admin_in_their_language(app, board, make):
    from app.boards.services import integration

    admins = _admins(board, make)
    integration._keys_refused(board.integration, CallResult(401, error="unauthorized"))
    db.session.commit()
    msgid = "TopCV refused the stored keys: paste new ones"
    expected = {admins[lang].id: worded(app, lang, msgid) for lang in admins}
    assert len(set(expected.values())) == 3
    assert _titles() == expected


def test_the_topcv_page_says_the_keys_were_refused_in_the_readers_language(app, board, make):
    from app.boards.services import integration

    admins = _admins(board, make)
    integration._keys_refused(board.integration, CallResult(401, error="unauthorized"))
    db.session.commit()
    msgid = "TopCV refused the stored keys. A company admin must paste new ones."
    for lang in ("fi", "vi"):
        page = page_as(app, admins[lang].email, "/admin/settings/recruitment-networks/topcv")
        assert worded(app, lang, msgid) in page and "paste new ones" not in page
