"""The EMP sandbox as a black box: its own process, real HTTP, real signatures.

Each server is started with ``python -m sandboxes.emp`` on a free port with a temporary data
dir; the tests talk to it with ``requests`` like a browser would, then decode and verify
the reply the way an EMREX client must (certificate from the registry, never from the
document).
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import json
import secrets
from pathlib import Path

import pytest
import requests
import xmlsec
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from lxml import etree, html

from tests.support.sandbox_process import SandboxProcess

ROOT = Path(__file__).resolve().parents[2]
XSD_DIR = ROOT / "sandboxes" / "emp" / "xsd"
ELMO_NS = "https://github.com/emrex-eu/elmo-schemas/tree/v1"
LEGACY_NS = "http://purl.org/net/elmo"
DSIG_NS = "http://www.w3.org/2000/09/xmldsig#"
EMREX_EWP_NS = "https://github.com/erasmus-without-paper/ewp-specs-api-emrex-data-access-point/blob/stable-v1/manifest-entry.xsd"
RETURN_URL = "http://127.0.0.1:9/emrex/return"
START_DEADLINE_S = 60.0
LEARNER = {"givenNames": "Kaisa Maria", "familyName": "Keränen", "bday": "1996-07-18"}


# ------------------------------------------------------------------ the server process

def Sandbox(data_dir: Path, *extra: str) -> SandboxProcess:
    return SandboxProcess("sandboxes.emp", data_dir, *extra, deadline=START_DEADLINE_S)


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    """Two sandboxes: one accepting http return URLs (flow tests), one strict (the default)."""
    started = []
    try:
        dev = Sandbox(tmp_path_factory.mktemp("emp-dev") / "data", "--allow-http-return")
        started.append(dev)
        strict = Sandbox(tmp_path_factory.mktemp("emp-strict") / "data")
        started.append(strict)
        dev.wait_ready()
        strict.wait_ready()
        yield {"dev": dev.base, "strict": strict.base}
    finally:
        for server in started:
            server.stop()


@pytest.fixture(scope="module")
def base(servers):
    return servers["dev"]


@pytest.fixture(scope="module")
def registry(base):
    return requests.get(f"{base}/registry/emp-list.json", timeout=10).json()


def registry_pem(registry: dict, url: str) -> bytes:
    return next(e["pubKey"] for e in registry["emps"] if e["url"] == url).encode()


# ------------------------------------------------------------------ browser-like helpers

def form_of(page: requests.Response, index: int = 0):
    doc = html.fromstring(page.content)
    return doc.forms[index]


def form_fields(form) -> list[tuple[str, str]]:
    """What a browser submits: text/hidden/date inputs and ticked checkboxes."""
    fields = []
    for el in form.inputs:
        name = el.get("name")
        if not name or el.tag == "button" or el.get("type") == "submit":
            continue
        if el.get("type") == "checkbox":
            if el.checked:
                fields.append((name, el.get("value")))
        elif el.tag == "select":
            fields.append((name, el.value or ""))
        else:
            fields.append((name, el.get("value") or ""))
    return fields


def submit(session: requests.Session, page: requests.Response, changes: dict | None = None,
           button: tuple[str, str] | None = None, drop: tuple[str, ...] = (),
           add: list[tuple[str, str]] = ()) -> requests.Response:
    form = form_of(page)
    fields = [(k, v) for k, v in form_fields(form) if k not in (changes or {}) and k not in drop]
    fields += list((changes or {}).items()) + list(add)
    if button:
        fields.append(button)
    action = requests.compat.urljoin(page.url, form.get("action"))
    return session.post(action, data=fields, timeout=60)


def run_flow(base: str, emp: str, *, learner: dict | None = None, action: str = "confirm",
             mode: str = "", extra: dict | None = None, session_id: str | None = None):
    """POST to the EMP, sign in, choose results; return (handoff page, its form fields, session id)."""
    session = requests.Session()
    session_id = session_id or secrets.token_hex(16)
    start = session.post(f"{base}/emp/{emp}", data={"sessionId": session_id, "returnUrl": RETURN_URL}, timeout=30)
    assert start.status_code == 200, start.text
    assert start.url.endswith("/login")
    results = submit(session, start, learner or LEARNER, button=("action", "login"))
    assert results.status_code == 200, results.text
    changes = {"sw_mode": mode, **(extra or {})}
    handoff = submit(session, results, changes, button=("action", action))
    assert handoff.status_code == 200, handoff.text
    form = form_of(handoff)
    assert form.get("action") == RETURN_URL
    assert (form.get("method") or "").lower() == "post"
    return handoff, dict(form_fields(form)), session_id


def decode_elmo(value: str) -> bytes:
    raw = base64.b64decode(value, validate=True)
    assert raw[:2] == b"\x1f\x8b"
    return gzip.decompress(raw)


SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)


def verify(xml: bytes, cert_pem: bytes) -> bool:
    root = etree.fromstring(xml, SAFE)
    signatures = root.findall(f"{{{DSIG_NS}}}Signature")
    assert len(signatures) == 1
    ctx = xmlsec.SignatureContext()
    ctx.key = xmlsec.Key.from_memory(cert_pem, xmlsec.KeyFormat.CERT_PEM)
    try:
        ctx.verify(signatures[0])
    except xmlsec.Error:
        return False
    return True


#: file name at the end of each schemaLocation URL -> local copy in sandboxes/emp/xsd
XSD_FILES = {
    "xml.xsd": "xml.xsd",
    "xmldsig-core-schema.xsd": "xmldsig-core-schema.xsd",
    "EUROPASS_ISOCountries_V1.1.xsd": "EUROPASS_ISOCountries_V1.1.xsd",
    "schema.xsd": "ewp-types-address.xsd",
    "common-types.xsd": "ewp-common-types.xsd",
}


class _LocalXsd(etree.Resolver):
    """Map schemaLocation URLs to the local copies; anything else would need the network."""

    def resolve(self, url, pubid, context):
        name = url.rsplit("/", 1)[-1]
        if url.startswith(("http://", "https://")) or not (XSD_DIR / name).is_file():
            if name not in XSD_FILES:
                raise AssertionError(f"schema would need the network: {url}")
            return self.resolve_filename(str(XSD_DIR / XSD_FILES[name]), context)
        return self.resolve_filename(str(XSD_DIR / name), context)


@pytest.fixture(scope="module")
def elmo_schema():
    parser = etree.XMLParser(no_network=True, load_dtd=False, resolve_entities=False)
    parser.resolvers.add(_LocalXsd())
    return etree.XMLSchema(etree.parse(str(XSD_DIR / "elmo-schema-v1.7.0.xsd"), parser))


def learner_of(xml: bytes) -> dict:
    root = etree.fromstring(xml, SAFE)
    learner = root.find(f"{{{ELMO_NS}}}learner")
    return {k: learner.findtext(f"{{{ELMO_NS}}}{k}") for k in ("givenNames", "familyName", "bday")}


def keyinfo_cert(xml: bytes) -> x509.Certificate:
    root = etree.fromstring(xml, SAFE)
    text = root.findtext(f"{{{DSIG_NS}}}Signature/{{{DSIG_NS}}}KeyInfo/{{{DSIG_NS}}}X509Data/{{{DSIG_NS}}}X509Certificate")
    return x509.load_der_x509_certificate(base64.b64decode("".join(text.split())))


def is_expired(cert: x509.Certificate) -> bool:
    return cert.not_valid_after_utc < dt.datetime.now(dt.UTC)


# ------------------------------------------------------------------ registry

@pytest.mark.parametrize("path, key", [("emp-list.json", "emps"), ("ncp-list.json", "ncps")])
def test_registry_json_lists_countries_and_contact_points(base, path, key):
    response = requests.get(f"{base}/registry/{path}", timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    assert {"countries", key} <= set(data)
    countries = {c["countryCode"] for c in data["countries"]}
    assert len(countries) >= 2
    assert any(c["singleFetch"] == "true" for c in data["countries"])  # string form, as in old lists
    institutions = {i for e in data[key] for i in e["institutions"] if i != "All"}
    assert len(institutions) >= 5
    for entry in data[key]:
        assert {"acronym", "countryCode", "institutions", "url", "pubKey"} <= set(entry)
        assert entry["countryCode"] in countries
        assert entry["url"].startswith(f"{base}/emp/")
        assert entry["pubKey"].startswith("-----BEGIN CERTIFICATE-----\n")
        cert = x509.load_pem_x509_certificate(entry["pubKey"].encode())
        assert cert.public_key().key_size >= 2048
    assert any(e["institutions"] == ["All"] for e in data[key])


def test_registry_ewp_catalogue(base, registry):
    response = requests.get(f"{base}/registry/catalogue-v1.xml", timeout=10)
    assert response.status_code == 200
    root = etree.fromstring(response.content, SAFE)
    assert etree.QName(root).localname == "catalogue"
    hosts = list(root.iterchildren("{*}host"))
    entries = root.findall(f".//{{{EMREX_EWP_NS}}}emrex-data-access-point")
    assert len(hosts) > len(entries) >= 5  # one host has no EMREX entry
    countries, institutions = set(), set()
    by_url = {}
    for entry in entries:
        assert entry.get("version") == "1.0.0"
        url = entry.findtext(f"{{{EMREX_EWP_NS}}}url")
        countries.add(entry.findtext(f"{{{EMREX_EWP_NS}}}country-code"))
        institutions.update(i.text for i in entry.findall(f"{{{EMREX_EWP_NS}}}institution"))
        assert entry.findtext(f"{{{EMREX_EWP_NS}}}name")
        certs = [x509.load_der_x509_certificate(base64.b64decode(c.text, validate=True))
                 for c in entry.findall(f"{{{EMREX_EWP_NS}}}certificate")]
        assert certs
        by_url[url] = certs
    assert len(countries) >= 2 and len(institutions) >= 5
    assert any(len(certs) == 2 for certs in by_url.values())  # key rotation
    # Same contact points in both registries; the JSON certificate is the one used for signing.
    assert set(by_url) == {e["url"] for e in registry["emps"]}
    for entry in registry["emps"]:
        json_cert = x509.load_pem_x509_certificate(entry["pubKey"].encode())
        assert by_url[entry["url"]][-1] == json_cert


# ------------------------------------------------------------------ request validation

def test_missing_session_id_is_400(base):
    response = requests.post(f"{base}/emp/helsinki", data={"returnUrl": RETURN_URL}, timeout=10)
    assert response.status_code == 400
    assert "sessionId is missing" in response.text


def test_missing_return_url_is_400(base):
    response = requests.post(f"{base}/emp/helsinki", data={"sessionId": "abc"}, timeout=10)
    assert response.status_code == 400
    assert "returnUrl is missing" in response.text


def test_session_id_over_32_characters_is_400(base):
    response = requests.post(f"{base}/emp/lund", data={"sessionId": "x" * 33, "returnUrl": RETURN_URL}, timeout=10)
    assert response.status_code == 400


def test_http_return_url_refused_without_flag(servers):
    response = requests.post(f"{servers['strict']}/emp/helsinki",
                             data={"sessionId": secrets.token_hex(16), "returnUrl": RETURN_URL}, timeout=10)
    assert response.status_code == 400
    assert "https" in response.text
    ok = requests.post(f"{servers['strict']}/emp/helsinki",
                       data={"sessionId": secrets.token_hex(16), "returnUrl": "https://haku.example/emrex/return"},
                       timeout=10)
    assert ok.status_code == 200 and ok.url.endswith("/login")


def test_unknown_contact_point_is_404(base):
    response = requests.post(f"{base}/emp/nowhere", data={"sessionId": "a", "returnUrl": RETURN_URL}, timeout=10)
    assert response.status_code == 404


# ------------------------------------------------------------------ full flows

@pytest.mark.parametrize("emp", ["helsinki", "aalto", "tampere", "lund", "uppsala", "stads"])
def test_full_flow_signed_valid_elmo(base, registry, elmo_schema, emp):
    handoff, fields, session_id = run_flow(base, emp)
    assert list(fields) == ["sessionId", "returnCode", "returnMessage", "elmo"]
    assert fields["sessionId"] == session_id
    assert fields["returnCode"] == "NCP_OK"
    assert fields["returnMessage"] == ""
    assert "\n" not in fields["elmo"] and fields["elmo"].startswith("H4sI")
    assert 'src="/static/autosubmit.js"' in handoff.text and "<script>" not in handoff.text
    xml = decode_elmo(fields["elmo"])
    assert xml.startswith(b"<?xml")
    assert verify(xml, registry_pem(registry, f"{base}/emp/{emp}"))
    doc = etree.fromstring(xml, SAFE)
    assert elmo_schema.validate(doc), elmo_schema.error_log
    assert learner_of(xml) == LEARNER
    reports = doc.findall(f"{{{ELMO_NS}}}report")
    assert reports
    for report in reports:
        assert report.find(f"{{{ELMO_NS}}}issuer/{{{ELMO_NS}}}identifier[@type='schac']") is not None
        assert report.find(f"{{{ELMO_NS}}}issuer/{{{ELMO_NS}}}title[@{{http://www.w3.org/XML/1998/namespace}}lang='en']") is not None
    degrees = doc.findall(f".//{{{ELMO_NS}}}learningOpportunitySpecification[{{{ELMO_NS}}}type='Degree Programme']")
    assert degrees and all(d.findall(f"{{{ELMO_NS}}}hasPart") for d in degrees)
    loi = f"{{{ELMO_NS}}}specifies/{{{ELMO_NS}}}learningOpportunityInstance"
    for degree in degrees:  # a programme's credits cover its passed courses (all ticked here)
        parts = degree.findall(f"{{{ELMO_NS}}}hasPart/{{{ELMO_NS}}}learningOpportunitySpecification/{loi}")
        passed = sum(float(p.findtext(f"{{{ELMO_NS}}}credit/{{{ELMO_NS}}}value")) for p in parts
                     if p.findtext(f"{{{ELMO_NS}}}status") == "passed")
        assert float(degree.findtext(f"{loi}/{{{ELMO_NS}}}credit/{{{ELMO_NS}}}value")) == passed
    content = doc.findtext(f"{{{ELMO_NS}}}attachment/{{{ELMO_NS}}}content")
    assert content.startswith("data:application/pdf;base64,")
    assert base64.b64decode(content.split(",", 1)[1]).startswith(b"%PDF-")


def test_only_ticked_results_are_sent_and_the_flow_is_single_use(base, registry):
    session = requests.Session()
    start = session.post(f"{base}/emp/helsinki", data={"sessionId": "s1", "returnUrl": RETURN_URL}, timeout=10)
    results = submit(session, start, LEARNER, button=("action", "login"))
    ticked = [v for k, v in form_fields(form_of(results)) if k == "sel"]
    keep = [v for v in ticked if v.startswith("r0-d1")][:3]  # the master's programme and two of its courses
    handoff = submit(session, results, drop=("sel",), add=[("sel", v) for v in keep], button=("action", "confirm"))
    xml = decode_elmo(dict(form_fields(form_of(handoff)))["elmo"])
    doc = etree.fromstring(xml, SAFE)
    assert len(doc.findall(f".//{{{ELMO_NS}}}learningOpportunitySpecification")) == 3
    assert verify(xml, registry_pem(registry, f"{base}/emp/helsinki"))
    again = submit(session, results, button=("action", "confirm"))
    assert again.status_code == 400


def test_nothing_ticked_asks_again(base):
    session = requests.Session()
    start = session.post(f"{base}/emp/lund", data={"sessionId": "s3", "returnUrl": RETURN_URL}, timeout=10)
    results = submit(session, start, LEARNER, button=("action", "login"))
    again = submit(session, results, drop=("sel",), button=("action", "confirm"))
    assert again.status_code == 422 and "Select at least one result" in again.text


def test_cancel_returns_ncp_cancel_with_empty_elmo(base):
    _, fields, session_id = run_flow(base, "helsinki", action="cancel")
    assert fields == {"sessionId": session_id, "returnCode": "NCP_CANCEL", "returnMessage": "", "elmo": ""}


def test_cancel_on_login_page(base):
    session = requests.Session()
    start = session.post(f"{base}/emp/lund", data={"sessionId": "c1", "returnUrl": RETURN_URL}, timeout=10)
    handoff = submit(session, start, button=("action", "cancel"))
    assert dict(form_fields(form_of(handoff)))["returnCode"] == "NCP_CANCEL"


def test_no_results(base):
    _, fields, _ = run_flow(base, "uppsala", action="none")
    assert fields["returnCode"] == "NCP_NO_RESULTS" and fields["elmo"] == ""


def test_empty_birth_date_is_left_out(base, registry, elmo_schema):
    learner = {**LEARNER, "bday": ""}
    _, fields, _ = run_flow(base, "stads", learner=learner)
    xml = decode_elmo(fields["elmo"])
    assert learner_of(xml) == {**LEARNER, "bday": None}
    assert elmo_schema.validate(etree.fromstring(xml, SAFE))


# ------------------------------------------------------------------ switches

def test_tamper_after_signing_fails_verification(base, registry):
    _, fields, _ = run_flow(base, "helsinki", mode="tamper_after_signing")
    assert not verify(decode_elmo(fields["elmo"]), registry_pem(registry, f"{base}/emp/helsinki"))


def test_wrong_key_fails_with_registry_certificate(base, registry):
    _, fields, _ = run_flow(base, "lund", mode="wrong_key")
    xml = decode_elmo(fields["elmo"])
    assert not verify(xml, registry_pem(registry, f"{base}/emp/lund"))
    # ...although it verifies with the certificate the document carries (why KeyInfo is never trusted)
    embedded = keyinfo_cert(xml).public_bytes(serialization.Encoding.PEM)
    assert verify(xml, embedded)


def test_expired_cert_verifies_and_the_registry_certificate_is_expired(base, registry):
    url = f"{base}/emp/tampere"
    pem = registry_pem(registry, url)
    assert is_expired(x509.load_pem_x509_certificate(pem))
    _, fields, _ = run_flow(base, "tampere", mode="expired_cert")
    xml = decode_elmo(fields["elmo"])
    assert verify(xml, pem)
    assert is_expired(keyinfo_cert(xml))
    assert keyinfo_cert(xml) == x509.load_pem_x509_certificate(pem)


def test_expired_cert_on_a_valid_contact_point_signs_with_its_expired_certificate(base, registry):
    pem = registry_pem(registry, f"{base}/emp/helsinki")
    _, fields, _ = run_flow(base, "helsinki", mode="expired_cert")
    xml = decode_elmo(fields["elmo"])
    assert verify(xml, pem)
    assert is_expired(keyinfo_cert(xml)) and not is_expired(x509.load_pem_x509_certificate(pem))


def test_key_rotation_signs_with_second_certificate_previous_key_with_first(base):
    catalogue = etree.fromstring(requests.get(f"{base}/registry/catalogue-v1.xml", timeout=10).content, SAFE)
    entry = next(e for e in catalogue.iter(f"{{{EMREX_EWP_NS}}}emrex-data-access-point")
                 if e.findtext(f"{{{EMREX_EWP_NS}}}url") == f"{base}/emp/aalto")
    pems = [x509.load_der_x509_certificate(base64.b64decode(c.text)).public_bytes(serialization.Encoding.PEM)
            for c in entry.findall(f"{{{EMREX_EWP_NS}}}certificate")]
    assert len(pems) == 2
    _, fields, _ = run_flow(base, "aalto")
    xml = decode_elmo(fields["elmo"])
    assert verify(xml, pems[1]) and not verify(xml, pems[0])
    _, fields, _ = run_flow(base, "aalto", mode="previous_key")
    xml = decode_elmo(fields["elmo"])
    assert verify(xml, pems[0]) and not verify(xml, pems[1])


def test_big_pdf(base, registry):
    _, fields, _ = run_flow(base, "uppsala", mode="big_pdf")
    xml = decode_elmo(fields["elmo"])
    assert len(xml) > 4 * 1024 * 1024
    assert verify(xml, registry_pem(registry, f"{base}/emp/uppsala"))


def test_legacy_namespace(base, registry):
    _, fields, _ = run_flow(base, "lund", mode="legacy_namespace")
    xml = decode_elmo(fields["elmo"])
    root = etree.fromstring(xml, SAFE)
    assert etree.QName(root).namespace == LEGACY_NS
    assert root.find(f"{{{LEGACY_NS}}}report/{{{LEGACY_NS}}}learner/{{{LEGACY_NS}}}familyName").text == LEARNER["familyName"]
    assert verify(xml, registry_pem(registry, f"{base}/emp/lund"))
    _, fields, _ = run_flow(base, "lund", mode="legacy_namespace_unsigned")
    root = etree.fromstring(decode_elmo(fields["elmo"]), SAFE)
    assert etree.QName(root).namespace == LEGACY_NS and root.find(f"{{{DSIG_NS}}}Signature") is None


def test_learner_mismatch(base, registry):
    _, fields, _ = run_flow(base, "helsinki", mode="learner_mismatch")
    xml = decode_elmo(fields["elmo"])
    assert learner_of(xml)["familyName"] != LEARNER["familyName"]
    assert verify(xml, registry_pem(registry, f"{base}/emp/helsinki"))


def test_wrong_session_id(base):
    _, fields, session_id = run_flow(base, "helsinki", mode="wrong_session_id")
    assert fields["sessionId"] != session_id and len(fields["sessionId"]) == 32


def test_sha256_and_emp_codes_and_omitted_fields(base, registry):
    _, fields, _ = run_flow(base, "stads", extra={"sw_signature": "sha256", "sw_code_family": "EMP"})
    assert fields["returnCode"] == "EMP_OK"
    xml = decode_elmo(fields["elmo"])
    assert b"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256" in xml
    assert verify(xml, registry_pem(registry, f"{base}/emp/stads"))
    _, fields, _ = run_flow(base, "stads", extra={"sw_return_code": "GARBAGE_CODE", "sw_omit": "returnMessage"})
    assert fields["returnCode"] == "GARBAGE_CODE" and "returnMessage" not in fields and fields["elmo"]


def test_internal_error(base):
    _, fields, _ = run_flow(base, "aalto", mode="internal_error")
    assert fields["returnCode"] == "NCP_ERROR" and fields["returnMessage"] and fields["elmo"] == ""


def test_switch_api(base, registry):
    try:
        assert requests.get(f"{base}/control/switches", timeout=10).json()["modes"] == []
        response = requests.post(f"{base}/control/switches", json={"mode": "tamper_after_signing"}, timeout=10)
        assert response.status_code == 200 and response.json()["mode"] == "tamper_after_signing"
        assert requests.post(f"{base}/control/switches", json={"mode": "nope"}, timeout=10).status_code == 400
        assert requests.get(f"{base}/control/switches", timeout=10).json()["modes"] == ["tamper_after_signing"]
        _, fields, _ = run_flow(base, "uppsala")  # no per-request override: the global switch applies
        assert not verify(decode_elmo(fields["elmo"]), registry_pem(registry, f"{base}/emp/uppsala"))
        requests.post(f"{base}/control/switches", json={"mode": "", "omit_fields": ["returnMessage", "elmo"]},
                      timeout=10)
        _, fields, _ = run_flow(base, "uppsala")
        assert set(fields) == {"sessionId", "returnCode"}
    finally:
        reset = requests.post(f"{base}/control/reset", timeout=10)
    assert reset.json()["modes"] == [] and reset.json()["omit_fields"] == []


# ------------------------------------------------------------------ pages

def test_pages(base):
    for path in ("/", "/control", "/healthz"):
        assert requests.get(f"{base}{path}", timeout=10).status_code == 200
    info = requests.get(f"{base}/emp/helsinki", timeout=10)
    assert info.status_code == 405 and "EMREX contact point" in info.text
    page = requests.get(f"{base}/", timeout=10)
    assert "/registry/catalogue-v1.xml" in page.text and "tamper_after_signing" in page.text
    assert "unsafe-inline" not in page.headers["Content-Security-Policy"]
