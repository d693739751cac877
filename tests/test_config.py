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
