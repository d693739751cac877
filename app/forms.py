"""Forms both admin audiences use (the recruiter admin and the staff admin): each imports
them from here, never from the other (import-linter: audiences are independent)."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, StopValidation, ValidationError

from app.messaging import rendering

LOCALE_CHOICES = [("en", "English"), ("fi", "Suomi"), ("sv", "Svenska"), ("vi", "Tiếng Việt")]


class EmptyForm(FlaskForm):
    """CSRF only, for bare POST buttons."""


def optional_int(value) -> int | None:
    """A select's value as an id: the empty option is None (anything else not a number is an
    error WTForms reports)."""
    if value is None or value == "":
        return None
    return int(value)


def strip(value):
    return value.strip() if isinstance(value, str) else value


class ChoiceField(SelectField):
    """A select whose wrong answer says what to pick, in the user's language (WTForms' own
    "Not a valid choice" / "could not coerce" say neither). ``message`` is that sentence."""

    def __init__(self, label=None, validators=None, message=None, **kwargs):
        kwargs.setdefault("coerce", optional_int)
        super().__init__(label, validators, **kwargs)
        self.message = message

    def pre_validate(self, form):
        bad = bool(self.process_errors)
        if not bad:
            try:
                super().pre_validate(form)
            except ValidationError:
                bad = True
        if bad:
            self.errors[:] = []  # the coerce error, replaced by ours
            raise StopValidation(self.message or _("Pick one of the choices."))  # one message, not two


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


def vendor_api_key(label, **kwargs) -> PasswordField:
    """An assessment vendor's API key (both admins): optional, at most 500 characters, never
    shown back."""
    return PasswordField(label, filters=[strip], validators=[Length(max=500, message=_l("The API key is too long."))],
                         render_kw={"autocomplete": "off", "maxlength": 500}, **kwargs)
