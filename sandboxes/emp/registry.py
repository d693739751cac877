"""The sandbox's own registry: an EMREG JSON list and an EWP-style catalogue.

Both list every contact point with the certificate(s) a client must verify with. The JSON
list carries one PEM certificate per contact point (``pubKey``); the EWP catalogue carries
base64 DER certificates and, for contact points with key rotation, two of them (the
contact point signs with the second).
"""

from __future__ import annotations

import base64
import json

from lxml import etree

from .catalog import COUNTRIES, ContactPoint

REGISTRY_NS = "https://github.com/erasmus-without-paper/ewp-specs-api-registry/tree/stable-v1"
COMMON_NS = "https://github.com/erasmus-without-paper/ewp-specs-architecture/blob/stable-v1/common-types.xsd"
EMREX_NS = "https://github.com/erasmus-without-paper/ewp-specs-api-emrex-data-access-point/blob/stable-v1/manifest-entry.xsd"
DISCOVERY_NS = "https://github.com/erasmus-without-paper/ewp-specs-api-discovery/tree/stable-v6"
ECHO_NS = "https://github.com/erasmus-without-paper/ewp-specs-api-echo/tree/stable-v2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def emreg_json(contact_points: list[ContactPoint], url_for_cp, registry_certs, *, legacy_key: bool = False) -> str:
    """EMREG list; ``legacy_key`` names the list ``ncps`` as older lists do."""
    countries = []
    for code in dict.fromkeys(cp.country for cp in contact_points):
        countries.append({"countryCode": code, "countryName": COUNTRIES[code]["name"],
                          "singleFetch": COUNTRIES[code]["singleFetch"]})
    emps = [{
        "acronym": cp.acronym,
        "countryCode": cp.country,
        "institutions": list(cp.institutions),
        "url": url_for_cp(cp),
        "pubKey": registry_certs(cp)[-1].cert_pem.decode("ascii"),
    } for cp in contact_points]
    return json.dumps({"countries": countries, ("ncps" if legacy_key else "emps"): emps},
                      ensure_ascii=False, indent=2)


def ewp_catalogue(contact_points: list[ContactPoint], url_for_cp, registry_certs, admin_email: str) -> bytes:
    """An EWP registry catalogue with one host per contact point, plus one host that
    implements other EWP APIs only (clients must skip it)."""
    nsmap = {None: REGISTRY_NS, "ewp": COMMON_NS}
    root = etree.Element(f"{{{REGISTRY_NS}}}catalogue", nsmap=nsmap)
    root.append(etree.Comment(" Haku EMP sandbox: EWP-style registry catalogue (test data only). "))

    def host(cp: ContactPoint | None, hei_ids: list[str]):
        h = etree.SubElement(root, f"{{{REGISTRY_NS}}}host")
        etree.SubElement(h, f"{{{COMMON_NS}}}admin-email").text = admin_email
        etree.SubElement(h, f"{{{COMMON_NS}}}admin-provider").text = "Haku EMP sandbox"
        apis = etree.SubElement(h, f"{{{REGISTRY_NS}}}apis-implemented")
        discovery = etree.SubElement(apis, f"{{{DISCOVERY_NS}}}discovery", nsmap={"d6": DISCOVERY_NS},
                                     version="6.0.0")
        etree.SubElement(discovery, f"{{{DISCOVERY_NS}}}url").text = (
            f"https://ewp.{hei_ids[0]}/manifest.xml" if hei_ids else "https://ewp.example.test/manifest.xml")
        if cp is not None:
            entry = etree.SubElement(apis, f"{{{EMREX_NS}}}emrex-data-access-point",
                                     nsmap={None: EMREX_NS}, version="1.0.0")
            etree.SubElement(entry, f"{{{COMMON_NS}}}admin-email").text = admin_email
            etree.SubElement(entry, f"{{{EMREX_NS}}}url").text = url_for_cp(cp)
            etree.SubElement(entry, f"{{{EMREX_NS}}}name").text = cp.name
            etree.SubElement(entry, f"{{{EMREX_NS}}}country-code").text = cp.country
            for institution in cp.ewp_institutions:
                etree.SubElement(entry, f"{{{EMREX_NS}}}institution").text = institution
            for credential in registry_certs(cp):
                etree.SubElement(entry, f"{{{EMREX_NS}}}certificate").text = (
                    base64.b64encode(credential.cert_der).decode("ascii"))
        else:
            echo = etree.SubElement(apis, f"{{{ECHO_NS}}}echo", nsmap={"e2": ECHO_NS}, version="2.0.1")
            etree.SubElement(echo, f"{{{ECHO_NS}}}url").text = "https://ewp.example.test/echo"
        covered = etree.SubElement(h, f"{{{REGISTRY_NS}}}institutions-covered")
        for hei in hei_ids:
            etree.SubElement(covered, f"{{{REGISTRY_NS}}}hei-id").text = hei

    heis = {}
    for cp in contact_points:
        for report in cp.reports:
            heis[report.schac] = report
        host(cp, [r.schac for r in cp.reports])
    host(None, ["example.test"])

    institutions = etree.SubElement(root, f"{{{REGISTRY_NS}}}institutions")
    for schac, report in heis.items():
        hei = etree.SubElement(institutions, f"{{{REGISTRY_NS}}}hei", id=schac)
        etree.SubElement(hei, f"{{{REGISTRY_NS}}}other-id", type="erasmus").text = report.erasmus
        for lang, title in sorted(report.titles.items(), key=lambda kv: kv[0] != "en"):
            etree.SubElement(hei, f"{{{REGISTRY_NS}}}name", {XML_LANG: lang}).text = title
    hei = etree.SubElement(institutions, f"{{{REGISTRY_NS}}}hei", id="example.test")
    etree.SubElement(hei, f"{{{REGISTRY_NS}}}name", {XML_LANG: "en"}).text = "Example University (no EMREX)"
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
