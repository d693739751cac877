from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, EmailField, StringField, TelField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional, Regexp


class ApplyForm(FlaskForm):
    given_names = StringField(_l("Given name(s)"), validators=[DataRequired(_l("Please enter your given name(s).")),
                                                               Length(max=200)])
    family_name = StringField(_l("Family name"), validators=[DataRequired(_l("Please enter your family name.")),
                                                             Length(max=200)])
    email = EmailField(_l("Email"), validators=[DataRequired(_l("Please enter your email address.")),
                                                Email(_l("Please enter a valid email address."),
                                                      check_deliverability=False), Length(max=254)])
    phone = TelField(_l("Phone (optional)"), validators=[
        Optional(), Length(max=40), Regexp(r"^[0-9+()\-. ]{5,40}$", message=_l("Please enter a valid phone number."))])
    cv = FileField(_l("CV (PDF, at most 10 MB)"), validators=[FileRequired(_l("Please attach your CV as a PDF."))])
    cover_letter = TextAreaField(_l("Cover letter (optional)"), validators=[Optional(), Length(max=10000)])
    consent = BooleanField(_l("I agree that my data is processed for this recruitment as the privacy notice says."),
                           validators=[DataRequired(_l("Please accept the privacy notice to apply."))])


class YourDataForm(FlaskForm):
    email = EmailField(_l("Email"), filters=[lambda value: value.strip() if isinstance(value, str) else value],
                       validators=[DataRequired(_l("Please enter your email address.")),
                                   Email(_l("Please enter a valid email address."), check_deliverability=False),
                                   Length(max=254)])


class DownloadForm(FlaskForm):
    """CSRF only: the button on the export link's confirmation page."""
