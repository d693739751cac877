"""TopCV's stored texts (the integration's ``status_detail``, a posting's ``last_error``, the
delivery log's summary and error), as codes worded in the reader's language when shown;
registered as the vendor's ``texts`` in hooks.py (see app/partners/texts.py). A posting's
last error is one of ``BoardError``'s refusals, stored as ``topcv.<its code>``; ``cause``
and ``error`` are the failed call's own stored text."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from app.boards.services.common import BoardError

TEXTS = {
    **{f"topcv.{code}": text for code, text in BoardError.messages.items()},
    # the integration's status_detail
    "topcv.keys_refused_stored": _l("TopCV refused the stored keys; paste new ones."),
    "topcv.last_call_failed": _l("The last call failed: %(cause)s"),
    # a posting's last error, a call's error
    "topcv.no_board_job_id": _l("TopCV's answer had no board_job_id."),
    "topcv.job_unknown": _l("TopCV no longer knows this job."),
    "topcv.gave_up": _l("TopCV did not answer after %(attempts)s tries: %(cause)s"),
    # inbound events that could not be processed
    "topcv.data_not_object": _l("The data must be an object."),
    "topcv.no_posting": _l("Haku has no posting for TopCV job %(job)s."),
    "topcv.applicant_incomplete": _l("The applicant has no name, or no email, phone or application id."),
    # why an applicant waits in the Pending pool (the application's pending_reason)
    "topcv.pending_job_closed": _l("the job of this TopCV posting (“%(title)s”) is closed"),
    "topcv.pending_no_title": _l("TopCV sent no job title and no known posting"),
    "topcv.pending_many_jobs": _l("%(count)s open jobs have the title “%(title)s”"),
    "topcv.pending_no_job": _l("no TopCV posting and no open job titled “%(title)s”"),
    # summaries in the delivery log
    "topcv.validate_summary": _l("Check the keys"),
    "topcv.post_summary": _l("Post “%(title)s”"),
    "topcv.update_summary": _l("Update “%(title)s”"),
    "topcv.close_summary": _l("Close %(job)s"),
    "topcv.ownership_summary": _l("Check who owns %(job)s"),
    "topcv.same_second_summary": _l("Notices in the same second about %(job)s"),
    "topcv.reconcile_summary": _l("Check the status of %(job)s"),
}
