"""ELMO transcripts: validity against the ELMO v1.7 schema (local copies, no network),
recorded and never required."""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

from lxml import etree

from app.emrex.elmo.common import (
    ELMO_NS,
)

# ---------------------------------------------------------------- schema

XSD_DIR = Path(__file__).parent.parent / "xsd"


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
