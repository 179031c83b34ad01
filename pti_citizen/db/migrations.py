"""Bring the database to the latest schema: on every start of the app, in the maintenance command and
in the tests, so that a fresh clone (or an empty Postgres) works without a manual step.

Uses the committed Alembic scripts (``alembic/versions``, created with ``reflex db init``/``makemigrations``)
from the repository root, whatever the current directory. On PostgreSQL an advisory lock keeps several
workers from migrating at the same time; SQLite serialises writers itself.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import sqlalchemy as sa
from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

from . import models  # noqa: F401  (the tables must be in the metadata)
from .engine import engine

ROOT = Path(__file__).resolve().parents[2]
_LOCK_ID = 0x70746931  # "pti1": any constant shared by every process of the app
#: Exit status of ``main`` when the database could not be migrated.
EXIT_FAILED = 3

logger = logging.getLogger(__name__)


def alembic_config() -> Config:
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "alembic"))
    return config


def head() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current(connection: sa.Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(url: str | None = None) -> str:
    """Apply every missing migration; returns the revision the database is at."""
    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    with engine(url).connect() as connection:
        postgres = connection.dialect.name == "postgresql"
        if postgres:
            connection.execute(sa.text("SELECT pg_advisory_lock(:id)"), {"id": _LOCK_ID})
        try:
            if current(connection) != script.get_current_head():

                def run(rev, _context):
                    return script._upgrade_revs("head", rev)

                with EnvironmentContext(config, script, fn=run) as env:
                    env.configure(
                        connection=connection,
                        target_metadata=SQLModel.metadata,
                        render_as_batch=connection.dialect.name == "sqlite",
                    )
                    with env.begin_transaction():
                        env.run_migrations()
                logger.info("database schema upgraded to %s", script.get_current_head())
            connection.commit()
            return current(connection)
        finally:
            if postgres:
                connection.execute(sa.text("SELECT pg_advisory_unlock(:id)"), {"id": _LOCK_ID})
                connection.commit()


def main() -> int:
    """``python -m pti_citizen.db.migrations``: how each server process migrates on start, in a child
    process, so that no server process imports Alembic or keeps what the migration allocated
    (``jobs.migrate``). Exit 0 when the schema is the committed one; 3 (with the error's kind on
    standard error, never its text: it may hold the database's address) when it could not be done."""
    try:
        upgrade()
    except (sa.exc.SQLAlchemyError, OSError) as error:
        print(type(error).__name__, file=sys.stderr)
        return EXIT_FAILED
    return 0


if __name__ == "__main__":
    sys.exit(main())
