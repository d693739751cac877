"""A search is text: ``%``, ``_`` and ``\\`` typed in the applications list's or the people
search's box match themselves, not any characters (issue 16, item 7)."""

from __future__ import annotations

import pytest


@pytest.fixture
def people(make):
    company = make.company("acme")
    job = make.job(company)
    for given, email in [("Ab", "a_b@example.com"), ("Axb", "axb@example.com"), ("Fifty%", "f50@example.com"),
                         ("Fifty5", "f55@example.com"), ("Back\\slash", "bs@example.com"),
                         ("Backxslash", "bx@example.com")]:
        make.application(job, email=email, given=given, family="Wild")
    return company


CASES = [
    ("a_b", {"Ab"}),
    ("fifty%", {"Fifty%"}),
    ("%", {"Fifty%"}),
    ("_", {"Ab"}),
    ("back\\s", {"Back\\slash"}),
    ("wild", {"Ab", "Axb", "Fifty%", "Fifty5", "Back\\slash", "Backxslash"}),
]


@pytest.mark.parametrize("q,found", CASES)
def test_the_list_search_takes_wildcards_literally(people, q, found):
    from app.applications.listing import ListQuery, list_applications

    page = list_applications(people.id, ListQuery(q=q), None)
    assert {row.candidate.given_names for row in page.rows} == found


@pytest.mark.parametrize("q,found", CASES)
def test_the_people_search_takes_wildcards_literally(people, q, found):
    from app.people.queries import search

    assert {person.given_names for person, _count in search(people.id, q).rows} == found


def test_the_list_page_searches_a_percent_sign_as_text(client, auth, people):
    auth.login("admin@acme.test")
    body = client.get("/admin/applications", query_string={"q": "f5"}).get_data(as_text=True)
    assert "Fifty% Wild" in body and "Fifty5 Wild" in body
    body = client.get("/admin/applications", query_string={"q": "50%"}).get_data(as_text=True)
    assert "Fifty%" not in body  # "50%" is in no name or email (f50@ is "f50", then "@")
    body = client.get("/admin/applications", query_string={"q": "f5_"}).get_data(as_text=True)
    assert "Fifty5" not in body and "Fifty%" not in body
