"""The pipeline board shows the first N chips of each column with the column's count, and
"Show more" fetches the next N of that column on demand (keyset, htmx) or, without
JavaScript, as a page of its own (issue 15 item 2)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest

from app.applications import board as board_queries
from app.applications.models import Application
from app.clock import utcnow
from app.extensions import db
from tests.support.html import fragment_root

HX = {"HX-Request": "true"}
T0 = datetime(2026, 11, 2, 9, 30)


@pytest.fixture
def per_stage(monkeypatch):
    monkeypatch.setattr(board_queries, "PER_STAGE", 3)
    return 3


@pytest.fixture
def column(make, auth, per_stage):
    """Eight applications in the first stage of a job, entered at known times (two pairs share
    a time, so the keyset's tie on the id is exercised), newest first: a8, a7, …, a1."""
    company = make.company("acme")
    job = make.job(company)
    apps = [make.application(job, email=f"c{i}@example.com", given=f"Cand{i}", family="Board") for i in range(1, 9)]
    minutes = [0, 1, 2, 2, 3, 4, 4, 5]  # a3/a4 and a6/a7 entered at the same moment
    for app_, minute in zip(apps, minutes, strict=True):
        app_.stage_entered_at = T0 + timedelta(minutes=minute)
    db.session.commit()
    auth.login("admin@acme.test")
    newest_first = sorted(apps, key=lambda a: (a.stage_entered_at, a.id), reverse=True)
    return job, job.stages[0], [a.id for a in newest_first]


def _chip_ids(body: str) -> list[int]:
    return [int(x) for x in re.findall(r'<li class="chip" id="chip-(\d+)"', body)]


def _more_url(body: str) -> str | None:
    match = re.search(r'<a class="board-more" href="([^"]+)" hx-get="([^"]+)"', body)
    if match is None:
        return None
    assert match.group(1) == match.group(2)  # the same link with and without JavaScript
    return match.group(1).replace("&amp;", "&")


def _stage_section(body: str, stage_id: int) -> str:
    start = body.index(f'id="stage-{stage_id}"')
    return body[start:body.index("</section>", start)]


def test_the_board_shows_the_first_chips_the_count_and_show_more(client, column):
    job, stage, ids = column
    body = client.get(f"/admin/jobs/{job.id}").get_data(as_text=True)
    section = _stage_section(body, stage.id)
    assert _chip_ids(section) == ids[:3]
    assert '<span class="count">8</span>' in section
    assert "Show more (3 more)" in section
    assert _more_url(section).startswith(f"/admin/jobs/{job.id}/stages/{stage.id}?after=")
    empty = _stage_section(body, job.stages[1].id)
    assert "Nobody here" in empty and '<span class="count">0</span>' in empty and "board-more" not in empty


def test_show_more_walks_the_column_to_its_end_without_duplicates(client, column):
    job, stage, ids = column
    url = _more_url(_stage_section(client.get(f"/admin/jobs/{job.id}").get_data(as_text=True), stage.id))
    seen, labels = ids[:3], []
    while url:
        resp = client.get(url, headers=HX)
        body = resp.get_data(as_text=True)
        assert resp.status_code == 200 and "<html" not in body
        seen += _chip_ids(body)
        labels += re.findall(r"Show more \((\d+) more\)", body)
        url = _more_url(body)
    assert seen == ids  # every chip once, in the column's order
    assert labels == ["2"]  # 8 = 3 + 3 + 2: the board said 3 more, the first chunk says the last 2


def test_show_more_fragment_replaces_itself_and_keeps_the_move_select(client, column):
    job, stage, ids = column
    section = _stage_section(client.get(f"/admin/jobs/{job.id}").get_data(as_text=True), stage.id)
    item = re.search(r'<li class="board-more-item">.*?</li>', section, re.DOTALL).group(0)
    assert 'hx-target="closest li"' in item and 'hx-swap="outerHTML"' in item
    body = client.get(_more_url(section), headers=HX).get_data(as_text=True)
    root = fragment_root(f"<ul>{body}</ul>")
    chip = root.xpath(f'.//li[@id="chip-{ids[3]}"]')[0]
    form = chip.xpath(".//form")[0]
    assert form.get("action") == f"/admin/applications/{ids[3]}/stage" == form.get("hx-post")
    assert form.xpath('.//input[@name="csrf_token"]') and form.xpath('.//input[@name="next"]')[0].get("value") \
        == f"/admin/jobs/{job.id}"
    options = form.xpath(".//select/option")
    assert [int(o.get("value")) for o in options] == [s.id for s in job.stages]
    assert [o.get("value") for o in options if o.get("selected") is not None] == [str(stage.id)]
    assert "Cand" in chip.text_content() and "Careers page" in chip.text_content()


def test_show_more_without_javascript_is_a_page_of_the_next_chips(client, column):
    job, stage, ids = column
    url = _more_url(_stage_section(client.get(f"/admin/jobs/{job.id}").get_data(as_text=True), stage.id))
    page = client.get(url)
    body = page.get_data(as_text=True)
    assert page.status_code == 200 and "<html" in body
    assert _chip_ids(body) == ids[3:6]
    assert "8 applications in New" in body and f'href="/admin/jobs/{job.id}"' in body  # back to the board
    last = client.get(_more_url(body)).get_data(as_text=True)
    assert _chip_ids(last) == ids[6:] and _more_url(last) is None
    # The column's own page from its start, and past its end.
    assert _chip_ids(client.get(f"/admin/jobs/{job.id}/stages/{stage.id}").get_data(as_text=True)) == ids[:3]
    oldest = db.session.get(Application, ids[-1])
    past = f"/admin/jobs/{job.id}/stages/{stage.id}?after={board_queries.Cursor.of(oldest).token()}"
    assert "No more applications in this stage." in client.get(past).get_data(as_text=True)


def test_moving_a_chip_after_show_more_updates_both_columns(client, column):
    job, stage, ids = column
    target = job.stages[2]
    resp = client.post(f"/admin/applications/{ids[4]}/stage", headers=HX,
                       data={"stage_id": target.id, "view": "board", "next": f"/admin/jobs/{job.id}"})
    body = resp.get_data(as_text=True)
    assert resp.status_code == 200
    left, entered = _stage_section(body, stage.id), _stage_section(body, target.id)
    assert '<span class="count">7</span>' in left and _chip_ids(left) == ids[:3] and "Show more (3 more)" in left
    assert '<span class="count">1</span>' in entered and _chip_ids(entered) == [ids[4]]
    # The moved chip is no longer in its old column's next chunk.
    rest = []
    url = _more_url(left)
    while url:
        chunk = client.get(url, headers=HX).get_data(as_text=True)
        rest += _chip_ids(chunk)
        url = _more_url(chunk)
    assert rest == [i for i in ids[3:] if i != ids[4]]


def test_an_application_without_a_stage_entry_time_is_still_shown_once(client, column):
    job, stage, ids = column
    odd = db.session.get(Application, ids[5])
    odd.stage_entered_at = None
    db.session.commit()
    seen = []
    url = f"/admin/jobs/{job.id}/stages/{stage.id}"
    while url:
        chunk = client.get(url, headers=HX).get_data(as_text=True)
        seen += _chip_ids(chunk)
        url = _more_url(chunk)
    assert seen == [ids[5]] + [i for i in ids if i != ids[5]]  # no entry time sorts first


@pytest.mark.parametrize("after", ["garbage", "2026-13-01T00:00:00_5", "_x", "2026-11-02T09:30:00+02:00_5",
                                   "9" * 30])
def test_a_broken_show_more_link_is_a_clear_400(client, column, after):
    job, stage, _ids = column
    resp = client.get(f"/admin/jobs/{job.id}/stages/{stage.id}", query_string={"after": after})
    assert resp.status_code == 400
    assert "This “Show more” link is not valid." in resp.get_data(as_text=True)


def test_show_more_respects_the_tenant_and_the_job(client, column, make, auth):
    job, stage, _ids = column
    other_job = make.job(job.company, title="Other job")
    # A stage of another job of the same company is not this job's column.
    assert client.get(f"/admin/jobs/{job.id}/stages/{other_job.stages[0].id}").status_code == 404
    assert client.get(f"/admin/jobs/{other_job.id}/stages/{stage.id}").status_code == 404
    url = f"/admin/jobs/{job.id}/stages/{stage.id}"
    bravo = make.company("bravo")
    make.application(make.job(bravo, title="Bravo job"), email="b@example.com")
    auth.logout()
    auth.login("admin@bravo.test")
    assert client.get(url).status_code == 404 and client.get(url, headers=HX).status_code == 404
    # A recruiter of the company may look (recruiters see every job of their company).
    recruiter = make.user(job.company, role="recruiter")
    auth.logout()
    auth.login(recruiter.email)
    assert _chip_ids(client.get(url, headers=HX).get_data(as_text=True))
    auth.logout()
    anonymous = client.get(url)
    assert anonymous.status_code in (302, 401) and "Cand" not in anonymous.get_data(as_text=True)


def test_a_job_without_applications_shows_empty_columns(client, make, auth):
    company = make.company("acme")
    job = make.job(company)
    auth.login("admin@acme.test")
    body = client.get(f"/admin/jobs/{job.id}").get_data(as_text=True)
    assert body.count("Nobody here") == len(job.stages) and "board-more" not in body
    assert body.count('<span class="count">0</span>') == len(job.stages)


def test_a_board_move_answers_both_columns_counts_and_the_bell_out_of_band(client, column):
    """The drag-and-drop and the chip's select post the same form: one answer with both columns
    (their counts) and the bell, each marked to swap out of band, and no fragment of its own."""
    job, stage, ids = column
    target = job.stages[1]
    resp = client.post(f"/admin/applications/{ids[0]}/stage", headers=HX,
                       data={"stage_id": target.id, "view": "board", "next": f"/admin/jobs/{job.id}"})
    body = resp.get_data(as_text=True)
    assert resp.status_code == 200 and resp.headers.get("HX-Reswap") in (None, "none")
    swapped = set(re.findall(r'<\w+ [^>]*?id="([^"]+)"[^>]*? hx-swap-oob="true"', body))
    assert swapped == {f"stage-{stage.id}", f"stage-{target.id}", "notif-badge"}
    assert '<span class="count">7</span>' in _stage_section(body, stage.id)
    assert '<span class="count">1</span>' in _stage_section(body, target.id)
    # Each column is a drop target naming its stage; the moved chip is new in its stage.
    entered = _stage_section(body, target.id)
    assert f'data-stage-id="{target.id}"' in entered and "New in stage today" in entered
    assert db.session.get(Application, ids[0]).stage_id == target.id


def test_a_chip_shows_days_in_stage_and_its_full_name_on_hover(client, make, auth, per_stage):
    company = make.company("acme")
    job = make.job(company)
    long_name = "Nguyễn " + "Thị Minh Khai " * 14
    app_ = make.application(job, email="long@example.com", given=long_name.strip(), family="Trần")
    app_.stage_entered_at = utcnow() - timedelta(days=20, hours=1)
    db.session.commit()
    auth.login("admin@acme.test")
    body = client.get(f"/admin/jobs/{job.id}").get_data(as_text=True)
    chip = re.search(rf'<li class="chip" id="chip-{app_.id}".*?</li>', body, re.DOTALL).group(0)
    name = re.search(r'<a class="chip-name" href="[^"]+" title="([^"]+)">([^<]+)</a>', chip)
    assert name.group(1) == name.group(2) and long_name.split()[1] in name.group(1) and len(name.group(1)) > 200
    assert "20 days in stage" in chip and "chip-stale" in chip


def test_chips_show_the_emrex_and_assessment_badges_from_the_same_query(client, make, auth, per_stage):
    """The features' badges (plugins.chip_badge) come with the chip rows: a chip with an EMREX
    summary and an assessment score shows both, one without shows neither. A feature the
    company has not on (EMREX off, no active assessment integration) adds no badge and its
    summary is not joined."""
    from app.assessments.models import AssessmentSummary
    from app.emrex.models import EmrexSummary
    from tests.support.assessments import add_integration
    from tests.support.statements import selects

    company = make.company("acme")
    job = make.job(company)
    both = make.application(job, email="both@example.com", given="Both", family="Badges")
    bare = make.application(job, email="bare@example.com", given="No", family="Badges")
    waiting = make.application(job, email="wait@example.com", given="Waiting", family="Test")
    db.session.add_all([
        EmrexSummary(application_id=both.id, company_id=company.id, status="completed"),
        AssessmentSummary(application_id=both.id, company_id=company.id, status="complete", score=42.0,
                          max_score=50.0),
        AssessmentSummary(application_id=waiting.id, company_id=company.id, status="invited"),
    ])
    db.session.commit()
    auth.login("admin@acme.test")
    pages: list[str] = []
    off = selects(lambda: pages.append(client.get(f"/admin/jobs/{job.id}").get_data(as_text=True)))
    assert "chip-badge" not in pages[0]
    assert not any("emrex_summaries" in sql or "assessment_summaries" in sql for sql in off)

    company.emrex_enabled = True
    db.session.commit()
    add_integration(company)
    body = client.get(f"/admin/jobs/{job.id}").get_data(as_text=True)

    def chip(app_id):
        return re.search(rf'<li class="chip" id="chip-{app_id}".*?</li>', body, re.DOTALL).group(0)

    assert "EMREX: Records received" in chip(both.id) and "Assessment: 42 / 50" in chip(both.id)
    assert "chip-badge" not in chip(bare.id)
    assert "Assessment: Invited" in chip(waiting.id) and "EMREX" not in chip(waiting.id)


def test_a_board_move_keeps_the_chips_show_more_had_loaded(client, column):
    """The board tells how many chips its longest column shows (haku.js adds ``shown``): the
    re-rendered columns keep that many, in whole chunks, and their "Show more" after them."""
    job, stage, ids = column
    target = job.stages[2]
    resp = client.post(f"/admin/applications/{ids[1]}/stage", headers=HX,
                       data={"stage_id": target.id, "view": "board", "next": f"/admin/jobs/{job.id}", "shown": "6"})
    left = _stage_section(resp.get_data(as_text=True), stage.id)
    kept = [i for i in ids if i != ids[1]]
    assert _chip_ids(left) == kept[:6]
    assert "Show more (1 more)" in left
    rest = client.get(_more_url(left), headers=HX).get_data(as_text=True)
    assert _chip_ids(rest) == kept[6:] and _more_url(rest) is None


@pytest.mark.parametrize("shown", ["0", "-5", "x", "99999999"])
def test_a_board_move_with_an_odd_shown_count_stays_bounded(client, column, shown):
    job, stage, ids = column
    resp = client.post(f"/admin/applications/{ids[0]}/stage", headers=HX,
                       data={"stage_id": job.stages[1].id, "view": "board", "next": f"/admin/jobs/{job.id}",
                             "shown": shown})
    left = _stage_section(resp.get_data(as_text=True), stage.id)
    assert resp.status_code == 200
    assert len(_chip_ids(left)) == (7 if shown == "99999999" else 3)


def test_chips_show_their_tags_read_for_the_whole_page_at_once(client, make, auth, per_stage):
    """Issue 16 item 3: the board's chips show their company tags (colour and name, the full
    name on hover); one statement reads the tags of every chip on the page, and a chip
    without tags shows none. "Show more" chips carry theirs too."""
    from app.applications import tags
    from tests.support.statements import selects

    company = make.company("acme")
    job = make.job(company)
    admin = make.admin_of(company)
    tagged, plain = make.application(job, email="t@example.com"), make.application(job, email="p@example.com")
    senior = tags.create_tag(company.id, "Senior " + "x" * 50, "blue", admin)
    tags.add_to_application(tagged, admin, tag_id=senior.id)
    tags.add_to_application(tagged, admin, name="Relocating")
    auth.login("admin@acme.test")
    out = []
    seen = selects(lambda: out.append(client.get(f"/admin/jobs/{job.id}").get_data(as_text=True)))
    body = out[0]
    chip = re.search(rf'<li class="chip" id="chip-{tagged.id}".*?</li>', body, re.DOTALL).group(0)
    other = re.search(rf'<li class="chip" id="chip-{plain.id}".*?</li>', body, re.DOTALL).group(0)
    assert re.findall(r'<span class="tag-name" title="([^"]+)">', chip) == ["Relocating", senior.name]
    assert 'class="tag tag-blue"' in chip and "chip-tags" not in other
    assert sum("application_tags" in s for s in seen) == 1


def test_a_chip_names_its_share_link_as_the_list_does(client, make, auth, per_stage):
    """A chip's source is the one the applications list shows: an application that came
    through a share link reads as the link's name ("LinkedIn"), on the board and in "Show
    more"; the others as their source; a link since deleted as "Share link"."""
    from app.applications import share_links

    company = make.company("acme")
    job = make.job(company)
    admin = make.admin_of(company)
    linkedin = share_links.create_link(job, "LinkedIn", admin)
    apps = [make.application(job, email=f"s{i}@example.com") for i in range(5)]
    for minute, app_ in enumerate(apps):
        app_.stage_entered_at = utcnow() - timedelta(minutes=minute)
    for app_ in (apps[0], apps[4]):  # the first chip and one "Show more" brings
        app_.source, app_.source_link_id = "link", linkedin.id
    apps[1].source, apps[1].source_link_id = "link", None  # its link deleted (SET NULL)
    db.session.commit()
    auth.login("admin@acme.test")

    def meta(body, app_id):
        chip = re.search(rf'<li class="chip" id="chip-{app_id}".*?</li>', body, re.DOTALL).group(0)
        return re.search(r'<span class="chip-meta">([^<]*)', chip).group(1).strip(" ·")

    body = client.get(f"/admin/jobs/{job.id}").get_data(as_text=True)
    assert [meta(body, a.id) for a in apps[:3]] == ["LinkedIn", "Share link", "Careers page"]
    more = client.get(_more_url(body), headers=HX).get_data(as_text=True)
    assert [meta(more, a.id) for a in apps[3:]] == ["Careers page", "LinkedIn"]
    listing = client.get(f"/admin/applications?job={job.id}").get_data(as_text=True)
    assert listing.count(">LinkedIn<") == 2


def test_the_boards_job_has_the_company_it_was_given_and_no_other_companys_job(make):
    """``jobs.queries.for_board`` is given the company (the signed-in user's): the job's
    ``company`` is that object, read without a statement (as are the owner, the team and the
    stages the board shows); another company's job is None."""
    from app.accounts.models import Company
    from app.jobs.queries import for_board
    from tests.support.statements import statements

    acme, other = make.company("acme"), make.company("other")
    job, theirs = make.job(acme, team=[make.admin_of(acme)]), make.job(other)
    ids = acme.id, job.id, theirs.id
    db.session.commit()
    db.session.expunge_all()
    company = db.session.get(Company, ids[0])
    loaded = []
    seen = statements(lambda: loaded.append(for_board(company, ids[1])))
    job = loaded[0]
    assert len(seen) == 1
    assert statements(lambda: (job.company.slug, job.owner, [u.name for u in job.team],
                               [s.name for s in job.stages], job.title, job.is_open)) == []
    assert job.company is company and [u.name for u in job.team] == ["Admin acme"]
    assert for_board(company, ids[2]) is None
