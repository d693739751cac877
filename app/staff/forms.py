from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField, StringField
from wtforms.validators import DataRequired, Email, Length

from app.forms import LOCALE_CHOICES, EmailTemplateForm


class CompanyForm(FlaskForm):
    """A new company; its first admin is invited by email (nobody types their password)."""

    name = StringField(_l("Company name"), validators=[DataRequired(), Length(max=200)])
    slug = StringField(_l("Slug (careers page address)"), validators=[DataRequired(), Length(max=64)])
    locale = SelectField(_l("Default language"), choices=LOCALE_CHOICES, default="en")
    admin_name = StringField(_l("First admin's name"), validators=[DataRequired(), Length(max=200)])
    admin_email = EmailField(_l("First admin's email"), validators=[DataRequired(), Email(check_deliverability=False),
                                                                   Length(max=254)])


class InviteAdminForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(check_deliverability=False), Length(max=254)])
    locale = SelectField(_l("Language of the invitation"), choices=LOCALE_CHOICES, default="en")


# Global templates have the same fields as a company's own.
GlobalTemplateForm = EmailTemplateForm
