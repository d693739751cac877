"""`flask db upgrade` builds the whole schema on an empty database, and the migrations
match the models (no autogenerate diff left)."""

import os
import subprocess
import sys

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_upgrade_on_empty_database_matches_models(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    env = dict(os.environ, HAKU_CONFIG="development", DATABASE_URL=url, REDIS_URL="redis://127.0.0.1:1/0")
    result = subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", "db", "upgrade"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    import app.models  # noqa: F401
    from app.extensions import db

    engine = create_engine(url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": False}), db.metadata)
        migrated = _triggers(conn)
    assert diff == [], diff
    # The triggers too (alembic compares none): the list menus' version (app/applications/menus.py)
    # as the migration made them and as the models create them.
    fresh = create_engine(f"sqlite:///{tmp_path / 'created.db'}")
    db.metadata.create_all(fresh)
    with fresh.connect() as conn:
        created = _triggers(conn)
    assert len(created) == 9 and migrated == created, (migrated, created)


def _triggers(conn) -> dict:
    from sqlalchemy import text

    return dict(conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")).all())


def test_display_name_migration_keeps_board_names_whole(tmp_path):
    """Board names were split on the last space ("Nguyễn Thị" + "Lan"): the revision makes
    the name as TopCV sent it the display name and splits it family-name-first; careers
    candidates are left as they were."""
    import sqlite3

    url = f"sqlite:///{tmp_path / 'old.db'}"
    env = dict(os.environ, HAKU_CONFIG="development", DATABASE_URL=url, REDIS_URL="redis://127.0.0.1:1/0")

    def upgrade(target):
        result = subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", "db", "upgrade", target], cwd=ROOT,
                                env=env, capture_output=True, text=True, timeout=120, check=False)
        assert result.returncode == 0, result.stderr

    upgrade("59266c8c7dad")
    with sqlite3.connect(tmp_path / "old.db") as conn:
        conn.executemany("INSERT INTO candidates (id, company_id, given_names, family_name, locale, name_unverified,"
                         " created_at) VALUES (?, 1, ?, ?, ?, ?, '2026-12-01 08:00:00')",
                         [(1, "Nguyễn Thị", "Lan", "vi", 1), (2, "Aino Maria", "Virtanen", "fi", 0),
                          (3, "Mai", "", "vi", 1)])
    upgrade("b7e3c1d4a9f2")
    with sqlite3.connect(tmp_path / "old.db") as conn:
        rows = conn.execute("SELECT id, given_names, family_name, display_name FROM candidates ORDER BY id").fetchall()
    assert rows == [(1, "Thị Lan", "Nguyễn", "Nguyễn Thị Lan"), (2, "Aino Maria", "Virtanen", None),
                    (3, "Mai", "", "Mai")]


def test_time_zone_columns_migrate_up_and_down(tmp_path):
    """Revision f5a8d2c6b1e3 adds ``users.timezone`` and ``companies.timezone`` (NULL: not
    chosen) and its downgrade removes them again; existing rows keep their data."""
    import sqlite3

    url = f"sqlite:///{tmp_path / 'tz.db'}"
    env = dict(os.environ, HAKU_CONFIG="development", DATABASE_URL=url, REDIS_URL="redis://127.0.0.1:1/0")

    def flask_db(*args):
        result = subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", "db", *args], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=120, check=False)
        assert result.returncode == 0, result.stderr

    def columns(conn, table):
        return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}

    flask_db("upgrade", "e12a7c3d9f01")
    with sqlite3.connect(tmp_path / "tz.db") as conn:
        assert "timezone" not in columns(conn, "users") and "timezone" not in columns(conn, "companies")
        conn.execute("INSERT INTO companies (id, slug, name, default_locale, emrex_enabled, gpa_scale,"
                     " job_boards_enabled, assessments_self_service, retention_months, two_factor_required,"
                     " created_at) VALUES (1, 'acme', 'Acme', 'fi', 0, '4.0', 0, 0, 24, 0, '2026-12-01 08:00:00')")
    flask_db("upgrade", "f5a8d2c6b1e3")
    with sqlite3.connect(tmp_path / "tz.db") as conn:
        assert "timezone" in columns(conn, "users") and "timezone" in columns(conn, "companies")
        assert conn.execute("SELECT slug, default_locale, timezone FROM companies").fetchall() == [("acme", "fi", None)]
    flask_db("downgrade", "e12a7c3d9f01")
    with sqlite3.connect(tmp_path / "tz.db") as conn:
        assert "timezone" not in columns(conn, "users") and "timezone" not in columns(conn, "companies")
        assert conn.execute("SELECT slug, default_locale FROM companies").fetchall() == [("acme", "fi")]


def test_default_rejection_reasons_backfill(tmp_path):
    """Revision f2a6c8e4b1d7 gives every company the default rejection reasons it lacks (they
    used to be created on the first read), in the company's language, after its own reasons;
    a company that has them all is left alone."""
    import sqlite3

    url = f"sqlite:///{tmp_path / 'rr.db'}"
    env = dict(os.environ, HAKU_CONFIG="development", DATABASE_URL=url, REDIS_URL="redis://127.0.0.1:1/0")

    def upgrade(target):
        result = subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", "db", "upgrade", target], cwd=ROOT,
                                env=env, capture_output=True, text=True, timeout=120, check=False)
        assert result.returncode == 0, result.stderr

    upgrade("e5d1b7a3c9f4")
    keys = ("not_qualified", "other_candidate", "withdrew", "no_response", "position_filled", "position_cancelled")
    with sqlite3.connect(tmp_path / "rr.db") as conn:
        for cid, slug, locale in ((1, "en-co", "en"), (2, "fi-co", "fi"), (3, "done-co", "en")):
            conn.execute("INSERT INTO companies (id, slug, name, default_locale, emrex_enabled, gpa_scale,"
                         " job_boards_enabled, assessments_self_service, retention_months, two_factor_required,"
                         " created_at) VALUES (?, ?, ?, ?, 0, '4.0', 0, 0, 24, 0, '2026-12-01 08:00:00')",
                         (cid, slug, slug, locale))
        conn.execute("INSERT INTO rejection_reasons (company_id, key, label, position, active, created_at)"
                     " VALUES (1, NULL, 'Own reason', 0, 1, '2026-12-01 08:00:00')")
        conn.executemany("INSERT INTO rejection_reasons (company_id, key, label, position, active, created_at)"
                         " VALUES (3, ?, ?, ?, 1, '2026-12-01 08:00:00')",
                         [(key, key, i) for i, key in enumerate(keys)])
    upgrade("f2a6c8e4b1d7")
    with sqlite3.connect(tmp_path / "rr.db") as conn:
        def rows(cid):
            return conn.execute("SELECT key, label, position FROM rejection_reasons WHERE company_id = ?"
                                " ORDER BY position", (cid,)).fetchall()
        en, fi, done = rows(1), rows(2), rows(3)
    assert en[0] == (None, "Own reason", 0) and [r[0] for r in en[1:]] == list(keys)
    assert en[1][1:] == ("Not qualified", 1) and en[-1][2] == 6
    assert [r[0] for r in fi] == list(keys) and fi[0][2] == 0
    assert fi[0][1] != "Not qualified" or not os.path.exists(os.path.join(ROOT, "translations/fi/LC_MESSAGES/messages.mo"))
    assert done == [(key, key, i) for i, key in enumerate(keys)]
