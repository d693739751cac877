"""The email templates Haku ships are stored with English names; lists and pickers show those
names in the reader's language (issue 14: no English left on an admin screen). A name a
company or staff changed shows as written."""

from flask_babel import force_locale, gettext

from app.messaging.defaults import DEFAULT_TEMPLATES, NAMES
from app.messaging.models import EmailTemplate


def test_every_shipped_template_has_a_translatable_name(app):
    assert set(NAMES) == {spec["key"] for spec in DEFAULT_TEMPLATES}
    with app.test_request_context(), force_locale("en"):
        assert {key: str(name) for key, name in NAMES.items()} == {s["key"]: s["name"] for s in DEFAULT_TEMPLATES}


def test_a_shipped_name_reads_in_the_users_language_a_changed_one_as_written(app):
    shipped = EmailTemplate(company_id=None, key="rejection", locale="sv", name="Rejection", subject="s", body="b")
    copied = EmailTemplate(company_id=7, key="rejection", locale="fi", name="Rejection", subject="s", body="b")
    renamed = EmailTemplate(company_id=7, key="rejection", locale="fi", name="Kiitos ja näkemiin", subject="s", body="b")
    with app.test_request_context(), force_locale("fi"):
        finnish = gettext("Rejection")
        assert finnish != "Rejection"
        assert shipped.display_name == copied.display_name == finnish
        assert renamed.display_name == "Kiitos ja näkemiin"
    with app.test_request_context(), force_locale("en"):
        assert shipped.display_name == "Rejection"


def test_the_email_templates_page_shows_the_names_in_the_users_language(client, auth, make):
    from app.extensions import db
    from app.messaging.services import ensure_default_templates

    ensure_default_templates()
    company = make.company("acme")
    user = make.admin_of(company)
    user.locale = "vi"
    db.session.commit()
    auth.login("admin@acme.test")
    page = client.get("/admin/settings/email-templates").get_data(as_text=True)
    with force_locale("vi"):
        assert str(NAMES["interview_invitation"]) in page
    assert "Interview invitation" not in page
