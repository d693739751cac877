"""Tenant-editable email templates: merge fields by substitution only (SECURITY_BAR item 42,
issue 11 §2.3). Nothing a tenant writes is given to a template engine; size and output are
bounded; refusals name the offending text and list the allowed fields."""

import html

import pytest
from sqlalchemy import select

from app.extensions import db
from app.messaging import rendering
from app.messaging.defaults import DEFAULT_TEMPLATES
from app.messaging.models import EmailTemplate, OutboxEmail
from tests.support.mail import text_of

ALLOWED = "{{ candidate_name }}, {{ candidate_given_name }}, {{ job_title }}"


def _rows() -> list[tuple]:
    """Every stored template, column by column: "nothing changed" compares two of these."""
    db.session.expire_all()
    return [(t.id, t.company_id, t.key, t.locale, t.name, t.subject, t.body, t.updated_at)
            for t in db.session.scalars(select(EmailTemplate).order_by(EmailTemplate.id))]


def _form(subject="Thanks, {{ candidate_given_name }}", body="Hello {{ candidate_name }}", key="application_received"):
    return {"name": "Our thanks", "key": key, "locale": "en", "subject": subject, "body": body}


def _page(resp) -> str:
    return html.unescape(resp.get_data(as_text=True))


LOOP = ("{% if candidate_name != 'x' %}{% for a in range(99999) %}{% for b in range(99999) %}"
        "{{ a }}{% endfor %}{% endfor %}{% endif %}Hello {{ candidate_name }}")


def test_finding_template_loop_hangs_render(client, auth, make, mailbox):
    """The loop passed the old save check (which rendered with candidate_name 'x') and then
    ran in every apply request. Now it is refused at save, and applying still mails the default."""
    company = make.company("acme", "Acme Oy")
    job = make.job(company, "Data analyst")
    auth.login("admin@acme.test")
    before = _rows()
    resp = client.post("/admin/settings/email-templates/new", data=_form(body=LOOP))
    assert resp.status_code == 422
    page = _page(resp)
    assert "{% if candidate_name != 'x' %}" in page and "template code" in page and ALLOWED in page
    assert _rows() == before
    make.application(job, email="aino@example.fi", given="Aino")
    (msg,) = mailbox.messages
    assert "Hello Aino" in text_of(msg) and "Data analyst" in msg["Subject"]


def test_finding_template_memory_bomb(client, auth, make):
    """Saving ``{{ 'A' * N }}`` made the old save check build the string (11.8 GB for
    N = 4e9). Here N is small enough for the old code to survive; the point is that the
    expression is refused without being evaluated."""
    make.company("acme")
    auth.login("admin@acme.test")
    before = _rows()
    resp = client.post("/admin/settings/email-templates/new", data=_form(body="{{ 'A' * 40000000 }}"))
    assert resp.status_code == 422
    page = _page(resp)
    assert "{{ 'A' * 40000000 }}" in page and "without filters, dots or expressions" in page and ALLOWED in page
    assert len(resp.get_data()) < 100_000
    assert _rows() == before


REFUSED = [
    ("loop", LOOP, "code", "{% if candidate_name != 'x' %}"),
    ("multiplication", "{{ 'A' * 4000000000 }}", "not_a_field", "{{ 'A' * 4000000000 }}"),
    ("attribute", "Hi {{ candidate_name.__class__ }}", "not_a_field", "{{ candidate_name.__class__ }}"),
    ("mro", "{{ ''.__class__.__mro__ }}", "not_a_field", "{{ ''.__class__.__mro__ }}"),
    ("filter", "{{ job_title|upper }}", "not_a_field", "{{ job_title|upper }}"),
    ("filter_spaced", "{{ job_title | e }}", "not_a_field", "{{ job_title | e }}"),
    ("include", "{% include 'admin/layout.html' %}", "code", "{% include 'admin/layout.html' %}"),
    ("set", "{% set x = 1 %}", "code", "{% set x = 1 %}"),
    ("comment", "{# note #}", "code", "{# note #}"),
    ("unknown", "Hello {{ salary }}", "unknown_field", "{{ salary }}"),
    ("call", "{{ link() }}", "not_a_field", "{{ link() }}"),
    ("unclosed", "Hello {{ candidate_name", "unclosed", "{{ candidate_name"),
    ("half_closed", "Hello {{ candidate_name }", "unclosed", "{{ candidate_name }"),
    ("stray_close", "Hello }} there", "unopened", "}}"),
    ("triple", "{{{ job_title }}}", "not_a_field", "{{{ job_title }}"),
    ("whitespace_control", "{{- job_title -}}", "not_a_field", "{{- job_title -}}"),
]


@pytest.mark.parametrize("name,body,code,text", REFUSED, ids=[r[0] for r in REFUSED])
def test_bar_42_refused_by_the_parser(name, body, code, text):
    with pytest.raises(rendering.TemplateProblem) as info:
        rendering.check("Subject", body)
    assert (info.value.code, info.value.part, info.value.text) == (code, "body", text)


@pytest.mark.parametrize("name,body,code,text", REFUSED, ids=[r[0] for r in REFUSED])
def test_bar_42_admin_screen_refuses_at_save(client, auth, make, name, body, code, text):
    company = make.company("acme")
    auth.login("admin@acme.test")
    own = client.post("/admin/settings/email-templates/new", data=_form())
    assert own.status_code == 302
    template_id = db.session.scalar(select(EmailTemplate.id).where(EmailTemplate.company_id == company.id))
    before = _rows()
    for url in ("/admin/settings/email-templates/new", f"/admin/settings/email-templates/{template_id}"):
        resp = client.post(url, data=_form(body=body))
        assert resp.status_code == 422
        page = _page(resp)
        assert text in page and 'id="body-err"' in resp.get_data(as_text=True)
        if code != "unopened":
            assert ALLOWED in page
    assert _rows() == before


def test_bar_42_subject_is_checked_too(client, auth, make):
    make.company("acme")
    auth.login("admin@acme.test")
    before = _rows()
    resp = client.post("/admin/settings/email-templates/new", data=_form(subject="{{ job_title.upper() }}"))
    assert resp.status_code == 422
    assert 'id="subject-err"' in resp.get_data(as_text=True) and "{{ job_title.upper() }}" in _page(resp)
    assert _rows() == before


def test_bar_42_staff_screen_refuses_at_save(client, auth, make):
    make.staff()
    auth.login("staff@haku.test")
    before = _rows()
    resp = client.post("/staff/email-templates/new", data=_form(body="{{ candidate_name.__class__ }}", key="x"))
    assert resp.status_code == 422
    assert "{{ candidate_name.__class__ }}" in _page(resp) and ALLOWED in _page(resp)
    assert _rows() == before
    ok = client.post("/staff/email-templates/new", data=_form(body="Hi {{candidate_name}} / {{  job_title  }}"))
    assert ok.status_code == 302
    saved = db.session.scalar(select(EmailTemplate).where(EmailTemplate.company_id.is_(None)))
    assert saved.body == "Hi {{candidate_name}} / {{  job_title  }}"


def test_bar_42_message_is_translated(client, auth, make):
    make.company("acme")
    auth.login("admin@acme.test")
    resp = client.post("/admin/settings/email-templates/new?lang=fi", data=_form(body="{{ salary }}"),
                       headers={"Accept-Language": "fi"})
    assert resp.status_code == 422
    assert "ei ole yhdistämiskenttä" in _page(resp)


def test_bar_42_size_is_capped_at_save(client, auth, make):
    make.company("acme")
    auth.login("admin@acme.test")
    before = _rows()
    long_body = "x" * (rendering.MAX_TEMPLATE_CHARS - 5)
    resp = client.post("/admin/settings/email-templates/new", data=_form(subject="0123456789", body=long_body))
    assert resp.status_code == 422 and "20000" in _page(resp).replace(",", "").replace("\u00a0", "")
    many = "{{ link }}" * (rendering.MAX_FIELDS + 1)
    resp = client.post("/admin/settings/email-templates/new", data=_form(body=many))
    assert resp.status_code == 422 and str(rendering.MAX_FIELDS + 1) in _page(resp)
    assert _rows() == before


def test_bar_42_render_is_bounded_in_size():
    """The worst a saved template can do: every field as often as allowed, every value huge."""
    body = ("{{ candidate_name }}" * rendering.MAX_FIELDS)[:rendering.MAX_TEMPLATE_CHARS - 10]
    rendering.check("s", body)
    huge = "N" * 1_000_000
    subject, out = rendering.render("{{ candidate_name }}" * 50, body, {"candidate_name": huge})
    assert len(out) == rendering.MAX_OUTPUT_CHARS and set(out) == {"N"}
    assert len(subject) == rendering.MAX_SUBJECT_CHARS
    _, one = rendering.render("s", "<{{ candidate_name }}>", {"candidate_name": huge})
    assert one == "<" + "N" * rendering.MAX_VALUE_CHARS + ">"


def test_bar_42_a_value_is_never_parsed(make, mailbox):
    """A candidate named like a merge field (or template code) is greeted by that name."""
    job = make.job(make.company("acme", "Acme Oy"), "Data analyst")
    make.application(job, email="x@example.fi", given="{{ job_title }} {% for x in y %}{{ 7*7 }}")
    (msg,) = mailbox.messages
    body = text_of(msg)
    assert "Hello {{ job_title }} {% for x in y %}{{ 7*7 }}," in body
    assert "49" not in body
    fields = {"candidate_name": "{{ link }}", "link": "https://x.test/{{ job_title }}", "job_title": "T"}
    subject, out = rendering.render("{{ candidate_name }}", "{{ link }} {{ job_title }}", fields)
    assert (subject, out) == ("{{ link }}", "https://x.test/{{ job_title }} T")


def test_bar_42_html_escapes_values_plain_text_does_not():
    fields = {"candidate_name": "<script>alert(1)</script> & Ö", "job_title": "R&D"}
    assert rendering.substitute("<p>{{ candidate_name }} – {{ job_title }}</p>", fields, html=True) == \
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Ö – R&amp;D</p>"
    assert rendering.substitute("{{ candidate_name }} – {{ job_title }}", fields) == \
        "<script>alert(1)</script> & Ö – R&D"
    subject, _ = rendering.render("Hi {{ candidate_name }}", "", {"candidate_name": "A\r\nBcc: evil@x.test"})
    assert subject == "Hi A Bcc: evil@x.test"


def test_bar_42_stored_code_is_never_evaluated(make, mailbox):
    """A row that bypassed the save check (say, restored from an old backup) is sent as
    plain text: nothing in it runs, and the apply still completes."""
    company = make.company("acme", "Acme Oy")
    db.session.add(EmailTemplate(company_id=company.id, key="application_received", locale="en", name="Old",
                                 subject="Thanks {{ job_title }}", body=LOOP + " {{ 'A' * 4000000000 }}"))
    db.session.commit()
    job = make.job(company, "Data analyst")
    make.application(job, email="aino@example.fi")
    row = db.session.scalar(select(OutboxEmail).where(OutboxEmail.kind == "application_received"))
    assert row.subject == "Thanks Data analyst"
    assert row.body_text == LOOP + " {{ 'A' * 4000000000 }}"
    assert len(mailbox.messages) == 1


def test_bar_42_shipped_defaults_are_merge_fields_only(runner):
    """Every default parses, and `flask templates install` stores them so they render with
    no braces left (the defaults have no template logic to move into code)."""
    for spec in DEFAULT_TEMPLATES:
        for subject, body in spec["translations"].values():
            rendering.check(subject, body)
    result = runner.invoke(args=["templates", "install"])
    assert result.exit_code == 0, result.output
    rows = db.session.scalars(select(EmailTemplate)).all()
    assert len(rows) == sum(len(spec["translations"]) for spec in DEFAULT_TEMPLATES)
    values = {name: f"<{name}>" for name in rendering.MERGE_FIELDS}
    for row in rows:
        subject, body = rendering.render(row.subject, row.body, values)
        assert "{" not in subject + body and "}" not in subject + body, row.key


def test_bar_42_whitespace_inside_the_braces_is_optional():
    for text in ("{{job_title}}", "{{ job_title }}", "{{   job_title\t}}", "{{\njob_title\n}}"):
        assert rendering.render("s", text, {"job_title": "Dev"})[1] == "Dev"
    assert rendering.render("s", "a { b } {c} }", {})[1] == "a { b } {c} }"


def test_bar_42_templates_page_shows_reset_notice_until_saved(client, auth, make):
    """A template the migration reset carries its old text; the admin sees a notice on the
    templates page and the old text on its page, and saving dismisses it."""
    from app.clock import utcnow

    company, other = make.company("acme"), make.company("other")
    row = EmailTemplate(company_id=company.id, key="rejection", locale="en", name="Our rejection",
                        subject="Your application for {{ job_title }}", body="Hello {{ candidate_given_name }}",
                        reset_at=utcnow(), legacy_subject="Re: {{ job_title|title }}",
                        legacy_body="{% if stage_name %}Sorry{% endif %}")
    db.session.add(row)
    db.session.commit()
    auth.login("admin@other.test")
    assert "template-reset-notice" not in client.get("/admin/settings/email-templates").get_data(as_text=True)
    assert client.get(f"/admin/settings/email-templates/{row.id}").status_code == 404
    auth.logout()
    auth.login("admin@acme.test")
    listing = client.get("/admin/settings/email-templates")
    assert 'id="template-reset-notice"' in listing.get_data(as_text=True) and "Our rejection" in _page(listing)
    edit = client.get(f"/admin/settings/email-templates/{row.id}")
    assert edit.status_code == 200
    assert "{% if stage_name %}Sorry{% endif %}" in _page(edit) and "Re: {{ job_title|title }}" in _page(edit)
    resp = client.post(f"/admin/settings/email-templates/{row.id}",
                       data={**_form(key="rejection"), "name": "Our rejection"})
    assert resp.status_code == 302
    db.session.expire_all()
    saved = db.session.get(EmailTemplate, row.id)
    assert saved.reset_at is None and saved.legacy_body is None and saved.legacy_subject is None
    assert "template-reset-notice" not in client.get("/admin/settings/email-templates").get_data(as_text=True)
    assert other.id != company.id


def test_bar_42_staff_templates_page_shows_reset_notice(client, auth, make):
    from app.clock import utcnow

    make.staff()
    row = EmailTemplate(company_id=None, key="welcome", locale="sv", name="Välkommen", subject="Hej",
                        body="Hej {{ candidate_name }}", reset_at=utcnow(), legacy_subject="Hej",
                        legacy_body="{{ candidate_name|upper }}")
    db.session.add(row)
    db.session.commit()
    auth.login("staff@haku.test")
    listing = client.get("/staff/email-templates")
    assert 'id="template-reset-notice"' in listing.get_data(as_text=True) and "Välkommen" in _page(listing)
    edit = client.get(f"/staff/email-templates/{row.id}")
    assert "{{ candidate_name|upper }}" in _page(edit) and 'id="template-legacy"' in edit.get_data(as_text=True)


def test_bar_42_edit_screens_explain_the_fields(client, auth, make):
    make.staff()
    make.company("acme")
    auth.login("admin@acme.test")
    page = _page(client.get("/admin/settings/email-templates/new"))
    assert "{{ candidate_given_name }}" in page and "{% if %}</code> is not supported" in page
    auth.logout()
    auth.login("staff@haku.test")
    page = _page(client.get("/staff/email-templates/new"))
    assert "{{ careers_url }}" in page and "{% if %}</code> is not supported" in page


def test_a_subject_with_200_character_values_ends_with_an_ellipsis_after_a_word():
    """Issue 16, item 7: a 200-character name and job title make a subject over its bound; it
    is cut after a whole word and ends with "…", one line."""
    name = ("Maximiliana Alexandra Josephine Konstantina Bernadette Friederike " * 3)[:200]
    title = ("Ohjelmistokehitysinsinööri, pilvipalveluinfrastruktuuri ja tietoturvallisuusarkkitehtuuri " * 3)[:200]
    subject, _ = rendering.render("{{ candidate_name }}, thank you for applying: {{ job_title }}", "b",
                                  {"candidate_name": name, "job_title": title})
    assert len(subject) <= rendering.MAX_SUBJECT_CHARS and subject.endswith("…") and "\n" not in subject
    assert subject.startswith(name.strip()) and subject[:-1].rstrip(",") + " " in f"{name}, thank you for applying: {title} "
