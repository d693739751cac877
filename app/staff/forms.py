from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length


class CompanyForm(FlaskForm):
    name = StringField(_l("Company name"), validators=[DataRequired(), Length(max=200)])
    slug = StringField(_l("Slug (careers page address)"), validators=[DataRequired(), Length(max=64)])
    admin_name = StringField(_l("First admin's name"), validators=[DataRequired(), Length(max=200)])
    admin_email = EmailField(_l("First admin's email"), validators=[DataRequired(), Email(check_deliverability=False)])
    admin_password = PasswordField(_l("First admin's initial password"), validators=[DataRequired(), Length(max=256)])


class GlobalTemplateForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    key = StringField(_l("Key"), validators=[DataRequired(), Length(max=64)])
    locale = SelectField(_l("Language"), choices=[("en", "English"), ("fi", "Suomi"), ("sv", "Svenska"),
                                                  ("vi", "Tiếng Việt")])
    subject = StringField(_l("Subject"), validators=[DataRequired(), Length(max=300)])
    body = TextAreaField(_l("Body"), validators=[DataRequired(), Length(max=20000)])
