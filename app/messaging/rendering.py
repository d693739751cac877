"""Merge fields for email templates: substitution only, no template language.

Templates are written by platform staff and company admins (tenants), so their text is never
given to Jinja or any other engine that can run code. The only construct is a merge field,
``{{ field_name }}`` (whitespace inside the braces optional), for one of ``MERGE_FIELDS``.
Anything else that looks like template syntax (``{%``, ``{#``, filters, attribute access,
expressions, unknown names, a ``{{`` without its ``}}`` or a stray ``}}``) is refused when the
template is saved. A literal ``{{`` or ``}}`` cannot be written: emails have no use for it, and
an escape syntax would be one more thing to get wrong. Single braces are ordinary text.

Rendering is one left-to-right pass: a substituted value is never read again, so a candidate
named ``{{ job_title }}`` is greeted by that literal name. Sizes are bounded: the template at
save (``MAX_TEMPLATE_CHARS``, ``MAX_FIELDS``), each value (``MAX_VALUE_CHARS``) and the output
(``MAX_OUTPUT_CHARS``; the subject also fits its column).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from flask_babel import lazy_gettext as _l
from markupsafe import escape

MERGE_FIELDS = {
    "candidate_name": _l("Candidate's full name"),
    "candidate_given_name": _l("Candidate's given name(s)"),
    "job_title": _l("Job title"),
    "company_name": _l("Company name"),
    "stage_name": _l("Stage the application is in"),
    "job_url": _l("Link to the job on the careers page"),
    "careers_url": _l("Link to the company's careers page"),
    "interview_time": _l("The interview's date and time, in the reader's time zone"),
    "interview_place": _l("Where the interview is: the address, the video link or the phone call"),
    "link": _l("The action link of the email (e.g. the EMREX invite), when there is one"),
}

MAX_TEMPLATE_CHARS = 20_000  # subject and body together, checked at save
MAX_FIELDS = 200  # merge fields in one template, checked at save
MAX_VALUE_CHARS = 2_000  # a longer value is cut
MAX_OUTPUT_CHARS = 100_000  # a rendered body is cut here
MAX_SUBJECT_CHARS = 300  # the outbox column

# Where something template-like starts or a field ends; everything between is plain text.
_MARK = re.compile(r"\{\{|\}\}|\{%|\{#")
_FIELD = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
_SNIPPET_CHARS = 60


@dataclass
class TemplateProblem(Exception):
    """Why a template is refused, as a code and parameters; the view words it.

    ``code``: ``unknown_field``, ``not_a_field`` (filters, attributes, expressions),
    ``code`` (``{%`` or ``{#``), ``unclosed`` (``{{`` without ``}}``), ``unopened`` (a stray
    ``}}``), ``too_long``, ``too_many_fields``. ``part`` is ``subject`` or ``body``.
    """

    code: str
    part: str = "body"
    text: str = ""
    count: int = 0

    def __str__(self) -> str:
        return f"{self.part}: {self.code} {self.text!r}"


def _snippet(text: str, start: int) -> str:
    """The offending text from ``start``: up to and including its ``}}`` (or ``%}``, ``#}``)
    when that is near, else a short excerpt of the line."""
    line_end = text.find("\n", start)
    line = text[start:] if line_end == -1 else text[start:line_end]
    match = re.search(r"\}\}|%\}|#\}", line[2:])
    if match and match.end() + 2 <= _SNIPPET_CHARS:
        return line[:match.end() + 2]
    return line[:_SNIPPET_CHARS] + ("…" if len(line) > _SNIPPET_CHARS else "")


@lru_cache(maxsize=512)
def parse(text: str, part: str = "body") -> tuple[str | tuple[str], ...]:
    """The template as plain-text pieces (``str``) and fields (``(name,)``), or
    ``TemplateProblem`` for the first thing that is not plain text or a known field."""
    pieces: list[str | tuple[str]] = []
    pos = 0
    while True:
        mark = _MARK.search(text, pos)
        if mark is None:
            if pos < len(text):
                pieces.append(text[pos:])
            return tuple(pieces)
        start, token = mark.start(), mark.group()
        if token in ("{%", "{#"):
            raise TemplateProblem("code", part, _snippet(text, start))
        if token == "}}":
            raise TemplateProblem("unopened", part, "}}")
        field = _FIELD.match(text, start)
        if field is None:
            if "}}" not in text[start + 2:].split("{{", 1)[0]:
                raise TemplateProblem("unclosed", part, _snippet(text, start))
            raise TemplateProblem("not_a_field", part, _snippet(text, start))
        if field.group(1) not in MERGE_FIELDS:
            raise TemplateProblem("unknown_field", part, field.group())
        if start > pos:
            pieces.append(text[pos:start])
        pieces.append((field.group(1),))
        pos = field.end()


def check(subject: str, body: str) -> None:
    """Raise ``TemplateProblem`` unless subject and body are plain text with known fields,
    within the size limits."""
    total = len(subject) + len(body)
    if total > MAX_TEMPLATE_CHARS:
        raise TemplateProblem("too_long", "body", count=total)
    parts = {"subject": parse(subject, "subject"), "body": parse(body, "body")}
    for part, pieces in parts.items():
        fields = sum(1 for piece in pieces if isinstance(piece, tuple))
        if fields > MAX_FIELDS:
            raise TemplateProblem("too_many_fields", part, count=fields)


def substitute(text: str, fields: dict, *, html: bool = False, limit: int = MAX_OUTPUT_CHARS) -> str:
    """One pass over ``text``: each field becomes its value (HTML-escaped when ``html``),
    never read again. Output stops at ``limit`` characters.

    A stored template that no longer parses (it could only have come from outside the save
    path) renders its text as it is, without substitutions: the email still goes out and
    nothing in it is evaluated.
    """
    try:
        pieces = parse(text)
    except TemplateProblem:
        pieces = (text,)
    out: list[str] = []
    size = 0
    for piece in pieces:
        if isinstance(piece, tuple):
            value = fields.get(piece[0])
            value = "" if value is None else str(value)[:MAX_VALUE_CHARS]
            piece = str(escape(value)) if html else value
        out.append(piece[:limit - size])
        size += len(out[-1])
        if size >= limit:
            break
    return "".join(out)


def clean_header(value: str) -> str:
    """One line, bounded: no header injection through a value with a newline. Too long (a
    200-character name and job title), it ends with "…" after a whole word where one ends
    near the cut, as a mail client's subject line would show it."""
    line = " ".join(value.replace("\r", " ").replace("\n", " ").split())
    if len(line) <= MAX_SUBJECT_CHARS:
        return line
    cut = line[:MAX_SUBJECT_CHARS - 1]
    space = cut.rfind(" ")
    if space > MAX_SUBJECT_CHARS - 60:
        cut = cut[:space]
    return cut.rstrip(" ,;:·-–") + "…"


def render(subject: str, body: str, fields: dict) -> tuple[str, str]:
    """Render subject and body (plain text: values are not escaped); the subject is folded
    to one line and cut to its column."""
    return clean_header(substitute(subject, fields, limit=MAX_SUBJECT_CHARS * 4)), substitute(body, fields)
