"""Bulk actions on the applications list: the form around the table posts here."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import ngettext
from flask_login import current_user
from htmx_flask import make_response

from app.accounts.tenancy import current_company_id, get_or_404
from app.admin.blueprint import bp
from app.admin.views.applications import _list_query
from app.applications.models import BulkStatus
from app.bulk import services as bulk
from app.htmx import is_htmx
from app.jobs.models import Job
from app.security import company_user_required, safe_next


def _ids(values: list[str]) -> list[int]:
    return [int(v) for v in values if v.isdigit() and len(v) < 12]


def _summary(action) -> str:
    parts = [ngettext("%(num)d application changed", "%(num)d applications changed", action.done)]
    if action.skipped:
        parts.append(ngettext("%(num)d skipped", "%(num)d skipped", action.skipped))
    if action.failed:
        parts.append(ngettext("%(num)d failed", "%(num)d failed", action.failed))
    return " · ".join(parts)


@bp.post("/applications/bulk")
@company_user_required
def applications_bulk():
    """Checked rows, the page or every row matching the filter, and the chosen action. Export
    goes to the CSV; the others to ``bulk.start`` (a large selection becomes a task)."""
    form = request.form
    lq = _list_query(form)
    back = safe_next(form.get("next"))  # the board's form comes back to the board
    target = back if back and back.startswith("/admin/") else url_for("admin.applications", **lq.params())
    scope = form.get("scope", "checked")
    action = form.get("action", "")
    company_id = current_company_id()
    if scope == "filter":
        ids, filter_params = bulk.selection(company_id, lq=lq), lq.params()
    else:
        ids, filter_params = bulk.selection(company_id, ids=_ids(form.getlist("page_ids" if scope == "page" else "ids")),
                                            stage_ids=_ids(form.getlist("stages")) if scope == "checked" else None), None
    if action == "export":
        if scope == "filter":
            return _back(url_for("admin.applications_export", **lq.params()))
        if not ids:
            flash(str(bulk.BulkError("empty")), "error")
            return _back(target)
        return _back(url_for("admin.applications_export", ids=",".join(map(str, ids[:bulk.MAX_SELECTION]))))
    params = {key: form.get(key) for key in ("reason_id", "note", "delay_days")}
    params["stage"] = form.get("to_stage")  # "stage" is the list's own stage filter
    if action == "move" and form.get("mapped"):
        params["map"] = {key[4:]: value for key, value in form.items() if key.startswith("map_")}
    elif action == "move" and params["stage"] in bulk.stage_choices(company_id):
        gaps = bulk.jobs_without_stage(company_id, ids, params["stage"])
        if gaps:
            return _ask(form, gaps, params["stage"], target, len(ids))
    params["template_id"] = form.get("reject_template_id") if action == "reject" else form.get("template_id")
    params["tag_id"] = form.get("remove_tag_id") if action == "tag_remove" else form.get("add_tag_id")
    params["tag_name"] = form.get("tag_name")
    try:
        result = bulk.start(company_id, current_user._get_current_object(), action, params, ids, filter_params)
    except bulk.BulkError as problem:
        flash(problem.message, "error")
        return _back(target)
    if result.status == BulkStatus.FINISHED:
        flash(_summary(result), "success" if not result.failed else "error")
    else:
        flash(ngettext("%(num)d application will be changed in the background.",
                       "%(num)d applications will be changed in the background.", result.total),
              "success")
    return _back(target)


def _ask(form, gaps, stage: str, back: str, total: int):
    """The "ask" step of a move across jobs: for each job without a stage of that name, one of
    its stages or "skip". The same form again (every field it had, as hidden inputs) plus the
    choices; a dialog for htmx, a page otherwise."""
    hidden = [(key, value) for key, value in form.items(multi=True)
              if key not in ("csrf_token", "mapped") and not key.startswith("map_")]
    context = {"gaps": gaps, "stage": stage, "hidden": hidden, "back": back, "total": total}
    if is_htmx():
        return make_response(render_template("admin/applications/_bulk_map_dialog.html", **context),
                             retarget="#modal", reswap="innerHTML")
    return render_template("admin/applications/bulk_map.html", **context)
def _choices(job_id: int | None) -> dict:
    """The chooser's options: for the board (``job_id``) its job's stages (the job one of the
    company's, and of the user's scope, or 404), otherwise the stage names of every job."""
    if not job_id:
        return bulk.chooser(current_company_id())
    job = get_or_404(Job, job_id)
    return {**bulk.chooser(current_company_id(), stage_names=[s.name for s in job.stages if s.kind != "rejected"]),
            "board_job": job}


@bp.get("/applications/bulk/choices")
@company_user_required
def applications_bulk_choices():
    """The chooser's fields, loaded into the list's or the board's (``?job=``) bulk form when
    it is opened (htmx)."""
    return render_template("admin/applications/_bulk_choices.html", **_choices(request.args.get("job", type=int)))


@bp.post("/applications/bulk/choose")
@company_user_required
def applications_bulk_choose():
    """Without JavaScript: the chooser on a page of its own, the selection (scope, ids, the
    list's filters or the board's ticked columns and its way back) carried in hidden fields to
    ``applications_bulk``. From htmx: the fields alone."""
    form = request.form
    back = safe_next(form.get("next"))
    board = back if back and back.startswith("/admin/jobs/") and form.get("job", type=int) else None
    choices = _choices(form.get("job", type=int) if board else None)
    if is_htmx():
        return render_template("admin/applications/_bulk_choices.html", **choices)
    lq = _list_query(form)
    scope = form.get("scope", "checked") if form.get("scope") in ("checked", "page", "filter") else "checked"
    key = "page_ids" if scope == "page" else "ids"
    ids = [] if scope == "filter" else _ids(form.getlist(key))[:bulk.MAX_SELECTION + 1]
    stages = _ids(form.getlist("stages"))[:100] if board and scope == "checked" else []
    back = board or url_for("admin.applications", **lq.params())
    if scope != "filter" and not ids and not stages:
        flash(str(bulk.BulkError("empty")), "error")
        return redirect(back)
    carried = [*lq.params().items(), ("scope", scope), *((key, i) for i in ids), *(("stages", s) for s in stages)]
    if board:
        carried.append(("next", board))
    return render_template("admin/applications/bulk_choose.html", carried=carried, scope=scope,
                           count=len(ids), columns=len(stages), back=back, **choices)


def _back(target: str):
    return make_response("", redirect=target) if is_htmx() else redirect(target)


@bp.get("/applications/bulk/progress")
@company_user_required
def applications_bulk_progress():
    """The bulk actions the list and the board show (polled by HTMX while one runs). The answer
    that finds none running offers to reload the page that polled, to show the changes."""
    current = urlsplit(request.headers.get("HX-Current-URL", ""))
    reload_url = safe_next(current.path + (f"?{current.query}" if current.query else ""))
    return render_template("admin/applications/_bulk_progress.html", bulk_actions=bulk.shown(current_company_id()),
                           reload_url=reload_url)


@bp.get("/applications/bulk/<int:bulk_id>")
@company_user_required
def applications_bulk_detail(bulk_id: int):
    action = bulk.get(current_company_id(), bulk_id)
    if action is None:
        abort(404)
    return render_template("admin/applications/bulk.html", action=action, not_done=bulk.not_done(action),
                           messages=bulk.BulkError.messages)
