"""Fixtures for the assessment (Alva Labs) tests: the vendor sandbox as its own process, Haku
served over HTTP so the sandbox's callbacks reach it, and a worker environment pointing at
both. They are defined in tests/support/assessments.py (the browser tests use them too), with
the builders for integrations and signed callbacks."""

from __future__ import annotations

from tests.support.assessments import live_haku, vendor, vendor_sandbox, worker_env  # noqa: F401  (fixtures)
