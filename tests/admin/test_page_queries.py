"""The dashboard and the application card cost a fixed number of statements however many
jobs and applications there are (issue 15 item 2: no lazy loads, no counting of rows the
page does not show)."""

from __future__ import annotations

import pytest

from app.extensions import db
from tests.support.statements import selects as _statements


@pytest.fixture
def company(make, auth):
    co = make.company("acme")
    auth.login(f"admin@{co.slug}.test")
    return co


def test_the_dashboard_does_not_grow_with_jobs_or_applications(client, make, company):
    job = make.job(company, title="First")
    make.application(job)
    small = _statements(lambda: client.get("/admin/"))
    for n in range(12):
        other = make.job(company, title=f"Job {n}")
        for _ in range(2):
            make.application(other)
    from app.applications.models import Application

    # One application waits in the Pending pool (no job).
    waiting = make.application(job)
    waiting.status, waiting.job_id, waiting.stage_id = "pending", None, None
    db.session.commit()
    body: list[str] = []
    large = _statements(lambda: body.append(client.get("/admin/").get_data(as_text=True)))
    assert len(large) == len(small), large
    assert db.session.query(Application).count() == 26
    # The stat counts every open application (25), not only those of the ten jobs listed.
    assert '<strong>25</strong><span>open applications' in body[0]
    assert '<strong>1</strong><span>in the Pending pool' in body[0]
    assert body[0].count(" open</span>") == 10 and "2 open</span>" in body[0]


def test_the_card_does_not_lazy_load(client, make, company):
    job = make.job(company)
    application = make.application(job)
    url = f"/admin/applications/{application.id}"
    db.session.expire_all()
    body: list[str] = []
    statements = _statements(lambda: body.append(client.get(url).get_data(as_text=True)))
    assert "Aino Virtanen" in body[0] and "Backend developer" in body[0] and "cv.pdf" in body[0]
    # The candidate, the job, its stages and the CV file come with the application (lazy loads
    # would be one SELECT of each table by itself; the card's statement names the candidate's
    # columns first, FROM applications).
    lazy = [s for s in statements if s.lstrip().startswith(("SELECT candidates.", "SELECT jobs.", "SELECT stages.id",
                                                            "SELECT stored_files.")) and "FROM applications" not in s]
    assert not lazy, lazy
    # The job ad's text and fields and a pending application's data are not the card's: its
    # statement leaves them out (and nothing reads them afterwards: no lazy load above).
    card = next(s for s in statements if "FROM applications" in s and "candidates.given_names" in s)
    assert "jobs_1.title" in card and ".description" not in card and ".salary_min" not in card
    assert "applications.pending_data" not in card and "applications.cover_letter" in card


def test_the_cards_timeline_reads_its_actors_names_only(client, auth, make, company):
    """The timeline names each event's actor; of them it reads the name (not their password
    hash, settings or preferences), and a colleague's note shows under their name."""
    job = make.job(company)
    application = make.application(job)
    colleague = make.user(company, role="recruiter", email="ann@acme.test")
    colleague.name = "Ann Colleague"
    db.session.commit()
    auth.logout()
    auth.login("ann@acme.test")
    url = f"/admin/applications/{application.id}"
    assert client.post(f"{url}/notes", data={"text": "Strong SQL"}).status_code == 302
    auth.logout()
    auth.login("admin@acme.test")
    db.session.expire_all()
    body: list[str] = []
    statements = _statements(lambda: body.append(client.get(url).get_data(as_text=True)))
    assert "Note: Strong SQL" in body[0] and "— Ann Colleague" in body[0]
    if db.engine.dialect.name == "postgresql":  # one JSON array column of the card's statement
        (card,) = [s for s in statements if "FROM timeline_events" in s]
        read = card[card.index("json_agg("):card.index("ORDER BY", card.index("json_agg("))]
        assert "users.name" in read and "password_hash" not in read and "users.email" not in read, read
        return
    timeline = [s for s in statements if s.lstrip().startswith("SELECT timeline_events.")]
    assert len(timeline) == 1 and ".name" in timeline[0] and "password_hash" not in timeline[0], timeline


def test_the_card_carries_its_timeline_on_postgresql(client, auth, make, company):
    """On PostgreSQL the card's statement carries the timeline (one JSON array, newest first,
    each line with its actor's name; the kinds a feature shows in its own panel left out): no
    statement of its own. The lines are those the timeline's own statement reads (the answer
    to a note, and SQLite's card): the same HTML."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite reads the timeline with a statement of its own")
    from datetime import datetime, timedelta

    from app.applications.models import TimelineEvent

    job = make.job(company)
    application = make.application(job)
    colleague = make.user(company, role="recruiter", email="ann@acme.test")
    colleague.name = "Ann \"Colleague\" <Å>"
    at = datetime(2026, 12, 7, 9, 30, 15, 120000)
    db.session.add_all([
        TimelineEvent(company_id=company.id, application_id=application.id, kind="note", actor_id=colleague.id,
                      data={"text": "Strong SQL, “quoted” & <b>bold</b> ✓"}, created_at=at),
        TimelineEvent(company_id=company.id, application_id=application.id, kind="note", actor_id=None,
                      data={"text": "no actor"}, created_at=at),  # same time: the newer id first
        TimelineEvent(company_id=company.id, application_id=application.id, kind="assessment_log",
                      data={"line": "a vendor's log line"}, created_at=at + timedelta(seconds=1)),
        TimelineEvent(company_id=company.id, application_id=application.id, kind="stage_entered",
                      data={"stage": "Interview", "cause": "automation"}, created_at=at - timedelta(days=1)),
    ])
    db.session.commit()
    url = f"/admin/applications/{application.id}"
    client.get(url)
    db.session.expire_all()
    body: list[str] = []
    statements = _statements(lambda: body.append(client.get(url).get_data(as_text=True)))
    assert not [s for s in statements if s.lstrip().startswith("SELECT timeline_events.")], statements
    assert len([s for s in statements if "FROM timeline_events" in s]) == 1, statements
    page = body[0]
    card_lines = page[page.index('<ol class="timeline">'):page.index("</ol>", page.index('<ol class="timeline">'))]
    assert "a vendor&#39;s log line" not in card_lines and "vendor" not in card_lines
    assert card_lines.index("no actor") < card_lines.index("Strong SQL") < card_lines.index("Entered Interview")
    assert "— Ann &#34;Colleague&#34; &lt;Å&gt;" in card_lines and "by an automation" in card_lines
    assert 'datetime="2026-12-07T09:30:15.120000"' in card_lines
    # The timeline's own statement (a note's answer) renders the same lines.
    answer = client.post(f"{url}/notes", data={"text": ""}, headers={"HX-Request": "true"}).get_data(as_text=True)
    own = answer[answer.index('<ol class="timeline">'):answer.index("</ol>", answer.index('<ol class="timeline">'))]
    assert own == card_lines


def test_the_card_carries_its_tags_and_stages_on_postgresql(client, make, company):
    """On PostgreSQL the card's statement carries the application's tags and its job's stages as
    values (JSON arrays) instead of joining them as entities: one row per card, not the job's
    stages × the tags, and no statement of their own. The tags panel, the stage select and
    "Reject…" show what the entities show (a tag's answer and a stage move's answer read them)."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite joins the stages and tags")
    from app.applications import tags

    job = make.job(company)
    application = make.application(job)
    admin = make.admin_of(company)
    for name, colour in (("Senior", "blue"), ("Ärrä & <b>", "green"), ("alpha", "red")):
        tags.add_to_application(application, admin, tag_id=tags.create_tag(company.id, name, colour, admin).id)
    url = f"/admin/applications/{application.id}"
    client.get(url)
    db.session.expire_all()
    body: list[str] = []
    statements = _statements(lambda: body.append(client.get(url).get_data(as_text=True)))
    card = next(s for s in statements if "FROM applications" in s and "candidates.given_names" in s)
    assert "JOIN (application_tags" not in card and "JOIN stages AS stages_2" not in card, card
    # (the company's tags for the picker are a statement of their own, as before)
    assert not [s for s in statements if s.lstrip().startswith("SELECT stages.") or
                (s.lstrip().startswith("SELECT tags.") and "application_tags" in s)], statements
    page = body[0]

    def part(html, start, end):
        at = html.index(start)
        return html[at:html.index(end, at)]

    panel = part(page, '<ul class="tag-list">', "</ul>")
    assert panel.index("alpha") < panel.index("Senior") and "Ärrä &amp; &lt;b&gt;" in panel, panel
    assert "tag-blue" in panel and "tag-green" in panel and "Reject…" in page
    # the same panel from the entities: tagging again changes nothing and answers with it
    answer = client.post(f"{url}/tags", data={"name": "alpha"}, headers={"HX-Request": "true"}).get_data(as_text=True)
    assert part(answer, '<ul class="tag-list">', "</ul>") == panel
    # the same select from the entities: a stage move answers with the card
    target = job.stages[2].id
    answer = client.post(f"{url}/stage", data={"stage_id": target}, headers={"HX-Request": "true"}).get_data(as_text=True)
    select = part(answer, '<select name="stage_id"', "</select>")
    assert f'<option value="{target}" selected>' in select and select.count("<option") == len(job.stages)
    assert part(client.get(url).get_data(as_text=True), '<select name="stage_id"', "</select>") == select


def test_the_board_does_not_grow_with_applications(client, make, company, monkeypatch):
    """The board reads the first chips of every stage in one statement and the counts in
    another, whatever the number of applications (old code: a ranked self-join of every
    application of the job, ORM entities with their candidates)."""
    from app.applications import board

    monkeypatch.setattr(board, "PER_STAGE", 2)
    job = make.job(company)
    make.application(job)
    url = f"/admin/jobs/{job.id}"
    client.get(url)  # warm (templates, mappers)
    db.session.expire_all()
    small = _statements(lambda: client.get(url))
    for n in range(5):
        make.application(job, email=f"more{n}@example.com")
    moved = make.application(job, email="moved@example.com")
    client.post(f"/admin/applications/{moved.id}/stage", data={"stage_id": job.stages[1].id})
    db.session.expire_all()
    body: list[str] = []
    large = _statements(lambda: body.append(client.get(url).get_data(as_text=True)))
    assert len(large) == len(small), large
    assert body[0].count('class="chip"') == 3 and '<span class="count">6</span>' in body[0]
    # Rows of the columns a chip shows, no entities (an entity load reads every column).
    entities = [s for s in large if "candidates.email" in s or "applications.cover_letter" in s]
    assert not entities, entities
    # "Show more" is two statements past the job and its stages (the chunk and what is left).
    more = _statements(lambda: client.get(f"{url}/stages/{job.stages[0].id}", headers={"HX-Request": "true"}))
    assert len([s for s in more if "FROM applications" in s]) == 2, more


def test_every_recruiter_page_loads_the_user_once_and_counts_the_bell_once(client, make, company):
    """The fixed part of a page is two statements (issue 15, branch base15): the user with their
    company and two-factor record, and the bell's count, asked once however many templates the
    page renders. The totals are today's; a new statement on these pages should be a decision.
    Session 22 added the card's tags and conversation panels and the list's bulk chooser;
    session 23 (issue 15, branch list15): the chooser's options are read when it opens and
    the rejection reasons' defaults are made with the company, so the list is 8 (its own
    6 plus the running bulk actions); the card reads its tags with the application and the
    candidate's applications once for the "other applications" list and the duplicates
    panel: 15 → 13. Issue 17 adds three to the card: its scorecards with their authors (the
    anti-anchoring rule is read from them), the interviews panel's list and the "Asked to
    review" panel (who is asked and who could be); the list and the board read the scores in
    their one query. The board's bulk bar (branch bulk16b) is on the page with its choices
    (reasons, templates, tags, running bulk actions): +5, to be loaded when opened as the
    list's is; and +1 for the chips' tags (one statement for the page's chips). Session 24
    (issue 15, branch card15): the panel-read protocol (app/plugins.py ``card_panel(reads=)``)
    asks every panel whether it has rows in the card's own statement, which carries the bell's
    count too (so it is still counted once): the card is 16 → 5 — the user, the card's
    statement, the timeline, the one panel with rows here (the conversation's confirmation
    email) and "Asked to review"'s people. Issue 18 item 5 (branch source18): the list's source
    filter offers each share link of the company (one small statement, whatever the number of
    rows): list 8 → 9. The screening answers panel (branch screen18) asks whether there are
    answers in the card's statement too. Session 24 (issue 15, branch board15c): the board's
    bulk chooser is read when it is opened, as the list's (``bulk/choices?job=``), and the
    job's statement asks the bell, "any tags?", "assessments active?" and "any bulk actions to
    show?" (``applications.board.board_job``; the chips' tags and the bulk actions are read
    only when there are some), and each stage's count rides in the chips statement: 12 → 3 —
    the user, the job, the chips. Session 25 (issue 15, branch floor15b): the bell's count rides
    in the user's statement on every page that draws the bell (not in the card's or the
    board's): dashboard 5 → 4, notifications 3 → 2, the bare page 2 → 1; with branch list15c
    (the page's rows, count and "any bulk actions?" in one statement, the filter menus in
    another) the list is 9 → 3: the user, the page, the menus. Session 27 (issue 15, branch
    card15e): "Asked to review" reads the company's people when its picker is opened, and the
    card's statement asks whether anyone is asked and whether anyone could be: the card 5 → 4.
    Session 29 (issue 15, branch list17): the filter menus are kept per web process under the
    company's menus version, which the page's statement reads: the list 3 → 2 while nothing
    the menus show changes (tests/applications/test_list_menus.py)."""
    job = make.job(company)
    application = make.application(job)
    card = 3 if db.engine.dialect.name == "postgresql" else 4  # PostgreSQL: the timeline in the card's statement
    expected = {"/admin/": 4, f"/admin/applications/{application.id}": card, "/admin/applications": 2,
                f"/admin/jobs/{job.id}": 3, "/admin/notifications": 2, "/admin/notifications/badge": 1}
    for url, total in expected.items():
        client.get(url)  # warm (templates, mappers); a GET writes nothing
        db.session.expire_all()
        statements = _statements(lambda url=url: client.get(url))
        assert len(statements) == total, (url, statements)
        assert len([s for s in statements if s.lstrip().startswith("SELECT users.")]) == 1, url
        assert "companies" in statements[0] and "user_two_factor" in statements[0], url
        assert len([s for s in statements if "FROM notifications" in s and "count(*)" in s]) == 1, url
        assert "FROM notifications" in statements[0], url  # with the user


def test_the_list_reads_plain_rows_unless_a_column_needs_the_entities(client, make, company):
    """The list's rows are one statement of the core columns' values (no ORM entities: no
    cover letter, no JSON), unless a visible column is a plugin's that reads the entities."""
    job = make.job(company)
    for i in range(3):
        make.application(job, email=f"p{i}@example.fi", given=f"Pia{i}", family="Rows")
    client.get("/admin/applications")
    db.session.expire_all()
    statements = _statements(lambda: client.get("/admin/applications"))
    rows = [s for s in statements if "candidates.display_name" in s and "page_keys" in s]
    assert len(rows) == 1 and "job_title" in rows[0], statements
    assert not [s for s in statements if "applications.cover_letter" in s or "applications.pending_data" in s]
    body = client.get("/admin/applications").get_data(as_text=True)
    assert "Pia0 Rows" in body and job.title in body
    client.post("/admin/applications/columns", data={"columns": ["candidate", "job", "emrex_status"]})
    db.session.expire_all()
    statements = _statements(lambda: client.get("/admin/applications"))
    assert [s for s in statements if "FROM applications" in s and "applications.ref" in s], statements
    assert "Pia2 Rows" in client.get("/admin/applications").get_data(as_text=True)


def test_a_card_panel_asks_its_reads_in_the_cards_own_statement(client, make, company):
    """The panel-read protocol (app/plugins.py ``card_panel(reads=...)``): a panel's reads are
    columns of the card's statement (no statement of their own) and the panel is called with
    their answers; a write's answer that shows the card again asks them in one statement."""
    from app.applications import tags
    from app.plugins import plugins

    job = make.job(company)
    application = make.application(job)
    url = f"/admin/applications/{application.id}"
    client.get(url)
    db.session.expire_all()
    without = _statements(lambda: client.get(url))
    seen: list[dict] = []

    def panel(application, found):
        seen.append(dict(found))
        return "<section id='test-panel'>read</section>"

    plugins.card_panel(panel, reads={"test.company_has_tags": tags.any_on_card})
    try:
        db.session.expire_all()
        body: list[str] = []
        with_panel = _statements(lambda: body.append(client.get(url).get_data(as_text=True)))
        assert len(with_panel) == len(without), with_panel
        assert "id='test-panel'" in body[0] and not seen[-1]["test.company_has_tags"]
        tags.create_tag(company.id, "Senior", None, make.admin_of(company))
        client.get(url)
        assert seen[-1]["test.company_has_tags"]
        # A stage move answers with the card: the reads are asked then, after the write.
        response = client.post(f"{url}/stage", data={"stage_id": job.stages[1].id}, headers={"HX-Request": "true"})
        assert response.status_code == 200 and "id='test-panel'" in response.get_data(as_text=True)
        assert seen[-1]["test.company_has_tags"]
    finally:
        plugins.card_panels.remove(panel)
        plugins.card_reads.pop(panel, None)


def test_the_board_reads_tags_and_bulk_actions_only_when_there_are_some(client, make, company):
    """The board's job statement answers "any tags?" and "any bulk actions to show?" (and the
    bell's count, kept for the layout): the chips' tags and the bulk actions are a statement
    each only when the company has some, and the page shows them then."""
    from app.applications import tags
    from app.bulk import services as bulk

    job = make.job(company)
    application = make.application(job)
    url = f"/admin/jobs/{job.id}"
    client.get(url)
    db.session.expire_all()
    bare = _statements(lambda: client.get(url))
    assert not [s for s in bare if "FROM application_tags" in s or "FROM bulk_actions" in s.split("EXISTS")[0]]
    admin = make.admin_of(company)
    senior = tags.create_tag(company.id, "Senior", "blue", admin)
    tags.add_to_application(application, admin, tag_id=senior.id)
    bulk.start(company.id, admin, "tag_add", {"tag_id": senior.id}, [application.id])
    db.session.expire_all()
    body: list[str] = []
    both = _statements(lambda: body.append(client.get(url).get_data(as_text=True)))
    assert len(both) == len(bare) + 2, both
    assert 'class="tag-name" title="Senior"' in body[0] and "Adding a tag" in body[0]


def test_the_list_page_is_one_statement_and_its_menus_another(client, make, company):
    """The list's page (issue 15, branch list15c): its rows, the capped count, "any bulk
    actions to show?" and the menus' version in one statement, the job, stage and share link
    menus in another when their version moved (branch list17), the bell with the user (branch
    floor15b); the htmx table reads neither the menus, the bulk actions nor the bell, which it
    does not show. An empty page has no row to carry the answers: the bulk actions and the
    menus are asked apart."""
    from app.applications import share_links, tags
    from app.bulk import services as bulk

    admin = make.admin_of(company)
    empty = make.job(company, title="Nobody yet")
    link = share_links.create_link(empty, "Fair", admin)
    client.get("/admin/applications")
    db.session.expire_all()
    body: list[str] = []
    alone = _statements(lambda: body.append(client.get("/admin/applications").get_data(as_text=True)))
    assert len(alone) == 4, alone  # the user (with the bell), the empty page, the menus, the bulk actions
    assert "FROM notifications" in alone[0]
    assert "No applications match." in body[0] and f'value="link:{link.id}"' in body[0]
    job = make.job(company, title="Backend developer")
    application = make.application(job)
    senior = tags.create_tag(company.id, "Senior", "blue", admin)
    bulk.start(company.id, admin, "tag_add", {"tag_id": senior.id}, [application.id])
    db.session.expire_all()
    body.clear()
    full = _statements(lambda: body.append(client.get("/admin/applications").get_data(as_text=True)))
    # the user, the page, the menus, and the bulk actions (there is one to show)
    assert len(full) == 4, full
    page = [s for s in full if "page_keys" in s]
    assert len(page) == 1 and "FROM bulk_actions" in page[0] and "FROM notifications" in full[0], full
    menus = [s for s in full if "FROM jobs" in s and "FROM stages" in s and "FROM source_links" in s]
    assert len(menus) == 1, full
    assert "Adding a tag" in body[0]
    assert f'<option value="{job.id}" >Backend developer</option>' in body[0]
    assert f'value="link:{link.id}"' in body[0] and "Nobody yet" in body[0]
    db.session.expire_all()
    table: list[str] = []
    fragment = _statements(lambda: table.append(
        client.get("/admin/applications", headers={"HX-Request": "true"}).get_data(as_text=True)))
    assert len(fragment) == 2, fragment  # the user, the page
    assert not [s for s in fragment if "FROM notifications" in s], fragment
    assert 'id="applications-table"' in table[0] and 'id="filters"' not in table[0]
    # The menus' version came with the page: nothing they show changed, so this process's menus
    # serve (tests/applications/test_list_menus.py): the user, the page, the bulk actions.
    db.session.expire_all()
    body.clear()
    kept = _statements(lambda: body.append(client.get("/admin/applications").get_data(as_text=True)))
    assert len(kept) == 3 and not [s for s in kept if "FROM source_links" in s], kept
    assert f'<option value="{job.id}" >Backend developer</option>' in body[0] and f'value="link:{link.id}"' in body[0]
