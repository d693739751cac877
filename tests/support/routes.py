"""The URL parameters of every route, for the tests that walk ``app.url_map``.

A walk never skips a route quietly: a route whose parameter is not in ``PARAMETERS`` fails the
walk with a message naming what to add, and each walk counts what it walked against what it
meant to walk (``assert_walked``), so a route left out must be listed with a reason."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from werkzeug.routing import Rule

#: ``(kind, key in a world's ids)``: routes with ``<kind>/<int:owner_id>`` are walked once per owner kind.
OWNER_KINDS = (("job", "owner_job"), ("template", "owner_template"))


@dataclass(frozen=True)
class Parameter:
    """How the walks fill one URL parameter.

    ``tenant`` gives the value from a tenant's ids (the ``world`` fixture's ``ids["a"]`` or
    ``ids["b"]``) and the endpoint; ``placeholder`` is a value of the right type for the walks
    that stop at the door (login, role, two-factor) and never look a row up."""

    tenant: Callable[[str, Mapping], object]
    placeholder: object


def _id(key: str) -> Callable[[str, Mapping], object]:
    return lambda endpoint, ids: ids[key]


def _unknown(endpoint: str, ids: Mapping) -> object:
    return "unknown-token"


PARAMETERS: dict[str, Parameter] = {
    "application_id": Parameter(
        lambda endpoint, ids: ids["pending_id"] if endpoint.startswith("admin.pending") else ids["application_id"], 1),
    "attachment_id": Parameter(_id("attachment_id"), 1),
    "automation_id": Parameter(_id("automation_id"), 1),
    "bulk_id": Parameter(_id("bulk_id"), 1),
    "candidate_id": Parameter(_id("candidate_id"), 1),
    "company_id": Parameter(_id("company_id"), 1),
    "delivery_id": Parameter(_id("delivery_id"), 1),
    "integration_id": Parameter(_id("integration_id"), 1),
    "interview_id": Parameter(_id("interview_id"), 1),
    "job_id": Parameter(_id("job_id"), 1),
    "link_id": Parameter(_id("link_id"), 1),  # also the RQ job id of staff.task_retry (any string)
    "merge_id": Parameter(_id("merge_id"), 1),
    "posting_id": Parameter(_id("posting_id"), 1),
    "reply_file_id": Parameter(_id("reply_file_id"), 1),
    "reason_id": Parameter(_id("reason_id"), 1),
    "stage_id": Parameter(_id("stage_id"), 1),
    "tag_id": Parameter(_id("tag_id"), 1),
    "template_id": Parameter(
        lambda endpoint, ids: ids["email_template_id"] if "email_template" in endpoint else ids["template_id"], 1),
    "transcript_id": Parameter(_id("transcript_id"), 1),
    "user_id": Parameter(_id("user_id"), 1),
    "question_key": Parameter(lambda endpoint, ids: "q1", "q1"),  # a screening question of the job
    "direction": Parameter(lambda endpoint, ids: "down", "down"),
    "queue": Parameter(lambda endpoint, ids: "emails", "emails"),
    "slug": Parameter(_id("slug"), "alpha"),
    # A link token: the EMREX invitation's when the world has one, otherwise one nobody was sent.
    "token": Parameter(
        lambda endpoint, ids: ids.get("emrex_token", "unknown-token") if endpoint == "portal.emrex_token"
        else "unknown-token", "unknown-token"),
    # Partner calls: ids nobody was given (the walks see the refusal, never a partner's data).
    "external_id": Parameter(_unknown, "unknown-token"),
    "application_ref": Parameter(_unknown, "unknown-token"),
    "partner_interview_id": Parameter(_unknown, "unknown-token"),
    "report": Parameter(lambda endpoint, ids: "time-to-hire", "time-to-hire"),
    "filename": Parameter(lambda endpoint, ids: "css/haku.css", "css/haku.css"),
    # Filled together, once per entry of OWNER_KINDS.
    "kind": Parameter(lambda endpoint, ids: None, "job"),
    "owner_id": Parameter(lambda endpoint, ids: None, 1),
}


def check_parameters(rule: Rule) -> None:
    """Fail, saying what to add, when ``rule`` has a parameter the walks do not know."""
    unknown = sorted(set(rule.arguments) - PARAMETERS.keys())
    assert not unknown, (
        f"route {rule.endpoint} ({rule.rule}) has URL parameter(s) {unknown} that the route walks do not know: "
        f"add each to PARAMETERS in tests/support/routes.py (its value from a tenant's ids, and a placeholder), "
        f"and its id to the world in tests/support/world.py")


def fill(rule: Rule, ids: Mapping) -> list[str]:
    """The concrete URLs of ``rule`` with one tenant's ids (two for ``<kind>/<owner_id>`` routes)."""
    check_parameters(rule)
    values = {arg: PARAMETERS[arg].tenant(rule.endpoint, ids) for arg in rule.arguments
              if arg not in ("kind", "owner_id")}
    if "kind" in rule.arguments:
        return [rule.build({**values, "kind": kind, "owner_id": ids[key]}, append_unknown=False)[1]
                for kind, key in OWNER_KINDS]
    return [rule.build(values, append_unknown=False)[1]]


def placeholder_url(rule: Rule, **values) -> str:
    """One URL of ``rule`` with placeholder values (for walks that never reach a row);
    ``values`` overrides some (``company_id=acme.id``)."""
    check_parameters(rule)
    return rule.build({arg: values.get(arg, PARAMETERS[arg].placeholder) for arg in rule.arguments},
                      append_unknown=False)[1]


def assert_walked(walked: Iterable[str], expected: Iterable[str], skipped: Mapping[str, str] | None = None) -> int:
    """Every expected endpoint was walked, except those in ``skipped`` (endpoint → reason).

    Returns how many endpoints were walked, for the caller's own floor."""
    walked, expected, skipped = set(walked), set(expected), dict(skipped or {})
    stale = sorted(set(skipped) - expected)
    assert not stale, f"endpoints listed as skipped that the walk would not visit (remove them): {stale}"
    missing = sorted(expected - walked - set(skipped))
    assert not missing, f"routes the walk did not visit: {missing}"
    visited_anyway = sorted(walked & set(skipped))
    assert not visited_anyway, f"routes listed as skipped were walked (remove them from the list): {visited_anyway}"
    return len(walked)
