"""RQ task of bulk actions: takes the bulk action's id and is safe to run twice."""

from __future__ import annotations

from app.bulk import services


def run_bulk(bulk_id: int) -> str:
    return services.run(bulk_id)
