"""The applications list's search finds phone numbers however they are typed:
``+358 40 123 4567`` = ``0401234567`` = ``040-123 4567``."""

from __future__ import annotations

import pytest

from tests.support.builders import PDF


def _apply(job, given, phone):
    from app.applications import services

    return services.apply(job.id, job.company.slug, services.CandidateData(
        given_names=given, family_name="Virtanen", email=f"{given.lower()}@example.fi", phone=phone),
        cover_letter="", cv=("cv.pdf", PDF), consent=True)


@pytest.fixture
def people(make):
    company = make.company("acme")
    job = make.job(company)
    _apply(job, "Intl", "+358 40 123 4567")
    _apply(job, "National", "040 123 4567")
    _apply(job, "Other", "+358 50 765 4321")
    _apply(job, "Nophone", None)
    return company


@pytest.mark.parametrize("q,found", [
    ("+358 40 123 4567", {"Intl", "National"}),
    ("0401234567", {"Intl", "National"}),
    ("040-123 4567", {"Intl", "National"}),
    ("00358401234567", {"Intl", "National"}),
    ("123 4567", {"Intl", "National"}),
    ("765 4321", {"Other"}),
    ("+358 50 765 4321", {"Other"}),
    ("+46 40 123 4567", {"National"}),  # 040 123 4567 may be Swedish; +358 40 … is not
    ("Intl", {"Intl"}),  # names still found
    ("12", set()),  # too short to be a phone search
])
def test_phone_numbers_are_found_however_typed(people, q, found):
    from app.applications.listing import ListQuery, list_applications

    page = list_applications(people.id, ListQuery(q=q), None)
    assert {row.candidate.given_names for row in page.rows} == found


def test_the_list_page_searches_phones(client, auth, people):
    auth.login("admin@acme.test")
    body = client.get("/admin/applications", query_string={"q": "0401234567"}).get_data(as_text=True)
    assert "Intl Virtanen" in body and "National Virtanen" in body and "Other Virtanen" not in body


def test_only_phone_like_searches_make_phone_patterns(app):
    from app.applications.listing import phone_patterns

    assert phone_patterns("Aino 040") == ([], []) and phone_patterns("40") == ([], [])
    assert "%401234567" in phone_patterns("+358401234567")[1]
