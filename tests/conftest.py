"""Unit tests first, browser tests last: a broken rule fails in seconds, before any build."""

from __future__ import annotations


def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: "/e2e/" in str(item.fspath))
