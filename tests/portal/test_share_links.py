"""Issue 18 item 5: a job's share link (``?src=<code>``) travels from the job page to the apply
form and into the application without JavaScript; a code of another job, an archived or a
made-up one reads as the careers page; the cached job page is never polluted by a code."""

from __future__ import annotations

import io
import re

import pytest
from sqlalchemy import select

from app.applications import share_links
from app.applications.models import Application
from app.extensions import db
from tests.support.builders import PDF


def form(**over):
    data = {"given_names": "Aino", "family_name": "Virtanen", "email": "aino@example.fi", "consent": "y",
            "cv": (io.BytesIO(PDF), "cv.pdf", "application/pdf")}
    data.update(over)
    return data


@pytest.fixture
def acme(make):
    company = make.company("acme", "Acme Oy")
    job, other = make.job(company, "Backend developer"), make.job(company, "Designer")
    admin = make.admin_of(company)
    return {"company": company, "job": job, "other": other, "admin": admin,
            "link": share_links.create_link(job, "LinkedIn", admin),
            "other_link": share_links.create_link(other, "Fair", admin)}


def _apply_href(page: str) -> str:
    return re.search(r'href="([^"]*/apply[^"]*)"', page).group(1).replace("&amp;", "&")


def test_the_code_goes_from_the_job_page_through_the_form_into_the_application(client, acme):
    job, link = acme["job"], acme["link"]
    page = client.get(f"/c/acme/jobs/{job.id}?src={link.code}").get_data(as_text=True)
    href = _apply_href(page)
    assert href == f"/c/acme/jobs/{job.id}/apply?src={link.code}"
    apply_page = client.get(href).get_data(as_text=True)
    assert f'name="src" type="hidden" value="{link.code}"' in apply_page \
        or re.search(rf'<input[^>]*name="src"[^>]*value="{link.code}"', apply_page)
    resp = client.post(f"/c/acme/jobs/{job.id}/apply", data=form(src=link.code), content_type="multipart/form-data")
    assert resp.status_code == 303
    application = db.session.scalar(select(Application))
    assert (application.source, application.source_link_id) == ("link", link.id)


@pytest.mark.parametrize("which", ["other_job", "archived", "made_up", "malformed"])
def test_a_code_that_is_not_this_jobs_active_link_counts_as_the_careers_page(client, acme, which):
    job, link = acme["job"], acme["link"]
    if which == "archived":
        share_links.set_archived(job, link, True, acme["admin"])
    code = {"other_job": acme["other_link"].code, "archived": link.code, "made_up": "zzzzzzzzzz",
            "malformed": "<script>"}[which]
    page = client.get(f"/c/acme/jobs/{job.id}", query_string={"src": code}).get_data(as_text=True)
    assert _apply_href(page) == f"/c/acme/jobs/{job.id}/apply"  # no code carried on
    resp = client.post(f"/c/acme/jobs/{job.id}/apply", data=form(src=code), content_type="multipart/form-data")
    assert resp.status_code == 303
    application = db.session.scalar(select(Application))
    assert (application.source, application.source_link_id) == ("careers", None)


def test_the_cached_job_page_is_not_polluted_by_a_code(client, acme):
    job, link = acme["job"], acme["link"]
    plain = client.get(f"/c/acme/jobs/{job.id}")
    with_code = client.get(f"/c/acme/jobs/{job.id}?src={link.code}")
    again = client.get(f"/c/acme/jobs/{job.id}")  # from the cache: still no code
    made_up = client.get(f"/c/acme/jobs/{job.id}?src=nosuchcode1")
    assert link.code not in again.get_data(as_text=True) and link.code not in made_up.get_data(as_text=True)
    assert link.code in with_code.get_data(as_text=True)
    assert plain.headers["ETag"] == again.headers["ETag"] == made_up.headers["ETag"] != with_code.headers["ETag"]
    # the page with the code is cached too, as its own entry
    assert client.get(f"/c/acme/jobs/{job.id}?src={link.code}").get_data(as_text=True) == with_code.get_data(
        as_text=True)
    # an archived link's address is the plain page from then on
    share_links.set_archived(job, link, True, acme["admin"])
    assert link.code not in client.get(f"/c/acme/jobs/{job.id}?src={link.code}").get_data(as_text=True)


def test_a_refused_form_keeps_the_code(client, acme):
    job, link = acme["job"], acme["link"]
    resp = client.post(f"/c/acme/jobs/{job.id}/apply", data=form(src=link.code, email="not an address"),
                       content_type="multipart/form-data")
    assert resp.status_code == 422
    assert re.search(rf'<input[^>]*name="src"[^>]*value="{link.code}"', resp.get_data(as_text=True)) \
        or re.search(rf'<input[^>]*value="{link.code}"[^>]*name="src"', resp.get_data(as_text=True))
    assert db.session.scalar(select(Application)) is None
