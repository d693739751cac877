"""ELMO transcripts: decode (base64 + gzip with a hard cap), parse safely, verify the XML
signature against the registry certificates, and read the records (PROTOCOL.md §4–§7).

Pure Python + lxml + python-xmlsec: no Flask, no database. The data is always read from
the very tree whose signature was verified (never from a second parse).

One module per step: ``common`` (namespaces, limits, errors), ``decode``, ``verify`` (the
hardened parse and the signature), ``schema``, and the records: ``elements`` (reading
elements), ``dates``, ``records`` (what is read) and ``reading`` (the walk).
"""

from app.emrex.elmo.common import (
    C14N_METHODS,
    DIGEST_METHODS,
    DSIG_NS,
    ELMO_NS,
    ENVELOPED,
    LEGACY_NS,
    MAX_ATTACHMENT_BYTES,
    MAX_ELMO_BYTES,
    SIGNATURE_METHODS,
    XML_LANG,
    ElmoDecodeError,
    ElmoError,
    ElmoSignatureError,
    ElmoXmlError,
)
from app.emrex.elmo.decode import decode_elmo_field, gunzip_capped
from app.emrex.elmo.reading import LEGACY_TYPES, parse_transcript
from app.emrex.elmo.records import (
    ECTS_SCHEMES,
    MAX_CREDIT,
    MAX_TOTAL,
    OUTCOMES,
    Attachment,
    Learner,
    Opportunity,
    Report,
    Transcript,
    result_passed,
    total_ects,
)
from app.emrex.elmo.schema import XSD_DIR, validate_schema
from app.emrex.elmo.verify import SignatureResult, parse_xml, verify_signature

__all__ = [
    "C14N_METHODS", "DIGEST_METHODS", "DSIG_NS", "ECTS_SCHEMES", "ELMO_NS", "ENVELOPED", "LEGACY_NS",
    "LEGACY_TYPES", "MAX_ATTACHMENT_BYTES", "MAX_CREDIT", "MAX_ELMO_BYTES", "MAX_TOTAL", "OUTCOMES",
    "SIGNATURE_METHODS", "XML_LANG", "XSD_DIR", "Attachment", "ElmoDecodeError", "ElmoError",
    "ElmoSignatureError", "ElmoXmlError", "Learner", "Opportunity", "Report", "SignatureResult",
    "Transcript", "decode_elmo_field", "gunzip_capped", "parse_transcript", "parse_xml", "result_passed",
    "total_ects", "validate_schema", "verify_signature"
]
