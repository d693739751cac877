"""Forms of the TopCV screens: Settings → Recruitment networks → TopCV (the keys) and a job's
sources (post or update a posting, link one already on TopCV).

The field names are the ones the pages have always posted (the browser journeys and the TopCV
sandbox tests fill them by id), so every field keeps its old id. The form checks everything it
can at once; the service checks again (``clean_payload``) and adds what only TopCV can say."""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, PasswordField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import DateInput

from app.admin.forms import EMPLOYMENT_LABELS
from app.boards.services import CURRENCIES, LEVELS
from app.forms import strip
from app.jobs.models import EMPLOYMENT_TYPES

#: TopCV's levels in the page's language (the stored value is the key).
LEVEL_LABELS = {"intern": _l("Intern"), "fresher": _l("Fresher"), "junior": _l("Junior"), "middle": _l("Middle"),
                "senior": _l("Senior"), "lead": _l("Team lead"), "manager": _l("Manager"),
                "director": _l("Director")}


class TopCVKeysForm(FlaskForm):
    """The TopCV employer account's two keys; Haku checks them with TopCV before saving."""

    api_key = PasswordField(_l("Employer API key"), filters=[strip], validators=[
        DataRequired(_l("Enter the Employer API key (TopCV calls it Access Token).")),
        Length(max=500, message=_l("That key is too long to be a TopCV key."))],
        render_kw={"maxlength": 500, "autocomplete": "off", "spellcheck": "false"})
    secret_key = PasswordField(_l("Secret Key"), filters=[strip], validators=[
        DataRequired(_l("Enter the Secret Key.")),
        Length(max=500, message=_l("That key is too long to be a TopCV key."))],
        render_kw={"maxlength": 500, "autocomplete": "off", "spellcheck": "false"})


class WholeNumberField(IntegerField):
    """A whole number as the service reads it: spaces and thousands commas are fine
    ("15 000 000"), anything else is "Enter a whole number." (not WTForms' wording)."""

    def process_formdata(self, valuelist):
        if not valuelist or valuelist[0] in (None, ""):
            return super().process_formdata(valuelist)
        try:
            self.data = int(str(valuelist[0]).replace(" ", "").replace(",", ""))
        except ValueError:
            self.data = None
            raise ValueError(_l("Enter a whole number.")) from None


def _number(label, **kwargs):
    return WholeNumberField(label, validators=[Optional(), NumberRange(min=0, message=_l("Enter a positive number."))],
                            render_kw={"min": 0}, **kwargs)


class PostingForm(FlaskForm):
    """A job's posting on TopCV; the fields TopCV needs are required. Ids ``f-<name>``."""

    title = StringField(_l("Job title"), id="f-title", filters=[strip],
                        validators=[DataRequired(_l("Enter the job title.")), Length(max=200)])
    description = TextAreaField(_l("Description"), id="f-description", filters=[strip],
                                validators=[DataRequired(_l("Enter the job description.")), Length(max=20000)])
    requirements = TextAreaField(_l("Requirements"), id="f-requirements", validators=[Length(max=20000)])
    benefits = TextAreaField(_l("Benefits"), id="f-benefits", validators=[Length(max=20000)])
    city = StringField(_l("City"), id="f-city", filters=[strip],
                       validators=[DataRequired(_l("Enter the city TopCV should list the job in.")),
                                   Length(max=100)])
    country = StringField(_l("Country code"), id="f-country", filters=[strip],
                          validators=[Length(max=2, message=_l("Enter a two-letter country code, such as VN."))],
                          render_kw={"maxlength": 2})
    level = SelectField(_l("Level"), id="f-level", choices=[("", _l("Choose…"))] + [(k, LEVEL_LABELS[k])
                                                                                 for k, _ in LEVELS],
                        validators=[DataRequired(_l("Choose the level."))], validate_choice=False)
    employment_type = SelectField(_l("Employment type"), id="f-employment_type",
                                  choices=[(k, EMPLOYMENT_LABELS[k]) for k in EMPLOYMENT_TYPES],
                                  validators=[DataRequired(_l("Choose the employment type."))], validate_choice=False)
    deadline = StringField(_l("Deadline"), id="f-deadline", widget=DateInput(), filters=[strip],
                           validators=[DataRequired(_l("Enter the application deadline."))])
    quantity = WholeNumberField(_l("Openings"), id="f-quantity",
                            validators=[Optional(), NumberRange(min=1, max=999, message=_l(
                                "Enter a number of openings from 1 to 999."))],
                            render_kw={"min": 1, "max": 999})
    salary_min = _number(_l("Salary from"), id="f-salary_min")
    salary_max = _number(_l("Salary to"), id="f-salary_max")
    currency = SelectField(_l("Currency"), id="f-currency", choices=[(c, c) for c in CURRENCIES],
                           validate_choice=False)
    negotiable = BooleanField(_l("Salary negotiable"), id="f-negotiable")
    contact_name = StringField(_l("Name"), id="f-contact_name", validators=[Length(max=200)])
    contact_email = StringField(_l("Email"), id="f-contact_email", filters=[strip],
                                validators=[DataRequired(_l("Enter a contact email.")), Length(max=254)],
                                render_kw={"type": "email"})
    contact_phone = StringField(_l("Phone"), id="f-contact_phone", validators=[Length(max=40)],
                                render_kw={"type": "tel"})

    def validate_level(self, field):
        if field.data not in {k for k, _ in LEVELS}:
            raise ValidationError(_l("Choose the level."))

    def validate_employment_type(self, field):
        if field.data not in EMPLOYMENT_TYPES:
            raise ValidationError(_l("Choose the employment type."))

    def validate_currency(self, field):
        if field.data not in CURRENCIES:
            raise ValidationError(_l("Choose a currency."))

    def validate_deadline(self, field):
        try:
            deadline = date.fromisoformat(field.data)
        except ValueError:
            raise ValidationError(_l("Enter the deadline as a date (YYYY-MM-DD).")) from None
        if deadline <= date.today():
            raise ValidationError(_l("The deadline must be in the future."))

    def validate_contact_email(self, field):
        # The service's rule, no stricter: TopCV checks the address itself, and email_validator
        # would refuse reserved domains (.test, .local) that companies use internally.
        if "@" not in field.data:
            raise ValidationError(_l("Enter a valid contact email."))

    def validate_salary_min(self, field):
        if field.data is not None and self.salary_max.data is not None and field.data > self.salary_max.data:
            raise ValidationError(_l("The minimum salary is above the maximum."))

    def values(self) -> dict:
        """What the service takes: the fields by name (no CSRF token)."""
        return {name: field.data for name, field in self._fields.items() if name != "csrf_token"}


class LinkPostingForm(FlaskForm):
    board_job_id = StringField(_l("TopCV job id"), filters=[strip],
                               validators=[DataRequired(_l("Enter the TopCV job id.")), Length(max=100)],
                               render_kw={"maxlength": 100, "placeholder": "TCV-100123"})
