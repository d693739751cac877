"""Sign ELMO documents in tests (the way a contact point does), with throwaway keys."""

from __future__ import annotations

import base64
import datetime as dt
import gzip

import xmlsec
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from lxml import etree


def make_key(expired: bool = False) -> tuple[bytes, str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test EMP")])
    now = dt.datetime.now(dt.UTC)
    start, end = (now - dt.timedelta(days=800), now - dt.timedelta(days=400)) if expired else \
        (now - dt.timedelta(days=1), now + dt.timedelta(days=365))
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start).not_valid_after(end)
            .sign(key, hashes.SHA256()))
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return key_pem, cert.public_bytes(serialization.Encoding.PEM).decode()


def sign(xml: bytes, key_pem: bytes, cert_pem: str, *, sha256: bool = False) -> bytes:
    root = etree.fromstring(xml)
    template = xmlsec.template.create(root, xmlsec.Transform.C14N,
                                      xmlsec.Transform.RSA_SHA256 if sha256 else xmlsec.Transform.RSA_SHA1)
    root.append(template)
    ref = xmlsec.template.add_reference(template, xmlsec.Transform.SHA256 if sha256 else xmlsec.Transform.SHA1, uri="")
    xmlsec.template.add_transform(ref, xmlsec.Transform.ENVELOPED)
    key_info = xmlsec.template.ensure_key_info(template)
    xmlsec.template.add_x509_data(key_info)
    key = xmlsec.Key.from_memory(key_pem, xmlsec.KeyFormat.PEM)
    key.load_cert_from_memory(cert_pem.encode(), xmlsec.KeyFormat.CERT_PEM)
    ctx = xmlsec.SignatureContext()
    ctx.key = key
    ctx.sign(template)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def field(xml: bytes) -> str:
    return base64.b64encode(gzip.compress(xml)).decode()


MINIMAL = b"""<?xml version="1.0" encoding="UTF-8"?>
<elmo xmlns="https://github.com/emrex-eu/elmo-schemas/tree/v1">
  <generatedDate>2026-01-01T10:00:00Z</generatedDate>
  <learner><givenNames>Aino</givenNames><familyName>Virtanen</familyName><bday>1999-04-12</bday></learner>
  <report>
    <issuer><country>FI</country><identifier type="schac">helsinki.fi</identifier>
      <title xml:lang="en">University of Helsinki</title><url>https://www.helsinki.fi</url></issuer>
    <learningOpportunitySpecification>
      <title xml:lang="en">Algorithms</title><type>Course</type>
      <specifies><learningOpportunityInstance>
        <status>passed</status><resultLabel>5</resultLabel>
        <credit><scheme>ECTS</scheme><value>5</value></credit>
      </learningOpportunityInstance></specifies>
    </learningOpportunitySpecification>
    <issueDate>2026-01-01T10:00:00Z</issueDate>
  </report>
</elmo>
"""
