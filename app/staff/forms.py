from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, SelectField, StringField
from wtforms.validators import DataRequired, Email, Length, ValidationError

from app.forms import LOCALE_CHOICES, ChoiceField, EmailTemplateForm, strip, vendor_api_key


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


# ---------------------------------------------------------------- integrations and per-company switches

class IntegrationAddForm(FlaskForm):
    """Integrations → "Add new integration": one product for a company, or all three. The
    choices (companies, products) are set by the view."""

    company_id = ChoiceField(_l("Company"), id="ai-company", message=_l("Pick a company."),
                             render_kw={"required": True})
    product = ChoiceField(_l("Vendor product"), id="ai-product", coerce=str,
                          message=_l("Pick one of the Alva products."), render_kw={"required": True})
    api_key = vendor_api_key(_l("Vendor API key"), id="ai-key")
    is_active = BooleanField(_l("Is active"), id="ai-active", default=True)

    def validate_company_id(self, field):
        if field.data is None:
            raise ValidationError(_l("Pick a company."))


class IntegrationForm(FlaskForm):
    """One integration's settings (staff): on/off, the API key (empty keeps it), the vendor's
    organisation reference (empty disconnects)."""

    is_active = BooleanField(_l("Is active"), id="ii-active")
    api_key = vendor_api_key(_l("Vendor API key"), id="ii-key")
    vendor_account_ref = StringField(_l("Alva organisation reference"), id="ii-ref", filters=[strip], validators=[
        Length(max=200, message=_l("The vendor's organisation reference is at most 200 characters."))],
        render_kw={"maxlength": 200})


class SelfServiceForm(FlaskForm):
    enabled = BooleanField(_l("Company admins may enable assessment products themselves (self-service)"))


class JobBoardsForm(FlaskForm):
    job_boards_enabled = BooleanField(_l("Job boards enabled (TopCV): company admins can connect their employer "
                                         "account"))


class CompanyEmrexForm(FlaskForm):
    emrex_enabled = BooleanField(_l("EMREX enabled (only after the agreement is signed)"), id="emrex-enabled")
    gpa_scale = ChoiceField(_l("GPA calculation scale"), id="gpa-scale", coerce=str,
                            choices=[("4.0", "4.0"), ("5.0", "5.0")], message=_l("The scale is 4.0 or 5.0."))
