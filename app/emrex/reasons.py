"""Why an EMREX return brought no records, as codes: what the return check, the ELMO decoder
(``ElmoError.reason``) and the signature check refuse with. An attempt and its request event
store the code (``reason``); the admin words it in the reader's language when it shows it,
so the same refusal reads in Finnish to one admin and in Vietnamese to another. Rows stored
before the codes have only their English ``detail``, shown as it is."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

REASONS = {
    # the return itself
    "too_large": _l("The return was too large to accept."),
    "content_type": _l("The return had the wrong content type."),
    "session_mismatch": _l("The sessionId in the return does not match its return address."),
    "late": _l("The return came after the 15-minute window."),
    "abandoned": _l("No return within 15 minutes."),
    "request_closed": _l("The request was closed meanwhile."),
    "university_error": _l("The university reported an error."),
    "cert_expired": _l("The university's signing certificate has expired."),
    # decoding (app/emrex/elmo/decode.py)
    "empty": _l("No transcript was sent."),
    "bad_base64": _l("The transcript is not valid base64."),
    "not_gzip": _l("The transcript is not gzip-compressed."),
    "gzip_damaged": _l("The transcript's compression is damaged."),
    "gzip_truncated": _l("The transcript is incomplete (truncated)."),
    "trailing_garbage": _l("The transcript has unexpected data after its end."),
    # the XML and its signature (app/emrex/elmo/verify.py)
    "doctype": _l("The transcript declares a DOCTYPE or entities, which is not allowed."),
    "not_xml": _l("The transcript is not well-formed XML."),
    "not_elmo": _l("The document is not an ELMO transcript."),
    "bad_signature_structure": _l("The signature's structure is not as expected."),
    "no_signature": _l("The transcript is not signed."),
    "two_signatures": _l("The transcript carries more than one signature."),
    "misplaced_signature": _l("The signature is not where it must be."),
    "bad_algorithm": _l("The transcript is signed with an algorithm we do not accept."),
    "bad_reference": _l("The signature does not cover the whole transcript."),
    "bad_transforms": _l("The signature's transforms are not accepted."),
    "no_certificate": _l("No certificate is registered for this university."),
    "signature_invalid": _l("The transcript's signature could not be verified."),
    "invalid": _l("The records could not be accepted."),
}


def describe(reason: str | None, fallback: str | None = None) -> str:
    """The reason in the current language; a row without a known code shows ``fallback``
    (its stored English, or the university's own words)."""
    text = REASONS.get(reason or "")
    return str(text) if text is not None else (fallback or "")
