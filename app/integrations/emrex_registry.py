"""EMREX registry client: the EMREG JSON list (``emps`` or legacy ``ncps``) and the EWP
catalogue XML (``emrex-data-access-point`` entries). Plain Python: no Flask, no ORM.

Sources are http(s) URLs or file paths (``EMREX_REGISTRY_URLS``). The result is a list of
contact points, each identified by its URL, with its certificates as PEM.
"""

from __future__ import annotations

import base64
import json
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import requests
from lxml import etree

MAX_REGISTRY_BYTES = 20 * 1024 * 1024
TIMEOUT = 10


class RegistryError(RuntimeError):
    pass


@dataclass
class Country:
    code: str
    name: str
    single_fetch: bool = False


@dataclass
class ContactPoint:
    url: str
    country_code: str
    acronym: str = ""
    name: str = ""
    institutions: list[str] = field(default_factory=list)
    certificates: list[str] = field(default_factory=list)
    source: str = "emreg"


@dataclass
class Registry:
    countries: dict[str, Country] = field(default_factory=dict)
    contact_points: dict[str, ContactPoint] = field(default_factory=dict)  # by URL
    problems: list[str] = field(default_factory=list)


def fetch(source: str, session: requests.Session | None = None) -> bytes:
    """Bytes of one source: an http(s) URL (no redirects, size-capped) or a file path."""
    if source.startswith(("http://", "https://")):
        http = session or requests
        with http.get(source, timeout=TIMEOUT, allow_redirects=False, stream=True) as resp:
            if resp.status_code != 200:
                raise RegistryError(f"{source}: HTTP {resp.status_code}")
            data = b""
            for chunk in resp.iter_content(65536):
                data += chunk
                if len(data) > MAX_REGISTRY_BYTES:
                    raise RegistryError(f"{source}: larger than {MAX_REGISTRY_BYTES} bytes")
            return data
    path = Path(source.removeprefix("file://"))
    if not path.is_file():
        raise RegistryError(f"{source}: no such file")
    if path.stat().st_size > MAX_REGISTRY_BYTES:
        raise RegistryError(f"{source}: too large")
    return path.read_bytes()


def _truthy(value) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def _pem(cert: str) -> str:
    cert = cert.replace("\\n", "\n").strip()
    if "BEGIN CERTIFICATE" in cert:
        return cert + "\n"
    body = "".join(cert.split())
    return "-----BEGIN CERTIFICATE-----\n" + "\n".join(textwrap.wrap(body, 64)) + "\n-----END CERTIFICATE-----\n"


def parse_emreg_json(data: bytes, registry: Registry) -> None:
    """EMREG list: ``countries`` and ``emps`` (current) or ``ncps`` (older lists)."""
    try:
        doc = json.loads(data.decode("utf-8", errors="replace"))
    except json.JSONDecodeError as exc:
        raise RegistryError(f"not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    if not isinstance(doc, dict):
        raise RegistryError("the registry JSON is not an object")
    for item in doc.get("countries") or []:
        if isinstance(item, dict) and item.get("countryCode"):
            code = str(item["countryCode"]).upper()
            registry.countries[code] = Country(code, str(item.get("countryName") or code),
                                               _truthy(item.get("singleFetch")))
    entries = doc.get("emps") if doc.get("emps") is not None else doc.get("ncps")
    for item in entries or []:
        if not isinstance(item, dict) or not item.get("url") or not item.get("countryCode"):
            registry.problems.append("an entry without url or countryCode was skipped")
            continue
        url = str(item["url"]).strip()
        point = registry.contact_points.get(url) or ContactPoint(url=url, country_code=str(item["countryCode"]).upper())
        point.acronym = str(item.get("acronym") or point.acronym)
        point.institutions = [str(i) for i in item.get("institutions") or []] or point.institutions
        if item.get("pubKey"):
            pem = _pem(str(item["pubKey"]))
            if pem not in point.certificates:
                point.certificates.append(pem)
        registry.contact_points[url] = point
        registry.countries.setdefault(point.country_code, Country(point.country_code, point.country_code))


def _local(tag) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def parse_ewp_catalogue(data: bytes, registry: Registry) -> None:
    """EWP catalogue: every ``emrex-data-access-point`` (matched on its local name, so the
    older draft namespace works too)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise RegistryError("the catalogue declares a DOCTYPE or entities")
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise RegistryError(f"the catalogue is not well-formed XML ({exc})") from exc
    for element in root.iter():
        if _local(element.tag) not in ("emrex-data-access-point", "emrex-ncp"):
            continue
        values: dict[str, list[str]] = {}
        for child in element:
            values.setdefault(_local(child.tag), []).append((child.text or "").strip())
        url = (values.get("url") or [""])[0]
        country = (values.get("country-code") or [""])[0].upper()
        if not url or not country:
            registry.problems.append("a catalogue entry without url or country-code was skipped")
            continue
        certs = []
        for der_b64 in values.get("certificate") or []:
            try:
                base64.b64decode("".join(der_b64.split()), validate=True)
            except ValueError:
                registry.problems.append(f"{url}: a certificate is not base64")
                continue
            certs.append(_pem(der_b64))
        point = ContactPoint(url=url, country_code=country, name=(values.get("name") or [""])[0],
                             institutions=[i for i in values.get("institution") or [] if i],
                             certificates=certs, source="ewp")
        previous = registry.contact_points.get(url)
        if previous is not None:  # EWP is preferred; keep any extra certificates EMREG knew
            point.certificates += [c for c in previous.certificates if c not in point.certificates]
            point.acronym = previous.acronym
            point.institutions = point.institutions or previous.institutions
        registry.contact_points[url] = point
        registry.countries.setdefault(country, Country(country, country))


def load(sources: list[str], session: requests.Session | None = None) -> Registry:
    """Read every source; a broken source is a problem noted, not a crash, so one bad list
    does not empty the registry. EMREG lists are read first so EWP entries win."""
    registry = Registry()
    fetched = []
    for source in sources:
        try:
            fetched.append((source, fetch(source, session)))
        except (RegistryError, requests.RequestException, OSError) as exc:
            registry.problems.append(f"{source}: {exc}")
    for source, data in sorted(fetched, key=lambda item: item[1].lstrip()[:1] == b"<"):
        try:
            if data.lstrip()[:1] == b"<":
                parse_ewp_catalogue(data, registry)
            else:
                parse_emreg_json(data, registry)
        except RegistryError as exc:
            registry.problems.append(f"{source}: {exc}")
    return registry
