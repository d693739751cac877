"""The careers page's search and filters (issue 18, item 2): words in the title, department or
location, and the location, department, employment type and workplace, all as GET parameters
so that the form works without JavaScript and a filtered page has its own address.

A company shows tens, at most a few hundred, open jobs, and the page already reads them all
as narrow rows: they are filtered here, in one pass, rather than by a query per filter. The
filter's ``key`` is part of the page's cache key and ETag (app/portal/cache.py)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from urllib.parse import urlencode

from app.jobs.models import EMPLOYMENT_TYPES, WORKPLACES
from app.text import fold

MAX_LENGTH = 100


@dataclass(frozen=True)
class CareersFilter:
    q: str = ""
    location: str = ""
    department: str = ""
    type: str = ""
    workplace: str = ""

    @classmethod
    def from_args(cls, args) -> CareersFilter:
        """From the query string: trimmed and capped; an unknown type or workplace is ignored."""
        values = {f.name: " ".join(str(args.get(f.name, "") or "").split())[:MAX_LENGTH] for f in fields(cls)}
        if values["type"] not in EMPLOYMENT_TYPES:
            values["type"] = ""
        if values["workplace"] not in WORKPLACES:
            values["workplace"] = ""
        return cls(**values)

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    @property
    def key(self) -> str:
        """A stable text of the set values (the cache key's part); "" when nothing is set."""
        return urlencode([(f.name, getattr(self, f.name)) for f in fields(self) if getattr(self, f.name)])

    def matches(self, row) -> bool:
        if self.type and row.employment_type != self.type:
            return False
        if self.workplace and row.workplace != self.workplace:
            return False
        if self.location and fold(row.location) != fold(self.location):
            return False
        if self.department and fold(row.department) != fold(self.department):
            return False
        if self.q:
            text = fold(f"{row.title} {row.department} {row.location}")
            return all(word in text for word in fold(self.q).split())
        return True


@dataclass(frozen=True)
class Facets:
    """The choices the filters offer: only values some open job has, sorted for reading."""

    locations: list[str]
    departments: list[str]
    types: list[str]
    workplaces: list[str]


def facets(rows) -> Facets:
    def distinct(values) -> list[str]:
        seen: dict[str, str] = {}
        for value in values:
            if value and fold(value) not in seen:
                seen[fold(value)] = value
        return sorted(seen.values(), key=fold)

    return Facets(locations=distinct(r.location for r in rows), departments=distinct(r.department for r in rows),
                  types=[t for t in EMPLOYMENT_TYPES if any(r.employment_type == t for r in rows)],
                  workplaces=[w for w in WORKPLACES if any(r.workplace == w for r in rows)])


def search(rows, careers_filter: CareersFilter) -> list:
    return [row for row in rows if careers_filter.matches(row)] if careers_filter.active else list(rows)
