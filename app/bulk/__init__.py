"""Bulk actions on the applications list: move to a stage (by name across jobs), reject with
a reason, send an email template. Each application goes through the same service as a single
action (``move_to_stage``, ``reject``, ``send_message``), so it is audited and fires the same
stage events and automations; a small selection runs in the request, a large one as a task
with its progress in ``bulk_actions``. See docs/bulk-actions.md."""
