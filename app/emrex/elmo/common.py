"""ELMO transcripts: the namespaces, limits and accepted algorithms, and the errors every
step raises."""

from __future__ import annotations

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
