"""Possible duplicates are suggested (never joined): the signals, tenancy, the list, the card,
"not the same person" and the query count."""

from __future__ import annotations

import pytest
from sqlalchemy import event, func, select

from app.extensions import db
from tests.support.rows import table_counts


def test_finding_possible_duplicates_are_suggested_not_joined(client, auth, co, people):
    """Issue 11 §1: two records sharing a phone are two people until a recruiter says
    otherwise: both stay, and the pair is suggested on the card and in the list."""
    from app.applications.models import Application, Candidate

    aino = people.candidate(co, "Aino", "Virtanen", "aino@example.com", "+358 40 111 2233", job=co.job)
    maija = people.candidate(co, "Maija", "Mäkinen", "maija@example.org", "+358401112233", job=co.job)
    auth.login(co.recruiter.email)

    page = client.get("/admin/duplicates")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert "Aino Virtanen" in body and "Maija Mäkinen" in body and "same phone number" in body
    assert f"/admin/candidates/merge?a={aino.id}&amp;b={maija.id}" in body

    app_id = db.session.scalar(select(Application.id).where(Application.candidate_id == maija.id))
    card = client.get(f"/admin/applications/{app_id}").get_data(as_text=True)
    assert "Possible duplicate" in card and "Aino Virtanen" in card and ">Review<" in card
    assert db.session.scalar(select(func.count(Candidate.id))) == 2


@pytest.mark.parametrize("first, second, reason", [
    (("Aino", "Virtanen", "aino@example.com", "+358401112233"), ("Aino", "Virtanen", "a.v@example.org", "0401112233x"),
     None),
    (("Aino", "Virtanen", "aino@example.com", "+358401112233"), ("Aino", "Virtanen", "other@example.org", "+358401112233"),
     "same_name_phone"),
    (("Aino", "Virtanen", "aino@example.com", "+358401112233"), ("Matti", "Meikäläinen", "m@example.org", "+358401112233"),
     "same_phone"),
    (("Aino", "Virtanen", "Aino.Virtanen@Gmail.com", None), ("A", "V", "ainovirtanen+jobs@gmail.com", None),
     "similar_email"),
    (("Aino", "Virtanen", "aino@example.com", None), ("A", "V", "AINO@example.com", None), "same_email"),
    (("Nguyễn Văn", "An", "an@example.vn", None), ("Nguyen Van", "An", "an+topcv@example.vn", None), "similar_email"),
])
def test_suggestion_signals(co, people, first, second, reason):
    from app.duplicates import services

    a = people.candidate(co, *first, job=co.job)
    b = people.candidate(co, *second, job=co.job)
    rows, more = services.suggestions(co.id)
    assert not more
    if reason is None:
        assert rows == []
    else:
        assert [(s.a.id, s.b.id) for s in rows] == [(a.id, b.id)]
        assert reason in rows[0].reasons


def test_topcv_phone_only_applicant_is_flagged(co, people):
    from app.duplicates import services

    board = people.candidate(co, "Lan", "Trần Thị", None, "+84 912 345 678", source="topcv", cv=False)
    careers = people.candidate(co, "Lan", "Tran", "lan@example.vn", "+84912345678", job=co.job)
    rows, _more = services.suggestions(co.id)
    assert [(s.a.id, s.b.id) for s in rows] == [(board.id, careers.id)]
    assert rows[0].reasons == ["same_phone", "topcv_phone_only"]


@pytest.mark.parametrize("email, key", [
    ("Aino.Virtanen+jobs@Gmail.com", "ainovirtanen@gmail.com"),
    ("a.v@googlemail.com", "av@gmail.com"),
    ("  x@Example.FI ", "x@example.fi"),
    ("+only@example.com", None),
    ("not-an-address", "not-an-address"),
    ("", None),
    (None, None),
])
def test_email_match_key(email, key):
    from app.applications.models import email_match_key

    assert email_match_key(email) == key


def test_suggestions_stay_in_the_company(make, co, people):
    other = make.company("other")
    other_job = make.job(other, "Elsewhere")
    people.candidate(co, "Aino", "Virtanen", "aino@example.com", "+358401112233", job=co.job)
    people.candidate(other, "Aino", "Virtanen", "aino@example.com", "+358401112233", job=other_job)
    from app.duplicates import services

    assert services.suggestions(co.id)[0] == [] and services.suggestions(other.id)[0] == []


def test_empty_state(client, auth, co):
    auth.login(co.admin.email)
    body = client.get("/admin/duplicates").get_data(as_text=True)
    assert 'id="duplicates-empty"' in body and "No possible duplicates" in body


def test_list_is_linked_from_the_applications_list(client, auth, co):
    auth.login(co.recruiter.email)
    assert 'href="/admin/duplicates"' in client.get("/admin/applications").get_data(as_text=True)


def _count_queries(fn) -> int:
    statements = []

    def before(conn, cursor, statement, *args):
        statements.append(statement)

    engine = db.engine
    event.listen(engine, "before_cursor_execute", before)
    try:
        fn()
    finally:
        event.remove(engine, "before_cursor_execute", before)
    return len([s for s in statements if s.lstrip().upper().startswith("SELECT")])


def test_list_queries_do_not_grow_with_the_page(client, auth, co, people):
    """No N+1: 2 pairs and 12 pairs cost the same number of queries."""
    auth.login(co.recruiter.email)
    for n in range(2):
        people.candidate(co, f"P{n}", "One", f"p{n}@example.com", f"+35840000000{n}", job=co.job)
        people.candidate(co, f"P{n}", "Two", f"p{n}b@example.com", f"+35840000000{n}", job=co.job)
    small = _count_queries(lambda: client.get("/admin/duplicates"))
    for n in range(2, 12):
        people.candidate(co, f"P{n}", "One", f"p{n}@example.com", f"+3584000000{n:02d}", job=co.job)
        people.candidate(co, f"P{n}", "Two", f"p{n}b@example.com", f"+3584000000{n:02d}", job=co.job)
    body = []
    large = _count_queries(lambda: body.append(client.get("/admin/duplicates").get_data(as_text=True)))
    assert body[0].count('class="card dup-pair"') == 12
    assert large == small


def test_dismiss_is_remembered_and_audited(client, auth, co, people):
    from app.audit import AuditEntry
    from app.duplicates import services
    from app.duplicates.models import DuplicateDismissal

    a = people.candidate(co, "Aino", "Virtanen", "aino@example.com", "+358401112233", job=co.job)
    b = people.candidate(co, "Matti", "Virtanen", "matti@example.com", "+358401112233", job=co.job)
    auth.login(co.recruiter.email)
    resp = client.post("/admin/duplicates/dismiss", data={"a": b.id, "b": a.id, "next": "/admin/duplicates"})
    assert resp.status_code == 303 and resp.headers["Location"].endswith("/admin/duplicates")
    assert services.suggestions(co.id)[0] == []
    assert services.suggestions_for_candidate(db.session.get(type(a), a.id)) == []
    row = db.session.scalar(select(DuplicateDismissal))
    assert (row.low_id, row.high_id, row.actor_id) == (a.id, b.id, co.recruiter.id)
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "duplicate_dismissed"))
    assert entry.object == f"candidate_pair:{a.id}-{b.id}" and entry.actor == f"user:{co.recruiter.id}"
    # Twice is the same answer, not a second row.
    assert client.post("/admin/duplicates/dismiss", data={"a": a.id, "b": b.id}).status_code == 303
    assert db.session.scalar(select(func.count(DuplicateDismissal.id))) == 1
    # Over htmx the row goes (empty 200) with a toast.
    hx = client.post("/admin/duplicates/dismiss", data={"a": a.id, "b": b.id}, headers={"HX-Request": "true"})
    assert hx.status_code == 200 and hx.data == b"" and "toast" in hx.headers["HX-Trigger"]


def test_a_dismissal_hides_only_its_own_pair_on_the_card(client, auth, co, people):
    """Maija was told apart from Liisa (same email), not from Aino (same phone): Aino's card
    still suggests Maija (the card's one-statement read asks about Aino's pairs only)."""
    from app.applications.models import Application

    aino = people.candidate(co, "Aino", "Virtanen", "aino@example.com", "+358401112233", job=co.job)
    maija = people.candidate(co, "Maija", "Mäkinen", "maija@example.org", "+358401112233", job=co.job)
    liisa = people.candidate(co, "Liisa", "Laine", "maija@example.org", "+358409998877", job=co.job)
    auth.login(co.recruiter.email)
    assert client.post("/admin/duplicates/dismiss", data={"a": maija.id, "b": liisa.id}).status_code == 303
    app_id = db.session.scalar(select(Application.id).where(Application.candidate_id == aino.id))
    card = client.get(f"/admin/applications/{app_id}").get_data(as_text=True)
    assert "Possible duplicate" in card and "Maija Mäkinen" in card and "Liisa Laine" not in card


@pytest.mark.parametrize("next_url", ["//evil.example/x", "https://evil.example/", "/admin/\\evil", "/portal"])
def test_dismiss_never_redirects_off_the_admin(client, auth, co, people, next_url):
    a = people.candidate(co, "Aino", "Virtanen", "aino@example.com", "+358401112233", job=co.job)
    b = people.candidate(co, "Matti", "Virtanen", "matti@example.com", "+358401112233", job=co.job)
    auth.login(co.recruiter.email)
    resp = client.post("/admin/duplicates/dismiss", data={"a": a.id, "b": b.id, "next": next_url})
    assert resp.status_code == 303 and resp.headers["Location"] == "/admin/duplicates"


def test_dismiss_bad_input_changes_nothing(client, auth, make, co, people):
    a = people.candidate(co, "Aino", "Virtanen", "aino@example.com", "+358401112233", job=co.job)
    other = make.company("other")
    foreign = people.candidate(other, "Aino", "Virtanen", "aino@example.com", "+358401112233",
                               job=make.job(other, "Elsewhere"))
    auth.login(co.recruiter.email)
    before = table_counts()
    assert client.post("/admin/duplicates/dismiss", data={"a": a.id, "b": foreign.id}).status_code == 404
    same = client.post("/admin/duplicates/dismiss", data={"a": a.id, "b": a.id})
    assert same.status_code == 422 and "the same record twice" in same.get_data(as_text=True)
    assert client.post("/admin/duplicates/dismiss", data={"a": "x", "b": a.id}).status_code == 400
    assert table_counts() == before


def test_bar_39_duplicates_are_suggested_and_joined_only_by_a_recruiter(client, auth, co, people):
    """Two people sharing a phone, a name, and a TopCV phone-only record stay separate
    records: they are only suggested, and only a recruiter's confirmed merge joins them."""
    from app.applications.models import Application, Candidate
    from app.audit import AuditEntry
    from app.duplicates import services

    board = people.candidate(co, "Minh", "Nguyễn Văn", None, "+84 912 000 111", source="topcv", cv=False)
    careers = people.candidate(co, "Minh", "Nguyen Van", "minh@example.vn", "+84912000111", job=co.job)
    namesake = people.candidate(co, "Minh", "Nguyen Van", "other.minh@example.vn", None, job=co.job)
    pairs = {(s.a.id, s.b.id) for s in services.suggestions(co.id)[0]}
    assert pairs == {(board.id, careers.id)}  # same name alone is not even a suggestion
    assert db.session.scalar(select(func.count(Candidate.id))) == 3
    assert db.session.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "candidate_merged")) == 0

    auth.login(co.recruiter.email)
    resp = client.post(f"/admin/candidates/merge?a={board.id}&b={careers.id}",
                       data={"a": board.id, "b": careers.id, "version": "0" * 32, "name": careers.id,
                             "email": careers.id, "phone": careers.id})
    assert resp.status_code == 409  # a version that the recruiter never saw: refused
    screen = services.merge_screen(co.id, board.id, careers.id)
    resp = client.post(f"/admin/candidates/merge?a={board.id}&b={careers.id}",
                       data={"a": board.id, "b": careers.id, "version": screen.version, "name": careers.id,
                             "email": careers.id, "phone": careers.id})
    assert resp.status_code == 303
    db.session.expire_all()
    assert {a.candidate_id for a in db.session.scalars(select(Application))} == {board.id, namesake.id}
    kept = db.session.get(Candidate, board.id)
    assert (kept.email, kept.family_name) == ("minh@example.vn", "Nguyen Van")
