"""Forms of the assessment screens in the recruiter admin: the company's products (Settings →
Assessments, self-service), the test per job and template, "Send assessment".

Field names are the ones the pages have always posted. The test pickers are grouped by
product and written by hand (``_test_picker.html``); the form checks the shape of the choice
("<integration id>:<test id>") and the service checks that the test exists."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, SubmitField
from wtforms.validators import ValidationError

from app.forms import ChoiceField, strip, vendor_api_key


def test_choice(value: str | None) -> tuple[int | None, str | None]:
    """``"<integration id>:<test id>"`` from a test picker; (None, None) for none or nonsense."""
    head, sep, tail = (value or "").partition(":")
    if not sep or not head.isdigit() or not tail:
        return None, None
    return int(head), tail


class _TestPicker:
    test = StringField(_l("Test"), filters=[strip])
    refresh_tests = SubmitField(_l("Refresh the list of tests"))

    def choice(self) -> tuple[int | None, str | None]:
        return test_choice(self.test.data)


class ProductAddForm(FlaskForm):
    product = ChoiceField(_l("Product"), id="pa-product", coerce=str, message=_l("Pick one of the Alva products."))
    api_key = vendor_api_key(_l("Alva API key"), id="pa-key")


class ProductUpdateForm(FlaskForm):
    is_active = BooleanField(_l("Is active"))
    api_key = vendor_api_key(_l("Alva API key"))


class AssessmentSettingsForm(_TestPicker, FlaskForm):
    trigger_stage_id = ChoiceField(_l("Send the test when an application enters"),
                                   message=_l("Pick a stage of this pipeline."))
    move_on_score = BooleanField(_l("Move the application when the score reaches a threshold"))
    threshold = StringField(_l("Score at least"), filters=[strip])
    target_stage_id = ChoiceField(_l("Move it to"), message=_l("Pick a target stage of this pipeline."))

    @classmethod
    def for_owner(cls, owner) -> AssessmentSettingsForm:
        form = cls()
        stages = [(s.id, s.name) for s in owner.stages]
        form.trigger_stage_id.choices = [("", "")] + stages
        form.target_stage_id.choices = [("", "")] + stages
        return form

    def validate_test(self, field):
        if field.data and self.choice() == (None, None):
            raise ValidationError(_l("Pick one of the vendor's tests."))

    def validate_threshold(self, field):
        if not self.move_on_score.data:
            return
        if not field.data:
            raise ValidationError(_l("To move on a passing score, give both the score and the stage."))
        try:
            value = float(field.data)
        except ValueError:
            raise ValidationError(_l("The score must be a number.")) from None
        if not 0 <= value <= 1_000_000:
            raise ValidationError(_l("The score is a number of 0 or more."))

    def validate_target_stage_id(self, field):
        if self.move_on_score.data and field.data is None and not field.errors:
            raise ValidationError(_l("To move on a passing score, give both the score and the stage."))

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if not self.move_on_score.data and self.target_stage_id.errors:
            # without the move the target is not used (a stale value is no error)
            self.target_stage_id.errors = []
            valid = not any(self.errors.values())
        return valid

    def move(self) -> tuple[float | None, int | None]:
        """(threshold, target stage) when the move is on, else (None, None)."""
        if not self.move_on_score.data:
            return None, None
        return float(self.threshold.data), self.target_stage_id.data


class SendAssessmentForm(_TestPicker, FlaskForm):
    def validate_test(self, field):
        if self.choice() == (None, None):
            raise ValidationError(_l("Pick a test."))
