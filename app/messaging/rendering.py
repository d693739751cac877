"""Merge fields for email templates, rendered in a sandbox.

Templates are written by staff and company admins, so they render in Jinja's sandbox with
plain-text output and only the documented merge fields.
"""

from __future__ import annotations

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

MERGE_FIELDS = {
    "candidate_name": "Candidate's full name",
    "candidate_given_name": "Candidate's given name(s)",
    "job_title": "Job title",
    "company_name": "Company name",
    "stage_name": "Stage the application is in",
    "job_url": "Link to the job on the careers page",
    "careers_url": "Link to the company's careers page",
    "link": "The action link of the email (e.g. the EMREX invite), when there is one",
}

_env = SandboxedEnvironment(autoescape=False, undefined=StrictUndefined, keep_trailing_newline=True)


class TemplateSyntaxProblem(ValueError):
    pass


def _clean_header(value: str) -> str:
    return " ".join(value.replace("\r", " ").replace("\n", " ").split())


def render(subject: str, body: str, fields: dict) -> tuple[str, str]:
    """Render subject and body; the subject is folded to one line (no header injection)."""
    values = {key: fields.get(key, "") or "" for key in MERGE_FIELDS}
    try:
        return _clean_header(_env.from_string(subject).render(values)), _env.from_string(body).render(values)
    except TemplateError as exc:
        raise TemplateSyntaxProblem(str(exc)) from exc


def check(subject: str, body: str) -> str | None:
    """The error message for an invalid template, or ``None`` when it renders."""
    try:
        render(subject, body, {key: "x" for key in MERGE_FIELDS})
    except TemplateSyntaxProblem as exc:
        return str(exc)
    return None
