"""TopCV rows of `make bench`: webhook intake under gunicorn (2 workers) beside a bare Flask
POST route, and one RQ worker processing 5,000 signed `application.created` deliveries of
which 10% are redeliveries sent concurrently with their originals. Lost and duplicated
applications are counted from the database (both must be 0)."""

from __future__ import annotations

import base64
import http.client
import json
import os
import queue
import random
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path

from bench import load

ROOT = Path(__file__).resolve().parent.parent
EVENTS = int(os.environ.get("BENCH_TOPCV_EVENTS", "5000"))
DUPLICATE_SHARE = 0.10
SECRET = "bench-topcv-secret-key"
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


@dataclass
class Intake:
    sent: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    statuses: dict = field(default_factory=dict)

    @property
    def rps(self) -> float:
        return self.sent / self.seconds if self.seconds else 0.0

    @property
    def p95(self) -> float:
        data = sorted(self.latencies)
        return data[min(len(data) - 1, int(0.95 * len(data)))] * 1000 if data else 0.0


def seed(app, slug: str = "bench-topcv") -> dict:
    """A company with TopCV configured and one posted job; ``slug`` keeps callers apart (the
    CPU table seeds its own so this bench's counts stay its own)."""
    from sqlalchemy import select

    from app.accounts import services as accounts
    from app.accounts.models import User
    from app.boards import services as boards
    from app.boards.models import Posting
    from app.extensions import db
    from app.jobs import services as jobs
    from app.partners import services as partners
    from app.partners.models import IntegrationStatus

    with app.app_context():
        company = accounts.create_company(name=f"Bench TopCV {slug}", slug=slug, admin_email=f"admin@{slug}.bench",
                                          admin_name="Bench Admin", admin_password="bench-password-2026")
        company.job_boards_enabled = True
        admin = db.session.scalar(select(User).where(User.company_id == company.id))
        job = jobs.create_job(company.id, admin, {"title": "Kỹ sư phần mềm", "status": "published",
                                                  "location": "Hà Nội", "description": "Bench"})
        integration = boards.connection(company.id, create=True)
        partners.set_api_key(integration, "bench-token")
        partners.set_signing_secret(integration, SECRET)
        integration.status = IntegrationStatus.CONFIGURED
        db.session.add(Posting(company_id=company.id, job_id=job.id, integration_id=integration.id,
                               board_job_id="TCV-BENCH", status="approved", payload={"title": job.title}))
        db.session.commit()
        return {"company_id": company.id, "job_id": job.id, "external_id": integration.external_id}


def delivery(external_id: str, n: int, hook=None) -> tuple[str, bytes, dict]:
    """One signed `application.created` delivery for event ``n``, signed now."""
    from datetime import datetime

    from standardwebhooks.webhooks import Webhook

    hook = hook or Webhook("whsec_" + base64.b64encode(SECRET.encode()).decode())
    resume = {"file_name": "cv.pdf", "content_type": "application/pdf", "data": base64.b64encode(PDF).decode(),
              "url": None}
    path = f"/partner/v1/boards/topcv/{external_id}/events"
    body = json.dumps({"api_version": "1", "type": "application.created",
                       "timestamp": datetime.now(UTC).isoformat(), "data": {
                           "board_application_id": f"TCVA-{n}", "board_job_id": "TCV-BENCH",
                           "job_title": "Kỹ sư phần mềm",
                           "candidate": {"full_name": f"Ứng Viên {n}", "email": f"cand{n}@bench.vn",
                                         "phone": None},
                           "resume": resume, "cover_letter": None, "answers": [],
                           "applied_at": datetime.now(UTC).isoformat()}}).encode()
    msg_id = f"evt_{uuid.uuid4().hex}"
    now = datetime.now(UTC)
    headers = {"webhook-id": msg_id, "webhook-timestamp": str(int(now.timestamp())),
               "webhook-signature": hook.sign(msg_id, now, body.decode()), "Content-Type": "application/json"}
    return path, body, headers


def deliveries(external_id: str) -> list[tuple[str, bytes, dict]]:
    """Signed requests: unique events plus redeliveries (same webhook-id and body) placed
    right next to their originals so the two race."""
    from standardwebhooks.webhooks import Webhook

    hook = Webhook("whsec_" + base64.b64encode(SECRET.encode()).decode())
    unique = int(EVENTS / (1 + DUPLICATE_SHARE))
    out = [delivery(external_id, n, hook) for n in range(unique)]
    rng = random.Random(7)
    for index in sorted(rng.sample(range(unique), EVENTS - unique), reverse=True):
        out.insert(index + 1, out[index])
    return out


def deliver(port: int, requests_: list, concurrency: int) -> Intake:
    """Send every request once with ``concurrency`` keep-alive clients."""
    work: queue.Queue = queue.Queue()
    for item in requests_:
        work.put(item)
    result = Intake()
    lock = threading.Lock()

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            try:
                path, body, headers = work.get_nowait()
            except queue.Empty:
                break
            t0 = time.perf_counter()
            try:
                conn.request("POST", path, body=body, headers=headers)
                resp = conn.getresponse()
                resp.read()
                status = resp.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                status = 0
            with lock:
                result.sent += 1
                result.latencies.append(time.perf_counter() - t0)
                result.statuses[status] = result.statuses.get(status, 0) + 1
        conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.monotonic() - started
    return result


def counts(app, world: dict) -> dict:
    from sqlalchemy import func, select

    from app.applications.models import Application
    from app.extensions import db
    from app.partners.models import PartnerDelivery

    with app.app_context():
        apps = db.session.scalar(select(func.count(Application.id)).where(
            Application.company_id == world["company_id"], Application.source == "topcv"))
        distinct = db.session.scalar(select(func.count(func.distinct(Application.source_ref))).where(
            Application.company_id == world["company_id"], Application.source == "topcv"))
        states = dict(db.session.execute(select(PartnerDelivery.state, func.count()).where(
            PartnerDelivery.company_id == world["company_id"]).group_by(PartnerDelivery.state)).all())
        db.session.remove()
    return {"applications": apps, "distinct": distinct, "states": states}


def run_all(app, env: dict, server_factory, concurrency: int = 8) -> dict:
    world = seed(app)
    requests_ = deliveries(world["external_id"])
    unique = len({h["webhook-id"] for _, _, h in requests_})
    server = server_factory()
    try:
        bare_body = requests_[0][1]
        bare_first = load.run("bare Flask POST (first)", server.port,
                              lambda w, n: ("POST", "/__bench/bare-post", bare_body,
                                            {"Content-Type": "application/json"}),
                              concurrency=concurrency, duration=5)
        intake = deliver(server.port, requests_, concurrency)
        bare_last = load.run("bare Flask POST (last)", server.port,
                             lambda w, n: ("POST", "/__bench/bare-post", bare_body,
                                           {"Content-Type": "application/json"}),
                             concurrency=concurrency, duration=5)
    finally:
        server.stop()
    stored = counts(app, world)
    started = time.monotonic()
    log = (ROOT / "instance" / "bench-worker.log").open("ab")
    worker = subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", "rq", "worker", "--burst", "boards"],
                            cwd=ROOT, env=env, stdout=log, stderr=log, timeout=3600)
    log.close()
    processing_seconds = time.monotonic() - started
    done = counts(app, world)
    return {"unique": unique, "sent": len(requests_), "intake": intake, "bare": [bare_first, bare_last],
            "stored": stored, "done": done, "processing_seconds": processing_seconds,
            "worker_exit": worker.returncode}


def render(result: dict) -> list[str]:
    intake, bare = result["intake"], result["bare"]
    bare_rps = sum(r.rps for r in bare) / len(bare)
    ratio = intake.rps / bare_rps if bare_rps else 0
    done = result["done"]
    lost = result["unique"] - done["distinct"]
    duplicated = done["applications"] - done["distinct"]
    rate = done["applications"] / result["processing_seconds"] if result["processing_seconds"] else 0
    return [
        "## TopCV webhook intake and processing", "",
        f"{result['sent']:,} signed `application.created` deliveries ({result['unique']:,} distinct events; "
        f"{result['sent'] - result['unique']:,} redeliveries with the same `webhook-id`, each sent right beside its "
        f"original so they race) from 8 concurrent keep-alive clients to gunicorn (2 workers). Each carries a small "
        f"base64 PDF. Then one `flask rq worker --burst boards` processes what was stored.", "",
        "| row | req/s | p95 ms | answers | ratio to bare | target | result |", "|---|---:|---:|---|---:|---|---|",
        *[f"| {r.name} | {r.rps:.0f} | {r.p95:.1f} | {r.statuses} | 1.00 | | |" for r in bare],
        f"| webhook intake | {intake.rps:.0f} | {intake.p95:.1f} | {intake.statuses} | {ratio:.2f} | ≥ 0.5 of bare | "
        f"{'pass' if ratio >= 0.5 else 'MISS'} |", "",
        f"Processing: {done['applications']:,} applications created in {result['processing_seconds']:.1f} s by one "
        f"worker = **{rate:.1f} applications/s** (worker exit {result['worker_exit']}; delivery states "
        f"{done['states']}).", "",
        f"Lost applications: **{lost}**; duplicated applications: **{duplicated}** (both must be 0: "
        f"{'pass' if lost == 0 and duplicated == 0 else 'MISS'}).", "",
    ]
