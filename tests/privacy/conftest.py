"""A candidate with every kind of data Haku holds: a careers application with a CV, stage
moves, a note, emails, an EMREX transcript (signed document, attachment, courses and
grades), an assessment order with its result and partner calls, and a TopCV application
with the raw board event. The person applied at two companies with the same email."""

from __future__ import annotations

import pytest

from app.extensions import db
from tests.support.privacy import build_person


@pytest.fixture
def person(make):
    return build_person(make)


@pytest.fixture
def async_app(app, app_config):
    """The app as production runs it: tasks wait in Redis for a worker instead of running
    inline. Its context is pushed over the ``app`` fixture's (which still wipes the data)."""
    from app import create_app
    from tests.support.clients import FreshGClient

    live = create_app({**app_config, "RQ_ASYNC": True})
    live.test_client_class = FreshGClient
    with live.app_context():
        yield live
        db.session.remove()


@pytest.fixture
def aclient(async_app):
    return async_app.test_client()


@pytest.fixture
def aauth(aclient):
    from tests.support.clients import Auth

    return Auth(aclient)


