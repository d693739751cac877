"""Routes of the EMP sandbox: contact points, registry, switches, landing page."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import gzip
import secrets
import time
import zlib
from urllib.parse import urlsplit

import xmlsec
from flask import Blueprint, Response, abort, current_app, jsonify, redirect, render_template, request, session, url_for
from lxml import etree

from . import registry
from .catalog import COUNTRIES, ContactPoint
from .elmo import ELMO_NS, LEGACY_NS, selected_count
from .reply import build_reply
from .schema import validate
from .switches import ALGORITHMS, MODES, OMITTABLE, RETURN_CODES, SwitchError, public_state

bp = Blueprint("emp", __name__)

FLOW_TTL_S = 60 * 60
MAX_FLOWS = 4
MAX_SESSION_ID = 32


def sandbox():
    return current_app.extensions["emp_sandbox"]


def public_url() -> str:
    return sandbox().settings.public_url or request.host_url.rstrip("/")


def cp_url(cp: ContactPoint) -> str:
    return f"{public_url()}/emp/{cp.slug}"


PASS_FAIL_LABELS = {"Hyv", "Hyl", "G", "U", "BE", "IB", "P"}


def grade_class(result) -> str:
    if result.status == "failed":
        return "grade-fail"
    return "grade-pf" if result.grade in PASS_FAIL_LABELS else ""


@bp.app_context_processor
def _globals():
    return {"sb": sandbox(), "public_url": public_url(), "countries": COUNTRIES, "grade_class": grade_class}


@bp.app_template_filter("num")
def _num(value) -> str:
    if value is None:
        return ""
    return format(value.normalize(), "f") if hasattr(value, "normalize") else str(value)


@bp.after_app_request
def _headers(response: Response) -> Response:
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if request.endpoint and request.endpoint.startswith("emp.flow"):
        response.headers["Cache-Control"] = "no-store"
    return response


def error_page(status: int, title: str, problems: list[str], cp: ContactPoint | None = None, hint: str = ""):
    return render_template("error.html", status=status, title=title, problems=problems, cp=cp, hint=hint), status


@bp.app_errorhandler(404)
def _not_found(_exc):
    return error_page(404, "Page not found", ["There is nothing at this address."])


@bp.app_errorhandler(405)
def _not_allowed(_exc):
    return error_page(405, "Method not allowed", [f"{request.method} is not supported here."])


@bp.app_errorhandler(413)
def _too_large(_exc):
    return error_page(413, "Request too large", ["The request body is larger than this sandbox accepts."])


# ------------------------------------------------------------------ overview

@bp.get("/")
def index():
    sb = sandbox()
    by_country: dict[str, list[ContactPoint]] = {}
    for cp in sb.contact_points.values():
        by_country.setdefault(cp.country, []).append(cp)
    return render_template("index.html", by_country=by_country, modes=MODES, state=sb.switches.get(),
                           cp_url=cp_url, demo_session=secrets.token_hex(16))


@bp.get("/healthz")
def healthz():
    return jsonify(status="ok", contact_points=len(sandbox().contact_points))


# ------------------------------------------------------------------ registry

def _registry_json(legacy_key: bool) -> Response:
    sb = sandbox()
    body = registry.emreg_json(list(sb.contact_points.values()), cp_url, sb.registry_certs, legacy_key=legacy_key)
    return Response(body, mimetype="application/json")


@bp.get("/registry/emp-list.json")
def registry_emps():
    return _registry_json(legacy_key=False)


@bp.get("/registry/ncp-list.json")
def registry_ncps():
    return _registry_json(legacy_key=True)


@bp.get("/registry/catalogue-v1.xml")
def registry_catalogue():
    sb = sandbox()
    host = urlsplit(public_url()).hostname or "localhost"
    body = registry.ewp_catalogue(list(sb.contact_points.values()), cp_url, sb.registry_certs,
                                  admin_email=f"emrex-sandbox@{host}")
    return Response(body, mimetype="application/xml")


@bp.get("/registry/certificates/<slug>.pem")
def registry_certificate(slug: str):
    cp = sandbox().find(slug) or abort(404)
    pem = b"".join(c.cert_pem for c in sandbox().registry_certs(cp))
    return Response(pem, mimetype="application/x-pem-file")


# ------------------------------------------------------------------ the contact point

def _flows() -> dict:
    flows = session.get("flows") or {}
    now = time.time()
    return {k: v for k, v in flows.items() if now - v.get("t", 0) < FLOW_TTL_S}


def _save_flows(flows: dict) -> None:
    newest = sorted(flows.items(), key=lambda kv: kv[1]["t"], reverse=True)[:MAX_FLOWS]
    session["flows"] = dict(newest)


def _flow(cp: ContactPoint, flow_id: str):
    flow = _flows().get(flow_id)
    if not flow or flow.get("cp") != cp.slug:
        return None
    return flow


def _lost_flow(cp: ContactPoint):
    return error_page(
        400, "Your session has expired", [
            "This sign-in is no longer active (it was finished already, it timed out, or cookies are blocked)."],
        cp=cp, hint="Go back to the application you came from and start the transfer again.")


def check_return_url(value: str) -> str | None:
    """Why a returnUrl is refused, or None when it is acceptable."""
    if len(value) > 2048:
        return "returnUrl is too long."
    try:
        parts = urlsplit(value)
    except ValueError:
        return "returnUrl is not a valid URL."
    if parts.scheme not in ("https", "http") or not parts.netloc or not parts.hostname:
        return "returnUrl must be an absolute https:// URL."
    if any(ord(c) < 33 for c in value) or "<" in value or ">" in value or '"' in value:
        return "returnUrl contains characters that are not allowed."
    if parts.scheme == "http" and not sandbox().settings.allow_http_return:
        return ("returnUrl must use https. This contact point refuses http:// return addresses "
                "(start the sandbox with --allow-http-return for local development).")
    return None


@bp.get("/emp/<name>")
def emp_info(name: str):
    cp = sandbox().find(name) or abort(404)
    response = render_template("emp_info.html", cp=cp, url=cp_url(cp))
    return response, 405, {"Allow": "POST"}


@bp.post("/emp/<name>")
def emp_start(name: str):
    cp = sandbox().find(name) or abort(404)
    session_id = request.form.get("sessionId", "")
    return_url = request.form.get("returnUrl", "")
    problems = []
    if not session_id:
        problems.append("sessionId is missing.")
    elif len(session_id) > MAX_SESSION_ID:
        problems.append(f"sessionId is longer than {MAX_SESSION_ID} characters.")
    elif not session_id.isascii() or not session_id.isprintable() or " " in session_id:
        problems.append("sessionId contains characters that are not allowed.")
    if not return_url:
        problems.append("returnUrl is missing.")
    else:
        reason = check_return_url(return_url)
        if reason:
            problems.append(reason)
    if problems:
        current_app.logger.info("refused request to %s: %s", cp.slug, " ".join(problems))
        return error_page(400, "This request cannot be handled", problems, cp=cp,
                          hint="The service that sent you here made an invalid EMREX request. "
                               "Nothing has been shared. Go back and try again, or contact that service.")
    flows = _flows()
    flow_id = secrets.token_urlsafe(12)
    flows[flow_id] = {"cp": cp.slug, "sid": session_id, "ret": return_url, "t": time.time(), "learner": None}
    _save_flows(flows)
    return redirect(url_for("emp.flow_login", name=cp.slug, flow_id=flow_id), 303)


def _parse_learner(form) -> tuple[dict, list[str]]:
    learner = {
        "givenNames": " ".join(form.get("givenNames", "").split()),
        "familyName": " ".join(form.get("familyName", "").split()),
        "bday": form.get("bday", "").strip(),
    }
    errors = []
    if not learner["givenNames"]:
        errors.append("Enter your given names.")
    if not learner["familyName"]:
        errors.append("Enter your family name.")
    if len(learner["givenNames"]) > 100 or len(learner["familyName"]) > 100:
        errors.append("Names can be at most 100 characters.")
    if learner["bday"]:
        try:
            day = dt.date.fromisoformat(learner["bday"])
            if not dt.date(1900, 1, 1) <= day <= dt.date.today() or len(learner["bday"]) != 10:
                raise ValueError
        except ValueError:
            errors.append("Enter the date of birth as YYYY-MM-DD, for example 1997-05-14.")
    return learner, errors


@bp.route("/emp/<name>/<flow_id>/login", methods=["GET", "POST"])
def flow_login(name: str, flow_id: str):
    cp = sandbox().find(name) or abort(404)
    flow = _flow(cp, flow_id)
    if flow is None:
        return _lost_flow(cp)
    if request.method == "POST":
        if request.form.get("action") == "cancel":
            return _finish(cp, flow_id, flow, "cancel", set())
        learner, errors = _parse_learner(request.form)
        if errors:
            return render_template("login.html", cp=cp, flow_id=flow_id, learner=learner, errors=errors,
                                   return_host=urlsplit(flow["ret"]).netloc), 422
        flows = _flows()
        flows[flow_id]["learner"] = learner
        _save_flows(flows)
        return redirect(url_for("emp.flow_results", name=cp.slug, flow_id=flow_id), 303)
    learner = flow.get("learner") or {k: cp.learner[k] for k in ("givenNames", "familyName", "bday")}
    return render_template("login.html", cp=cp, flow_id=flow_id, learner=learner, errors=[],
                           return_host=urlsplit(flow["ret"]).netloc)


def _results_page(cp, flow_id, flow, selected, errors, status=200):
    return render_template(
        "results.html", cp=cp, flow_id=flow_id, learner=flow["learner"], selected=selected, errors=errors,
        return_host=urlsplit(flow["ret"]).netloc, modes=MODES, return_codes=RETURN_CODES,
        omittable=OMITTABLE, algorithms=ALGORITHMS, state=sandbox().switches.get()), status


@bp.get("/emp/<name>/<flow_id>/results")
def flow_results(name: str, flow_id: str):
    cp = sandbox().find(name) or abort(404)
    flow = _flow(cp, flow_id)
    if flow is None:
        return _lost_flow(cp)
    if not flow.get("learner"):
        return redirect(url_for("emp.flow_login", name=cp.slug, flow_id=flow_id), 303)
    return _results_page(cp, flow_id, flow, set(cp.result_ids()), [])


def _request_overrides(form) -> dict:
    """Per-request switches from the advanced section of the results page."""
    overrides: dict = {}
    mode = form.get("sw_mode", "")
    if mode:
        overrides["mode"] = mode
    if form.get("sw_return_code"):
        overrides["return_code"] = form["sw_return_code"]
    if form.get("sw_code_family"):
        overrides["code_family"] = form["sw_code_family"]
    if form.getlist("sw_omit"):
        overrides["omit_fields"] = form.getlist("sw_omit")
    if form.get("sw_signature"):
        overrides["signature"] = form["sw_signature"]
    if form.get("sw_big_pdf_mb"):
        overrides["big_pdf_mb"] = form["sw_big_pdf_mb"]
    return overrides


@bp.post("/emp/<name>/<flow_id>/confirm")
def flow_confirm(name: str, flow_id: str):
    cp = sandbox().find(name) or abort(404)
    flow = _flow(cp, flow_id)
    if flow is None:
        return _lost_flow(cp)
    if not flow.get("learner"):
        return redirect(url_for("emp.flow_login", name=cp.slug, flow_id=flow_id), 303)
    action = request.form.get("action", "confirm")
    known = set(cp.result_ids())
    selected = {s for s in request.form.getlist("sel") if s in known}
    try:
        overrides = _request_overrides(request.form)
        sandbox().switches.effective(overrides)
    except SwitchError as exc:
        return _results_page(cp, flow_id, flow, selected, [f"Test option refused: {exc}"], 422)
    if action == "cancel":
        return _finish(cp, flow_id, flow, "cancel", set(), overrides)
    if action == "none":
        return _finish(cp, flow_id, flow, "none", set(), overrides)
    if not selected_count(cp, selected)[0]:
        return _results_page(cp, flow_id, flow, selected, [
            "Select at least one result to send, or choose \u201cNo results to send\u201d."], 422)
    return _finish(cp, flow_id, flow, "ok", selected, overrides)


def _finish(cp, flow_id, flow, outcome, selected, overrides=None):
    eff = sandbox().switches.effective(overrides or {})
    if flow.get("learner") is None:
        flow = {**flow, "learner": {k: cp.learner[k] for k in ("givenNames", "familyName", "bday")}}
    reply = build_reply(sandbox(), cp, flow, outcome, selected, eff)
    flows = _flows()
    flows.pop(flow_id, None)  # one use only
    _save_flows(flows)
    return render_template("handoff.html", cp=cp, reply=reply, action=flow["ret"],
                           return_host=urlsplit(flow["ret"]).netloc)


# ------------------------------------------------------------------ switches

def _form_update(form) -> dict:
    update = {
        "modes": form.getlist("modes"),
        "return_code": form.get("return_code_custom", "").strip() or form.get("return_code", ""),
        "code_family": form.get("code_family", "NCP"),
        "omit_fields": form.getlist("omit_fields"),
        "signature": form.get("signature", ""),
    }
    if form.get("big_pdf_mb"):
        update["big_pdf_mb"] = form["big_pdf_mb"]
    return update


@bp.route("/control", methods=["GET", "POST"])
def control():
    sb = sandbox()
    error = None
    if request.method == "POST":
        try:
            sb.switches.update(_form_update(request.form))
            return redirect(url_for("emp.control", saved=1), 303)
        except SwitchError as exc:
            error = str(exc)
    return render_template("control.html", state=sb.switches.get(), modes=MODES, return_codes=RETURN_CODES,
                           omittable=OMITTABLE, algorithms=ALGORITHMS, error=error,
                           saved=request.args.get("saved")), 400 if error else 200


@bp.get("/control/switches")
def switches_get():
    return jsonify(public_state(sandbox().switches.get()))


@bp.post("/control/switches")
def switches_post():
    update = request.get_json(silent=True) if request.is_json else request.form.to_dict()
    if update is None:
        return jsonify(error="expected a JSON object"), 400
    try:
        state = sandbox().switches.update(update)
    except SwitchError as exc:
        return jsonify(error=str(exc)), 400
    current_app.logger.info("switches changed: %s", update)
    return jsonify(public_state(state))


@bp.post("/control/reset")
def switches_reset():
    state = sandbox().switches.reset()
    if request.form.get("from") == "page":
        return redirect(url_for("emp.control", saved=1), 303)
    return jsonify(public_state(state))


# ------------------------------------------------------------------ test client

def _decode_elmo(value: str) -> bytes:
    raw = base64.b64decode("".join(value.split()) + "=" * (-len("".join(value.split())) % 4))
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = inflater.decompress(raw, 64 * 1024 * 1024)
    if inflater.unconsumed_tail:
        raise ValueError("decompressed ELMO is larger than 64 MB")
    return out


@bp.post("/echo")
def echo():
    """A minimal EMREX client for trying the sandbox by hand: shows what came back."""
    sb = sandbox()
    fields = [(k, v) for k, v in request.form.items(multi=True)]
    info: dict = {}
    elmo = request.form.get("elmo")
    if elmo:
        try:
            xml = _decode_elmo(elmo)
            info["xml_bytes"] = len(xml)
            parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
            root = etree.fromstring(xml, parser)
            info["namespace"] = etree.QName(root).namespace
            info["schema_errors"] = validate(root)[:5] if info["namespace"] == ELMO_NS else None
            learner = root.find(f"{{{ELMO_NS}}}learner")
            if learner is None:
                learner = root.find(f".//{{{LEGACY_NS}}}learner")
            if learner is not None:
                info["learner"] = " / ".join(t.text or "" for t in learner
                                              if etree.QName(t).localname in ("givenNames", "familyName", "bday"))
            signature = root.find("{http://www.w3.org/2000/09/xmldsig#}Signature")
            info["signed"] = signature is not None
            info["verified_by"] = None
            if signature is not None:
                for cp in sb.contact_points.values():
                    for credential in sb.registry_certs(cp):
                        doc = etree.fromstring(xml, parser)
                        sig = doc.find("{http://www.w3.org/2000/09/xmldsig#}Signature")
                        ctx = xmlsec.SignatureContext()
                        ctx.key = xmlsec.Key.from_memory(credential.cert_pem, xmlsec.KeyFormat.CERT_PEM)
                        try:
                            ctx.verify(sig)
                        except xmlsec.Error:
                            continue
                        info["verified_by"] = f"{cp.name} ({'expired' if credential.expired else 'valid'} certificate)"
                        break
                    if info["verified_by"]:
                        break
            info["preview"] = xml[:3000].decode("utf-8", errors="replace")
        except (ValueError, binascii.Error, zlib.error, gzip.BadGzipFile, etree.XMLSyntaxError) as exc:
            info["error"] = f"could not decode the elmo field: {exc}"
    shown = [(k, v if len(v) <= 200 else f"{v[:120]}\u2026 ({len(v):,} characters)") for k, v in fields]
    return render_template("echo.html", fields=shown, info=info)
