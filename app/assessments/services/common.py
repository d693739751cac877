"""Assessment vendors: the timings, names and error the parts share."""

from __future__ import annotations

from datetime import timedelta

from app.assessments.models import PRODUCTS, AssessmentStatus
from app.partners.models import IntegrationStatus

CONNECTED = (IntegrationStatus.CONFIGURED, IntegrationStatus.ERROR)
TESTS_CACHE_FOR = timedelta(hours=1)
TESTS_RETRY_AFTER = timedelta(minutes=1)  # after a failed refresh, pages do not wait on the vendor again at once
RESUME_MAX_AGE = 7 * 24 * 3600
RESUME_SALT = "assessment-resume"
INVITE_TEMPLATE = "assessment_invite"
RANK = {AssessmentStatus.PENDING: 0, AssessmentStatus.INVITED: 1, AssessmentStatus.STARTED: 2,
        AssessmentStatus.COMPLETE: 3, AssessmentStatus.EXPIRED: 3, AssessmentStatus.CANCELLED: 3,
        AssessmentStatus.ERROR: 3, AssessmentStatus.FAILED: 3}


class AssessmentError(ValueError):
    """A rule of assessments was broken; the message is for the person."""


def product_label(product: str) -> str:
    return PRODUCTS.get(product, product)
