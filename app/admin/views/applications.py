"""Applications list, application card, stage moves, the Pending pool, notifications."""

from __future__ import annotations

from flask import abort, current_app, flash, get_template_attribute, redirect, render_template, request, url_for
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from htmx_flask import make_response

from app.accounts.tenancy import current_company_id, get_or_404
from app.admin.blueprint import bp
from app.admin.board import BoardPage
from app.admin.card import CardAction, card_words, job_stages, load_card, menu, timeline
from app.admin.forms import AssignForm, EmptyForm, MoveForm, NoteForm
from app.admin.listing import column_labels, filter_form, list_links, menu_options, table_rows
from app.applications import files, queries, services
from app.applications.board import board
from app.applications.columns import column, offered, save_list_columns
from app.applications.listing import PAGE_SIZES, BadCursor, ListQuery, filter_menus, list_applications
from app.applications.menus import version as menus_version
from app.applications.models import Application, ApplicationStatus, StoredFile
from app.bulk import services as bulk
from app.htmx import done, is_htmx, render_page_or_fragment, wants_fragment
from app.jobs import queries as jobs_queries
from app.jobs.models import Job
from app.messaging import queries as messaging
from app.messaging.services import mark_all_read, unread_count
from app.plugins import plugins
from app.security import company_user_required, safe_next


def _list_query(args=None) -> ListQuery:
    """The list's query from the URL (or from ``args``: the bulk form repeats the filters)."""
    args = request.args if args is None else args
    job_id = args.get("job", type=int)
    if job_id:
        get_or_404(Job, job_id)  # a foreign job id in a filter is a 404 too
    per_page = args.get("per_page", 50, type=int)
    sort = args.get("sort", "applied")
    return ListQuery(
        q=_text_arg(args.get("q")), job_id=job_id, stage=_text_arg(args.get("stage")),
        status=args.get("status", ApplicationStatus.OPEN)
        if args.get("status", ApplicationStatus.OPEN) in (ApplicationStatus.OPEN, ApplicationStatus.CLOSED, "all")
        else ApplicationStatus.OPEN,
        sort=sort if getattr(column(sort), "sort", None) is not None else "applied",
        direction="asc" if args.get("dir") == "asc" else "desc",
        per_page=per_page if per_page in PAGE_SIZES else 50,
        cursor=(args.get("cursor") or "")[:1000],
        filters={key[2:]: _text_arg(value) for key, value in args.items()
                 if key.startswith("f_") and _text_arg(value) and getattr(column(key[2:]), "filter", None)})


def _text_arg(value: str | None) -> str:
    """A search or filter value: at most 100 characters, no NUL (PostgreSQL refuses it in text)."""
    return (value or "").replace("\x00", "")[:100]


@bp.get("/applications")
@company_user_required
def applications():
    lq = _list_query()
    if request.args.get("page", 1, type=int) > 1:
        # Pages are cursors now (keyset pagination): an old "?page=N" link opens the first page
        # of the same filters and sort rather than a page that no longer means the same rows.
        return redirect(url_for("admin.applications", **lq.params()))
    company_id = current_company_id()
    fragment = wants_fragment()  # the table alone: no filter form, no bulk progress, no bell
    try:
        # the page's rows, the count and, in the same statement for the whole page, "any bulk
        # actions to show?" (a statement of its own otherwise; the bell comes with the user)
        page = list_applications(company_id, lq, current_user.list_columns, plain=True,
                                 reads=() if fragment else _LIST_READS)
    except BadCursor:
        flash(_("That page link is no longer valid: here is the first page."), "error")
        return redirect(url_for("admin.applications", **lq.params()))
    context = {"page": page, "lq": lq, "count_cap": format_decimal(page.cap) if page.capped else "",
               "links": list_links(lq, page.columns), "table_rows": table_rows}
    if fragment:
        return render_template("admin/applications/_table.html", **context, labels=column_labels(page.columns))
    # the job, stage and (when the source column shows) share link menus: one statement, run
    # only when their version (read with the page) moved since this process kept them
    menus = filter_menus(company_id, links=any(col.key == "source" for col in page.columns),
                         version=page.answers.get("menus_version"))
    has_bulk = page.answers.get("has_bulk", True)  # an empty page asked nothing: read them
    all_columns = offered(lq.job_id)
    labels = column_labels(all_columns, page.columns)
    form = filter_form(company_id, lq, context["links"], labels, page.columns,
                       menu_options(tuple(menus.jobs), lq.job_id),
                       menu_options(tuple((name, name) for name in menus.stage_names), lq.stage))
    return render_template("admin/applications/index.html", **context, labels=labels, filter_form=form,
                           all_columns=all_columns, bulk_actions=bulk.shown(company_id) if has_bulk else [])


_LIST_READS = (("has_bulk", bulk.any_shown), ("menus_version", menus_version))


@bp.get("/applications/export.csv")
@company_user_required
def applications_export():
    """The filtered list (all pages) as a CSV download, cells neutralised against formulas."""
    from app.applications.export import applications_csv

    ids = [int(v) for v in request.args.get("ids", "").split(",") if v.isdigit() and len(v) < 12]
    body = applications_csv(current_company_id(), _list_query(), current_user.list_columns, ids=ids or None)
    response = current_app.response_class(body, mimetype="text/csv")
    response.headers["Content-Disposition"] = 'attachment; filename="applications.csv"'
    return response


@bp.post("/applications/columns")
@company_user_required
def applications_columns():
    # request.form (no WTForms): the ticked column keys; save_list_columns keeps only known ones.
    keys = request.form.getlist("columns")
    save_list_columns(current_user._get_current_object(), keys)
    target = url_for("admin.applications", **_list_query().params())
    if is_htmx():
        return make_response("", refresh=True) if wants_fragment() else make_response("", redirect=target)
    return redirect(target)


plugins.card_action(CardAction(
    key="move", label=_l("Move to stage…"), order=20, method="get",
    url=lambda application: url_for("admin.application", application_id=application.id) + f"#card-stage-{application.id}",
    available=lambda application, user: application.job_id is not None))


def _card_context(application: Application) -> dict:
    """What ``_card.html`` shows besides the panels. The stage select's options as (id, name)
    pairs (the POST validates them with MoveForm): the card builds no WTForms form."""
    stage_choices = [(s.id, s.name) for s in job_stages(application)]
    return {"application": application, "events": timeline(application), "stage_choices": stage_choices,
            "menu": menu(application, current_user), "others": queries.others_on_card(application), "words": card_words()}


@bp.get("/applications/<int:application_id>")
@company_user_required
def application(application_id: int):
    application = load_card(application_id) or abort(404)
    return render_page_or_fragment("admin/applications/card.html", "admin/applications/_card.html",
                                   **_card_context(application))


@bp.post("/applications/<int:application_id>/seen")
@company_user_required
def application_seen(application_id: int):
    """The card, once shown, posts this (htmx, on load): its news so far is seen by the user,
    so the board's activity mark goes. A POST, as a GET never changes anything (bar 10)."""
    application = get_or_404(Application, application_id)
    services.mark_seen(application, current_user._get_current_object())
    return done(None, url_for("admin.application", application_id=application.id))


@bp.post("/applications/<int:application_id>/stage")
@company_user_required
def application_stage(application_id: int):
    application = get_or_404(Application, application_id)
    card = url_for("admin.application", application_id=application.id)
    form = MoveForm()
    form.stage_id.choices = [(s.id, s.name) for s in application.job.stages] if application.job else []
    if not form.validate_on_submit():
        if not wants_fragment():
            abort(400)
        return done(_("Pick a stage."), card, level="error", status=422, fragment="admin/applications/_card.html",
                    context=lambda: _card_context(application))
    from_stage_id = application.stage_id
    target = next((s for s in application.job.stages if s.id == form.stage_id.data), None)
    if target is not None and target.kind == "rejected" and target.id != application.stage_id:
        from app.admin.views.rejections import dialog_for_move

        # request.form (no WTForms): which view posted and where it was; checked by the dialog.
        return dialog_for_move(application, target.id, request.form.get("view"), request.form.get("next"))
    try:
        services.move_to_stage(application, form.stage_id.data, current_user._get_current_object())
    except services.ApplicationError as exc:
        return done(str(exc), card, level="error", status=422, fragment="admin/applications/_card.html",
                    context=lambda: _card_context(application))
    message = _("Moved to %(stage)s", stage=application.stage.name)
    changed = {"applicationChanged": application.id}
    # request.form (no WTForms): where the page was (next, checked) and which view posted; not input.
    back = safe_next(request.form.get("next"))
    back = back if back and back.startswith("/admin/") else card
    if not wants_fragment():
        return done(message, back)
    if request.form.get("view") == "board":
        # One answer for the board: both columns (chips and counts) and the bell, out of band.
        # request.form (no WTForms): how many chips the board's longest column showed (haku.js).
        columns = _board_columns(application.job, from_stage_id, application.stage_id,
                                 shown=request.form.get("shown", 0, type=int))
        return done(message, back, trigger=changed, oob=[*columns, badge_oob()])
    return done(message, back, trigger=changed, fragment="admin/applications/_card.html",
                context=_card_context(application), oob=[badge_oob()])


#: The most chips a re-rendered column keeps of what "Show more" had loaded.
MAX_SHOWN = 500


def _board_columns(job: Job, *stage_ids: int, shown: int = 0) -> list[str]:
    """The board columns of these stages, each marked to swap itself out of band. A column
    keeps the ``shown`` chips it had ("Show more" loaded them), in whole chunks, and its
    "Show more" after them."""
    page = BoardPage(job)
    chunks = -(-min(max(shown, 0), MAX_SHOWN) // page.per_stage)  # whole chunks: few distinct statements
    by_stage, counts = board(job, max(chunks, 1) * page.per_stage, stage_ids, viewer_id=page.viewer_id)
    column = get_template_attribute("admin/jobs/_column.html", "column")
    return [str(column(col, job, page, True)) for col in page.columns(by_stage, counts, stage_ids)]


def badge_oob() -> str:
    """The bell's unread count, to swap out of band after a change that may have notified."""
    return render_template("admin/notifications/_badge.html", unread=unread_count(current_user.id), oob=True)


@bp.post("/applications/<int:application_id>/notes")
@company_user_required
def application_note(application_id: int):
    """Answers htmx with the timeline (the note in it, the form empty) and a toast, so
    nothing waits in the flash queue for the next page load."""
    application = get_or_404(Application, application_id)
    form = NoteForm()
    card = url_for("admin.application", application_id=application.id)
    shown = {"fragment": "admin/applications/_timeline.html",
             "context": lambda: {"application": application, "events": timeline(application)}}
    if not form.validate_on_submit():
        return done(_("The note is empty."), card, level="error", status=422, **shown)
    event = services.add_note(application, form.text.data, current_user._get_current_object())
    missed = getattr(event, "not_notified", None)
    if missed:
        return done(_("Note added. Not notified, as they cannot see this application: %(names)s.",
                      names=", ".join(u.name for u in missed)), card, level="warning", **shown)
    return done(_("Note added."), card, **shown)


@bp.get("/applications/<int:application_id>/cv")
@company_user_required
def application_cv(application_id: int):
    application = get_or_404(Application, application_id)
    if application.cv_file_id is None:
        abort(404)
    return files.download(get_or_404(StoredFile, application.cv_file_id), "application/pdf")


# ---------------------------------------------------------------- Pending pool

@bp.get("/pending")
@company_user_required
def pending_pool():
    from app.applications.matching import suggestions_for

    rows = queries.pending_pool(current_company_id())
    jobs = jobs_queries.open_jobs(current_company_id(), by_title=True)
    forms = {}
    for row in rows:
        form = AssignForm(prefix=f"a{row.id}")
        form.job_id.choices = [(j.id, j.title) for j in jobs]
        forms[row.id] = form
    suggestions = {row.id: suggestions_for(row, jobs) for row in rows}
    return render_template("admin/pending/index.html", rows=rows, forms=forms, suggestions=suggestions,
                           form=EmptyForm())


@bp.post("/pending/<int:application_id>/assign")
@company_user_required
def pending_assign(application_id: int):
    application = get_or_404(Application, application_id)
    # request.form (no WTForms): one id from a per-row select (its name carries the row); checked by get_or_404.
    job_id = request.form.get(f"a{application.id}-job_id", type=int) or request.form.get("job_id", type=int)
    get_or_404(Job, job_id)
    try:
        services.assign_pending(application, job_id, current_user._get_current_object())
    except services.ApplicationError as exc:
        flash(str(exc), "error")
    else:
        flash(_("Assigned to %(job)s.", job=application.job.title), "success")
    return redirect(url_for("admin.pending_pool"))


@bp.post("/pending/<int:application_id>/dismiss")
@company_user_required
def pending_dismiss(application_id: int):
    application = get_or_404(Application, application_id)
    try:
        services.dismiss_pending(application, current_user._get_current_object())
    except services.ApplicationError as exc:
        flash(str(exc), "error")
    else:
        flash(_("Candidate rejected from the Pending pool."), "success")
    return redirect(url_for("admin.pending_pool"))


# ---------------------------------------------------------------- notifications

@bp.get("/notifications")
@company_user_required
def notifications():
    rows = _notifications()
    return render_page_or_fragment("admin/notifications/index.html", "admin/notifications/_list.html",
                                   rows=rows, form=EmptyForm())


@bp.get("/notifications/badge")
@company_user_required
def notifications_badge():
    return render_page_or_fragment("admin/notifications/badge_page.html", "admin/notifications/_badge.html",
                                   unread=unread_count(current_user.id))


@bp.post("/notifications/read")
@company_user_required
def notifications_read():
    mark_all_read(current_user.id, current_company_id())
    return done(None, url_for("admin.notifications"), fragment="admin/notifications/_list.html",
                context=lambda: {"rows": _notifications(), "form": EmptyForm()},
                trigger={"notificationsChanged": True})


def _notifications() -> list:
    return messaging.notifications_of(current_user.id, current_company_id(), limit=100)
