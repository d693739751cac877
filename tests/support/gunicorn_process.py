"""Real gunicorn with the shipped ``gunicorn.conf.py`` on a free port, its access log
(stdout) and error log (stderr) in files the test reads."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

from tests.support.processes import ROOT, free_port

#: Production settings (no HAKU_CONFIG: the shipped config must choose production itself).
PRODUCTION_KEYS = "p1:MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI="


def production_env(test_env: dict, database_url: str, secret_key: str, **extra) -> dict:
    env = {k: v for k, v in test_env.items() if k not in ("HAKU_CONFIG", "TEST_DATABASE_URL", "FLASK_APP")}
    env.update({"DATABASE_URL": database_url, "SECRET_KEY": secret_key, "BASE_URL": "https://jobs.example.test",
                "HAKU_ENCRYPTION_KEYS": PRODUCTION_KEYS, "WEB_CONCURRENCY": "1", "WEB_THREADS": "4",
                "PYTHONUNBUFFERED": "1", **extra})
    return env


class Gunicorn:
    def __init__(self, env: dict, log_dir: Path, *args: str, module: str = "wsgi:app"):
        log_dir.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.access_path, self.error_path = log_dir / "access.log", log_dir / "error.log"
        self._out, self._err = self.access_path.open("wb"), self.error_path.open("wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", *args, module],
                                     cwd=ROOT, env={**env, "PORT": str(self.port)}, stdout=self._out,
                                     stderr=self._err)

    def wait_ready(self, timeout: float = 60.0) -> Gunicorn:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"gunicorn exited {self.proc.returncode}: {self.error_log()[-3000:]}")
            try:
                if requests.get(f"{self.base}/healthz", timeout=10).status_code in (200, 503):
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise AssertionError("gunicorn did not answer /healthz")

    def wait_exit(self, timeout: float = 60.0) -> int:
        return self.proc.wait(timeout=timeout)

    def access_log(self) -> str:
        return self.access_path.read_text(errors="replace")

    def error_log(self) -> str:
        return self.error_path.read_text(errors="replace")

    def access_lines(self) -> int:
        return self.access_log().count("\n")

    def logs_settle(self, check, what: str, timeout: float = 20.0) -> None:
        """Wait until ``check()`` holds (a condition on the logs). Each worker writes a
        request's access line after answering it, so a request made last can be logged before
        an earlier one another worker answered: wait for what the test needs, not a marker."""
        deadline = time.monotonic() + timeout
        while not check():
            if time.monotonic() > deadline:
                raise AssertionError(f"the server logs never showed {what}")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._out.close()
        self._err.close()
