"""The people search's ``LIKE '%term%'`` is served by trigram indexes on PostgreSQL (issue 15,
migration c4f7a1e9d2b6): the planner reads the indexes of the four searched expressions
instead of every candidate of the company, and the answers stay the same (the literal ``%``,
``_`` and ``\\`` cases of test_search_wildcards.py run here with the indexes in place).
PostgreSQL only (TEST_DATABASE_URL); SQLite keeps its scan."""

from __future__ import annotations

import importlib

import pytest
from sqlalchemy import event, text

from app.extensions import db

MIGRATION = importlib.import_module("migrations.versions.c4f7a1e9d2b6_people_search_trigram_indexes")


def _search(company_id: int, q: str):
    from app.people import queries as people

    return people.search(company_id, q)


@pytest.fixture
def trigram(app):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("trigram indexes are PostgreSQL's (SQLite keeps the scan)")
    with db.engine.begin() as conn:  # what the migration's upgrade does (tests build the schema from the models)
        # Fresh files for the (empty) tables, as a migrated database has: dead rows an earlier
        # test left (a DELETE) can make the new index wait for older snapshots before the
        # planner may use it (pg_index.indcheckxmin).
        conn.execute(text("TRUNCATE candidates RESTART IDENTITY CASCADE"))
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        for name, expression in MIGRATION.INDEXES.items():
            conn.execute(text(MIGRATION.index_ddl(name, expression)))
    yield
    db.session.rollback()  # the test's reads hold a lock DROP INDEX waits for
    with db.engine.begin() as conn:
        for name in MIGRATION.INDEXES:
            conn.execute(text(f"DROP INDEX IF EXISTS {name}"))


def _plan(company_id: int, q: str) -> str:
    """The plan PostgreSQL picks for the search's condition on candidates, as the people
    search and the applications list build it (``candidate_matches``), among 5,000 other
    people, with sequential and plain index scans off (as on a table too big to read whole):
    whether the trigram indexes match the expressions the code writes. (Which path the
    planner takes on real data with the company's condition is the bench's: docs/performance.md.)"""
    from sqlalchemy import select

    from app.applications.listing import candidate_matches
    from app.applications.models import Candidate

    seen = []

    def note(conn, cursor, statement, parameters, context, executemany):
        seen.append((statement, parameters))

    stmt = select(Candidate.id).where(candidate_matches(q))  # the indexes serve the condition itself
    event.listen(db.engine, "before_cursor_execute", note)
    try:
        db.session.execute(stmt).all()
    finally:
        event.remove(db.engine, "before_cursor_execute", note)
    db.session.rollback()
    statement, parameters = seen[-1]
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO candidates (company_id, given_names, family_name, email_normalized, locale, "
                          "name_unverified, created_at) SELECT :company, 'Person' || n, 'Family' || n, "
                          "'p' || n || '@example.com', 'en', false, now() FROM generate_series(1, 5000) AS n"),
                     {"company": company_id})
        conn.execute(text("ANALYZE candidates"))
        conn.execute(text("SET LOCAL enable_seqscan = off"))
        conn.execute(text("SET LOCAL enable_indexscan = off"))
        return "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + statement, parameters))


@pytest.mark.parametrize("q,index", [("virtanen", "ix_candidates_search_name_trgm"),
                                     ("aino@exa", "ix_candidates_search_email_trgm"),
                                     ("0401234567", "ix_candidates_search_phone_trgm")])
def test_the_search_reads_the_trigram_indexes(app, make, trigram, q, index):
    company = make.company("acme")
    job = make.job(company)
    make.application(job, email="aino@example.fi", given="Aino", family="Virtanen")
    plan = _plan(company.id, q)
    assert index in plan, plan
    assert "ix_candidates_search_display_trgm" in plan  # every branch of the OR from an index


@pytest.mark.parametrize("q,found", [("a_b", {"Ab"}), ("fifty%", {"Fifty%"}), ("back\\s", {"Back\\slash"}),
                                     ("wild", {"Ab", "Axb", "Fifty%", "Fifty5", "Back\\slash", "Backxslash"})])
def test_the_indexes_change_no_answer(app, make, trigram, q, found):
    company = make.company("acme")
    job = make.job(company)
    for given, email in [("Ab", "a_b@example.com"), ("Axb", "axb@example.com"), ("Fifty%", "f50@example.com"),
                         ("Fifty5", "f55@example.com"), ("Back\\slash", "bs@example.com"),
                         ("Backxslash", "bx@example.com")]:
        make.application(job, email=email, given=given, family="Wild")
    assert {c.given_names for c, _n in _search(company.id, q).rows} == found
