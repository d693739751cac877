"""Replies over SMTP: a real aiosmtpd listener (the app's own ``InboundHandler``) and a real
SMTP client (smtplib). A reply is stored on the application its token names, shown in the
thread and announced to the team; every bad message is refused with an SMTP code and leaves
nothing behind."""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage

import pytest
from sqlalchemy import func, select

from app.applications.models import StoredFile, TimelineEvent
from app.conversations import listener
from app.conversations.inbound import strip_quoted
from app.conversations.models import InboundAttachment, InboundEmail
from app.extensions import db
from app.messaging.models import Notification, OutboxEmail
from tests.support.builders import PDF
from tests.support.processes import free_port

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def inbound(app):
    port = free_port()
    controller = listener.start(app, "127.0.0.1", port)
    try:
        yield port
    finally:
        controller.stop()


@pytest.fixture
def world(make):
    company = make.company("acme", "Acme Oy")
    recruiter = make.user(company)
    job = make.job(company, "Data analyst", team=[recruiter])
    application = make.application(job, email="Aino.Virtanen@example.fi", given="Aino")
    sent = db.session.scalar(select(OutboxEmail).where(OutboxEmail.application_id == application.id))
    return {"company": company, "recruiter": recruiter, "job": job, "application": application, "sent": sent,
            "to": f"reply+{sent.reply_token}@localhost"}


def reply(frm="aino.virtanen@example.fi", subject="Re: Your application", body="Thank you, Tuesday works.\n",
          attachments=()) -> EmailMessage:
    msg = EmailMessage()
    msg["From"], msg["Subject"], msg["Message-ID"] = f"Aino Virtanen <{frm}>", subject, "<r1@example.fi>"
    msg.set_content(body)
    for name, data, maintype, subtype in attachments:
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg


def wire(msg: EmailMessage) -> bytes:
    """The message as it travels over SMTP: CRLF line ends."""
    return msg.as_bytes(policy=msg.policy.clone(linesep="\r\n"))


def send(port: int, to: str, raw: bytes | EmailMessage, mail_from="aino.virtanen@example.fi"):
    """Send over SMTP; returns None when accepted, else the refusing (code, text)."""
    data = wire(raw) if isinstance(raw, EmailMessage) else raw
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as smtp:
        try:
            smtp.sendmail(mail_from, [to], data)
        except smtplib.SMTPRecipientsRefused as exc:
            return next(iter(exc.recipients.values()))
        except smtplib.SMTPResponseException as exc:
            return exc.smtp_code, exc.smtp_error
    return None


def count(model) -> int:
    db.session.rollback()  # a fresh snapshot: the listener wrote in its own session
    return db.session.scalar(select(func.count()).select_from(model))


def test_outgoing_candidate_email_carries_a_reply_address(mailbox, world):
    (msg,) = [m for m in mailbox.messages if m["To"] == "Aino.Virtanen@example.fi"]
    token = world["sent"].reply_token
    assert len(token) == 32 and msg["Reply-To"] == f"reply+{token}@localhost"


def test_notification_to_a_user_has_no_reply_address(make, mailbox):
    from app.accounts.services import save_notification_prefs

    company = make.company("acme")
    user = make.user(company)
    save_notification_prefs(user, ["new_application"])
    make.application(make.job(company, team=[user]), email="c@example.com")
    (note,) = [m for m in mailbox.messages if m["To"] == user.email]
    assert note["Reply-To"] is None


def test_reply_is_stored_shown_and_announced(world, inbound, client, auth):
    message = reply(body="Thank you, Tuesday works.\n\nOn Mon, 7 Dec 2026 Acme wrote:\n> Hello Aino\n> See you",
                    attachments=[("portfolio.pdf", PDF, "application", "pdf"), ("photo.png", PNG, "image", "png")])
    assert send(inbound, world["to"].upper().replace("REPLY+", "reply+").replace("@LOCALHOST", "@LocalHost"),
                message) is None
    db.session.rollback()
    (stored,) = db.session.scalars(select(InboundEmail)).all()
    assert stored.application_id == world["application"].id and stored.outbox_id == world["sent"].id
    assert stored.body_text == "Thank you, Tuesday works." and stored.from_addr == "aino.virtanen@example.fi"
    assert [(a.filename, a.content_type) for a in stored.attachments] == [("portfolio.pdf", "application/pdf"),
                                                                           ("photo.png", "image/png")]
    assert db.session.scalar(select(TimelineEvent.kind).where(TimelineEvent.kind == "reply_received"))
    notes = db.session.scalars(select(Notification).where(Notification.kind == "candidate_replied")).all()
    assert world["recruiter"].id in {n.user_id for n in notes}
    assert all("Aino Virtanen" in n.title and n.link.endswith("#conversation") for n in notes)

    auth.login(world["recruiter"].email)
    page = client.get(f"/admin/applications/{world['application'].id}").get_data(as_text=True)
    assert "Thank you, Tuesday works." in page and "portfolio.pdf" in page and "Hello Aino" not in page.split(
        "Thank you, Tuesday works.")[1].split("</pre>")[0]
    pdf_id = stored.attachments[0].id
    download = client.get(f"/admin/applications/{world['application'].id}/replies/files/{pdf_id}")
    assert download.status_code == 200 and download.data == PDF
    assert download.headers["Content-Disposition"].startswith("attachment")


def test_the_same_message_delivered_twice_is_stored_once(world, inbound):
    message = reply()
    assert send(inbound, world["to"], message) is None
    assert send(inbound, world["to"], message) is None
    assert count(InboundEmail) == 1


def test_reply_text_is_escaped_on_the_card(world, inbound, client, auth):
    assert send(inbound, world["to"], reply(subject="<b>hi</b>", body="<script>alert(1)</script>")) is None
    auth.login(world["recruiter"].email)
    page = client.get(f"/admin/applications/{world['application'].id}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize("case", ["unknown_token", "wrong_domain", "spoofed", "two_from", "oversized",
                                  "attachment_too_large", "exe", "html_as_pdf", "malformed"])
def test_bad_mail_is_refused_and_nothing_is_stored(world, inbound, app, case, caplog):
    to, message, mail_from = world["to"], reply(), "aino.virtanen@example.fi"
    if case == "unknown_token":
        to = "reply+" + "0" * 32 + "@localhost"
    elif case == "wrong_domain":
        to = world["to"].replace("@localhost", "@elsewhere.test")
    elif case == "spoofed":
        message = reply(frm="someone@evil.test")
    elif case == "two_from":
        message = reply()
        del message["From"]
        message["From"] = "aino.virtanen@example.fi, x@evil.test"
    elif case == "oversized":
        app.config["INBOUND_MAX_BYTES"] = 2000
        message = reply(body="x" * 5000)
    elif case == "attachment_too_large":
        app.config["INBOUND_ATTACHMENT_MAX_BYTES"] = 100
        message = reply(attachments=[("cv.pdf", PDF + b"%" * 200, "application", "pdf")])
    elif case == "exe":
        message = reply(attachments=[("run.exe", b"MZ\x90\x00" * 10, "application", "octet-stream")])
    elif case == "html_as_pdf":
        message = reply(attachments=[("cv.pdf", b"<html><script>x</script></html>", "application", "pdf")])
    message = wire(message) if case != "malformed" else (
        b"From: aino.virtanen@example.fi\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed; boundary=\"abc\"\r\n\r\n--abc\r\nContent-Type: text/plain\r\n\r\nhello\r\n")
    with caplog.at_level(logging.WARNING, logger="app.conversations"):
        answer = send(inbound, to, message, mail_from)
    assert answer is not None and answer[0] in (550, 552), answer
    assert count(InboundEmail) == 0 and count(InboundAttachment) == 0
    assert count(StoredFile) == 1  # the CV of the application, nothing else
    assert any("inbound mail refused" in r.getMessage() for r in caplog.records)
    assert world["sent"].reply_token[6:] not in caplog.text  # the token is masked in the log


def test_a_second_recipient_is_deferred_not_stored_twice(world, make, inbound):
    other = make.application(world["job"], email="aino.virtanen@example.fi")
    other_token = db.session.scalar(select(OutboxEmail.reply_token).where(OutboxEmail.application_id == other.id))
    with smtplib.SMTP("127.0.0.1", inbound, timeout=30) as smtp:
        refused = smtp.sendmail("aino.virtanen@example.fi", [world["to"], f"reply+{other_token}@localhost"],
                                wire(reply()))
    assert next(iter(refused.values()))[0] == 452
    db.session.rollback()
    assert [r.application_id for r in db.session.scalars(select(InboundEmail))] == [world["application"].id]


def test_tenant_isolation(world, make, inbound, client, auth):
    """The same person applied to two companies: a reply goes to the company its token
    names, and the other company sees nothing of it."""
    other_company = make.company("globex")
    other_user = make.user(other_company)
    other = make.application(make.job(other_company, team=[other_user]), email="aino.virtanen@example.fi")
    assert send(inbound, world["to"], reply(attachments=[("cv.pdf", PDF, "application", "pdf")])) is None
    db.session.rollback()
    (stored,) = db.session.scalars(select(InboundEmail)).all()
    assert stored.company_id == world["company"].id and stored.application_id != other.id
    assert db.session.scalar(select(func.count(Notification.id)).where(
        Notification.kind == "candidate_replied", Notification.company_id == other_company.id)) == 0
    auth.login(other_user.email)
    attachment_id = stored.attachments[0].id
    assert client.get(f"/admin/applications/{other.id}/replies/files/{attachment_id}").status_code == 404
    assert client.get(f"/admin/applications/{world['application'].id}").status_code == 404
    assert "Tuesday works" not in client.get(f"/admin/applications/{other.id}").get_data(as_text=True)


def test_a_long_folded_name_is_read_whole(world, inbound):
    """Long non-ASCII headers come folded into several RFC 2047 words, as mail clients write
    them (the legacy ``Header`` encoder, which keeps each space inside a word): read whole."""
    from email.header import Header

    long_name = "Nguyễn Thị Minh Khai Phương Thảo Hoàng Lan Anh Ngọc Bích"
    subject = f"Re: Phỏng vấn vị trí Kỹ sư phần mềm cao cấp – {long_name}"
    raw = (f"From: {Header(long_name, 'utf-8').encode()} <aino.virtanen@example.fi>\r\n"
           f"Subject: {Header(subject, 'utf-8').encode()}\r\n"
           "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nCảm ơn!\r\n").encode()
    assert raw.count(b"=?utf-8?") > 2  # folded into several encoded words
    assert send(inbound, world["to"], raw) is None
    db.session.rollback()
    stored = db.session.scalar(select(InboundEmail))
    assert (stored.from_name, stored.subject, stored.body_text) == (long_name, subject, "Cảm ơn!")


def test_quoted_text_is_cut_when_simple():
    assert strip_quoted("Kiitos!\n\nti 8.12.2026 klo 10.00 Acme kirjoitti:\n> Hei") == "Kiitos!"
    assert strip_quoted("Yes.\n-----Original Message-----\nFrom: x") == "Yes."
    assert strip_quoted("Yes.\n\n> quoted\n> more") == "Yes."
    assert strip_quoted("> only a quote") == "> only a quote"
    assert strip_quoted("I think\n> this\nis inline") == "I think\n> this\nis inline"
