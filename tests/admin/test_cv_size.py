"""The card shows the CV's size as people read sizes (a small PDF was "0 KB")."""

from __future__ import annotations

import pytest
from flask_babel import force_locale

from app.templating import filesize
from tests.support.builders import PDF


@pytest.mark.parametrize("size,locale,shown", [
    (207, "en", "207 byte"), (2560, "en", "2.5 kB"), (2560, "fi", "2,5 kt"), (10 * 1024 * 1024, "sv", "10 MB"),
    (1024, "vi", "1 kB"), (0, "en", "0 byte"),
])
def test_sizes_read_in_the_readers_language(app, size, locale, shown):
    with app.test_request_context(), force_locale(locale):
        assert filesize(size).replace("\xa0", " ") == shown


def test_the_card_shows_a_small_cv_in_bytes_not_zero_kb(client, make, auth):
    application = make.application(make.job(make.company("acme")))
    auth.login("admin@acme.test")
    body = client.get(f"/admin/applications/{application.id}").get_data(as_text=True)
    assert f'cv.pdf</a> <span class="muted">({len(PDF)} byte)</span>' in body.replace("\xa0", " ")
    assert "0 KB" not in body
