"""The sandbox's contact points and their study-record fixtures (``fixtures/*.json``).

One fixture file per contact point (EMP). A contact point covers one or more institutions
and returns one ``report`` per institution. Courses are written compactly as
``[code, local title, English title, credits, grade, completion date, {extras}]``; the
loader turns them into :class:`Result` objects with stable ids for the checkboxes, the
grading scheme, pass/fail status and the academic term.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"

#: Display order of the fixture files (country by country).
ORDER = ("helsinki", "aalto", "tampere", "lund", "uppsala", "stads")

COUNTRIES = {
    "FI": {"name": "Finland", "singleFetch": "true"},  # served as a string, as some lists do
    "SE": {"name": "Sweden", "singleFetch": False},
    "DK": {"name": "Denmark", "singleFetch": False},
}


@dataclass(frozen=True)
class Term:
    titles: dict[str, str]
    start: dt.date
    end: dt.date


@dataclass
class Result:
    """One learning opportunity (a course, a module or a whole degree programme)."""

    id: str
    code: str
    titles: dict[str, str]
    type: str
    credits: Decimal | None
    grade: str | None
    scheme: str | None
    status: str
    date: dt.date | None
    start: dt.date | None
    term: Term | None
    lang: str | None
    level: str | None = None
    eqf: str | None = None
    isced: str | None = None
    distribution: dict[str, int] | None = None
    parts: list[Result] = field(default_factory=list)

    @property
    def title_en(self) -> str:
        return self.titles.get("en") or next(iter(self.titles.values()))

    def local_title(self, local_lang: str) -> str | None:
        title = self.titles.get(local_lang)
        return title if title and title != self.title_en else None


@dataclass
class Report:
    index: int
    schac: str
    erasmus: str
    titles: dict[str, str]
    url: str
    country: str
    local_lang: str
    grading_schemes: dict[str, dict]
    degrees: list[Result]
    courses: list[Result]

    @property
    def name(self) -> str:
        return self.titles.get("en") or next(iter(self.titles.values()))

    def all_results(self):
        for degree in self.degrees:
            yield degree
            yield from degree.parts
        yield from self.courses


@dataclass
class ContactPoint:
    slug: str
    acronym: str
    name: str
    portal: str
    country: str
    institutions: list[str]
    ewp_institutions: list[str]
    algorithm: str
    transform: str | None
    rotation: bool
    theme: str
    login_hint: str
    learner: dict
    other_learner: dict
    reports: list[Report]

    @property
    def country_name(self) -> str:
        return COUNTRIES[self.country]["name"]

    @property
    def organisation(self) -> str:
        return self.reports[0].name if len(self.reports) == 1 else self.name

    def result_ids(self) -> list[str]:
        return [r.id for report in self.reports for r in report.all_results()]


def term_for(country: str, day: dt.date) -> Term:
    """The academic term a completion date falls in, named the way the country names it."""
    y, m = day.year, day.month
    if country == "SE":
        autumn = m >= 8 or (m == 1 and day.day <= 20)
        year = y - 1 if m == 1 and autumn else y
        if autumn:
            return Term({"en": f"Autumn {year}", "sv": f"Höstterminen {year}"},
                        dt.date(year, 8, 28), dt.date(year + 1, 1, 20))
        return Term({"en": f"Spring {y}", "sv": f"Vårterminen {y}"}, dt.date(y, 1, 21), dt.date(y, 7, 31))
    if country == "DK":
        autumn = m >= 9 or m == 1
        year = y - 1 if m == 1 else y
        if autumn:
            end = dt.date(year + 1, 1, 31)
            return Term({"en": f"Autumn {year}", "da": f"Efterår {year}"}, dt.date(year, 9, 1), end)
        return Term({"en": f"Spring {y}", "da": f"Forår {y}"}, dt.date(y, 2, 1), dt.date(y, 8, 31))
    if m >= 8:
        return Term({"en": f"Autumn {y}", "fi": f"Syyslukukausi {y}"}, dt.date(y, 8, 1), dt.date(y, 12, 31))
    return Term({"en": f"Spring {y}", "fi": f"Kevätlukukausi {y}"}, dt.date(y, 1, 1), dt.date(y, 7, 31))


def _scheme_for(grade: str, report: dict, explicit: str | None) -> str:
    """The grading scheme of a label: explicit, else the default unless another owns the label."""
    default = report["default_scheme"]
    if explicit:
        return explicit
    if grade in report["grading_schemes"][default].get("labels", ()):
        return default
    for name, scheme in report["grading_schemes"].items():
        if grade in scheme.get("labels", ()):
            return name
    return default


def _course(row: list, rid: str, country: str, report: dict, default_lang: str | None) -> Result:
    code, local, english, credits, grade, date, *rest = row
    extras = rest[0] if rest else {}
    local_lang = report["local_lang"]
    day = dt.date.fromisoformat(date)
    scheme = _scheme_for(grade, report, extras.get("scheme"))
    failed = grade in report["grading_schemes"][scheme]["fail"]
    term = term_for(country, day)
    titles = {"en": english, local_lang: local} if local != english else {"en": english}
    return Result(
        id=rid, code=code, titles=titles, type=extras.get("type", "Course"),
        credits=Decimal(str(credits)), grade=grade, scheme=scheme,
        status="failed" if failed else "passed", date=day, start=term.start, term=term,
        lang=extras.get("lang", default_lang), distribution=extras.get("distribution"),
    )


def _degree(data: dict, rid: str, country: str, report: dict) -> Result:
    parts = [_course(row, f"{rid}-c{k}", country, report, data.get("lang"))
             for k, row in enumerate(data["parts"])]
    credits = data.get("credits")
    if credits is None:
        credits = sum((p.credits or 0 for p in parts if p.status == "passed"), Decimal(0))
    date = dt.date.fromisoformat(data["date"]) if data.get("date") else None
    return Result(
        id=rid, code=data["code"], titles=data["titles"], type="Degree Programme",
        credits=Decimal(str(credits)), grade=data.get("grade"), scheme=None,
        status="passed" if date else "in-progress", date=date,
        start=dt.date.fromisoformat(data["start"]), term=None, lang=data.get("lang"),
        level=data.get("level"), eqf=data.get("eqf"), isced=data.get("isced"), parts=parts,
    )


def _report(index: int, data: dict, country: str) -> Report:
    issuer = data["issuer"]
    return Report(
        index=index, schac=issuer["schac"], erasmus=issuer["erasmus"], titles=issuer["titles"],
        url=issuer["url"], country=issuer.get("country", country), local_lang=data["local_lang"],
        grading_schemes=data["grading_schemes"],
        degrees=[_degree(d, f"r{index}-d{j}", country, data) for j, d in enumerate(data["degrees"])],
        courses=[_course(row, f"r{index}-c{k}", country, data, data["local_lang"])
                 for k, row in enumerate(data.get("courses", ()))],
    )


def load_contact_point(path: Path) -> ContactPoint:
    data = json.loads(path.read_text(encoding="utf-8"))
    signature = data.get("signature", {})
    return ContactPoint(
        slug=data["slug"], acronym=data["acronym"], name=data["name"], portal=data["portal"],
        country=data["country"], institutions=data["institutions"],
        ewp_institutions=data.get("ewp_institutions", data["institutions"]),
        algorithm=signature.get("algorithm", "sha1"), transform=signature.get("transform"),
        rotation=bool(data.get("rotation")), theme=data.get("theme", data["slug"]),
        login_hint=data.get("login_hint", ""), learner=data["learner"],
        other_learner=data["other_learner"],
        reports=[_report(i, r, data["country"]) for i, r in enumerate(data["reports"])],
    )


def load_all() -> dict[str, ContactPoint]:
    """Every contact point, keyed by slug, in display order."""
    files = {p.stem: p for p in FIXTURES.glob("*.json")}
    ordered = [s for s in ORDER if s in files] + sorted(set(files) - set(ORDER))
    return {slug: load_contact_point(files[slug]) for slug in ordered}
