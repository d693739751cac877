import os
import subprocess
import sys

import pytest

from app.config import ConfigError, check_production, load_config

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def prod(**env):
    old = dict(os.environ)
    os.environ.update({"SECRET_KEY": "s" * 40, "BASE_URL": "https://jobs.example.com",
                       "HAKU_ENCRYPTION_KEYS": "p1:MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI=", **env})
    try:
        return load_config("production")
    finally:
        os.environ.clear()
        os.environ.update(old)


def test_production_accepts_real_settings():
    settings = prod()
    check_production(settings)
    assert settings["SESSION_COOKIE_SECURE"] and settings["SESSION_COOKIE_NAME"].startswith("__Host-")


@pytest.mark.parametrize("env,problem", [
    ({"SECRET_KEY": ""}, "SECRET_KEY"),
    ({"SECRET_KEY": "short"}, "SECRET_KEY"),
    ({"BASE_URL": "http://jobs.example.com"}, "BASE_URL"),
    ({"HAKU_ENCRYPTION_KEYS": ""}, "HAKU_ENCRYPTION_KEYS"),
])
def test_production_refuses_defaults(env, problem):
    with pytest.raises(ConfigError, match=problem):
        check_production(prod(**env))


def test_bar_7_demo_data_refused_in_production(tmp_path):
    env = dict(os.environ, HAKU_CONFIG="production", SECRET_KEY="s" * 40, BASE_URL="https://jobs.example.com",
               HAKU_ENCRYPTION_KEYS="p1:MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI=",
               DATABASE_URL=f"sqlite:///{tmp_path / 'prod.db'}", REDIS_URL="redis://127.0.0.1:1/0")
    result = subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", "demo", "load"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "refused" in result.stderr


def test_unknown_config_name():
    with pytest.raises(ConfigError):
        load_config("staging")


# ---------------------------------------------------------------- SECURITY_BAR 45: fail closed

def _bare_env(**extra) -> dict:
    """The environment of a process nobody configured: no HAKU_CONFIG, no keys."""
    drop = ("HAKU_CONFIG", "SECRET_KEY", "HAKU_ENCRYPTION_KEYS", "BASE_URL", "TEST_DATABASE_URL", "FLASK_APP")
    return {**{k: v for k, v in os.environ.items() if k not in drop}, **extra}


def test_finding_config_fails_open(tmp_path):
    """Without HAKU_CONFIG the app used to run the development config with the public
    secret and encryption keys. Now it refuses, and says why and what to do."""
    env = _bare_env(DATABASE_URL=f"sqlite:///{tmp_path / 'x.db'}", REDIS_URL="redis://127.0.0.1:1/0")
    result = subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", "routes"], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode != 0
    assert "Refusing to start in production" in result.stderr and "SECRET_KEY must be set" in result.stderr
    assert "HAKU_ENCRYPTION_KEYS must be set" in result.stderr and "HAKU_CONFIG=development" in result.stderr
    asked = subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", "routes"], cwd=ROOT,
                           env={**env, "HAKU_CONFIG": "development"}, capture_output=True, text=True, check=False,
                           timeout=120)
    assert asked.returncode == 0 and "admin.login" in asked.stdout  # development when asked for by name


def test_bar_45_gunicorn_without_config_refuses_the_development_keys(tmp_path):
    from tests.support.gunicorn_process import Gunicorn

    env = _bare_env(DATABASE_URL=f"sqlite:///{tmp_path / 'x.db'}", REDIS_URL="redis://127.0.0.1:1/0",
                    WEB_CONCURRENCY="1")
    server = Gunicorn(env, tmp_path / "logs")
    try:
        assert server.wait_exit(timeout=90) != 0
    finally:
        server.stop()
    assert "Refusing to start in production: SECRET_KEY must be set" in server.error_log()


def _forged_cookie(user, secret: str) -> str:
    """A session cookie for ``user`` signed with ``secret``, as Flask would sign it."""
    from flask import Flask
    from flask.sessions import SecureCookieSessionInterface

    signer = Flask("forger")
    signer.secret_key = secret
    now = __import__("time").time()
    return SecureCookieSessionInterface().get_signing_serializer(signer).dumps(
        {"_user_id": user.get_id(), "_fresh": True, "login_at": now, "seen": now})


def test_bar_45_session_forged_with_the_public_key_is_rejected(app, app_config, make, test_env, database_url,
                                                               tmp_path):
    """Real gunicorn with the shipped config and no HAKU_CONFIG runs production rules: a
    cookie for another company's admin signed with the public development key (which a
    development server would accept) opens nothing."""
    import requests

    from app import create_app
    from app.config import DEFAULT_SECRET_KEY
    from tests.support.gunicorn_process import Gunicorn, production_env

    make.company("acme")
    victim = make.admin_of(make.company("bravo"))
    forged = _forged_cookie(victim, DEFAULT_SECRET_KEY)
    dev = create_app({**app_config, "NAME": "development", "SECRET_KEY": DEFAULT_SECRET_KEY})
    control = dev.test_client()
    control.set_cookie("haku_session", forged)
    assert control.get("/admin/settings/users").status_code == 200  # the forgery itself is well made

    server = Gunicorn(production_env(test_env, database_url, "r" * 48), tmp_path / "logs").wait_ready()
    try:
        for name in ("__Host-haku_session", "haku_session"):
            resp = requests.get(f"{server.base}/admin/settings/users", cookies={name: forged},
                                allow_redirects=False, timeout=10)
            assert resp.status_code == 302 and resp.headers["Location"].startswith("/admin/login")
        health = requests.get(f"{server.base}/healthz", timeout=10)
        assert health.headers["Strict-Transport-Security"].startswith("max-age=")  # production headers
    finally:
        server.stop()


@pytest.mark.parametrize("name", ["production", "development"])
def test_only_the_test_config_lowers_the_password_hash_cost(name):
    """Production and ``make run`` hash with werkzeug's scrypt at its default cost; the test
    config's cheaper scrypt is the suite's, and its hashes are still scrypt hashes."""
    from werkzeug.security import check_password_hash, generate_password_hash

    assert load_config(name)["PASSWORD_HASH_METHOD"] == "scrypt"
    cheap = load_config("testing")["PASSWORD_HASH_METHOD"]
    hashed = generate_password_hash("s3cret-pass", method=cheap)
    assert hashed.startswith("scrypt:1024:8:1$") and check_password_hash(hashed, "s3cret-pass")
    assert generate_password_hash("s3cret-pass", method="scrypt").startswith("scrypt:32768:8:1$")
