"""The dev mail viewer's "Reply as candidate": the real mail sink process (as `make run`
starts it) sends the form over SMTP to the app's inbound listener, which stores the reply."""

from __future__ import annotations

import re
import smtplib
import subprocess
import sys

import pytest
import requests
from sqlalchemy import select

from app.conversations import listener
from app.conversations.models import InboundEmail
from app.extensions import db
from app.messaging.models import OutboxEmail
from tests.support.builders import PDF
from tests.support.processes import ROOT, free_port, wait_for


@pytest.fixture
def viewer(app, tmp_path):
    inbound_port, smtp_port, http_port = free_port(), free_port(), free_port()
    controller = listener.start(app, "127.0.0.1", inbound_port)
    proc = subprocess.Popen([sys.executable, "-m", "devtools.mailsink", "--smtp-port", str(smtp_port),
                             "--http-port", str(http_port), "--store", str(tmp_path / "mail"),
                             "--inbound-port", str(inbound_port)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{http_port}"

    def up():
        try:
            return requests.get(url + "/api/messages", timeout=2).ok
        except requests.ConnectionError:
            return False

    try:
        wait_for(up, message="the mail viewer")
        yield {"url": url, "smtp_port": smtp_port}
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        controller.stop()


def test_reply_as_candidate_from_the_mail_viewer(make, mailbox, viewer):
    company = make.company("acme", "Acme Oy")
    application = make.application(make.job(company, "Data analyst"), email="aino@example.fi")
    (sent,) = [m for m in mailbox.messages if m["To"] == "aino@example.fi"]
    with smtplib.SMTP("127.0.0.1", viewer["smtp_port"], timeout=10) as smtp:  # as the outbox would deliver it
        smtp.send_message(sent)
    name = wait_for(lambda: requests.get(viewer["url"] + "/api/messages", timeout=5).json(),
                    message="the email in the viewer")[0]["id"]
    page = requests.get(f"{viewer['url']}/m/{name}", timeout=5).text
    assert "Reply as candidate" in page and 'value="aino@example.fi"' in page
    assert re.search(r"Re: [^\"]*Data analyst", page)

    cross_site = requests.post(f"{viewer['url']}/m/{name}/reply", timeout=30,
                               headers={"Sec-Fetch-Site": "cross-site", "Origin": "null"},
                               data={"from": "aino@example.fi", "subject": "Re: x", "body": "hi"})
    assert cross_site.status_code == 403
    spoofed = requests.post(f"{viewer['url']}/m/{name}/reply", timeout=30,
                            data={"from": "mallory@evil.test", "subject": "Re: x", "body": "hi"})
    assert spoofed.status_code == 422 and "refused" in spoofed.text and "550" in spoofed.text

    answer = requests.post(f"{viewer['url']}/m/{name}/reply", timeout=30,  # a browser's own form post:
                           headers={"Sec-Fetch-Site": "same-origin", "Origin": "null"},
                           data={"from": "Aino <aino@example.fi>", "subject": "Re: Data analyst",
                                 "body": "Kiitos, tiistai sopii.\n\nOn Mon, Acme wrote:\n> Hello"},
                           files={"attachment": ("todistus.pdf", PDF, "application/pdf")})
    assert answer.status_code == 200 and "accepted" in answer.text
    db.session.rollback()
    (reply,) = db.session.scalars(select(InboundEmail)).all()
    assert reply.application_id == application.id and reply.body_text == "Kiitos, tiistai sopii."
    assert [a.filename for a in reply.attachments] == ["todistus.pdf"]
    token = db.session.scalar(select(OutboxEmail.reply_token).where(OutboxEmail.application_id == application.id))
    assert reply.outbox_id is not None and token
