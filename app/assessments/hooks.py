"""Imported at start-up (``register_features``): everything assessments plug into the core,
in one place — the Alva Labs vendor (its queue, gate, inbound callbacks, outbound calls,
labels), the stage-entry receiver (the job's trigger stage sends its test) and the list
columns. Its recruiter presentation (card panel, timeline texts, ⋯ action, settings links
and section) is ``app/admin/views/assessments.py``; the staff side ``app/staff/assessments.py``."""

from __future__ import annotations

from app.assessments import columns, texts
from app.assessments.models import VENDOR
from app.assessments.services import inbound, orders, outbound, vendor_tests
from app.jobs.events import stage_entered
from app.partners.vendors import Vendor
from app.plugins import plugins

ALVA = plugins.vendor(Vendor(
    name=VENDOR, display_name="Alva Labs", queue="assessments", gate=inbound.accepts_calls,
    inbound={"integration.connect": inbound.on_connect, "assessment.status_changed": inbound.on_status_changed,
             "assessment.result": inbound.on_result, "assessment.logs": inbound.on_logs},
    outbound={"alva.send_test": outbound.send_test, "alva.test_status": outbound.check_test_status,
              "alva.list_tests": vendor_tests.list_tests},
    on_dead={"alva.send_test": outbound.send_test_dead},
    # an order's status as the vendor reports it (plus Haku's own "failed")
    status_labels=columns.STATUS_LABELS, texts=texts.TEXTS,
))

stage_entered.connect(orders.on_stage_entered)

for column in columns.COLUMNS:  # score, status
    plugins.list_column(column)
plugins.chip_badge(columns.CHIP_BADGE)  # the score (or status) on the board's chips
