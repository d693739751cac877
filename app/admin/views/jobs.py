"""Jobs, the pipeline board, stages, automations and job templates."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from htmx_flask import make_response

from app import markdown
from app.accounts import queries as accounts
from app.accounts.tenancy import current_company_id, get_or_404
from app.admin.blueprint import bp
from app.admin.board import BoardPage
from app.admin.forms import AutomationForm, EmptyForm, JobForm, StageForm, TemplateForm
from app.applications import automations
from app.applications import queries as applications
from app.applications.board import Cursor, board, board_job, stage_chunk, stage_count
from app.bulk import services as bulk
from app.htmx import done, is_htmx, render_page_or_fragment, wants_fragment
from app.jobs import queries, services
from app.jobs.models import Automation, Job, JobStatus, JobTemplate, Stage
from app.messaging.services import templates_available
from app.security import company_user_required


def _previewing() -> bool:
    """The job ad form's "Update preview" button (no JavaScript): show the form again with the
    description's preview, save nothing."""
    return request.method == "POST" and request.form.get("preview") == "1"


def _job_form(job: Job | None = None) -> JobForm:
    form = JobForm(obj=job)
    users = accounts.enabled_users(current_company_id())
    form.owner_id.choices = [(0, _("— nobody —"))] + [(u.id, u.name) for u in users]
    form.team_ids.choices = [(u.id, u.name) for u in users]
    templates = queries.templates_of(current_company_id())
    form.template_id.choices = [(0, _("— no template —"))] + [(t.id, t.name) for t in templates]
    if job is not None and request.method == "GET":
        form.team_ids.data = [u.id for u in job.team]
        form.owner_id.data = job.owner_id or 0
    return form


@bp.get("/")
@company_user_required
def dashboard():
    cid = current_company_id()
    counts, open_total, pending = applications.dashboard_counts(cid)
    return render_template("admin/dashboard.html", jobs=queries.active_jobs(cid, limit=10), counts=counts,
                           open_total=open_total, pending=pending, recent=applications.recent(cid, limit=8))


@bp.get("/jobs")
@company_user_required
def jobs():
    status = request.args.get("status", "")
    rows = queries.jobs_of(current_company_id(), status if status in set(JobStatus) else None)
    counts = applications.open_counts_by_job(current_company_id())
    return render_page_or_fragment("admin/jobs/index.html", "admin/jobs/_table.html", jobs=rows, counts=counts,
                                   status=status)


@bp.route("/jobs/new", methods=["GET", "POST"])
@company_user_required
def job_new():
    form = _job_form()
    if _previewing():
        return render_template("admin/jobs/form.html", form=form, job=None)
    if form.validate_on_submit():
        try:
            job = services.create_job(current_company_id(), current_user, form.job_data(),
                                      template_id=form.template_id.data or None, team_ids=form.team_ids.data)
        except services.JobError as exc:
            flash(str(exc), "error")
        else:
            flash(_("Job created."), "success")
            target = url_for("admin.job_board", job_id=job.id)
            if is_htmx():
                return make_response("", redirect=target)
            return redirect(target)
    return render_template("admin/jobs/form.html", form=form, job=None), 422 if request.method == "POST" else 200


@bp.route("/jobs/<int:job_id>/edit", methods=["GET", "POST"])
@company_user_required
def job_edit(job_id: int):
    job = get_or_404(Job, job_id)
    form = _job_form(job)
    del form.template_id
    if _previewing():
        return render_template("admin/jobs/form.html", form=form, job=job)
    if form.validate_on_submit():
        data = form.job_data()
        try:
            services.update_job(job, data, team_ids=form.team_ids.data)
        except services.JobError as exc:
            flash(str(exc), "error")
        else:
            flash(_("Job saved."), "success")
            return redirect(url_for("admin.job_board", job_id=job.id))
    return render_template("admin/jobs/form.html", form=form, job=job), 422 if request.method == "POST" else 200


@bp.post("/jobs/<int:job_id>/delete")
@company_user_required
def job_delete(job_id: int):
    job = get_or_404(Job, job_id)
    try:
        services.delete_job(job)
    except services.JobError as exc:
        flash(str(exc), "error")
        return redirect(url_for("admin.job_edit", job_id=job_id))
    flash(_("Job deleted."), "success")
    return redirect(url_for("admin.jobs"))


@bp.get("/jobs/<int:job_id>")
@company_user_required
def job_board(job_id: int):
    fragment = wants_fragment()
    company = current_user.company  # loaded with the signed-in user
    # the job and, in its statement, "any tags?", the badges' switches and "any bulk
    # actions to show?" (each a statement of its own otherwise)
    job, answers = board_job(company, job_id, reads=_BOARD_READS)
    if job is None:
        abort(404)
    page = BoardPage(job, has_tags=answers["has_tags"])
    by_stage, counts = board(job, page.per_stage, viewer_id=page.viewer_id)
    if fragment:
        return render_template("admin/jobs/_board.html", job=job, page=page, columns=page.columns(by_stage, counts))
    # the bulk bar's running actions; its chooser's options are read when it is opened
    # (``applications_bulk_choices?job=``, or the no-JS choose page), as on the list
    return render_template("admin/jobs/board.html", job=job, page=page, columns=page.columns(by_stage, counts),
                           bulk_actions=bulk.shown(company.id) if answers["has_bulk"] else [])


_BOARD_READS = (("has_bulk", bulk.any_shown),)


@bp.get("/jobs/<int:job_id>/stages/<int:stage_id>")
@company_user_required
def job_stage_column(job_id: int, stage_id: int):
    """One column's next chips after ``after`` (the first ones without it): for htmx the chips
    and the next "show more", which replace the "show more" clicked; otherwise a page of them."""
    job = queries.for_board(current_user.company, job_id) or abort(404)
    stage = next((s for s in job.stages if s.id == stage_id), None)
    if stage is None:
        abort(404)
    token = request.args.get("after")
    after = Cursor.parse(token)
    if token and after is None:
        abort(400, description=_("This “Show more” link is not valid. Open the board again."))
    page = BoardPage(job)
    rows, left = stage_chunk(job, stage.id, after, page.per_stage, viewer_id=page.viewer_id)
    page.load_tags(rows)
    context = {"job": job, "stage": stage, "page": page, "chips": [page.chip(row) for row in rows],
               "more": page.more(stage.id, rows[-1] if rows else None, left)}
    if wants_fragment():
        return render_template("admin/jobs/_chunk.html", **context)
    return render_template("admin/jobs/column.html", count=stage_count(job, stage.id), **context)


# ---------------------------------------------------------------- pipeline settings (job or template)

def owner_or_404(kind: str, owner_id: int):
    """The job (``kind`` "job") or job template ("template") of a settings page: one of the
    company's (and, for a limited role, of its scope), or 404."""
    if kind == "job":
        return get_or_404(Job, owner_id)
    if kind == "template":
        return get_or_404(JobTemplate, owner_id)
    abort(404)



def _pipeline_context(kind: str, owner):
    stages = list(owner.stages)
    auto_form = AutomationForm(prefix="auto")
    auto_form.stage_id.choices = [(s.id, s.name) for s in stages]
    auto_form.move_to_stage_id.choices = [(0, _("— do not move —"))] + [(s.id, s.name) for s in stages]
    auto_form.email_template_id.choices = [(0, _("— no email —"))] + [
        (t.id, f"{t.display_name} ({t.locale})") for t in templates_available(owner.company_id)]
    return {"kind": kind, "owner": owner, "stages": stages, "stage_form": StageForm(prefix="stage"),
            "auto_form": auto_form, "form": EmptyForm()}


def _pipeline_response(kind: str, owner, message: str | None = None, error: str | None = None):
    queries.fresh(owner)
    return done(error or message, url_for("admin.pipeline", kind=kind, owner_id=owner.id),
                level="error" if error else "success", status=422 if error else 200,
                fragment="admin/pipeline/_pipeline.html", context=lambda: _pipeline_context(kind, owner))


@bp.get("/pipeline/<kind>/<int:owner_id>")
@company_user_required
def pipeline(kind: str, owner_id: int):
    owner = owner_or_404(kind, owner_id)
    return render_page_or_fragment("admin/pipeline/page.html", "admin/pipeline/_pipeline.html",
                                   **_pipeline_context(kind, owner))


@bp.post("/pipeline/<kind>/<int:owner_id>/stages")
@company_user_required
def stage_add(kind: str, owner_id: int):
    owner = owner_or_404(kind, owner_id)
    form = StageForm(prefix="stage")
    if not form.validate_on_submit():
        return _pipeline_response(kind, owner, error=_("A stage needs a name."))
    try:
        services.add_stage(owner, form.name.data)
    except services.JobError as exc:
        return _pipeline_response(kind, owner, error=str(exc))
    return _pipeline_response(kind, owner, _("Stage added."))


def _stage_and_owner(stage_id: int):
    stage = get_or_404(Stage, stage_id)
    if stage.job_id:
        return stage, "job", get_or_404(Job, stage.job_id)
    return stage, "template", get_or_404(JobTemplate, stage.template_id)


@bp.post("/stages/<int:stage_id>/rename")
@company_user_required
def stage_rename(stage_id: int):
    stage, kind, owner = _stage_and_owner(stage_id)
    form = StageForm(prefix=f"s{stage.id}")
    if not form.validate_on_submit():
        return _pipeline_response(kind, owner, error=_("A stage needs a name."))
    services.rename_stage(stage, form.name.data)
    return _pipeline_response(kind, owner, _("Stage renamed."))


@bp.post("/stages/<int:stage_id>/move/<direction>")
@company_user_required
def stage_move(stage_id: int, direction: str):
    stage, kind, owner = _stage_and_owner(stage_id)
    if direction not in ("up", "down"):
        abort(404)
    services.move_stage(owner, stage, -1 if direction == "up" else 1)
    return _pipeline_response(kind, owner, _("Order saved."))


@bp.post("/stages/<int:stage_id>/delete")
@company_user_required
def stage_delete(stage_id: int):
    stage, kind, owner = _stage_and_owner(stage_id)
    try:
        services.delete_stage(stage)
    except services.JobError as exc:
        return _pipeline_response(kind, owner, error=str(exc))
    return _pipeline_response(kind, owner, _("Stage deleted."))


@bp.post("/pipeline/<kind>/<int:owner_id>/automations")
@company_user_required
def automation_add(kind: str, owner_id: int):
    owner = owner_or_404(kind, owner_id)
    ctx = _pipeline_context(kind, owner)
    form = ctx["auto_form"]
    if not form.validate_on_submit():
        return _pipeline_response(kind, owner, error=_("Please check the automation's fields."))
    try:
        automations.add_automation(owner, stage_id=form.stage_id.data, email_template_id=form.email_template_id.data or None,
                                move_to_stage_id=form.move_to_stage_id.data or None, delay_days=form.delay_days.data or 0)
    except services.JobError as exc:
        return _pipeline_response(kind, owner, error=str(exc))
    return _pipeline_response(kind, owner, _("Automation added."))


@bp.post("/automations/<int:automation_id>/delete")
@company_user_required
def automation_delete(automation_id: int):
    auto = get_or_404(Automation, automation_id)
    kind, owner = ("job", get_or_404(Job, auto.job_id)) if auto.job_id else \
        ("template", get_or_404(JobTemplate, auto.template_id))
    automations.delete_automation(auto)
    return _pipeline_response(kind, owner, _("Automation removed."))


# ---------------------------------------------------------------- job templates

@bp.post("/jobs/preview")
@company_user_required
def markdown_preview():
    """The job ad form's live preview (HTMX): the description as the job page will show it."""
    return str(markdown.render(request.form.get("description", "")[:50000]))


@bp.get("/templates")
@company_user_required
def templates():
    rows = queries.templates_of(current_company_id())
    return render_template("admin/templates/index.html", templates=rows, form=EmptyForm())


@bp.route("/templates/new", methods=["GET", "POST"])
@company_user_required
def template_new():
    form = TemplateForm()
    # request.values (no WTForms): the job the template is made from, in the address or carried by the form.
    from_job = request.values.get("from_job", type=int)
    job = get_or_404(Job, from_job) if from_job else None
    if job is not None and request.method == "GET":
        form = TemplateForm(obj=job)
        form.name.data = job.title
    if _previewing():
        return render_template("admin/templates/form.html", form=form, template=None, from_job=job)
    if form.validate_on_submit():
        template = services.create_template(current_company_id(), form.name.data, form.template_data(), from_job=job)
        flash(_("Template saved."), "success")
        return redirect(url_for("admin.pipeline", kind="template", owner_id=template.id))
    return render_template("admin/templates/form.html", form=form, template=None, from_job=job), \
        422 if request.method == "POST" else 200


@bp.route("/templates/<int:template_id>/edit", methods=["GET", "POST"])
@company_user_required
def template_edit(template_id: int):
    template = get_or_404(JobTemplate, template_id)
    form = TemplateForm(obj=template)
    if _previewing():
        return render_template("admin/templates/form.html", form=form, template=template, from_job=None)
    if form.validate_on_submit():
        services.update_template(template, form.name.data, form.template_data())
        flash(_("Template saved."), "success")
        return redirect(url_for("admin.templates"))
    return render_template("admin/templates/form.html", form=form, template=template, from_job=None), \
        422 if request.method == "POST" else 200


@bp.post("/templates/<int:template_id>/delete")
@company_user_required
def template_delete(template_id: int):
    template = get_or_404(JobTemplate, template_id)
    services.delete_template(template)
    flash(_("Template deleted."), "success")
    return redirect(url_for("admin.templates"))
