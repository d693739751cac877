"""Assessment vendor helpers: the vendor sandbox process and its fixtures (shared with the browser
tests), integrations added the normal way, and Standard Webhooks callbacks signed as the vendor signs them."""

from __future__ import annotations

import json
import threading
import uuid
from datetime import UTC, datetime

import pytest
import requests
from standardwebhooks.webhooks import Webhook
from werkzeug.serving import make_server

from app.extensions import db


@pytest.fixture(scope="session")
def vendor_sandbox(tmp_path_factory):
    """The Alva Labs sandbox over real HTTP (callback retries start at 0.2 s)."""
    from tests.support.sandbox_process import SandboxProcess

    sandbox = SandboxProcess("sandboxes.assessment_vendor", tmp_path_factory.mktemp("alva") / "data",
                             "--retry-base", "0.2")
    try:
        yield sandbox.wait_ready()
    finally:
        sandbox.stop()


class Vendor:
    """The sandbox's control API (no auth; the test's side of the vendor)."""

    def __init__(self, base: str):
        self.base = base

    def post(self, path: str, body: dict | None = None) -> dict:
        resp = requests.post(f"{self.base}{path}", json=body or {}, timeout=30)
        assert resp.status_code < 500, resp.text
        return resp.json()

    def get(self, path: str, **params):
        resp = requests.get(f"{self.base}{path}", params=params, timeout=30)
        assert resp.status_code == 200, resp.text
        return resp.json()

    def account(self, product: str, name: str = "Acme Oy") -> dict:
        return self.post("/control/accounts", {"name": name, "product": product})

    def connect(self, api_key: str, haku_url: str, external_id: str, secret: str, call: bool = True) -> dict:
        answer = self.post("/control/connect", {"api_key": api_key, "haku_url": haku_url,
                                                "external_id": external_id, "signing_secret": secret, "call": call})
        assert not answer.get("error"), answer
        return answer

    def switches(self, **values) -> dict:
        return self.post("/control/switches", values)

    def interviews(self, application_ref: str | None = None) -> list[dict]:
        return self.get("/control/interviews", **({"application_ref": application_ref} if application_ref else {}))

    def deliveries(self) -> list[dict]:
        return self.get("/control/deliveries")


@pytest.fixture
def vendor(app, vendor_sandbox):
    """A clean sandbox (accounts wiped, switches off) and Haku pointed at it."""
    requests.post(f"{vendor_sandbox.base}/control/reset", json={"wipe": True}, timeout=10).raise_for_status()
    app.config["ASSESSMENT_VENDOR_URL"] = vendor_sandbox.base
    return Vendor(vendor_sandbox.base)


@pytest.fixture
def live_haku(app, app_config, vendor):
    """Haku served over HTTP as production runs it (tasks go to Redis, CSRF on), so the
    sandbox's signed callbacks reach it."""
    from app import create_app

    server = make_server("127.0.0.1", 0, None, threaded=True)
    base = f"http://127.0.0.1:{server.server_port}"
    server.app = create_app({**app_config, "WTF_CSRF_ENABLED": True, "RQ_ASYNC": True, "BASE_URL": base,
                             "ASSESSMENT_VENDOR_URL": vendor.base})
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    app.config["BASE_URL"] = base
    try:
        yield base
    finally:
        server.shutdown()
        thread.join(timeout=10)


@pytest.fixture
def worker_env(test_env, app_config, vendor):
    """Environment of a real worker: the same database, Redis, SMTP sink, secret key and
    vendor; BASE_URL is set per test to the live server when callbacks must arrive."""
    return {**test_env, "SECRET_KEY": app_config["SECRET_KEY"], "ASSESSMENT_VENDOR_URL": vendor.base}


def add_integration(company, product: str = "coding", *, api_key: str | None = None, connected: bool = False,
                    active: bool = True):
    """An integration made through the staff service; returns (integration, signing secret)."""
    from app.assessments import services

    integration, secret = services.create_integration(company, product, api_key=api_key, is_active=active,
                                                      actor=None)
    if connected:
        services.update_integration(integration, is_active=active, vendor_account_ref="acct_test", actor=None)
    return integration, secret


def vendor_linked(vendor: Vendor, company, product: str = "coding", haku_url: str = "http://127.0.0.1:5000"):
    """A sandbox account connected to a new Haku integration without a network call (staff
    entered the vendor's reference by hand)."""
    account = vendor.account(product, company.name)
    integration, secret = add_integration(company, product, api_key=account["api_key"])
    vendor.connect(account["api_key"], haku_url, integration.external_id, secret, call=False)
    from app.assessments import services

    services.update_integration(integration, is_active=True, vendor_account_ref=account["ref"], actor=None)
    return integration, secret, account


def signed(secret: str, payload: dict | list | str, *, msg_id: str | None = None, when: datetime | None = None,
           content_type: str = "application/json") -> tuple[bytes, dict]:
    """A Standard Webhooks request body and headers, signed as the vendor signs."""
    body = payload if isinstance(payload, str) else json.dumps(payload)
    msg_id = msg_id or f"msg_{uuid.uuid4().hex[:12]}"
    when = when or datetime.now(UTC)
    headers = {"webhook-id": msg_id, "webhook-timestamp": str(int(when.timestamp())),
               "webhook-signature": Webhook(secret).sign(msg_id, when, body), "Content-Type": content_type}
    return body.encode(), headers


def event(type_: str, data) -> dict:
    return {"api_version": "1", "type": type_, "timestamp": datetime.now(UTC).isoformat(), "data": data}


def deliveries(integration_id: int, direction: str | None = None):
    from sqlalchemy import select

    from app.partners.models import PartnerDelivery

    stmt = select(PartnerDelivery).where(PartnerDelivery.integration_id == integration_id)
    if direction:
        stmt = stmt.where(PartnerDelivery.direction == direction)
    db.session.expire_all()
    return db.session.scalars(stmt.order_by(PartnerDelivery.id)).all()
