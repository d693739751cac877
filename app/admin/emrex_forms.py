"""The EMREX settings form of a job or job template (Settings → EMREX on the job's page).

The choices come from the owner's stages and the staff-managed invite templates, so the form
is built for one owner with ``for_owner``; the service checks the same rules again."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField

from app.forms import ChoiceField


class EmrexSettingsForm(FlaskForm):
    email_template_id = ChoiceField(_l("Email template"), id="emrex-template",
                                    message=_l("Pick one of the EMREX email templates."))
    trigger_stage_id = ChoiceField(_l("Send the request when an application enters"), id="emrex-trigger",
                                   message=_l("Pick a stage of this pipeline."))
    reminders_enabled = BooleanField(_l("Send reminders after 3, 7 and 14 days until the candidate answers"),
                                     id="emrex-reminders")

    @classmethod
    def for_owner(cls, owner, templates, settings: dict | None = None) -> EmrexSettingsForm:
        """The form of ``owner`` (a job or template): what was posted, or, given ``settings``,
        those (the form as saved, also right after a save)."""
        form = cls(formdata=None, data=settings) if settings is not None else cls()
        form.email_template_id.choices = [("", _l("Standard EMREX invitation"))] + [
            (t.id, f"{t.display_name} ({t.locale})") for t in templates]
        form.trigger_stage_id.choices = [("", _l("— no stage: only by hand from the application's ⋯ menu —"))] + [
            (s.id, f"{s.name} {_l('(on apply)')}" if i == 0 else s.name) for i, s in enumerate(owner.stages)]
        return form
