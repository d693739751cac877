"""Duplicate-candidate helpers: a survivor and a richer record to merge, the merge form's fields, a dump of every row."""

from __future__ import annotations

import json
import re

from sqlalchemy import select

from app.extensions import db
from tests.support.privacy import build_person


def merge_form(page: str) -> dict:
    """The merge form's fields as the browser would send them (the checked radios)."""
    data = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page))
    data.update(re.findall(r'<input id="version" name="(version)" type="hidden" value="([^"]+)"', page))
    for name, value in re.findall(r'<input type="radio" name="(\w+)" value="(\d+)" checked', page):
        data[name] = value
    return data


SIMILAR = "erkki.esimerkki+haku@example.com"  # the same mailbox as EMAIL by the gmail-style key


def db_state(skip=("audit_entries",)) -> dict[str, list[str]]:
    """Every row of every table (as sorted JSON), for "everything is back where it was"."""
    out = {}
    for table in db.metadata.sorted_tables:
        if table.name in skip:
            continue
        rows = db.session.execute(select(table)).mappings().all()
        out[table.name] = sorted(json.dumps(dict(r), default=str, sort_keys=True) for r in rows)
    return out


def survivor_and_person(make, people):
    """An older, thin record (one careers application) and a newer one with every kind of
    data (build_person): the newer one is removed by a merge, its data moves."""
    company = make.company("acme", name="Acme")
    job = make.job(company, "Data analyst")
    survivor = people.candidate(company, "Erkki", "Esimerkki", SIMILAR, None, job=job)
    person = build_person(make, company)
    assert person.candidate_id > survivor.id
    return company, survivor, person
