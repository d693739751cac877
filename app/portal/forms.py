import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, EmailField, HiddenField, StringField, TelField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional, Regexp

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"[\t\n\r]+")


def one_line(value):
    """Control characters are invisible and mean nothing in a name, an address or a phone
    number (PostgreSQL cannot even store NUL): they are dropped, line breaks become spaces."""
    return _CONTROL.sub("", _LINE_BREAKS.sub(" ", value)) if isinstance(value, str) else value


def multi_line(value):
    """As ``one_line`` but keeps tabs and line breaks (a cover letter has paragraphs)."""
    return _CONTROL.sub("", value) if isinstance(value, str) else value


class ApplyForm(FlaskForm):
    given_names = StringField(_l("Given name(s)"), filters=[one_line], validators=[
        DataRequired(_l("Please enter your given name(s).")), Length(max=200)])
    family_name = StringField(_l("Family name"), filters=[one_line], validators=[
        DataRequired(_l("Please enter your family name.")), Length(max=200)])
    email = EmailField(_l("Email"), filters=[one_line], validators=[
        DataRequired(_l("Please enter your email address.")),
        Email(_l("Please enter a valid email address."), check_deliverability=False), Length(max=254)])
    phone = TelField(_l("Phone (optional)"), filters=[one_line], validators=[
        Optional(), Length(max=40), Regexp(r"^[0-9+()\-. ]{5,40}$", message=_l("Please enter a valid phone number."))])
    cv = FileField(_l("CV (PDF, at most 10 MB)"), validators=[FileRequired(_l("Please attach your CV as a PDF."))])
    cover_letter = TextAreaField(_l("Cover letter (optional)"), filters=[multi_line],
                                 validators=[Optional(), Length(max=10000)])
    consent = BooleanField(_l("I agree that my data is processed for this recruitment as the privacy notice says."),
                           validators=[DataRequired(_l("Please accept the privacy notice to apply."))])
    # The job's share link the applicant came through (``?src=`` on the job page); the service
    # checks it belongs to the job, anything else counts as the careers page.
    # label="": never shown, and a field without one asks WTForms for a translated default,
    # which loads WTForms' message catalogue from disk on every request (issue 15)
    src = HiddenField(label="", filters=[lambda value: (value or "").strip()[:16] if isinstance(value, str) else value])


class YourDataForm(FlaskForm):
    email = EmailField(_l("Email"), filters=[lambda value: value.strip() if isinstance(value, str) else value],
                       validators=[DataRequired(_l("Please enter your email address.")),
                                   Email(_l("Please enter a valid email address."), check_deliverability=False),
                                   Length(max=254)])


class DownloadForm(FlaskForm):
    """CSRF only: the button on the export link's confirmation page."""
