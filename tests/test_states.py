"""States as enums (issue 13, item 8): every state set is an ``enum.StrEnum`` beside its
model, the code compares and writes members, never bare strings, and every table of labels
or ranks keyed by a state covers exactly its enum's members."""

from __future__ import annotations

import ast
import enum
import re
from pathlib import Path

import pytest
from sqlalchemy import CheckConstraint

from app.accounts.models import LinkPurpose, Role, User, UserStatus
from app.applications.models import Application, ApplicationStatus
from app.assessments.models import OPEN_STATUSES, PARTNER_STATUSES, AssessmentOrder, AssessmentStatus, AssessmentSummary
from app.boards.models import OPEN_POSTING_STATUSES, POSTING_STATUSES, Posting, PostingStatus
from app.emrex.identity import IdentityMatch
from app.emrex.models import (
    COUNTED_REVIEWS,
    OPEN_STATES,
    TERMINAL_STATES,
    AttemptOutcome,
    EmrexAttempt,
    EmrexRequest,
    EmrexRequestStatus,
    EmrexSummary,
    EmrexSummaryStatus,
    EmrexTranscript,
    Review,
)
from app.extensions import db
from app.jobs.models import Job, JobStatus
from app.messaging.models import OutboxEmail, OutboxStatus
from app.partners.models import DeliveryState, IntegrationStatus, PartnerDelivery, PartnerIntegration

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app"

#: Every state column and the enum its values come from.
STATE_COLUMNS = {
    (Application, "status"): ApplicationStatus,
    (Job, "status"): JobStatus,
    (User, "role"): Role,
    (EmrexRequest, "status"): EmrexRequestStatus,
    (EmrexSummary, "status"): EmrexSummaryStatus,
    (EmrexAttempt, "outcome"): AttemptOutcome,
    (EmrexTranscript, "identity_status"): IdentityMatch,
    (EmrexTranscript, "review_status"): Review,
    (AssessmentOrder, "status"): AssessmentStatus,
    (AssessmentSummary, "status"): AssessmentStatus,
    (OutboxEmail, "status"): OutboxStatus,
    (Posting, "status"): PostingStatus,
    (PartnerIntegration, "status"): IntegrationStatus,
    (PartnerDelivery, "state"): DeliveryState,
}
STATE_ENUMS = {*STATE_COLUMNS.values(), UserStatus, LinkPurpose}  # User.status is derived

# ---------------------------------------------------------------- one style

def test_every_enum_in_app_is_a_str_enum():
    """``class X(str, Enum)`` formats as ``X.MEMBER`` in an f-string (a dedupe key, an audit
    line): one style, ``enum.StrEnum``, whose members are their values everywhere."""
    offenders = []
    for path in sorted(APP.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {ast.unparse(base) for base in node.bases}
                if bases & {"Enum", "enum.Enum", "IntEnum", "enum.IntEnum", "str"}:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}({', '.join(sorted(bases))})")
    assert offenders == []


@pytest.mark.parametrize("state_enum", sorted(STATE_ENUMS, key=lambda e: e.__name__), ids=lambda e: e.__name__)
def test_state_enums_are_str_enums_of_short_lowercase_values(state_enum):
    assert issubclass(state_enum, enum.StrEnum)
    for member in state_enum:
        assert re.fullmatch(r"[a-z][a-z_]*", member.value), member
        assert len(member.value) <= 16  # every state column is String(16)
        assert f"{member}" == member.value == str(member)


@pytest.mark.parametrize(("model", "column"), list(STATE_COLUMNS), ids=lambda x: getattr(x, "__name__", x))
def test_state_column_defaults_and_check_constraints_are_members(model, column):
    state_enum = STATE_COLUMNS[(model, column)]
    col = model.__table__.c[column]
    assert col.type.length >= max(len(m.value) for m in state_enum)
    if col.default is not None and col.default.is_scalar:
        assert col.default.arg in set(state_enum), f"{model.__name__}.{column} default {col.default.arg!r}"
    for constraint in model.__table__.constraints:
        if isinstance(constraint, CheckConstraint) and column in str(constraint.sqltext):
            literals = set(re.findall(r"'([^']*)'", str(constraint.sqltext)))
            assert literals <= {m.value for m in state_enum}, constraint.name


def test_no_check_constraint_or_db_enum_on_a_state_column_in_the_migrations():
    """The database stores the values as plain strings (String(16)); if a migration ever adds
    a CHECK or an ENUM type for a state, the test above must cover it through the models."""
    for path in (ROOT / "migrations" / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "sa.Enum(" not in text, path.name
        for match in re.finditer(r"CheckConstraint\((.*)\)", text):
            assert not re.search(r"\b(status|state|outcome)\b", match.group(1)), (path.name, match.group(0))


# ---------------------------------------------------------------- the sets the code uses

def test_named_subsets_are_members():
    assert set(EmrexRequestStatus) <= {s.value for s in EmrexSummaryStatus}
    assert set(OPEN_STATES) | set(TERMINAL_STATES) == set(EmrexRequestStatus)
    assert not set(OPEN_STATES) & set(TERMINAL_STATES)
    assert set(COUNTED_REVIEWS) == {Review.CLEAR, Review.ACCEPTED}
    assert set(OPEN_STATUSES) <= set(AssessmentStatus) and set(PARTNER_STATUSES) <= set(AssessmentStatus)
    assert set(POSTING_STATUSES) == set(PostingStatus) and set(OPEN_POSTING_STATUSES) <= set(PostingStatus)
    for group in (OPEN_STATES, TERMINAL_STATES, COUNTED_REVIEWS, OPEN_STATUSES, PARTNER_STATUSES,
                  POSTING_STATUSES, OPEN_POSTING_STATUSES):
        assert all(isinstance(x, enum.StrEnum) for x in group), group


def test_the_partner_client_knows_the_same_assessment_statuses():
    """``app/integrations`` may not import the feature (import-linter), so Alva's client keeps
    its own tuple of the statuses the vendor reports: it must be the feature's set."""
    from app.integrations import alva

    assert set(alva.PARTNER_STATUSES) == {s.value for s in PARTNER_STATUSES}


def test_label_and_rank_tables_cover_their_enum(app):
    from app.admin.emrex_panel_text import ATTEMPT_LABELS, ATTEMPT_REASONS
    from app.admin.forms import STATUS_LABELS as JOB_LABELS
    from app.admin.views.duplicates import APPLICATION_STATUS
    from app.admin.views.emrex import CLOSED_OUTCOMES
    from app.assessments.columns import STATUS_LABELS as ASSESSMENT_LABELS
    from app.assessments.services.common import RANK
    from app.emrex.columns import STATUS_LABELS as EMREX_LABELS
    from app.partners import vendors

    INTEGRATION_LABELS = vendors.get("topcv").status_labels

    assert set(JOB_LABELS) == set(JobStatus)
    assert set(INTEGRATION_LABELS) == set(IntegrationStatus)
    assert set(APPLICATION_STATUS) == set(ApplicationStatus)
    assert set(EMREX_LABELS) == set(EmrexSummaryStatus)
    assert set(ASSESSMENT_LABELS) == set(AssessmentStatus) == set(RANK)
    assert set(ATTEMPT_LABELS) == set(ATTEMPT_REASONS) == set(CLOSED_OUTCOMES)
    assert set(CLOSED_OUTCOMES) == set(AttemptOutcome) - {AttemptOutcome.OPEN, AttemptOutcome.IMPORTED}
    for table in (JOB_LABELS, INTEGRATION_LABELS, APPLICATION_STATUS, EMREX_LABELS, ASSESSMENT_LABELS, RANK,
                  ATTEMPT_LABELS, ATTEMPT_REASONS):
        assert all(isinstance(key, enum.StrEnum) for key in table)


def test_members_go_in_and_plain_values_come_back_out(make):
    """What the services write from a member is stored as its plain value, and what the
    database gives back (a ``str``) compares, hashes and looks up as the member."""
    company = make.company()
    job = make.job(company)
    application = make.application(job)
    assert application.status == ApplicationStatus.OPEN
    application_id = application.id
    db.session.commit()
    db.session.expire_all()
    stored = db.session.execute(db.text("SELECT status FROM applications WHERE id = :id"),
                                {"id": application_id}).scalar_one()
    assert type(stored) is str and stored == "open"
    again = db.session.get(Application, application_id)
    assert type(again.status) is str and again.status == ApplicationStatus.OPEN and again.is_open
    assert {ApplicationStatus.OPEN: "label"}[again.status] == "label"
    assert db.session.get(Job, job.id).status == JobStatus.PUBLISHED


# ---------------------------------------------------------------- no bare state strings

STATE_ATTRS = {"status", "state", "outcome", "review_status", "identity_status"}

#: Modules whose ``status``/``outcome`` strings are not a Haku row's state.
ALLOWED_MODULES = {
    "app/emrex/elmo/": "ELMO document values (PROTOCOL §7: passed / failed / in-progress), parsed in the "
                       "per-course hot loops; not a Haku state",
    "app/emrex/grades.py": "the same ELMO result values and the GPA role of one course (a computed label)",
    "app/integrations/": "partner clients speak the vendor's wire values and may not import a feature "
                         "(import-linter); alva.PARTNER_STATUSES is checked against the feature above",
    "app/health.py": "the health endpoint's JSON answer (ok / degraded / down), not a stored state",
}
#: Single sites, by file and the source of the flagged node.
ALLOWED_SITES = {
    ("app/applications/automations.py", "run.outcome = 'skipped'"): "AutomationRun.outcome records what a run "
        "did, composed (\"email+move\"): a log line, not a state set",
    ("app/applications/automations.py", "run.outcome = 'loop'"): "the same AutomationRun log field",
    ("app/admin/board.py", "status='all'"): "the applications list's status filter (every status but the Pending "
        "pool) in a link: a filter choice, not a state",
    ("app/applications/export.py", "status='all'"): "the same list filter choice, for a bulk selection's export",
    ("app/partners/services/inbound.py", "'duplicate'"): "the intake's HTTP answer body to the vendor",
    ("app/partners/services/inbound.py", "'accepted' if known else 'ignored'"): "the intake's HTTP answer body",
}


def _is_state(node) -> bool:
    return ((isinstance(node, ast.Attribute) and node.attr in STATE_ATTRS)
            or (isinstance(node, ast.Name) and node.id in STATE_ATTRS))


def _has_literal(node) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return any(_has_literal(e) for e in node.elts)
    if isinstance(node, ast.IfExp):
        return _has_literal(node.body) or _has_literal(node.orelse)
    return False


def bare_state_literals(tree: ast.AST) -> list[tuple[int, str]]:
    """Where a state is compared with, filtered by or set to a string literal:
    ``x.status == "open"``, ``x.state in ("a", "b")``, ``X.status.in_(("a",))``,
    ``x.status = "open"`` (also in a tuple assignment), ``status="open"`` as a keyword
    (a constructor, ``.values()``) and ``{"status": "open"}``."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(_is_state(o) for o in operands) and any(_has_literal(o) for o in operands):
                found.append((node.lineno, ast.unparse(node)))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in ("in_", "not_in", "notin_") and _is_state(node.func.value)):
            if any(_has_literal(a) for a in node.args):
                found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                pairs = [(target, node.value)]
                if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                    pairs = list(zip(target.elts, node.value.elts, strict=False))
                for left, right in pairs:
                    keyed = (isinstance(left, ast.Subscript) and isinstance(left.slice, ast.Constant)
                             and left.slice.value in STATE_ATTRS)
                    if (_is_state(left) or keyed) and _has_literal(right):
                        found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.keyword):
            if node.arg in STATE_ATTRS and _has_literal(node.value):
                found.append((node.value.lineno, ast.unparse(node)))
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and key.value in STATE_ATTRS and _has_literal(value):
                    found.append((value.lineno, ast.unparse(value)))
    return found


def test_the_walk_finds_each_kind_of_bare_literal():
    source = '''
if row.status == "open" or x.state in ("a", "b") or status != "c": pass
q = select(T).where(T.status.in_(("open", "closed")))
row.status = "closed"
row.status, row.closed_at = "closed", now
values["status"] = "done"
Model(status="pending")
stmt.values(state="retrying")
d = {"status": "x" if ok else "y"}
fine = row.status == Status.OPEN and row.kind == "open" and row.status == 200 and T.status.in_(OPEN)
'''
    found = bare_state_literals(ast.parse(source))
    assert sorted({line for line, _ in found}) == [2, 3, 4, 5, 6, 7, 8, 9]
    assert len([line for line, _ in found if line == 2]) == 3


def test_no_bare_state_string_in_app():
    offenders, used = [], set()
    for path in sorted(APP.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if any(rel.startswith(prefix) for prefix in ALLOWED_MODULES):
            continue
        for line, source in bare_state_literals(ast.parse(path.read_text(encoding="utf-8"))):
            site = next((key for key in ALLOWED_SITES if key[0] == rel and key[1] in source), None)
            if site is None:
                offenders.append(f"{rel}:{line}: {source[:120]}")
            else:
                used.add(site)
    assert offenders == [], "compare and set states with enum members (StrEnum), not strings"
    assert used == set(ALLOWED_SITES), f"stale allowlist entries: {set(ALLOWED_SITES) - used}"
    for prefix in ALLOWED_MODULES:
        assert (ROOT / prefix).exists(), f"stale allowlist entry: {prefix}"
