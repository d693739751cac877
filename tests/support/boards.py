"""TopCV helpers: a company with TopCV connected (keys stored the normal way, without the
validation call), a signer that speaks TopCV's Standard Webhooks, events and postings, and the
``board``/``post_event`` fixtures (shared with tests outside tests/boards)."""

from __future__ import annotations

import base64
import json
import time
import uuid
from dataclasses import dataclass

import pytest
from standardwebhooks.webhooks import Webhook

from app.boards.models import Posting
from app.extensions import db
from tests.support.builders import PDF

SECRET = "topcv-secret-key-0123456789"
API_KEY = "topcv-access-token-abcdef"


@dataclass
class Board:
    company: object
    admin: object
    integration: object
    secret: str = SECRET

    @property
    def url(self) -> str:
        return f"/partner/v1/boards/topcv/{self.integration.external_id}/events"


def signed(secret: str, payload: dict | bytes, msg_id: str | None = None, timestamp: int | None = None,
           whsec: bool = True) -> tuple[bytes, dict]:
    from app.boards.services import secret_as_whsec

    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    msg_id = msg_id or f"evt_{uuid.uuid4().hex}"
    ts = timestamp or int(time.time())
    import datetime as dt

    signature = Webhook(secret_as_whsec(secret) if whsec else secret).sign(
        msg_id, dt.datetime.fromtimestamp(ts, tz=dt.UTC), body.decode())
    return body, {"webhook-id": msg_id, "webhook-timestamp": str(ts), "webhook-signature": signature,
                  "Content-Type": "application/json"}


def event(type_: str, data: dict, timestamp: str | None = None) -> dict:
    return {"api_version": "1", "type": type_, "timestamp": timestamp or "2026-12-01T08:00:00Z", "data": data}


def connect(company, secret: str = SECRET, api_key: str = API_KEY):
    from app.boards import services
    from app.extensions import db
    from app.partners import services as partners
    from app.partners.models import IntegrationStatus

    company.job_boards_enabled = True
    integration = services.connection(company.id, create=True)
    partners.set_api_key(integration, api_key)
    partners.set_signing_secret(integration, secret)
    integration.status = IntegrationStatus.CONFIGURED
    db.session.commit()
    return integration


@pytest.fixture
def board(app, make):
    company = make.company("acme-vn", "Acme Vietnam")
    return Board(company=company, admin=make.admin_of(company), integration=connect(company))


@pytest.fixture
def post_event(client, board):
    def post(payload, msg_id=None, secret=None, url=None, **kw):
        body, headers = signed(secret or board.secret, payload, msg_id, **kw)
        return client.post(url or board.url, data=body, headers=headers)
    return post


def posting_for(board, job, board_job_id="TCV-1", status="pending_review") -> Posting:
    posting = Posting(company_id=board.company.id, job_id=job.id, integration_id=board.integration.id,
                      board_job_id=board_job_id, status=status, payload={"title": job.title})
    db.session.add(posting)
    db.session.commit()
    return posting


def applied(board_job_id="TCV-1", ref="APP-1", email="lan@example.vn", phone="+84 901 234 567",
            title="Backend developer", resume=True, name="Nguyễn Thị Lan"):
    return event("application.created", {
        "board_application_id": ref, "board_job_id": board_job_id, "job_title": title,
        "candidate": {"full_name": name, "email": email, "phone": phone},
        "resume": {"file_name": "lan.pdf", "content_type": "application/pdf",
                   "data": base64.b64encode(PDF).decode(), "url": None} if resume else None,
        "cover_letter": "Xin chào", "answers": [], "applied_at": "2026-12-01T08:00:00Z"})
