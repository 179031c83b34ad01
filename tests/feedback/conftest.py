from __future__ import annotations

import pytest


@pytest.fixture
def db_url(tmp_path, monkeypatch):
    """An empty SQLite database, migrated like the app does it on start; also the default URL."""
    from pti_citizen.db import kiosque_store, migrations

    url = f"sqlite:///{tmp_path / 'test.db'}"
    monkeypatch.setenv("PTI_DATABASE_URL", url)
    migrations.upgrade(url)
    kiosque_store.invalidate()
    yield url
    kiosque_store.invalidate()
