"""People in the recruiter admin: the search (one row per person) and a person's page with
everything of theirs in the company, linked from the card (issue 16, item 5)."""

from __future__ import annotations

from flask import abort, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.accounts.tenancy import current_company_id
from app.admin.blueprint import bp
from app.admin.views.duplicates import _reasons
from app.applications import tags
from app.applications.columns import STATUS_LABELS
from app.duplicates import services as duplicates
from app.htmx import render_page_or_fragment
from app.people import queries
from app.security import company_user_required

MAX_QUERY = 200
FILE_KINDS = {"cv": _l("CV"), "reply": _l("Reply attachment")}


@bp.get("/candidates")
@company_user_required
def candidates():
    # request.args (no WTForms): a GET search box and a keyset cursor, both checked here.
    q = (request.args.get("q") or "").strip()[:MAX_QUERY]
    after = request.args.get("after", type=int)
    page = queries.search(current_company_id(), q, after if after and after > 0 else None)
    return render_page_or_fragment("admin/people/index.html", "admin/people/_table.html", q=q, page=page, after=after)


@bp.get("/candidates/<int:candidate_id>")
@company_user_required
def candidate(candidate_id: int):
    company_id = current_company_id()
    person = queries.person(company_id, candidate_id) or abort(404)
    suggestions = duplicates.suggestions_for_candidate(person.candidate)
    merges = duplicates.active_merges(company_id, person.candidate.id)
    jobs = {a.id: a.job.title if a.job else _("Pending pool") for a in person.applications}
    return render_page_or_fragment("admin/people/person.html", "admin/people/_person.html", person=person,
                                   c=person.candidate, person_jobs=jobs, tag_style=tags.colour_class,
                                   statuses=STATUS_LABELS, file_kinds=FILE_KINDS, suggestions=suggestions,
                                   merges=merges, reasons=_reasons)
