"""TopCV: the names, choices and error the parts share."""

from __future__ import annotations

from datetime import timedelta

from flask_babel import lazy_gettext as _l

from app.problems import Problem

VENDOR, PRODUCT = "topcv", "job_board"
RECONCILE_EVERY = timedelta(hours=6)
# The candidate accepted TopCV's terms, which pass the application to the employer.
TOPCV_CONSENT = "topcv-terms"
LEVELS = [("intern", "Intern"), ("fresher", "Fresher"), ("junior", "Junior"), ("middle", "Middle"),
          ("senior", "Senior"), ("lead", "Team lead"), ("manager", "Manager"), ("director", "Director")]
CURRENCIES = ["VND", "USD", "EUR"]


class BoardError(Problem):
    """A rule was broken or TopCV said no; ``code`` says which and ``field`` names the form
    field it is about, if one."""

    messages = {
        "not_enabled": _l("Job boards are not enabled for your company."),
        "no_api_key": _l("Enter the Employer API key (TopCV calls it Access Token)."),
        "no_secret_key": _l("Enter the Secret Key."),
        "key_too_long": _l("That key is too long to be a TopCV key."),
        "unexpected_answer": _l("TopCV answered something unexpected."),
        "keys_refused": _l("TopCV refused these keys. Check the Employer API key (Access Token)."),
        "unreachable": _l("TopCV could not be reached (%(error)s). Nothing was saved; try again in a moment."),
        "refused": _l("TopCV said: %(error)s"),
        "not_connected": _l("Connect TopCV first: Settings → Recruitment networks → TopCV."),
        "not_whole_number": _l("Enter a whole number."),
        "negative_number": _l("Enter a positive number."),
        "no_title": _l("Enter the job title."),
        "no_description": _l("Enter the job description."),
        "no_city": _l("Enter the city TopCV should list the job in."),
        "no_level": _l("Choose the level."),
        "no_deadline": _l("Enter the application deadline."),
        "no_contact_email": _l("Enter a contact email."),
        "bad_deadline": _l("Enter the deadline as a date (YYYY-MM-DD)."),
        "past_deadline": _l("The deadline must be in the future."),
        "no_employment_type": _l("Choose the employment type."),
        "no_currency": _l("Choose a currency."),
        "salary_order": _l("The minimum salary is above the maximum."),
        "bad_contact_email": _l("Enter a valid contact email."),
        "posting_closed": _l("This posting is closed on TopCV; post the job again instead."),
        "already_closed": _l("This posting is already closed."),
        "job_not_open": _l("Only an open job can be posted to TopCV: publish it first, with a deadline not passed."),
        "no_board_job_id": _l("Enter the TopCV job id."),
        "already_linked": _l("TopCV job %(id)s is already linked to “%(job)s”."),
        "no_such_job": _l("Your TopCV account has no job %(id)s."),
    }

    def __init__(self, code: str, field: str | None = None, **params):
        super().__init__(code, **params)
        self.field = field
