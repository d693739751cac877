"""The EMREX journey over real HTTP against the EMP sandbox, and the invitation links of its emails."""

from __future__ import annotations

import re

from sqlalchemy import select

from app.emrex.models import EmrexContactPoint
from app.extensions import db
from tests.support.emp_client import LEARNER, complete_at_emp, handoff_fields
from tests.support.mail import text_of

LINK = re.compile(r"/emrex/r/([A-Za-z0-9_\-]+)")
#: The whole invitation link as the email carries it (BASE_URL of the tests).
INVITE_URL = re.compile(r"http://127\.0\.0\.1:5000/emrex/r/([A-Za-z0-9_\-]+)")


def point(path: str) -> EmrexContactPoint:
    return db.session.scalar(select(EmrexContactPoint).where(EmrexContactPoint.url.endswith(path)))


def journey(app, make, mailbox, job, emp_path="/emp/helsinki", *, given="Aino", family="Virtanen",
            birth=LEARNER["bday"], learner=None, action="confirm", mode="", post=True):
    """Apply → invite email → link → picker → hand-off → contact point → back to Haku.
    ``post=False``: stop before the way back; the return's path and form come back instead of
    Haku's answer."""
    application = make.application(job, email=f"{given.lower()}@example.fi", given=given, family=family)
    token = next(m.group(1) for m in (LINK.search(text_of(msg)) for msg in reversed(mailbox.messages)) if m)
    browser = app.test_client()
    assert browser.get(f"/emrex/r/{token}").status_code == 303
    assert browser.post("/emrex/confirm", data={"answer": "me"}).status_code == 303
    handoff = browser.post("/emrex/go", data={"contact_point": point(emp_path).id, "birth_date": birth or ""})
    assert handoff.status_code == 200
    emp_url, fields = handoff_fields(handoff.get_data(as_text=True))
    assert emp_url.endswith(emp_path) and set(fields) == {"sessionId", "returnUrl"}
    return_url, reply = complete_at_emp(emp_url, fields, learner=learner, action=action, mode=mode)
    # the contact point posts back to the returnUrl as sent, query string included
    assert return_url == f"http://127.0.0.1:5000/emrex/return?s={fields['sessionId']}"
    if not post:
        return application, return_url.removeprefix("http://127.0.0.1:5000"), reply
    cross_site = app.test_client()  # the return carries no cookie of ours
    resp = cross_site.post(return_url.removeprefix("http://127.0.0.1:5000"), data=reply)
    return application, resp, reply
