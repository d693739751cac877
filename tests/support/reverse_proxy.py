"""A real reverse proxy (nginx, from Debian's package; `make nginx` installs it) in front of
the app served over HTTP, as docs/deploy.md puts a load balancer in front of gunicorn, and
HTTP clients that connect from different loopback addresses (127.0.0.2, 127.0.0.3, …) so
the proxy sees different visitors."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
import requests
from requests.adapters import HTTPAdapter

NGINX_CONF = """
daemon off;
master_process off;
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 128; }}
http {{
    access_log {dir}/access.log;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    client_max_body_size 30m;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://127.0.0.1:{upstream};
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Forwarded-Host $http_host;
        }}
    }}
}}
"""


def nginx_path() -> str:
    path = os.environ.get("NGINX_PATH") or shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.access(path, os.X_OK):
        pytest.fail("nginx is not installed: run `make nginx` (Debian's nginx-light package)")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port: int, proc: subprocess.Popen, log: Path, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"nginx exited: {log.read_text() if log.exists() else ''}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("nginx did not start listening")


class Nginx:
    def __init__(self, upstream_port: int, workdir: Path):
        self.dir = workdir
        self.dir.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        conf = self.dir / "nginx.conf"
        conf.write_text(NGINX_CONF.format(dir=self.dir, port=self.port, upstream=upstream_port))
        self.proc = subprocess.Popen([nginx_path(), "-p", str(self.dir), "-e", str(self.dir / "error.log"),
                                      "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_for_port(self.port, self.proc, self.dir / "error.log")
        self.base = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


class _FromAddress(HTTPAdapter):
    def __init__(self, address: str):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def visitor(address: str) -> requests.Session:
    """A browser-like client whose connections come from ``address`` (any 127.x.y.z)."""
    session = requests.Session()
    session.mount("http://", _FromAddress(address))
    return session


@pytest.fixture
def behind_proxy(app, app_config, tmp_path):
    """Start the app (werkzeug's threaded server, CSRF off as in unit tests, rate limits on)
    behind nginx; ``start(**settings)`` returns nginx's base URL."""
    from werkzeug.serving import make_server

    from app import create_app

    started: list = []

    def start(**settings) -> str:
        server = make_server("127.0.0.1", 0, None, threaded=True)
        server.app = create_app({**app_config, "RATELIMIT_ENABLED": True, **settings})
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        proxy = Nginx(server.server_port, tmp_path / f"nginx-{len(started)}")
        started.append((server, thread, proxy))
        return proxy.base

    try:
        yield start
    finally:
        for server, thread, proxy in started:
            proxy.stop()
            server.shutdown()
            thread.join(timeout=10)
