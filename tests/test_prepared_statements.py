"""PostgreSQL keeps the statements psycopg prepared across requests that write nothing
(``app.keep_prepared_statements``: such a transaction ends with COMMIT, as psycopg forgets
its prepared statements on a ROLLBACK), and a transaction that wrote still rolls back."""

from __future__ import annotations

import pytest
from psycopg.pq import TransactionStatus
from sqlalchemy import select, text
from sqlalchemy.exc import ProgrammingError

from app.applications.models import Candidate
from app.extensions import db


@pytest.fixture
def pg(app):
    if db.engine.dialect.driver != "psycopg":
        pytest.skip("prepared statements are psycopg's (set TEST_DATABASE_URL to a PostgreSQL database)")
    db.session.remove()
    return app


def _prepared() -> int:
    """How many statements the pooled connection holds prepared (the only one the requests used)."""
    with db.engine.connect() as conn:
        return conn.scalar(text("SELECT count(*) FROM pg_prepared_statements"))


def _name(candidate_id: int) -> str:
    with db.engine.connect() as conn:
        return conn.scalar(text("SELECT family_name FROM candidates WHERE id = :id"), {"id": candidate_id})


def test_read_only_requests_keep_their_prepared_statements(pg, make, auth, client):
    company = make.company()
    make.user(company, email="rec@acme.fi")
    application_id = make.application(make.job(company)).id
    auth.login("rec@acme.fi")
    db.session.remove()
    db.engine.dispose()  # one connection from here on: the requests'
    for _ in range(7):  # psycopg prepares a statement on its 5th execution on a connection
        assert client.get(f"/admin/applications/{application_id}").status_code == 200
        db.session.remove()  # the request's end under a server (the fixture's app context outlives requests)
    assert _prepared() > 0


def test_a_transaction_that_wrote_rolls_back(pg, make):
    candidate = make.application(make.job(make.company())).candidate
    candidate_id, before = candidate.id, candidate.family_name
    db.session.remove()

    found = db.session.get(Candidate, candidate_id)
    found.family_name = "Changed"
    db.session.flush()
    db.session.rollback()
    assert _name(candidate_id) == before

    db.session.execute(text("UPDATE candidates SET family_name = 'Changed' WHERE id = :id"), {"id": candidate_id})
    db.session.rollback()
    assert _name(candidate_id) == before

    # a data-modifying WITH reads like a query but writes: it rolls back too
    db.session.execute(text("WITH changed AS (UPDATE candidates SET family_name = 'Changed' WHERE id = :id "
                            "RETURNING id) SELECT count(*) FROM changed"), {"id": candidate_id})
    db.session.rollback()
    assert _name(candidate_id) == before


def test_a_read_only_transaction_ends(pg, make):
    candidate_id = make.application(make.job(make.company())).candidate.id
    db.session.remove()
    connection = db.session.connection()
    db.session.scalar(select(Candidate.family_name).where(Candidate.id == candidate_id))
    dbapi_connection = connection.connection.dbapi_connection
    assert dbapi_connection.info.transaction_status == TransactionStatus.INTRANS
    db.session.rollback()
    assert dbapi_connection.info.transaction_status == TransactionStatus.IDLE


def test_a_failed_statement_rolls_back_and_the_connection_goes_on(pg, make):
    candidate_id = make.application(make.job(make.company())).candidate.id
    db.session.remove()
    with pytest.raises(ProgrammingError):
        db.session.execute(text("SELECT no_such_column FROM candidates"))
    db.session.rollback()
    assert db.session.scalar(select(Candidate.id).where(Candidate.id == candidate_id)) == candidate_id


def _prepared_like(conn, start: str) -> int:
    return conn.scalar(text("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE :s"), {"s": start + "%"})


def test_a_statement_run_with_prepare_now_is_prepared_on_its_first_run(pg):
    """``app.prepare_when_asked``: the option makes PostgreSQL prepare the statement at once
    (the EMREX return's load and write, planned ~5× their cost otherwise on a fresh
    connection); without it psycopg waits for the fifth run, as before."""
    from app.extensions import PREPARE_NOW

    db.engine.dispose()
    with db.engine.connect() as conn:
        conn.execute(text("SELECT 1 AS asked_now"), execution_options={PREPARE_NOW: True})
        conn.execute(text("SELECT 2 AS not_asked"))
        assert _prepared_like(conn, "SELECT 1 AS asked_now") == 1
        assert _prepared_like(conn, "SELECT 2 AS not_asked") == 0
        conn.commit()


def test_the_emrex_returns_statements_ask_to_be_prepared_at_once(pg):
    from app.emrex.services import returns
    from app.extensions import PREPARE_NOW

    assert returns._load_statement(True).get_execution_options()[PREPARE_NOW]
    write = returns._import_statements(True, ("status", "needs_review"), True)[0]
    assert write.get_execution_options()[PREPARE_NOW]
