"""The employer API (``/v1``): Bearer access token, JSON in and out, errors as ``{"error": {...}}``."""

from __future__ import annotations

import time

from flask import Blueprint, g, jsonify, request

from . import jobs, store
from .board import current

bp = Blueprint("api", __name__, url_prefix="/v1")


def error(status: int, code: str, message: str, field: str | None = None, headers: dict | None = None):
    return jsonify(error={"code": code, "message": message, "field": field}), status, headers or {}


@bp.before_request
def _switches_and_auth():
    switches = current().switches
    if switches.take("api_timeout"):
        time.sleep(switches.get()["api_timeout_seconds"])
    if switches.take("api_500"):
        return error(500, "internal_error", "TopCV had an internal error (sandbox switch api_500).")
    if switches.take("api_429"):
        return error(429, "rate_limited", "Too many requests; retry after 1 second.", headers={"Retry-After": "1"})
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    employer = store.employer_by_token(store.db(), token.strip()) if scheme.lower() == "bearer" and token else None
    if employer is None:
        return error(401, "unauthorized", "A valid access token is required: Authorization: Bearer <access token>.")
    g.employer = employer
    return None


def _own_job(board_job_id: str):
    row = store.job(store.db(), board_job_id)
    if row is None or row["employer_id"] != g.employer["id"]:
        return None
    return row


def _not_found(board_job_id: str):
    return error(404, "not_found", f"No job {board_job_id} for this employer.")


def _posting():
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return None, error(400, "bad_request", "The request body must be a JSON object.")
    try:
        return jobs.validate(body), None
    except jobs.Invalid as exc:
        return None, error(422, "validation_error", exc.message, exc.field)


def _job_json(row) -> dict:
    return jobs.as_json(row, store.board_job_id(row["id"]), current().public_url())


@bp.get("/me")
def me():
    return jsonify(store.employer_json(g.employer))


@bp.get("/jobs")
def list_jobs():
    return jsonify([_job_json(row) for row in store.jobs(store.db(), g.employer["id"])])


@bp.post("/jobs")
def create_job():
    posting, problem = _posting()
    if problem:
        return problem
    conn = store.db()
    with store.transaction(conn):
        board_job_id = store.create_job(conn, g.employer["id"], posting, "api")
    return jsonify(board_job_id=board_job_id, status="pending_review"), 201


@bp.get("/jobs/<board_job_id>")
def get_job(board_job_id: str):
    row = _own_job(board_job_id)
    return jsonify(_job_json(row)) if row else _not_found(board_job_id)


@bp.put("/jobs/<board_job_id>")
def update_job(board_job_id: str):
    row = _own_job(board_job_id)
    if row is None:
        return _not_found(board_job_id)
    status = jobs.status(row)
    if status in ("closed", "expired"):
        return error(409, "conflict", f"Job {board_job_id} is {status} and can no longer be changed.")
    posting, problem = _posting()
    if problem:
        return problem
    new_status = "pending_review" if status == "rejected" else status
    conn = store.db()
    with store.transaction(conn):
        store.update_job(conn, board_job_id, posting, new_status, reject_reason=None)
    return jsonify(board_job_id=board_job_id, status=new_status)


@bp.post("/jobs/<board_job_id>/close")
def close_job(board_job_id: str):
    row = _own_job(board_job_id)
    if row is None:
        return _not_found(board_job_id)
    conn = store.db()
    if row["status"] != "closed":
        with store.transaction(conn):
            store.update_job(conn, board_job_id, status="closed", reject_reason=row["reject_reason"])
    return jsonify(board_job_id=board_job_id, status="closed")
