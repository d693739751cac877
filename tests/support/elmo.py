"""ELMO documents: the reference fixtures folder, their embedded certificates and hostile XML."""

from __future__ import annotations

import textwrap
from pathlib import Path

from lxml import etree

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "emrex"
DS = "{http://www.w3.org/2000/09/xmldsig#}"


def embedded_cert(name: str) -> str:
    root = etree.fromstring((FIXTURES / name).read_bytes())
    b64 = "".join(root.find(f".//{DS}X509Certificate").text.split())
    return "-----BEGIN CERTIFICATE-----\n" + "\n".join(textwrap.wrap(b64, 64)) + "\n-----END CERTIFICATE-----\n"


HAZARDS = {
    "billion_laughs": b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
                      b'<elmo xmlns="https://github.com/emrex-eu/elmo-schemas/tree/v1">&lol2;</elmo>',
    "quadratic": b'<?xml version="1.0"?><!DOCTYPE e [<!ENTITY a "' + b"x" * 10000 + b'">]>'
                 b'<elmo xmlns="https://github.com/emrex-eu/elmo-schemas/tree/v1">' + b"&a;" * 100 + b"</elmo>",
    "file_entity": b'<?xml version="1.0"?><!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                   b'<elmo xmlns="https://github.com/emrex-eu/elmo-schemas/tree/v1">&x;</elmo>',
    "http_entity": b'<?xml version="1.0"?><!DOCTYPE e [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>'
                   b'<elmo xmlns="https://github.com/emrex-eu/elmo-schemas/tree/v1">&x;</elmo>',
    "external_dtd": b'<?xml version="1.0"?><!DOCTYPE elmo SYSTEM "http://127.0.0.1:9/elmo.dtd">'
                    b'<elmo xmlns="https://github.com/emrex-eu/elmo-schemas/tree/v1"/>',
}
