"""The one registration surface (app/plugins.py): what the features plug in, and in which
order where the order shows (sweep steps run, stage-entry receivers are called, in the
order ``FEATURE_HOOKS`` registers them)."""

from app.jobs.events import stage_entered
from app.partners import vendors
from app.plugins import plugins


def test_sweep_steps_run_in_the_order_the_features_register_them(app):
    assert [name for name, _ in plugins.sweep_steps] == [
        "board_reconcile", "emrex_reminders", "emrex_attempts", "emrex_registry", "interview_reminders", "outbox",
        "partner_deliveries", "retention", "bulk_stalled", "automations"]


def test_automations_are_connected_to_stage_entries_after_every_integration(app):
    receivers = [r() if callable(r) and not hasattr(r, "__name__") else r for r in stage_entered.receivers.values()]
    assert [f"{fn.__module__}.{fn.__name__}" for fn in receivers] == [
        "app.assessments.services.orders.on_stage_entered", "app.emrex.services.invites.on_stage_entered",
        "app.interviews.services.on_stage_entered", "app.applications.rejections.on_stage_entered", "app.applications.automations.schedule_automations"]


def test_each_partner_vendor_is_one_object_with_all_its_knowledge(app):
    topcv, alva = vendors.vendor("topcv"), vendors.vendor("alva")
    assert (topcv.display_name, topcv.queue, alva.display_name, alva.queue) == ("TopCV", "boards", "Alva Labs",
                                                                                "assessments")
    assert set(topcv.inbound) == {"job.approved", "job.rejected", "application.created"}
    assert set(alva.inbound) == {"integration.connect", "assessment.status_changed", "assessment.result",
                                 "assessment.logs"}
    assert vendors.outbound_handler("alva.list_tests") is alva.outbound["alva.list_tests"]
    assert vendors.dead_handler("topcv.sync_job") is None and vendors.dead_handler("topcv.post_job") is not None
    assert topcv.secret_form("k").startswith("whsec_") and alva.secret_form("k") == "k"
    unknown = vendors.get("nobody")
    assert unknown.inbound == {} and unknown.display_name == "nobody"


def test_every_registry_is_filled_once(app):
    assert len({key for key in plugins.list_columns}) == len(plugins.list_columns) >= 16
    assert {"emrex_request", "assessment_send", "candidate_erase"} <= set(plugins.card_actions)
    assert {"cv_dropped", "candidate_merged", "emrex_requested", "assessment_log"} <= set(plugins.event_texts)
    assert [(m.__name__, c) for m, c, _ in plugins.encrypted_columns] == [
        ("EmrexRequest", "token_encrypted"), ("PartnerIntegration", "api_key_enc"),
        ("PartnerIntegration", "signing_secret_enc"), ("PartnerIntegration", "previous_signing_secret_enc"),
        ("TwoFactor", "secret_enc"), ("TwoFactor", "pending_secret_enc")]


def test_signal_receivers_run_in_the_order_they_were_connected():
    """blinker's own signals keep receivers in a set (an order of memory addresses): Haku's
    keep connection order, which the stage-entry receivers and automations rely on."""
    from app.signals import signal

    ran = []
    receivers = [lambda sender, i=i: ran.append(i) for i in range(40)]
    order = [*range(0, 40, 2), *range(39, 0, -2)]  # not the order they were made in
    sig = signal("test-ordered-receivers")
    for i in order:
        sig.connect(receivers[i])
    sig.send(object())
    assert ran == order
    sig.disconnect(receivers[order[0]])
    ran.clear()
    sig.send(object())
    assert ran == order[1:]


def test_an_unregistered_vendor_still_has_a_queue_the_worker_takes(app):
    from app.partners import tasks, vendors

    assert vendors.get("gone-vendor").queue in app.config["RQ_QUEUES"]
    assert tasks.queue_of("gone-vendor") == vendors.get("gone-vendor").queue
    assert tasks.queue_of("topcv") == "boards" and tasks.queue_of("alva") == "assessments"
