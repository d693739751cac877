"""Staff: the task queues (waiting, running, scheduled, failed), the workers alive, and a retry
per failed task."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from app.background import monitor
from app.plugins import plugins
from app.security import staff_required
from app.staff.blueprint import bp


@plugins.staff_section
def _tasks_section() -> list[dict]:
    return [{"label": _("Tasks"), "url": url_for("staff.tasks"), "alert": monitor.failed_total(),
             "alert_title": _("Failed tasks")}]


@bp.get("/tasks")
@staff_required
def tasks():
    try:
        queues, workers, problem = monitor.overview(), monitor.workers(), None
    except Exception as exc:  # Redis away: say so instead of failing the page
        queues, workers, problem = [], [], _("The task queue (Redis) is not reachable: %(error)s", error=type(exc).__name__)
    return render_template("staff/tasks.html", queues=queues, workers=workers, problem=problem)


@bp.post("/tasks/<queue>/<job_id>/retry")
@staff_required
def task_retry(queue: str, job_id: str):
    try:
        monitor.retry(queue, job_id)
    except monitor.TaskQueueError as exc:
        flash(str(exc), "error")
    else:
        flash(_("Task put back on the %(queue)s queue.", queue=queue), "success")
    return redirect(url_for("staff.tasks"))
