"""Error pages on a company's careers pages carry the company's look and the reader's
language (issue 18, item 2): 404, 413, 429 and 500 under /c/<slug>/; elsewhere, and for an
unknown company, Haku's plain page."""

from __future__ import annotations

import pytest

from app.jobs import queries as job_queries


@pytest.fixture
def job(make):
    return make.job(make.company("acme", "Acme Oy"), "Backend developer")


def _branded(body: str) -> bool:
    return '<a class="brand" href="/c/acme/">Acme Oy</a>' in body and "See the open positions at Acme Oy" in body


def test_404_of_a_company_page_is_branded_and_in_the_readers_language(client, job):
    resp = client.get("/c/acme/jobs/999999?lang=fi")
    body = resp.get_data(as_text=True)
    assert resp.status_code == 404 and _branded(body.replace("Katso avoimet paikat: Acme Oy",
                                                             "See the open positions at Acme Oy"))
    assert "Sivua ei löytynyt." in body or "löytänyt" in body
    resp = client.get("/c/acme/no-such-page?lang=en")  # a path no route knows, under the company
    assert resp.status_code == 404 and _branded(resp.get_data(as_text=True))


def test_unknown_company_and_other_pages_keep_the_plain_page(client, job):
    for path in ("/c/nope/", "/no-such-page"):
        body = client.get(path).get_data(as_text=True)
        assert "See the open positions" not in body and "Go to the start page" in body


def test_500_of_a_company_page_is_branded(client, job, monkeypatch):
    def crash(company_id):
        raise RuntimeError("injected: the careers list fails")

    monkeypatch.setattr(job_queries, "open_job_rows", crash)
    resp = client.get("/c/acme/?nocache=1", headers={"Cache-Control": "no-cache"})
    assert resp.status_code == 500 and _branded(resp.get_data(as_text=True))


def test_429_of_the_apply_form_is_branded(app_config, job):
    from app import create_app

    limited = create_app({**app_config, "RATELIMIT_ENABLED": True}).test_client()
    for _ in range(25):
        resp = limited.post(f"/c/acme/jobs/{job.id}/apply", data={"given_names": "x"},
                            content_type="multipart/form-data")
        if resp.status_code == 429:
            assert _branded(resp.get_data(as_text=True))
            return
    raise AssertionError("the apply form was never rate limited")


def test_413_of_a_company_page_is_branded(client, job, app):
    # the apply form answers an oversized form with the form itself; a body over the cap that
    # is not a form (nothing typed to keep) gets the company's 413 page
    big = b"0" * (app.config["APPLY_MAX_BYTES"] + 1)
    resp = client.post(f"/c/acme/jobs/{job.id}/apply", data=big, content_type="application/octet-stream")
    assert resp.status_code == 413 and _branded(resp.get_data(as_text=True))
    assert "What you sent is too large." in resp.get_data(as_text=True)
