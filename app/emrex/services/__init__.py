"""EMREX requests: triggers, invites and reminders, the candidate's hand-off, the return
endpoint's import, opt-out, the registry cache. Wire protocol: PROTOCOL.md; behaviour:
PARTNERS.md §1.

One module per part: ``common`` (timings, errors), ``settings``, ``invites`` (requests and
invites), ``candidate`` (the candidate's side and opt-out), ``returns`` (the return and the
import), ``review`` (held transcripts), ``sweeper`` (the sweeper's work and the registry).
The stage-entry receiver (``invites.on_stage_entered``) is connected in ``app/emrex/hooks.py``.
"""

from app.emrex.services.candidate import (
    Choice,
    LinkState,
    applicant_label,
    can_reopen,
    choices_for,
    confirm_identity,
    countries,
    find_by_token,
    find_link,
    link_state,
    mark_opened,
    newer_request,
    opt_out,
    reopen,
    return_url,
    start_attempt,
)
from app.emrex.services.common import (
    EXPIRE_AFTER,
    HANDOFF_WINDOW,
    INVITE_KEY,
    REMINDER_DAYS,
    REMINDER_KEY,
    TOKEN_PURPOSE,
    EmrexError,
    ReviewError,
)
from app.emrex.services.invites import invite_link, open_request, request_manually, request_records
from app.emrex.services.returns import (
    CANCEL_CODES,
    NO_RESULT_CODES,
    OK_CODES,
    REFUSALS,
    ReturnOutcome,
    handle_return,
    refuse_return,
)
from app.emrex.services.review import accept_transcript, discard_transcript
from app.emrex.services.settings import DEFAULT_SETTINGS, email_templates, save_settings, set_company, settings_of
from app.emrex.services.sweeper import (
    close_stale_attempts,
    expire_requests,
    refresh_registry,
    registry_due,
    send_due_reminders,
)

__all__ = [
    "CANCEL_CODES", "DEFAULT_SETTINGS", "EXPIRE_AFTER", "HANDOFF_WINDOW", "INVITE_KEY", "NO_RESULT_CODES",
    "OK_CODES", "REFUSALS", "REMINDER_DAYS", "REMINDER_KEY", "TOKEN_PURPOSE", "Choice", "EmrexError",
    "LinkState", "ReturnOutcome", "ReviewError", "accept_transcript", "applicant_label", "can_reopen",
    "choices_for", "close_stale_attempts", "confirm_identity", "countries", "discard_transcript",
    "email_templates", "expire_requests", "find_by_token", "find_link", "handle_return", "invite_link",
    "link_state", "mark_opened", "newer_request", "open_request", "opt_out", "refresh_registry",
    "refuse_return", "registry_due", "reopen", "request_manually", "request_records", "return_url",
    "save_settings", "send_due_reminders", "set_company", "settings_of", "start_attempt"
]
