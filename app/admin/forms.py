from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    HiddenField,
    IntegerField,
    PasswordField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    URLField,
)
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional
from wtforms.widgets import HiddenInput

from app.forms import LOCALE_CHOICES, EmailTemplateForm, EmptyForm  # noqa: F401  (shared with staff)
from app.jobs.models import EMPLOYMENT_TYPES, SALARY_PERIODS, SHARED_FIELDS, WORKPLACES, JobStatus
from app.templating import EMPLOYMENT_LABELS, SALARY_PERIOD_LABELS, WORKPLACE_LABELS

STATUS_LABELS = {JobStatus.DRAFT: _l("Draft"), JobStatus.PUBLISHED: _l("Published"), JobStatus.CLOSED: _l("Closed")}


class LoginForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=256)])


class PasswordForm(FlaskForm):
    current = PasswordField(_l("Current password"), validators=[DataRequired()])
    new = PasswordField(_l("New password"), validators=[DataRequired(), Length(max=256)])


class NotificationPrefsForm(FlaskForm):
    kinds = SelectMultipleField(_l("Also send these by email"), choices=[], validate_choice=True)


class LanguageForm(FlaskForm):
    """A user's own language and time zone (Account page). The view fills the choices."""
    locale = SelectField(_l("Language"), choices=[], validate_choice=True)
    timezone = SelectField(_l("Time zone"), choices=[], validate_choice=True)


class CompanyLanguageForm(FlaskForm):
    """The company's default language and time zone (company settings)."""
    locale = SelectField(_l("Default language"), choices=LOCALE_CHOICES, validate_choice=True)
    timezone = SelectField(_l("Time zone"), choices=[], validate_choice=True)


class CareersSiteForm(FlaskForm):
    """The careers site's look (company settings): colour, about text, logo."""
    brand_colour = StringField(_l("Brand colour"), validators=[Optional(), Length(max=7)],
                               render_kw={"placeholder": "#2a5bd7", "spellcheck": "false"})
    about = TextAreaField(_l("About the company"), validators=[Optional(), Length(max=2000)])
    # Choices in the page's language, set by the view (app/accounts/branding.country_choices).
    country = SelectField(_l("Country where you hire"), choices=[], validate_choice=True)
    logo = FileField(_l("Logo (PNG or JPEG, at most 256 KB)"))
    remove_logo = BooleanField(_l("Remove the logo"))


class TwoFactorCodeForm(FlaskForm):
    """The sign-in code step: a code from the app or a recovery code."""
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=32)],
                       render_kw={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false",
                                  "autofocus": True})


class TwoFactorConfirmForm(FlaskForm):
    code = StringField(_l("6-digit code from the app"), validators=[DataRequired(), Length(max=16)],
                       render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"})


class TwoFactorProofForm(FlaskForm):
    """Turning 2FA off or making new recovery codes: the password or a current code."""
    proof = PasswordField(_l("Your password or a code from the app"), validators=[DataRequired(), Length(max=256)],
                          render_kw={"autocomplete": "current-password"})


class TwoFactorRequirementForm(FlaskForm):
    required = BooleanField(_l("Require two-factor sign-in for every user of the company"))


class JobFieldsMixin:
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=50000)])
    location = StringField(_l("Location"), validators=[Optional(), Length(max=200)])
    department = StringField(_l("Department"), validators=[Optional(), Length(max=120)])
    workplace = SelectField(_l("Workplace"), choices=[(k, WORKPLACE_LABELS[k]) for k in WORKPLACES], default="onsite")
    employment_type = SelectField(_l("Employment type"),
                                  choices=[(k, EMPLOYMENT_LABELS[k]) for k in EMPLOYMENT_TYPES])
    salary_min = IntegerField(_l("Salary from"), validators=[Optional(), NumberRange(min=0, max=10**10)])
    salary_max = IntegerField(_l("Salary to"), validators=[Optional(), NumberRange(min=0, max=10**10)])
    salary_currency = SelectField(_l("Currency"), choices=[("EUR", "EUR"), ("SEK", "SEK"), ("VND", "VND"),
                                                           ("USD", "USD")])
    salary_period = SelectField(_l("Salary period"), choices=[(k, SALARY_PERIOD_LABELS[k]) for k in SALARY_PERIODS],
                                default="month")

    def validate_salary_max(self, field):
        if field.data is not None and self.salary_min.data is not None and field.data < self.salary_min.data:
            from wtforms.validators import ValidationError

            raise ValidationError(_l("The highest salary must not be below the lowest."))


class JobForm(JobFieldsMixin, FlaskForm):
    deadline = DateField(_l("Application deadline"), validators=[Optional()])
    status = SelectField(_l("Status"), choices=[(k, v) for k, v in STATUS_LABELS.items()])
    owner_id = SelectField(_l("Owner"), coerce=int, choices=[])
    team_ids = SelectMultipleField(_l("Team"), coerce=int, choices=[])
    template_id = SelectField(_l("Start from template"), coerce=int, choices=[], validate_choice=True)

    def job_data(self) -> dict:
        data = {key: getattr(self, key).data for key in (
            *SHARED_FIELDS, "deadline", "status", "owner_id")}
        data["owner_id"] = data["owner_id"] or None  # 0 is the "nobody" choice
        return data


class TemplateForm(JobFieldsMixin, FlaskForm):
    name = StringField(_l("Template name"), validators=[DataRequired(), Length(max=200)])

    def template_data(self) -> dict:
        return {key: getattr(self, key).data for key in SHARED_FIELDS}


class StageForm(FlaskForm):
    name = StringField(_l("Stage name"), validators=[DataRequired(), Length(max=100)])


class MoveForm(FlaskForm):
    stage_id = SelectField(_l("Move to stage"), coerce=int, choices=[])


class AutomationForm(FlaskForm):
    stage_id = SelectField(_l("When an application enters"), coerce=int, choices=[])
    email_template_id = SelectField(_l("Send email"), coerce=int, choices=[])
    move_to_stage_id = SelectField(_l("Then move it to"), coerce=int, choices=[])
    delay_days = IntegerField(_l("after (days)"), default=0, validators=[Optional(), NumberRange(min=0, max=365)])


class NoteForm(FlaskForm):
    text = TextAreaField(_l("Note"), validators=[DataRequired(), Length(max=5000)])


class MessageForm(FlaskForm):
    """"Send email" on the card: a template (0 = free text) or a subject and a body."""

    template_id = SelectField(_l("Template"), coerce=int, choices=[], validate_choice=False)
    subject = StringField(_l("Subject"), validators=[Optional(), Length(max=200)])
    body = TextAreaField(_l("Message"), validators=[Optional(), Length(max=20000)])
    key = HiddenField()


class AssignForm(FlaskForm):
    job_id = SelectField(_l("Assign to job"), coerce=int, choices=[])


ROLE_LABELS = {"recruiter": _l("Recruiter"), "admin": _l("Company admin"), "hiring_manager": _l("Hiring manager"),
               "interviewer": _l("Interviewer")}


class InviteForm(FlaskForm):
    """Invite a user by email: no password is typed, they choose it with the link."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(check_deliverability=False), Length(max=254)])
    role = SelectField(_l("Role"), choices=list(ROLE_LABELS.items()))
    locale = SelectField(_l("Language of the invitation"), choices=LOCALE_CHOICES, default="en")


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=list(ROLE_LABELS.items()))


class ForgotPasswordForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Length(max=254)])


class SetPasswordForm(FlaskForm):
    password = PasswordField(_l("New password"), validators=[DataRequired(), Length(max=256)],
                             render_kw={"autocomplete": "new-password"})
    confirm = PasswordField(_l("New password again"), validators=[DataRequired(), Length(max=256)],
                            render_kw={"autocomplete": "new-password"})

    def validate_confirm(self, field):
        if field.data != self.password.data:
            from wtforms.validators import ValidationError

            raise ValidationError(_l("The two passwords are not the same."))


class ColumnsForm(FlaskForm):
    columns = SelectMultipleField(_l("Columns"), choices=[], validate_choice=False)


class EraseForm(FlaskForm):
    anonymise = BooleanField(_l("Anonymise instead: keep the applications and stage history for statistics, "
                                "without the person's data"))


class RetentionForm(FlaskForm):
    retention_months = IntegerField(_l("Delete candidates with no activity after (months)"),
                                    validators=[DataRequired(), NumberRange(min=1, max=120)])
    privacy_notice_url = URLField(_l("Your privacy notice (address)"), validators=[Optional(), Length(max=500)],
                                  render_kw={"placeholder": "https://"})


class PairForm(FlaskForm):
    """Two candidate records (possible duplicates); ``next`` is where to go back to."""

    a = IntegerField(validators=[DataRequired(), NumberRange(min=1)], widget=HiddenInput())
    b = IntegerField(validators=[DataRequired(), NumberRange(min=1)], widget=HiddenInput())
    next = HiddenField(validators=[Optional(), Length(max=200)])


class MergeForm(PairForm):
    """The merge screen: which side's value survives for each field. The choices are the
    two records' ids (set by the view); any other value is refused."""

    version = HiddenField(validators=[DataRequired(), Length(max=64)])
    name = RadioField(_l("Name"), coerce=int, choices=[])
    email = RadioField(_l("Email"), coerce=int, choices=[])
    phone = RadioField(_l("Phone"), coerce=int, choices=[])

    def set_pair(self, first_id: int, second_id: int) -> None:
        for key in ("name", "email", "phone"):
            getattr(self, key).choices = [(first_id, str(first_id)), (second_id, str(second_id))]


def _id_or_zero(value) -> int:
    """An id from a select: a missing or malformed one is 0, which the service refuses with
    its own message (``reason_required``, ``bad_template``)."""
    return int(value) if str(value or "").isdigit() else 0


class RejectForm(FlaskForm):
    """The reject dialog (and its no-JS page). The view fills the choices; the service checks
    that the reason and the template belong to the company."""
    reason_id = SelectField(_l("Reason"), coerce=_id_or_zero, choices=[], validate_choice=False)
    note = TextAreaField(_l("Note (only your team sees it)"), validators=[Optional(), Length(max=2000)])
    email = RadioField(_l("Rejection email"), choices=[("none", _l("No email")), ("now", _l("Send now")),
                                                       ("later", _l("Send later"))], default="none")
    template_id = SelectField(_l("Email"), coerce=_id_or_zero, choices=[], validate_choice=False)
    delay_days = SelectField(_l("Send after"), coerce=_id_or_zero, choices=[], validate_choice=False)
    stage_id = HiddenField()
    view = HiddenField()
    next = HiddenField()


class RejectionReasonForm(FlaskForm):
    label = StringField(_l("Reason"), validators=[DataRequired(), Length(max=120)])


class TagForm(FlaskForm):
    """A company tag (settings: add, rename, recolour); the colour choices are the palette."""

    name = StringField(_l("Tag"), validators=[DataRequired(), Length(max=60)])
    colour = SelectField(_l("Colour"), validators=[DataRequired()])


class TagAddForm(FlaskForm):
    """Putting a tag on an application: an existing tag (``tag_id``) or a name (new or existing)."""

    tag_id = HiddenField()
    name = StringField(_l("Add a tag"), validators=[Optional(), Length(max=60)])


class ReviewerForm(FlaskForm):
    """Ask a team member to review an application (the card's "Ask to review…")."""

    user_id = SelectField(_l("Ask to review"), coerce=int, validate_choice=False)


class ShareLinkForm(FlaskForm):
    """A job's share link: its name ("LinkedIn", "University fair")."""

    name = StringField(_l("Link name"), validators=[
        DataRequired(_l("Give the link a name, e.g. LinkedIn.")),
        Length(max=80, message=_l("The name is too long (at most 80 characters)."))])


def _one_line(value):
    """Surrounding space and control characters dropped (a pasted address or name)."""
    if not isinstance(value, str):
        return value
    return "".join(ch if ch.isprintable() else " " for ch in value).strip()


ADDED_SOURCE_LABELS = {"manual": _l("Added by hand"), "referral": _l("Referred by a team member")}


class AddCandidateForm(FlaskForm):
    """"Add candidate": a person a recruiter adds to a job by hand or as a team member's
    referral, with the legal basis for processing their data (no consent on the careers form)."""

    job_id = SelectField(_l("Job"), coerce=int, choices=[], validate_choice=False)
    given_names = StringField(_l("Given name(s)"), filters=[_one_line], validators=[DataRequired(), Length(max=200)])
    family_name = StringField(_l("Family name"), filters=[_one_line], validators=[DataRequired(), Length(max=200)])
    email = EmailField(_l("Email"), filters=[_one_line], validators=[
        DataRequired(), Email(check_deliverability=False), Length(max=254)])
    phone = StringField(_l("Phone (optional)"), filters=[_one_line], validators=[Optional(), Length(max=40)])
    cv = FileField(_l("CV (PDF, optional)"))
    note = TextAreaField(_l("Note (optional)"), validators=[Optional(), Length(max=5000)])
    source = RadioField(_l("How the candidate came"), choices=list(ADDED_SOURCE_LABELS.items()), default="manual")
    referred_by_id = SelectField(_l("Referred by"), coerce=int, choices=[], validate_choice=False)
    basis = SelectField(_l("Legal basis for processing"), choices=[], validate_choice=False)
    send_confirmation = BooleanField(_l("Send the candidate the “application received” email"))
