"""Build ELMO documents from a contact point's fixtures.

:func:`build_v1` writes ELMO v1.7 (namespace ``https://github.com/emrex-eu/elmo-schemas/tree/v1``)
in the element order the XSD demands; :func:`build_legacy` writes the pre-1.0
``http://purl.org/net/elmo`` shape that old contact points still send.
"""

from __future__ import annotations

import base64
import datetime as dt
from decimal import Decimal

from lxml import etree

from .catalog import ContactPoint, Report, Result
from .pdf import build_pdf

ELMO_NS = "https://github.com/emrex-eu/elmo-schemas/tree/v1"
LEGACY_NS = "http://purl.org/net/elmo"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)


def _decimal(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


class _Writer:
    def __init__(self, ns: str):
        self.ns = ns

    def el(self, parent, tag: str, text=None, **attrs):
        node = etree.SubElement(parent, f"{{{self.ns}}}{tag}") if parent is not None \
            else etree.Element(f"{{{self.ns}}}{tag}", nsmap={None: self.ns})
        for key, value in attrs.items():
            node.set(XML_LANG if key == "lang" else key, value)
        if text is not None:
            node.text = str(text)
        return node

    def titles(self, parent, titles: dict[str, str], tag: str = "title"):
        for lang, title in sorted(titles.items(), key=lambda kv: kv[0] != "en"):
            self.el(parent, tag, title, lang=lang)


# ------------------------------------------------------------------ national identifiers

_HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def national_identifier(country: str, bday: dt.date, seed: str) -> str:
    """A made-up but well-formed national identifier for the birth date (test ranges only)."""
    serial = 900 + sum(map(ord, seed)) % 99  # Finnish 9xx individual numbers are test numbers
    if country == "FI":
        century = "-" if bday.year < 2000 else "A"
        digits = f"{bday:%d%m%y}{serial:03d}"
        return f"{bday:%d%m%y}{century}{serial:03d}{_HETU_CHECK[int(digits) % 31]}"
    if country == "SE":
        body = f"{bday:%y%m%d}{serial:03d}"
        total = 0
        for i, ch in enumerate(body):
            d = int(ch) * (2 if i % 2 == 0 else 1)
            total += d - 9 if d > 9 else d
        return f"{bday:%Y%m%d}-{serial:03d}{(10 - total % 10) % 10}"
    return f"{bday:%d%m%y}-{serial:04d}"


# ------------------------------------------------------------------ v1.7

def _loi(w: _Writer, parent, result: Result, report: Report):
    loi = w.el(w.el(parent, "specifies"), "learningOpportunityInstance")
    w.el(loi, "identifier", f"{report.schac}:{result.code}:{(result.date or result.start).isoformat()}",
         type="local")
    if result.start:
        w.el(loi, "start", result.start.isoformat())
    if result.date:
        w.el(loi, "date", result.date.isoformat())
    if result.term:
        term = w.el(loi, "academicTerm")
        w.titles(term, result.term.titles)
        w.el(term, "start", result.term.start.isoformat())
        w.el(term, "end", result.term.end.isoformat())
    w.el(loi, "status", result.status)
    if result.scheme:
        w.el(loi, "gradingSchemeLocalId", result.scheme)
    if result.grade:
        w.el(loi, "resultLabel", result.grade)
    if result.distribution:
        dist = w.el(loi, "resultDistribution")
        for label, count in result.distribution.items():
            w.el(dist, "category", label=label, count=str(count))
        w.el(dist, "description", "Grades given at this examination.", lang="en")
    if result.credits is not None:
        credit = w.el(loi, "credit")
        w.el(credit, "scheme", "ECTS")
        if result.level:
            w.el(credit, "level", result.level)
        w.el(credit, "value", _decimal(result.credits))
    if result.eqf:
        level = w.el(loi, "level")
        w.el(level, "type", "EQF")
        w.el(level, "description", f"EQF level {result.eqf} ({result.level or 'higher education'})", lang="en")
        w.el(level, "value", result.eqf)
    if result.lang:
        w.el(loi, "languageOfInstruction", result.lang)
    return loi


def _los(w: _Writer, parent, result: Result, report: Report, selected: set[str] | None):
    los = w.el(parent, "learningOpportunitySpecification")
    w.el(los, "identifier", result.code, type="local")
    w.titles(los, result.titles)
    w.el(los, "type", result.type)
    if result.isced:
        w.el(los, "iscedCode", result.isced)
    _loi(w, los, result, report)
    for part in result.parts:
        if selected is None or part.id in selected:
            _los(w, w.el(los, "hasPart"), part, report, selected)
    return los


def _report_items(report: Report, selected: set[str]):
    """(result, with_parts) for the top level of a report: selected degrees keep their
    selected parts; parts of an unselected degree stand alone."""
    items = []
    for degree in report.degrees:
        if degree.id in selected:
            items.append(degree)
        else:
            items.extend(p for p in degree.parts if p.id in selected)
    items.extend(c for c in report.courses if c.id in selected)
    return items


def selected_count(cp: ContactPoint, selected: set[str]) -> tuple[int, int]:
    """(number of results, number of reports) that a selection would send."""
    results = sum(1 for report in cp.reports for r in report.all_results() if r.id in selected)
    reports = sum(1 for report in cp.reports if _report_items(report, selected))
    return results, reports


def transcript_pdf(cp: ContactPoint, selected: set[str], learner: dict, *, noise_bytes: int = 0) -> bytes:
    lines: list[tuple[str, str]] = [
        ("b", f"{learner['givenNames']} {learner['familyName']}"),
        ("", f"Date of birth: {learner.get('bday') or 'not given'}"),
        ("s", f"Issued {_now():%Y-%m-%d %H:%M} by {cp.name} via EMREX. Sandbox document, not an official record."),
        ("", ""),
    ]
    for report in cp.reports:
        items = _report_items(report, selected)
        if not items:
            continue
        lines.append(("h", report.name))
        lines.append(("s", ["Code", "Title", "Credits", "Grade", "Date"]))
        for item in items:
            rows = [item] + [p for p in item.parts if p.id in selected]
            for n, r in enumerate(rows):
                title = r.title_en if len(r.title_en) <= 48 else r.title_en[:47] + "\u2026"
                grade = r.grade or ("in progress" if r.status == "in-progress" else "")
                style = "b" if r.type == "Degree Programme" else ""
                lines.append((style, [r.code, ("   " if n and item.parts else "") + title,
                                      f"{_decimal(r.credits)} ECTS" if r.credits is not None else "",
                                      grade, r.date.isoformat() if r.date else ""]))
        lines.append(("", ""))
    return build_pdf("EMREX transcript", lines, noise_bytes=noise_bytes)


def _attachment(w: _Writer, parent, ident: str, title: str, kind: str, description: str, pdf: bytes):
    att = w.el(parent, "attachment")
    w.el(att, "identifier", ident, type="local")
    w.el(att, "title", title, lang="en")
    w.el(att, "type", kind)
    w.el(att, "description", description, lang="en")
    w.el(att, "content", "data:application/pdf;base64," + base64.b64encode(pdf).decode("ascii"), lang="en")


def build_v1(cp: ContactPoint, selected: set[str], learner: dict, *, big_pdf_mb: int = 0) -> etree._Element:
    """An unsigned ELMO v1.7 document for the selected results, valid against the XSD."""
    w = _Writer(ELMO_NS)
    now = _now()
    root = w.el(None, "elmo")
    w.el(root, "generatedDate", now.isoformat())
    person = w.el(root, "learner")
    if learner.get("citizenship"):
        w.el(person, "citizenship", learner["citizenship"])
    bday = dt.date.fromisoformat(learner["bday"]) if learner.get("bday") else None
    if bday:
        w.el(person, "identifier", national_identifier(cp.country, bday, learner["familyName"]),
             type="nationalIdentifier")
    w.el(person, "givenNames", learner["givenNames"])
    w.el(person, "familyName", learner["familyName"])
    if bday:
        w.el(person, "bday", bday.isoformat())

    for report in cp.reports:
        items = _report_items(report, selected)
        if not items:
            continue
        rep = w.el(root, "report")
        issuer = w.el(rep, "issuer")
        w.el(issuer, "country", report.country)
        w.el(issuer, "identifier", report.schac, type="schac")
        w.el(issuer, "identifier", report.erasmus, type="erasmus")
        w.titles(issuer, report.titles)
        w.el(issuer, "url", report.url)
        for item in items:
            _los(w, rep, item, report, selected)
        w.el(rep, "issueDate", now.isoformat())
        used = {r.scheme for r in report.all_results() if r.id in selected and r.scheme}
        for local_id, scheme in report.grading_schemes.items():
            if local_id in used:
                gs = w.el(rep, "gradingScheme", localId=local_id)
                w.titles(gs, scheme["descriptions"], tag="description")

    _attachment(w, root, "emrex-transcript", "EMREX transcript", "EMREX transcript",
                f"Transcript of the results shared from {cp.name}.",
                transcript_pdf(cp, selected, learner))
    if big_pdf_mb:
        _attachment(w, root, "scanned-appendix", "Diploma Supplement (scanned)", "Diploma Supplement",
                    "Scanned appendix (large file).",
                    transcript_pdf(cp, selected, learner, noise_bytes=big_pdf_mb * 1024 * 1024))
    etree.indent(root, space="  ")
    return root


# ------------------------------------------------------------------ legacy (pre-1.0)

def _legacy_los(w: _Writer, parent, result: Result, selected: set[str] | None, report: Report):
    los = w.el(parent, "learningOpportunitySpecification")
    w.el(los, "identifier", result.code, type="local")
    w.titles(los, result.titles)
    w.el(los, "type", {"Degree Programme": "Degree", "Module": "Module group"}.get(result.type, "Module"))
    if result.credits is not None:
        credit = w.el(los, "credit")
        w.el(credit, "scheme", "ECTS")
        w.el(credit, "value", _decimal(result.credits))
    if result.level:
        w.el(los, "level", result.level.upper())
    loi = w.el(w.el(los, "specifies"), "learningOpportunityInstance")
    if result.start:
        w.el(loi, "start", result.start.isoformat())
    if result.date:  # legacy documents state their own date format; Finnish ones wrote dd-MM-yyyy
        w.el(loi, "date", result.date.strftime("%d-%m-%Y"), dtf="dd-MM-yyyy")
    if result.grade:
        w.el(loi, "result", result.grade, scheme=result.scheme or "local")
    for part in result.parts:
        if selected is None or part.id in selected:
            _legacy_los(w, w.el(los, "hasPart"), part, selected, report)


def build_legacy(cp: ContactPoint, selected: set[str], learner: dict) -> etree._Element:
    """A pre-1.0 document (``http://purl.org/net/elmo``): learner inside each report."""
    w = _Writer(LEGACY_NS)
    root = w.el(None, "elmo")
    for report in cp.reports:
        items = _report_items(report, selected)
        if not items:
            continue
        rep = w.el(root, "report")
        person = w.el(rep, "learner")
        w.el(person, "fullName", f"{learner['givenNames']} {learner['familyName']}")
        w.el(person, "givenNames", learner["givenNames"])
        w.el(person, "familyName", learner["familyName"])
        if learner.get("bday"):
            year, month, day = learner["bday"].split("-")
            w.el(person, "bday", f"{day}-{month}-{year}", dtf="dd-MM-yyyy")
        issuer = w.el(rep, "issuer")
        w.el(issuer, "identifier", report.erasmus, type="erasmus")
        w.titles(issuer, report.titles)
        w.el(issuer, "url", report.url)
        for item in items:
            _legacy_los(w, rep, item, selected, report)
        w.el(rep, "issueDate", _now().strftime("%d-%m-%Y"), dtf="dd-MM-yyyy")
    etree.indent(root, space="  ")
    return root
