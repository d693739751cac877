"""Issue 15 item 3: the careers and job pages are cacheable. They carry a weak ETag and
Last-Modified derived from the company's public version, the language, the job and the day;
a conditional request answers 304 without rendering; the rendered HTML is kept in Redis and
follows every change to the company's jobs, across app objects (web processes) sharing the
database; the apply form is never cached."""

from __future__ import annotations

import io
from contextlib import contextmanager
from datetime import date, datetime

import pytest
from flask import template_rendered
from freezegun import freeze_time
from redis.exceptions import ConnectionError as RedisConnectionError
from sqlalchemy import event

from app.extensions import db
from app.jobs import public
from app.jobs import services as jobs

FI = {"Accept-Language": "fi"}


@contextmanager
def rendered(app):
    names = []

    def note(sender, template, context, **extra):
        names.append(template.name)

    template_rendered.connect(note, app)
    try:
        yield names
    finally:
        template_rendered.disconnect(note, app)


@contextmanager
def statements():
    seen = []

    def note(conn, cursor, statement, *args):
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", note)


@pytest.fixture
def acme(make):
    company = make.company("acme", "Acme Oy")
    job = make.job(company, "Backend developer")
    return company, job


def test_careers_and_job_pages_carry_validators_a_cdn_can_honour(client, acme):
    _, job = acme
    for url in ("/c/acme/", f"/c/acme/jobs/{job.id}"):
        resp = client.get(url, headers=FI)
        assert resp.status_code == 200
        assert resp.headers["ETag"].startswith('W/"')
        assert resp.last_modified is not None
        assert resp.cache_control.public and resp.cache_control.max_age == 60
        assert {"Accept-Language", "Cookie"} <= set(resp.vary)
        assert "Set-Cookie" not in resp.headers


@pytest.mark.parametrize("page", ["careers", "job"])
def test_a_conditional_request_is_a_304_with_no_query_and_no_rendering(app, client, acme, page):
    _, job = acme
    url = "/c/acme/" if page == "careers" else f"/c/acme/jobs/{job.id}"
    first = client.get(url, headers=FI)
    with rendered(app) as names, statements() as sql:
        resp = client.get(url, headers={**FI, "If-None-Match": first.headers["ETag"]})
    assert resp.status_code == 304 and resp.data == b""
    assert names == []
    assert sql == []  # the company's public version came from Redis (app/jobs/public.py)
    assert resp.headers["ETag"] == first.headers["ETag"]

    app.config["PUBLIC_PAGE_CACHE"] = False  # without Redis's copy: one narrow query, nothing about jobs
    with rendered(app) as names, statements() as sql:
        resp = client.get(url, headers={**FI, "If-None-Match": first.headers["ETag"]})
    assert resp.status_code == 304 and names == [] and len(sql) == 1
    assert resp.headers["ETag"] == first.headers["ETag"]

    with rendered(app) as names:
        resp = client.get(url, headers={**FI, "If-Modified-Since": first.headers["Last-Modified"]})
    assert resp.status_code == 304 and names == []


def test_a_repeated_request_is_served_from_the_cache_without_rendering(app, client, acme):
    first = client.get("/c/acme/", headers=FI)
    with rendered(app) as names:
        again = client.get("/c/acme/", headers=FI)
    assert names == []
    assert again.status_code == 200 and again.data == first.data
    assert "Backend developer" in again.get_data(as_text=True)


def _create(company, job, make):
    make.job(company, "Data engineer")


def _update(company, job, make):
    jobs.update_job(job, {"title": "Senior backend developer"})


def _close(company, job, make):
    jobs.update_job(job, {"status": "closed"})


def _delete(company, job, make):
    jobs.delete_job(job)


@pytest.mark.parametrize("change", [_create, _update, _close, _delete])
def test_a_job_change_reaches_another_web_process(app, app_config, client, acme, make, change):
    """A second app object (another web process) sharing the database and Redis: its cached
    page and its validators follow a change made through the first."""
    from app import create_app

    company, job = acme
    other = create_app(app_config).test_client()
    before = other.get("/c/acme/", headers=FI)
    job_before = other.get(f"/c/acme/jobs/{job.id}", headers=FI)
    assert other.get("/c/acme/", headers=FI).data == before.data  # cached there

    change(company, job, make)

    after = other.get("/c/acme/", headers={**FI, "If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200 and after.headers["ETag"] != before.headers["ETag"]
    text = after.get_data(as_text=True)
    assert ("Data engineer" in text) is (change is _create)
    assert ("Senior backend developer" in text) is (change is _update)
    assert ("Backend developer" in text) is (change is _create)  # "Senior backend…" is lower-case
    job_after = other.get(f"/c/acme/jobs/{job.id}", headers={**FI, "If-None-Match": job_before.headers["ETag"]})
    assert job_after.status_code == (200 if change in (_create, _update) else 404)


def test_a_company_rename_changes_its_pages(app, client, acme):
    company, _ = acme
    before = client.get("/c/acme/", headers=FI)
    company.name = "Acme Group"
    db.session.commit()
    after = client.get("/c/acme/", headers={**FI, "If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200 and "Acme Group" in after.get_data(as_text=True)


def test_an_application_does_not_change_the_pages(client, acme, make):
    _, job = acme
    before = client.get("/c/acme/", headers=FI)
    make.application(job)
    assert client.get("/c/acme/", headers={**FI, "If-None-Match": before.headers["ETag"]}).status_code == 304


def test_each_language_has_its_own_page_and_validator(client, acme):
    fi = client.get("/c/acme/", headers=FI)
    sv = client.get("/c/acme/", headers={"Accept-Language": "sv"})
    assert '<html lang="fi">' in fi.get_data(as_text=True)
    assert '<html lang="sv">' in sv.get_data(as_text=True)
    assert fi.headers["ETag"] != sv.headers["ETag"]
    assert client.get("/c/acme/", headers={"Accept-Language": "sv", "If-None-Match": fi.headers["ETag"]}
                      ).status_code == 200


def test_a_language_chosen_in_the_session_is_private(client, acme):
    """``?lang=`` keeps the choice in the session cookie: the page then depends on the
    cookie, and the answer sets it, so no shared cache may keep it; the browser still
    revalidates with the ETag."""
    chosen = client.get("/c/acme/?lang=vi", headers=FI)
    assert '<html lang="vi">' in chosen.get_data(as_text=True)
    assert chosen.cache_control.private and chosen.cache_control.no_cache and not chosen.cache_control.public
    later = client.get("/c/acme/", headers=FI)  # the cookie now says Vietnamese
    assert '<html lang="vi">' in later.get_data(as_text=True)
    assert later.cache_control.private and not later.cache_control.public
    assert later.headers["ETag"] == chosen.headers["ETag"]
    assert client.get("/c/acme/", headers={**FI, "If-None-Match": later.headers["ETag"]}).status_code == 304
    plain = client.application.test_client().get("/c/acme/", headers=FI)  # no cookie: Finnish, shareable
    assert '<html lang="fi">' in plain.get_data(as_text=True) and plain.cache_control.public


def test_a_flashed_message_is_shown_once_and_never_cached(app, client, acme):
    _, job = acme
    client.get(f"/c/acme/jobs/{job.id}", headers=FI)  # cached without the message
    with client.session_transaction() as session:
        session["_flashes"] = [("error", "Something for this visitor only")]
    resp = client.get(f"/c/acme/jobs/{job.id}", headers=FI)
    assert "Something for this visitor only" in resp.get_data(as_text=True)
    assert resp.cache_control.no_store and "ETag" not in resp.headers
    assert "Something for this visitor only" not in client.get(f"/c/acme/jobs/{job.id}", headers=FI).get_data(
        as_text=True)


def test_the_apply_form_is_never_cached(client, acme):
    _, job = acme
    resp = client.get(f"/c/acme/jobs/{job.id}/apply", headers=FI)
    assert resp.status_code == 200
    assert resp.cache_control.no_store and not resp.cache_control.public
    assert "ETag" not in resp.headers and resp.last_modified is None


def test_a_past_deadline_job_is_gone_the_next_day(app, client, make):
    day = date(2027, 3, 10)
    with freeze_time(datetime(2027, 3, 10, 9, 0)):
        company = make.company("acme", "Acme Oy")
        job = make.job(company, "Backend developer", deadline=day)
        listed = client.get("/c/acme/", headers=FI)
        page = client.get(f"/c/acme/jobs/{job.id}", headers=FI)
        assert "Backend developer" in listed.get_data(as_text=True) and page.status_code == 200
    with freeze_time(datetime(2027, 3, 10, 23, 59)):  # the deadline day itself: still open, still cached
        assert client.get("/c/acme/", headers={**FI, "If-None-Match": listed.headers["ETag"]}).status_code == 304
    with freeze_time(datetime(2027, 3, 11, 0, 1)):
        after = client.get("/c/acme/", headers={**FI, "If-None-Match": listed.headers["ETag"],
                                                 "If-Modified-Since": listed.headers["Last-Modified"]})
        assert after.status_code == 200
        assert "Backend developer" not in after.get_data(as_text=True)
        assert client.get(f"/c/acme/jobs/{job.id}", headers={**FI, "If-None-Match": page.headers["ETag"]}
                          ).status_code == 404


def test_pages_render_when_redis_is_down(client, acme, monkeypatch):
    from app.portal import cache

    class Down:
        def get(self, *args, **kwargs):
            raise RedisConnectionError("down")

        set = delete = get

    monkeypatch.setattr(cache, "connection", lambda: Down())
    monkeypatch.setattr(public, "connection", lambda: Down())
    resp = client.get("/c/acme/", headers=FI)
    assert resp.status_code == 200 and "Backend developer" in resp.get_data(as_text=True)
    assert resp.headers["ETag"]
    jobs.update_job(acme[1], {"title": "Data engineer"})  # the stamp not dropped: no error, the page follows
    assert "Data engineer" in client.get("/c/acme/", headers=FI).get_data(as_text=True)


def test_a_renamed_slug_leaves_nothing_behind(app, client, acme):
    """The stamp kept in Redis under the slug goes with a change of slug (and with the
    company): the old address is a 404 at once, the new one shows the company."""
    company, job = acme
    assert client.get("/c/acme/", headers=FI).status_code == 200
    assert client.get("/c/acme/", headers=FI).status_code == 200  # the stamp from Redis now
    company.slug = "acme-group"
    db.session.commit()
    assert client.get("/c/acme/", headers=FI).status_code == 404
    assert client.get(f"/c/acme/jobs/{job.id}", headers=FI).status_code == 404
    assert "Backend developer" in client.get("/c/acme-group/", headers=FI).get_data(as_text=True)


def test_the_apply_form_still_takes_an_application(client, acme):
    from tests.support.builders import PDF

    _, job = acme
    resp = client.post(f"/c/acme/jobs/{job.id}/apply", content_type="multipart/form-data", data={
        "given_names": "Aino", "family_name": "Virtanen", "email": "aino@example.fi", "consent": "y",
        "cv": (io.BytesIO(PDF), "cv.pdf", "application/pdf")})
    assert resp.status_code == 303


def test_the_kept_apply_form_carries_each_visitors_own_token(app, acme):
    """The apply form's HTML is kept once per company version, language and day with a mark
    where the token goes: the second visitor's form costs no statement and no render, carries
    that visitor's own CSRF token (never the mark, never the first visitor's), and sends."""
    from app.portal.cache import TOKEN_MARK
    from tests.support.builders import PDF
    from tests.support.clients import csrf_token

    _, job = acme
    url = f"/c/acme/jobs/{job.id}/apply"
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        first, second = app.test_client(), app.test_client()
        first_token = csrf_token(first, url)
        with rendered(app) as names, statements() as sql:
            resp = second.get(url)  # the same language as the first visitor's
        body = resp.get_data(as_text=True)
        assert resp.status_code == 200 and names == [] and sql == []
        assert resp.cache_control.no_store and "ETag" not in resp.headers
        assert TOKEN_MARK not in body and first_token not in body
        second_token = csrf_token(second, url)
        assert second_token != first_token
        sent = second.post(url, content_type="multipart/form-data", data={
            "csrf_token": second_token, "given_names": "Aino", "family_name": "Virtanen",
            "email": "aino@example.fi", "consent": "y", "cv": (io.BytesIO(PDF), "cv.pdf", "application/pdf")})
        assert sent.status_code == 303
        refused = first.post(url, content_type="multipart/form-data", data={
            "csrf_token": second_token, "given_names": "Eero", "family_name": "Virtanen",
            "email": "eero@example.fi", "consent": "y", "cv": (io.BytesIO(PDF), "cv.pdf", "application/pdf")})
        assert refused.status_code in (400, 422)
    finally:
        app.config["WTF_CSRF_ENABLED"] = False

    jobs.update_job(job, {"status": "closed"})  # the kept form follows the job
    assert app.test_client().get(url, headers=FI).status_code == 404


def test_the_kept_apply_form_follows_the_jobs_screening_questions_and_never_keeps_a_share_code(app, client, acme,
                                                                                                 make):
    """A question added to the job changes the job, so the kept form is rendered again with it;
    a visitor who came through a share link gets a form rendered with their code, and the next
    plain visitor's kept form carries no code."""
    from app.applications import share_links
    from app.screening.questions import QuestionInput, add_question

    company, job = acme
    url = f"/c/acme/jobs/{job.id}/apply"
    assert "Do you have a work permit" not in client.get(url).get_data(as_text=True)
    recruiter = make.user(company, email="rec@acme.test")
    add_question(job, QuestionInput(kind="yes_no", label="Do you have a work permit?", required=True), recruiter)
    assert "Do you have a work permit" in client.get(url).get_data(as_text=True)

    link = share_links.create_link(job, "LinkedIn", recruiter)
    shared = client.get(f"{url}?src={link.code}").get_data(as_text=True)
    assert f'value="{link.code}"' in shared and "Do you have a work permit" in shared
    with rendered(app) as names:
        plain = client.get(url).get_data(as_text=True)
    assert names == [] and link.code not in plain


@pytest.mark.parametrize("change", [_update, _close, _delete])
def test_the_applied_page_is_kept_and_follows_the_job(app, client, acme, make, change):
    """The thank-you page after an apply is the same for every visitor: kept like the apply
    form (no statement, no render on a second visit; never marked for a shared cache), and it
    follows a change to the job; another company's job, or a deleted one, is a 404."""
    company, job = acme
    make.company("other", "Other Oy")
    url = f"/c/acme/jobs/{job.id}/applied"
    first = client.get(url, headers=FI)
    assert first.status_code == 200 and "Backend developer" in first.get_data(as_text=True)
    with rendered(app) as names, statements() as seen:
        again = client.get(url, headers=FI)
    assert names == [] and seen == []
    assert again.status_code == 200 and again.data == first.data
    assert "ETag" not in again.headers and not again.cache_control.public
    assert client.get(url).data != first.data  # English is its own page
    assert client.get(f"/c/other/jobs/{job.id}/applied").status_code == 404
    assert client.get(f"/c/nobody/jobs/{job.id}/applied").status_code == 404

    change(company, job, make)

    after = client.get(url, headers=FI)
    assert after.status_code == (404 if change is _delete else 200)
    assert ("Senior backend developer" in after.get_data(as_text=True)) is (change is _update)
