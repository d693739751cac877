"""The applications list and its CSV export in the reader's language (issue 14): column
headers, the status column and the filter labels; the data itself (names, titles, the
company's stage names) as stored."""

from __future__ import annotations

import csv
import io

from markupsafe import escape

from app.extensions import db
from tests.support.clients import Auth
from tests.support.readers import worded

COLUMNS = ["candidate", "job", "stage", "status", "applied"]


def _csv(client) -> list[list[str]]:
    resp = client.get("/admin/applications/export.csv")
    assert resp.status_code == 200
    return list(csv.reader(io.StringIO(resp.get_data(as_text=True)[1:])))


def test_a_finnish_and_a_vietnamese_admin_export_the_same_rows_in_their_language(app, make):
    company = make.company("acme", "Acme Oy")
    job = make.job(company, "Data analyst")
    make.application(job, given="Aino")
    readers = {"fi": make.admin_of(company), "vi": make.user(company, role="admin"),
               "en": make.user(company, role="admin")}
    for lang, user in readers.items():
        user.locale, user.list_columns = lang, COLUMNS
    db.session.commit()
    exported = {}
    for lang, user in readers.items():
        client = app.test_client()
        assert Auth(client).login(user.email).status_code == 302
        header, row = _csv(client)
        assert header == [worded(app, lang, label) for label in ("Candidate", "Job", "Stage", "Status", "Applied")]
        assert row[:3] == ["Aino Virtanen", "Data analyst", "New"]  # data as stored (an English company)
        assert row[3] == worded(app, lang, "open")
        exported[lang] = (header, row)
        page = client.get("/admin/applications").get_data(as_text=True)
        for label in ("Status", "All stages", "Search name or email", "Export as CSV"):
            assert str(escape(worded(app, lang, label))) in page, (lang, label)
        assert f">{escape(worded(app, lang, 'open'))}</td>" in page  # the status cell
    assert exported["fi"][0] != exported["en"][0] != exported["vi"][0]
    assert exported["fi"][1][3] == "avoin" and exported["en"][1][3] == "open"
