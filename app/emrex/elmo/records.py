"""ELMO transcripts: what is read from a transcript (learner, reports, learning
opportunities, attachments) and the passed-credit total."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal


@dataclass(slots=True)
class Learner:
    given_names: str = ""
    family_name: str = ""
    bday: date | None = None
    citizenship: str | None = None
    bday_unreadable: str | None = None  # the birth date as written, when it could not be read


OUTCOMES = ("passed", "failed", "in-progress")
#: Credit schemes read as ECTS: Finnish documents may say "op" (opintopiste, one ECTS credit each).
ECTS_SCHEMES = frozenset({"ECTS", "", "OP", "OPINTOPISTE"})


@dataclass(slots=True)
class Opportunity:
    title: str | None
    code: str | None
    type: str | None
    credits: list[tuple[str | None, Decimal | None, str | None]] = field(default_factory=list)
    result_label: str | None = None
    status: str | None = None  # as the document states it (passed | failed | in-progress), else None
    grading_scheme: str | None = None
    date: date | None = None
    academic_term: str | None = None
    language: str | None = None
    children: list[Opportunity] = field(default_factory=list)
    country: str | None = None  # the issuer's, for reading its grade scale
    outcome: str = "unknown"  # passed | failed | in-progress | unknown: the status, or derived from the grade
    derived: bool = False  # the outcome was derived from the grade (the document states no status)
    unreadable: list[str] = field(default_factory=list)  # credits | grade | date: present but not readable
    gpa_role: str | None = None  # graded | failed | pass_fail | not_convertible | no_credits | component

    def ects(self) -> Decimal | None:
        for scheme, value, _level in self.credits:
            if value is not None and (scheme or "ECTS").strip().upper() in ECTS_SCHEMES:
                return value
        return None


@dataclass
class Attachment:
    """An attachment of the transcript. Its bytes are decoded on first use (when they are
    stored), not while the records are read."""

    title: str | None
    type: str | None
    mime: str | None
    payload: str | None = None  # the data URL's content, base64
    note: str | None = None
    _data: bytes | None = None

    @property
    def data(self) -> bytes | None:
        if self._data is None and self.payload is not None:
            try:
                # non-validating b64decode skips the whitespace that wraps long data URLs
                data = base64.b64decode(self.payload + "==")
            except binascii.Error:
                data = b""
            if self.mime == "application/pdf" and data.startswith(b"%PDF-"):
                self._data = data
            else:
                self.note, self.payload = "not a PDF", None
        return self._data


@dataclass
class Report:
    issuer_name: str | None
    issuer_country: str | None
    issuer_schac: str | None
    issue_date: date | None
    grading_schemes: dict[str, str]
    opportunities: list[Opportunity]
    attachments: list[Attachment] = field(default_factory=list)
    issuer_names: list[str] = field(default_factory=list)  # every title of the issuer, any language

    def all_opportunities(self) -> list[Opportunity]:
        out: list[Opportunity] = []

        def walk(items):
            for item in items:
                out.append(item)
                walk(item.children)

        walk(self.opportunities)
        return out

    def all_courses(self) -> list[Opportunity]:
        """Leaf results (courses, classes, modules without parts)."""
        return [o for o in self.all_opportunities() if not o.children]


@dataclass
class Transcript:
    legacy: bool
    generated_date: datetime | None
    learner: Learner
    reports: list[Report]
    attachments: list[Attachment] = field(default_factory=list)

    def degrees(self) -> list[Opportunity]:
        return [o for r in self.reports for o in r.all_opportunities() if o.type == "Degree Programme"]


#: A credit value beyond this is not a credit (a whole degree is 180–360 ECTS); such values
#: are read as unknown, so sums stay finite and fit the database's Numeric(8, 2).
MAX_CREDIT = Decimal(1000)
MAX_TOTAL = Decimal("999999.99")
_CENT = Decimal("0.01")


def result_passed(opportunity: Opportunity) -> bool | None:
    """passed / failed from ``status``, else from the grade (PROTOCOL §7), else None."""
    if opportunity.outcome == "passed":
        return True
    if opportunity.outcome in ("failed", "in-progress"):
        return False
    return None


def total_ects(transcript: Transcript) -> Decimal | None:
    """Passed credits, counting a parent's credit instead of its parts (no double count)."""
    total = Decimal(0)
    found = False

    def walk(items):
        nonlocal total, found
        for item in items:
            value = item.ects()
            if value is not None and item.children and item.outcome not in ("failed", "in-progress") and \
                    (item.outcome == "passed" or item.result_label):
                total += value
                found = True
                continue
            if value is not None and not item.children:
                if item.outcome == "passed":
                    total += value
                    found = True
                continue
            walk(item.children)

    for report in transcript.reports:
        walk(report.opportunities)
    return total.quantize(_CENT) if found and total <= MAX_TOTAL else None
