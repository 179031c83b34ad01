"""Where the database is: ``Settings.database_url`` (``PTI_DATABASE_URL``), SQLite by default."""

from __future__ import annotations

from functools import cache

import sqlalchemy as sa
from sqlmodel import Session

from pti_citizen.settings import get_settings


def database_url() -> str:
    return get_settings().database_url


@cache
def _engine(url: str) -> sa.Engine:
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 15})

        @sa.event.listens_for(engine, "connect")
        def _sqlite_pragmas(connection, _record):  # readers do not block the writer
            cursor = connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def engine(url: str | None = None) -> sa.Engine:
    return _engine(url or database_url())


def session(url: str | None = None) -> Session:
    return Session(engine(url), expire_on_commit=False)
