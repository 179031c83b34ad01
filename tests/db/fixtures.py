"""Databases for the tests: an empty SQLite file migrated like the app does it, and a throw-away
PostgreSQL server for the session (``tests/db/postgres.py``). Shared by every test folder through
``tests/conftest.py``."""

from __future__ import annotations

import os

import pytest

from tests.db.postgres import ThrowAwayPostgres, binaries
from tests.processes import require_tool

POSTGRES_ENV = "PTI_TEST_POSTGRES_URL"  # e.g. postgresql+psycopg://postgres@127.0.0.1:5432/pti (emptied!)


@pytest.fixture(scope="session")
def postgres_url():
    """``PTI_TEST_POSTGRES_URL`` when set (a throw-away database: its schema is dropped), otherwise a
    PostgreSQL server of our own from Debian's package, started once for the session."""
    if os.environ.get(POSTGRES_ENV):
        yield os.environ[POSTGRES_ENV]
        return
    bin_dir = binaries()
    require_tool(
        bin_dir,
        f"PostgreSQL is missing: scripts/setup.sh --dev installs it (Debian package postgresql), or set {POSTGRES_ENV}",
    )
    server = ThrowAwayPostgres(bin_dir)
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture
def db_url(tmp_path, monkeypatch):
    """An empty SQLite database, migrated like the app does it on start; also the default URL."""
    from pti_citizen.db import migrations

    url = f"sqlite:///{tmp_path / 'test.db'}"
    monkeypatch.setenv("PTI_DATABASE_URL", url)
    migrations.upgrade(url)
    return url
