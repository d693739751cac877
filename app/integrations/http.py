"""The outbound HTTP every partner client uses (PARTNERS.md §0): hosts must be on the
allowlist, redirects are not followed, 10 s timeout, bodies size-capped. Failures are
classified so callers know whether to retry. Plain Python: no Flask, no ORM."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import requests

TIMEOUT = 10
MAX_RESPONSE_BYTES = 2 * 1024 * 1024


class HostNotAllowed(ValueError):
    pass


@dataclass
class CallResult:
    """The outcome of one call. ``retryable``: a timeout, network error, 5xx or 429."""

    status_code: int | None
    data: Any = None
    latency_ms: int = 0
    error: str | None = None
    retryable: bool = False
    raw: bytes = b""
    headers: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None and self.status_code is not None and 200 <= self.status_code < 300


def allowed_hosts(spec: str) -> set[str]:
    return {h.strip().lower() for h in (spec or "").split(",") if h.strip()}


def check_host(url: str, allowlist: set[str]) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise HostNotAllowed(f"not an http(s) URL: {url[:100]}")
    host = parts.hostname.lower()
    if host not in allowlist and f"{host}:{parts.port}" not in allowlist:
        raise HostNotAllowed(f"host {host} is not in OUTBOUND_ALLOWED_HOSTS")


def partner_message(data: Any, fallback: str) -> str:
    """The partner's own error message from ``{"error": {"message": ...}}``, if any."""
    if isinstance(data, dict):
        err = data.get("error")
        if isinstance(err, dict) and err.get("message"):
            field_ = f" ({err['field']})" if err.get("field") else ""
            return f"{err['message']}{field_}"[:900]
        if isinstance(err, str):
            return err[:900]
    return fallback


class PartnerHTTP:
    """A small requests wrapper bound to one partner base URL and its credentials."""

    def __init__(self, base_url: str, allowlist: set[str], *, auth=None, headers: dict | None = None,
                 timeout: float = TIMEOUT, session: requests.Session | None = None):
        self.base_url = base_url.rstrip("/")
        self.allowlist = allowlist
        self.auth = auth
        self.headers = headers or {}
        self.timeout = timeout
        self.session = session or requests.Session()

    def call(self, method: str, path: str, *, json: Any = None, params: dict | None = None) -> CallResult:
        url = f"{self.base_url}{path}"
        started = time.monotonic()
        try:
            check_host(url, self.allowlist)
            resp = self.session.request(method, url, json=json, params=params, auth=self.auth, headers=self.headers,
                                        timeout=self.timeout, allow_redirects=False, stream=True)
            raw = _read_capped(resp)
        except HostNotAllowed as exc:
            return CallResult(None, error=str(exc), latency_ms=_ms(started), retryable=False)
        except ValueError as exc:  # the answer was larger than we accept
            return CallResult(None, error=str(exc), latency_ms=_ms(started), retryable=False)
        except requests.Timeout:
            return CallResult(None, error=f"timed out after {self.timeout:g} s", latency_ms=_ms(started),
                              retryable=True)
        except (requests.ConnectionError, requests.RequestException) as exc:
            return CallResult(None, error=f"could not connect: {type(exc).__name__}", latency_ms=_ms(started),
                              retryable=True)
        latency = _ms(started)
        data = None
        if raw:
            try:
                import json as _json

                data = _json.loads(raw)
            except ValueError:
                data = None
        code = resp.status_code
        if 200 <= code < 300:
            return CallResult(code, data=data, latency_ms=latency, raw=raw, headers=dict(resp.headers))
        if 300 <= code < 400:
            return CallResult(code, data=data, latency_ms=latency, error=f"unexpected redirect (HTTP {code})",
                              retryable=False)
        retryable = code >= 500 or code == 429
        message = partner_message(data, f"HTTP {code}")
        return CallResult(code, data=data, latency_ms=latency, error=message, retryable=retryable, raw=raw,
                          headers=dict(resp.headers))

    def fetch_file(self, url: str, max_bytes: int) -> bytes:
        """GET a file from an allowlisted host, no redirects, at most ``max_bytes``."""
        check_host(url, self.allowlist)
        with self.session.get(url, timeout=self.timeout, allow_redirects=False, stream=True,
                              headers=self.headers) as resp:
            if resp.status_code != 200:
                raise ValueError(f"HTTP {resp.status_code}")
            return _read_capped(resp, max_bytes)


def _read_capped(resp, limit: int = MAX_RESPONSE_BYTES) -> bytes:
    out = bytearray()
    for chunk in resp.iter_content(65536):
        out += chunk
        if len(out) > limit:
            resp.close()
            raise ValueError(f"response larger than {limit} bytes")
    return bytes(out)


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
