"""Fixtures of the bulk-action tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def bulk_services(app):
    """The service module, imported once the app exists (it pulls in every feature's columns)."""
    from app.bulk import services

    return services
