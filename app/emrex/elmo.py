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

from app.emrex.grades import classify

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
#
# One pass over each element's children, dispatching on the local name (ELMO v1, the
# legacy pre-1.0 namespace or no namespace; elements of other namespaces are ignored).
# This walk is most of the cost of an import beyond lxml and xmlsec, so it touches each
# element once and reads plain text nodes directly.

_KNOWN_PREFIXES = (f"{{{ELMO_NS}}}", f"{{{LEGACY_NS}}}")
_LOCAL_NAMES: dict[str, str] = {}
_MAX_LOCAL_NAMES = 4096


def _local(tag: str) -> str:
    """The local name of an ELMO element; ``""`` for any other namespace."""
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        if tag[0] != "{":
            name = tag
        else:
            name = next((tag[len(p):] for p in _KNOWN_PREFIXES if tag.startswith(p)), "")
        if len(_LOCAL_NAMES) < _MAX_LOCAL_NAMES:
            _LOCAL_NAMES[tag] = name
    return name


def _kids(element):
    """(local name, child) for the ELMO element children of ``element``."""
    for child in element:
        tag = child.tag
        if isinstance(tag, str):
            name = _local(tag)
            if name:
                yield name, child


def _txt(element) -> str | None:
    """The element's text, stripped; text split by comments is joined (``itertext``)."""
    text = "".join(element.itertext()) if len(element) else element.text
    if text:
        text = text.strip()
    return text or None


@dataclass(slots=True)
class Learner:
    given_names: str = ""
    family_name: str = ""
    bday: date | None = None
    citizenship: str | None = None
    bday_unreadable: str | None = None  # the birth date as written, when it could not be read


OUTCOMES = ("passed", "failed", "in-progress")
#: Credit schemes read as ECTS: Finnish documents may say "op" (opintopiste, one ECTS credit each).
ECTS_SCHEMES = frozenset({"ECTS", "", "OP", "OPINTOPISTE"})


@dataclass(slots=True)
class Opportunity:
    title: str | None
    code: str | None
    type: str | None
    credits: list[tuple[str | None, Decimal | None, str | None]] = field(default_factory=list)
    result_label: str | None = None
    status: str | None = None  # as the document states it (passed | failed | in-progress), else None
    grading_scheme: str | None = None
    date: date | None = None
    academic_term: str | None = None
    language: str | None = None
    children: list[Opportunity] = field(default_factory=list)
    country: str | None = None  # the issuer's, for reading its grade scale
    outcome: str = "unknown"  # passed | failed | in-progress | unknown: the status, or derived from the grade
    derived: bool = False  # the outcome was derived from the grade (the document states no status)
    unreadable: list[str] = field(default_factory=list)  # credits | grade | date: present but not readable
    gpa_role: str | None = None  # graded | failed | pass_fail | not_convertible | no_credits | component

    def ects(self) -> Decimal | None:
        for scheme, value, _level in self.credits:
            if value is not None and (scheme or "ECTS").strip().upper() in ECTS_SCHEMES:
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
    issuer_names: list[str] = field(default_factory=list)  # every title of the issuer, any language

    def all_opportunities(self) -> list[Opportunity]:
        out: list[Opportunity] = []

        def walk(items):
            for item in items:
                out.append(item)
                walk(item.children)

        walk(self.opportunities)
        return out

    def all_courses(self) -> list[Opportunity]:
        """Leaf results (courses, classes, modules without parts)."""
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


def _children(element, name: str) -> list:
    return [child for local, child in _kids(element) if local == name]


def _child(element, name: str):
    return next((child for local, child in _kids(element) if local == name), None)


def _text(element, name: str) -> str | None:
    found = _child(element, name)
    return _txt(found) if found is not None else None


def _title(element, name: str = "title", nodes: list | None = None) -> str | None:
    """The English title when there is one, else the first (``xml:lang`` compared
    case-insensitively: ``EN``, ``en-GB`` occur)."""
    if nodes is None:
        nodes = _children(element, name)
    if len(nodes) == 1:  # the common case: one title
        node = nodes[0]
        text = "".join(node.itertext()) if len(node) else node.text
        return " ".join(text.split()) or None if text else None
    first = None
    for node in nodes:
        text = "".join(node.itertext()) if len(node) else node.text
        if not text:
            continue
        text = " ".join(text.split())
        if not text:
            continue
        lang = node.get(XML_LANG)
        if lang and lang[:2].lower() == "en":
            return text
        if first is None:
            first = text
    return first


# ---------------------------------------------------------------- dates

_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s+\-Z]|\s*$)")
_DOTTED_DATE = re.compile(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
_COMPACT_DATE = re.compile(r"\s*(\d{4})(\d{2})(\d{2})\s*$")
_DTF_TOKEN = re.compile(r"y+|M+|d+|[HhKkmsSaEXZzuGwWDF]+|'[^']*'|[A-Za-z]+|.", re.DOTALL)


@lru_cache(maxsize=64)
def _dtf_pattern(dtf: str) -> re.Pattern | None:
    """A regular expression for a Java-style date format (``dtf="dd-MM-yyyy"``, as legacy
    documents state it), or None when the format has no day, month and year in digits."""
    if len(dtf) > 64:
        return None
    parts, seen = [r"\s*"], set()
    for token in _DTF_TOKEN.findall(dtf):
        head = token[0]
        if head in "yMd":
            if head in seen or (head == "M" and len(token) > 2):
                return None  # a field twice, or month names: not read
            seen.add(head)
            if head == "y":
                parts.append(r"(?P<y>\d{2})" if len(token) == 2 else r"(?P<y>\d{4})")
            else:
                parts.append(rf"(?P<{head}>\d{{1,2}})")
        elif token.startswith("'"):
            parts.append(re.escape(token[1:-1] or "'"))
        elif head.isalpha():
            parts.append(r"\S*?")  # times, zones, weekdays: allowed, not read
        elif head.isspace():
            parts.append(r"\s+")
        else:
            parts.append(re.escape(token))
    if seen != {"y", "M", "d"}:
        return None
    try:
        return re.compile("".join(parts))
    except re.error:
        return None


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _date(value: str | None, dtf: str | None = None) -> date | None:
    """A date as written: the document's own format (``dtf``) first, then ISO (with or
    without a time and zone: the calendar date as written, not shifted), ``dd.MM.yyyy`` and
    ``yyyyMMdd``. None when it cannot be read."""
    if not value:
        return None
    if dtf:
        pattern = _dtf_pattern(dtf.strip())
        match = pattern.match(value) if pattern else None
        if match:
            year = int(match["y"])
            if len(match["y"]) == 2:
                year += 2000 if year <= date.today().year % 100 else 1900
            found = _make_date(year, int(match["M"]), int(match["d"]))
            if found:
                return found
    match = _ISO_DATE.match(value)
    if match:
        return _make_date(int(match[1]), int(match[2]), int(match[3]))
    match = _DOTTED_DATE.match(value)
    if match:
        return _make_date(int(match[3]), int(match[2]), int(match[1]))
    match = _COMPACT_DATE.match(value)
    if match:
        return _make_date(int(match[1]), int(match[2]), int(match[3]))
    return None


def _date_of(element) -> tuple[date | None, str | None]:
    """(the date, the text when it could not be read) of a date element."""
    text = _txt(element)
    if text is None:
        return None, None
    dtf = element.get("dtf")
    if dtf is None and len(text) == 10:  # the common case, YYYY-MM-DD
        try:
            return date.fromisoformat(text), None
        except ValueError:
            pass
    found = _date(text, dtf)
    return found, None if found else text


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
_CENT = Decimal("0.01")


_DECIMALS: dict[str, Decimal | None] = {}


def _decimal(value: str | None) -> Decimal | None:
    """A credit value, or None when it is not a number between 0 and ``MAX_CREDIT``. The
    few values a transcript repeats ("5", "7.5") are read once (Decimal is immutable)."""
    if value is None:
        return None
    known = _DECIMALS.get(value, _DECIMALS)
    if known is not _DECIMALS:
        return known
    number = _read_decimal(value)
    if len(_DECIMALS) < 512:
        _DECIMALS[value] = number
    return number


def _read_decimal(value: str) -> Decimal | None:
    try:
        number = Decimal(value.strip().replace(",", "."))
    except InvalidOperation:
        return None
    if not number.is_finite() or not 0 <= number <= MAX_CREDIT:
        return None
    return number.quantize(_CENT)


LEGACY_TYPES = {"degree": "Degree Programme", "module group": "Module", "degree programme": "Degree Programme",
                "module": "Module", "course": "Course", "class": "Class"}


def _local_code(identifiers: list) -> str | None:
    for identifier in identifiers:
        if (identifier.get("type") or "").lower() == "local":
            return (identifier.text or "").strip() or None
    return None


def _opportunity(los, schemes: dict[str, str], country: str | None) -> Opportunity:
    """One learning opportunity and its parts. The hot loop of an import: children are
    visited once, plain text is read directly (``_txt`` only where an element has children,
    e.g. a comment splitting the text)."""
    titles, identifiers, parts, own_credits = [], [], [], []
    raw_type = specifies = own_scheme = None
    local = _LOCAL_NAMES.get
    for child in los:
        tag = child.tag
        name = local(tag)
        if name is None:
            if tag.__class__ is not str:
                continue
            name = _local(tag)
        if name == "title":
            titles.append(child)
        elif name == "specifies":
            if specifies is None:
                specifies = child
        elif name == "type":
            raw_type = raw_type or _txt(child)
        elif name == "identifier":
            identifiers.append(child)
        elif name == "hasPart":
            parts.append(child)
        elif name == "credit":  # legacy: credits on the specification itself
            own_credits.append(child)
        elif name == "gradingScheme":  # legacy: a grading scheme per learning opportunity
            own_scheme = own_scheme or _title(child, "description") or _txt(child)
    if len(titles) == 1 and not len(titles[0]):  # the common case: one plain title
        title = titles[0].text
        title = " ".join(title.split()) or None if title else None
    else:
        title = _title(los, nodes=titles)
    kind = LEGACY_TYPES.get(raw_type.lower(), raw_type) if raw_type else None
    opportunity = Opportunity(title, _local_code(identifiers) if identifiers else None, kind, [], None, None, None,
                              None, None, None, [], country, "unknown", False, [], None)
    loi = None
    if specifies is not None and len(specifies):
        first = specifies[0]  # the instance is (almost always) the first child
        if local(first.tag) == "learningOpportunityInstance":
            loi = first
        else:
            for child in specifies:
                tag = child.tag
                if tag.__class__ is str and (local(tag) or _local(tag)) == "learningOpportunityInstance":
                    loi = child
                    break
    unreadable = opportunity.unreadable
    label_seen = False
    label = status = scheme_ref = None
    credit_elements = own_credits
    if loi is not None:
        loi_credits = []
        for child in loi:
            tag = child.tag
            name = local(tag)
            if name is None:
                if tag.__class__ is not str:
                    continue
                name = _local(tag)
            if name == "identifier":
                if opportunity.code is None and (child.get("type") or "").lower() == "local":
                    opportunity.code = (child.text or "").strip() or None
            elif name == "date":
                text = child.text
                if text and not len(child) and len(text) == 10 and child.get("dtf") is None:
                    try:  # the common case, YYYY-MM-DD
                        opportunity.date = date.fromisoformat(text)
                        continue
                    except ValueError:
                        pass
                opportunity.date, bad = _date_of(child)
                if bad:
                    unreadable.append("date")
            elif name == "status":
                text = child.text if not len(child) else _txt(child)
                status = text.strip().lower() if text else None
            elif name == "resultLabel" or name == "result":  # `result scheme="…"`: legacy
                label_seen = True
                if label is None:
                    text = child.text if not len(child) else _txt(child)
                    label = text.strip() or None if text else None
                    scheme_ref = scheme_ref or child.get("scheme")
            elif name == "credit":
                loi_credits.append(child)
            elif name == "gradingSchemeLocalId":
                scheme_ref = _txt(child)
            elif name == "academicTerm":
                opportunity.academic_term = _title(child)
                end = _child(child, "end")
                if opportunity.date is None and end is not None:
                    opportunity.date = _date_of(end)[0]
            elif name == "start":  # legacy: a term as text ("2012 Høst")
                opportunity.academic_term = opportunity.academic_term or _txt(child)
            elif name == "languageOfInstruction":
                opportunity.language = _txt(child)
        credit_elements = loi_credits or own_credits
    if credit_elements:
        bad_credit = False
        credits = opportunity.credits
        for element in credit_elements:
            scheme = value = level = None
            for child in element:
                tag = child.tag
                name = local(tag)
                if name is None:
                    if tag.__class__ is not str:
                        continue
                    name = _local(tag)
                if name == "value":
                    value = child.text if not len(child) else _txt(child)
                elif name == "scheme":
                    scheme = _txt(child)
                elif name == "level":
                    level = _txt(child)
            number = _decimal(value)
            credits.append((scheme, number, level))
            if number is None and value is not None and value.strip():
                bad_credit = True
        if bad_credit and opportunity.ects() is None:
            unreadable.append("credits")
    opportunity.result_label = label
    if label_seen and label is None:
        unreadable.append("grade")
    # the description the document gives (by localId, or on the specification), else the bare name ("0-5")
    scheme = opportunity.grading_scheme = (schemes.get(scheme_ref) if scheme_ref else None) or own_scheme or scheme_ref
    if status in OUTCOMES:
        opportunity.status = opportunity.outcome = status
    elif label:
        verdict = classify(label, scheme, country)
        if verdict is not None:
            opportunity.outcome, opportunity.derived = ("passed" if verdict.passed else "failed"), True
    if parts:
        children = opportunity.children
        for part in parts:
            for child in part:
                tag = child.tag
                if tag.__class__ is str and (local(tag) or _local(tag)) == "learningOpportunitySpecification":
                    children.append(_opportunity(child, schemes, country))
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
    learner = Learner()
    birth = fallback = None
    for name, child in _kids(element):
        if name == "givenNames":
            learner.given_names = " ".join((_txt(child) or "").split())
        elif name == "familyName":
            learner.family_name = " ".join((_txt(child) or "").split())
        elif name == "bday":
            birth = birth if birth is not None else child
        elif name == "dateOfBirth":  # the unreleased v2.0 preview's name: a fallback only
            fallback = fallback if fallback is not None else child
        elif name == "citizenship":
            learner.citizenship = _txt(child)
    for element_ in (birth, fallback):
        if element_ is not None:
            learner.bday, learner.bday_unreadable = _date_of(element_)
            if learner.bday is not None:
                break
    return learner


def _issuer(issuer) -> tuple[str | None, str | None, str | None, list[str]]:
    """(name, country, schac id, every title) of a report's issuer."""
    if issuer is None:
        return None, None, None, []
    schac = country = None
    titles = []
    for name, child in _kids(issuer):
        if name == "identifier" and (child.get("type") or "").lower() == "schac":
            schac = schac or (child.text or "").strip() or None
        elif name == "country":
            country = country or _txt(child)
        elif name == "title":
            titles.append(child)
    names = [" ".join("".join(t.itertext()).split()) for t in titles]
    return _title(issuer, nodes=titles), country, schac, [n for n in names if n]


def parse_transcript(root: etree._Element) -> Transcript:
    """What recruiters see, read from ``root`` (the verified tree). Unknown elements and
    all ``extension`` content are ignored; national identifiers are never read."""
    legacy = etree.QName(root).namespace == LEGACY_NS
    learner_el = generated = None
    report_elements, root_attachments = [], []
    for name, child in _kids(root):
        if name == "report":
            report_elements.append(child)
        elif name == "learner" and learner_el is None:
            learner_el = child
        elif name == "generatedDate":
            generated = _txt(child)
        elif name == "attachment":
            root_attachments.append(child)
    reports = []
    for report_el in report_elements:
        issuer = issue_date = None
        specs, attachments, scheme_elements = [], [], []
        local = _LOCAL_NAMES.get
        for child in report_el:  # a report holds every course at its top level: no generator here
            tag = child.tag
            name = local(tag)
            if name is None:
                if tag.__class__ is not str:
                    continue
                name = _local(tag)
            if name == "learningOpportunitySpecification":
                specs.append(child)
            elif name == "issuer":
                issuer = issuer if issuer is not None else child
            elif name == "gradingScheme":
                scheme_elements.append(child)
            elif name == "issueDate":
                issue_date = _date_of(child)[0]
            elif name == "attachment":
                attachments.append(child)
            elif name == "learner" and learner_el is None and legacy:  # legacy: the learner is in the report
                learner_el = child
        schemes = {scheme.get("localId") or "": _title(scheme, "description") or "" for scheme in scheme_elements}
        issuer_name, country, schac, issuer_names = _issuer(issuer)
        reports.append(Report(
            issuer_name=issuer_name, issuer_country=country, issuer_schac=schac, issue_date=issue_date,
            grading_schemes=schemes, opportunities=[_opportunity(los, schemes, country) for los in specs],
            attachments=[_attachment(a) for a in attachments], issuer_names=issuer_names))
    return Transcript(legacy=legacy, generated_date=_datetime(generated), learner=_learner(learner_el),
                      reports=reports, attachments=[_attachment(a) for a in root_attachments])


def result_passed(opportunity: Opportunity) -> bool | None:
    """passed / failed from ``status``, else from the grade (PROTOCOL §7), else None."""
    if opportunity.outcome == "passed":
        return True
    if opportunity.outcome in ("failed", "in-progress"):
        return False
    return None


def total_ects(transcript: Transcript) -> Decimal | None:
    """Passed credits, counting a parent's credit instead of its parts (no double count)."""
    total = Decimal(0)
    found = False

    def walk(items):
        nonlocal total, found
        for item in items:
            value = item.ects()
            if value is not None and item.children and item.outcome not in ("failed", "in-progress") and \
                    (item.outcome == "passed" or item.result_label):
                total += value
                found = True
                continue
            if value is not None and not item.children:
                if item.outcome == "passed":
                    total += value
                    found = True
                continue
            walk(item.children)

    for report in transcript.reports:
        walk(report.opportunities)
    return total.quantize(_CENT) if found and total <= MAX_TOTAL else None
