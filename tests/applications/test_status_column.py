"""The applications list's Status column (and so its CSV) says the status in the reader's
language, as the card does; it showed the stored value ("open") in every language."""

from flask_babel import force_locale, gettext


def test_the_status_column_is_translated(app, make):
    from app.applications.columns import COLUMNS
    from app.applications.models import ApplicationStatus

    company = make.company("acme")
    application = make.application(make.job(company))
    status = COLUMNS["status"]
    with app.test_request_context(), force_locale("fi"):
        assert status.value(application) == gettext("open") != "open"
        application.status = ApplicationStatus.DISMISSED
        assert status.value(application) == gettext("rejected from the Pending pool")
    with app.test_request_context(), force_locale("en"):
        assert status.value(application) == "rejected from the Pending pool"
