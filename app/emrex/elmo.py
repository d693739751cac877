"""ELMO transcripts: decode (base64 + gzip with a hard cap), parse safely, verify the XML
signature against the registry certificates, and read the records (PROTOCOL.md §4–§7).

Pure Python + lxml + python-xmlsec: no Flask, no database. The data is always read from
the very tree whose signature was verified (never from a second parse).
"""

from __future__ import annotations

import base64
import binascii
import re
import threading
import zlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

import xmlsec
from cryptography import x509
from lxml import etree

ELMO_NS = "https://github.com/emrex-eu/elmo-schemas/tree/v1"
LEGACY_NS = "http://purl.org/net/elmo"
DSIG_NS = "http://www.w3.org/2000/09/xmldsig#"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MAX_ELMO_BYTES = 50 * 1024 * 1024
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
_CHUNK = 64 * 1024

SIGNATURE_METHODS = {
    "http://www.w3.org/2000/09/xmldsig#rsa-sha1": True,  # SHA-1: accepted, flagged (PROTOCOL §5)
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256": False,
}
DIGEST_METHODS = {"http://www.w3.org/2000/09/xmldsig#sha1", "http://www.w3.org/2001/04/xmlenc#sha256"}
C14N_METHODS = {"http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
                "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments",
                "http://www.w3.org/2001/10/xml-exc-c14n#", "http://www.w3.org/2001/10/xml-exc-c14n#WithComments"}
ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"


class ElmoError(ValueError):
    """A transcript that cannot be accepted; ``reason`` is a short code, the message is safe
    to show to the candidate."""

    reason = "invalid"

    def __init__(self, message: str, reason: str | None = None):
        super().__init__(message)
        if reason:
            self.reason = reason


class ElmoDecodeError(ElmoError):
    pass


class ElmoXmlError(ElmoError):
    pass


class ElmoSignatureError(ElmoError):
    pass


# ---------------------------------------------------------------- decode

_B64_RE = re.compile(rb"^[A-Za-z0-9+/]*={0,2}$")


def decode_elmo_field(value: str | bytes, *, max_output: int = MAX_ELMO_BYTES) -> bytes:
    """base64 (standard alphabet; whitespace and missing padding tolerated) → gzip, inflated
    in chunks and stopped as soon as the output passes ``max_output``."""
    raw = value.encode("ascii", errors="replace") if isinstance(value, str) else bytes(value)
    raw = b"".join(raw.split())
    if not raw:
        raise ElmoDecodeError("No transcript was sent.", "empty")
    if not _B64_RE.match(raw):
        raise ElmoDecodeError("The transcript is not valid base64.", "bad_base64")
    raw += b"=" * (-len(raw) % 4)
    try:
        compressed = base64.b64decode(raw, validate=True)
    except binascii.Error as exc:
        raise ElmoDecodeError("The transcript is not valid base64.", "bad_base64") from exc
    if compressed[:2] != b"\x1f\x8b":
        raise ElmoDecodeError("The transcript is not gzip-compressed.", "not_gzip")
    return gunzip_capped(compressed, max_output)


def gunzip_capped(compressed: bytes, max_output: int) -> bytes:
    """Inflate in 64 KB steps of input and of output, failing as soon as the output passes
    ``max_output`` (a bomb never inflates further than the cap plus one step)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    view = memoryview(compressed)
    rest = b""
    try:
        for start in range(0, len(view), _CHUNK):
            data = view[start:start + _CHUNK]
            while data:
                out += inflater.decompress(data, _CHUNK)
                if len(out) > max_output:
                    raise ElmoDecodeError("The transcript is too large.", "too_large")
                if inflater.eof:
                    break
                data = inflater.unconsumed_tail
            if inflater.eof:
                rest = view[start + _CHUNK:].tobytes()
                break
        while not inflater.eof:  # output still held inside the inflater
            chunk = inflater.decompress(b"", _CHUNK)
            if not chunk:
                break
            out += chunk
            if len(out) > max_output:
                raise ElmoDecodeError("The transcript is too large.", "too_large")
    except zlib.error as exc:
        raise ElmoDecodeError("The transcript's compression is damaged.", "gzip_damaged") from exc
    if not inflater.eof:
        raise ElmoDecodeError("The transcript is incomplete (truncated).", "gzip_truncated")
    if (inflater.unused_data + rest).strip(b"\x00"):
        raise ElmoDecodeError("The transcript has unexpected data after its end.", "trailing_garbage")
    return bytes(out)


# ---------------------------------------------------------------- parse

_PARSER_OPTIONS = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False,
                   "dtd_validation": False, "remove_blank_text": False, "remove_comments": False,
                   "remove_pis": False}


def parse_xml(data: bytes) -> etree._Element:
    """Hardened parse: any DOCTYPE or entity declaration is refused outright."""
    head = data[:1024 * 1024]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data or b"<!doctype" in head:
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
    found = parent.findall(path, {"ds": DSIG_NS})
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
    transforms = [t.get("Algorithm") for t in reference.findall("ds:Transforms/ds:Transform", {"ds": DSIG_NS})]
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
    try:
        cert = x509.load_pem_x509_certificate(pem.encode() if isinstance(pem, str) else pem)
    except ValueError:
        return False
    return not (cert.not_valid_before_utc <= now <= cert.not_valid_after_utc)


# ---------------------------------------------------------------- schema

XSD_DIR = Path(__file__).parent / "xsd"


class _LocalSchemas(etree.Resolver):
    """Points the ELMO schema's imports (URLs) at the local copies: no network."""

    NAMES = {"xml.xsd": "xml.xsd", "xmldsig-core-schema.xsd": "xmldsig-core-schema.xsd",
             "EUROPASS_ISOCountries_V1.1.xsd": "EUROPASS_ISOCountries_V1.1.xsd",
             "schema.xsd": "ewp-types-address.xsd", "common-types.xsd": "ewp-common-types.xsd",
             "XMLSchema.dtd": "XMLSchema.dtd", "datatypes.dtd": "datatypes.dtd"}

    def resolve(self, url, pubid, context):
        name = (url or "").rstrip("/").rsplit("/", 1)[-1]
        local = self.NAMES.get(name)
        if local and (XSD_DIR / local).exists():
            return self.resolve_filename(str(XSD_DIR / local), context)
        return None


_SCHEMA_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _schema() -> etree.XMLSchema | None:
    path = XSD_DIR / "elmo-schema-v1.7.0.xsd"
    if not path.exists():
        return None
    parser = etree.XMLParser(load_dtd=True, no_network=True, resolve_entities=True)
    parser.resolvers.add(_LocalSchemas())
    return etree.XMLSchema(etree.parse(str(path), parser))


# Built once at import (about 10 ms), before any thread parses: building it while other
# threads parse XML made libxml2 answer a wrong "not valid" about once in a thousand checks.
_schema()


def validate_schema(root: etree._Element) -> bool:
    """ELMO v1.7 validity, recorded and never required (real transcripts often fail it).

    libxml2's schema code is not safe to build or run from several threads at once
    (gunicorn's threaded workers), hence the lock; a failure of the check itself counts as
    "not valid", never as an error."""
    if etree.QName(root).namespace != ELMO_NS:
        return False
    with _SCHEMA_LOCK:
        try:
            schema = _schema()
            return bool(schema is not None and schema.validate(root))
        except (etree.XMLSchemaError, etree.LxmlError):
            return False


# ---------------------------------------------------------------- read the records

@dataclass
class Learner:
    given_names: str = ""
    family_name: str = ""
    bday: date | None = None
    citizenship: str | None = None


@dataclass
class Opportunity:
    title: str | None
    code: str | None
    type: str | None
    credits: list[tuple[str | None, Decimal | None, str | None]] = field(default_factory=list)
    result_label: str | None = None
    status: str | None = None
    grading_scheme: str | None = None
    date: date | None = None
    academic_term: str | None = None
    language: str | None = None
    children: list[Opportunity] = field(default_factory=list)
    path: list[str] = field(default_factory=list)
    country: str | None = None  # the issuer's, for reading its grade scale

    def ects(self) -> Decimal | None:
        for scheme, value, _level in self.credits:
            if value is not None and (scheme or "ECTS").strip().upper() in ("ECTS", ""):
                return value
        return None


@dataclass
class Attachment:
    """An attachment of the transcript. Its bytes are decoded on first use (when they are
    stored), not while the records are read."""

    title: str | None
    type: str | None
    mime: str | None
    payload: str | None = None  # the data URL's content, base64
    note: str | None = None
    _data: bytes | None = None

    @property
    def data(self) -> bytes | None:
        if self._data is None and self.payload is not None:
            try:
                # non-validating b64decode skips the whitespace that wraps long data URLs
                data = base64.b64decode(self.payload + "==")
            except binascii.Error:
                data = b""
            if self.mime == "application/pdf" and data.startswith(b"%PDF-"):
                self._data = data
            else:
                self.note, self.payload = "not a PDF", None
        return self._data


@dataclass
class Report:
    issuer_name: str | None
    issuer_country: str | None
    issuer_schac: str | None
    issue_date: date | None
    grading_schemes: dict[str, str]
    opportunities: list[Opportunity]
    attachments: list[Attachment] = field(default_factory=list)

    def all_opportunities(self) -> list[Opportunity]:
        out: list[Opportunity] = []

        def walk(items):
            for item in items:
                out.append(item)
                walk(item.children)

        walk(self.opportunities)
        return out

    def all_courses(self) -> list[Opportunity]:
        """Leaf results (courses, classes, modules without parts), with their path."""
        return [o for o in self.all_opportunities() if not o.children]


@dataclass
class Transcript:
    legacy: bool
    generated_date: datetime | None
    learner: Learner
    reports: list[Report]
    attachments: list[Attachment] = field(default_factory=list)

    def degrees(self) -> list[Opportunity]:
        return [o for r in self.reports for o in r.all_opportunities() if o.type == "Degree Programme"]


def _index(element) -> dict[str, list]:
    """Children by local name, built in one pass (ELMO v1, legacy or no namespace)."""
    out: dict[str, list] = {}
    for child in element:
        tag = child.tag
        if isinstance(tag, str):
            out.setdefault(tag.rpartition("}")[2], []).append(child)
    return out


def _children(element, name: str) -> list:
    tags = (f"{{{ELMO_NS}}}{name}", f"{{{LEGACY_NS}}}{name}", name)
    return [c for c in element if c.tag in tags]


def _child(element, name: str):
    found = _children(element, name)
    return found[0] if found else None


def _value(nodes: list | None) -> str | None:
    if not nodes:
        return None
    text = "".join(nodes[0].itertext()).strip()
    return text or None


def _text(element, name: str) -> str | None:
    return _value(_index(element).get(name))


def _title(element, name: str = "title", nodes: list | None = None) -> str | None:
    """The English title when there is one, else the first (``xml:lang`` compared
    case-insensitively: ``EN``, ``en-GB`` occur)."""
    titles = [((t.get(XML_LANG) or "").lower(), " ".join("".join(t.itertext()).split()))
              for t in (nodes if nodes is not None else _children(element, name))]
    titles = [(lang, text) for lang, text in titles if text]
    if not titles:
        return None
    for lang, text in titles:
        if lang.startswith("en"):
            return text
    return titles[0][1]


def _date(value: str | None) -> date | None:
    if not value:
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _datetime(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        parsed = _date(value)
        return datetime(parsed.year, parsed.month, parsed.day) if parsed else None


#: A credit value beyond this is not a credit (a whole degree is 180–360 ECTS); such values
#: are read as unknown, so sums stay finite and fit the database's Numeric(8, 2).
MAX_CREDIT = Decimal(1000)
MAX_TOTAL = Decimal("999999.99")


def _decimal(value: str | None) -> Decimal | None:
    """A credit value, or None when it is not a number between 0 and ``MAX_CREDIT``."""
    if value is None:
        return None
    try:
        number = Decimal(value.strip().replace(",", "."))
    except InvalidOperation:
        return None
    if not number.is_finite() or not 0 <= number <= MAX_CREDIT:
        return None
    return number.quantize(Decimal("0.01"))


LEGACY_TYPES = {"degree": "Degree Programme", "module group": "Module", "degree programme": "Degree Programme",
                "module": "Module", "course": "Course", "class": "Class"}


def _local_code(identifiers: list) -> str | None:
    for identifier in identifiers:
        if (identifier.get("type") or "").lower() == "local":
            return (identifier.text or "").strip() or None
    return None


def _opportunity(los, path: list[str], schemes: dict[str, str], country: str | None) -> Opportunity:
    kids = _index(los)
    title = _title(los, nodes=kids.get("title", []))
    raw_type = _value(kids.get("type"))
    kind = LEGACY_TYPES.get((raw_type or "").strip().lower(), raw_type)
    opportunity = Opportunity(title=title, code=_local_code(kids.get("identifier", [])), type=kind,
                              path=path + [title or ""], country=country)
    specifies = kids.get("specifies")
    loi_list = _index(specifies[0]).get("learningOpportunityInstance") if specifies else None
    if loi_list:
        loi = _index(loi_list[0])
        opportunity.code = opportunity.code or _local_code(loi.get("identifier", []))
        opportunity.result_label = _value(loi.get("resultLabel"))
        status = (_value(loi.get("status")) or "").lower() or None
        opportunity.status = status if status in ("passed", "failed", "in-progress") else None
        scheme_id = _value(loi.get("gradingSchemeLocalId"))
        opportunity.grading_scheme = schemes.get(scheme_id) if scheme_id else None
        opportunity.date = _date(_value(loi.get("date")))
        terms = loi.get("academicTerm")
        if terms:
            opportunity.academic_term = _title(terms[0])
            opportunity.date = opportunity.date or _date(_text(terms[0], "end"))
        opportunity.language = _value(loi.get("languageOfInstruction"))
        for credit in loi.get("credit", []):
            ck = _index(credit)
            opportunity.credits.append((_value(ck.get("scheme")), _decimal(_value(ck.get("value"))),
                                        _value(ck.get("level"))))
    for part in kids.get("hasPart", []):
        for child in _children(part, "learningOpportunitySpecification"):
            opportunity.children.append(_opportunity(child, opportunity.path, schemes, country))
    return opportunity


def _attachment(element) -> Attachment:
    title = _title(element)
    kind = _text(element, "type")
    content = _child(element, "content")
    value = "".join(content.itertext()).strip() if content is not None else ""
    match = re.match(r"data:([\w.+-]+/[\w.+-]+)?(;[^,]*)?,", value)
    if not match:
        return Attachment(title, kind, None, None, "no data")
    mime = match.group(1) or "text/plain"
    payload = value[match.end():]
    if len(payload) * 3 // 4 > MAX_ATTACHMENT_BYTES:
        return Attachment(title, kind, mime, None, "too large")
    if mime != "application/pdf" or ";base64" not in (match.group(2) or ""):
        return Attachment(title, kind, mime, None, "not kept (only PDF files are)")
    return Attachment(title, kind, mime, payload)


def _learner(element) -> Learner:
    if element is None:
        return Learner()
    return Learner(given_names=" ".join((_text(element, "givenNames") or "").split()),
                   family_name=" ".join((_text(element, "familyName") or "").split()),
                   bday=_date(_text(element, "bday") or _text(element, "dateOfBirth")),
                   citizenship=_text(element, "citizenship"))


def parse_transcript(root: etree._Element) -> Transcript:
    """What recruiters see, read from ``root`` (the verified tree). Unknown elements and
    all ``extension`` content are ignored; national identifiers are never read."""
    legacy = etree.QName(root).namespace == LEGACY_NS
    learner_el = _child(root, "learner")
    reports = []
    for report_el in _children(root, "report"):
        if learner_el is None and legacy:
            learner_el = _child(report_el, "learner")
        issuer = _child(report_el, "issuer")
        schac = None
        if issuer is not None:
            for identifier in _children(issuer, "identifier"):
                if (identifier.get("type") or "").lower() == "schac":
                    schac = (identifier.text or "").strip() or None
        schemes = {}
        for scheme in _children(report_el, "gradingScheme"):
            schemes[scheme.get("localId") or ""] = _title(scheme, "description") or ""
        country = _text(issuer, "country") if issuer is not None else None
        opportunities = [_opportunity(los, [], schemes, country)
                         for los in _children(report_el, "learningOpportunitySpecification")]
        reports.append(Report(
            issuer_name=_title(issuer) if issuer is not None else None,
            issuer_country=_text(issuer, "country") if issuer is not None else None, issuer_schac=schac,
            issue_date=_date(_text(report_el, "issueDate")), grading_schemes=schemes, opportunities=opportunities,
            attachments=[_attachment(a) for a in _children(report_el, "attachment")]))
    return Transcript(legacy=legacy, generated_date=_datetime(_text(root, "generatedDate")),
                      learner=_learner(learner_el), reports=reports,
                      attachments=[_attachment(a) for a in _children(root, "attachment")])


def result_passed(opportunity: Opportunity) -> bool | None:
    """passed / failed from ``status``, else from the grade (PROTOCOL §7), else None."""
    if opportunity.status == "passed":
        return True
    if opportunity.status in ("failed", "in-progress"):
        return False
    from app.emrex.grades import classify

    verdict = classify(opportunity.result_label, opportunity.grading_scheme, opportunity.country)
    return None if verdict is None else verdict.passed


def total_ects(transcript: Transcript) -> Decimal | None:
    """Passed credits, counting a parent's credit instead of its parts (no double count)."""
    total = Decimal(0)
    found = False

    def walk(items):
        nonlocal total, found
        for item in items:
            value = item.ects()
            if value is not None and item.children and result_passed(item) is not False and \
                    (item.status == "passed" or item.result_label):
                total += value
                found = True
                continue
            if value is not None and not item.children:
                if result_passed(item):
                    total += value
                    found = True
                continue
            walk(item.children)

    for report in transcript.reports:
        walk(report.opportunities)
    return total.quantize(Decimal("0.01")) if found and total <= MAX_TOTAL else None
