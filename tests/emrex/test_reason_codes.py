"""Why an EMREX return brought no records is stored as a code and worded when shown (issue 14):
the admins of one company read the same refusal each in their own language, on the card's
EMREX panel, in the request's history and on the timeline. Rows stored before the codes show
their English as it was stored."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import lxml.html
import pytest
from markupsafe import escape
from sqlalchemy import select

from app.applications.models import TimelineEvent
from app.clock import utcnow
from app.emrex import services
from app.emrex.elmo import ElmoError
from app.emrex.models import EmrexAttempt, EmrexRequest, EmrexRequestEvent
from app.emrex.reasons import REASONS
from app.emrex.services.returns import REFUSALS
from app.extensions import db
from tests.support.emrex_panel import css
from tests.support.readers import page_as, worded

ELMO = Path(__file__).resolve().parents[2] / "app" / "emrex" / "elmo"


def test_every_code_the_checks_refuse_with_has_words():
    raised = set()
    for path in ELMO.glob("*.py"):
        raised |= set(re.findall(r'Elmo\w*Error\((?:f?"[^"]*"),\s*"(\w+)"\)', path.read_text()))
    assert {"empty", "bad_base64", "signature_invalid", "bad_signature_structure"} <= raised  # the scan works
    assert raised | set(REFUSALS) | {ElmoError.reason} <= set(REASONS)


@pytest.fixture
def world(make):
    """A company whose three admins read Haku in Finnish, Vietnamese and English."""
    company = make.company("acme", "Acme Oy")
    company.emrex_enabled = True
    admins = {"fi": make.admin_of(company), "vi": make.user(company, role="admin"),
              "en": make.user(company, role="admin")}
    for lang, user in admins.items():
        user.locale = lang
    application = make.application(make.job(company))
    request = EmrexRequest(company_id=company.id, application_id=application.id, status="sent", sends=1)
    db.session.add(request)
    db.session.flush()
    attempt = EmrexAttempt(company_id=company.id, request_id=request.id, emp_url="https://emp.example/x",
                           emp_name="Åbo Akademi", session_id=uuid.uuid4().hex, outcome="open")
    db.session.add(attempt)
    db.session.commit()
    return admins, application, attempt


def _text(el) -> str:
    return " ".join(el.text_content().split())


@pytest.mark.parametrize(("close", "reason", "msgid"), [
    (lambda s: services.handle_return(s, "NCP_OK", None, ""), "empty", "No transcript was sent."),
    (lambda s: services.refuse_return(s, "content_type"), "content_type", "The return had the wrong content type."),
])
def test_a_refusal_reads_in_each_admins_language(app, world, close, reason, msgid):
    admins, application, attempt = world
    close(attempt.session_id)
    db.session.expire_all()
    attempt = db.session.get(EmrexAttempt, attempt.id)
    assert (attempt.outcome, attempt.reason) == ("rejected", reason)
    assert attempt.detail == str(REASONS[reason]) or attempt.detail == REFUSALS.get(reason)  # the English kept
    event = db.session.scalar(select(EmrexRequestEvent).where(EmrexRequestEvent.kind == "error"))
    assert event.reason == reason
    note = db.session.scalar(select(TimelineEvent).where(TimelineEvent.kind == "emrex_attempt_closed"))
    assert note.data["reason"] == reason

    seen = {}
    for lang, user in admins.items():
        expected = worded(app, lang, msgid)
        assert lang == "en" or expected != msgid, f"{lang}: no translation of {msgid!r}"
        body = page_as(app, user.email, f"/admin/applications/{application.id}")
        panel = css(lxml.html.fromstring(body), ".emrex-panel")[0]
        assert _text(css(panel, ".attempt-reason")[0]) == expected
        history = _text(css(panel, "li.ev-error")[0])
        assert history.endswith(f"{worded(app, lang, 'The return brought no records')} — {expected}")
        assert str(escape(worded(app, lang, "Rejected"))) in body  # the timeline's outcome, worded too
        assert body.count(str(escape(expected))) >= 3  # panel, history, timeline
        seen[lang] = expected
    assert len(set(seen.values())) == 3


def test_rows_from_before_the_codes_show_their_stored_english(app, world):
    from app.admin.emrex_panel_text import PanelText

    admins, application, attempt = world
    attempt.outcome, attempt.used_at, attempt.detail = "rejected", utcnow(), "The transcript is not signed."
    db.session.add(EmrexRequestEvent(company_id=attempt.company_id, request_id=attempt.request_id, kind="error",
                                     detail="The transcript is not signed."))
    db.session.commit()
    body = page_as(app, admins["fi"].email, f"/admin/applications/{application.id}")
    panel = css(lxml.html.fromstring(body), ".emrex-panel")[0]
    assert _text(css(panel, ".attempt-reason")[0]) == "The transcript is not signed."
    assert _text(css(panel, "li.ev-error")[0]).endswith("— The transcript is not signed.")
    with app.test_request_context():
        kinds = {PanelText.event_text(EmrexRequestEvent(kind=k, detail=d)) for k, d in (
            ("emp_cancelled", "cancelled"), ("handed_off", "Åbo Akademi"), ("sent", "Suomi"))}
    assert kinds == {("Cancelled at the university", ""), ("Sent to the university", "Åbo Akademi"),
                     ("Request sent", "Suomi")}


def test_the_timeline_words_the_cause_and_the_identity_check(app):
    from types import SimpleNamespace

    from flask_babel import force_locale

    from app.admin.card import describe_event

    requested = SimpleNamespace(kind="emrex_requested", data={"cause": "manual"})
    imported = SimpleNamespace(kind="emrex_imported", data={"institution": "Åbo Akademi", "identity": "partial"})
    with app.test_request_context():
        assert describe_event(requested) == "EMREX study records requested (sent by hand)"
        assert describe_event(imported) == "EMREX records received from Åbo Akademi (identity: names match)"
        with force_locale("fi"):
            assert describe_event(requested) == worded(app, "fi", "EMREX study records requested (%(cause)s)",
                                                       cause=worded(app, "fi", "sent by hand"))
            assert "manual" not in describe_event(requested) and "partial" not in describe_event(imported)
