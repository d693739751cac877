"""EMP sandbox: a stand-in EMREX contact point (EMP/NCP) that speaks the real wire protocol.

It is a third party: its own Flask app, templates, keys and session; it never imports
``app``. Run it as its own process::

    python -m sandboxes.emp --host 127.0.0.1 --port 5101 --allow-http-return

See ``sandboxes/emp/README.md``.
"""

from __future__ import annotations

import logging
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask

from .catalog import ContactPoint, load_all
from .keys import Credential, KeyStore
from .switches import Effective, Switches

DEFAULT_PORT = 5101
DEFAULT_EXPIRED = ("tampere",)


@dataclass
class Settings:
    data_dir: Path = Path("instance/emp-sandbox")
    public_url: str | None = None  # None: taken from each request's host
    allow_http_return: bool = False
    expired: tuple[str, ...] = DEFAULT_EXPIRED
    self_check: bool = True  # validate generated v1.7 documents against the XSD and log problems

    @classmethod
    def from_env(cls) -> Settings:
        """Settings for ``flask --app sandboxes.emp run`` (the CLI passes them explicitly)."""
        expired = os.environ.get("EMP_SANDBOX_EXPIRED")
        return cls(
            data_dir=Path(os.environ.get("EMP_SANDBOX_DATA_DIR", "instance/emp-sandbox")),
            public_url=os.environ.get("EMP_SANDBOX_PUBLIC_URL") or None,
            allow_http_return=os.environ.get("EMP_SANDBOX_ALLOW_HTTP_RETURN", "").lower() in ("1", "true", "yes"),
            expired=parse_expired(expired) if expired is not None else DEFAULT_EXPIRED,
        )


def parse_expired(value: str) -> tuple[str, ...]:
    return tuple(v.strip().lower() for v in value.split(",") if v.strip() and v.strip().lower() != "none")


@dataclass
class Sandbox:
    """Everything the views need, attached to the app as ``app.extensions["emp_sandbox"]``."""

    settings: Settings
    contact_points: dict[str, ContactPoint]
    keys: KeyStore
    switches: Switches = field(default_factory=Switches)

    def find(self, name: str) -> ContactPoint | None:
        name = name.lower()
        if name in self.contact_points:
            return self.contact_points[name]
        return next((cp for cp in self.contact_points.values() if cp.acronym.lower() == name), None)

    def is_expired(self, cp: ContactPoint) -> bool:
        return cp.slug in self.settings.expired

    def registry_certs(self, cp: ContactPoint) -> list[Credential]:
        """The certificates the registry publishes for ``cp``; it signs with the last one."""
        if self.is_expired(cp):
            return [self.keys.expired(cp.slug)]
        previous = self.keys.previous(cp.slug)
        return [previous, self.keys.current(cp.slug)] if previous else [self.keys.current(cp.slug)]

    def signing_credential(self, cp: ContactPoint, eff: Effective) -> Credential:
        if eff.on("wrong_key"):
            return self.keys.rogue(cp.slug)
        if eff.on("expired_cert"):
            return self.keys.expired(cp.slug)
        if eff.on("previous_key") and self.keys.previous(cp.slug) and not self.is_expired(cp):
            return self.keys.previous(cp.slug)
        return self.registry_certs(cp)[-1]


def _secret_key(data_dir: Path) -> str:
    path = data_dir / "secret_key"
    if not path.is_file():
        path.write_text(secrets.token_hex(32))
        os.chmod(path, 0o600)
    return path.read_text().strip()


def create_app(settings: Settings | None = None) -> Flask:
    """Build the sandbox app; keys are created in the data dir on first start."""
    settings = settings or Settings.from_env()
    settings.data_dir = Path(settings.data_dir)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    unknown = [slug for slug in settings.expired if slug not in load_all()]
    if unknown:
        raise ValueError(f"unknown contact point(s) for --expired-emp: {', '.join(unknown)}")

    app = Flask(__name__)
    port = urlsplit(settings.public_url).port if settings.public_url else None
    app.config.update(
        SECRET_KEY=_secret_key(settings.data_dir),
        SESSION_COOKIE_NAME=f"emp_sandbox_{port or 'session'}",
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SECURE=bool(settings.public_url and settings.public_url.startswith("https:")),
        MAX_CONTENT_LENGTH=64 * 1024 * 1024,
        MAX_FORM_MEMORY_SIZE=48 * 1024 * 1024,  # the /echo test client receives multi-MB transcripts
    )
    app.json.sort_keys = False
    app.logger.setLevel(logging.INFO)

    contact_points = load_all()
    keys = KeyStore(settings.data_dir / "keys")
    for cp in contact_points.values():
        keys.ensure(cp.slug, cp.country, cp.organisation, cp.rotation)
    app.extensions["emp_sandbox"] = Sandbox(settings, contact_points, keys)

    from . import views

    app.register_blueprint(views.bp)
    return app
