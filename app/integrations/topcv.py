"""TopCV employer API client (PARTNERS.md §3.2; Haku's own contract behind the
``JobBoardAdapter`` interface so a real API or another board can replace it).
Plain Python: no Flask, no ORM."""

from __future__ import annotations

from typing import Protocol

from app.integrations.http import CallResult, PartnerHTTP


class JobBoardAdapter(Protocol):
    """What Haku needs from a job board."""

    def me(self) -> CallResult: ...
    def create_job(self, body: dict) -> CallResult: ...
    def list_jobs(self) -> CallResult: ...
    def update_job(self, board_job_id: str, body: dict) -> CallResult: ...
    def close_job(self, board_job_id: str) -> CallResult: ...
    def get_job(self, board_job_id: str) -> CallResult: ...
    def fetch_file(self, url: str, max_bytes: int) -> bytes: ...


class TopCVClient:
    """Bearer auth with the employer's API key (TopCV's "Access Token")."""

    def __init__(self, base_url: str, api_key: str, allowlist: set[str], timeout: float = 10):
        self.http = PartnerHTTP(base_url, allowlist, headers={"Authorization": f"Bearer {api_key}",
                                                              "Accept": "application/json"}, timeout=timeout)

    def me(self) -> CallResult:
        return self.http.call("GET", "/v1/me")

    def create_job(self, body: dict) -> CallResult:
        return self.http.call("POST", "/v1/jobs", json=body)

    def list_jobs(self) -> CallResult:
        return self.http.call("GET", "/v1/jobs")

    def update_job(self, board_job_id: str, body: dict) -> CallResult:
        return self.http.call("PUT", f"/v1/jobs/{_safe(board_job_id)}", json=body)

    def close_job(self, board_job_id: str) -> CallResult:
        return self.http.call("POST", f"/v1/jobs/{_safe(board_job_id)}/close")

    def get_job(self, board_job_id: str) -> CallResult:
        return self.http.call("GET", f"/v1/jobs/{_safe(board_job_id)}")

    def fetch_file(self, url: str, max_bytes: int) -> bytes:
        return self.http.fetch_file(url, max_bytes)


def _safe(board_job_id: str) -> str:
    from urllib.parse import quote

    return quote(str(board_job_id), safe="")
