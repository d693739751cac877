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
