"""PostgreSQL connections dropped with ``pg_terminate_backend`` (never a server restart): the
app runs on its own database ``haku_faults``. A connection killed in the middle of a request
fails that request cleanly with nothing half-written (rows or files); a pooled connection
killed between requests is noticed at checkout (its socket is readable: ``app.configure_liveness``,
no ``pool_pre_ping`` round trip) and the next request just works."""

from __future__ import annotations

import io
import socket

import pytest
from sqlalchemy import create_engine, func, select, text

from app import create_app
from app.applications import files
from app.applications.models import Application, Candidate, StoredFile
from app.extensions import db
from app.messaging.models import OutboxEmail
from tests.support.builders import PDF, Builders
from tests.support.clients import FreshGClient
from tests.support.processes import wait_for

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/haku_faults"


def _reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture
def admin_engine():
    if not _reachable():
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432 (this test needs its own database haku_faults)")
    engine = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        if not conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = 'haku_faults'")):
            conn.execute(text("CREATE DATABASE haku_faults"))
    yield engine
    engine.dispose()


@pytest.fixture
def pg_app(admin_engine, app_config, tmp_path):
    app = create_app({**app_config, "SQLALCHEMY_DATABASE_URI": PG_URL, "UPLOAD_DIR": str(tmp_path / "files")})
    app.test_client_class = FreshGClient
    with app.app_context():
        db.drop_all()
        db.create_all()
        yield app
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


def terminate(admin_engine, pid: int | None = None, *, gone: bool = False) -> int:
    """``pg_terminate_backend`` on one backend, or on every connection to haku_faults; with
    ``gone``, wait (polling, with a deadline) until the killed backends have exited, as they
    have long before the next request after a real restart (``pg_terminate_backend`` only
    signals them)."""
    with admin_engine.connect() as conn:
        where = "pid = :pid" if pid else "datname = 'haku_faults' AND pid <> pg_backend_pid()"
        killed = [row[0] for row in conn.execute(text(
            f"SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity WHERE {where}"), {"pid": pid}).all()]
        if gone and killed:
            wait_for(lambda: not conn.execute(text("SELECT 1 FROM pg_stat_activity WHERE pid = ANY(:pids)"),
                                              {"pids": killed}).first(), timeout=20, message="the backends to exit")
        return len(killed)


def counts() -> dict:
    db.session.rollback()
    return {model.__name__: db.session.scalar(select(func.count()).select_from(model))
            for model in (Candidate, Application, OutboxEmail, StoredFile)}


def apply_form(email: str) -> dict:
    return {"given_names": "Aino", "family_name": "Virtanen", "email": email, "phone": "", "cover_letter": "Hei",
            "consent": "y", "cv": (io.BytesIO(PDF), "cv.pdf")}


def stored_files(app) -> list:
    from pathlib import Path

    root = Path(app.config["UPLOAD_DIR"])
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_connection_killed_mid_request_fails_cleanly_and_the_next_request_works(
        pg_app, admin_engine, mailbox, monkeypatch):
    make = Builders(pg_app)
    job = make.job(make.company("acme"))
    url = f"/c/acme/jobs/{job.id}/apply"
    client = pg_app.test_client()
    store = files.store_values  # what every way of storing the CV calls (the ORM's row or a plain one)

    def store_then_lose_the_connection(*args, **kwargs):
        row = store(*args, **kwargs)  # the CV is on disk, its rows are not committed…
        pid = db.session.execute(text("SELECT pg_backend_pid()")).scalar()
        assert terminate(admin_engine, pid) == 1  # …when the database connection dies
        return row

    monkeypatch.setattr(files, "store_values", store_then_lose_the_connection)
    resp = client.post(url, data=apply_form("aino@example.fi"), content_type="multipart/form-data")
    assert resp.status_code == 500
    body = resp.get_data(as_text=True)
    assert "Something went wrong on our side" in body and "Traceback" not in body and "psycopg" not in body
    monkeypatch.undo()
    assert counts() == {"Candidate": 0, "Application": 0, "OutboxEmail": 0, "StoredFile": 0}
    assert stored_files(pg_app) == []  # no CV left behind without its rows
    assert mailbox.messages == []

    again = client.post(url, data=apply_form("aino@example.fi"), content_type="multipart/form-data")
    assert again.status_code == 303
    assert counts() == {"Candidate": 1, "Application": 1, "OutboxEmail": 1, "StoredFile": 1}
    assert len(stored_files(pg_app)) == 1
    assert [m["To"] for m in mailbox.messages] == ["aino@example.fi"]


def test_pooled_connections_killed_between_requests_are_replaced(pg_app, admin_engine, mailbox):
    make = Builders(pg_app)
    company = make.company("acme")
    job = make.job(company)
    client = pg_app.test_client()
    assert client.get(f"/c/acme/jobs/{job.id}").status_code == 200
    db.session.remove()  # the connection goes back to the pool, idle
    assert terminate(admin_engine, gone=True) >= 1
    assert client.get(f"/c/acme/jobs/{job.id}").status_code == 200  # noticed at checkout, reconnected
    db.session.remove()
    terminate(admin_engine, gone=True)
    resp = client.post(f"/c/acme/jobs/{job.id}/apply", data=apply_form("b@example.fi"),
                       content_type="multipart/form-data")
    assert resp.status_code == 303
    assert counts() == {"Candidate": 1, "Application": 1, "OutboxEmail": 1, "StoredFile": 1}
    assert len(mailbox.messages) == 1
    health = client.get("/healthz")
    assert health.status_code == 200 and health.get_json()["checks"]["database"] == "ok"


def test_bar_30_many_workers_claim_the_same_email_at_once_on_postgresql(pg_app, mailbox):
    """Eight threads, each its own app context and database connection, run the send task
    for one outbox row at the same moment: one claims it, the others see the claim."""
    import threading

    from aiosmtpd.controller import Controller

    from app.messaging import services
    from tests.support.faults import FaultySmtp
    from tests.support.processes import free_port

    smtp = FaultySmtp()
    smtp.port = free_port()
    controller = Controller(smtp, hostname="127.0.0.1", port=smtp.port)
    controller.start()
    pg_app.extensions["mail"].port = smtp.port
    try:
        smtp.fail("hold", times=1)  # the winner's send stays in flight while the others try
        make = Builders(pg_app)
        company = make.company("acme")
        row = services.queue_email(to="x@example.com", subject="s", body="b", kind="k", dedupe_key="race",
                                   company_id=company.id)
        from app import background

        background.discard()  # the task is not enqueued at the commit: the threads below run it
        db.session.commit()
        outbox_id, results, barrier = row.id, [], threading.Barrier(8)

        def worker():
            with pg_app.app_context():
                barrier.wait()
                results.append(services.deliver(outbox_id))
                db.session.remove()

        threads = [threading.Thread(target=worker) for _ in range(8)]
        for thread in threads:
            thread.start()
        from tests.support.processes import wait_for

        wait_for(lambda: len(results) == 7, timeout=60, message="the seven losers to give up")
        assert results == ["sending"] * 7
        smtp.release()
        for thread in threads:
            thread.join(timeout=60)
        assert sorted(results) == ["sending"] * 7 + ["sent"]
        assert len(smtp.accepted) == 1 and len(smtp.seen) == 1
        db.session.expire_all()
        assert (db.session.get(OutboxEmail, outbox_id).status, db.session.get(OutboxEmail, outbox_id).attempts) == \
            ("sent", 1)
    finally:
        smtp.release()
        controller.stop()


def test_checkout_takes_no_round_trip_and_a_killed_intake_connection_is_replaced(pg_app, admin_engine):
    """No ``pool_pre_ping`` (issue 15: a ``SELECT 1`` per request on every page): a checkout
    sends nothing; a TopCV event right after its pooled connection was killed is stored."""
    from sqlalchemy import event as sa_event

    from app.partners.models import PartnerDelivery
    from tests.support.boards import applied, connect, signed

    assert pg_app.config["SQLALCHEMY_ENGINE_OPTIONS"]["pool_pre_ping"] is False
    make = Builders(pg_app)
    company = make.company("acme-vn")
    integration = connect(company)
    url = f"/partner/v1/boards/topcv/{integration.external_id}/events"
    client = pg_app.test_client()
    db.session.remove()
    with db.engine.connect() as conn:
        conn.execute(text("SELECT 1"))  # a connection in the pool, warm
    sent = []

    def record(_conn, _cursor, statement, *_args):
        sent.append(statement)

    sa_event.listen(db.engine, "before_cursor_execute", record)
    try:
        with db.engine.connect():
            pass
        assert sent == []  # a checkout alone says nothing to the server

        assert terminate(admin_engine, gone=True) >= 1  # the pooled connection dies while idle
        body, headers = signed("topcv-secret-key-0123456789", applied(), "evt_after_kill")
        resp = client.post(url, data=body, headers=headers)
        assert resp.status_code == 202, resp.get_data(as_text=True)
        assert not any(s.strip() == "SELECT 1" for s in sent)
    finally:
        sa_event.remove(db.engine, "before_cursor_execute", record)
    db.session.remove()
    assert db.session.scalar(select(func.count()).select_from(PartnerDelivery)
                             .where(PartnerDelivery.webhook_id == "evt_after_kill")) == 1


def test_a_topcv_event_whose_connection_dies_in_its_insert_is_refused_and_stores_on_redelivery(pg_app, admin_engine):
    """The intake's insert goes to psycopg's cursor directly (issue 15): a connection that dies
    under it answers 500 with nothing stored, the connection is thrown away, and TopCV's retry of
    the same event is stored once."""
    from sqlalchemy import event as sa_event

    from app.partners.models import PartnerDelivery
    from tests.support.boards import applied, connect, signed

    make = Builders(pg_app)
    integration = connect(make.company("acme-vn"))
    url = f"/partner/v1/boards/topcv/{integration.external_id}/events"
    client = pg_app.test_client()
    body, headers = signed("topcv-secret-key-0123456789", applied(ref="APP-0"), "evt_before")
    assert client.post(url, data=body, headers=headers).status_code == 202  # the integration is kept now
    db.session.remove()
    killed = []

    def kill_before_the_insert(_conn, cursor, statement, *_args):
        if statement.startswith("INSERT INTO partner_deliveries") and not killed:
            killed.append(cursor.connection.info.backend_pid)
            assert terminate(admin_engine, killed[0], gone=True) == 1

    body, headers = signed("topcv-secret-key-0123456789", applied(), "evt_killed")
    sa_event.listen(db.engine, "before_cursor_execute", kill_before_the_insert)
    try:
        assert client.post(url, data=body, headers=headers).status_code == 500
    finally:
        sa_event.remove(db.engine, "before_cursor_execute", kill_before_the_insert)
    assert killed
    ids = select(PartnerDelivery.webhook_id).order_by(PartnerDelivery.id)
    assert db.session.scalars(ids).all() == ["evt_before"]
    db.session.remove()

    assert client.post(url, data=body, headers=headers).status_code == 202  # TopCV retries the same event
    assert client.post(url, data=body, headers=headers).get_json() == {"status": "duplicate"}
    assert db.session.scalars(ids).all() == ["evt_before", "evt_killed"]
