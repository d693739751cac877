"""The pipeline board of a job: the newest applications of each stage (capped, so a stage
with thousands stays fast) and the full count per stage, in two queries."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import aliased, joinedload

from app.applications.models import Application
from app.extensions import db

PER_STAGE = 50


def board(job, per_stage: int = PER_STAGE) -> tuple[dict[int, list], dict[int, int]]:
    counts = dict(db.session.execute(
        select(Application.stage_id, func.count(Application.id))
        .where(Application.company_id == job.company_id, Application.job_id == job.id)
        .group_by(Application.stage_id)).all())
    ranked = (select(Application.id, func.row_number().over(
        partition_by=Application.stage_id,
        order_by=(Application.stage_entered_at.desc(), Application.id.desc())).label("rank"))
        .where(Application.company_id == job.company_id, Application.job_id == job.id).subquery())
    picked = aliased(Application)
    rows = db.session.scalars(
        select(picked).join(ranked, ranked.c.id == picked.id).where(ranked.c.rank <= per_stage)
        .options(joinedload(picked.candidate))
        .order_by(picked.stage_entered_at.desc(), picked.id.desc())).all()
    by_stage: dict[int, list] = {stage.id: [] for stage in job.stages}
    for row in rows:
        by_stage.setdefault(row.stage_id, []).append(row)
    return by_stage, counts
