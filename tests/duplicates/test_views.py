"""The merge screen, "Split again" and the list over HTTP: roles, tenancy, CSRF, bad input."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.extensions import db
from tests.support.duplicates import db_state, merge_form, survivor_and_person
from tests.support.privacy import EMAIL


def test_merge_screen_shows_both_records_side_by_side(client, auth, make, people):
    _company, survivor, person = survivor_and_person(make, people)
    auth.login(person.admin.email)
    resp = client.get(f"/admin/candidates/merge?a={person.candidate_id}&b={survivor.id}")
    assert resp.status_code == 200
    page = resp.get_data(as_text=True)
    for text in ("erkki.esimerkki+haku@example.com", EMAIL, "+358401234567", "Data analyst", "Data engineer",
                 "erkki-cv.pdf", "Example University", "Logic test", "Pending pool"):
        assert text in page, text
    # The older record is the survivor; each field defaults to its value when it has one.
    data = merge_form(page)
    assert (data["a"], data["b"]) == (str(survivor.id), str(person.candidate_id))
    assert data["name"] == data["email"] == str(survivor.id) and data["phone"] == str(person.candidate_id)
    assert len(data["version"]) == 32


def test_merge_and_split_over_http_as_a_recruiter(client, auth, make, people):
    from app.applications.models import Application, Candidate

    company, survivor, person = survivor_and_person(make, people)
    recruiter = make.user(company, role="recruiter", email="rec@acme.test")
    auth.login(recruiter.email)
    page = client.get(f"/admin/candidates/merge?a={survivor.id}&b={person.candidate_id}").get_data(as_text=True)
    data = {**merge_form(page), "email": str(person.candidate_id)}
    resp = client.post(f"/admin/candidates/merge?a={survivor.id}&b={person.candidate_id}", data=data)
    assert resp.status_code == 303
    card_url = resp.headers["Location"]
    assert card_url.startswith("/admin/applications/")
    db.session.expire_all()
    assert db.session.get(Candidate, person.candidate_id) is None
    assert db.session.get(Candidate, survivor.id).email == EMAIL
    card = client.get(card_url).get_data(as_text=True)
    assert "Merged:" in card and "Split again" in card and f"#{person.candidate_id}" in card
    assert "was merged into this one" in card  # the timeline says so

    merge_id = re.search(r'/admin/merges/(\d+)/split', card).group(1)
    resp = client.post(f"/admin/merges/{merge_id}/split", data={"next": card_url})
    assert resp.status_code == 303 and resp.headers["Location"] == card_url
    db.session.expire_all()
    assert db.session.get(Candidate, person.candidate_id) is not None
    assert sorted(db.session.scalars(select(Application.id).where(
        Application.candidate_id == person.candidate_id))) == sorted(person.applications)
    assert "Split again:" in client.get(card_url).get_data(as_text=True)


@pytest.fixture
def pair(make, people):
    company = make.company("acme", name="Acme")
    job = make.job(company, "Data analyst")
    a = people.candidate(company, "Aino", "Virtanen", "aino@example.com", "+358401112233", job=job)
    b = people.candidate(company, "Aino", "Virtanen", "aino.v@example.com", "+358401112233", job=job)
    return company, a.id, b.id


def _page_data(client, a, b):
    return merge_form(client.get(f"/admin/candidates/merge?a={a}&b={b}").get_data(as_text=True))


def test_merge_bad_input_is_refused_and_changes_nothing(client, auth, make, people, pair):
    company, a, b = pair
    other = make.company("other", name="Bravo")
    foreign = people.candidate(other, "Bea", "Bravo", "bea@example.com", "+358401112233",
                               job=make.job(other, "Bravo job"))
    auth.login(make.admin_of(company).email)
    good = _page_data(client, a, b)
    before = db_state(skip=())

    # Another company's candidate: 404 on the screen and on confirm, whichever side.
    for x, y in ((a, foreign.id), (foreign.id, a)):
        assert client.get(f"/admin/candidates/merge?a={x}&b={y}").status_code == 404
        resp = client.post(f"/admin/candidates/merge?a={x}&b={y}", data={**good, "a": x, "b": y})
        assert resp.status_code == 404 and "Bravo" not in resp.get_data(as_text=True)
    assert client.get("/admin/candidates/merge").status_code == 404
    # The same record twice.
    same = client.post(f"/admin/candidates/merge?a={a}&b={a}", data={**good, "b": a})
    assert same.status_code == 422 and "same record twice" in same.get_data(as_text=True)
    # A forged field choice (a third record's id, a word), or a missing one.
    for forged in ({"email": str(foreign.id)}, {"phone": "x"}, {"name": ""}):
        resp = client.post(f"/admin/candidates/merge?a={a}&b={b}", data={**good, **forged})
        assert resp.status_code == 422 and "Pick each value from one of the two records" in \
            resp.get_data(as_text=True)
    # A stale screen: one record changed after it was opened.
    from app.applications.models import Candidate

    db.session.get(Candidate, b).family_name = "Virtanen-Korhonen"
    db.session.commit()
    stale_state = db_state(skip=())
    stale = client.post(f"/admin/candidates/merge?a={a}&b={b}", data=good)
    assert stale.status_code == 409 and "changed after you opened" in stale.get_data(as_text=True)
    assert db_state(skip=()) == stale_state
    db.session.get(Candidate, b).family_name = "Virtanen"
    db.session.commit()
    assert db_state(skip=()) == before


def test_an_already_merged_pair_gets_a_clear_answer(client, auth, make, pair):
    company, a, b = pair
    auth.login(make.admin_of(company).email)
    data = _page_data(client, a, b)
    assert client.post(f"/admin/candidates/merge?a={a}&b={b}", data=data).status_code == 303
    after_first = db_state(skip=())
    for x, y in ((a, b), (b, a)):  # the replayed form, and the other way round
        again = client.post(f"/admin/candidates/merge?a={x}&b={y}", data={**data, "a": x, "b": y})
        body = again.get_data(as_text=True)
        assert again.status_code == 409 and "merged into another record or erased" in body
        assert "Open the remaining record" in body
    assert client.get(f"/admin/candidates/merge?a={a}&b={b}").status_code == 409
    assert db_state(skip=()) == after_first


def test_split_of_another_company_is_404_and_a_second_split_is_explained(client, auth, make, people, pair):
    from app.duplicates import services

    company, a, b = pair
    other = make.company("other", name="Bravo")
    job = make.job(other, "Bravo job")
    x = people.candidate(other, "Bea", "Bravo", "bea@example.com", "+358401112233", job=job)
    y = people.candidate(other, "Bea", "Bravo", "bea.b@example.com", "+358401112233", job=job)
    theirs = services.merge(other.id, x.id, y.id, dict.fromkeys(services.FIELDS, x.id), make.admin_of(other))
    ours = services.merge(company.id, a, b, dict.fromkeys(services.FIELDS, a), make.admin_of(company))
    theirs_id, ours_id = theirs.id, ours.id
    auth.login(make.admin_of(company).email)
    before = db_state(skip=())
    assert client.post(f"/admin/merges/{theirs_id}/split").status_code == 404
    assert db_state(skip=()) == before
    assert client.post(f"/admin/merges/{ours_id}/split").status_code == 303
    after_split = db_state(skip=())
    again = client.post(f"/admin/merges/{ours_id}/split")  # a second click
    assert again.status_code == 409 and "already split" in again.get_data(as_text=True)
    assert db_state(skip=()) == after_split
    assert client.post(f"/admin/merges/{ours_id + 1000}/split").status_code == 404


def test_merge_routes_need_csrf(app, make, pair):
    from tests.support.clients import csrf_token

    company, a, b = pair
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        client = app.test_client()
        token = csrf_token(client)
        client.post("/admin/login", data={"email": make.admin_of(company).email,
                                          "password": "correct horse battery staple", "csrf_token": token})
        from flask import g

        g.pop("csrf_token", None)  # the test keeps one app context: Flask-WTF's per-request cache would leak
        page = client.get(f"/admin/candidates/merge?a={a}&b={b}").get_data(as_text=True)
        good = merge_form(page)
        assert good.get("csrf_token")
        before = db_state()
        for url, data in ((f"/admin/candidates/merge?a={a}&b={b}", good),
                          ("/admin/duplicates/dismiss", {"a": a, "b": b}),
                          ("/admin/merges/1/split", {})):
            for token_value in (None, "forged"):
                sent = {k: v for k, v in data.items() if k != "csrf_token"}
                if token_value:
                    sent["csrf_token"] = token_value
                assert client.post(url, data=sent).status_code == 400, url
        assert db_state() == before
        final = client.post(f"/admin/candidates/merge?a={a}&b={b}", data=good)
        assert final.status_code == 303, final.get_data(as_text=True)[:3000]
    finally:
        app.config["WTF_CSRF_ENABLED"] = False


def test_names_are_escaped(client, auth, make, people):
    company = make.company("acme")
    job = make.job(company, "Data analyst")
    a = people.candidate(company, "<script>alert(1)</script>", "X", "x@example.com", "+358401112233", job=job)
    b = people.candidate(company, "<img src=x onerror=alert(2)>", "Y", "y@example.com", "+358401112233", job=job)
    auth.login(make.admin_of(company).email)
    for url in ("/admin/duplicates", f"/admin/candidates/merge?a={a.id}&b={b.id}"):
        body = client.get(url).get_data(as_text=True)
        assert "<script>alert(1)" not in body and "<img src=x" not in body and "&lt;script&gt;" in body


def test_staff_and_logged_out_users_cannot_reach_the_merge(client, auth, make, pair):
    _company, a, b = pair
    assert client.get(f"/admin/candidates/merge?a={a}&b={b}").status_code == 302
    make.staff()
    auth.login("staff@haku.test")
    assert client.get(f"/admin/candidates/merge?a={a}&b={b}").status_code == 404
    assert client.get("/admin/duplicates").status_code == 404
