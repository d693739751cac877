"""Assessment vendors: the vendor's tests (the catalogue), cached per integration."""

from __future__ import annotations

from datetime import datetime

from app.accounts.models import User
from app.assessments.services.common import TESTS_CACHE_FOR, TESTS_RETRY_AFTER, product_label
from app.assessments.services.integrations import _no_key, _note_call, client_for, integrations_of, is_usable
from app.clock import utcnow
from app.extensions import db
from app.integrations.http import CallResult
from app.partners import services as partners
from app.partners.models import PartnerDelivery, PartnerIntegration
from app.problems import store

# ---------------------------------------------------------------- the vendor's tests

def _iso(value: datetime) -> str:
    return value.replace(microsecond=0).isoformat()


def tests_of(integration: PartnerIntegration, *, actor: User | None = None,
             refresh: bool = False) -> tuple[list[dict], str | None, str | None]:
    """The integration's tests from the vendor, cached for an hour in ``integration.cache``.

    Returns ``(tests, problem, fetched_at)``; when the vendor cannot be reached the cached
    list comes back with the problem to show. The caller commits (the call is logged)."""
    cache = dict(integration.cache or {})
    tests = cache.get("tests") or []
    fetched = cache.get("tests_fetched_at")
    failed = cache.get("tests_failed_at")
    now = utcnow()
    fresh = fetched and datetime.fromisoformat(fetched) > now - TESTS_CACHE_FOR
    recently_failed = failed and datetime.fromisoformat(failed) > now - TESTS_RETRY_AFTER
    if not is_usable(integration):
        return tests, None, fetched
    if fresh and not refresh:
        return tests, None, fetched
    if recently_failed and not refresh:
        return tests, cache.get("tests_problem"), fetched
    client = client_for(integration)
    result = partners.call_now(integration, "alva.list_tests", client.list_tests if client else _no_key,
                               summary=store("alva.list_tests_summary"), actor=actor)
    _keep_tests(integration, result)
    cache = integration.cache or {}
    if result.ok:
        return result.data, None, cache["tests_fetched_at"]
    return tests, cache["tests_problem"], fetched


def _keep_tests(integration: PartnerIntegration, result: CallResult) -> None:
    """Store the outcome of asking the vendor for its tests in ``integration.cache``."""
    _note_call(integration, result)
    cache, now = dict(integration.cache or {}), _iso(utcnow())
    if result.ok:
        cache.update({"tests": result.data, "tests_fetched_at": now, "tests_failed_at": None, "tests_problem": None})
    else:
        problem = store("alva.tests_not_loaded", cause=result.error)
        cache.update({"tests_failed_at": now, "tests_problem": problem})
    integration.cache = cache


def list_tests(delivery: PartnerDelivery, integration: PartnerIntegration) -> CallResult:
    """Queued when the vendor finishes the connection, so the job settings' test picker has
    its list before a recruiter opens it (pages only read the cache)."""
    client = client_for(integration)
    result = client.list_tests() if client else _no_key()
    _keep_tests(integration, result)
    return result


def test_name(integration: PartnerIntegration, partner_test_id: str) -> str:
    for test in (integration.cache or {}).get("tests") or []:
        if test.get("partner_test_id") == partner_test_id:
            return test.get("partner_test_name") or partner_test_id
    return partner_test_id


def cached_tests(integration: PartnerIntegration) -> tuple[list[dict], str | None, str | None]:
    """``(tests, problem, fetched_at)`` from the cache alone: no call, no write."""
    cache = integration.cache or {}
    fetched, failed = cache.get("tests_fetched_at"), cache.get("tests_failed_at")
    problem = cache.get("tests_problem") if failed and (not fetched or failed >= fetched) else None
    return cache.get("tests") or [], problem, fetched


def catalogue(company_id: int, actor: User | None = None, *, refresh: bool = False) -> list[dict]:
    """Every active integration of the company with its tests (for the pickers).

    Pages read the cached lists only: a GET never calls the vendor or writes a row
    (SECURITY_BAR item 10). ``refresh`` (a POST: the "Refresh the list of tests" button) asks
    the vendor now, logs the call and commits."""
    out = []
    for integration in integrations_of(company_id, active_only=True):
        if refresh and is_usable(integration):
            tests, problem, fetched = tests_of(integration, actor=actor, refresh=True)
        else:
            tests, problem, fetched = cached_tests(integration)
        out.append({"integration": integration, "label": product_label(integration.product), "tests": tests,
                    "problem": problem, "fetched_at": fetched, "usable": is_usable(integration)})
    if refresh:
        db.session.commit()
    return out
