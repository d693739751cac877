"""Forms both admin audiences use (the recruiter admin and the staff admin): each imports
them from here, never from the other (import-linter: audiences are independent)."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from app.messaging import rendering

LOCALE_CHOICES = [("en", "English"), ("fi", "Suomi"), ("sv", "Svenska"), ("vi", "Tiếng Việt")]


class EmptyForm(FlaskForm):
    """CSRF only, for bare POST buttons."""


class EmailTemplateForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    key = StringField(_l("Key"), validators=[DataRequired(), Length(max=64)])
    locale = SelectField(_l("Language"), choices=[("en", "English"), ("fi", "Suomi"), ("sv", "Svenska"),
                                                  ("vi", "Tiếng Việt")])
    subject = StringField(_l("Subject"), validators=[DataRequired(), Length(max=300)])
    body = TextAreaField(_l("Body"), validators=[DataRequired(), Length(max=rendering.MAX_TEMPLATE_CHARS)])

    def show_problem(self, problem: rendering.TemplateProblem) -> None:
        """Put the service's refusal on the field it is about, in the user's language."""
        allowed = ", ".join("{{ " + name + " }}" for name in rendering.MERGE_FIELDS)
        text, count = problem.text, problem.count
        messages = {
            "unknown_field": lambda: _("“%(text)s” is not a merge field. You can use these fields: %(fields)s.",
                                       text=text, fields=allowed),
            "not_a_field": lambda: _("“%(text)s” is not allowed: write a merge field as {{ field_name }}, without "
                                     "filters, dots or expressions. You can use these fields: %(fields)s.",
                                     text=text, fields=allowed),
            "code": lambda: _("“%(text)s” is template code, which email templates do not support. Write plain "
                              "text with merge fields only: %(fields)s.", text=text, fields=allowed),
            "unclosed": lambda: _("“%(text)s” opens a merge field with {{ but does not close it with }}. You can "
                                  "use these fields: %(fields)s.", text=text, fields=allowed),
            "unopened": lambda: _("“}}” has no opening {{. Double braces are only for merge fields, such as "
                                  "{{ job_title }}."),
            "too_long": lambda: _("The template is too long: %(count)s characters in the subject and body "
                                  "together (at most %(max)s).", count=count, max=rendering.MAX_TEMPLATE_CHARS),
            "too_many_fields": lambda: _("The template has %(count)s merge fields (at most %(max)s).",
                                         count=count, max=rendering.MAX_FIELDS),
        }
        field = self.subject if problem.part == "subject" else self.body
        field.errors = [*field.errors, messages[problem.code]()]
