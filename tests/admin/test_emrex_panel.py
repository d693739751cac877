"""The recruiter's EMREX panel on the application card (issue 12 §3, §4, §7, §8): a pure
function of the stored rows, so these tests write the rows directly — in the shape the parser
now stores (outcome, derived, scheme, unreadable, gpa per row; level, components_skipped,
no_credits_count in gpa_detail) and in the older shape without those keys."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import lxml.html
import pytest
from sqlalchemy import event

from app.clock import utcnow
from app.emrex.models import EmrexAttachment
from app.extensions import db
from tests.support.emrex_panel import Panel, css, opp


@pytest.fixture
def panel(make, client, auth):
    company = make.company("panel")
    company.emrex_enabled = True
    company.gpa_scale = "5.0"
    db.session.commit()
    application = make.application(make.job(company))
    assert auth.login(make.admin_of(company).email).status_code == 302
    return Panel(client, application)


def text(el) -> str:
    return " ".join(el.text_content().split())


def row_of(html, title):
    rows = [tr for tr in css(html, "table.courses tbody tr") if title in text(css(tr, "td.title")[0])]
    assert len(rows) == 1, f"{title!r}: {len(rows)} rows"
    return rows[0]


def cell(html, title, name):
    return css(row_of(html, title), f"td.{name}")[0]


# ---------------------------------------------------------------- 1. status never blank


def test_status_shows_the_outcome_and_marks_a_derived_one(panel):
    panel.transcript([
        opp("Tietorakenteet", credits="5", grade="4", outcome="passed", derived=True, gpa="graded"),
        opp("Ohjelmointi", credits="5", grade="Hyl", status="failed", outcome="failed", derived=False, gpa="failed"),
        opp("Kandidaatintutkielma", credits="10", outcome="in-progress", derived=False, gpa=None),
        opp("Johdanto", credits="5", grade="?", outcome="unknown", derived=False, gpa="not_convertible"),
    ])
    html = panel.html()
    derived = cell(html, "Tietorakenteet", "status")
    assert text(derived) == "passed*"
    assert css(derived, "[title]")[0].get("title") == "Derived from the grade: the document states no status."
    assert text(cell(html, "Ohjelmointi", "status")) == "failed"
    assert text(cell(html, "Kandidaatintutkielma", "status")) == "in progress"
    assert text(cell(html, "Johdanto", "status")) == "unknown"
    assert "* Status derived from the grade" in text(css(html, ".courses-legend")[0])


def test_old_rows_without_outcome_show_the_stored_status_else_unknown(panel):
    panel.transcript([opp("Algebra", credits="5", grade="3", status="passed"), opp("Analyysi", credits="5", grade="B")])
    html = panel.html()
    assert text(cell(html, "Algebra", "status")) == "passed"
    assert text(cell(html, "Analyysi", "status")) == "unknown"
    assert not css(html, ".courses-legend")  # nothing derived, no per-row GPA roles: nothing to explain


# ---------------------------------------------------------------- 2. the GPA explained


def test_gpa_sentence_says_what_was_averaged_and_what_was_left_out(panel):
    panel.transcript([opp("Kurssi", credits="5", grade="5", outcome="passed", gpa="graded")], gpa=Decimal("4.25"),
                     total_ects=Decimal("180.00"), gpa_detail={
                         "value": "4.25", "credits_counted": "84.0", "graded_count": 12, "failed_count": 2,
                         "pass_fail_count": 3, "not_convertible_count": 1, "level": "course",
                         "components_skipped": 5, "no_credits_count": 1})
    html = panel.html()
    facts = css(html, "dl.facts")[0]
    assert "4.25" in text(facts) and "/ 5.0" in text(facts)
    explained = text(css(html, ".gpa-explained")[0])
    assert explained == ("Average of 12 course grades (84 ECTS) on the 5.0 scale. Left out: 2 failed results, "
                         "3 pass/fail results, 1 result not convertible, 5 components counted through their course, "
                         "and 1 result without credits.")


def test_gpa_sentence_of_leaf_results_and_singulars(panel):
    panel.transcript([], gpa=Decimal("3.00"), gpa_detail={
        "value": "3.00", "credits_counted": "7.5", "graded_count": 1, "failed_count": 1, "pass_fail_count": 0,
        "not_convertible_count": 0, "level": "leaf", "components_skipped": 0, "no_credits_count": 0})
    explained = text(css(panel.html(), ".gpa-explained")[0])
    assert explained == "Average of 1 graded result (7.5 ECTS) on the 5.0 scale. Left out: 1 failed result."


def test_old_gpa_detail_without_the_new_keys(panel):
    panel.transcript([], gpa=Decimal("4.50"), gpa_detail={
        "value": "4.50", "credits_counted": "10", "graded_count": 2, "failed_count": 0, "pass_fail_count": 1,
        "not_convertible_count": 0})
    explained = text(css(panel.html(), ".gpa-explained")[0])
    assert explained == "Average of 2 graded results (10 ECTS) on the 5.0 scale. Left out: 1 pass/fail result."


def test_no_gpa_and_no_credits_say_why(panel):
    panel.transcript([opp("Kypsyysnäyte", grade="Hyv", outcome="passed", gpa="pass_fail")], gpa_detail={
        "value": None, "credits_counted": "0", "graded_count": 0, "failed_count": 0, "pass_fail_count": 1,
        "not_convertible_count": 0, "level": "leaf", "components_skipped": 0, "no_credits_count": 0})
    html = panel.html()
    facts = text(css(html, "dl.facts")[0])
    assert "No graded results with ECTS credits" in facts
    assert text(css(html, ".gpa-explained")[0]) == (
        "No graded results with ECTS credits: no average. Left out: 1 pass/fail result.")
    assert "No credits were stated for passed results" in facts


def test_no_credits_because_they_could_not_be_read(panel):
    panel.transcript([opp("Tilastotiede", grade="4", outcome="passed", derived=True, unreadable=["credits"],
                          gpa="no_credits")])
    facts = text(css(panel.html(), "dl.facts")[0])
    assert "Credits could not be read from the document" in facts


def test_rows_are_marked_in_or_out_of_the_average_with_a_legend(panel):
    panel.transcript([opp("Tutkinto", type="Degree Programme", credits="180", outcome="passed", gpa=None, children=[
        opp("Kurssi A", credits="5", grade="5", outcome="passed", gpa="graded", children=[
            opp("Harjoitukset", type="Class", credits="2", grade="4", outcome="passed", gpa="component")]),
        opp("Kurssi B", credits="5", grade="0", outcome="failed", derived=True, gpa="failed"),
        opp("Kurssi C", credits="5", grade="Hyv", outcome="passed", derived=True, gpa="pass_fail"),
        opp("Kurssi D", grade="5", outcome="passed", gpa="no_credits"),
        opp("Kurssi E", credits="5", grade="X", outcome="unknown", gpa="not_convertible")])])
    html = panel.html()
    counted = cell(html, "Kurssi A", "gpa-role")
    assert css(counted, ".gpa-in") and css(counted, ".gpa-in")[0].get("title") == "Counted in the average"
    assert text(cell(html, "Harjoitukset", "gpa-role")) == "via its course"
    assert text(cell(html, "Kurssi B", "gpa-role")) == "failed"
    assert text(cell(html, "Kurssi C", "gpa-role")) == "pass/fail"
    assert text(cell(html, "Kurssi D", "gpa-role")) == "no credits"
    assert text(cell(html, "Kurssi E", "gpa-role")) == "not convertible"
    assert "✓ counted in the average" in text(css(html, ".courses-legend")[0])


# ---------------------------------------------------------------- 3. credits formatted the same everywhere


def test_credits_and_gpa_are_formatted_the_same_in_the_table_the_card_and_the_list(panel, make):
    panel.transcript([opp("Fysiikka", credits="7.50", grade="5", outcome="passed", gpa="graded")],
                     total_ects=Decimal("187.50"), gpa=Decimal("4.50"), gpa_detail={
                         "value": "4.50", "credits_counted": "7.50", "graded_count": 1, "failed_count": 0,
                         "pass_fail_count": 0, "not_convertible_count": 0})
    from app.emrex.models import EmrexSummary

    db.session.add(EmrexSummary(application_id=panel.application.id, company_id=panel.cid, status="completed",
                                credits_total=Decimal("187.50"), gpa=Decimal("4.50")))
    admin = make.admin_of(panel.application.job.company)
    admin.list_columns = ["candidate", "emrex_credits_total", "emrex_gpa"]
    html = panel.html()
    assert text(cell(html, "Fysiikka", "credits")) == "7.5 ECTS"
    facts = text(css(html, "dl.facts")[0])
    assert "187.5 ECTS" in facts and "4.50 / 5.0" in facts
    assert "(7.5 ECTS)" in text(css(html, ".gpa-explained")[0])

    fi = panel.html(lang="fi")
    assert text(cell(fi, "Fysiikka", "credits")) == "7,5 ECTS"
    facts = text(css(fi, "dl.facts")[0])
    assert "187,5 ECTS" in facts and "4,50 / 5,0" in facts

    listing = panel.client.get("/admin/applications", query_string={"lang": "fi"}).get_data(as_text=True)
    cells = [text(td) for td in css(lxml.html.fromstring(listing), "table tbody td")]
    assert "187,5" in cells and "4,50" in cells
    listing = panel.client.get("/admin/applications", query_string={"lang": "en"}).get_data(as_text=True)
    cells = [text(td) for td in css(lxml.html.fromstring(listing), "table tbody td")]
    assert "187.5" in cells and "4.50" in cells


@pytest.mark.parametrize(("value", "en", "fi"), [
    ("7.5", "7.5", "7,5"), ("180", "180", "180"), (Decimal("180.00"), "180", "180"), ("7.50", "7.5", "7,5"),
    (Decimal("0.5"), "0.5", "0,5"), ("seitsemän", "seitsemän", "seitsemän"), (None, "", "")])
def test_format_credits(app, value, en, fi):
    from flask_babel import refresh

    from app.emrex.columns import format_credits

    for lang, expected in (("en", en), ("fi", fi)):
        with app.test_request_context(f"/?lang={lang}"):
            refresh()  # the test's app context outlives the request: forget the cached locale
            assert format_credits(value) == expected


def test_unreadable_cells_say_so_and_the_scheme_shows_on_the_grade(panel):
    panel.transcript([
        opp("Suomen kieli", credits=None, grade=None, date=None, outcome="unknown", gpa=None,
            unreadable=["credits", "grade", "date"]),
        opp("Matematiikka", credits="5", grade="4", outcome="passed", derived=True, gpa="graded",
            scheme="Yleinen arvosteluasteikko 0–5")])
    html = panel.html()
    for name in ("credits", "grade", "date"):
        unreadable = cell(html, "Suomen kieli", name)
        assert text(unreadable) == "unreadable"
        assert css(unreadable, ".unreadable")[0].get("title") == (
            "The document states a value here, but it could not be read.")
    grade = cell(html, "Matematiikka", "grade")
    assert text(grade).startswith("4")
    assert css(grade, "[title]")[0].get("title") == "Yleinen arvosteluasteikko 0–5"


def test_a_programme_whose_credits_could_not_be_read_says_so_in_its_heading(panel):
    panel.transcript([opp("Diplomi-insinöörin tutkinto", type="Degree", outcome="unknown", unreadable=["credits"],
                          children=[opp("Piiriteoria", outcome="unknown")])])
    summary = css(panel.html(), "details.degree summary")[0]
    assert "Degree · Credits: unreadable" in text(summary)


def test_old_shaped_rows_render(panel):
    """Rows stored before: credits as a bare string, no children key, no gpa_detail."""
    req = panel.request()
    panel.transcript([{"title": "Master of Science (Technology)", "type": "Degree", "grade": "4", "credits": "120"},
                      {"title": "Signals and systems", "type": "Course", "grade": "5", "credits": "5"}],
                     req=req, total_ects=Decimal(120), gpa=Decimal("4.50"))
    panel.transcript(None, req=req)
    panel.transcript([{"title": "Orphan", "children": None, "credits": None}, "not a dict"], req=req)
    html = panel.html()
    assert text(cell(html, "Signals and systems", "credits")) == "5"
    assert text(cell(html, "Signals and systems", "status")) == "unknown"
    assert "120 ECTS" in text(css(html, "dl.facts")[2])  # the oldest transcript, below the newer ones
    assert text(cell(html, "Orphan", "status")) == "unknown"


# ---------------------------------------------------------------- 4. attempt states on the panel


def test_a_rejected_attempt_after_the_last_transcript_shows_beside_the_badge(panel):
    req = panel.request(status="sent")
    panel.transcript([opp("Kurssi", credits="5", grade="4")], req=req)
    panel.attempt(req, "rejected", detail="The signature does not match the university's certificate.",
                  emp_name="Uppsala universitet", at=utcnow() + timedelta(minutes=5))
    html = panel.html()
    state = css(html, ".emrex-state .attempt-closed")[0]
    assert text(css(state, ".badge")[0]) == "Rejected"
    assert "The signature does not match the university's certificate." in text(state)
    assert "Uppsala universitet" in text(state)


def test_an_attempt_older_than_the_transcript_is_only_history(panel):
    req = panel.request()
    panel.attempt(req, "cancelled", at=utcnow() - timedelta(hours=1))
    panel.transcript([opp("Kurssi", credits="5", grade="4")], req=req)
    assert not css(panel.html(), ".attempt-closed")


@pytest.mark.parametrize(("outcome", "fields", "badge", "reason"), [
    ("cancelled", {}, "Cancelled at the university", "The candidate cancelled at the university"),
    ("no_results", {}, "No results sent", "The university had no results to send"),
    ("error", {"return_message": "Palvelu ei ole käytettävissä"}, "University error", "Palvelu ei ole käytettävissä"),
    ("late", {"detail": "The return came after the 15-minute window."}, "Returned too late",
     "more than 15 minutes"),
    ("abandoned", {"detail": "No return within 15 minutes."}, "Not completed", "did not come back"),
])
def test_each_closed_attempt_without_records_shows_its_label_and_reason(panel, outcome, fields, badge, reason):
    req = panel.request(status="sent")
    panel.attempt(req, outcome, **fields)
    state = css(panel.html(), ".attempt-closed")[0]
    assert text(css(state, ".badge")[0]) == badge
    assert reason in text(state)
    assert "Åbo Akademi" in text(state)


def test_an_open_attempt_shows_nothing(panel):
    req = panel.request(status="in_progress")
    panel.attempt(req, "open")
    html = panel.html()
    assert not css(html, ".attempt-closed")
    assert text(css(html, ".emrex-state .badge")[0]) == "At university"


def _count_selects(fn) -> int:
    statements = []

    def before(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        fn()
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
    return len([s for s in statements if s.lstrip().upper().startswith("SELECT")])


def test_the_panel_costs_the_same_queries_however_many_rows(panel, make):
    from app.applications import files

    reviewer = make.admin_of(panel.application.job.company)

    def add(n):
        for _ in range(n):
            req = panel.request(status="sent")
            row = panel.transcript([opp("Kurssi", credits="5", grade="4", children=[opp("Osa", type="Class")])],
                                   req=req, reviewed_by_id=reviewer.id, reviewed_at=utcnow(), review_status="accepted")
            db.session.add(EmrexAttachment(company_id=panel.cid, transcript_id=row.id, title="Transcript",
                                           file=files.store(panel.cid, "t.pdf", b"%PDF-1.4\n%%EOF\n")))
            panel.attempt(req, "rejected", detail="bad", at=utcnow() + timedelta(minutes=1))
        db.session.commit()

    url = f"/admin/applications/{panel.application.id}"
    add(1)
    small = _count_selects(lambda: panel.client.get(url))
    add(6)
    body = []
    large = _count_selects(lambda: body.append(panel.client.get(url).get_data(as_text=True)))
    assert body[0].count('class="transcript"') == 7
    assert large == small


# ---------------------------------------------------------------- 5. nested structure


def test_each_degree_programme_is_a_group_the_first_open(panel):
    four_levels = opp("Filosofian kandidaatin tutkinto, matematiikan ja tilastotieteen kandidaattiohjelma",
                      type="Degree Programme", credits="180", outcome="passed", children=[
                          opp("Matematiikan perusopinnot", type="Module", credits="25", children=[
                              opp("Lineaarialgebra ja matriisilaskenta I", credits="5", grade="4", outcome="passed",
                                  gpa="graded", children=[
                                      opp("Laskuharjoitukset", type="Class", credits="2", grade="5",
                                          outcome="passed", gpa="component")])])])
    second = opp("Kandidatexamen i statsvetenskap", type="Degree Programme", credits="180", children=[
        opp("Statsvetenskapens grunder", credits="7.5", grade="VG", outcome="passed", gpa="pass_fail")])
    loose = opp("Tiedeviestintä", credits="2", grade="Hyv", outcome="passed", gpa="pass_fail")
    panel.transcript([four_levels, second, loose])
    html = panel.html()
    groups = css(html, "details.degree")
    assert len(groups) == 2
    assert groups[0].get("open") is not None and groups[1].get("open") is None
    assert "matematiikan ja tilastotieteen" in text(css(groups[0], "summary")[0])
    assert "180 ECTS" in text(css(groups[0], "summary")[0])
    assert "Laskuharjoitukset" in text(groups[0])
    assert "Statsvetenskapens grunder" in text(groups[1])
    assert "Tiedeviestintä" not in text(groups[0]) + text(groups[1])
    assert row_of(html, "Tiedeviestintä") is not None
    # depth inside the group: module 0, course 1, component 2 (the programme is the summary)
    assert "depth-2" in row_of(html, "Laskuharjoitukset").get("class")
    assert "type-class" in row_of(html, "Laskuharjoitukset").get("class")
    assert text(css(row_of(html, "Laskuharjoitukset"), ".opp-type")[0]) == "Component"
    assert "Degree programme" in text(css(groups[0], "summary")[0])
    assert css(html, "details.history")  # the request's history stays


def test_every_cell_carries_its_label_for_the_stacked_phone_layout(panel):
    panel.transcript([opp("Kurssi", credits="5", grade="4", outcome="passed", gpa="graded")])
    row = row_of(panel.html(), "Kurssi")
    labels = [td.get("data-label") for td in css(row, "td")]
    assert labels == ["Title", "Code", "Credits", "Grade", "Date", "Status", "In GPA"]
