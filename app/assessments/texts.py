"""The assessment vendor's stored texts (an integration's and an order's ``status_detail``,
the delivery log's summary and error), as codes worded in the reader's language when shown;
registered as the vendor's ``texts`` in hooks.py (see app/partners/texts.py). ``cause`` is
the failed call's own stored text, ``detail`` what was wrong with the vendor's data."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

TEXTS = {
    # an integration's status_detail
    "alva.key_refused": _l("The vendor refused the API key: %(cause)s"),
    # the test picker's problem (the integration's cache)
    "alva.tests_not_loaded": _l("The list of tests could not be loaded: %(cause)s"),
    # calls that were not made, or failed (delivery errors, an order's status_detail)
    "alva.no_key": _l("No vendor API key is set for this integration."),
    "alva.order_gone": _l("The order no longer exists."),
    "alva.order_not_waiting": _l("The order is no longer waiting to be sent (%(status)s); nothing was sent."),
    "alva.other_order_open": _l("Another order for this test is open for the candidate; nothing was sent."),
    "alva.switched_off": _l("The integration is switched off or not connected; nothing was sent."),
    "alva.test_refused": _l("The vendor refused the test."),
    "alva.unreachable": _l("The vendor could not be reached: %(cause)s"),
    "alva.no_answer": _l("The vendor could not be reached: no answer."),
    "alva.no_sent_order": _l("No sent order to ask about."),
    # inbound events that could not be processed
    "alva.not_connected": _l("The integration is not connected (or switched off); nothing was changed."),
    "alva.unknown_application": _l("The application_ref is unknown in this integration's company."),
    "alva.bad_account_ref": _l("data.vendor_account_ref must be a string of 1–200 characters."),
    "alva.unknown_interview": _l("The partner_interview_id is unknown for this integration (if the send was still "
                                 "running, replay this event)."),
    "alva.bad_status": _l("The data is not a test status: %(detail)s"),
    "alva.no_order_for_result": _l("No assessment was sent for this application with this integration."),
    "alva.bad_result": _l("The data is not a result card: %(detail)s"),
    "alva.bad_logs": _l("The data is not a list of log entries: %(detail)s"),
    # summaries in the delivery log
    "alva.list_tests_summary": _l("List the vendor's tests"),
    "alva.status_summary": _l("Ask for the status of %(interview)s"),
    "alva.send_summary": _l("Send %(test)s (order %(order)s)"),
    "alva.sent_summary": _l("Order %(order)s sent as %(interview)s"),
}
