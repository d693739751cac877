"""Every feature's models, imported so Alembic and ``flask shell`` see them all."""

import app.applications.menus  # (the triggers that draw a company's list menus version)
import app.jobs.public  # noqa: F401  (bumps a company's public version with its jobs)
from app.accounts.models import AccountLink, Company, RecoveryCode, Role, TwoFactor, User  # noqa: F401
from app.applications.models import (  # noqa: F401
    Application,
    ApplicationReviewer,
    Candidate,
    StageEntry,
    StoredFile,
    TimelineEvent,
)
from app.assessments.models import *
from app.audit import AuditEntry  # noqa: F401
from app.boards.models import Posting  # noqa: F401
from app.conversations.models import InboundAttachment, InboundEmail  # noqa: F401
from app.duplicates.models import CandidateMerge, DuplicateDismissal  # noqa: F401
from app.emrex.models import (  # noqa: F401
    EmrexAttachment,
    EmrexAttempt,
    EmrexContactPoint,
    EmrexCountry,
    EmrexRegistrySync,
    EmrexRequest,
    EmrexRequestEvent,
    EmrexSummary,
    EmrexTranscript,
)
from app.interviews.models import (  # noqa: F401
    Availability,
    Interview,
    InterviewerBusy,
    InterviewInterviewer,
    InterviewPlan,
)
from app.jobs.models import Automation, AutomationRun, Job, JobTemplate, Stage  # noqa: F401
from app.messaging.models import EmailTemplate, Notification, OutboxEmail  # noqa: F401
from app.partners.models import PartnerDelivery, PartnerIntegration  # noqa: F401
from app.privacy.models import DataExportRequest  # noqa: F401
from app.scorecards.models import Scorecard, ScorecardSummary  # noqa: F401
from app.screening.models import ScreeningAnswer  # noqa: F401
