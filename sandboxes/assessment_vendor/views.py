"""Routes: the vendor API Haku calls, the candidate and report pages, the sandbox's own screens
and the JSON control API (no auth; tests and demos)."""

from __future__ import annotations

import functools
import json
import time

from flask import Blueprint, Response, abort, current_app, jsonify, redirect, render_template, request, url_for

from . import SpecError, check_connection, check_url, delivery, interviews
from .catalog import PRODUCTS, TESTS
from .switches import DEFAULTS, HELP, PATCH_MODES, SwitchError

bp = Blueprint("vendor", __name__)


def sb():
    return current_app.extensions["vendor_sandbox"]


def base_url() -> str:
    return sb().settings.public_url or request.host_url.rstrip("/")


def error(status: int, code: str, message: str, field: str | None = None, headers: dict | None = None):
    return jsonify({"error": {"code": code, "message": message, "field": field}}), status, headers or {}


@bp.app_context_processor
def _globals():
    return {"products": PRODUCTS, "tests": TESTS, "base_url": base_url()}


@bp.after_app_request
def _headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                                "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


@bp.get("/healthz")
def healthz():
    return {"status": "ok"}


# ---------------------------------------------------------------- vendor API (Basic auth: the API key)

def vendor_api(view):
    """Basic auth (key as username, or as password), then any armed api_* fault switch."""
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        auth = request.authorization
        keys = [auth.username, auth.password] if auth and auth.type == "basic" else []
        account = next((a for a in map(sb().store.account_by_key, filter(None, keys)) if a), None)
        if account is None:
            return error(401, "unauthorized", "missing or unknown API key (HTTP Basic, key as username)",
                         headers={"WWW-Authenticate": 'Basic realm="Alva Labs sandbox"'})
        fault, seconds = sb().switches.take_api_fault()
        if fault == "500":
            return error(500, "internal_error", "sandbox switch api_500")
        if fault == "429":
            return error(429, "rate_limited", "sandbox switch api_429", headers={"Retry-After": "1"})
        if fault == "timeout":
            time.sleep(seconds)  # then answer normally: the vendor did the work, the caller gave up
        return view(account, *args, **kwargs)
    return wrapper


@bp.get("/list_tests")
@vendor_api
def list_tests(account):
    return jsonify([{"partner_test_id": t.id, "partner_test_name": t.name}
                    for t in PRODUCTS[account["product"]].tests])


class FieldError(Exception):
    def __init__(self, field: str | None, message: str):
        super().__init__(message)
        self.field, self.message = field, message


def _send_test_fields(account, body) -> dict:
    """The validated ``send_test`` body; raises :class:`FieldError`."""
    if not isinstance(body, dict):
        raise FieldError(None, "expected a JSON object")
    test_id = body.get("partner_test_id")
    if test_id not in {t.id for t in PRODUCTS[account["product"]].tests}:
        raise FieldError("partner_test_id", "unknown test for this account")
    candidate = body.get("candidate")
    if not isinstance(candidate, dict):
        raise FieldError("candidate", "expected an object")
    email = candidate.get("email")
    if not isinstance(email, str) or "@" not in email:
        raise FieldError("candidate.email", "a candidate email is required")
    ref = body.get("application_ref")
    if not isinstance(ref, str) or not ref.strip() or "/" in ref:
        raise FieldError("application_ref", "a non-empty string without '/'")
    job = body.get("job") if isinstance(body.get("job"), dict) else {}
    try:
        callback_url = check_url(body.get("callback_url"), "callback_url")
    except SpecError:
        raise FieldError("callback_url", "an http(s) URL") from None
    locale = body.get("locale") if isinstance(body.get("locale"), str) else None
    return {"partner_test_id": test_id, "application_ref": ref.strip(), "callback_url": callback_url,
            "locale": locale, "job": {"id": job.get("id"), "title": job.get("title")},
            "candidate": {k: candidate.get(k) for k in ("first_name", "last_name", "email", "phone_number",
                                                        "resume_url")}}


@bp.post("/send_test")
@vendor_api
def send_test(account):
    body = request.get_json(silent=True)
    try:
        fields = _send_test_fields(account, body)
    except FieldError as exc:
        return error(422, "validation_error", exc.message, exc.field)
    external_id = body.get("integration_external_id")
    connection = sb().store.connection(account["id"], external_id) if isinstance(external_id, str) else None
    if connection is None:
        return error(422, "validation_error", "integration not connected", "integration_external_id")
    iv, created = sb().store.open_or_create_interview(account["id"], connection["id"], fields)
    return jsonify({"partner_interview_id": iv["id"], "candidate_url": candidate_url(iv)}), 201 if created else 200


@bp.get("/test_status")
@vendor_api
def test_status(account):
    iv = sb().store.interview(request.args.get("partner_interview_id", ""))
    if iv is None or iv["account_id"] != account["id"]:
        return error(404, "not_found", "unknown partner_interview_id", "partner_interview_id")
    return jsonify(interviews.test_status(iv, base_url()))


def candidate_url(iv: dict) -> str:
    return f"{base_url()}/t/{iv['token']}"


# ---------------------------------------------------------------- candidate and report pages

@bp.route("/t/<token>", methods=["GET", "POST"])
def candidate_test(token: str):
    iv = sb().store.interview_by_token(token)
    if iv is None:
        abort(404)
    product, test = TESTS[iv["partner_test_id"]]
    page = {"iv": iv, "test": test, "product": product, "candidate": json.loads(iv["candidate"]),
            "job": json.loads(iv["job"])}
    if iv["status"] not in interviews.OPEN:
        return render_template("finished.html", **page), 200 if request.method == "GET" else 409
    if request.method == "GET":
        page["iv"] = interviews.start(sb(), iv["id"], base_url())
        return render_template("test.html", **page)
    answers = {i: int(v) for i in range(len(test.questions))
               if (v := request.form.get(f"q{i}", "")).isdigit()}
    forced = request.form.get("force_score", "").strip()
    if forced and not (forced.isdigit() and 0 <= int(forced) <= 100):
        return render_template("test.html", **page, problem="Score must be a whole number from 0 to 100.",
                               answers=answers, forced=forced), 422
    try:
        interviews.complete(sb(), iv["id"], base_url(), answers, int(forced) if forced else None)
    except interviews.TransitionError:
        return render_template("finished.html", **page), 409
    return render_template("finished.html", **page, thanks=True)


@bp.get("/reports/<interview_id>")
def report(interview_id: str):
    iv = sb().store.interview(interview_id)
    if iv is None:
        abort(404)
    product, test = TESTS[iv["partner_test_id"]]
    return render_template("report.html", iv=iv, test=test, product=product, candidate=json.loads(iv["candidate"]),
                           job=json.loads(iv["job"]), status=interviews.test_status(iv, base_url()))


# ---------------------------------------------------------------- the sandbox's own screens

@bp.get("/")
def index():
    store = sb().store
    return render_template("index.html", accounts=store.all("SELECT * FROM accounts ORDER BY id"),
                           switches=sb().switches.get())


@bp.route("/accounts/new", methods=["GET", "POST"])
def account_new():
    if request.method == "POST":
        try:
            account = sb().upsert_account({"name": request.form.get("name", "").strip() or None,
                                           "product": request.form.get("product")})
        except SpecError as exc:
            return render_template("account_new.html", problem=str(exc)), 422
        return redirect(url_for("vendor.account", account_id=account["id"]), 303)
    return render_template("account_new.html")


def _account_page(account_id: int, **extra):
    store = sb().store
    account = store.account(account_id) or abort(404)
    connections = store.all("SELECT * FROM connections WHERE account_id = ? ORDER BY id", account_id)
    ivs = store.interviews(account_id=account_id)
    conn_ids = [c["id"] for c in connections] or [0]
    deliveries = [d for d in store.deliveries(limit=200) if d["connection_id"] in conn_ids]
    return render_template("account.html", account=account, connections=connections, interviews=ivs,
                           deliveries=deliveries, candidate_url=candidate_url, **extra)


@bp.get("/accounts/<int:account_id>")
def account(account_id: int):
    return _account_page(account_id)


@bp.post("/accounts/<int:account_id>/connect")
def account_connect(account_id: int):
    account = sb().store.account(account_id) or abort(404)
    form = {k: request.form.get(k, "").strip() for k in ("haku_url", "external_id", "signing_secret")}
    try:
        result = _connect(account, form, call=True)
    except SpecError as exc:
        return _account_page(account_id, problem=str(exc), form=form), 422
    return _account_page(account_id, connect_result=result)


def _connect(account: dict, spec: dict, call: bool) -> dict:
    c = check_connection(spec)
    connection = sb().store.upsert_connection(account["id"], c["haku_url"], c["external_id"], c["signing_secret"])
    result = delivery.connect(sb(), account, connection) if call else {"status_code": None, "body": None}
    connection = sb().store.connection(account["id"], c["external_id"])
    return {"connection": _connection_json(connection), **result}


@bp.route("/control", methods=["GET", "POST"])
def control():
    problem = None
    if request.method == "POST":
        form = request.form
        if form.get("action") == "reset":
            sb().switches.reset()
        else:
            update = {}
            for key, default in DEFAULTS.items():
                if isinstance(default, bool):
                    update[key] = key in form
                elif key in form:
                    raw = form[key].strip()
                    try:
                        update[key] = raw if key == "patch_mode" else type(default)(raw or 0)
                    except ValueError:
                        update[key] = raw
            try:
                sb().switches.update(update)
            except SwitchError as exc:
                problem = str(exc)
    return render_template("control.html", switches=sb().switches.get(), help=HELP, patch_modes=PATCH_MODES,
                           deliveries=sb().store.deliveries(limit=100), problem=problem), 400 if problem else 200


# ---------------------------------------------------------------- control API (JSON, no auth)

def _json_body() -> dict:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        abort(Response(json.dumps({"error": "expected a JSON object"}), 400, mimetype="application/json"))
    return body


def _account_json(a: dict) -> dict:
    conns = sb().store.all("SELECT * FROM connections WHERE account_id = ? ORDER BY id", a["id"])
    return {"id": a["id"], "ref": a["ref"], "name": a["name"], "product": a["product"],
            "product_name": PRODUCTS[a["product"]].name, "api_key": a["api_key"],
            "connections": [_connection_json(c) for c in conns]}


def _connection_json(c: dict) -> dict:
    return {"haku_url": c["haku_url"], "external_id": c["external_id"], "last_status_code": c["last_status_code"]}


def _interview_json(iv: dict) -> dict:
    conn = sb().store.one("SELECT external_id FROM connections WHERE id = ?", iv["connection_id"])
    return {"partner_interview_id": iv["id"], "account_id": iv["account_id"], "partner_test_id": iv["partner_test_id"],
            "application_ref": iv["application_ref"], "integration_external_id": conn and conn["external_id"],
            "status": iv["status"], "score": iv["score"], "candidate_url": candidate_url(iv),
            "callback_url": iv["callback_url"], "candidate": json.loads(iv["candidate"]), "job": json.loads(iv["job"]),
            "locale": iv["locale"], "created_at": iv["created_at"], "started_at": iv["started_at"],
            "finished_at": iv["finished_at"], "test_status": interviews.test_status(iv, base_url())}


@bp.route("/control/switches", methods=["GET", "POST"])
def control_switches():
    if request.method == "POST":
        try:
            return jsonify(sb().switches.update(request.get_json(silent=True)))
        except SwitchError as exc:
            return jsonify({"error": str(exc), "switches": sb().switches.get()}), 400
    return jsonify(sb().switches.get())


@bp.post("/control/reset")
def control_reset():
    state = sb().switches.reset()
    if (request.get_json(silent=True) or {}).get("wipe") is True:
        sb().store.wipe()
        sb().seed()
    return jsonify({"switches": state})


@bp.post("/control/accounts")
def control_accounts():
    try:
        return jsonify(_account_json(sb().upsert_account(_json_body())))
    except SpecError as exc:
        return jsonify({"error": str(exc)}), 400


@bp.get("/control/accounts")
def control_accounts_list():
    return jsonify([_account_json(a) for a in sb().store.all("SELECT * FROM accounts ORDER BY id")])


@bp.post("/control/connect")
def control_connect():
    body = _json_body()
    account = sb().store.account_by_key(body.get("api_key") or "")
    if account is None:
        return jsonify({"error": "unknown api_key"}), 404
    try:
        return jsonify(_connect(account, body, call=body.get("call", True) is not False))
    except SpecError as exc:
        return jsonify({"error": str(exc)}), 400


@bp.post("/control/interviews/<interview_id>/<any(start, complete, expire, cancel):action>")
def control_interview(interview_id: str, action: str):
    if sb().store.interview(interview_id) is None:
        return jsonify({"error": "unknown partner_interview_id"}), 404
    try:
        if action == "start":
            iv = interviews.start(sb(), interview_id, base_url())
        elif action == "complete":
            score = (request.get_json(silent=True) or {}).get("score")
            if score is not None and (isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 100):
                return jsonify({"error": "score: a whole number from 0 to 100"}), 400
            iv = interviews.complete(sb(), interview_id, base_url(), {}, score)
        else:
            iv = interviews.close(sb(), interview_id, base_url(), "expired" if action == "expire" else "cancelled")
    except interviews.TransitionError as exc:
        return jsonify({"error": str(exc)}), 409
    return jsonify(_interview_json(iv))


@bp.get("/control/interviews")
def control_interviews():
    return jsonify([_interview_json(iv) for iv in sb().store.interviews(
        application_ref=request.args.get("application_ref") or None)])


@bp.get("/control/deliveries")
def control_deliveries():
    rows = sb().store.deliveries(status=request.args.get("status") or None,
                                 interview_id=request.args.get("interview_id") or None)
    return jsonify([{"id": d["id"], "event_id": d["event_id"], "type": d["type"], "method": d["method"],
                     "url": d["url"], "partner_interview_id": d["interview_id"], "status": d["status"],
                     "created_at": d["created_at"], "body": json.loads(d["body"]), "attempts": d["attempts"]}
                    for d in rows])


@bp.get("/control/worker")
def control_worker():
    worker = sb().worker
    return jsonify({"alive": worker.is_alive(), "ticks": worker.ticks,
                    "queued": len(sb().store.deliveries(status="queued"))})
