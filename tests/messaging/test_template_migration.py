"""The data migration to merge-fields-only templates (revision 8d1c2e0f7a42) on a database
that has the legacy (Jinja) templates it was written for."""

import json
import os
import subprocess
import sys

from sqlalchemy import create_engine, text

from app.messaging import rendering

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BEFORE, REVISION = "59266c8c7dad", "8d1c2e0f7a42"

# (company slug or None, key, locale, subject, body)
LEGACY = [
    (None, "application_received", "en", "Thanks: {{ job_title }}", "Hi {{candidate_given_name}}"),
    (None, "rejection", "fi", "{{ job_title|upper }}", "Hei"),  # global, cannot convert → shipped en text
    (None, "custom_global", "en", "{{ company_name }}{% if x %}!{% endif %}", "{{ foo.bar }} ok {{ link }}"),
    ("acme", "application_received", "en", "Kiitos {{ job_title|e }}", "{# note #}Hello {{ candidate_name }}"),
    ("acme", "application_received", "fi", "Plain subject", "Plain body { single }"),
    ("acme", "interview_invitation", "en", "{{ job_title }}",
     "{% if candidate_name != 'x' %}{% for a in range(99999) %}{{ a }}{% endfor %}{% endif %}"),
    ("acme", "application_received", "sv", "{{ 'A' * 4000000000 }}", "Hej"),
    ("acme", "offer", "en", "Offer {{ job_title }}", "{% if stage_name %}Congrats {{ candidate_name }}{% endif %}"),
]


def _flask(url: str, *args: str) -> None:
    env = dict(os.environ, HAKU_CONFIG="development", DATABASE_URL=url, REDIS_URL="redis://127.0.0.1:1/0")
    result = subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", "db", *args], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-3000:]


def _shipped(key: str, locale: str) -> tuple[str, str]:
    """The default of the revision's day: its own copy (``SHIPPED``), not today's texts (the
    interview invitation has changed since)."""
    import glob
    import importlib.util

    path = glob.glob(os.path.join(ROOT, "migrations", "versions", f"{REVISION}_*.py"))[0]
    spec = importlib.util.spec_from_file_location("revision_8d1c2e0f7a42", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return tuple(module.SHIPPED.get((key, locale)) or module.SHIPPED[(key, "en")])


def test_bar_42_migration_converts_legacy_templates(tmp_path):
    url = f"sqlite:///{tmp_path / 'legacy.db'}"
    _flask(url, "upgrade", BEFORE)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO companies (id, slug, name, default_locale, emrex_enabled, gpa_scale, "
                          "job_boards_enabled, retention_months, created_at) VALUES (1, 'acme', 'Acme', 'en', 0, "
                          "'4.0', 0, 24, '2026-01-01 00:00:00')"))
        for n, (slug, key, locale, subject, body) in enumerate(LEGACY, start=1):
            conn.execute(text("INSERT INTO email_templates (id, company_id, key, locale, name, subject, body, "
                              "created_at, updated_at) VALUES (:id, :company, :key, :locale, :name, :subject, :body, "
                              "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"),
                         {"id": n, "company": 1 if slug else None, "key": key, "locale": locale, "name": f"T{n}",
                          "subject": subject, "body": body})

    _flask(url, "upgrade", REVISION)

    with engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(text("SELECT * FROM email_templates ORDER BY id"))}
        audit = {r.object: r for r in conn.execute(text("SELECT * FROM audit_entries"))}

    def state(n):
        r = rows[n]
        return (r.subject, r.body, r.reset_at is not None, r.legacy_subject, r.legacy_body)

    # expressible: converted in place, no notice; comments and no-op filters dropped
    assert state(1) == ("Thanks: {{ job_title }}", "Hi {{ candidate_given_name }}", False, None, None)
    assert state(4) == ("Kiitos {{ job_title }}", "Hello {{ candidate_name }}", False, None, None)
    assert state(5) == ("Plain subject", "Plain body { single }", False, None, None)  # untouched
    # not expressible: reset to the default for key and language, old text kept, audited
    # the revision carries its own copy of the defaults of its day: no Finnish rejection then, so English
    assert state(2) == (*_shipped("rejection", "en"), True, "{{ job_title|upper }}", "Hei")
    assert state(6) == (*_shipped("interview_invitation", "en"), True, LEGACY[5][3], LEGACY[5][4])
    # the company's sv template resets to the global sv default (none in the database: shipped sv text)
    assert state(7) == (*_shipped("application_received", "sv"), True, "{{ 'A' * 4000000000 }}", "Hej")
    # a key with no default keeps its text with the template code removed
    assert state(8)[:3] == ("Offer {{ job_title }}", "Congrats {{ candidate_name }}", True)
    assert state(3)[:3] == ("{{ company_name }}!", " ok {{ link }}", True)
    for r in rows.values():
        rendering.check(r.subject, r.body)

    assert {k: (a.action, a.company_id, a.actor) for k, a in audit.items()} == {
        "email_template:1": ("email_template_converted", None, "system"),
        "email_template:2": ("email_template_reset", None, "system"),
        "email_template:3": ("email_template_reset", None, "system"),
        "email_template:4": ("email_template_converted", 1, "system"),
        "email_template:6": ("email_template_reset", 1, "system"),
        "email_template:7": ("email_template_reset", 1, "system"),
        "email_template:8": ("email_template_reset", 1, "system"),
    }
    before = audit["email_template:6"].before
    assert (json.loads(before) if isinstance(before, str) else before)["body"] == LEGACY[5][4]

    _flask(url, "downgrade", BEFORE)
    with engine.connect() as conn:
        back = {r.id: (r.subject, r.body) for r in conn.execute(text("SELECT * FROM email_templates"))}
    assert back[6] == (LEGACY[5][3], LEGACY[5][4]) and back[7] == (LEGACY[6][3], LEGACY[6][4])
    assert back[1] == ("Thanks: {{ job_title }}", "Hi {{ candidate_given_name }}")
