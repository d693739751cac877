"""The outbound HTTP every partner client uses (PARTNERS.md §0): hosts must be on the
allowlist, redirects are not followed, 10 s timeout, bodies size-capped. Failures are
classified so callers know whether to retry. Plain Python: no Flask, no ORM.

The host is checked on the request requests will actually send (SECURITY_BAR item 40): the
URL is prepared once, the connection's host is taken from the same adapter code that opens
the socket, and that very prepared request is sent. URLs with user-info, backslashes,
fragments, whitespace or control characters are refused before parsing, because parsers
disagree about them (``http://evil\\@allowed/`` is "allowed" to ``urlsplit`` and "evil" to
urllib3). Partner credentials go only to the origin of the configured API URL."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any

import requests
from urllib3.util import parse_url

from app.problems import store

TIMEOUT = 10
MAX_RESPONSE_BYTES = 2 * 1024 * 1024


class HostNotAllowed(ValueError):
    pass


@dataclass
class CallResult:
    """The outcome of one call. ``retryable``: a timeout, network error, 5xx or 429. ``error``
    is a stored code (``app.problems.store``; the partner's own message, if any, is its
    ``partner`` parameter), worded for the reader by app/partners/texts.py."""

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


_DEFAULT_PORTS = {"http": 80, "https": 443}


def _refuse_ambiguous(url: str) -> None:
    """Refuse what parsers read differently, before any parser sees it."""
    if not isinstance(url, str) or not url:
        raise HostNotAllowed("not an http(s) URL")
    if len(url) > 4096:
        raise HostNotAllowed("URL too long")
    if any(not 0x21 <= ord(ch) <= 0x7E for ch in url):
        raise HostNotAllowed(f"URL contains whitespace, control or non-ASCII characters: {url[:100]!r}")
    if "\\" in url:
        raise HostNotAllowed(f"URL contains a backslash: {url[:100]!r}")
    if "#" in url:
        raise HostNotAllowed(f"URL contains a fragment: {url[:100]!r}")
    scheme, sep, rest = url.partition("://")
    if not sep or scheme not in ("http", "https"):
        raise HostNotAllowed(f"not an http(s) URL: {url[:100]!r}")
    authority = re.split(r"[/?]", rest, maxsplit=1)[0]
    if "@" in authority or "%" in authority:
        raise HostNotAllowed(f"URL carries user-info or an encoded host: {url[:100]!r}")


def connection_target(session: requests.Session, prepared: requests.PreparedRequest) -> tuple[str, str, int]:
    """(scheme, host, port) exactly as the adapter will open the connection for ``prepared``."""
    adapter = session.get_adapter(prepared.url)
    try:
        params, _ = adapter.build_connection_pool_key_attributes(prepared, True)
    except ValueError as exc:
        raise HostNotAllowed(f"URL could not be parsed: {exc}") from None
    scheme, host = (params.get("scheme") or "").lower(), (params.get("host") or "").lower()
    parsed = parse_url(prepared.url)
    if parsed.auth is not None or parsed.fragment is not None or (parsed.host or "").lower().strip("[]") != host:
        raise HostNotAllowed(f"URL is ambiguous: {prepared.url[:100]!r}")
    port = params.get("port") or _DEFAULT_PORTS.get(scheme, 0)
    return scheme, host, int(port)


def _allowed(target: tuple[str, str, int], allowlist: set[str]) -> None:
    scheme, host, port = target
    if scheme not in _DEFAULT_PORTS or not host:
        raise HostNotAllowed("not an http(s) URL")
    if host not in allowlist and f"{host}:{port}" not in allowlist:
        raise HostNotAllowed(f"host {host} is not in OUTBOUND_ALLOWED_HOSTS")


def prepare(session: requests.Session, method: str, url: str, allowlist: set[str], **kwargs
            ) -> tuple[requests.PreparedRequest, tuple[str, str, int]]:
    """The request as it will go on the wire, and where it will connect; refused if not allowed."""
    _refuse_ambiguous(url)
    try:
        prepared = session.prepare_request(requests.Request(method, url, **kwargs))
    except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema, ValueError) as exc:
        raise HostNotAllowed(f"URL could not be parsed: {exc}") from None
    _refuse_ambiguous(prepared.url)
    target = connection_target(session, prepared)
    _allowed(target, allowlist)
    return prepared, target


def check_host(url: str, allowlist: set[str]) -> None:
    """Raise ``HostNotAllowed`` unless requests would connect to an allowlisted host for ``url``."""
    prepare(requests.Session(), "GET", url, allowlist)


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
    """A small requests wrapper bound to one partner base URL and its credentials.

    ``auth`` and an ``Authorization`` header are the partner's credentials: they are sent
    only when the connection goes to the origin (scheme, host, port) of ``base_url``."""

    def __init__(self, base_url: str, allowlist: set[str], *, auth=None, headers: dict | None = None,
                 timeout: float = TIMEOUT, session: requests.Session | None = None):
        self.base_url = base_url.rstrip("/")
        self.allowlist = allowlist
        self.auth = auth
        self.headers = headers or {}
        self.timeout = timeout
        self.session = session or requests.Session()

    def _origin(self) -> tuple[str, str, int] | None:
        try:
            return prepare(self.session, "GET", f"{self.base_url}/", self.allowlist)[1]
        except HostNotAllowed:
            return None

    def _send(self, method: str, url: str, **kwargs) -> requests.Response:
        """Check where ``url`` connects, attach credentials only for the API's own origin, send."""
        plain_headers = {k: v for k, v in self.headers.items() if k.lower() != "authorization"}
        prepared, target = prepare(self.session, method, url, self.allowlist, headers=plain_headers, **kwargs)
        if target == self._origin():
            prepared, again = prepare(self.session, method, url, self.allowlist, headers=self.headers,
                                      auth=self.auth, **kwargs)
            if again != target:  # cannot happen: the same URL prepared twice
                raise HostNotAllowed("the request changed while it was prepared")
        settings = self.session.merge_environment_settings(prepared.url, {}, True, None, None)
        return self.session.send(prepared, timeout=self.timeout, allow_redirects=False, **settings)

    def call(self, method: str, path: str, *, json: Any = None, params: dict | None = None) -> CallResult:
        url = f"{self.base_url}{path}"
        started = time.monotonic()
        try:
            resp = self._send(method, url, json=json, params=params)
            raw = _read_capped(resp)
        except HostNotAllowed as exc:
            return CallResult(None, error=store("host_refused", detail=str(exc)), latency_ms=_ms(started),
                              retryable=False)
        except ValueError:  # the answer was larger than we accept
            return CallResult(None, error=store("too_large"), latency_ms=_ms(started), retryable=False)
        except requests.Timeout:
            return CallResult(None, error=store("timeout", seconds=f"{self.timeout:g}"), latency_ms=_ms(started),
                              retryable=True)
        except (requests.ConnectionError, requests.RequestException) as exc:
            return CallResult(None, error=store("connect", kind=type(exc).__name__), latency_ms=_ms(started),
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
            return CallResult(code, data=data, latency_ms=latency, error=store("redirect", status=code),
                              retryable=False)
        retryable = code >= 500 or code == 429
        # The partner's own words (its error message) stay as it wrote them, labelled as such.
        message = partner_message(data, "")
        error = store("partner_refused", status=code, partner=message) if message else store("http_status", status=code)
        return CallResult(code, data=data, latency_ms=latency, error=error, retryable=retryable, raw=raw,
                          headers=dict(resp.headers))

    def fetch_file(self, url: str, max_bytes: int) -> bytes:
        """GET a file from an allowlisted host, no redirects, at most ``max_bytes``. The
        partner's credentials go along only if the file is on the API's own origin."""
        with self._send("GET", url) as resp:
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
