"""ELMO transcripts: read the records from the verified tree (PROTOCOL.md §6–§7)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from lxml import etree

from app.emrex.elmo.common import (
    LEGACY_NS,
    MAX_ATTACHMENT_BYTES,
)
from app.emrex.elmo.dates import _date_of, _datetime
from app.emrex.elmo.elements import _LOCAL_NAMES, _child, _kids, _local, _text, _title, _txt
from app.emrex.elmo.records import (
    _CENT,
    MAX_CREDIT,
    OUTCOMES,
    Attachment,
    Learner,
    Opportunity,
    Report,
    Transcript,
)
from app.emrex.grades import classify

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
        for name, child in _kids(report_el):
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
