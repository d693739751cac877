"""Views stay thin (issue 13 item 4): the audience blueprints (admin, portal, staff,
partner_api) read through their features' query functions and write through services that
own the transaction. They never touch the session: no ``db`` from ``app.extensions``, no
``db.session``, no ``scoped(...)`` statements, no rollback after a service.

The import-linter contract "Views stay thin" (pyproject.toml) keeps ``sqlalchemy`` out of
the same modules; this test covers what a module-level contract cannot (``app.extensions``
also holds ``limiter`` and ``csrf``, which views rightly use)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AUDIENCES = ("app/admin", "app/portal", "app/staff", "app/partner_api")

# module → why it may still touch the session (each one a known debt, not a pattern).
ALLOWED = {
    # The settings screens of assessments (products, per-job settings) are being rewritten to
    # WTForms in the same issue (item 5); they still call ``db.session.rollback()`` after a
    # refused save. It is redundant now: those services roll back themselves
    # (``background.clean_on_error``). Drop this entry when those views are rewritten.
    "app/admin/views/assessments.py",
}


def _view_modules() -> list[Path]:
    return sorted(p for audience in AUDIENCES for p in (ROOT / audience).rglob("*.py"))


def _session_uses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "app.extensions":
            found += [f"line {node.lineno}: imports db" for alias in node.names if alias.name == "db"]
        elif isinstance(node, ast.ImportFrom) and node.module == "app.accounts.tenancy":
            found += [f"line {node.lineno}: imports {alias.name}" for alias in node.names
                      if alias.name in ("scoped", "get_scoped")]
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            found += [f"line {node.lineno}: imports {name}" for name in names
                      if name.split(".")[0] in ("sqlalchemy", "flask_sqlalchemy")]
        elif isinstance(node, ast.Attribute) and node.attr == "session" and \
                isinstance(node.value, ast.Name) and node.value.id == "db":
            found.append(f"line {node.lineno}: db.session")
    return found


def test_views_do_not_touch_the_session():
    offenders = {}
    for path in _view_modules():
        rel = path.relative_to(ROOT).as_posix()
        uses = _session_uses(path)
        if uses and rel not in ALLOWED:
            offenders[rel] = uses
    assert not offenders, ("Views stay thin: move reads into the feature's queries.py and writes into a "
                           f"service that commits (and cleans up on error): {offenders}")


def test_the_allowed_list_is_not_stale():
    """An entry whose module no longer touches the session must go."""
    stale = [rel for rel in ALLOWED if not (ROOT / rel).exists() or not _session_uses(ROOT / rel)]
    assert not stale, f"remove from ALLOWED in {__file__}: {stale}"


def test_the_check_sees_a_session_call(tmp_path):
    sample = tmp_path / "view.py"
    sample.write_text("from app.extensions import db, limiter\nfrom sqlalchemy import select\n"
                      "def v():\n    return db.session.scalars(select(1))\n", encoding="utf-8")
    assert len(_session_uses(sample)) == 3


def test_a_refusing_service_leaves_the_session_clean(make):
    """Views no longer roll back: a service that writes before it refuses rolls back itself
    (``background.clean_on_error``), so nothing half-changed is left for the page it renders."""
    from app.extensions import db
    from app.jobs import services

    job = make.job(make.company("acme"), "Backend developer")
    with pytest.raises(services.JobError):
        services.update_job(job, {"title": "Renamed", "salary_min": 9, "salary_max": 1})
    assert not db.session.dirty and not db.session.new
    assert job.title == "Backend developer"
