"""Offline ELMO v1.7 schema validation against the sandbox's own copies of the XSDs.

The ELMO schema imports its dependencies by URL; a resolver maps each one to a file in
``xsd/`` and anything else is refused, so validation never touches the network.
"""

from __future__ import annotations

import threading
from pathlib import Path

from lxml import etree

XSD_DIR = Path(__file__).resolve().parent / "xsd"
ELMO_XSD = XSD_DIR / "elmo-schema-v1.7.0.xsd"

#: schemaLocation (URL or relative name) -> local file name
LOCATIONS = {
    "http://www.w3.org/2001/03/xml.xsd": "xml.xsd",
    "https://raw.githubusercontent.com/emrex-eu/elmo-schemas/v1/references/xmldsig-core-schema.xsd":
        "xmldsig-core-schema.xsd",
    "https://raw.githubusercontent.com/emrex-eu/elmo-schemas/v1/references/EUROPASS_ISOCountries_V1.1.xsd":
        "EUROPASS_ISOCountries_V1.1.xsd",
    "https://raw.githubusercontent.com/erasmus-without-paper/ewp-specs-types-address/stable-v1/schema.xsd":
        "ewp-types-address.xsd",
    "common-types.xsd": "ewp-common-types.xsd",
}


class LocalSchemaResolver(etree.Resolver):
    """Serve imported schemas from ``xsd/``; refuse every other URL."""

    def resolve(self, url, pubid, context):
        if url in LOCATIONS:
            return self.resolve_filename(str(XSD_DIR / LOCATIONS[url]), context)
        name = url.rsplit("/", 1)[-1]
        if name in LOCATIONS:
            return self.resolve_filename(str(XSD_DIR / LOCATIONS[name]), context)
        if (XSD_DIR / name).is_file() and Path(url).resolve().parent == XSD_DIR:
            return self.resolve_filename(str(XSD_DIR / name), context)
        raise etree.XMLSchemaParseError(f"schema location not available offline: {url}")


_lock = threading.Lock()
_schema: etree.XMLSchema | None = None


def elmo_schema() -> etree.XMLSchema:
    """The compiled v1.7 schema (built once; compiling the country list takes a moment)."""
    global _schema
    with _lock:
        if _schema is None:
            parser = etree.XMLParser(no_network=True, load_dtd=False, resolve_entities=False)
            parser.resolvers.add(LocalSchemaResolver())
            _schema = etree.XMLSchema(etree.parse(str(ELMO_XSD), parser))
        return _schema


def validate(document: bytes | etree._Element) -> list[str]:
    """Return the schema errors of an ELMO document (empty list = valid)."""
    if isinstance(document, bytes):
        parser = etree.XMLParser(no_network=True, load_dtd=False, resolve_entities=False, huge_tree=True)
        document = etree.fromstring(document, parser)
    schema = elmo_schema()
    with _lock:
        ok = schema.validate(document)
        return [] if ok else [f"line {e.line}: {e.message}" for e in schema.error_log]
