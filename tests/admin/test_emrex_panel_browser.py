"""The EMREX panel in a real browser at 1280 and 390 px (issue 12 §8): nested programmes stay
readable, the card never grows wider than the screen, groups fold without JavaScript.
Screenshots go to ``EMREX_PANEL_SHOTS`` (default: the repository's screenshots/)."""

from __future__ import annotations

import os
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from app.clock import utcnow
from app.extensions import db
from tests.support.browser import CHROMIUM_ARGS, SHOTS, chromium_path, login
from tests.support.builders import PASSWORD
from tests.support.emrex_panel import Panel, opp

pytestmark = pytest.mark.e2e

OUT = Path(os.environ.get("EMREX_PANEL_SHOTS") or SHOTS)

NESTED = [
    opp("Filosofian kandidaatin tutkinto, matematiikan ja tilastotieteen kandidaattiohjelma (Matemaattis-"
        "luonnontieteellinen tiedekunta)", type="Degree Programme", code="KH50_001", credits="180", date="2024-06-14",
        status="passed", outcome="passed", derived=False, gpa=None, children=[
            opp("Matematiikan ja tilastotieteen perusopinnot", type="Module", code="MAT-P", credits="25",
                outcome="passed", derived=True, gpa=None, children=[
                    opp("Lineaarialgebra ja matriisilaskenta I: vektoriavaruudet ja lineaarikuvaukset",
                        code="MAT11002", credits="5", grade="4", outcome="passed", derived=True, gpa="graded",
                        scheme="Yleinen arvosteluasteikko 0–5", children=[
                            opp("Viikkoharjoitukset ja välikoe", type="Class", credits="2", grade="5",
                                outcome="passed", derived=True, gpa="component"),
                            opp("Loppukoe", type="Class", credits="3", grade="3", outcome="passed", derived=True,
                                gpa="component")]),
                    opp("Todennäköisyyslaskenta ja tilastollinen päättely", code="MAT12003", credits="7.5",
                        grade="5", outcome="passed", derived=True, gpa="graded"),
                    opp("Kypsyysnäyte", code="KYP-1", credits="0", grade="Hyv", outcome="passed", derived=True,
                        gpa="pass_fail"),
                    opp("Johdatus yliopistomatematiikkaan", code="MAT11001", credits="5", grade="0",
                        outcome="failed", derived=True, gpa="failed")]),
            opp("Tilastotieteen aineopinnot", type="Module", credits="35", outcome="in-progress", gpa=None, children=[
                opp("Regressioanalyysi", code="TIL22001", credits="10", outcome="in-progress", gpa=None,
                    date=None)])]),
    opp("Kandidatexamen i statsvetenskap med inriktning mot offentlig förvaltning och nordisk samhällsplanering",
        type="Degree Programme", code="SSTAK", credits="180", outcome="passed", gpa=None, children=[
            opp("Statsvetenskapens grunder och forskningsmetoder i samhällsvetenskaperna", code="SV1001",
                credits="15", grade="VG", outcome="passed", derived=True, gpa="pass_fail",
                scheme="U, G, VG (Underkänd, Godkänd, Väl godkänd)")]),
]
DETAIL = {"value": "4.42", "credits_counted": "12.5", "graded_count": 2, "failed_count": 1, "pass_fail_count": 2,
          "not_convertible_count": 0, "level": "course", "components_skipped": 2, "no_credits_count": 0}
LEGACY = [
    opp("Diplomi-insinöörin tutkinto, sähkötekniikan ja automaation koulutusohjelma", type="Degree", credits=None,
        outcome="unknown", gpa=None, unreadable=["credits"], date=None, children=[
            opp("Piiriteoria", code="S-55.1100", credits=None, grade=None, date=None, outcome="unknown", gpa=None,
                unreadable=["credits", "grade", "date"]),
            opp("Sähkömagnetiikka", code="S-96.1101", credits=None, grade="Hyv", outcome="passed", derived=True,
                gpa="pass_fail", unreadable=["credits"])])]


@pytest.fixture
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def cards(make, client, auth):
    company = make.company("panelshots", name="Kuntaliitto Oy")
    company.emrex_enabled = True
    company.gpa_scale = "5.0"
    db.session.commit()
    job = make.job(company, title="Tilastotieteilijä / Statistiker")
    nested = Panel(client, make.application(job, given="Aino-Maria", family="Virtanen-Lindqvist"))
    nested.transcript(NESTED, gpa=Decimal("4.42"), gpa_detail=DETAIL, total_ects=Decimal("180.00"),
                      institution="Helsingin yliopisto", degree=NESTED[0]["title"])
    legacy = Panel(client, make.application(job, given="Erkki", family="Esimerkki"))
    legacy.transcript(LEGACY, legacy=True, cert_expired=True, institution="Teknillinen korkeakoulu", gpa_detail={
        "value": None, "credits_counted": "0", "graded_count": 0, "failed_count": 0, "pass_fail_count": 1,
        "not_convertible_count": 0, "level": "leaf", "components_skipped": 0, "no_credits_count": 0})
    rejected = Panel(client, make.application(job, given="Lars-Erik", family="Söderström"))
    req = rejected.request(status="sent")
    rejected.attempt(req, "rejected", emp_name="Uppsala universitet", at=utcnow() + timedelta(minutes=3),
                     detail="The signature does not match the certificate the university registered for EMREX.")
    db.session.commit()
    return {"email": make.admin_of(company).email, "nested": nested.application.id,
            "legacy": legacy.application.id, "rejected": rejected.application.id}


def _save(page, panel, name: str, part: int = 1100) -> None:
    """The panel as one PNG, or in parts of ``part`` px when it is taller (a phone's long
    list stays legible when viewed)."""
    box = panel.bounding_box()
    top = box["y"] + page.evaluate("window.scrollY")
    if box["height"] <= part * 1.4:
        panel.screenshot(path=str(OUT / f"{name}.png"))
        return
    n, y = 1, 0.0
    while y < box["height"]:
        clip = {"x": box["x"], "y": top + y, "width": box["width"], "height": min(part, box["height"] - y)}
        page.screenshot(path=str(OUT / f"{name}-part{n}.png"), clip=clip, full_page=True)
        n, y = n + 1, y + part


def _page(browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 700,
                                  has_touch=width < 700)
    return context, context.new_page()


@pytest.mark.parametrize("width", [1280, 390])
def test_panel_fits_the_screen_and_stays_readable(live, browser, cards, width):
    OUT.mkdir(parents=True, exist_ok=True)
    context, page = _page(browser, width)
    try:
        login(page, live, cards["email"], PASSWORD)
        for lang in ("en", "fi", "sv"):
            for name in ("nested", "legacy", "rejected"):
                page.goto(f"{live}/admin/applications/{cards[name]}?lang={lang}")
                panel = page.locator(".emrex-panel")
                panel.wait_for()
                # never wider than the screen: no sideways scrolling of the page
                assert page.evaluate("document.documentElement.scrollWidth") <= width
                box = panel.bounding_box()
                assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1
                if name == "nested":
                    groups = page.locator("details.degree")
                    assert groups.count() == 2
                    assert groups.nth(0).evaluate("d => d.open") and not groups.nth(1).evaluate("d => d.open")
                    # the deepest row (a component, level 3 of 4) keeps most of the width for its title
                    title = page.locator("tr.type-class td.title").first.bounding_box()
                    table = page.locator("table.courses").first.bounding_box()
                    assert title["width"] >= (0.55 if width < 700 else 0.25) * table["width"]
                    if lang == "en":  # folding works by the browser alone
                        groups.nth(1).locator("summary").click()
                        assert groups.nth(1).evaluate("d => d.open")
                        assert page.locator("details.degree").nth(1).locator("tbody tr").first.is_visible()
                if name == "rejected":
                    assert page.locator(".attempt-closed .badge").is_visible()
                _save(page, panel, f"emrexpanel-{name}-{width}-{lang}")
    finally:
        context.close()
