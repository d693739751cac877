"""The list's filter menus (jobs, stage names, share links) are kept per web process and
company under the company's ``list_menus_version`` (app/applications/menus.py): triggers draw
a new value in the transaction of any change to what the menus show, whoever writes it — a
service, a bulk ``update()``, raw SQL, another process — so the very next page shows the
change; while nothing they show changes, the menus' statement does not run."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass

import pytest
from sqlalchemy import text, update

from app.extensions import db
from tests.support.statements import selects


@dataclass
class Page:
    body: str
    menus: int  # how many times the menus' statement ran


def _page(client) -> Page:
    body: list[str] = []
    statements = selects(lambda: body.append(client.get("/admin/applications").get_data(as_text=True)))
    return Page(body[0], len([s for s in statements if "FROM stages" in s and "UNION ALL" in s]))


@dataclass
class World:
    company: object
    job: object
    spare: object
    link: object
    admin: object


@pytest.fixture
def world(make, auth, client):
    from app.applications import share_links

    company = make.company("acme")
    job = make.job(company, title="Backend developer")
    spare = make.job(company, title="Spare job")
    make.application(job)
    admin = make.admin_of(company)
    link = share_links.create_link(job, "LinkedIn", admin)
    auth.login(f"admin@{company.slug}.test")
    return World(company, job, spare, link, admin)


def test_the_menus_are_read_once_while_nothing_they_show_changes(client, world, make):
    from app.jobs import services as jobs

    first = _page(client)
    assert first.menus == 1
    assert f'<option value="{world.job.id}" >Backend developer</option>' in first.body
    assert f'value="link:{world.link.id}"' in first.body
    again = _page(client)
    assert again.menus == 0 and again.body == first.body
    # what the menus do not show: a job's description, a stage's place, a new application
    jobs.update_job(world.job, {"description": "Other words."})
    jobs.move_stage(world.job, world.job.stages[1], 1)
    make.application(world.job, email="second@example.com")
    later = _page(client)
    assert later.menus == 0 and f'<option value="{world.job.id}" >Backend developer</option>' in later.body


def _job_added(w, make):
    make.job(w.company, title="Accountant")
    return ">Accountant</option>", None


def _job_renamed(w, make):
    from app.jobs import services as jobs

    jobs.update_job(w.job, {"title": "Zoologist"})
    return f'<option value="{w.job.id}" >Zoologist</option>', ">Backend developer</option>"


def _job_renamed_in_sql(w, make):
    db.session.execute(text("UPDATE jobs SET title = 'Raw title' WHERE id = :id"), {"id": w.job.id})
    db.session.commit()
    return f'<option value="{w.job.id}" >Raw title</option>', ">Backend developer</option>"


def _job_deleted(w, make):
    from app.jobs import services as jobs

    jobs.delete_job(w.spare)
    return f'<option value="{w.job.id}" >Backend developer</option>', ">Spare job</option>"


def _stage_added(w, make):
    from app.jobs import services as jobs

    jobs.add_stage(w.spare, "Culture fit")
    return '<option value="Culture fit" >Culture fit</option>', None


def _stage_renamed(w, make):
    from app.jobs import services as jobs

    for job in (w.job, w.spare):  # the menu shows distinct names: every job's "Interview"
        jobs.rename_stage(next(s for s in job.stages if s.name == "Interview"), "Phone screen")
    return '<option value="Phone screen" >Phone screen</option>', '<option value="Interview" >'


def _stages_renamed_in_bulk(w, make):
    from app.jobs.models import Stage

    db.session.execute(update(Stage).where(Stage.company_id == w.company.id, Stage.name == "Interview")
                       .values(name="Talk"))
    db.session.commit()
    return '<option value="Talk" >Talk</option>', '<option value="Interview" >'


def _link_added(w, make):
    from app.applications import share_links

    link = share_links.create_link(w.spare, "University fair", w.admin)
    return f'<option value="link:{link.id}" >', None


def _link_renamed_in_sql(w, make):
    db.session.execute(text("UPDATE source_links SET name = 'Job fair' WHERE id = :id"), {"id": w.link.id})
    db.session.commit()
    return ": Job fair (Backend developer)</option>", ": LinkedIn ("


@pytest.mark.parametrize("change", [_job_added, _job_renamed, _job_renamed_in_sql, _job_deleted, _stage_added,
                                    _stage_renamed, _stages_renamed_in_bulk, _link_added, _link_renamed_in_sql],
                         ids=lambda f: f.__name__.strip("_"))
def test_a_change_shows_on_the_very_next_page(client, world, make, change):
    assert _page(client).menus == 1
    assert _page(client).menus == 0
    shown, gone = change(world, make)
    page = _page(client)
    assert page.menus == 1 and shown in page.body
    assert gone is None or gone not in page.body
    assert _page(client).menus == 0  # kept again under the new version


def test_a_change_written_by_another_process_shows_on_the_next_page(client, world, database_url):
    """Another process (a worker, a data fix, another web node) writes with no hook in this one:
    the triggers draw the new version in its transaction."""
    assert _page(client).menus == 1
    db.session.commit()
    script = ("import sys\nfrom sqlalchemy import create_engine, text\n"
              "with create_engine(sys.argv[1]).begin() as conn:\n"
              "    conn.execute(text(\"UPDATE jobs SET title = 'Renamed elsewhere' WHERE id = :id\"), {'id': int(sys.argv[2])})\n"
              "    conn.execute(text(\"UPDATE stages SET name = 'Screened' WHERE name = 'Interview'\"))\n")
    subprocess.run([sys.executable, "-c", script, database_url, str(world.job.id)], check=True, timeout=120)
    page = _page(client)
    assert page.menus == 1
    assert f'<option value="{world.job.id}" >Renamed elsewhere</option>' in page.body
    assert '<option value="Screened" >Screened</option>' in page.body and '"Interview"' not in page.body


def test_each_web_node_keeps_its_own_menus_and_sees_the_others_changes(client, world, app_config):
    """Two app instances (two web nodes), each keeping its menus: a rename through one shows
    on the other's next page."""
    from app import create_app
    from app.jobs import services as jobs
    from tests.support.clients import Auth, FreshGClient

    other = create_app(app_config)
    other.test_client_class = FreshGClient
    other_client = other.test_client()
    try:
        with other.app_context():
            Auth(other_client).login(f"admin@{world.company.slug}.test")
            assert _page(other_client).menus == 1 and _page(other_client).menus == 0
            db.session.remove()
        assert _page(client).menus == 1
        jobs.update_job(world.job, {"title": "Renamed on node one"})
        with other.app_context():
            page = _page(other_client)
            db.session.remove()
        assert page.menus == 1 and f'<option value="{world.job.id}" >Renamed on node one</option>' in page.body
        assert _page(client).menus == 1  # this node too
    finally:
        with other.app_context():
            db.engine.dispose()


def test_each_company_and_a_narrowed_role_see_their_own_menus(client, world, make, auth):
    """The menus are kept per company, and only for users who see every job: a hiring manager's
    job menu (their teams' jobs) is read for them each time, never the admin's kept one."""
    assert _page(client).menus == 1
    manager = make.user(world.company, role="hiring_manager", email="hm@acme.test")
    mine = make.job(world.company, "Manager's job", team=[manager])
    make.application(mine, email="hm-cand@example.com")
    assert _page(client).menus == 1 and _page(client).menus == 0
    auth.logout()
    auth.login("hm@acme.test")
    for _ in range(2):
        page = _page(client)
        assert page.menus == 1
        assert f'<option value="{mine.id}" >Manager&#39;s job</option>' in page.body
        assert ">Backend developer</option>" not in page.body
    theirs = make.company("other")
    make.application(make.job(theirs, title="Elsewhere"))
    auth.logout()
    auth.login(f"admin@{theirs.slug}.test")
    page = _page(client)
    assert page.menus == 1 and ">Elsewhere</option>" in page.body and "Backend developer" not in page.body
    auth.logout()
    auth.login(f"admin@{world.company.slug}.test")
    page = _page(client)
    assert page.menus == 0 and ">Backend developer</option>" in page.body and "Elsewhere" not in page.body
