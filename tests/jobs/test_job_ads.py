"""Job ads in Markdown (issue 18, item 1): the parser and sanitiser, the job page, the form's
live preview (HTMX) and its no-JavaScript preview button, and the new facts (department,
workplace, salary period) from the form to the careers pages."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.jobs import services
from app.jobs.models import Job
from app.markdown import render
from app.templating import paragraphs


def _squash(html: str) -> str:
    return re.sub(r">\s+<", "><", str(html)).replace("<br>\n", "<br>").strip()


def test_markdown_headings_lists_bold_and_links():
    html = str(render("# About\n\nWe use:\n- React\n- **Accessibility**\n\n1. apply\n2. talk\n\n"
                      "[our site](https://example.com/a?b=1) and https://example.org"))
    assert "<h2>About</h2>" in html  # under the page's <h1>, the job title
    assert "<ul>\n<li>React</li>\n<li><strong>Accessibility</strong></li>\n</ul>" in html
    assert "<ol>" in html and "<li>apply</li>" in html
    assert '<a href="https://example.com/a?b=1" rel="nofollow noopener">our site</a>' in html
    assert '<a href="https://example.org" rel="nofollow noopener">https://example.org</a>' in html
    assert "- React" not in html and "**" not in html


def _elements(html: str) -> list[tuple[str, dict]]:
    """Every element of a rendered fragment with its attributes (what a browser would build)."""
    from lxml import html as lxml_html

    return [(el.tag, dict(el.attrib)) for el in lxml_html.fragment_fromstring(html, create_parent="div").iter()][1:]


@pytest.mark.parametrize("source", [
    "<script>alert(1)</script>",
    "<b onclick=\"x()\">hi</b>",
    "[x](javascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "<img src=x onerror=alert(1)>",
    "![pic](https://example.com/p.png)",
    '<a href="https://e.com" target="_blank" onclick="x()">x</a>',
    "<iframe src=https://e.com></iframe>",
    "[x](https://e.com \"t\" onmouseover=alert(1))",
])
def test_markup_and_dangerous_links_never_pass(source):
    html = str(render(source))
    assert html.strip(), "the text itself is kept, shown as text"
    for tag, attributes in _elements(html):
        assert tag in {"p", "a", "br"}, (tag, html)
        assert set(attributes) <= {"href", "rel", "title"}, (attributes, html)
        if tag == "a":
            assert attributes["href"].startswith(("https://", "http://", "mailto:")), html
            assert attributes["rel"] == "nofollow noopener", html


def test_an_image_becomes_a_link_to_it():
    assert str(render("![team photo](https://example.com/p.png)")) == \
        '<p><a href="https://example.com/p.png" rel="nofollow noopener">team photo</a></p>\n'


def test_old_plain_text_descriptions_render_as_before():
    text = ("Build the services behind our platform.\nPython and SQL.\n\n"
            "You will work in a team of six & take part in on-call <sometimes>.")
    assert _squash(render(text)) == _squash(paragraphs(text))
    assert str(render("")) == "" and str(render("  \n ")) == ""


def test_the_job_page_shows_the_ad_and_its_facts(client, make):
    company = make.company("acme")
    job = make.job(company, "Designer", description="## Tools\n\n- **Figma**\n- [guide](https://example.com)",
                   salary_min=3000, salary_max=4000, salary_currency="EUR", salary_period="month",
                   department="Product", workplace="remote")
    body = client.get(f"/c/acme/jobs/{job.id}").get_data(as_text=True)
    assert "<h3>Tools</h3>" in body and "<li><strong>Figma</strong></li>" in body
    assert 'rel="nofollow noopener">guide</a>' in body
    assert "<dd>Product</dd>" in body and "<dd>Remote</dd>" in body
    assert "3,000–4,000 EUR per month" in body
    careers = client.get("/c/acme/").get_data(as_text=True)
    assert "Product · " in careers and "Remote · " in careers


def test_salary_period_in_the_readers_language(client, make):
    company = make.company("acme")
    job = make.job(company, "Designer", salary_min=20, salary_max=25, salary_period="hour")
    body = client.get(f"/c/acme/jobs/{job.id}?lang=fi").get_data(as_text=True)
    assert "tunnilta" in body


JOB = {"title": "Designer", "employment_type": "contract", "status": "draft", "owner_id": 0, "template_id": 0,
       "salary_currency": "EUR", "salary_period": "year", "workplace": "hybrid", "department": "Design",
       "description": "# Hello\n\n- **one**"}


def test_live_preview_renders_what_the_job_page_will(client, make, auth):
    make.company("acme")
    auth.login("admin@acme.test")
    resp = client.post("/admin/jobs/preview", data={"description": "- **bold** <script>x</script>"},
                       headers={"HX-Request": "true"})
    assert resp.status_code == 200
    assert resp.get_data(as_text=True) == "<ul>\n<li><strong>bold</strong> &lt;script&gt;x&lt;/script&gt;</li>\n</ul>\n"


def test_the_preview_needs_a_signed_in_user(client, make):
    make.company("acme")
    resp = client.post("/admin/jobs/preview", data={"description": "x"})
    assert resp.status_code in (302, 401) and "<p>x</p>" not in resp.get_data(as_text=True)


def test_the_preview_button_without_javascript_saves_nothing(client, make, auth):
    make.company("acme")
    auth.login("admin@acme.test")
    before = db.session.scalar(select(func.count(Job.id)))
    resp = client.post("/admin/jobs/new", data={**JOB, "preview": "1"})
    body = resp.get_data(as_text=True)
    assert resp.status_code == 200
    assert '<div id="description-preview" class="prose" aria-live="polite"><h2>Hello</h2>' in body
    assert "# Hello" in body  # the text typed is kept in the textarea
    assert db.session.scalar(select(func.count(Job.id))) == before


def test_the_form_saves_department_workplace_and_period(client, make, auth):
    company = make.company("acme")
    auth.login("admin@acme.test")
    assert client.post("/admin/jobs/new", data=JOB).status_code == 302
    job = db.session.scalar(select(Job).where(Job.company_id == company.id, Job.title == "Designer"))
    assert (job.department, job.workplace, job.salary_period) == ("Design", "hybrid", "year")
    assert job.description == JOB["description"]
    bad = client.post("/admin/jobs/new", data={**JOB, "workplace": "moon"})
    assert bad.status_code == 422 and "Not a valid choice" in bad.get_data(as_text=True)


def test_a_template_carries_the_new_fields_to_its_jobs(make):
    company = make.company("acme")
    template = services.create_template(company.id, "Remote design", {
        "title": "Designer", "department": "Design", "workplace": "remote", "salary_period": "hour"})
    job = services.create_job(company.id, make.admin_of(company), {"title": "Designer 2"}, template_id=template.id)
    assert (job.department, job.workplace, job.salary_period) == ("Design", "remote", "hour")
