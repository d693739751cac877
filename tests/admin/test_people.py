"""One candidate across jobs (issue 16, item 5): the person's page (every application in the
company, tags, files, emails, notes; duplicates linked), the people search (name, email,
phone normalised), tenant isolation and the statement counts."""

from __future__ import annotations

import pytest

from app.applications import services as applications
from app.applications import tags
from app.applications.models import Application, Candidate
from app.applications.services import normalise_phone
from app.extensions import db
from app.messaging.services import queue_email
from tests.support.statements import selects
from tests.support.world import _reply_row

HX = {"HX-Request": "true"}


@pytest.fixture
def person(make, auth):
    """Aino with two applications (two jobs) of Acme, a note, an email and a reply with a file."""
    company = make.company("acme", "Acme Oy")
    recruiter = make.user(company, email="rec@acme.test")
    first = make.job(company, "Data analyst", team=[recruiter])
    second = make.job(company, "Backend developer", team=[recruiter])
    a1 = make.application(first, email="aino@example.fi")
    a2 = make.application(second, email="aino@example.fi")
    assert a1.candidate_id == a2.candidate_id
    candidate = db.session.get(Candidate, a1.candidate_id)
    candidate.phone, candidate.phone_normalized = "+358 40 123 4567", normalise_phone("+358 40 123 4567")
    applications.add_note(a1, "Strong SQL, asks about remote work", recruiter)
    tags.add_to_application(a1, recruiter, name="Senior")
    tags.add_to_application(a2, recruiter, name="Relocation")
    queue_email(to="aino@example.fi", subject="Interview on Friday", body="Hi", kind="message",
                dedupe_key=f"t:{a2.id}", company_id=company.id, application_id=a2.id)
    _reply_row(a2)
    db.session.commit()
    auth.login("rec@acme.test")
    return {"company": company, "recruiter": recruiter, "a1": a1, "a2": a2, "candidate": candidate,
            "jobs": (first, second)}


def test_person_page_shows_everything_of_theirs(client, person):
    c, a1, a2 = person["candidate"], person["a1"], person["a2"]
    resp = client.get(f"/admin/candidates/{c.id}")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200 and "Aino Virtanen" in html
    assert "2 applications" in html and "Data analyst" in html and "Backend developer" in html
    assert f'href="/admin/applications/{a1.id}"' in html and f'href="/admin/applications/{a2.id}"' in html
    assert "Senior" in html and "Relocation" in html
    assert "cv.pdf" in html and "reply.pdf" in html and f"/admin/applications/{a2.id}/replies/files/" in html
    assert "Interview on Friday" in html and ">Re<" in html
    assert "Strong SQL, asks about remote work" in html
    assert "+358 40 123 4567" in html and "aino@example.fi" in html


def test_card_links_to_the_person(client, person):
    card = client.get(f"/admin/applications/{person['a1'].id}").get_data(as_text=True)
    assert f'href="/admin/candidates/{person["candidate"].id}"' in card


def test_person_page_links_duplicates_and_merging(client, make, person):
    job = person["jobs"][0]
    twin = make.application(job, email="AINO.virtanen+jobs@example.fi")  # same name, similar email
    twin_c = db.session.get(Candidate, twin.candidate_id)
    twin_c.phone, twin_c.phone_normalized = "040 123 4567", normalise_phone("+358 40 123 4567")
    db.session.commit()
    html = client.get(f"/admin/candidates/{person['candidate'].id}").get_data(as_text=True)
    assert "Possible duplicate" in html and "/admin/candidates/merge?" in html
    assert f'href="/admin/candidates/{twin.candidate_id}"' in html
    assert 'action="/admin/duplicates/dismiss"' in html


def test_empty_person_and_another_companys_are_404(client, make, person):
    other = make.company("other", "Other Oy")
    theirs = make.application(make.job(other, "Their job"), email="x@example.com")
    assert client.get(f"/admin/candidates/{theirs.candidate_id}").status_code == 404
    assert client.get("/admin/candidates/999999").status_code == 404
    found = client.get("/admin/candidates?q=x@example.com").get_data(as_text=True)
    assert "Nobody matches" in found


@pytest.mark.parametrize("typed", ["0401234567", "+358 40 123 4567", "040-123 4567", "AINO", "virtanen",
                                   "aino@example", "Aino Virtanen"])
def test_search_finds_people_by_name_email_or_phone(client, person, typed):
    html = client.get("/admin/candidates", query_string={"q": typed}).get_data(as_text=True)
    assert f'href="/admin/candidates/{person["candidate"].id}"' in html, typed
    # one row per person, with their application count
    assert html.count(f'href="/admin/candidates/{person["candidate"].id}"') == 1
    assert "<td>2</td>" in html


def test_search_rejects_nothing_silently(client, make, person):
    make.application(person["jobs"][0], email="eero@example.fi", given="Eero", family="Nieminen")
    html = client.get("/admin/candidates?q=eero").get_data(as_text=True)
    assert "Eero Nieminen" in html and "Aino Virtanen" not in html
    assert "Nobody matches “zzz”" in client.get("/admin/candidates?q=zzz").get_data(as_text=True)
    everyone = client.get("/admin/candidates?after=abc").get_data(as_text=True)
    assert "Eero Nieminen" in everyone and "Aino Virtanen" in everyone


def test_empty_company_has_an_empty_state(client, make, auth):
    company = make.company("empty", "Empty Oy")
    make.user(company, email="rec@empty.test")
    auth.login("rec@empty.test")
    html = client.get("/admin/candidates").get_data(as_text=True)
    assert "No candidates yet." in html


def test_search_is_keyset_paged(client, make, person, monkeypatch):
    from app.people import queries

    monkeypatch.setattr(queries, "PER_PAGE", 2)
    for n in range(3):
        make.application(person["jobs"][0], email=f"p{n}@example.com", given=f"Person{n}", family="Test")
    first = client.get("/admin/candidates").get_data(as_text=True)
    assert "Person2" in first and "Person1" in first and "Person0" not in first and 'rel="next"' in first
    import re

    after = re.search(r'after=(\d+)', first).group(1)
    second = client.get(f"/admin/candidates?after={after}").get_data(as_text=True)
    assert "Person0" in second and "Aino Virtanen" in second and 'rel="next"' not in second


def test_person_page_and_search_cost_fixed_statements(client, make, person):
    c = person["candidate"]
    db.session.expire_all()
    small = selects(lambda: client.get(f"/admin/candidates/{c.id}"))
    small_list = selects(lambda: client.get("/admin/candidates"))
    recruiter = person["recruiter"]
    for n, job in enumerate(person["jobs"] * 2):
        extra = make.application(make.job(person["company"], f"Job {n}"), email="aino@example.fi")
        applications.add_note(extra, f"note {n}", recruiter)
        tags.add_to_application(extra, recruiter, name=f"T{n}")
        queue_email(to="aino@example.fi", subject=f"S{n}", body="Hi", kind="message", dedupe_key=f"x:{extra.id}",
                    company_id=person["company"].id, application_id=extra.id)
        _reply_row(extra)
        make.application(job, email=f"other{n}@example.com")
    db.session.commit()
    db.session.expire_all()
    body: list[str] = []
    large = selects(lambda: body.append(client.get(f"/admin/candidates/{c.id}").get_data(as_text=True)))
    assert "6 applications" in body[0]
    assert len(large) == len(small), large
    assert len(selects(lambda: client.get("/admin/candidates"))) == len(small_list)
    assert db.session.query(Application).filter_by(candidate_id=c.id).count() == 6


def test_htmx_gets_fragments_of_both_pages(client, person):
    c = person["candidate"]
    table = client.get("/admin/candidates?q=0401234567", headers=HX).get_data(as_text=True)
    assert "<html" not in table and 'id="people-table"' in table and "Aino Virtanen" in table
    page = client.get(f"/admin/candidates/{c.id}", headers=HX).get_data(as_text=True)
    assert "<html" not in page and f'id="person-{c.id}"' in page and "Strong SQL" in page
