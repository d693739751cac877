"""Assessment vendors: the timings, names and error the parts share."""

from __future__ import annotations

from datetime import timedelta

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from app.assessments.models import PRODUCTS, AssessmentStatus
from app.partners.models import IntegrationStatus
from app.problems import Problem

CONNECTED = (IntegrationStatus.CONFIGURED, IntegrationStatus.ERROR)
TESTS_CACHE_FOR = timedelta(hours=1)
TESTS_RETRY_AFTER = timedelta(minutes=1)  # after a failed refresh, pages do not wait on the vendor again at once
RESUME_MAX_AGE = 7 * 24 * 3600
RESUME_SALT = "assessment-resume"
INVITE_TEMPLATE = "assessment_invite"
RANK = {AssessmentStatus.PENDING: 0, AssessmentStatus.INVITED: 1, AssessmentStatus.STARTED: 2,
        AssessmentStatus.COMPLETE: 3, AssessmentStatus.EXPIRED: 3, AssessmentStatus.CANCELLED: 3,
        AssessmentStatus.ERROR: 3, AssessmentStatus.FAILED: 3}


class AssessmentError(Problem):
    """A rule of assessments was broken; ``code`` says which."""

    messages = {
        "bad_product": _l("Pick one of the Alva products."),
        "product_exists": _l("%(product)s is already set up for %(company)s; edit it instead."),
        "key_too_long": _l("The API key is too long."),
        "org_ref_too_long": _l("The vendor's organisation reference is at most 200 characters."),
        "unknown_product": _l("Unknown assessment product."),
        "switched_off": _l("%(product)s is switched off for your company."),
        "not_connected": _l("%(product)s is not connected yet: Alva Labs still has to finish the connection."),
        "not_open": _l("Only an open application of a job can get an assessment."),
        "no_email": _l("The candidate has no email address."),
        "no_test": _l("Pick a test."),
        "already_sent": _l("This test was already sent to the candidate and is not finished yet."),
        "inactive_test": _l("Pick a test of an active assessment product."),
        "bad_test": _l("Pick one of the vendor's tests."),
        "bad_stage": _l("Pick a stage of this pipeline."),
        "half_rule": _l("To move on a passing score, give both the score and the stage."),
        "bad_target": _l("Pick a target stage of this pipeline."),
        "bad_threshold": _l("The score is a number of 0 or more."),
        "score_not_number": _l("The score must be a number."),
        "product_gone": _l("The job's assessment product no longer exists."),
    }


def problem_data(exc: Problem) -> dict:
    """A refusal as a timeline event keeps it: the English text (what older events hold) and
    the code and parameters the card words in the reader's language."""
    with force_locale("en"):
        reason = exc.message
    return {"reason": reason, "code": exc.code, "params": exc.params}


def problem_text(error_class: type[Problem], data: dict) -> str:
    """The reason of a timeline event written by :func:`problem_data`, in the reader's language."""
    if data.get("code") in error_class.messages:
        return error_class(data["code"], **(data.get("params") or {})).message
    return data.get("reason", "")


def product_label(product: str) -> str:
    return PRODUCTS.get(product, product)
