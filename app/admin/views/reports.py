"""Reports (issue 18 item 6): the list of reports and one page per report (filters, an SVG
chart that needs no JavaScript, a table) with its CSV. The figures are ``app.reports``'s; a
hiring manager's cover their teams' jobs only."""

from __future__ import annotations

from flask import abort, current_app, render_template, request
from flask_login import current_user

from app.accounts.tenancy import current_company_id
from app.admin.blueprint import bp
from app.clock import utcnow
from app.reports import queries
from app.reports.export import report_csv as csv_of
from app.reports.filters import FilterError, default, parse
from app.reports.registry import BY_KEY, REPORTS
from app.security import company_user_required


@bp.get("/reports")
@company_user_required
def reports():
    return render_template("admin/reports/index.html", reports=REPORTS)


def _run(key: str):
    """(report, filters or None, result or None, error, choices) for the request's filters."""
    report = BY_KEY.get(key)
    if report is None:
        abort(404)
    company_id = current_company_id()
    user = current_user._get_current_object()
    choices = queries.job_choices(company_id, user)
    today = utcnow().date()
    try:
        filters = parse(request.args, today, {c.id for c in choices}, {c.department for c in choices if c.department})
    except FilterError as error:
        return report, default(today), None, str(error), choices
    return report, filters, report.build(company_id, filters, user, today), None, choices


@bp.get("/reports/<report>")
@company_user_required
def report(report: str):
    report_, filters, result, error, choices = _run(report)
    departments = sorted({c.department for c in choices if c.department}, key=str.lower)
    # A bad filter shows the form again with what was typed and the message (400, nothing computed).
    typed = {k: request.args.get(k, "") for k in ("from", "to", "job", "department")} if error else filters.params()
    body = render_template("admin/reports/report.html", report=report_, filters=filters, typed=typed, result=result,
                           error=error, jobs=choices, departments=departments)
    return (body, 400) if error else body


@bp.get("/reports/<report>/export.csv")
@company_user_required
def report_csv(report: str):
    report_, filters, result, error, _choices = _run(report)
    if error:
        return current_app.response_class(error, status=400, mimetype="text/plain")
    response = current_app.response_class(csv_of(result), mimetype="text/csv")
    name = f"{report_.key}-{filters.start.isoformat()}-{filters.end.isoformat()}.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
