"""Assessment vendor sandbox: a stand-in for Alva Labs that speaks Haku's assessment contract.

It is a third party: its own Flask app, SQLite file and callback worker; it never imports
``app``. Run it as its own process::

    python -m sandboxes.assessment_vendor --host 127.0.0.1 --port 5103 --data-dir instance/vendor-sandbox

See ``sandboxes/assessment_vendor/README.md`` and ``shared/contracts/PARTNERS.md`` §2.
"""

from __future__ import annotations

import base64
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask
from standardwebhooks.webhooks import EmptyWebhookSecretError, Webhook

from .catalog import PRODUCTS
from .delivery import Worker
from .store import Store
from .switches import Switches

DEFAULT_PORT = 5103


@dataclass
class Settings:
    data_dir: Path = Path("instance/vendor-sandbox")
    public_url: str | None = None  # None: taken from each request's host
    retry_base: float = 2.0  # first callback retry delay, seconds
    seed_accounts: list[dict] = field(default_factory=list)

    @classmethod
    def from_env(cls) -> Settings:
        """Settings for ``flask --app sandboxes.assessment_vendor run`` (the CLI passes them explicitly)."""
        return cls(data_dir=Path(os.environ.get("VENDOR_SANDBOX_DATA_DIR", "instance/vendor-sandbox")),
                   public_url=os.environ.get("VENDOR_SANDBOX_PUBLIC_URL") or None)


class SpecError(ValueError):
    """An account or connection description that was refused."""


def check_url(value, key: str) -> str:
    if not isinstance(value, str) or urlsplit(value).scheme not in ("http", "https") or not urlsplit(value).netloc:
        raise SpecError(f"{key}: an http(s) URL")
    return value.rstrip("/")


def check_connection(spec) -> dict:
    if not isinstance(spec, dict):
        raise SpecError("connection: expected an object")
    external_id, secret = spec.get("external_id"), spec.get("signing_secret")
    if not isinstance(external_id, str) or not external_id.strip() or "/" in external_id:
        raise SpecError("external_id: a non-empty string without '/'")
    try:
        if not isinstance(secret, str) or not secret.startswith("whsec_"):
            raise ValueError
        base64.b64decode(secret.removeprefix("whsec_"), validate=True)
        Webhook(secret)
    except (ValueError, EmptyWebhookSecretError):
        raise SpecError("signing_secret: a Standard Webhooks secret (whsec_ + base64)") from None
    return {"haku_url": check_url(spec.get("haku_url"), "haku_url"), "external_id": external_id.strip(),
            "signing_secret": secret}


def check_account(spec) -> dict:
    """Validate ``{"name", "product", "api_key"?, "connection"?}`` (seed and control API)."""
    if not isinstance(spec, dict):
        raise SpecError("expected a JSON object")
    unknown = set(spec) - {"name", "product", "api_key", "connection"}
    if unknown:
        raise SpecError(f"unknown field(s): {', '.join(sorted(unknown))}")
    if spec.get("product") not in PRODUCTS:
        raise SpecError(f"product: one of {', '.join(PRODUCTS)}")
    name, api_key = spec.get("name") or PRODUCTS[spec["product"]].name, spec.get("api_key")
    if not isinstance(name, str) or api_key is not None and (not isinstance(api_key, str) or len(api_key) < 8):
        raise SpecError("name must be a string and api_key a string of at least 8 characters")
    connection = check_connection(spec["connection"]) if spec.get("connection") is not None else None
    return {"name": name, "product": spec["product"], "api_key": api_key, "connection": connection}


@dataclass
class Sandbox:
    """Everything the views need, attached to the app as ``app.extensions["vendor_sandbox"]``."""

    settings: Settings
    store: Store

    def __post_init__(self):
        self.worker = Worker(self)
        self.switches = Switches(on_change=self.worker.wake)

    def upsert_account(self, spec: dict) -> dict:
        """Create or update an account (by api_key) and, when given, its connection; no call to Haku."""
        checked = check_account(spec)
        account = self.store.upsert_account(checked["name"], checked["product"], checked["api_key"])
        if checked["connection"]:
            c = checked["connection"]
            self.store.upsert_connection(account["id"], c["haku_url"], c["external_id"], c["signing_secret"])
        return account

    def seed(self) -> None:
        for spec in self.settings.seed_accounts:
            self.upsert_account(spec)


def create_app(settings: Settings | None = None, start_worker: bool = True) -> Flask:
    settings = settings or Settings.from_env()
    settings.data_dir = Path(settings.data_dir)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    for spec in settings.seed_accounts:
        if not spec.get("api_key"):
            raise SpecError("an api_key is required")
        check_account(spec)

    app = Flask(__name__)
    app.json.sort_keys = False
    app.logger.setLevel(logging.INFO)
    sb = Sandbox(settings, Store(settings.data_dir / "vendor.sqlite3"))
    sb.seed()
    app.extensions["vendor_sandbox"] = sb

    from . import views

    app.register_blueprint(views.bp)
    if start_worker:
        sb.worker.start()
    return app
