"""What each server process runs when it starts (pti_citizen/jobs.py): the migration, done in a child
process so that no server process imports Alembic."""

from __future__ import annotations

import logging
import subprocess
import sys

import sqlalchemy as sa

from pti_citizen import jobs
from pti_citizen.db import migrations
from tests.processes import ROOT


def test_a_starting_server_brings_an_empty_database_to_the_committed_schema(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    monkeypatch.setenv("PTI_DATABASE_URL", url)  # what the child reads, as a server's settings do
    jobs.migrate()
    with sa.create_engine(url).connect() as connection:
        assert migrations.current(connection) == migrations.head()
        assert {"feedback", "kiosque"} <= set(sa.inspect(connection).get_table_names())


def test_an_unreachable_database_is_reported_by_its_kind_only_and_the_server_goes_on(monkeypatch, caplog):
    secret = "s3cret-password"
    monkeypatch.setenv("PTI_DATABASE_URL", f"postgresql+psycopg://pti:{secret}@127.0.0.1:9/pti")
    with caplog.at_level(logging.ERROR, logger="pti_citizen.jobs"):
        jobs.migrate()  # returns: pages and the simulator work without a database
    assert [record.getMessage() for record in caplog.records] == [
        f"database migration failed: exit {migrations.EXIT_FAILED}, OperationalError"
    ]
    assert secret not in caplog.text and "127.0.0.1" not in caplog.text


def test_the_app_imports_no_alembic():
    """Alembic and the scripts a migration reads stay in the child: ~9 MiB that every server
    process kept (docs/performance.md, « Server memory »)."""
    probe = "import sys, pti_citizen.pti_citizen; print(sorted(m for m in sys.modules if m.startswith('alembic')))"
    imported = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert imported.stdout.strip() == "[]"
