"""The screens: overview, employer console, moderation, public job pages, resume files."""

from __future__ import annotations

import io
import json
from urllib.parse import urlsplit

from flask import Blueprint, Response, abort, jsonify, redirect, render_template, request, send_file, url_for

from . import board, jobs, store
from .api import error
from .board import current

bp = Blueprint("views", __name__)

MAX_RESUME_BYTES = 10 * 1024 * 1024


@bp.app_context_processor
def _globals():
    return {"public_url": current().public_url(), "status_of": jobs.status, "board_id": store.board_job_id,
            "posting": lambda row: json.loads(row["body"])}


@bp.after_app_request
def _headers(response: Response) -> Response:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


def _wants_json() -> bool:
    return request.path.startswith(("/v1", "/control/")) or request.path == "/healthz"


@bp.app_errorhandler(404)
def _not_found(_exc):
    if _wants_json():
        return error(404, "not_found", "There is nothing at this address.")
    return render_template("message.html", title="Page not found", text="There is nothing at this address."), 404


@bp.app_errorhandler(405)
def _not_allowed(_exc):
    if _wants_json():
        return error(405, "method_not_allowed", f"{request.method} is not supported here.")
    return render_template("message.html", title="Method not allowed", text=f"{request.method} is not supported."), 405


@bp.app_errorhandler(413)
def _too_large(_exc):
    return error(413, "too_large", "The request body is too large.")


@bp.get("/healthz")
def healthz():
    return jsonify(status="ok")


@bp.get("/")
def index():
    return render_template("index.html", employers=store.employers(store.db()))


# ------------------------------------------------------------------ employer console

@bp.route("/employers/new", methods=["GET", "POST"])
def employer_new():
    name, email = request.form.get("name", "").strip(), request.form.get("email", "").strip()
    if request.method == "POST":
        if name and jobs.EMAIL_RE.match(email):
            conn = store.db()
            with store.transaction(conn):
                row = store.create_employer(conn, name, email)
            return redirect(url_for("views.employer_page", employer_id=row["id"], created=1))
        problem = "Enter the company name and a valid email address."
        return render_template("employer_new.html", name=name, email=email, problem=problem), 400
    return render_template("employer_new.html", name=name, email=email, problem=None)


@bp.get("/employers/<int:employer_id>")
def employer_page(employer_id: int):
    conn = store.db()
    employer = store.employer(conn, employer_id) or abort(404)
    return render_template("employer.html", employer=employer, jobs=store.jobs(conn, employer_id),
                           deliveries=store.deliveries(conn, employer_id, limit=20), args=request.args,
                           default_deadline=board.console_posting(employer, {})["deadline"])


@bp.post("/employers/<int:employer_id>/webhook")
def employer_webhook(employer_id: int):
    conn = store.db()
    store.employer(conn, employer_id) or abort(404)
    url = request.form.get("webhook_url", "").strip()
    parts = urlsplit(url)
    if url and (parts.scheme not in ("http", "https") or not parts.netloc):
        return redirect(url_for("views.employer_page", employer_id=employer_id,
                                error="The webhook URL must start with http:// or https://."))
    store.set_webhook_url(conn, employer_id, url or None)
    return redirect(url_for("views.employer_page", employer_id=employer_id, notice="Webhook URL saved."))


@bp.post("/employers/<int:employer_id>/jobs")
def employer_post_job(employer_id: int):
    conn = store.db()
    employer = store.employer(conn, employer_id) or abort(404)
    fields = {"title": request.form.get("title", "").strip(), "description": request.form.get("description", "").strip(),
              "location": {"city": request.form.get("city", "").strip()}, "deadline": request.form.get("deadline")}
    try:
        posting = jobs.validate(board.console_posting(employer, fields))
    except jobs.Invalid as exc:
        return redirect(url_for("views.employer_page", employer_id=employer_id, error=exc.message))
    with store.transaction(conn):
        board_job_id = store.create_job(conn, employer_id, posting, "console")
    return redirect(url_for("views.employer_page", employer_id=employer_id,
                            notice=f"Job {board_job_id} posted; it is waiting for review."))


# ------------------------------------------------------------------ moderation

@bp.get("/moderation")
def moderation():
    conn = store.db()
    pending = [row for row in store.jobs(conn, status="pending_review") if jobs.status(row) == "pending_review"]
    names = {e["id"]: e["name"] for e in store.employers(conn)}
    return render_template("moderation.html", pending=pending, names=names, notice=request.args.get("notice"))


@bp.post("/moderation/<board_job_id>/<action>")
def moderate(board_job_id: str, action: str):
    conn = store.db()
    row = store.job(conn, board_job_id)
    if row is None or action not in ("approve", "reject"):
        abort(404)
    if jobs.status(row) != "pending_review":
        return redirect(url_for("views.moderation", notice=f"{board_job_id} is no longer waiting for review."))
    board.moderate(conn, board_job_id, action == "approve", request.form.get("reason"))
    verb = "approved" if action == "approve" else "rejected"
    return redirect(url_for("views.moderation", notice=f"{board_job_id} {verb}; the employer's webhook is queued."))


# ------------------------------------------------------------------ candidates

@bp.get("/jobs")
def job_list():
    conn = store.db()
    approved = [row for row in store.jobs(conn, status="approved") if jobs.status(row) == "approved"]
    return render_template("jobs.html", jobs=approved)


def _public_job(board_job_id: str):
    row = store.job(store.db(), board_job_id) or abort(404)
    return row, store.employer(store.db(), row["employer_id"])


@bp.get("/jobs/<board_job_id>")
def job_page(board_job_id: str):
    row, employer = _public_job(board_job_id)
    return render_template("job.html", job=row, board_job_id=board_job_id, employer=employer, problem=None, form={})


@bp.post("/jobs/<board_job_id>/apply")
def job_apply(board_job_id: str):
    row, employer = _public_job(board_job_id)
    form = {key: request.form.get(key, "").strip() for key in ("full_name", "email", "phone", "cover_letter")}
    upload = request.files.get("resume")
    data = upload.read(MAX_RESUME_BYTES + 1) if upload else b""
    problem = None
    if jobs.status(row) != "approved":
        problem = "This job is not open for applications."
    elif not form["full_name"] or not jobs.EMAIL_RE.match(form["email"]):
        problem = "Enter your full name and a valid email address."
    elif not data:
        problem = "Attach your CV as a PDF file."
    elif not data.startswith(b"%PDF") and not upload.filename.lower().endswith(".pdf"):
        problem = "Your CV must be a PDF file."
    elif len(data) > MAX_RESUME_BYTES:
        problem = "Your CV is larger than 10 MB."
    if problem:
        return render_template("job.html", job=row, board_job_id=board_job_id, employer=employer,
                               problem=problem, form=form), 400
    resume = {"file_name": upload.filename or "cv.pdf", "content_type": upload.mimetype or "application/pdf",
              "data": data}
    application_id, _ = board.apply(store.db(), row, form["full_name"], form["email"], form["phone"] or None,
                                    form["cover_letter"] or None, resume)
    return redirect(url_for("views.applied", board_job_id=board_job_id, application=application_id))


@bp.get("/jobs/<board_job_id>/applied")
def applied(board_job_id: str):
    row, employer = _public_job(board_job_id)
    return render_template("applied.html", job=row, board_job_id=board_job_id, employer=employer,
                           application_id=request.args.get("application"))


@bp.get("/files/<token>")
def resume_file(token: str):
    row = store.application_file(store.db(), token)
    if row is None or row["resume"] is None:
        abort(404)
    response = send_file(io.BytesIO(row["resume"]), mimetype=row["content_type"] or "application/octet-stream",
                         as_attachment=True, download_name=row["file_name"] or "resume")
    response.headers["Cache-Control"] = "no-store"
    return response
