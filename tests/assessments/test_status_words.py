"""An integration's status is shown in the reader's language (issue 14), on the admin's
assessment products page and the staff screens alike."""

from __future__ import annotations

import pytest
from flask_babel import force_locale

from app.partners.models import IntegrationStatus, PartnerIntegration
from app.partners.services import describe_status
from tests.support.readers import worded


@pytest.mark.parametrize("lang", ["en", "fi", "sv", "vi"])
def test_each_status_is_worded_in_the_readers_language(app, lang):
    words = {IntegrationStatus.NOT_CONFIGURED: "Not configured", IntegrationStatus.CONFIGURED: "Configured",
             IntegrationStatus.ERROR: "Error", IntegrationStatus.DISCONNECTED: "Disconnected"}
    with app.test_request_context(), force_locale(lang):
        shown = {status: describe_status(PartnerIntegration(status=status)) for status in words}
    assert shown == {status: worded(app, lang, msgid) for status, msgid in words.items()}
    assert lang == "en" or shown[IntegrationStatus.CONFIGURED] != "Configured"
