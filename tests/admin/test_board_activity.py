"""New-activity marks on the board's chips (issue 16, item 3): a chip is marked when its
application has news (a note by someone else, a reply, a transcript, a result, a repeat
application) newer than the viewer's last opening of the card; opening the card clears it."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from freezegun import freeze_time

from app.applications import board as board_queries
from app.applications import services
from app.clock import utcnow

HX = {"HX-Request": "true"}


@pytest.fixture
def world(make):
    company = make.company("acme")
    recruiter = make.user(company, email="rec@acme.test")
    job = make.job(company, team=[recruiter])
    aino = make.application(job, email="aino@example.com", given="Aino", family="Virtanen")
    eero = make.application(job, email="eero@example.com", given="Eero", family="Nieminen")
    return company, job, aino, eero, make.admin_of(company)


def _marked(body: str) -> set[int]:
    return {int(i) for i in re.findall(r'<li class="chip" id="chip-(\d+)" data-id="\d+" data-news="1">', body)}


def _board(client, auth, email, job) -> str:
    auth.logout()
    auth.login(email)
    return client.get(f"/admin/jobs/{job.id}").get_data(as_text=True)


def test_a_colleagues_note_marks_the_chip_until_the_card_is_opened(client, auth, world):
    _company, job, aino, eero, admin = world
    assert _marked(_board(client, auth, "rec@acme.test", job)) == set()
    services.add_note(aino, "Strong portfolio, call her back.", admin)
    body = _board(client, auth, "rec@acme.test", job)
    assert _marked(body) == {aino.id}
    assert "New activity since you last opened it" in body
    assert _marked(_board(client, auth, "admin@acme.test", job)) == set()  # their own note is no news to them

    auth.logout()
    auth.login("rec@acme.test")
    card = client.get(f"/admin/applications/{aino.id}").get_data(as_text=True)
    assert f'hx-post="/admin/applications/{aino.id}/seen" hx-trigger="load"' in card
    assert _marked(_board(client, auth, "rec@acme.test", job)) == {aino.id}  # showing the card changes nothing
    auth.logout()
    auth.login("rec@acme.test")
    assert client.post(f"/admin/applications/{aino.id}/seen", headers=HX).status_code == 200
    assert _marked(_board(client, auth, "rec@acme.test", job)) == set()

    with freeze_time(utcnow() + timedelta(hours=1)):
        services.add_note(aino, "She accepted the interview.", admin)
    assert _marked(_board(client, auth, "rec@acme.test", job)) == {aino.id}


def test_news_without_a_person_marks_the_chip_for_everyone(client, auth, world, make):
    _company, job, aino, eero, _admin = world
    make.application(job, email="eero@example.com", given="Eero", family="Nieminen")  # applied again
    assert _marked(_board(client, auth, "admin@acme.test", job)) == {eero.id}
    assert _marked(_board(client, auth, "rec@acme.test", job)) == {eero.id}
    client.post(f"/admin/applications/{eero.id}/seen", headers=HX)  # the recruiter opened it: only their mark goes
    assert _marked(_board(client, auth, "rec@acme.test", job)) == set()
    assert _marked(_board(client, auth, "admin@acme.test", job)) == {eero.id}


def test_moves_and_emails_are_not_news(client, auth, world):
    _company, job, aino, _eero, admin = world
    services.move_to_stage(aino, job.stages[1].id, admin)
    assert _marked(_board(client, auth, "rec@acme.test", job)) == set()


def test_show_more_chips_carry_their_mark(client, auth, world, monkeypatch):
    _company, job, aino, eero, admin = world
    monkeypatch.setattr(board_queries, "PER_STAGE", 1)
    services.add_note(aino, "Older chip, new note.", admin)  # aino applied first: she comes with "show more"
    body = _board(client, auth, "rec@acme.test", job)
    assert _marked(body) == set() and f'id="chip-{eero.id}"' in body
    more = re.search(r'<a class="board-more" href="([^"]+)"', body).group(1).replace("&amp;", "&")
    chunk = client.get(more, headers=HX).get_data(as_text=True)
    assert _marked(chunk) == {aino.id}
    assert _marked(client.get(more).get_data(as_text=True)) == {aino.id}  # the page without JavaScript too


def test_a_board_move_answer_keeps_the_marks(client, auth, world):
    _company, job, aino, eero, admin = world
    services.add_note(aino, "Note.", admin)
    auth.logout()
    auth.login("rec@acme.test")
    resp = client.post(f"/admin/applications/{eero.id}/stage", headers=HX,
                       data={"stage_id": job.stages[1].id, "view": "board", "next": f"/admin/jobs/{job.id}"})
    assert _marked(resp.get_data(as_text=True)) == {aino.id}
