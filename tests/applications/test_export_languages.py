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


def test_dates_are_the_readers_day_in_the_list_and_iso_8601_in_the_csv(app, make):
    """The "Applied" and "Last activity" cells: the day in the reader's language and time zone
    on the page (23:30 UTC on 1 March is already 2 March in Helsinki and Ho Chi Minh City);
    an ISO 8601 date (the UTC day) in the CSV, whatever the reader's language."""
    from datetime import datetime

    from babel.dates import format_date

    company = make.company("acme", "Acme Oy")
    application = make.application(make.job(company, "Data analyst"), given="Aino")
    application.created_at = application.updated_at = datetime(2026, 3, 1, 23, 30)
    readers = {"fi": (make.admin_of(company), "Europe/Helsinki"),
               "vi": (make.user(company, role="admin"), "Asia/Ho_Chi_Minh"),
               "en": (make.user(company, role="admin"), "UTC")}
    for lang, (user, zone) in readers.items():
        user.locale, user.timezone, user.list_columns = lang, zone, ["candidate", "applied", "updated"]
    db.session.commit()
    for lang, (user, zone) in readers.items():
        client = app.test_client()
        assert Auth(client).login(user.email).status_code == 302
        day = datetime(2026, 3, 1 if zone == "UTC" else 2)
        shown = str(escape(format_date(day, "medium", locale=lang)))
        page = client.get("/admin/applications").get_data(as_text=True)
        assert page.count(f"<td>{shown}</td>") == 2, (lang, shown)
        assert "2026-03-01" not in page and "2026-03-02" not in page
        header, row = _csv(client)
        assert row == ["Aino Virtanen", "2026-03-01", "2026-03-01"], lang
