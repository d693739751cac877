""""Nothing written" checks: rows per table and files in the upload directory."""

from __future__ import annotations

from pathlib import Path


def table_counts() -> dict[str, int]:
    """Rows per table: "nothing written" checks compare two of these."""
    from sqlalchemy import func, select

    from app.extensions import db

    return {table.name: db.session.scalar(select(func.count()).select_from(table))
            for table in db.metadata.sorted_tables}


def files_on_disk() -> int:
    """Files under the app's upload directory (stored CVs, transcripts, attachments)."""
    from flask import current_app

    root = Path(current_app.config["UPLOAD_DIR"])
    return sum(1 for p in root.rglob("*") if p.is_file()) if root.exists() else 0
