"""Application factory: a table of contents of extensions, blueprints, hooks and CLI."""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict | str | None = None) -> Flask:
    """Build the app. ``config`` is a config name or a dict of overrides on top of the
    config named by ``HAKU_CONFIG`` (tests pass ``{"NAME": "testing", ...}``)."""
    from app.config import check_production, load_config

    app = Flask(__name__, template_folder=str(ROOT / "templates"), static_folder=str(ROOT / "static"),
                instance_path=str(ROOT / "instance"))
    if isinstance(config, str):
        settings = load_config(config)
    else:
        settings = load_config((config or {}).get("NAME"))
        settings.update(config or {})
    app.config.update(settings)
    check_production(app.config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    register_proxies(app)
    register_extensions(app)
    register_blueprints(app)
    register_hooks(app)
    register_cli(app)
    configure_logging(app)
    return app


def register_proxies(app: Flask) -> None:
    """Behind ``TRUSTED_PROXIES`` reverse proxies, take the client address, scheme and host
    from the entries those proxies appended to X-Forwarded-*, so rate limits key on the real
    client. Entries beyond that count were written by the client and are ignored."""
    count = app.config.get("TRUSTED_PROXIES") or 0
    if count:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)


def register_extensions(app: Flask) -> None:
    from app import security
    from app.background import queues
    from app.extensions import babel, csrf, db, htmx, limiter, login_manager, mail, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    login_manager.init_app(app)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=security.select_babel_locale, timezone_selector=security.select_timezone)
    limiter.init_app(app)
    mail.init_app(app)
    queues.init_app(app)
    htmx.init_app(app)
    from app.multipart import Request

    app.request_class = Request  # htmx's request, its form bodies parsed without compiling their boundary
    security.init_app(app)
    with app.app_context():
        configure_sqlite(db.engine)
        configure_liveness(db.engine)
        keep_prepared_statements(db.engine)
        prepare_when_asked(db.engine)
    import app.models  # every model is mapped before the first query
    register_features()


#: The table of contents of what plugs into the core: each feature wires itself in one
#: module, its ``hooks.py``, through ``app.plugins.plugins`` (sweep steps, encrypted columns,
#: partner vendors, list columns, links and sections) and the core's blinker signals. The
#: admin side of a feature (card texts, panels, ⋯ actions) is its one admin view module,
#: loaded with the blueprints (``VIEW_MODULES``). Order matters where it shows: sweep steps
#: run, and stage-entry receivers are called, in this order.
FEATURE_HOOKS = (
    "app.assessments.hooks",  # Alva Labs vendor, stage-entry receiver, list columns
    "app.boards.hooks",  # TopCV vendor, reconcile step, job links, settings section, staff panel
    "app.emrex.hooks",  # stage-entry receiver, sweep steps, token, list columns
    "app.interviews.hooks",  # reminder sweep step, stage-entry receiver (self-scheduling links)
    "app.messaging.hooks",  # the outbox step
    "app.partners.hooks",  # the delivery sweep step, the integrations' keys
    "app.privacy.hooks",  # the retention step
    "app.scorecards.hooks",  # the Score list column and chip badge
    "app.screening.hooks",  # the answers saved on applying (knock-outs), the answers list column
    "app.accounts.hooks",  # the two-factor secrets
    "app.bulk.hooks",  # re-enqueues stalled bulk actions
    "app.applications.hooks",  # last: signal receivers, automations (step, stage-entry receiver)
)


def register_features() -> None:
    """Import every feature's ``hooks.py`` (``FEATURE_HOOKS``), in order."""
    import importlib

    for name in FEATURE_HOOKS:
        importlib.import_module(name)


#: The modules holding each audience's routes (its blueprint is made in its ``blueprint.py``).
VIEW_MODULES = ("app.admin.views", "app.portal.views", "app.portal.emrex", "app.portal.privacy", "app.portal.interviews", "app.staff.views",
                "app.staff.emrex_panel", "app.staff.assessments", "app.staff.boards", "app.staff.tasks",
                "app.partner_api.views", "app.partner_api.boards", "app.partner_api.assessments")


def register_blueprints(app: Flask) -> None:
    """Load the modules holding the routes, in one place, then register each blueprint."""
    import importlib

    from app.admin import templating as admin_templating
    from app.admin.blueprint import bp as admin_bp
    from app.partner_api.blueprint import bp as partner_bp
    from app.portal.blueprint import bp as portal_bp
    from app.staff.blueprint import bp as staff_bp

    for name in VIEW_MODULES:
        importlib.import_module(name)
    admin_templating.init_app(app)
    app.register_blueprint(portal_bp)
    app.register_blueprint(admin_bp, url_prefix="/admin")
    app.register_blueprint(staff_bp, url_prefix="/staff")
    app.register_blueprint(partner_bp, url_prefix="/partner/v1")


def register_hooks(app: Flask) -> None:
    from app import errors, request_limits, templating

    errors.init_app(app)
    templating.init_app(app)
    request_limits.init_app(app)


def register_cli(app: Flask) -> None:
    from app import cli

    cli.init_app(app)


def configure_logging(app: Flask) -> None:
    from app.logredact import JsonFormatter, RedactSecrets, RequestId, init_request_ids

    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s")
    for handler in root.handlers:
        if not any(isinstance(f, RequestId) for f in handler.filters):
            handler.addFilter(RequestId())
        if not any(isinstance(f, RedactSecrets) for f in handler.filters):
            handler.addFilter(RedactSecrets())
        if app.config.get("LOG_FORMAT") == "json" and not isinstance(handler.formatter, JsonFormatter):
            handler.setFormatter(JsonFormatter())
    init_request_ids(app)


def configure_liveness(engine) -> None:
    """Checkout-time liveness without a round trip (issue 15: ``pool_pre_ping`` cost a
    ``SELECT 1`` on every request of every page). A PostgreSQL connection idle in the pool
    has nothing to read: if its socket is readable, the server has closed it (a restart,
    ``pg_terminate_backend``, an idle timeout: the FATAL message and the end of the stream
    are waiting) or sent something unasked, and either way it is thrown away and the pool
    hands out another (``DisconnectionError`` makes the pool retry with a new connection).
    One ``poll`` system call instead of a round trip and a statement in the backend. A
    connection dropped silently (no FIN: a NAT forgetting it) is renewed by ``pool_recycle``;
    a disconnect met in a statement still invalidates the pool (SQLAlchemy's ``is_disconnect``),
    so a database restart costs at most the statements already in flight."""
    if engine.dialect.driver != "psycopg":
        return
    import select

    from sqlalchemy import event
    from sqlalchemy.exc import DisconnectionError

    @event.listens_for(engine, "checkout")
    def _alive(dbapi_connection, _record, _proxy):
        try:
            fd = dbapi_connection.pgconn.socket
        except Exception as exc:  # closed: no socket left
            raise DisconnectionError("connection closed") from exc
        poller = select.poll()
        poller.register(fd, select.POLLIN | select.POLLERR | select.POLLHUP)
        if poller.poll(0):
            raise DisconnectionError("the server closed the connection or sent something unasked")


def keep_prepared_statements(engine) -> None:
    """A transaction that ran only SELECTs ends with COMMIT, not ROLLBACK: to the database the
    two are the same for it, but psycopg forgets every prepared statement of the connection on a
    ROLLBACK (``psycopg/_preparing.py``: it cannot tell what a rolled-back transaction undid),
    and every request that writes nothing ends in one (the session's close). So no statement
    was ever prepared (psycopg prepares one on its 5th execution on a connection, and the count
    starts again at each ROLLBACK): PostgreSQL planned every statement of every page afresh
    (issue 15: 4.5 of the card's 6 ms of database CPU). A transaction that ran anything else
    (a write, a savepoint, a ``WITH``, a failed statement) still rolls back as before; so does
    a connection the pool resets without a ``Connection`` ending its transaction."""
    if engine.dialect.driver != "psycopg":
        return
    import psycopg
    from psycopg.pq import TransactionStatus
    from sqlalchemy import event

    wrote = "haku.not_only_selects"  # in the pooled connection's info, for its current transaction

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.info.pop(wrote, None)

    @event.listens_for(engine, "before_cursor_execute")
    def _statement(conn, _cursor, statement, _parameters, _context, _executemany):
        if wrote not in conn.info and statement.lstrip()[:6].upper() != "SELECT":
            conn.info[wrote] = True

    @event.listens_for(engine, "handle_error")
    def _failed(context):
        if context.connection is not None and not context.connection.invalidated:
            context.connection.info[wrote] = True

    @event.listens_for(engine, "rollback")
    def _rollback(conn):
        # Before the dialect's rollback, which then finds the transaction over and does nothing.
        if conn.closed or conn.invalidated or conn.info.pop(wrote, None):
            return
        dbapi_connection = conn.connection.dbapi_connection
        if dbapi_connection is not None and dbapi_connection.info.transaction_status == TransactionStatus.INTRANS:
            try:
                dbapi_connection.commit()
            except psycopg.Error:
                pass  # a broken connection: the rollback that follows meets it, and SQLAlchemy handles it there


def prepare_when_asked(engine) -> None:
    """A statement executed with the option ``PREPARE_NOW`` is prepared by PostgreSQL on its
    first run on a connection, not on psycopg's fifth: PostgreSQL then plans it afresh for
    five runs more before it keeps a generic plan, so a large statement on a fresh
    connection was planned nine times (issue 15: the EMREX return's load joins twelve
    relations and took 1.3–3 ms of the database's CPU to plan, ~5× its run; a connection
    sees few returns, so most returns paid it). Without the option psycopg decides as
    before; elsewhere than psycopg nothing changes."""
    if engine.dialect.driver != "psycopg":
        return
    from sqlalchemy import event

    from app.extensions import PREPARE_NOW

    @event.listens_for(engine, "do_execute")
    def _execute(cursor, statement, parameters, context):
        if context is not None and context.execution_options.get(PREPARE_NOW):
            cursor.execute(statement, parameters, prepare=True)
            return True
        return None


def configure_sqlite(engine) -> None:
    """WAL, a 5 s busy timeout and foreign keys on every SQLite connection."""
    if engine.dialect.name != "sqlite":
        return
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
