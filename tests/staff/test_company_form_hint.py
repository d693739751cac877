"""The staff "New company" form's slug hint shows the careers address pattern whole (it once
rendered "/c//.": the "<slug>" was read as a tag)."""

from __future__ import annotations

from lxml import html as lxml_html


def test_the_slug_hint_shows_the_placeholder_as_text(client, auth, make):
    make.staff()
    auth.login("staff@haku.test")
    page = client.get("/staff/companies/new")
    assert page.status_code == 200
    (hint,) = lxml_html.fromstring(page.get_data(as_text=True)).xpath('//small[@class="hint"][contains(., "/c/")]')
    assert hint.text_content().endswith("/c/<slug>/.") and "/c//" not in hint.text_content()
