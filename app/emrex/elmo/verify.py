"""ELMO transcripts: the hardened parse and the XML signature checked against the registry
certificates (PROTOCOL.md §5)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

import xmlsec
from cryptography import x509
from lxml import etree

from app.emrex.elmo.common import (
    C14N_METHODS,
    DIGEST_METHODS,
    DSIG_NS,
    ELMO_NS,
    ENVELOPED,
    LEGACY_NS,
    SIGNATURE_METHODS,
    ElmoSignatureError,
    ElmoXmlError,
)

# ---------------------------------------------------------------- parse

_PARSER_OPTIONS = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False,
                   "dtd_validation": False, "remove_blank_text": False, "remove_comments": False,
                   "remove_pis": False}


def _declares(data: bytes) -> bool:
    """Does the document declare a DOCTYPE or an entity anywhere? A scan for ``!`` (one byte:
    memchr speed; a two-byte needle starting with ``<`` stops at every tag), then a look at
    each ``<!``: comments and CDATA pass, DOCTYPE and ENTITY in any case do not."""
    at = data.find(b"!")
    while at != -1:
        if at and data[at - 1] == 0x3C and data[at + 1:at + 8].upper().startswith((b"DOCTYPE", b"ENTITY")):
            return True
        at = data.find(b"!", at + 1)
    return False


def parse_xml(data: bytes) -> etree._Element:
    """Hardened parse: any DOCTYPE or entity declaration is refused outright."""
    if _declares(data):
        raise ElmoXmlError("The transcript declares a DOCTYPE or entities, which is not allowed.", "doctype")
    try:
        root = etree.fromstring(data, etree.XMLParser(**_PARSER_OPTIONS))
    except etree.XMLSyntaxError as exc:
        raise ElmoXmlError("The transcript is not well-formed XML.", "not_xml") from exc
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise ElmoXmlError("The transcript declares a DOCTYPE, which is not allowed.", "doctype")
    if etree.QName(root).localname != "elmo" or etree.QName(root).namespace not in (ELMO_NS, LEGACY_NS):
        raise ElmoXmlError("The document is not an ELMO transcript.", "not_elmo")
    return root


# ---------------------------------------------------------------- verify

@dataclass
class SignatureResult:
    algorithm: str
    digest: str
    sha1: bool
    cert_index: int
    cert_expired: bool


def _one(parent, path: str, what: str) -> etree._Element:
    """The one ``ds:`` child named ``path``; anything but exactly one is refused. Children are
    compared by tag directly (ElementPath's parser costs more than the few children)."""
    tag = f"{{{DSIG_NS}}}{path[3:]}"
    found = [child for child in parent.iterchildren(tag)]
    if len(found) != 1:
        raise ElmoSignatureError(f"The signature's {what} is not as expected.", "bad_signature_structure")
    return found[0]


def verify_signature(root: etree._Element, certificates_pem: list[str], *, now: datetime | None = None) \
        -> SignatureResult:
    """PROTOCOL §5: exactly one ds:Signature, a child of the root, one Reference URI="" with
    the enveloped transform; allowed algorithms only; trust = equal to a registry
    certificate of the contact point the candidate was sent to."""
    signatures = list(root.iter(f"{{{DSIG_NS}}}Signature"))
    if not signatures:
        raise ElmoSignatureError("The transcript is not signed.", "no_signature")
    if len(signatures) != 1:
        raise ElmoSignatureError("The transcript carries more than one signature.", "two_signatures")
    signature = signatures[0]
    if signature.getparent() is not root:
        raise ElmoSignatureError("The signature is not where it must be.", "misplaced_signature")
    signed_info = _one(signature, "ds:SignedInfo", "SignedInfo")
    c14n = _one(signed_info, "ds:CanonicalizationMethod", "canonicalization").get("Algorithm")
    method = _one(signed_info, "ds:SignatureMethod", "method").get("Algorithm")
    if c14n not in C14N_METHODS or method not in SIGNATURE_METHODS:
        raise ElmoSignatureError("The transcript is signed with an algorithm we do not accept.", "bad_algorithm")
    reference = _one(signed_info, "ds:Reference", "reference")
    if reference.get("URI") != "":
        raise ElmoSignatureError("The signature does not cover the whole transcript.", "bad_reference")
    transforms = [t.get("Algorithm") for holder in reference.iterchildren(f"{{{DSIG_NS}}}Transforms")
                  for t in holder.iterchildren(f"{{{DSIG_NS}}}Transform")]
    if not transforms or transforms[0] != ENVELOPED or any(t not in C14N_METHODS for t in transforms[1:]):
        raise ElmoSignatureError("The signature's transforms are not accepted.", "bad_transforms")
    digest = _one(reference, "ds:DigestMethod", "digest").get("Algorithm")
    if digest not in DIGEST_METHODS:
        raise ElmoSignatureError("The transcript is signed with an algorithm we do not accept.", "bad_algorithm")
    if not certificates_pem:
        raise ElmoSignatureError("No certificate is registered for this university.", "no_certificate")
    now = now or datetime.now(UTC)
    for index, pem in enumerate(certificates_pem):
        try:
            key = xmlsec.Key.from_memory(pem.encode() if isinstance(pem, str) else pem, xmlsec.KeyFormat.CERT_PEM)
        except xmlsec.Error:
            continue
        context = xmlsec.SignatureContext()
        context.key = key
        try:
            context.verify(signature)
        except xmlsec.Error:
            continue
        return SignatureResult(algorithm=method, digest=digest, sha1=SIGNATURE_METHODS[method], cert_index=index,
                               cert_expired=_expired(pem, now))
    raise ElmoSignatureError("The transcript's signature could not be verified.", "signature_invalid")


def _expired(pem: str, now: datetime) -> bool:
    validity = _validity(pem if isinstance(pem, str) else pem.decode("ascii", "replace"))
    return validity is not None and not (validity[0] <= now <= validity[1])


@lru_cache(maxsize=64)
def _validity(pem: str) -> tuple[datetime, datetime] | None:
    """A registry certificate's validity period (the registry holds a few dozen)."""
    try:
        cert = x509.load_pem_x509_certificate(pem.encode())
    except ValueError:
        return None
    return cert.not_valid_before_utc, cert.not_valid_after_utc
