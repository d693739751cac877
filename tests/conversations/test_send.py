""""Send email" on the card: a template in the candidate's language or free text with merge
fields, previewed, then queued in the outbox (and delivered over SMTP with a Reply-To) — as
pages without JavaScript and as fragments of the card's panel with htmx."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from app.applications.models import TimelineEvent
from app.conversations import services
from app.extensions import db
from app.messaging.models import OutboxEmail
from tests.support.mail import text_of

HX_CARD = {"HX-Request": "true", "HX-Target": "compose-1"}


@pytest.fixture
def world(make, auth):
    company = make.company("acme", "Acme Oy")
    recruiter = make.user(company)
    job = make.job(company, "Data analyst", team=[recruiter])
    application = make.application(job, email="aino@example.fi", given="Aino")
    auth.login(recruiter.email)
    return {"company": company, "recruiter": recruiter, "job": job, "application": application}


def key_of(html: str) -> str:
    return re.search(r'name="key"[^>]*value="([0-9a-f]+)"', html).group(1)


def messages(application_id: int) -> list[OutboxEmail]:
    db.session.rollback()
    return list(db.session.scalars(select(OutboxEmail).where(OutboxEmail.application_id == application_id,
                                                             OutboxEmail.kind == "message")))


def test_free_text_without_javascript_preview_then_send(world, client, mailbox):
    app_id = world["application"].id
    page = client.get(f"/admin/applications/{app_id}/message")
    assert page.status_code == 200 and "<html" in page.get_data(as_text=True).lower()
    key = key_of(page.get_data(as_text=True))
    form = {"template_id": "0", "subject": "Interview for {{ job_title }}", "key": key,
            "body": "Hello {{ candidate_given_name }},\n\ncould we talk on Tuesday?\n\n{{ company_name }}"}
    preview = client.post(f"/admin/applications/{app_id}/message/preview", data=form)
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "Interview for Data analyst" in html and "Hello Aino," in html
    assert messages(app_id) == []  # a preview writes nothing
    mailbox.messages.clear()
    sent = client.post(f"/admin/applications/{app_id}/message/send", data=form)
    assert sent.status_code == 302 and sent.headers["Location"].endswith(f"/admin/applications/{app_id}#conversation")
    (row,) = messages(app_id)
    assert row.subject == "Interview for Data analyst" and row.status == "sent" and row.reply_token
    (msg,) = mailbox.messages
    assert msg["Reply-To"] == f"reply+{row.reply_token}@localhost" and "Hello Aino," in text_of(msg)
    assert db.session.scalar(select(TimelineEvent.actor_id).where(TimelineEvent.kind == "message_sent")) == \
        world["recruiter"].id
    again = client.post(f"/admin/applications/{app_id}/message/send", data=form)  # the form sent twice
    assert again.status_code == 302 and len(messages(app_id)) == 1
    card = client.get(f"/admin/applications/{app_id}").get_data(as_text=True)
    assert "Interview for Data analyst" in card and "could we talk on Tuesday?" in card


def test_template_with_htmx_is_written_in_the_candidates_language(world, client, mailbox):
    from app.applications.models import Candidate
    from app.messaging.services import ensure_default_templates

    ensure_default_templates()  # `flask templates install`
    application = world["application"]
    db.session.get(Candidate, application.candidate_id).locale = "fi"
    db.session.commit()
    headers = {"HX-Request": "true", "HX-Target": f"compose-{application.id}"}
    form_html = client.get(f"/admin/applications/{application.id}/message", headers=headers).get_data(as_text=True)
    assert "<html" not in form_html.lower()
    template_id = re.search(r'<option value="(\d+)">([^<]*)\(Suomi\)</option>', form_html)
    assert template_id, form_html
    form = {"template_id": template_id.group(1), "subject": "", "body": "", "key": key_of(form_html)}
    preview = client.post(f"/admin/applications/{application.id}/message/preview", data=form, headers=headers)
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "<html" not in html.lower() and "Suomi" in html
    assert 'hx-target="#conversation-' in html  # sending refreshes the card's panel
    sent = client.post(f"/admin/applications/{application.id}/message/send", data=form,
                       headers={"HX-Request": "true", "HX-Target": f"conversation-{application.id}"})
    assert sent.status_code == 200 and f'id="conversation-{application.id}"' in sent.get_data(as_text=True)
    assert "toast" in sent.headers.get("HX-Trigger", "")
    (row,) = messages(application.id)
    assert row.locale == "fi"


@pytest.mark.parametrize("form, message", [
    ({"template_id": "0", "subject": "", "body": "Hi"}, "Write a subject."),
    ({"template_id": "0", "subject": "Hi", "body": "  "}, "Write a message."),
    ({"template_id": "0", "subject": "Hi", "body": "{{ salary }}"}, "merge field"),
    ({"template_id": "0", "subject": "Hi", "body": "{% if x %}"}, "merge field"),
    ({"template_id": "999999", "subject": "", "body": ""}, "Pick one of the templates"),
    ({"template_id": "0", "subject": "x" * 201, "body": "Hi"}, "200"),
])
def test_bad_input_is_refused_with_a_message_and_nothing_is_sent(world, client, form, message):
    app_id = world["application"].id
    form = {**form, "key": "ab" * 16}
    for step in ("preview", "send"):
        resp = client.post(f"/admin/applications/{app_id}/message/{step}", data=form)
        assert resp.status_code == 422 and message in resp.get_data(as_text=True)
    assert messages(app_id) == []


def test_a_template_of_another_company_cannot_be_used(world, make, client):
    from app.messaging.services import save_template

    other = make.company("globex")
    foreign = save_template(None, company_id=other.id, key="secret", name="Globex secret", subject="S", body="B")
    form = {"template_id": str(foreign.id), "subject": "", "body": "", "key": "cd" * 16}
    resp = client.post(f"/admin/applications/{world['application'].id}/message/send", data=form)
    assert resp.status_code == 422 and messages(world["application"].id) == []


def test_the_card_offers_send_email_only_with_an_address(world, make, client):
    from app.applications.models import Candidate

    app_id = world["application"].id
    card = client.get(f"/admin/applications/{app_id}").get_data(as_text=True)
    assert card.count(f'href="/admin/applications/{app_id}/message"') == 2  # the ⋯ menu and the panel
    db.session.get(Candidate, world["application"].candidate_id).email = None
    db.session.commit()
    card = client.get(f"/admin/applications/{app_id}").get_data(as_text=True)
    assert f"/admin/applications/{app_id}/message" not in card and "This candidate has no email address." in card
    assert client.get(f"/admin/applications/{app_id}/message").status_code == 404


def test_another_companys_application_is_a_404(world, make, client):
    other = make.application(make.job(make.company("globex")), email="x@example.com")
    form = {"template_id": "0", "subject": "Hi", "body": "Hi", "key": "ef" * 16}
    assert client.get(f"/admin/applications/{other.id}/message").status_code == 404
    assert client.post(f"/admin/applications/{other.id}/message/send", data=form).status_code == 404
    assert messages(other.id) == []


def test_send_message_is_a_service_for_bulk_sending(world):
    application = world["application"]
    row = services.send_message(application, subject="Hi {{ candidate_given_name }}", body="B",
                                actor=world["recruiter"], key="01" * 16)
    assert row.subject == "Hi Aino"
    assert services.send_message(application, subject="other", body="B", actor=world["recruiter"],
                                 key="01" * 16).id == row.id
    assert db.session.scalar(select(func.count(TimelineEvent.id)).where(TimelineEvent.kind == "message_sent")) == 1
    with pytest.raises(services.MessageError) as exc:
        services.send_message(application, subject="Hi", body="B", actor=world["recruiter"], key="../x")
    assert exc.value.code == "bad_key"
