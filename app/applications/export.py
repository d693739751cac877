"""The applications list as CSV, with every cell neutralised against formula injection
(SECURITY_BAR item 13): spreadsheet programs run a cell that starts with ``= + - @``, a tab
or a carriage return as a formula, so such a cell gets a leading apostrophe. The headers are in
the user's language; dates are ISO 8601 (``2026-12-06``, the UTC day), which every spreadsheet
reads as a date whatever its own language."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from app.applications.columns import visible
from app.applications.listing import ListQuery, list_applications

#: The most rows one export holds (the list's own count cap).
EXPORT_MAX_ROWS = 10_000
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    """The cell as text a spreadsheet shows and never evaluates (OWASP CSV injection)."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def applications_csv(company_id: int, lq: ListQuery, column_keys: list[str] | None,
                     ids: list[int] | None = None) -> str:
    """The rows the list shows for ``lq`` (every page, up to EXPORT_MAX_ROWS), in the user's
    columns; with ``ids`` (a bulk selection) only those of them, whatever the filter. Scoped to
    ``company_id`` by the list query itself."""
    if ids is not None:
        lq = replace(lq, q="", job_id=None, stage="", status="all", filters={})
    page = list_applications(company_id, replace(lq, cursor="", per_page=EXPORT_MAX_ROWS), column_keys,
                             count=False, only_ids=ids)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    columns = visible(column_keys)
    writer.writerow([neutralise(str(col.label)) for col in columns])
    for application in page.rows:
        writer.writerow([neutralise(col.csv_value(application)) for col in columns])
    return "\ufeff" + out.getvalue()  # the BOM makes Excel read UTF-8
