"""The careers page's search and filters (issue 18, item 2): a GET form that works without
JavaScript, words matched without case or diacritics, filters offered only where they choose
something, and a filtered page that has its own cache entry and ETag."""

from __future__ import annotations

import pytest

from app.jobs.search import CareersFilter


@pytest.fixture
def company(make):
    company = make.company("acme", "Acme Oy")
    specs = [
        ("Lập trình viên Python", "Hà Nội", "Engineering", "full_time", "onsite"),
        ("Backend developer", "Helsinki", "Engineering", "full_time", "hybrid"),
        ("Data analyst", "Turku", "Operations", "part_time", "onsite"),
        ("Summer trainee", "Helsinki", "Engineering", "internship", "onsite"),
        ("Support specialist", "Remote", "Customer care", "full_time", "remote"),
        ("Designer", "Helsinki", "Product", "contract", "hybrid"),
    ]
    for title, location, department, etype, workplace in specs:
        make.job(company, title, location=location, department=department, employment_type=etype,
                 workplace=workplace)
    make.job(company, "Hidden draft", status="draft", location="Oulu")
    return company


def _titles(body: str) -> list[str]:
    import re

    return re.findall(r'<span class="job-title">(.*?)</span>', body)


@pytest.mark.parametrize("query,titles", [
    ("q=python", ["Lập trình viên Python"]),
    ("q=LAP+TRINH", ["Lập trình viên Python"]),            # case and diacritics folded
    ("q=ha+noi", ["Lập trình viên Python"]),               # the location is searched too
    ("q=engineering+helsinki", ["Summer trainee", "Backend developer"]),  # every word must match
    ("location=helsinki", ["Designer", "Summer trainee", "Backend developer"]),
    ("department=Engineering&type=full_time", ["Backend developer", "Lập trình viên Python"]),
    ("workplace=remote", ["Support specialist"]),
    ("q=oulu", []),                                        # a draft is never found
])
def test_search_and_filters(client, company, query, titles):
    body = client.get(f"/c/acme/?{query}").get_data(as_text=True)
    assert _titles(body) == titles
    if titles:
        assert f"{len(titles)} position" in body
    else:
        assert "No open position matches your search." in body
    assert "6 open positions" in body  # the total stays


def test_unknown_values_are_ignored_not_errors(client, company):
    resp = client.get("/c/acme/?type=astronaut&workplace=moon&q=" + "x" * 500)
    assert resp.status_code == 200
    assert CareersFilter.from_args({"type": "astronaut", "workplace": "moon"}) == CareersFilter()
    assert len(CareersFilter.from_args({"q": "x" * 500}).q) == 100


def test_the_form_offers_only_choices_that_choose_something(client, company):
    body = client.get("/c/acme/?lang=fi").get_data(as_text=True)
    assert '<form class="card careers-search" method="get" role="search"' in body
    assert "<option>Hà Nội</option>" in body and "Oulu" not in body
    assert '<option value="internship">Harjoittelu</option>' in body
    assert "Hae paikkoja" in body


def test_a_few_jobs_need_no_search_form(client, make):
    company = make.company("tiny", "Tiny Oy")
    make.job(company, "Only job")
    body = client.get("/c/tiny/").get_data(as_text=True)
    assert "careers-search" not in body and "Only job" in body


def test_each_filter_has_its_own_cache_entry_and_etag(client, company):
    everything = client.get("/c/acme/")
    filtered = client.get("/c/acme/?workplace=remote")
    assert everything.headers["ETag"] != filtered.headers["ETag"]
    assert _titles(client.get("/c/acme/?workplace=remote").get_data(as_text=True)) == ["Support specialist"]
    assert len(_titles(client.get("/c/acme/").get_data(as_text=True))) == 6
    again = client.get("/c/acme/?workplace=remote", headers={"If-None-Match": filtered.headers["ETag"]})
    assert again.status_code == 304
