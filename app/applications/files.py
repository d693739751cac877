"""Uploaded and received files: checked by content, stored outside the web root under
generated names, always served as attachments."""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from pathlib import Path

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

from app.applications.models import StoredFile
from app.extensions import db
from app.problems import Problem

#: Control characters (NUL included, which PostgreSQL cannot store) never belong in a file name.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class FileRejected(Problem):
    messages = {
        "empty": _l("The file is empty."),
        "too_large": _l("The file is larger than %(mb)s MB."),
        "not_pdf": _l("The file is not a PDF."),
    }


def looks_like_pdf(data: bytes) -> bool:
    """A PDF starts with ``%PDF-`` and has an ``%%EOF`` marker near its end."""
    return data.startswith(b"%PDF-") and b"%%EOF" in data[-2048:]


def check_pdf(data: bytes, max_bytes: int) -> None:
    if not data:
        raise FileRejected("empty")
    if len(data) > max_bytes:
        raise FileRejected("too_large", mb=max_bytes // (1024 * 1024))
    if not looks_like_pdf(data):
        raise FileRejected("not_pdf")


def _path(key: str) -> Path:
    return Path(current_app.config["UPLOAD_DIR"]) / key[:2] / key


def store(company_id: int, filename: str, data: bytes, content_type: str = "application/pdf") -> StoredFile:
    """Write the bytes under a random name and add the row (the caller commits)."""
    row = StoredFile(**store_values(company_id, filename, data, content_type))
    db.session.add(row)
    return row


def store_values(company_id: int, filename: str, data: bytes, content_type: str = "application/pdf") -> dict:
    """Write the bytes under a random name and return the ``stored_files`` row's values, for a
    caller that inserts the row itself (a Core ``insert()`` in its own statement; the caller
    commits). The file goes with the transaction as ``store``'s does: removed unless it commits."""
    key = secrets.token_hex(16)
    path = _path(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    db.session.info.setdefault(_UNCOMMITTED, []).append(path)
    safe_name = _CONTROL.sub("", os.path.basename(filename or "file.pdf"))[:200] or "file.pdf"
    return {"company_id": company_id, "storage_key": key, "filename": safe_name, "content_type": content_type,
            "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


#: Files written in the session's open transaction. Committed → kept; the transaction ends
#: any other way (rollback, a failed commit, the session closed) → removed, so a failed
#: request never leaves a file without its row.
_UNCOMMITTED = "haku_uncommitted_files"


@event.listens_for(Session, "after_commit")
def _keep_written_files(session: Session) -> None:
    session.info.pop(_UNCOMMITTED, None)


@event.listens_for(Session, "after_transaction_end")
def _remove_uncommitted_files(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is not None:
        return
    for path in session.info.pop(_UNCOMMITTED, []):
        path.unlink(missing_ok=True)


def read(row: StoredFile) -> bytes:
    return _path(row.storage_key).read_bytes()


def path_of(row: StoredFile) -> Path:
    return _path(row.storage_key)


def remove(row: StoredFile) -> None:
    try:
        _path(row.storage_key).unlink()
    except FileNotFoundError:
        pass
    db.session.delete(row)


#: The extension a served file gets from what it is, whatever the uploader called it.
_EXTENSIONS = {"application/pdf": ".pdf", "application/xml": ".xml", "image/png": ".png", "image/jpeg": ".jpg",
               "image/gif": ".gif", "image/webp": ".webp"}


def download_name(filename: str | None, content_type: str) -> str:
    """The uploader's name with the extension of what the file is (a CV checked as a PDF is
    ``.pdf``, a signed ELMO ``.xml``), so ``cv.html`` is never saved and opened as HTML."""
    stem = os.path.splitext(os.path.basename(_CONTROL.sub("", filename or "")))[0].strip(" .")
    stem = stem.replace('"', "").replace("\\", "")[:150] or "file"
    return stem + _EXTENSIONS.get(content_type, ".bin")


def download(row: StoredFile, mimetype: str):
    """A stored file as an attachment download (never rendered inline), with nosniff."""
    from flask import send_file

    response = send_file(path_of(row), mimetype=mimetype, as_attachment=True,
                         download_name=download_name(row.filename, mimetype), max_age=0)
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
