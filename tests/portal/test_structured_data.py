"""Job pages that search engines find (issue 18, item 2): schema.org JobPosting JSON-LD on
every job page with the fields Google for Jobs requires (title, description, datePosted,
hiringOrganization, jobLocation — or jobLocationType TELECOMMUTE — and validThrough,
employmentType, baseSalary where Haku knows them), an XML sitemap and an Atom feed of the
open jobs; all from BASE_URL, never from the request's Host."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest
from lxml import etree

from app.extensions import db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def jobs(make, app):
    app.config["BASE_URL"] = "https://jobs.example"
    company = make.company("acme", "Acme & Sons Oy")
    company.timezone = "Europe/Helsinki"
    open_job = make.job(company, "Data <analyst>", description="## Tasks\n\n- SQL </script><script>alert(1)",
                        location="Turku", employment_type="part_time", salary_min=3000, salary_max=3600,
                        salary_currency="EUR", salary_period="month", department="Operations",
                        deadline=date.today() + timedelta(days=10))
    remote = make.job(company, "Remote writer", workplace="remote", salary_min=25, salary_period="hour", location="")
    draft = make.job(company, "Secret plan", status="draft")
    return company, open_job, remote, draft


def _posting(body: str) -> dict:
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.DOTALL)
    return json.loads(block)


def test_job_page_carries_a_google_ready_job_posting(client, jobs):
    company, job, _, _ = jobs
    body = client.get(f"/c/acme/jobs/{job.id}", headers={"Host": "evil.example"}).get_data(as_text=True)
    data = _posting(body)
    assert data["@context"] == "https://schema.org/" and data["@type"] == "JobPosting"
    # required by Google for Jobs
    assert data["title"] == "Data <analyst>"
    assert data["description"].startswith("<h3>Tasks</h3>") and "<script>" not in data["description"]
    assert date.fromisoformat(data["datePosted"]) <= date.today()
    assert data["hiringOrganization"] == {"@type": "Organization", "name": "Acme & Sons Oy",
                                          "sameAs": "https://jobs.example/c/acme/"}
    assert data["jobLocation"]["address"] == {"@type": "PostalAddress", "addressLocality": "Turku"}
    # recommended
    deadline = (date.today() + timedelta(days=10)).isoformat()
    assert data["validThrough"] in (f"{deadline}T23:59:00+02:00", f"{deadline}T23:59:00+03:00")
    assert data["employmentType"] == "PART_TIME"
    assert data["baseSalary"] == {"@type": "MonetaryAmount", "currency": "EUR", "value": {
        "@type": "QuantitativeValue", "unitText": "MONTH", "minValue": 3000, "maxValue": 3600}}
    assert data["url"] == f"https://jobs.example/c/acme/jobs/{job.id}" and data["directApply"] is True
    assert data["identifier"]["value"] == str(job.id)
    # the ad cannot close the data block: "<" is escaped inside the JSON
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.DOTALL).group(1)
    assert "<" not in block


def test_a_remote_job_says_telecommute_and_one_figure_is_a_value(client, jobs):
    _, _, remote, _ = jobs
    data = _posting(client.get(f"/c/acme/jobs/{remote.id}").get_data(as_text=True))
    assert data["jobLocationType"] == "TELECOMMUTE" and "jobLocation" not in data
    assert data["baseSalary"]["value"] == {"@type": "QuantitativeValue", "unitText": "HOUR", "value": 25}
    assert "validThrough" not in data


def test_sitemap_lists_the_careers_page_and_open_jobs_only(client, jobs):
    _, job, remote, draft = jobs
    resp = client.get("/c/acme/sitemap.xml", headers={"Host": "evil.example"})
    assert resp.status_code == 200 and resp.mimetype == "application/xml"
    root = etree.fromstring(resp.data)
    locs = [el.text for el in root.iter(f"{SITEMAP}loc")]
    assert locs[0] == "https://jobs.example/c/acme/"
    assert set(locs[1:]) == {f"https://jobs.example/c/acme/jobs/{job.id}", f"https://jobs.example/c/acme/jobs/{remote.id}"}
    assert all(date.fromisoformat(el.text) for el in root.iter(f"{SITEMAP}lastmod"))
    assert client.get("/c/nope/sitemap.xml").status_code == 404


def test_atom_feed_of_open_jobs_parses_and_escapes(client, jobs):
    _, job, remote, draft = jobs
    resp = client.get("/c/acme/jobs.atom?lang=fi")
    assert resp.status_code == 200 and resp.mimetype == "application/atom+xml"
    feed = etree.fromstring(resp.data)
    assert feed.findtext(f"{ATOM}title") == "Avoimet paikat: Acme & Sons Oy"
    entries = feed.findall(f"{ATOM}entry")
    assert {e.findtext(f"{ATOM}title") for e in entries} == {"Data <analyst>", "Remote writer"}
    first = next(e for e in entries if e.findtext(f"{ATOM}title") == "Data <analyst>")
    assert first.find(f"{ATOM}content").get("type") == "html"
    assert first.findtext(f"{ATOM}content").startswith("<h3>Tasks</h3>")  # HTML as text, as Atom wants
    assert first.findtext(f"{ATOM}summary") == "Operations · Turku · Osa-aikainen"
    assert "Secret plan" not in resp.get_data(as_text=True)


def test_feed_and_sitemap_follow_a_job_change(client, jobs, make):
    company, job, _, _ = jobs
    first = client.get("/c/acme/sitemap.xml")
    make.job(company, "Brand new role")
    second = client.get("/c/acme/sitemap.xml", headers={"If-None-Match": first.headers["ETag"]})
    assert second.status_code == 200 and b"Brand new role" not in second.data
    assert second.data.count(b"<loc>") == first.data.count(b"<loc>") + 1
    again = client.get("/c/acme/sitemap.xml", headers={"If-None-Match": second.headers["ETag"]})
    assert again.status_code == 304


def test_pages_link_the_feed(client, jobs):
    _, job, _, _ = jobs
    for path in ("/c/acme/", f"/c/acme/jobs/{job.id}"):
        assert '<link rel="alternate" type="application/atom+xml" href="/c/acme/jobs.atom"' in \
            client.get(path).get_data(as_text=True)


def test_the_companys_country_is_the_jobs_address_country_and_where_remote_applicants_live(client, jobs):
    company, job, remote, _ = jobs
    company.country = "FI"
    db.session.commit()
    data = _posting(client.get(f"/c/acme/jobs/{job.id}").get_data(as_text=True))
    assert data["jobLocation"]["address"] == {"@type": "PostalAddress", "addressLocality": "Turku",
                                              "addressCountry": "FI"}
    remote_data = _posting(client.get(f"/c/acme/jobs/{remote.id}").get_data(as_text=True))
    assert remote_data["jobLocationType"] == "TELECOMMUTE"
    assert remote_data["applicantLocationRequirements"] == {"@type": "Country", "name": "FI"}
    assert remote_data["jobLocation"]["address"] == {"@type": "PostalAddress", "addressCountry": "FI"}
