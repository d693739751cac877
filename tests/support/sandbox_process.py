"""Start a partner sandbox as its own process on a free port, the way `make run` does."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SandboxProcess:
    def __init__(self, module: str, data_dir: Path, *extra: str, deadline: float = 60.0):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.deadline = deadline
        data_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = data_dir / "sandbox.log"
        self.log = self.log_path.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", module, "--host", "127.0.0.1", "--port", str(self.port),
             "--data-dir", str(data_dir), *extra], cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_ready(self) -> SandboxProcess:
        deadline = time.monotonic() + self.deadline
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"sandbox exited with {self.proc.returncode}; see {self.log_path}")
            try:
                if requests.get(f"{self.base}/healthz", timeout=2).status_code == 200:
                    return self
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"sandbox not ready in time; see {self.log_path}")
            try:
                self.proc.wait(timeout=0.05)  # paces the poll and notices an early exit
            except subprocess.TimeoutExpired:
                pass

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.log.close()
