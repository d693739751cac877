"""How the card renders its parts (issue 15, the card's CPU): its panels share one run of the
context processors, and the ⋯ menu's labels are translated once per language and label."""

from __future__ import annotations

import pytest

from app.admin.card import CardAction
from app.plugins import plugins


@pytest.fixture
def card(make, auth):
    company = make.company("acme")
    auth.login(f"admin@{company.slug}.test")
    return f"/admin/applications/{make.application(make.job(company)).id}"


def test_the_panels_share_one_run_of_the_context_processors(app, client, card):
    """Each ``render_template`` runs every context processor; the card's panels (four or more
    render a template) take the values computed for the first of them."""
    runs = []

    def counting():
        runs.append(1)
        return {}

    app.template_context_processors[None].append(counting)
    try:
        body = client.get(card).get_data(as_text=True)
        page = len(runs)
        runs.clear()
        fragment = client.get(card, headers={"HX-Request": "true"}).get_data(as_text=True)
    finally:
        app.template_context_processors[None].remove(counting)
    # The page, the layout's nav (rendered once per process) and the panels; the fragment and the panels.
    assert 'id="tags-' in body and 'id="reviewers-' in body and 'id="conversation-' in fragment
    assert page <= 3 and len(runs) == 2, (page, runs)


def test_a_panel_outside_the_card_renders_as_render_template_does(app):
    from app.admin.card import render_panel

    with app.test_request_context("/"):
        html = render_panel("admin/applications/_timeline.html", application=type("A", (), {"id": 7})(), events=[])
    assert 'id="timeline-7"' in html and "<ol class=\"timeline\">" in html


def test_the_menu_labels_follow_the_language_and_a_label_registered_again(client, card, make):
    from flask_babel import lazy_gettext as _l

    from app.accounts.models import User
    from app.extensions import db

    action = CardAction(key="test-menu", label=_l("Tag…"), method="get", url=lambda application: "/x")
    plugins.card_action(action)
    try:
        assert ">Tag…</a>" in client.get(card).get_data(as_text=True)
        db.session.execute(db.update(User).where(User.email == "admin@acme.test").values(locale="fi"))
        db.session.commit()
        fi = client.get(card).get_data(as_text=True)
        assert 'lang="fi"' in fi and ">Tag…</a>" not in fi and ">Lisää tunniste…</a>" in fi
        plugins.card_action(CardAction(key="test-menu", label="Replaced label", method="get",
                                       url=lambda application: "/x"))
        assert ">Replaced label</a>" in client.get(card).get_data(as_text=True)
    finally:
        plugins.card_actions.pop("test-menu", None)


def test_the_card_words_follow_the_language(app):
    """The card's fixed words are kept per process and language: each language gets its own."""
    from flask_babel import force_locale, gettext

    from app.admin.card import card_words

    with app.test_request_context("/admin/"):
        seen = {}
        for lang in ("en", "fi", "sv", "vi", "fi"):
            with force_locale(lang):
                words = card_words()
                assert words["Candidate"] == gettext("Candidate") and words["Cover letter"] == gettext("Cover letter")
                seen[lang] = str(words["Candidate"])
    assert len(set(seen.values())) == 4, seen


def test_every_card_word_a_template_reads_is_kept(app):
    """A template reading ``words["…"]`` that ``card_words`` does not hold would print nothing
    (Jinja's undefined), not fail: every key the templates read must be there (``words`` is the
    card's words wherever a template reads it: card.html and _card.html get them from the view,
    the panels call ``card_words()``)."""
    import re
    from pathlib import Path

    from app.admin.card import card_words

    templates = Path(app.root_path).parent / "templates"
    read = set()
    for path in templates.rglob("*.html"):
        text = path.read_text()
        read |= set(re.findall(r'words\["([^"]+)"\]', text))
    assert len(read) > 20  # the scan finds the card's templates
    with app.test_request_context("/admin/"):
        assert read <= set(card_words())
