"""Configuration classes, read from the environment.

Defaults are the embedded ones (SQLite file in ``instance/``, the embedded Valkey the
launcher starts on port 6390, the local SMTP sink on 1025) so `make run` needs no
services. The env vars in ARCHITECTURE.md's Decisions box switch each part to the real
thing.

Without ``HAKU_CONFIG`` the production rules apply (fail closed): the public development
secret and encryption keys are only accepted when development (or testing) is asked for by
name, as `make run` and the test suite do.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTANCE = ROOT / "instance"

DEFAULT_SECRET_KEY = "dev-insecure-secret-key-change-me"
# A development-only AEAD key (32 zero-free bytes, base64). Production must set its own.
DEFAULT_ENCRYPTION_KEYS = "dev1:ZGV2LW9ubHktaGFrdS1lbmNyeXB0aW9uLWtleS0zMmI="
EMBEDDED_REDIS_URL = "redis://127.0.0.1:6390/0"
QUEUES = ["emails", "boards", "emrex", "assessments", "default"]


class ConfigError(RuntimeError):
    """Raised at start-up when a configuration is unsafe to run."""


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _bool(name: str, default: bool = False) -> bool:
    value = _env(name)
    if value is None:
        return default
    return value.lower() in ("1", "true", "yes", "on")


def _count(name: str) -> int:
    value = _env(name, "0")
    if not value.isdigit() or int(value) > 10:
        raise ConfigError(f"{name} must be a whole number from 0 to 10 (the proxies in front of the app), "
                          f"not {value!r}")
    return int(value)


def _choice(name: str, choices: tuple[str, ...]) -> str:
    """One of ``choices`` (the first is the default); anything else stops the start-up."""
    value = (_env(name, choices[0]) or "").strip().lower()
    if value not in choices:
        raise ConfigError(f"{name} must be one of {', '.join(choices)}, not {value!r}")
    return value


def base_settings() -> dict:
    """The base settings, read from the environment when the app is created."""
    s: dict = {}
    s['NAME'] = "base"
    s['SECRET_KEY'] = _env("SECRET_KEY", DEFAULT_SECRET_KEY)
    s['BASE_URL'] = _env("BASE_URL", "http://127.0.0.1:5000").rstrip("/")
    s['SQLALCHEMY_DATABASE_URI'] = _env("DATABASE_URL", "sqlite:///haku.db")
    # werkzeug's scrypt at its default cost (n = 2**15, ~0.1 s a hash). Only the test config
    # lowers it: the suite creates and signs in thousands of users.
    s['PASSWORD_HASH_METHOD'] = "scrypt"
    # No pre-ping round trip per checkout: a pooled connection whose server went away is
    # noticed by polling its socket at checkout (``app.configure_liveness``), one that went
    # quiet without a word (a NAT or firewall dropping idle connections) is renewed after
    # ``pool_recycle``; an error that is a disconnect still invalidates the whole pool.
    s['SQLALCHEMY_ENGINE_OPTIONS'] = {"pool_pre_ping": False, "pool_recycle": 1800}
    s['REDIS_URL'] = _env("REDIS_URL", EMBEDDED_REDIS_URL)
    s['RQ_CONNECTION'] = s['REDIS_URL']
    s['RQ_QUEUES'] = QUEUES
    s['RQ_ASYNC'] = True
    s['HAKU_ENCRYPTION_KEYS'] = _env("HAKU_ENCRYPTION_KEYS", DEFAULT_ENCRYPTION_KEYS)
    s['UPLOAD_DIR'] = _env("UPLOAD_DIR", str(INSTANCE / "files"))
    s['MAIL_SERVER'] = _env("MAIL_SERVER", "127.0.0.1")
    s['MAIL_PORT'] = int(_env("MAIL_PORT", "1025"))
    s['MAIL_USE_TLS'] = _bool("MAIL_USE_TLS")
    s['MAIL_USE_SSL'] = _bool("MAIL_USE_SSL")
    s['MAIL_USERNAME'] = _env("MAIL_USERNAME")
    s['MAIL_PASSWORD'] = _env("MAIL_PASSWORD")
    s['MAIL_DEFAULT_SENDER'] = _env("MAIL_DEFAULT_SENDER", "Haku <no-reply@haku.test>")
    s['MAIL_TIMEOUT'] = 10
    # Replies: candidate emails carry Reply-To reply+<token>@REPLY_DOMAIN; the MTA of that
    # domain relays reply+* to the inbound listener (`flask inbound-smtp`, docs/deploy.md).
    s['REPLY_DOMAIN'] = _env("REPLY_DOMAIN") or reply_domain_of(s['BASE_URL'])
    s['INBOUND_SMTP_HOST'] = _env("INBOUND_SMTP_HOST", "127.0.0.1")
    s['INBOUND_SMTP_PORT'] = int(_env("INBOUND_SMTP_PORT", "2525"))
    s['INBOUND_MAX_BYTES'] = 15 * 1024 * 1024  # a whole reply as received (base64 included)
    s['INBOUND_ATTACHMENT_MAX_BYTES'] = 10 * 1024 * 1024  # one attachment, decoded
    s['MAIL_SUPPRESS_SEND'] = False  # tests talk to a real SMTP server (aiosmtpd)
    # Due outbox emails one send_email task sends over its one SMTP connection (its own row first).
    s['OUTBOX_BATCH'] = int(_env("OUTBOX_BATCH", "20"))
    s['EMREX_REGISTRY_URLS'] = _env("EMREX_REGISTRY_URLS", "")
    s['EMREX_ALLOW_HTTP_RETURN'] = _bool("EMREX_ALLOW_HTTP_RETURN")
    # A registry certificate past its validity: "warn" accepts a valid signature and flags it
    # on the card (PROTOCOL §5's default); "reject" refuses the transcript with a clear message.
    s['EMREX_EXPIRED_CERTIFICATES'] = _choice("EMREX_EXPIRED_CERTIFICATES", ("warn", "reject"))
    s['TOPCV_API_URL'] = _env("TOPCV_API_URL", "http://127.0.0.1:5102")
    s['ASSESSMENT_VENDOR_URL'] = _env("ASSESSMENT_VENDOR_URL", "http://127.0.0.1:5103")
    s['PARTNER_HTTP_TIMEOUT'] = float(_env("PARTNER_HTTP_TIMEOUT", "10"))
    s['OUTBOUND_ALLOWED_HOSTS'] = _env("OUTBOUND_ALLOWED_HOSTS", "127.0.0.1,localhost")
    s['MAX_CONTENT_LENGTH'] = 25 * 1024 * 1024
    s['APPLY_MAX_BYTES'] = 11 * 1024 * 1024
    s['CV_MAX_BYTES'] = 10 * 1024 * 1024
    s['EMREX_RETURN_MAX_BYTES'] = 30 * 1024 * 1024
    s['TOPCV_WEBHOOK_MAX_BYTES'] = 20 * 1024 * 1024
    s['ASSESSMENT_CALLBACK_MAX_BYTES'] = 1024 * 1024
    s['PARTNER_RATE_LIMIT_PER_CLIENT'] = _env("PARTNER_RATE_LIMIT_PER_CLIENT", "600/minute")
    s['PARTNER_RATE_LIMIT_PER_INTEGRATION'] = _env("PARTNER_RATE_LIMIT_PER_INTEGRATION", "600/minute")
    # RQ Retry intervals of partner calls (seconds, all ≤ 5 minutes); the sweeper takes over after.
    s['PARTNER_RETRY_INTERVALS'] = [10, 30, 90]
    # Seconds (at least) after which a TopCV/partner drain looks once more after it last cleared
    # its Redis marker (a job RQ's scheduler runs, within about a second more); for half of it a
    # web process that has asked for a drain skips the marker (app/partners/services/inbound.py,
    # request_drain). 0: the marker on every event and no later look.
    s['PARTNER_DRAIN_LINGER'] = float(_env("PARTNER_DRAIN_LINGER", "0.5"))
    s['LANGUAGES'] = ["en", "fi", "sv", "vi"]
    s['BABEL_DEFAULT_LOCALE'] = "en"
    s['BABEL_TRANSLATION_DIRECTORIES'] = str(ROOT / "translations")
    s['WTF_CSRF_ENABLED'] = True
    s['WTF_CSRF_TIME_LIMIT'] = None  # the token lives as long as the session
    s['RATELIMIT_STORAGE_URI'] = s['REDIS_URL']
    s['RATELIMIT_ENABLED'] = True
    s['RATELIMIT_HEADERS_ENABLED'] = False
    s['RATELIMIT_SWALLOW_ERRORS'] = True  # a Redis outage must not lock everyone out
    s['SESSION_COOKIE_NAME'] = "haku_session"
    # Sign-in budgets (app/accounts/throttle.py): all attempts per address+account; failed
    # ones per address, per account (browsers that signed in before are exempt) and per device.
    s['LOGIN_LIMIT_PER_ADDRESS_AND_ACCOUNT'] = "5/minute"
    s['LOGIN_LIMIT_PER_ADDRESS'] = "20/minute;200/hour"
    s['LOGIN_LIMIT_PER_ACCOUNT'] = "100/hour"
    s['LOGIN_LIMIT_PER_DEVICE'] = "20/hour"
    s['LOGIN_DEVICE_COOKIE_NAME'] = "haku_device"
    s['SESSION_COOKIE_HTTPONLY'] = True
    s['SESSION_COOKIE_SAMESITE'] = "Lax"
    s['SESSION_COOKIE_SECURE'] = False
    s['PERMANENT_SESSION_LIFETIME'] = timedelta(hours=12)
    s['SESSION_IDLE_MINUTES'] = 30
    s['REMEMBER_COOKIE_DURATION'] = timedelta(seconds=0)
    s['DEMO_DATA_ALLOWED'] = False
    s['SWEEP_INTERVAL_SECONDS'] = 30
    # text (development) or json (one object per line with a request id; production default)
    s['LOG_FORMAT'] = _env("LOG_FORMAT")  # None: json in production, text elsewhere
    s['APPLICATIONS_PAGE_SIZE'] = 50
    # How many reverse proxies (load balancer, CDN) sit in front of the app and append to
    # X-Forwarded-For/-Proto/-Host. 0 trusts none of those headers (the peer is the client).
    s['TRUSTED_PROXIES'] = _count("HAKU_TRUSTED_PROXIES")
    return s


def reply_domain_of(base_url: str) -> str:
    """The host of ``BASE_URL`` as a mail domain: ``localhost`` for an IP address or none."""
    from urllib.parse import urlsplit

    host = (urlsplit(base_url).hostname or "").lower()
    if not host or host.replace(".", "").isdigit() or ":" in host:
        return "localhost"
    return host


class DevelopmentConfig:
    NAME = "development"
    DEBUG = False
    DEMO_DATA_ALLOWED = True
    EMREX_ALLOW_HTTP_RETURN = True


class TestingConfig:
    NAME = "testing"
    TESTING = True
    WTF_CSRF_ENABLED = False
    RQ_ASYNC = False
    DEMO_DATA_ALLOWED = True
    EMREX_ALLOW_HTTP_RETURN = True
    RATELIMIT_ENABLED = False
    PARTNER_RETRY_INTERVALS = [0, 0, 0]
    PASSWORD_HASH_METHOD = "scrypt:1024:8:1"  # still scrypt, at 1/32 of the cost


class ProductionConfig:
    NAME = "production"
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-haku_session"
    LOGIN_DEVICE_COOKIE_NAME = "__Host-haku_device"
    EMREX_ALLOW_HTTP_RETURN = False
    DEMO_DATA_ALLOWED = False


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def load_config(name: str | None = None) -> dict:
    """Return the settings of the named config (``HAKU_CONFIG``, else production) as a dict."""
    explicit = bool(name or _env("HAKU_CONFIG"))
    name = name or _env("HAKU_CONFIG", "production")
    if name not in CONFIGS:
        raise ConfigError(f"HAKU_CONFIG must be one of {sorted(CONFIGS)}, not {name!r}")
    settings = base_settings()
    cls = CONFIGS[name]
    settings.update({key: getattr(cls, key) for key in dir(cls) if key.isupper()})
    settings["CONFIG_EXPLICIT"] = explicit
    if not settings.get("LOG_FORMAT"):
        settings["LOG_FORMAT"] = "json" if name == "production" else "text"
    if name == "testing":
        settings["SQLALCHEMY_DATABASE_URI"] = _env("TEST_DATABASE_URL", "sqlite://")
    return settings


def check_production(settings: dict) -> None:
    """Refuse to start production on development defaults."""
    if settings.get("NAME") != "production":
        return
    problems = []
    if settings["SECRET_KEY"] in (None, "", DEFAULT_SECRET_KEY) or len(settings["SECRET_KEY"]) < 32:
        problems.append("SECRET_KEY must be set to a random value of at least 32 characters")
    if not str(settings["BASE_URL"]).startswith("https://"):
        problems.append("BASE_URL must be an https:// URL")
    if settings["HAKU_ENCRYPTION_KEYS"] == DEFAULT_ENCRYPTION_KEYS:
        problems.append("HAKU_ENCRYPTION_KEYS must be set (the development key is public)")
    if settings.get("DEMO_DATA_ALLOWED"):
        problems.append("demo data is never allowed in production")
    if problems:
        hint = "" if settings.get("CONFIG_EXPLICIT", True) else (
            " (HAKU_CONFIG is not set, so the production rules apply; for a local development server "
            "set HAKU_CONFIG=development, as `make run` does)")
        raise ConfigError("Refusing to start in production: " + "; ".join(problems) + hint)
