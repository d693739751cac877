"""The assessment vendor's API (Alva Labs, PARTNERS.md §2.2) and the shapes it answers with.

Plain Python on top of ``PartnerHTTP``: HTTP Basic with the API key as the username and an
empty password, hosts from the allowlist, no redirects, 10 s timeout. Every method returns
a ``CallResult`` whose ``data`` is already checked and normalised; an answer in the wrong
shape becomes a permanent error (retrying would not change it). No Flask, no ORM.
"""

from __future__ import annotations

import math
import re
from typing import Any
from urllib.parse import urlsplit

from app.integrations.http import TIMEOUT, CallResult, PartnerHTTP
from app.problems import store

PARTNER_STATUSES = ("invited", "started", "complete", "expired", "cancelled", "error")
MAX_TESTS = 500
MAX_SUB_SCORES = 50
MAX_CARD_ITEMS = 50
COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


class ShapeError(ValueError):
    """The vendor's answer (or callback data) does not have the documented shape."""


class AlvaClient:
    def __init__(self, base_url: str, api_key: str, allowlist: set[str], *, timeout: float = TIMEOUT,
                 session=None):
        self.http = PartnerHTTP(base_url, allowlist, auth=(api_key, ""), timeout=timeout, session=session,
                                headers={"Accept": "application/json"})

    def list_tests(self) -> CallResult:
        """``GET /list_tests`` → ``data = [{"partner_test_id", "partner_test_name"}]``."""
        return _checked(self.http.call("GET", "/list_tests"), parse_tests)

    def send_test(self, body: dict) -> CallResult:
        """``POST /send_test`` → ``data = {"partner_interview_id", "candidate_url"}``."""
        return _checked(self.http.call("POST", "/send_test", json=body), parse_sent)

    def test_status(self, partner_interview_id: str) -> CallResult:
        """``GET /test_status`` → ``data`` in the normalised test_status shape."""
        return _checked(self.http.call("GET", "/test_status", params={"partner_interview_id": partner_interview_id}),
                        parse_test_status)


def _checked(result: CallResult, parse) -> CallResult:
    if not result.ok:
        return result
    try:
        result.data = parse(result.data)
    except ShapeError as exc:
        result.error, result.retryable = store("unexpected_answer", detail=str(exc)), False
    return result


# ---------------------------------------------------------------- shapes

def _text(value: Any, field: str, limit: int, *, required: bool = True) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ShapeError(f"{field} must be a non-empty string")
    return value.strip()[:limit]


def _number(value: Any, field: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ShapeError(f"{field} must be a number")
    return float(value)


def safe_url(value: Any) -> str | None:
    """An http(s) URL, or None: vendor links are shown as links, never ``javascript:``."""
    if not isinstance(value, str) or len(value) > 1000:
        return None
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return value.strip()


def parse_tests(data: Any) -> list[dict]:
    if not isinstance(data, list):
        raise ShapeError("list_tests must answer a JSON list")
    out, seen = [], set()
    for item in data[:MAX_TESTS]:
        if not isinstance(item, dict):
            raise ShapeError("each test must be an object")
        test_id = _text(item.get("partner_test_id"), "partner_test_id", 100)
        name = _text(item.get("partner_test_name"), "partner_test_name", 200)
        if test_id not in seen:
            seen.add(test_id)
            out.append({"partner_test_id": test_id, "partner_test_name": name})
    return out


def parse_sent(data: Any) -> dict:
    if not isinstance(data, dict):
        raise ShapeError("send_test must answer a JSON object")
    url = safe_url(data.get("candidate_url"))
    if url is None:
        raise ShapeError("candidate_url must be an http(s) URL")
    return {"partner_interview_id": _text(data.get("partner_interview_id"), "partner_interview_id", 100),
            "candidate_url": url}


def parse_test_status(data: Any) -> dict:
    """The test_status shape (also a PATCH callback's full data), checked and trimmed."""
    if not isinstance(data, dict):
        raise ShapeError("test_status must be a JSON object")
    status = data.get("partner_status")
    if status not in PARTNER_STATUSES:
        raise ShapeError(f"partner_status must be one of {', '.join(PARTNER_STATUSES)}")
    profile = data.get("partner_profile_url")
    profile_url = safe_url(profile)
    if profile is not None and profile_url is None:
        raise ShapeError("partner_profile_url must be an http(s) URL")
    if status == "complete" and profile_url is None:
        raise ShapeError("partner_profile_url is required when the test is complete")
    subs = data.get("sub_scores") or []
    if not isinstance(subs, list):
        raise ShapeError("sub_scores must be a list")
    sub_scores = []
    for item in subs[:MAX_SUB_SCORES]:
        if not isinstance(item, dict):
            raise ShapeError("each sub-score must be an object")
        sub_scores.append({"title": _text(item.get("title"), "sub_scores.title", 200),
                           "value": _number(item.get("value"), "sub_scores.value"),
                           "max": _number(item.get("max"), "sub_scores.max")})
    metadata = data.get("metadata") or {}
    if not isinstance(metadata, dict):
        raise ShapeError("metadata must be an object")
    flat = {}
    for key, value in list(metadata.items())[:MAX_CARD_ITEMS]:
        if value is None or isinstance(value, (str, int, float, bool)):
            flat[str(key)[:100]] = value[:500] if isinstance(value, str) else value
    return {"partner_status": status, "partner_profile_url": profile_url,
            "partner_score": _number(data.get("partner_score"), "partner_score"),
            "partner_max_score": _number(data.get("partner_max_score"), "partner_max_score"),
            "sub_scores": sub_scores, "metadata": flat}


def parse_result_card(data: Any) -> dict:
    """A result card, with only http(s) links and a ``#rrggbb`` colour kept."""
    if not isinstance(data, dict):
        raise ShapeError("the result card must be a JSON object")

    def short(value, limit=300):
        return value.strip()[:limit] if isinstance(value, str) else None

    def items(value):
        return value[:MAX_CARD_ITEMS] if isinstance(value, list) else []

    links = []
    for link in items(data.get("links")):
        if isinstance(link, dict) and safe_url(link.get("url")):
            links.append({"title": short(link.get("title"), 200) or "Link", "url": safe_url(link.get("url"))})
    content = []
    for section in items(data.get("content")):
        if not isinstance(section, dict):
            continue
        details = [{"title": short(d.get("title"), 200) or "", "value": _display(d.get("value"))}
                   for d in items(section.get("details")) if isinstance(d, dict)]
        content.append({"title": short(section.get("title"), 200) or "", "details": details})
    scores = [{"title": short(s.get("title"), 200) or "", "value": _display(s.get("value"))}
              for s in items(data.get("scores")) if isinstance(s, dict)]
    score = data.get("score")
    color = data.get("color")
    return {"title": short(data.get("title"), 200), "subtitle": short(data.get("subtitle"), 300),
            "color": color if isinstance(color, str) and COLOR_RE.match(color) else None,
            "score": _number(score, "score") if not isinstance(score, str) else None,
            "status": short(data.get("status"), 32), "links": links, "content": content, "scores": scores}


def parse_logs(data: Any) -> list[dict]:
    if not isinstance(data, list):
        raise ShapeError("logs must be a JSON list")
    out = []
    for item in data[:MAX_CARD_ITEMS]:
        if not isinstance(item, dict):
            raise ShapeError("each log entry must be an object")
        out.append({"at": _display(item.get("at"))[:40], "message": _text(item.get("message"), "message", 500)})
    return out


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)[:500] if isinstance(value, (str, int, float, bool)) else ""
