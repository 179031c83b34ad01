"""Unit tests first, browser tests last: a broken rule fails in seconds, before any build."""

from __future__ import annotations

import pytest

from tests.db.fixtures import db_url, postgres_url  # noqa: F401  (fixtures for every folder)


def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: "/e2e/" in str(item.fspath))


@pytest.fixture(autouse=True)
def _settings_read_per_test():
    """The app reads its settings once per process; a test that sets a variable gets it read afresh."""
    from pti_citizen.services import services
    from pti_citizen.settings import get_settings

    get_settings.cache_clear()
    services.cache_clear()
    yield
    get_settings.cache_clear()
    services.cache_clear()
