"""The recruiter admin's main screens render in Finnish, Swedish and Vietnamese (issue 14 §1, §4):
each page answers, says which language it is in, and shows the catalogue's translation of one of
its own texts instead of the English. The expected text comes from the catalogue itself, so the
test follows the translations as they are reworded."""

import pytest
from flask_babel import force_locale, gettext, pgettext
from markupsafe import escape

PAGES = [  # (path, a text of that page); {job}/{application} are filled in
    ("/admin/", "Latest applications"),
    ("/admin/jobs", "New job"),
    ("/admin/jobs/{job}", "Edit job"),
    ("/admin/pipeline/job/{job}", "Add stage"),
    ("/admin/applications", "Choose columns"),
    ("/admin/applications/{application}", "Timeline"),
    ("/admin/pending", "The Pending pool is empty."),
    ("/admin/notifications", "Mark all as read"),
    ("/admin/templates", "Job templates"),
    ("/admin/settings", "Your account"),
    ("/admin/settings/audit", "All actions"),
    ("/admin/settings/data-protection", "How it works"),
    ("/admin/account", "Change password"),
]


@pytest.fixture
def setup(make, auth):
    company = make.company("acme")
    job = make.job(company)
    application = make.application(job)
    auth.login("admin@acme.test")
    return job, application


@pytest.mark.parametrize("lang", ["fi", "sv", "vi"])
def test_admin_screens_in_each_language(app, client, setup, lang):
    job, application = setup
    assert client.get(f"/admin/?lang={lang}").status_code == 200  # the choice sticks for the session
    for path, msgid in PAGES:
        with app.test_request_context(), force_locale(lang):
            translated = gettext(msgid)
        assert translated != msgid, f"{lang}: “{msgid}” has no translation"
        resp = client.get(path.format(job=job.id, application=application.id))
        body = resp.get_data(as_text=True)
        assert resp.status_code == 200, (path, resp.status_code)
        assert f'<html lang="{lang}"' in body, path
        assert str(escape(translated)) in body, (path, translated)
        assert f">{escape(msgid)}<" not in body, (path, msgid)

    # A stored state code is shown in the language too: the card's confirmation email was sent.
    with app.test_request_context(), force_locale(lang):
        sent = pgettext("email", "sent")
    card = client.get(f"/admin/applications/{application.id}").get_data(as_text=True)
    assert f'<span class="badge badge-sent">{escape(sent)}</span>' in card
