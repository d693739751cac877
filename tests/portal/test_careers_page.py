"""The careers page computes its per-page constants once (issue 15 item 2): each job's link
is the careers URL + ``jobs/<id>`` and its employment type's label comes from one lookup per
page. The page must read exactly as with a ``url_for`` and a gettext per row."""

from __future__ import annotations

import re

import pytest
from flask import url_for
from flask_babel import force_locale

from app.templating import employment_label


@pytest.mark.parametrize("lang", ["en", "fi", "sv", "vi"])
def test_each_row_links_to_its_job_with_its_label(app, client, make, lang):
    company = make.company("acme", "Acme Oy")
    kinds = ["full_time", "part_time", "contract", "temporary", "internship"]
    jobs = [make.job(company, f"Job {kind}", employment_type=kind) for kind in kinds]
    body = client.get(f"/c/acme/?lang={lang}").get_data(as_text=True)
    rows = re.findall(r'<a href="([^"]+)">\s*<span class="job-title">([^<]+)</span>\s*'
                      r'<span class="job-meta">([^<]*)</span>', body)
    assert len(rows) == len(jobs)
    with app.test_request_context(), force_locale(lang):
        expected = {f"Job {job.employment_type}": (url_for("portal.job", slug="acme", job_id=job.id),
                                                   f"Helsinki · {employment_label(job.employment_type)}")
                    for job in jobs}
    assert {title: (href, meta) for href, title, meta in rows} == expected
    if lang == "fi":
        assert "Helsinki · Kokoaikainen" in body  # the labels are translated, not English


def test_the_job_page_and_apply_form_read_the_job_and_its_company_in_one_statement(client, make):
    from sqlalchemy import event

    from app.extensions import db

    acme, other = make.company("acme", "Acme Oy"), make.company("other", "Other Oy")
    job, theirs = make.job(acme, "Backend developer"), make.job(other, "Their job")
    draft = make.job(acme, "Draft", status="draft")
    statements: list[str] = []

    def before(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        # The job page first asks the company's public version (app/portal/cache.py: a 304 or a
        # cached page needs nothing more); rendering it reads the job and company in one more.
        for path, count in ((f"/c/acme/jobs/{job.id}", 2), (f"/c/acme/jobs/{job.id}/apply", 1)):
            statements.clear()
            body = client.get(path).get_data(as_text=True)
            assert "Backend developer" in body and "Acme Oy" in body
            assert len(statements) == count, statements
            assert "JOIN" in statements[-1].upper(), statements
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
    # Another company's job, a draft and an unknown company stay 404s.
    for path in (f"/c/acme/jobs/{theirs.id}", f"/c/acme/jobs/{draft.id}", f"/c/nobody/jobs/{job.id}",
                 f"/c/acme/jobs/{theirs.id}/apply", f"/c/nobody/jobs/{job.id}/apply"):
        assert client.get(path).status_code == 404, path


def test_an_unknown_employment_type_reads_as_itself(app):
    from app.templating import employment_labels

    with app.test_request_context():
        labels = employment_labels()
        assert labels["full_time"] == "Full-time" and labels["freelance"] == "freelance"
