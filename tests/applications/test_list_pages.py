"""The applications list pages by keyset (issue 15 item 2): an opaque cursor in the page
links, forward and back, for every sort and both directions, with filters; rows that arrive
meanwhile do not shift a page; a cursor that was altered, or made for another company or for
other filters, opens the first page; an old ``?page=N`` link opens the first page; the count
stops at COUNT_CAP; the first click on a column header sorts ascending."""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from app.extensions import db

BASE = datetime(2026, 3, 1, 12, 0, 0)


def _models():
    from app.applications.models import Application, ApplicationStatus, Candidate

    return Application, ApplicationStatus, Candidate


def _add(company, job, n: int, *, start: int = 0, same_time: bool = False, source: str = "careers",
         status: str = "open") -> None:
    """``n`` applications straight into the tables (the list reads, it does not care how they
    came): names Cand000…, every third by TopCV, some at the very same second."""
    Application, ApplicationStatus, Candidate = _models()
    stage = job.stages[0]
    for i in range(start, start + n):
        candidate = Candidate(company_id=company.id, given_names=f"Cand{i:03d}", family_name=f"Fam{i % 7}",
                              email=f"c{i:03d}@example.com", email_normalized=f"c{i:03d}@example.com")
        db.session.add(candidate)
        db.session.flush()
        at = BASE if same_time else BASE + timedelta(minutes=i // 2)  # pairs share a created_at
        db.session.add(Application(company_id=company.id, candidate_id=candidate.id, job_id=job.id,
                                   stage_id=stage.id, source="topcv" if i % 3 == 0 else source, status=status,
                                   created_at=at, updated_at=at))
    db.session.commit()


def _ids(body: str) -> list[int]:
    return [int(i) for i in re.findall(r'id="application-row-(\d+)"', body)]


def _link(body: str, rel: str) -> str | None:
    found = re.search(rf'<a href="([^"]+)"[^>]*rel="{rel}"', body)
    return html.unescape(found.group(1)) if found else None


def _walk(client, url: str) -> tuple[list[list[int]], list[str]]:
    """Every page from ``url`` by its Next links: the ids of each page, and each page's body."""
    pages, bodies = [], []
    while url:
        resp = client.get(url)
        assert resp.status_code == 200, url
        body = resp.get_data(as_text=True)
        pages.append(_ids(body))
        bodies.append(body)
        url = _link(body, "next")
        assert len(pages) < 50
    return pages, bodies


def _expected(company_id: int, key, reverse: bool, where=None) -> list[int]:
    Application = _models()[0]
    rows = db.session.scalars(select(Application).where(Application.company_id == company_id,
                                                        *(where or [Application.status == "open"]))).all()
    return [a.id for a in sorted(rows, key=lambda a: (key(a), a.id), reverse=reverse)]


@pytest.fixture
def listed(make, auth):
    company = make.company("acme")
    job = make.job(company, title="Backend developer")
    other = make.job(company, title="Analyst")
    _add(company, job, 17)
    _add(company, other, 6, start=17)
    auth.login(f"admin@{company.slug}.test")
    return company, job, other


SORTS = {
    "applied": lambda a: a.created_at,
    "candidate": lambda a: a.candidate.family_name,
    "email": lambda a: a.candidate.email_normalized,
    "job": lambda a: a.job.title,
    "source": lambda a: a.source,
    "updated": lambda a: a.updated_at,
}


@pytest.mark.parametrize("sort", sorted(SORTS))
@pytest.mark.parametrize("direction", ["asc", "desc"])
def test_every_sort_pages_forward_and_back_over_every_row_once(client, listed, sort, direction):
    company, *_ = listed
    pages, bodies = _walk(client, f"/admin/applications?per_page=10&sort={sort}&dir={direction}")
    assert [len(p) for p in pages] == [10, 10, 3]
    assert "Page 1 of 3" in bodies[0] and "Page 3 of 3" in bodies[2]
    assert [i for p in pages for i in p] == _expected(company.id, SORTS[sort], direction == "desc")
    assert _link(bodies[0], "prev") is None and _link(bodies[2], "next") is None
    # Back from the last page: the same pages in reverse, the first one without a cursor.
    back = _link(bodies[2], "prev")
    middle = client.get(back).get_data(as_text=True)
    assert _ids(middle) == pages[1] and "Page 2 of 3" in middle
    first_url = _link(middle, "prev")
    assert "cursor" not in first_url
    assert _ids(client.get(first_url).get_data(as_text=True)) == pages[0]


def test_ties_on_the_sort_key_are_broken_by_id(client, make, auth):
    company = make.company("acme")
    job = make.job(company)
    _add(company, job, 25, same_time=True)
    auth.login(f"admin@{company.slug}.test")
    for direction in ("asc", "desc"):
        pages, _ = _walk(client, f"/admin/applications?per_page=10&dir={direction}")
        assert [i for p in pages for i in p] == _expected(company.id, lambda a: a.created_at, direction == "desc")
        assert [len(p) for p in pages] == [10, 10, 5]


def test_filters_are_kept_and_stage_sort_handles_missing_values(client, listed):
    company, job, other = listed
    Application, ApplicationStatus, _ = _models()
    pages, bodies = _walk(client, f"/admin/applications?per_page=10&job={job.id}&f_source=&q=cand")
    assert [len(p) for p in pages] == [10, 7]
    assert all(f"job={job.id}" in _link(body, "next") for body in bodies[:1])
    assert {i for p in pages for i in p} == set(_expected(company.id, SORTS["applied"], True,
                                                             [Application.job_id == job.id]))
    # "All" statuses and a sort by stage position; a closed application without a stage.
    closed = db.session.scalars(select(Application).where(Application.job_id == other.id)).first()
    closed.status, closed.stage_id = ApplicationStatus.CLOSED, None
    db.session.commit()
    for direction in ("asc", "desc"):
        pages, _ = _walk(client, f"/admin/applications?per_page=10&status=all&sort=stage&dir={direction}")
        seen = [i for p in pages for i in p]
        assert sorted(seen) == sorted(_expected(company.id, SORTS["applied"], True, [Application.job_id.is_not(None)]))
        assert len(seen) == len(set(seen)) == 23
        assert (seen[0] if direction == "desc" else seen[-1]) == closed.id  # no stage: first descending, last ascending


def test_a_page_does_not_shift_when_applications_arrive(client, listed):
    company, job, _ = listed
    first = client.get("/admin/applications?per_page=10").get_data(as_text=True)
    second_url = _link(first, "next")
    second = _ids(client.get(second_url).get_data(as_text=True))
    _add(company, job, 5, start=100)  # newer than all: they go to the top of the list
    assert _ids(client.get(second_url).get_data(as_text=True)) == second
    third = client.get(second_url).get_data(as_text=True)
    # Back from page 2 reaches the top again: the first page, full, with the new rows.
    top = client.get(_link(third, "prev")).get_data(as_text=True)
    assert len(_ids(top)) == 10 and _ids(top)[:5] == _expected(company.id, SORTS["applied"], True)[:5]


def test_a_tampered_or_foreign_cursor_opens_the_first_page(client, listed, make, auth):
    company, *_ = listed
    first = client.get("/admin/applications?per_page=10").get_data(as_text=True)
    next_url = _link(first, "next")
    cursor = re.search(r"cursor=([^&]+)", next_url).group(1)
    forged = cursor[:-3] + ("AAA" if not cursor.endswith("AAA") else "BBB")
    for url in (f"/admin/applications?per_page=10&cursor={forged}", "/admin/applications?per_page=10&cursor=%00junk",
                f"/admin/applications?per_page=25&cursor={cursor}"):  # made for another page size
        resp = client.get(url)
        assert resp.status_code == 302, url
        landed = client.get(resp.headers["Location"]).get_data(as_text=True)
        assert "That page link is no longer valid" in landed
        assert "Page 1 of" in landed and "cursor" not in resp.headers["Location"]
    # Another company's admin with this company's cursor: their own first page, nothing of ours.
    theirs = make.company("other")
    _add(theirs, make.job(theirs, title="Elsewhere"), 3, start=500)
    auth.logout()
    auth.login(f"admin@{theirs.slug}.test")
    resp = client.get(f"/admin/applications?per_page=10&cursor={cursor}", follow_redirects=True)
    ours = set(_expected(company.id, SORTS["applied"], True))
    assert resp.status_code == 200 and not ours & set(_ids(resp.get_data(as_text=True)))
    assert len(_ids(resp.get_data(as_text=True))) == 3


def test_an_old_page_link_opens_the_first_page_of_the_same_list(client, listed):
    _, job, _ = listed
    resp = client.get(f"/admin/applications?page=3&per_page=10&job={job.id}&sort=candidate&dir=asc")
    assert resp.status_code == 302
    location = resp.headers["Location"]
    assert "page=" not in location.replace("per_page", "") and f"job={job.id}" in location
    assert "sort=candidate" in location and "dir=asc" in location
    body = client.get(location).get_data(as_text=True)
    assert "Page 1 of 2" in body
    assert client.get("/admin/applications?page=1").status_code == 200


def test_the_count_stops_at_the_cap(client, make, auth, monkeypatch):
    from app.applications import listing

    company = make.company("acme")
    job = make.job(company)
    _add(company, job, 12)
    auth.login(f"admin@{company.slug}.test")
    assert "12 applications" in client.get("/admin/applications").get_data(as_text=True)
    monkeypatch.setattr(listing, "COUNT_CAP", 5)
    first = client.get("/admin/applications?per_page=10").get_data(as_text=True)
    assert "More than 5 applications" in first and "12 applications" not in first and "Page 1</span>" in first
    second = client.get(_link(first, "next")).get_data(as_text=True)
    assert "More than" in second and "Page 2</span>" in second
    assert listing.COUNT_CAP == 5


def _header_links(body: str) -> dict[str, str]:
    head = body.split("</thead>")[0]
    return {m.group(2).strip(): html.unescape(m.group(1))
            for m in re.finditer(r'<a href="([^"]+)" hx-get="[^"]+"[^>]*>([^<]+)', head)}


def test_the_first_click_on_a_column_header_sorts_ascending(client, listed):
    company, *_ = listed
    links = _header_links(client.get("/admin/applications").get_data(as_text=True))
    assert "sort=candidate" in links["Candidate"] and "dir=asc" in links["Candidate"]
    assert "sort=job" in links["Job"] and "dir=asc" in links["Job"]
    # The sorted column (Applied, newest first) turns round on a click: oldest first.
    assert "dir=asc" in links["Applied"]
    by_name = client.get(links["Candidate"] + "&per_page=100").get_data(as_text=True)
    assert _ids(by_name) == _expected(company.id, SORTS["candidate"], False)
    assert 'aria-sort="ascending"' in by_name
    # Now sorted by it, ascending: the next click turns it round.
    again = _header_links(by_name)["Candidate"]
    assert "sort=candidate" in again and "dir=asc" not in again  # descending is the default dir


def _sql(fn) -> list[tuple[str, object]]:
    from sqlalchemy import event

    seen: list[tuple[str, object]] = []

    def before(conn, cursor, statement, parameters, *args):
        seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        fn()
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
    return [(s, p) for s, p in seen if s.lstrip().upper().startswith("SELECT")]


def test_a_later_page_reads_from_its_position_without_offset_or_count(client, listed):
    first_body: list[str] = []
    client.get("/admin/applications?per_page=10")  # warm
    first = _sql(lambda: first_body.append(client.get("/admin/applications?per_page=10").get_data(as_text=True)))
    second_url = _link(first_body[0], "next")
    client.get(second_url)  # warm
    later = _sql(lambda: client.get(second_url))
    # SQLite writes "LIMIT ? OFFSET ?" for every LIMIT: the offset must be 0 (PostgreSQL: no OFFSET at all).
    offsets = [params[-1] for statement, params in first + later if "OFFSET" in statement.upper()]
    assert all(offset == 0 for offset in offsets), offsets
    # the list's own count (the bell's rides in the same statement: a count of notifications)
    counts = [s for s, _ in first if s.lower().count("count(*)") > s.lower().count("from notifications")]
    assert len(counts) == 1, counts
    assert not [s for s, _ in later if s.lower().count("count(*)") > s.lower().count("from notifications")]
    assert len(later) == len(first)  # the count rode in the page's statement


def test_a_page_statement_is_built_once_and_each_company_sees_its_own_rows(client, listed, make, auth):
    """The page's statement is built once per shape and process (``listing._page_statement``),
    the company's id and the position bound per request: another company's admin paging the
    same list through it sees their own rows and count, forward and back."""
    from app.applications import listing

    company, *_ = listed
    ours, _ = _walk(client, "/admin/applications?per_page=10")
    assert [i for p in ours for i in p] == _expected(company.id, SORTS["applied"], True)
    theirs = make.company("other")
    _add(theirs, make.job(theirs, title="Elsewhere"), 12, start=500)
    auth.logout()
    auth.login(f"admin@{theirs.slug}.test")
    built = listing._page_statement.cache_info().misses
    pages, bodies = _walk(client, "/admin/applications?per_page=10")
    assert listing._page_statement.cache_info().misses == built  # the first page's shape and the next one's
    assert [i for p in pages for i in p] == _expected(theirs.id, SORTS["applied"], True)
    assert "12 applications" in bodies[0] and "Page 2 of 2" in bodies[1]
    assert _ids(client.get(_link(bodies[1], "prev")).get_data(as_text=True)) == pages[0]


def test_a_role_that_narrows_the_list_never_reads_through_a_shared_statement(client, listed, make, auth):
    """A hiring manager's list is narrowed to their teams' jobs (``access.filters``, per user):
    built per request, not taken from the statements the company's admin filled, and not
    left among them."""
    company, job, other = listed
    Application = _models()[0]
    manager = make.user(company, role="hiring_manager", email="hm@acme.test")
    mine = make.job(company, "Manager's job", team=[manager])
    _add(company, mine, 4, start=200)
    admin_first, _ = _walk(client, "/admin/applications?per_page=10")
    assert len([i for p in admin_first for i in p]) == 27
    auth.logout()
    auth.login("hm@acme.test")
    pages, bodies = _walk(client, "/admin/applications?per_page=10")
    assert [i for p in pages for i in p] == _expected(company.id, SORTS["applied"], True,
                                                      [Application.job_id == mine.id, Application.status == "open"])
    assert "4 applications" in bodies[0]
    auth.logout()
    auth.login(f"admin@{company.slug}.test")
    assert _walk(client, "/admin/applications?per_page=10")[0] == admin_first


def test_finished_bulk_actions_leave_the_list_when_their_time_is_up(client, listed):
    """"Any bulk actions to show?" rides in the page's statement, which is built once: the time
    it compares with is asked at each request (a ``bindparam`` with a ``callable_``)."""
    from freezegun import freeze_time

    from app.applications.models import BulkAction
    from app.bulk.services import SHOW_FINISHED
    from app.clock import utcnow

    company, *_ = listed
    now = utcnow()
    db.session.add(BulkAction(company_id=company.id, action="tag_add", status="finished", total=1, done=1,
                              finished_at=now))
    db.session.commit()
    with freeze_time(now + SHOW_FINISHED / 2):
        assert "Adding a tag" in client.get("/admin/applications").get_data(as_text=True)
    with freeze_time(now + SHOW_FINISHED * 2):
        assert "Adding a tag" not in client.get("/admin/applications").get_data(as_text=True)


def test_the_job_menu_follows_its_jobs_whoever_changed_them(client, listed, make):
    """The filter menus' options are rendered once per content (``app.admin.listing.menu_options``):
    a job renamed or added by a plain UPDATE/INSERT (as another web process or a worker would,
    with no hook in this one) shows on the next page, and the chosen job is the selected one."""
    from sqlalchemy import update

    from app.jobs.models import Job

    company, job, other = listed
    first = client.get("/admin/applications").get_data(as_text=True)
    # by title
    assert f'<option value="{other.id}" >Analyst</option><option value="{job.id}" >Backend developer</option>' in first
    db.session.execute(update(Job).where(Job.id == other.id).values(title="Zoologist <senior>"))
    db.session.commit()
    added = make.job(company, title="Accountant")
    body = client.get("/admin/applications").get_data(as_text=True)
    assert (f'<option value="{added.id}" >Accountant</option><option value="{job.id}" >Backend developer</option>'
            f'<option value="{other.id}" >Zoologist &lt;senior&gt;</option>') in body
    chosen = client.get(f"/admin/applications?job={other.id}&stage=Interview").get_data(as_text=True)
    assert f'<option value="{other.id}" selected>Zoologist &lt;senior&gt;</option>' in chosen
    assert f'<option value="{job.id}" >Backend developer</option>' in chosen
    assert '<option value="Interview" selected>Interview</option><option value="New" >New</option>' in chosen



@pytest.mark.parametrize(("url", "limit", "status"), [("/admin/applications", 51, "= 'open'"),
                                                      ("/admin/applications?status=closed&per_page=10", 11, "= 'closed'"),
                                                      ("/admin/applications?status=all&per_page=25", 26, "IN ('open', 'closed')")])
def test_the_page_statement_carries_its_limits_and_status_as_text(client, listed, url, limit, status):
    """The page statement's LIMITs (the page's and the count's) and its status are written into
    its text, not sent as parameters (``listing._limit``, ``_STATUS``): with them as parameters
    PostgreSQL's generic plan of the prepared statement guessed a LIMIT of a tenth of the table
    and cost more than a custom plan, so it was planned again on every execution (on the bench's
    100,000 applications: 0 generic plans in 25 executions; now every one after the first 5)."""
    client.get(url)  # warm
    statements = _sql(lambda: client.get(url))
    page = [s for s, _params in statements if "page_keys" in s]
    assert len(page) == 1, statements
    text = " ".join(page[0].split())
    assert f"LIMIT {limit}" in text and f"applications.status {status}" in text, text
    if "status=all" not in url:
        assert "LIMIT 1001" in text, text  # the first page's capped count (COUNT_CAP + 1)
