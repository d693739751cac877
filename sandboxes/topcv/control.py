"""Test and demo controls: switches, shortcuts for moderation and applying, the delivery log.

JSON, no auth: this is the sandbox's own back door, not part of TopCV's contract.
"""

from __future__ import annotations

import base64
import binascii

from flask import Blueprint, jsonify, redirect, render_template, request, url_for

from . import SeedError, board, check_employer, jobs, store
from .api import error
from .board import current
from .switches import DEFAULTS, DESCRIPTIONS, SwitchError
from .webhooks import queue_event, release_held

bp = Blueprint("control", __name__, url_prefix="/control")


def _body() -> dict:
    body = request.get_json(silent=True)
    return body if isinstance(body, dict) else {}


def _job_or_404(board_job_id: str):
    return store.job(store.db(), board_job_id)


def _employer_from_token(token):
    return store.employer_by_token(store.db(), token) if isinstance(token, str) and token else None


# ------------------------------------------------------------------ switches

@bp.get("/switches")
def get_switches():
    return jsonify(current().switches.get())


@bp.post("/switches")
def set_switches():
    body = request.get_json(silent=True)
    try:
        state = current().switches.update(body)
    except SwitchError as exc:
        return error(400, "bad_switch", str(exc))
    current().deliverer.wake()
    return jsonify(state)


@bp.post("/reset")
def reset():
    state = current().switches.reset()
    if _body().get("wipe") is True:
        store.wipe(store.db())
        current().seed()
    current().deliverer.wake()
    return jsonify(state)


@bp.post("/flush")
def flush():
    released = release_held(store.db())
    current().deliverer.wake()
    return jsonify(released=released)


# ------------------------------------------------------------------ employers, jobs, events

@bp.post("/employers")
def upsert_employer():
    try:
        data = check_employer(request.get_json(silent=True))
    except SeedError as exc:
        return error(400, "bad_request", str(exc))
    row, created = store.upsert_employer(store.db(), data)
    return jsonify(store.employer_json(row, with_keys=True)), 201 if created else 200


@bp.post("/jobs")
def create_job():
    body = _body()
    employer = _employer_from_token(body.pop("access_token", None))
    if employer is None:
        return error(400, "bad_request", "access_token of an existing employer is required.", "access_token")
    try:
        posting = jobs.validate(board.console_posting(employer, body))
    except jobs.Invalid as exc:
        return error(422, "validation_error", exc.message, exc.field)
    conn = store.db()
    with store.transaction(conn):
        board_job_id = store.create_job(conn, employer["id"], posting, "console")
    return jsonify(board_job_id=board_job_id, status="pending_review"), 201


def _moderate(board_job_id: str, approve: bool):
    row = _job_or_404(board_job_id)
    if row is None:
        return error(404, "not_found", f"No job {board_job_id}.")
    if jobs.status(row) in ("closed", "expired"):
        return error(409, "conflict", f"Job {board_job_id} is {jobs.status(row)}.")
    event_id = board.moderate(store.db(), board_job_id, approve, _body().get("reason"))
    row = _job_or_404(board_job_id)
    return jsonify(board_job_id=board_job_id, status=row["status"], reject_reason=row["reject_reason"],
                   event_id=event_id)


@bp.post("/jobs/<board_job_id>/approve")
def approve(board_job_id: str):
    return _moderate(board_job_id, True)


@bp.post("/jobs/<board_job_id>/reject")
def reject(board_job_id: str):
    return _moderate(board_job_id, False)


@bp.post("/jobs/<board_job_id>/apply")
def apply(board_job_id: str):
    """Apply to a job in any status (so tests can send events for closed or odd jobs)."""
    row = _job_or_404(board_job_id)
    if row is None:
        return error(404, "not_found", f"No job {board_job_id}.")
    body = _body()
    resume = body.get("resume")
    if resume is not None:
        if not isinstance(resume, dict) or not isinstance(resume.get("data"), str):
            return error(400, "bad_request", "resume must be {file_name, content_type, data (base64)}.", "resume")
        try:
            data = base64.b64decode(resume["data"], validate=True)
        except (binascii.Error, ValueError):
            return error(400, "bad_request", "resume.data is not valid base64.", "resume.data")
        resume = {"file_name": resume.get("file_name") or "resume.pdf",
                  "content_type": resume.get("content_type") or "application/pdf", "data": data}
    answers = body.get("answers") or []
    if not isinstance(answers, list) or not all(isinstance(a, dict) for a in answers):
        return error(400, "bad_request", "answers must be a list of {question, answer}.", "answers")
    answers = [{"question": a.get("question"), "answer": a.get("answer")} for a in answers]
    application_id, event_id = board.apply(store.db(), row, body.get("full_name"), body.get("email"),
                                           body.get("phone"), body.get("cover_letter"), resume, answers)
    return jsonify(board_application_id=application_id, event_id=event_id), 201


@bp.post("/events")
def event():
    body = _body()
    employer = _employer_from_token(body.get("access_token"))
    if employer is None:
        return error(400, "bad_request", "access_token of an existing employer is required.", "access_token")
    if not isinstance(body.get("type"), str) or not body["type"]:
        return error(400, "bad_request", "type is required.", "type")
    event_id = queue_event(store.db(), current(), employer, body["type"], body.get("data"))
    return jsonify(event_id=event_id), 201


@bp.get("/deliveries")
def deliveries():
    conn = store.db()
    employer_id, value = None, request.args.get("employer")
    if value:
        employer = (store.employer(conn, int(value)) if value.isdigit() else store.employer_by_token(conn, value))
        if employer is None:
            return jsonify([])
        employer_id = employer["id"]
    limit = min(request.args.get("limit", default=200, type=int) or 200, 1_000_000)
    return jsonify(store.deliveries(conn, employer_id, request.args.get("status") or None, limit=limit))


# ------------------------------------------------------------------ the page

def _form_switches() -> dict:
    changes = {}
    for key, default in DEFAULTS.items():
        if isinstance(default, bool):
            changes[key] = request.form.get(key) == "on"
            continue
        raw = request.form.get(key, "").strip()
        if raw:
            try:
                changes[key] = int(raw) if isinstance(default, int) else float(raw)
            except ValueError:
                raise SwitchError(f"{key} must be a number") from None
    return changes


@bp.route("", methods=["GET", "POST"])
def page():
    sandbox, problem = current(), None
    if request.method == "POST":
        try:
            sandbox.switches.update(_form_switches())
            sandbox.deliverer.wake()
            return redirect(url_for("control.page", saved=1))
        except SwitchError as exc:
            problem = str(exc)
    return render_template("control.html", state=sandbox.switches.get(), descriptions=DESCRIPTIONS,
                           problem=problem, saved=request.args.get("saved"),
                           deliveries=store.deliveries(store.db(), limit=50)), 400 if problem else 200


@bp.post("/page/<action>")
def page_action(action: str):
    if action == "flush":
        release_held(store.db())
    elif action == "reset":
        current().switches.reset()
    current().deliverer.wake()
    return redirect(url_for("control.page", saved=1))
