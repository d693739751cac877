"""Assessment vendors (Alva Labs, PARTNERS.md §2): integrations per company × product, the
tests per job, orders, the vendor's callbacks and the results on the application.

Calls to the vendor go through the partner delivery log (``partners.services.queue_call``)
and run in RQ tasks with retries; the vendor's signed callbacks arrive through
``partners.services.receive`` and are processed here by the handlers of the vendor.

Which inbound calls are accepted: ``integration.connect`` whenever staff have the
integration switched on (it is how the connection is finished); every other callback only
once the integration is connected (status ``configured`` or ``error``). The route answers
410 otherwise, and the handlers check again (a replay from the log).

One module per part: ``common`` (timings, names, the error), ``integrations`` (and the vendor
client), ``vendor_tests`` (the catalogue of the vendor's tests), ``settings``, ``orders`` (and
the candidate's CV; the stage-entry receiver), ``outbound`` and ``inbound`` (the partner
calls, their handlers and the gate) and ``results``. The Alva Labs ``Vendor`` and the
stage-entry receiver are wired in ``app/assessments/hooks.py``.
"""

from app.assessments.models import VENDOR
from app.assessments.services.common import (
    CONNECTED,
    INVITE_TEMPLATE,
    RANK,
    RESUME_MAX_AGE,
    RESUME_SALT,
    TESTS_CACHE_FOR,
    TESTS_RETRY_AFTER,
    AssessmentError,
    product_label,
)
from app.assessments.services.integrations import (
    active_on_card,
    all_integrations,
    callback_url,
    client_for,
    create_integration,
    enable_all,
    has_active,
    integration_of,
    integrations_of,
    is_usable,
    rotate_secret,
    set_self_service,
    update_integration,
)
from app.assessments.services.orders import (
    log_on_card,
    open_order,
    orders_of,
    orders_on_card,
    refresh_summary,
    resume_file,
    resume_url,
    send,
    send_manually,
    vendor_log,
)
from app.assessments.services.results import apply_status
from app.assessments.services.settings import DEFAULT_SETTINGS, save_settings, settings_of
from app.assessments.services.vendor_tests import cached_tests, catalogue, test_name, tests_of

__all__ = [
    "CONNECTED",
    "DEFAULT_SETTINGS",
    "INVITE_TEMPLATE",
    "RANK",
    "RESUME_MAX_AGE",
    "RESUME_SALT",
    "TESTS_CACHE_FOR",
    "TESTS_RETRY_AFTER",
    "VENDOR",  # the models' name, read by the views as services.VENDOR
    "AssessmentError",
    "active_on_card",
    "all_integrations",
    "apply_status",
    "cached_tests",
    "callback_url",
    "catalogue",
    "client_for",
    "create_integration",
    "enable_all",
    "has_active",
    "integration_of",
    "integrations_of",
    "is_usable",
    "log_on_card",
    "open_order",
    "orders_of",
    "orders_on_card",
    "product_label",
    "refresh_summary",
    "resume_file",
    "resume_url",
    "rotate_secret",
    "save_settings",
    "send",
    "send_manually",
    "set_self_service",
    "settings_of",
    "test_name",
    "tests_of",
    "update_integration",
    "vendor_log",
]
