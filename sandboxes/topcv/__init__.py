"""TopCV sandbox: a stand-in for TopCV, a Vietnamese job board, speaking Haku's TopCV contract.

It is a third party: its own Flask app, templates and SQLite state; it never imports
``app``. Employers post jobs over a Bearer-token API, a moderator approves or rejects
them, candidates apply, and the board sends signed Standard Webhooks back. Run it as its
own process::

    python -m sandboxes.topcv --host 127.0.0.1 --port 5102 --data-dir instance/topcv-sandbox

See ``sandboxes/topcv/README.md``.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask, request

from . import store
from .switches import Switches
from .webhooks import Deliverer

DEFAULT_PORT = 5102
DEFAULT_RETRY_BASE = 2.0


class SeedError(ValueError):
    pass


def check_employer(data) -> dict:
    """The employer JSON of --seed-employer and POST /control/employers, or ``SeedError``."""
    if not isinstance(data, dict):
        raise SeedError("an employer must be a JSON object")
    unknown = set(data) - {"name", "email", "access_token", "secret_key", "webhook_url"}
    if unknown:
        raise SeedError(f"unknown employer field(s): {', '.join(sorted(unknown))}")
    for key in ("name", "email"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise SeedError(f"{key} is required")
    for key in ("access_token", "secret_key", "webhook_url"):
        if data.get(key) is not None and (not isinstance(data[key], str) or not data[key].strip()):
            raise SeedError(f"{key} must be a non-empty string or null")
    url = data.get("webhook_url")
    if url is not None and not url.startswith(("http://", "https://")):
        raise SeedError("webhook_url must be an http:// or https:// URL")
    return data


@dataclass
class Settings:
    data_dir: Path = Path("instance/topcv-sandbox")
    public_url: str | None = None  # None: taken from each request's host
    seed_employers: list[dict] = field(default_factory=list)
    retry_base: float = DEFAULT_RETRY_BASE

    @classmethod
    def from_env(cls) -> Settings:
        """Settings for ``flask --app sandboxes.topcv run`` (the CLI passes them explicitly)."""
        return cls(data_dir=Path(os.environ.get("TOPCV_SANDBOX_DATA_DIR", "instance/topcv-sandbox")),
                   public_url=os.environ.get("TOPCV_SANDBOX_PUBLIC_URL") or None)


@dataclass
class Sandbox:
    """Everything the views need, attached to the app as ``app.extensions["topcv_sandbox"]``."""

    settings: Settings
    db_path: Path
    switches: Switches
    deliverer: Deliverer

    def public_url(self) -> str:
        return (self.settings.public_url or request.host_url).rstrip("/")

    def seed(self) -> None:
        conn = store.connect(self.db_path)
        try:
            for employer in self.settings.seed_employers:
                store.upsert_employer(conn, employer)
        finally:
            conn.close()


def create_app(settings: Settings | None = None, start_delivery: bool = True) -> Flask:
    """Build the sandbox app; the SQLite file is created in the data dir on first start."""
    settings = settings or Settings.from_env()
    settings.data_dir = Path(settings.data_dir)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    for employer in settings.seed_employers:
        check_employer(employer)
    db_path = settings.data_dir / "topcv.sqlite3"
    store.init(db_path)

    app = Flask(__name__)
    app.config.update(MAX_CONTENT_LENGTH=32 * 1024 * 1024, MAX_FORM_MEMORY_SIZE=32 * 1024 * 1024)
    app.json.sort_keys = False
    app.logger.setLevel(logging.INFO)

    switches = Switches()
    sandbox = Sandbox(settings, db_path, switches, Deliverer(db_path, switches, settings.retry_base))
    sandbox.seed()
    app.extensions["topcv_sandbox"] = sandbox
    app.teardown_appcontext(store.close_db)

    from . import api, control, views

    app.register_blueprint(api.bp)
    app.register_blueprint(control.bp)
    app.register_blueprint(views.bp)
    if start_delivery:
        sandbox.deliverer.start()
    return app
