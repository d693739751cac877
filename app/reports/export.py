"""A report's table as CSV: the same rows as the page, headers in the reader's language,
numbers unformatted (a dot for decimals, rates as fractions), every cell neutralised against
formula injection like the applications export (SECURITY_BAR item 13)."""

from __future__ import annotations

import csv
import io

from app.applications.export import neutralise
from app.reports.registry import Result


def report_csv(result: Result) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(column) for column in result.columns])
    for row in result.rows:
        writer.writerow([neutralise("" if value is None else value) for value in row])
    return "\ufeff" + out.getvalue()  # the BOM makes Excel read UTF-8
