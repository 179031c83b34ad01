"""Alembic environment for the ``alembic`` command line (``alembic upgrade head``, ``alembic revision
--autogenerate``). The app itself migrates through ``pti_citizen.db.migrations.upgrade`` on start.

The database URL is ``PTI_DATABASE_URL`` (SQLite ``pti_citizen.db`` by default), as for the app.
"""

from logging.config import fileConfig

from sqlmodel import SQLModel

from alembic import context
from pti_citizen.db import models  # noqa: F401  (registers the tables)
from pti_citizen.db.engine import database_url, engine

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = SQLModel.metadata


def run_migrations_offline() -> None:
    """``alembic upgrade head --sql``: print the SQL instead of running it."""
    context.configure(
        url=database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    with engine().connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
