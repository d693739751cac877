"""Nothing English on a Finnish or Vietnamese screen (issue 14 §4, kept complete): every page a
recruiter, a company admin, platform staff or a candidate opens is rendered in vi and in fi,
and fails when one of its text nodes holds an English message of the catalogue (3 words or
more) verbatim: a string that escaped translation, or English stored in a row and shown as
it is (a partner's status text, a log line).

The screens: every GET page of the recruiter admin (dashboard, jobs, board, list, card with
its emails, the settings pages, notifications, activity log, …) for a company admin whose language is vi/fi, every
staff page for a staff user whose language is vi/fi, and the candidate pages (careers, job,
apply) with ``Accept-Language: vi``/``fi``; all on the ``world`` fixture (two tenants with one
of everything), plus stored partner texts (a coded one, and the partner's own English words).

What the user typed is not a finding: the ``ALLOWED`` list names each such text, and why."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from lxml import html as lxml_html

from app.applications import services as applications
from app.applications.models import Application
from app.extensions import db
from app.messaging.models import Notification
from tests.support.routes import fill

ROOT = Path(__file__).resolve().parents[1]
CODE_TAGS = {"script", "style", "code", "pre", "kbd", "samp", "svg", "textarea"}
WORD = re.compile(r"[^\W\d_]+")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdfr]|%[sd]|\{\w*\}")
#: English that is data, not interface (typed by a user, sent by a partner), with the reason.
ALLOWED = {
    "level is required.": "TopCV's own words in a posting's last error, shown labelled as the partner's answer",
    "Chose another candidate": "a rejection reason: the company's own list, made in its (here English) language",
    "No response from the candidate": "a rejection reason: the company's own list, made in its language",
}
#: Pages whose HTML is not a screen (files, redirects to other sites, machine answers).
NOT_SCREENS = ("admin.application_cv", "admin.applications_export", "admin.candidate_export", "static")


@cache
def english_phrases(language: str) -> tuple[str, ...]:
    """The catalogue's English messages (each literal run between placeholders) of 3 words or
    more whose translation in ``language`` is different, longest first."""
    with open(ROOT / "translations" / language / "LC_MESSAGES" / "messages.po", "rb") as fh:
        catalog = read_po(fh)
    phrases = set()
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        translated = " ".join(s for s in strings if s)
        for msgid in ids:
            for run in PLACEHOLDER.split(msgid):
                run = " ".join(run.split()).strip(" ,.:;()“”\"'·—-")
                if len(WORD.findall(run)) >= 3 and run not in translated:
                    phrases.add(run)
    return tuple(sorted(phrases, key=len, reverse=True))


def text_nodes(body: str) -> list[str]:
    """The text a reader sees: text nodes outside code, scripts and ``translate="no"``."""
    tree = lxml_html.fromstring(body) if "<html" in body else lxml_html.fragment_fromstring(
        body, create_parent="div")
    out = []

    def walk(el, skip: bool) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        skip = skip or tag in CODE_TAGS or el.get("translate") == "no" if tag else skip
        if tag and not skip and el.text and el.text.strip():
            out.append(" ".join(el.text.split()))
        for child in el:
            walk(child, skip)
            if not skip and child.tail and child.tail.strip():
                out.append(" ".join(child.tail.split()))

    walk(tree, False)
    return out


def english_in(body: str, language: str) -> list[str]:
    found = []
    for node in text_nodes(body):
        if node in ALLOWED or any(allowed in node for allowed in ALLOWED):
            continue
        hit = next((p for p in english_phrases(language) if p in node), None)
        if hit is not None:
            found.append(f"{hit!r} in {node[:160]!r}")
    return found


def _pages(app, audience: str, ids: dict) -> list[tuple[str, str]]:
    from tests.test_routes import _view

    out = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in NOT_SCREENS:
            continue
        auth = getattr(_view(app, rule.endpoint), "haku_auth", None)
        blueprint = rule.endpoint.split(".")[0]
        if audience == "admin" and not (blueprint == "admin" and auth in ("company", "admin")):
            continue
        if audience == "staff" and auth != "staff":
            continue
        if audience == "portal" and blueprint != "portal":
            continue
        out += [(rule.endpoint, url) for url in (fill(rule, ids) if rule.arguments else [rule.rule])]
    return out


def _findings(client, pages, language: str, headers: dict | None = None) -> list[str]:
    findings = []
    for endpoint, url in pages:
        resp = client.get(url, headers=headers or {})
        if resp.status_code != 200 or resp.mimetype != "text/html":
            continue
        findings += [f"{language} {url} ({endpoint}): {hit}" for hit in english_in(resp.get_data(as_text=True),
                                                                                   language)]
    return findings


@pytest.fixture
def stored_partner_texts(world):
    """The partner rows the admin and staff pages show, with stored texts: a coded error
    holding the partner's own English words, a coded summary, a coded integration status."""
    from app.boards.models import Posting
    from app.partners.models import PartnerDelivery, PartnerIntegration
    from app.problems import store

    ids = world["ids"]["a"]
    refused = store("partner_refused", status=422, partner="level is required.")
    delivery = db.session.get(PartnerDelivery, ids["delivery_id"])
    delivery.error, delivery.summary = store("topcv.refused", error=refused), store("topcv.post_summary",
                                                                                    title="Alpha job")
    db.session.get(Posting, ids["posting_id"]).last_error = store("topcv.refused", error=refused)
    integration = db.session.get(PartnerIntegration, ids["integration_id"])
    integration.status, integration.status_detail = "error", store("topcv.last_call_failed",
                                                                   cause=store("timeout", seconds="10"))
    db.session.commit()
    return world


@pytest.mark.parametrize("language", ["vi", "fi"])
def test_admin_screens_have_no_english(app, client, auth, stored_partner_texts, language):
    world = stored_partner_texts
    user = world["user_a"]
    user.locale = language
    # Notifications are worded in each user's language when they are made: the world's were
    # made while this user read English, so they go, and a new one is made in their language.
    Notification.query.filter_by(user_id=user.id).delete()
    pending = db.session.get(Application, world["ids"]["a"]["pending_id"])
    applications.create_application(user.company_id, pending.candidate, None, source="topcv",
                                     pending_reason="no match", pending_data={"job_title": "X"})
    db.session.commit()
    assert Notification.query.filter_by(user_id=user.id).count() == 1
    auth.login("boss@alpha.test")
    pages = _pages(app, "admin", world["ids"]["a"])
    assert len(pages) > 40
    for endpoint in ("admin.dashboard", "admin.jobs", "admin.job_board", "admin.applications",
                     "admin.application", "admin.notifications", "admin.partner_log", "admin.email_templates"):
        assert any(e == endpoint for e, _ in pages), endpoint
    findings = _findings(client, pages, language)
    assert not findings, "English on a translated screen:\n" + "\n".join(findings)
    assert "Aino Virtanen" in client.get("/admin/notifications").get_data(as_text=True)


@pytest.mark.parametrize("language", ["vi", "fi"])
def test_staff_screens_have_no_english(app, client, auth, make, stored_partner_texts, language):
    world = stored_partner_texts
    staff = make.staff()
    staff.locale = language
    db.session.commit()
    auth.login(staff.email)
    pages = _pages(app, "staff", world["ids"]["a"])
    assert len(pages) >= 8 and any(e == "staff.index" for e, _ in pages)
    findings = _findings(client, pages, language)
    assert not findings, "English on a translated screen:\n" + "\n".join(findings)


@pytest.mark.parametrize("language", ["vi", "fi"])
def test_candidate_screens_have_no_english(app, client, world, language):
    pages = _pages(app, "portal", world["ids"]["a"])
    for endpoint in ("portal.careers", "portal.job", "portal.apply"):
        assert any(e == endpoint for e, _ in pages), endpoint
    findings = _findings(client, pages, language, {"Accept-Language": language})
    assert not findings, "English on a translated screen:\n" + "\n".join(findings)


def test_the_check_finds_english():
    """The check itself: an English message in a text node is found; the same words in code,
    in an attribute, or translated are not."""
    body = ("<html><body><p>Tin đăng</p><p>Nothing has happened yet.</p><code>Nothing has happened yet.</code>"
            "<a title='Nothing has happened yet.'>x</a></body></html>")
    assert english_in(body, "vi") == ["'Nothing has happened yet' in 'Nothing has happened yet.'"]
    assert english_in("<div><p>Chưa có gì xảy ra.</p></div>", "vi") == []
