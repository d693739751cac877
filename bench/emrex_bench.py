"""EMREX rows of `make bench`: decode + verify + parse of a 40 KB and a 5 MB transcript beside
the floor (base64 + gunzip + bare xmlsec verify + lxml parse of the same bytes), and the
return endpoint's throughput under gunicorn."""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import secrets
import time
from statistics import median

import xmlsec
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from lxml import etree

from bench import load

NS = "https://github.com/emrex-eu/elmo-schemas/tree/v1"


def keypair():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Bench EMP")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
            .sign(key, hashes.SHA256()))
    return (key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption()), cert.public_bytes(serialization.Encoding.PEM).decode())


def transcript(courses: int, pdf_bytes: int = 0) -> bytes:
    rows = "".join(
        f"<learningOpportunitySpecification><title xml:lang=\"en\">Course number {i} in applied studies</title>"
        f"<type>Course</type><specifies><learningOpportunityInstance><identifier type=\"local\">C{i:05d}</identifier>"
        f"<date>2020-05-{1 + i % 28:02d}</date><status>passed</status><resultLabel>{1 + i % 5}</resultLabel>"
        f"<credit><scheme>ECTS</scheme><value>5</value></credit></learningOpportunityInstance></specifies>"
        f"</learningOpportunitySpecification>" for i in range(courses))
    attachment = ""
    if pdf_bytes:
        pdf = b"%PDF-1.4\n" + secrets.token_bytes(pdf_bytes) + b"\n%%EOF\n"
        attachment = (f"<attachment><title xml:lang=\"en\">Transcript</title><type>EMREX transcript</type>"
                      f"<content>data:application/pdf;base64,{base64.b64encode(pdf).decode()}</content></attachment>")
    return (f"<?xml version=\"1.0\" encoding=\"UTF-8\"?><elmo xmlns=\"{NS}\"><generatedDate>2026-01-01T10:00:00Z"
            f"</generatedDate><learner><givenNames>Aino</givenNames><familyName>Virtanen</familyName>"
            f"<bday>1999-04-12</bday></learner><report><issuer><country>FI</country><identifier type=\"schac\">"
            f"helsinki.fi</identifier><title xml:lang=\"en\">University of Helsinki</title><url>https://helsinki.fi"
            f"</url></issuer>{rows}<issueDate>2026-01-01T10:00:00Z</issueDate></report>{attachment}</elmo>").encode()


def sign(xml: bytes, key_pem: bytes, cert_pem: str) -> bytes:
    root = etree.fromstring(xml, etree.XMLParser(huge_tree=True))
    template = xmlsec.template.create(root, xmlsec.Transform.C14N, xmlsec.Transform.RSA_SHA256)
    root.append(template)
    ref = xmlsec.template.add_reference(template, xmlsec.Transform.SHA256, uri="")
    xmlsec.template.add_transform(ref, xmlsec.Transform.ENVELOPED)
    xmlsec.template.add_x509_data(xmlsec.template.ensure_key_info(template))
    key = xmlsec.Key.from_memory(key_pem, xmlsec.KeyFormat.PEM)
    key.load_cert_from_memory(cert_pem.encode(), xmlsec.KeyFormat.CERT_PEM)
    ctx = xmlsec.SignatureContext()
    ctx.key = key
    ctx.sign(template)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def floor(value: str, cert_pem: str) -> None:
    xml = gzip.decompress(base64.b64decode(value))
    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    ctx = xmlsec.SignatureContext()
    ctx.key = xmlsec.Key.from_memory(cert_pem.encode(), xmlsec.KeyFormat.CERT_PEM)
    ctx.verify(root.find("{http://www.w3.org/2000/09/xmldsig#}Signature"))


def ours(value: str, cert_pem: str) -> None:
    from app.emrex import elmo

    root = elmo.parse_xml(elmo.decode_elmo_field(value))
    elmo.verify_signature(root, [cert_pem])
    elmo.parse_transcript(root)


def timed(fn, value, cert, repeat) -> float:
    """Median CPU time of one call (``process_time``: the work is single-threaded and CPU-bound,
    so on a quiet machine it equals the wall time, and on a busy one it does not count the
    time other processes held the core — wall-clock medians read 40× the quiet figure at a
    load average of 20)."""
    samples = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn(value, cert)
        samples.append(time.process_time() - t0)
    return median(samples) * 1000


def run_all(app, env: dict, gunicorn_cls) -> dict:
    key, cert = keypair()
    small_xml = sign(transcript(100), key, cert)
    big_xml = sign(transcript(100, pdf_bytes=3_700_000), key, cert)
    out = {"sizes": {}}
    for label, xml, repeat in (("40 KB", small_xml, 200), ("5 MB with a PDF", big_xml, 15)):
        value = base64.b64encode(gzip.compress(xml)).decode()
        timed(ours, value, cert, 3)
        out["sizes"][label] = {"xml_bytes": len(xml), "field_bytes": len(value),
                               "floor_ms": timed(floor, value, cert, repeat), "ours_ms": timed(ours, value, cert, repeat)}
    out["storage_ms"] = storage_ms(app, big_xml)
    out["endpoint"] = endpoint(app, gunicorn_cls, base64.b64encode(gzip.compress(small_xml)).decode(), cert)
    return out


def storage_ms(app, xml: bytes) -> float:
    from app.applications import files

    with app.app_context():
        t0 = time.perf_counter()
        files.store(1, "bench.xml", xml, "application/xml")
        from app.extensions import db

        db.session.rollback()
        return (time.perf_counter() - t0) * 1000


def open_attempts(app, cert: str, attempts: int) -> list[str]:
    """``attempts`` open EMREX attempts in the "small" company (EMREX switched on), each with
    its own sessionId; returns the sessionIds."""
    from sqlalchemy import select

    from app.accounts.models import Company
    from app.applications.models import Application
    from app.emrex.models import EmrexAttempt, EmrexRequest
    from app.extensions import db

    with app.app_context():
        company = db.session.scalar(select(Company).where(Company.slug == "small"))
        company.emrex_enabled = True
        apps = db.session.scalars(select(Application).where(Application.company_id == company.id).limit(attempts)).all()
        ids = []
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(minutes=5)
        for i in range(attempts):
            application = apps[i % len(apps)]
            request = EmrexRequest(company_id=company.id, application_id=application.id, status="in_progress",
                                   sent_at=now)
            db.session.add(request)
            db.session.flush()
            sid = secrets.token_hex(16)
            db.session.add(EmrexAttempt(company_id=company.id, request_id=request.id, emp_url="https://emp.example/x",
                                        certificates=[cert], session_id=sid, created_at=now))
            ids.append(sid)
        db.session.commit()
    return ids


def return_body(sid: str, value: str) -> bytes:
    """The form the EMP posts back: a successful return carrying the transcript ``value``."""
    return ("sessionId=" + sid + "&returnCode=NCP_OK&returnMessage=&elmo=" + requests_quote(value)).encode()


def small_transcript() -> tuple[str, str]:
    """The 40 KB signed transcript as the return field carries it, and its certificate."""
    key, cert = keypair()
    return base64.b64encode(gzip.compress(sign(transcript(100), key, cert))).decode(), cert


def endpoint(app, gunicorn_cls, value: str, cert: str, attempts: int = 4000) -> load.RowResult:
    """Many open attempts, each with its own sessionId; the client posts one return each."""
    ids = open_attempts(app, cert, attempts)
    server = gunicorn_cls()
    counter = iter(ids)

    def make(worker, n):
        return ("POST", "/emrex/return", return_body(next(counter), value),
                {"Content-Type": "application/x-www-form-urlencoded"})

    try:
        return load.run("EMREX return endpoint (40 KB)", server.port, make, concurrency=8, duration=8.0)
    finally:
        server.stop()


def requests_quote(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")


def render(data: dict) -> list[str]:
    lines = ["## EMREX transcripts", "",
             "Decode + verify + parse (median CPU time of repeated runs, one process) beside the floor: base64 + gunzip + "
             "bare `xmlsec` verify + `lxml` parse of the same bytes. Storage is reported separately.", "",
             "| transcript | XML bytes | floor ms | Haku ms | ratio | target ≤ 1.5× |", "|---|---:|---:|---:|---:|---|"]
    for label, row in data["sizes"].items():
        ratio = row["ours_ms"] / row["floor_ms"] if row["floor_ms"] else 0
        lines.append(f"| {label} | {row['xml_bytes']:,} | {row['floor_ms']:.2f} | {row['ours_ms']:.2f} | {ratio:.2f} | "
                     f"{'pass' if ratio <= 1.5 else 'MISS'} |")
    ep = data["endpoint"]
    imported_per_s = (ep.requests - ep.errors) / ep.seconds if ep.seconds else 0
    lines += ["", f"Storing the 5 MB raw document: {data['storage_ms']:.1f} ms.", "",
              f"Return endpoint under gunicorn (2 workers), 40 KB transcripts, each a full import (claim, decode, "
              f"verify, parse, identity check, GPA, rows and files): **{imported_per_s:.0f} transcripts/s** imported, p50 "
              f"{ep.p50:.0f} ms, p95 {ep.p95:.0f} ms, {ep.errors} errors "
              f"(statuses {dict(sorted(ep.statuses.items()))}); target ≥ 50/s with no errors: "
              f"{'pass' if imported_per_s >= 50 and not ep.errors else 'MISS'}.", ""]
    return lines
