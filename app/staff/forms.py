from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, Length

from app.admin.forms import EmailTemplateForm


class CompanyForm(FlaskForm):
    name = StringField(_l("Company name"), validators=[DataRequired(), Length(max=200)])
    slug = StringField(_l("Slug (careers page address)"), validators=[DataRequired(), Length(max=64)])
    admin_name = StringField(_l("First admin's name"), validators=[DataRequired(), Length(max=200)])
    admin_email = EmailField(_l("First admin's email"), validators=[DataRequired(), Email(check_deliverability=False)])
    admin_password = PasswordField(_l("First admin's initial password"), validators=[DataRequired(), Length(max=256)])


# Global templates have the same fields as a company's own.
GlobalTemplateForm = EmailTemplateForm
