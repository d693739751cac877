"""TopCV: the connection (keys, webhook URL), postings (post, update, close, link,
reconcile) and the inbound events (moderation notices, applicants).

Views call one function each; outbound calls run as logged partner deliveries in tasks;
inbound events arrive through ``partners.services.receive`` and are processed here.

One module per part: ``common`` (names, choices, the error), ``integration`` (the
connection), ``postings``, ``outbound`` (and reconciliation) and ``inbound``. TopCV's
``Vendor`` (gate, signature check, the handlers of its events and calls) is put together and
registered in ``app/boards/hooks.py``.
"""

from app.boards.services.common import CURRENCIES, LEVELS, PRODUCT, RECONCILE_EVERY, TOPCV_CONSENT, VENDOR, BoardError
from app.boards.services.inbound import split_full_name
from app.boards.services.integration import (
    accepts_events,
    boards_enabled,
    client_for,
    connection,
    disconnect,
    save_keys,
    secret_as_whsec,
    set_enabled,
    usable,
    webhook_url,
)
from app.boards.services.outbound import reconcile_postings
from app.boards.services.postings import (
    board_body,
    clean_payload,
    close_posting,
    create_posting,
    link_posting,
    posting_defaults,
    postings_of,
    update_posting,
)

__all__ = [
    "CURRENCIES", "LEVELS", "PRODUCT", "RECONCILE_EVERY", "TOPCV_CONSENT", "VENDOR", "BoardError",
    "accepts_events", "board_body", "boards_enabled", "clean_payload", "client_for", "close_posting",
    "connection", "create_posting", "disconnect", "link_posting", "posting_defaults", "postings_of",
    "reconcile_postings", "save_keys", "secret_as_whsec", "set_enabled", "split_full_name", "update_posting", "usable",
    "webhook_url"
]
