"""Forms of the interview screens: a new interview (from the card), booking a time, the
user's availability."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    RadioField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import InputRequired, NumberRange, Optional, StopValidation
from wtforms.widgets import CheckboxInput, ListWidget

from app.forms import ChoiceField, strip

WEEKDAYS = (_l("Monday"), _l("Tuesday"), _l("Wednesday"), _l("Thursday"), _l("Friday"), _l("Saturday"), _l("Sunday"))


class _Checkboxes(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def _some(form, field) -> None:
    """At least one box ticked. Not ``InputRequired``: its flag would make every checkbox
    required in the browser."""
    if not field.data:
        raise StopValidation(_l("Choose at least one interviewer."))


class BookForm(FlaskForm):
    date = DateField(_l("Date"), validators=[Optional()])
    time = TimeField(_l("Time"), validators=[Optional()])


class InterviewForm(BookForm):
    kind = ChoiceField(_l("Type"), coerce=str, message=_l("Choose phone, video or on site."),
                       choices=[("video", _l("Video")), ("phone", _l("Phone")), ("onsite", _l("On site"))])
    duration = IntegerField(_l("Duration (minutes)"), default=45,
                            validators=[InputRequired(_l("Give the duration in minutes.")),
                                        NumberRange(15, 480, _l("The duration must be between 15 and 480 minutes."))])
    interviewers = _Checkboxes(_l("Interviewers"), coerce=int, validators=[_some])
    location = StringField(_l("Place, video link or phone number"), filters=[strip])
    then = RadioField(_l("Then"), default="time", choices=[
        ("time", _l("Book a time now")), ("link", _l("Send the candidate a link to choose a time")),
        ("later", _l("Decide later"))])


class AvailabilityForm(FlaskForm):
    day0 = StringField(WEEKDAYS[0], filters=[strip])
    day1 = StringField(WEEKDAYS[1], filters=[strip])
    day2 = StringField(WEEKDAYS[2], filters=[strip])
    day3 = StringField(WEEKDAYS[3], filters=[strip])
    day4 = StringField(WEEKDAYS[4], filters=[strip])
    day5 = StringField(WEEKDAYS[5], filters=[strip])
    day6 = StringField(WEEKDAYS[6], filters=[strip])
    blocked = TextAreaField(_l("Blocked times"), filters=[strip])

    def days(self) -> list:
        return [getattr(self, f"day{i}") for i in range(7)]


class InterviewPlanForm(FlaskForm):
    stage = ChoiceField(_l("When an application enters"), message=_l("Choose a stage of this job."))
    kind = InterviewForm.kind
    duration = InterviewForm.duration
    interviewers = _Checkboxes(_l("Interviewers"), coerce=int)
    location = InterviewForm.location
    is_active = BooleanField(_l("On: send the candidate a link to choose an interview time"), default=True)
